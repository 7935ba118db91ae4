"""The agent console: what agents do with handoffs, logins, the views, the supervisor dashboard."""

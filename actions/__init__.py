"""Rasa custom actions (rasa-sdk): thin wrappers that read lines.yml and the database."""

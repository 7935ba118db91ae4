"""Rasa input channels (loaded by `rasa run` from credentials.yml; not by the action server)."""

"""The road every channel takes: inbound turns, handoffs, the outbox, the Rasa client, texts."""

"""The web channels: the chat widget's endpoints and the JSON chat API."""

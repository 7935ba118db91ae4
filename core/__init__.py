"""The core: what every layer may use and that needs no Flask, Twilio or rasa_sdk."""

"""Twilio voice and SMS: webhooks, TwiML, signature checks, outbound SMS, the phone simulator."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from ivr import sms, voice
    app.register_blueprint(voice.blueprint)
    app.register_blueprint(sms.blueprint)


BLUEPRINTS = ("voice", "sms")  # blueprint names, for the CSRF exemption of signed webhooks

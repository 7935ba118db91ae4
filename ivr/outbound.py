"""Outbound SMS (an agent's reply, a page) and page calls through the twilio REST client.

TWILIO_API_BASE points the client elsewhere than api.twilio.com: tests use a
local HTTP stand-in of Twilio's Messages API, never the real service.
"""
from __future__ import annotations

from sqlalchemy import select
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from core.models import Conversation, Message, SmsSuppression

TWILIO_API = "https://api.twilio.com"


class Suppressed(Exception):
    """The number sent STOP: nothing may be sent to it."""


class _RebasedHttpClient(TwilioHttpClient):
    def __init__(self, base: str):
        super().__init__(timeout=10)
        self.base = base.rstrip("/")

    def request(self, method, url, *args, **kwargs):
        if url.startswith(TWILIO_API):
            url = self.base + url[len(TWILIO_API):]
        return super().request(method, url, *args, **kwargs)


def client(config) -> Client:
    http = _RebasedHttpClient(config.twilio_api_base) if config.twilio_api_base else None
    return Client(config.twilio_account_sid, config.twilio_auth_token, http_client=http)


def is_suppressed(session, phone: str, line_id: str) -> bool:
    return session.execute(select(SmsSuppression.id).where(
        SmsSuppression.phone == phone, SmsSuppression.line_id == line_id)).first() is not None


def send_sms(services, conversation_id: str, text: str, sender: str = "agent") -> str:
    """Send a text to the SMS conversation's caller from the line's number; store it first."""
    with services.session() as session:
        conversation = session.get(Conversation, conversation_id)
        if conversation is None or conversation.channel != "sms" or not conversation.caller:
            raise ValueError("not an SMS conversation with a known number")
        if is_suppressed(session, conversation.caller, conversation.line_id):
            raise Suppressed(conversation_id)
        line = services.lines.get(conversation.line_id)
        message = Message(conversation_id=conversation_id, direction="out", sender=sender,
                          text=text, language=conversation.language, meta={"delivery": "queued"})
        session.add(message)
        session.flush()
        message_id, to = message.id, conversation.caller
    sent = client(services.config).messages.create(to=to, from_=line.twilio_number, body=text)
    with services.session() as session:
        stored = session.get(Message, message_id)
        stored.external_id = sent.sid
        stored.meta = {"delivery": sent.status or "sent"}
    return sent.sid


def page_sms(services, to: str, from_: str, body: str) -> str:
    """A page to a colleague (never to a caller): who, what category, a console link."""
    return client(services.config).messages.create(to=to, from_=from_, body=body).sid


def page_call(services, to: str, from_: str, token: str) -> str:
    """A call to an on-call colleague that plays the handoff's whisper (ivr/voice.py /page)."""
    url = f"{services.config.public_base_url.rstrip('/')}/twilio/voice/page/{token}"
    return client(services.config).calls.create(to=to, from_=from_, url=url).sid

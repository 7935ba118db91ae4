"""SMS: one conversation per (sender, line) within a session timeout, keywords, retries.

Twilio retries a webhook it did not get an answer to; the same MessageSid then
gets the same reply and nothing is stored twice.
"""
from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from flask import Blueprint, Response, abort, request
from sqlalchemy import delete, select
from twilio.twiml.messaging_response import MessagingResponse

from bot.road.inbound import handle_inbound
from bot.services import services
from bot.triage import screen
from core.models import Conversation, Message, SmsSuppression, utcnow
from core.phone import e164
from ivr.outbound import is_suppressed
from ivr.signature import twilio_only
from ivr.sms_text import fit, with_choices
from ivr.speech import for_sms

log = logging.getLogger(__name__)
blueprint = Blueprint("sms", __name__, url_prefix="/twilio")

STOP_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "AFMELDEN", "CANCEL", "END", "QUIT", "STOPPEN"}
START_WORDS = {"START", "UNSTOP", "AANMELDEN"}
HELP_WORDS = {"HELP", "INFO"}
KEYWORD_REPLIES = {
    "stop": {"nl": "U bent afgemeld en krijgt geen sms'jes meer van {org_name}. "
                   "Stuur START om u weer aan te melden.",
             "en": "You have been unsubscribed and will get no more texts from {org_name}. "
                   "Send START to subscribe again."},
    "start": {"nl": "U bent weer aangemeld voor sms'jes van {org_name}.",
              "en": "You are subscribed again to texts from {org_name}."},
    "help": {"nl": "Dit is de digitale assistent van {org_name}. Stel uw vraag in een sms, "
                   "of stuur 'medewerker'. Stuur STOP om u af te melden. "
                   "Bel {org_phone} tijdens {org_hours}. "
                   "Bij direct gevaar: bel {emergency_number}.",
             "en": "This is the digital assistant of {org_name}. Text your question, "
                   "or send 'agent'. Send STOP to unsubscribe. Call {org_phone} during "
                   "{org_hours}. In immediate danger: call {emergency_number}."},
    "media": {"nl": "Ik kan alleen tekst lezen, geen foto's of bestanden. "
                    "Wilt u uw vraag in een sms typen?",
              "en": "I can only read text, not photos or files. Could you type your question?"},
}


def twiml_reply(text: str | None) -> Response:
    response = MessagingResponse()
    if text:
        response.message(text)
    return Response(str(response), mimetype="application/xml")


def _previous_reply(message_sid: str) -> str | None:
    """The reply already given to this MessageSid (a Twilio retry), or None if it is new."""
    with services().session() as session:
        inbound = session.execute(select(Message).where(
            Message.external_id == message_sid, Message.direction == "in")).scalars().first()
        if inbound is None:
            return None
        following = session.execute(select(Message).where(
            Message.conversation_id == inbound.conversation_id, Message.id > inbound.id)
            .order_by(Message.id)).scalars().all()
        replies = []
        for message in following:
            if message.direction == "in":
                break
            replies.append(message)
        return render(replies)


def render(replies: list[Message]) -> str:
    """The SMS text for stored replies: the same for the first answer and for every retry."""
    texts = [with_choices(for_sms(m.text), (m.meta or {}).get("buttons") or [], m.language or "nl")
             for m in replies]
    text = "\n".join(texts)
    # System texts (the safe message of a handoff) are never shortened; answers fit 3 segments.
    return text if any(m.sender == "system" for m in replies) else fit(text)


def _conversation_id(caller: str, line_id: str) -> str:
    """The caller's open SMS conversation on this line, or a new one after the session timeout."""
    svc = services()
    cutoff = utcnow() - timedelta(minutes=svc.config.sms_session_minutes)
    with svc.session() as session:
        latest = session.execute(select(Conversation).where(
            Conversation.channel == "sms", Conversation.caller == caller,
            Conversation.line_id == line_id)
            .order_by(Conversation.updated_at.desc())).scalars().first()
        if latest is not None:
            updated = latest.updated_at if latest.updated_at.tzinfo else latest.updated_at.replace(
                tzinfo=cutoff.tzinfo)
            if latest.status == "handoff" or updated >= cutoff:
                return latest.id
    return f"SMS{uuid.uuid4().hex}"


def _record(conversation_id: str, caller: str, line_id: str, inbound: str, reply: str,
            message_sid: str, language: str) -> None:
    with services().session() as session:
        conversation = session.get(Conversation, conversation_id)
        if conversation is None:
            session.add(Conversation(id=conversation_id, channel="sms", line_id=line_id,
                                     language=language, caller=caller))
            session.flush()
        session.add(Message(conversation_id=conversation_id, direction="in", sender="user",
                            text=inbound, language=language, external_id=message_sid))
        session.add(Message(conversation_id=conversation_id, direction="out", sender="system",
                            text=reply, language=language))


def _keyword(body: str) -> str | None:
    word = body.strip().strip(".!").upper()
    if word in STOP_WORDS:
        return "stop"
    if word in START_WORDS:
        return "start"
    if word in HELP_WORDS:
        return "help"
    return None


@blueprint.post("/sms")
@twilio_only
def incoming_sms():
    svc = services()
    message_sid = request.form.get("MessageSid") or request.form.get("SmsSid") or ""
    if not message_sid or len(message_sid) > 64 or not message_sid.isalnum():
        abort(400)
    previous = _previous_reply(message_sid)
    if previous is not None:
        log.info("sms retry answered from store sid=%s", message_sid)
        return twiml_reply(previous)

    caller = e164(request.form.get("From"))
    line = svc.lines.by_number(e164(request.form.get("To")) or "") or svc.lines.get(None)
    body = (request.form.get("Body") or "").replace("\x00", "").strip()[:svc.config.max_text_chars]
    if caller is None:
        abort(400)
    conversation_id = _conversation_id(caller, line.id)
    language = line.default_language
    with svc.session() as session:
        existing = session.get(Conversation, conversation_id)
        if existing is not None:
            language = existing.language

    keyword = _keyword(body) if body else None
    if not body or (keyword and not screen.check(body).handoff):
        kind = keyword or "media"
        if kind in ("stop", "start"):
            with svc.session() as session:
                if kind == "stop" and not is_suppressed(session, caller, line.id):
                    session.add(SmsSuppression(phone=caller, line_id=line.id))
                elif kind == "start":
                    session.execute(delete(SmsSuppression).where(
                        SmsSuppression.phone == caller, SmsSuppression.line_id == line.id))
        reply = KEYWORD_REPLIES[kind][language].format(**line.slots(language))
        _record(conversation_id, caller, line.id, body or "[media]", reply, message_sid, language)
        return twiml_reply(reply)

    outcome = handle_inbound(svc, conversation_id, body, "sms", line.id,
                             external_id=message_sid, caller=caller)
    if not outcome.replies:
        return twiml_reply(None)  # a person has this conversation; they answer by REST
    stored = _previous_reply(message_sid)
    if stored is None:  # the database is down: the turn waits in memory, answer from it
        stored = "\n".join(for_sms(r.text) for r in outcome.replies)
    return twiml_reply(stored)

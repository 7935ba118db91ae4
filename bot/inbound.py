"""The one road every inbound message takes, whatever its channel.

    store the message → (safety screen) → person has it? → Rasa → store the replies

Channel adapters (JSON API, web chat, Twilio) parse their request, call
`handle_inbound`, and render the `Outcome` their own way. The road knows no
channel, so no channel can skip a step.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from bot import language as lang
from bot.models import Conversation, Message
from bot.rasa_client import RasaUnavailable
from bot.texts import text_for

log = logging.getLogger(__name__)


@dataclass
class Reply:
    text: str
    buttons: list = field(default_factory=list)

    def as_dict(self) -> dict:
        data = {"text": self.text}
        if self.buttons:
            data["buttons"] = self.buttons
        return data


@dataclass
class Outcome:
    conversation_id: str
    language: str
    replies: list
    handoff: dict | None = None


def get_or_create_conversation(session: Session, services, conversation_id: str,
                               channel: str, line_id: str | None) -> Conversation:
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        line = services.lines.get(line_id)
        conversation = Conversation(id=conversation_id, channel=channel, line_id=line.id,
                                    language=line.default_language, status="bot")
        session.add(conversation)
    return conversation


def _store(services, conversation_id: str, messages: list[Message]) -> None:
    with services.session() as session:
        session.add_all(messages)


def _replies_from_rasa(answer: list[dict]) -> tuple[list[Reply], str | None]:
    """Rasa's REST messages → our replies, plus a language the bot switched to."""
    replies, switched = [], None
    for item in answer:
        custom = item.get("custom") or {}
        if isinstance(custom, dict) and custom.get("language") in lang.SUPPORTED:
            switched = custom["language"]
        if item.get("text"):
            buttons = [{"title": b.get("title", ""), "payload": b.get("payload", "")}
                       for b in item.get("buttons") or []]
            replies.append(Reply(text=item["text"], buttons=buttons))
    return replies, switched


def handle_inbound(services, conversation_id: str, text: str, channel: str,
                   line_id: str | None = None, external_id: str | None = None) -> Outcome:
    started = time.perf_counter()
    with services.session() as session:
        conversation = get_or_create_conversation(session, services, conversation_id,
                                                  channel, line_id)
        language = lang.detect(text, conversation.language)
        conversation.language = language
        line_id = conversation.line_id
        status = conversation.status
        session.add(Message(conversation_id=conversation_id, direction="in", sender="user",
                            text=text, language=language, external_id=external_id))

    if status == "handoff":
        # A person has this conversation: the message is stored for them, the bot stays silent.
        return Outcome(conversation_id, language, [])

    metadata = {"channel": channel, "language": language, "line": line_id}
    try:
        answer = services.rasa.send(conversation_id, text, metadata)
        replies, switched = _replies_from_rasa(answer)
        rasa_ok = True
    except RasaUnavailable as exc:
        log.warning("rasa unavailable conversation=%s error=%s", conversation_id, exc)
        replies, switched, rasa_ok = [Reply(text_for("rasa_unavailable", language))], None, False

    if switched:
        language = switched
    if rasa_ok and not replies:
        replies = [Reply(text_for("no_answer", language))]

    with services.session() as session:
        conversation = session.get(Conversation, conversation_id)
        conversation.language = language
        session.add_all(Message(conversation_id=conversation_id, direction="out", sender="bot",
                                text=reply.text, language=language,
                                meta={"buttons": reply.buttons} if reply.buttons else {})
                        for reply in replies)

    log.info("turn conversation=%s channel=%s line=%s lang=%s replies=%d rasa_ok=%s ms=%.1f",
             conversation_id, channel, line_id, language, len(replies), rasa_ok,
             (time.perf_counter() - started) * 1000)
    return Outcome(conversation_id, language, replies)

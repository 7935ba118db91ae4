"""JSON API: `POST /api/messages`, one user turn in, the assistant's replies out."""
from __future__ import annotations

import re
import uuid

from flask import Blueprint, jsonify, request
from sqlalchemy.exc import SQLAlchemyError

from bot import abuse, binding
from bot.road import handoff as handoffs
from bot.road.inbound import handle_inbound
from bot.road.texts import text_for
from bot.services import services
from bot.triage import screen
from core.models import Conversation

blueprint = Blueprint("api", __name__, url_prefix="/api")

CHANNELS = ("api", "web")
# Control characters other than tab/newline carry no meaning in a chat message, and a lone
# UTF-16 surrogate (from a broken client) cannot even be stored.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Invisible characters: a message of only these is empty (the joiner inside emoji is kept).
INVISIBLE = re.compile(r"[\u00ad\u034f\u115f\u1160\u180e\u200b\u200c\u200e\u200f\u202a-\u202e"
                       r"\u2060-\u2064\u3164\ufeff\ufe00-\ufe0f]")


def clean(text: str) -> str:
    """The message as stored: no control characters, no invisible ones around the words."""
    text = INVISIBLE.sub("", CONTROL.sub("", text)).strip()
    return "" if not text.replace("\u200d", "").strip() else text


def _owner_refuses(conversation_id: str, body: dict) -> bool:
    """True when the id belongs to another client or another channel."""
    if binding.holds(conversation_id, body):
        return False  # only this API hands out tokens, and only for its own conversations
    try:
        with services().session() as session:
            return session.get(Conversation, conversation_id) is not None
    except SQLAlchemyError:
        return False  # the database is down: the turn is spooled under this id as a new one


def _error(status: int, code: str, language: str = "nl"):
    key = code if code in ("text_empty", "text_too_long", "too_many_requests") else "bad_request"
    return jsonify({"error": code, "message": text_for(key, language)}), status


@blueprint.post("/messages")
def post_message():
    cfg = services().config
    try:
        body = request.get_json(force=True, silent=False)
    except Exception:  # invalid JSON or a body that is not UTF-8
        return _error(400, "invalid_json")
    if not isinstance(body, dict):
        return _error(400, "invalid_json")

    text = body.get("text")
    if not isinstance(text, str):
        return _error(400, "text_missing")
    text = clean(text)
    if not text:
        return _error(400, "text_empty")
    if len(text) > cfg.max_text_chars:
        return _error(413, "text_too_long")

    conversation_id = body.get("conversation_id") or uuid.uuid4().hex
    if not isinstance(conversation_id, str) or not binding.CLIENT_ID.match(conversation_id):
        return _error(400, "invalid_conversation_id")
    channel = body.get("channel") or "api"
    if not isinstance(channel, str) or channel not in CHANNELS:
        return _error(400, "invalid_channel")
    line_id = body.get("line")
    if line_id is not None and (not isinstance(line_id, str)
                                or line_id not in services().lines.ids):
        return _error(400, "unknown_line")
    language = body.get("language")
    if language is not None and language not in ("nl", "en"):
        return _error(400, "invalid_language")

    if abuse.over_chat_limit():
        flagged = screen.check(text)
        if not flagged.handoff:
            return _error(429, "too_many_requests")
        if not abuse.crisis_handoff_allowed():
            # Someone in danger always hears where help is; a stream of them opens no stream
            # of handoffs (this client's first one in the window did).
            line = services().lines.get(line_id)
            cover = handoffs.cover_now(services(), line, flagged.language, flagged.category,
                                       channel)
            reply = handoffs.safe_reply(line, flagged.language, flagged.category, channel, cover)
            return jsonify({"conversation_id": conversation_id, "rate_limited": True,
                            "language": flagged.language, "replies": [{"text": reply}],
                            "handoff": None})
    if _owner_refuses(conversation_id, body):
        if not screen.check(text).handoff:
            return _error(403, "conversation_not_yours")
        # Someone in danger is never turned away: a person takes it, in a new conversation.
        conversation_id = uuid.uuid4().hex
    outcome = handle_inbound(services(), conversation_id, text, channel, line_id,
                             language_hint=language)
    return jsonify({
        "conversation_id": outcome.conversation_id,
        "conversation_token": binding.bind(outcome.conversation_id),
        "language": outcome.language,
        "replies": [reply.as_dict() for reply in outcome.replies],
        "handoff": outcome.handoff,
    })

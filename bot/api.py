"""JSON API: `POST /api/messages`, one user turn in, the assistant's replies out."""
from __future__ import annotations

import re
import uuid

from flask import Blueprint, jsonify, request

from bot.inbound import handle_inbound
from bot.services import services
from bot.texts import text_for

blueprint = Blueprint("api", __name__, url_prefix="/api")

CONVERSATION_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
CHANNELS = {"api", "web"}
# Control characters other than tab/newline carry no meaning in a chat message.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _error(status: int, code: str, language: str = "nl"):
    key = code if code in ("text_empty", "text_too_long") else "bad_request"
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
    text = CONTROL.sub("", text).strip()
    if not text:
        return _error(400, "text_empty")
    if len(text) > cfg.max_text_chars:
        return _error(413, "text_too_long")

    conversation_id = body.get("conversation_id") or uuid.uuid4().hex
    if not isinstance(conversation_id, str) or not CONVERSATION_ID.match(conversation_id):
        return _error(400, "invalid_conversation_id")
    channel = body.get("channel") or "api"
    if channel not in CHANNELS:
        return _error(400, "invalid_channel")
    line_id = body.get("line")
    if line_id is not None and line_id not in services().lines.ids:
        return _error(400, "unknown_line")

    language = body.get("language")
    if language is not None and language not in ("nl", "en"):
        return _error(400, "invalid_language")
    outcome = handle_inbound(services(), conversation_id, text, channel, line_id,
                             language_hint=language)
    return jsonify({
        "conversation_id": outcome.conversation_id,
        "language": outcome.language,
        "replies": [reply.as_dict() for reply in outcome.replies],
        "handoff": outcome.handoff,
    })

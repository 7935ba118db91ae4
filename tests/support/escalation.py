"""The gateway as the escalation tests run it (Rasa unreachable, Twilio's REST API stood in
for by conftest's `twilio_api`), and what they read back: a handoff's events."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from core.db import session_scope
from core.models import HandoffEvent
from tests.support.offline import UNREACHABLE
from tests.support.twilio_util import PUBLIC, TOKEN
from tools.stack import ROOT


def config(db_url, twilio_base) -> dict:
    return {"database_url": db_url, "rasa_url": UNREACHABLE,
            "actions_url": UNREACHABLE, "rasa_timeout": 1.0,
            "lines_file": ROOT / "lines.yml", "twilio_auth_token": TOKEN,
            "public_base_url": PUBLIC, "twilio_api_base": twilio_base, "testing": True}


def events_of(db_url, handoff_id) -> list[tuple[str, str]]:
    with session_scope(db_url) as session:
        return [(e.kind, e.detail) for e in session.execute(select(HandoffEvent).where(
            HandoffEvent.handoff_id == handoff_id).order_by(HandoffEvent.id)).scalars()]


def web(app, text, line="vrienden"):
    """One web chat message that opens a handoff: (conversation id, handoff id, first reply)."""
    conversation_id = uuid.uuid4().hex
    answer = app.test_client().post("/api/messages", json={
        "text": text, "conversation_id": conversation_id, "channel": "web", "line": line,
    }).get_json()
    return conversation_id, answer["handoff"]["id"], answer["replies"][0]["text"]

"""The web chat API as a test talks to it: one message in, the gateway's answer out; and the
handoffs a conversation got."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from core.db import session_scope
from core.models import Handoff


def say(client, text, conversation_id=None, line=None, **extra):
    body = {"conversation_id": conversation_id or uuid.uuid4().hex, "text": text,
            "channel": "api", **extra}
    if line:
        body["line"] = line
    response = client.post("/api/messages", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def all_text(answer) -> str:
    return " ".join(reply["text"] for reply in answer["replies"]).lower()


def handoff_reasons(db_url, conversation_id) -> list[tuple[str, str]]:
    """(category, reason) of each handoff of one conversation."""
    with session_scope(db_url) as session:
        return [(h.category, h.reason) for h in session.execute(select(Handoff).where(
            Handoff.conversation_id == conversation_id)).scalars()]

"""Transcripts are kept only as long as configured; open handoffs are never purged."""
from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select, update

from bot import create_app, retention
from core.db import session_scope
from core.models import Conversation, Handoff, HandoffNote, Message, utcnow
from tests.support.offline import UNREACHABLE
from tools.stack import ROOT


def make_app(db_url, days=30):
    return create_app({"database_url": db_url, "rasa_url": UNREACHABLE,
                       "actions_url": UNREACHABLE, "rasa_timeout": 1.0,
                       "lines_file": ROOT / "lines.yml", "transcript_retention_days": days})


def crisis(app) -> str:
    conversation_id = uuid.uuid4().hex
    app.test_client().post("/api/messages", json={"text": "ik wil niet meer leven",
                                                  "conversation_id": conversation_id})
    return conversation_id


def age(db_url, conversation_id, days):
    with session_scope(db_url) as session:
        session.execute(update(Conversation).where(Conversation.id == conversation_id)
                        .values(updated_at=utcnow() - timedelta(days=days), caller="+31612345678"))


def test_old_transcripts_are_purged_recent_and_open_ones_kept(db_url):
    app = make_app(db_url, days=30)
    services = app.extensions["assistant"]
    old_closed, old_open, recent = crisis(app), crisis(app), crisis(app)
    with session_scope(db_url) as session:
        handoff = session.execute(select(Handoff).where(
            Handoff.conversation_id == old_closed)).scalar_one()
        handoff.status = "closed"
        session.add(HandoffNote(handoff_id=handoff.id, author="anna", text="teruggebeld"))
    age(db_url, old_closed, 45)
    age(db_url, old_open, 45)

    dry = retention.purge(services, dry_run=True)
    assert dry["conversations"] == 1 and dry["messages"] >= 2 and dry["notes"] == 1
    with session_scope(db_url) as session:
        assert session.execute(select(Message).where(Message.conversation_id == old_closed)).first()

    result = app.test_cli_runner().invoke(args=["transcripts", "purge"])
    assert result.exit_code == 0 and "1 conversations" in result.output
    with session_scope(db_url) as session:
        def messages(cid):
            return session.execute(select(Message).where(Message.conversation_id == cid)).all()
        assert messages(old_closed) == [] and session.execute(select(HandoffNote)).first() is None
        assert session.get(Conversation, old_closed).caller is None
        # the facts for the statistics stay
        assert session.execute(select(Handoff).where(Handoff.conversation_id == old_closed)).first()
        assert messages(old_open) and messages(recent)  # open handoff / within retention

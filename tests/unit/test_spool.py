"""Nothing is lost while the database is down: a turn goes to a spool on disk before the reply,
and is written once, in order, when the database is back. (A killed gateway process:
tests/system/test_spool_outage.py.)"""
from __future__ import annotations

import os
import uuid

from sqlalchemy import select

from bot.migrate import upgrade
from bot.road.outbox import Outbox, PendingTurn, spool_dir_for
from core.db import session_scope
from core.models import Handoff, Message, utcnow
from tools.stack import ROOT


def test_the_spool_lives_beside_its_database(tmp_path):
    assert spool_dir_for(f"sqlite:///{tmp_path / 'a.db'}") == tmp_path / "a.db.spool"
    other = spool_dir_for("postgresql://u@127.0.0.1:5432/x")
    assert other.parent == ROOT / "var" / "spool"
    assert other != spool_dir_for("postgresql://u@127.0.0.1:5432/y")


def turn(conversation_id, text, handoff=False):
    now = utcnow()
    return PendingTurn(
        conversation={"id": conversation_id, "channel": "sms", "line_id": "pomp",
                      "language": "nl", "caller": "+31612345678"},
        messages=[{"direction": "in", "sender": "user", "text": text, "language": "nl",
                   "meta": {}, "created_at": now}],
        handoff={"channel": "sms", "line_id": "pomp", "language": "nl", "category": "system",
                 "reason": "database unavailable", "risk_level": "medium", "status": "open",
                 "created_at": now} if handoff else None)


def test_spooled_turns_are_written_in_order_and_exactly_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    upgrade(url)
    outbox = Outbox(tmp_path / "spool")
    conversation_id = "SM" + uuid.uuid4().hex
    for index in range(3):
        outbox.add(turn(conversation_id, f"bericht {index}", handoff=index == 0))
    files = sorted((tmp_path / "spool").glob("*.json"))
    copies = [(path.name, path.read_bytes()) for path in files]
    assert outbox.status_of(conversation_id) == "handoff" and len(outbox) == 3

    assert outbox.flush(lambda: session_scope(url)) == 3
    # A process that died between commit and delete leaves the files behind: nothing twice.
    for name, data in copies:
        (tmp_path / "spool" / name).write_bytes(data)
    assert outbox.flush(lambda: session_scope(url)) == 0
    assert len(outbox) == 0
    with session_scope(url) as session:
        texts = [m.text for m in session.execute(select(Message).where(
            Message.conversation_id == conversation_id).order_by(Message.id)).scalars()]
        handoffs = session.execute(select(Handoff)).scalars().all()
    assert texts == ["bericht 0", "bericht 1", "bericht 2"]
    assert [(h.category, h.conversation_id) for h in handoffs] == [("system", conversation_id)]


def test_a_spool_that_cannot_be_written_still_keeps_the_turn(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    outbox = Outbox(blocked / "spool")  # mkdir fails: the turn stays in memory
    outbox.add(turn("SM" + uuid.uuid4().hex, "hallo"))
    assert len(outbox) == 1
    url = f"sqlite:///{tmp_path / 'y.db'}"
    upgrade(url)
    assert outbox.flush(lambda: session_scope(url)) == 1 and len(outbox) == 0
    assert os.path.exists(tmp_path / "y.db")

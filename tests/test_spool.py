"""Nothing is lost while the database is down: a turn goes to a spool on disk before the reply,
and is written once, in order, when the database is back, even after the gateway was killed."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid

import pytest
import requests
from sqlalchemy import select

from bot import create_app
from bot.migrate import upgrade
from bot.road.outbox import Outbox, PendingTurn, spool_dir_for
from core.db import session_scope
from core.models import Conversation, Handoff, Message, utcnow
from tests.conftest import ROOT, free_port
from tools.stack import base_env, wait_for

CRISIS = "ik wil niet meer leven, vanavond maak ik er een eind aan"


def test_the_spool_lives_beside_its_database(tmp_path):
    assert spool_dir_for(f"sqlite:///{tmp_path / 'a.db'}") == tmp_path / "a.db.spool"
    other = spool_dir_for("postgresql://u@127.0.0.1:5432/x")
    assert other.parent == ROOT / "var" / "spool"
    assert other != spool_dir_for("postgresql://u@127.0.0.1:5432/y")


@pytest.mark.system  # a gateway process, killed mid-outage
def test_a_killed_gateway_loses_no_crisis_spooled_during_an_outage(tmp_path):
    db_file = tmp_path / "assistant.db"
    db_file.mkdir()  # a directory where the database should be: every connection fails
    url = f"sqlite:///{db_file}"
    port = free_port()
    env = base_env(url)
    env.update({"RASA_URL": f"http://127.0.0.1:{free_port()}", "RASA_TIMEOUT": "1",
                "ACTIONS_URL": f"http://127.0.0.1:{free_port()}"})
    gateway = subprocess.Popen([sys.executable, "-m", "flask", "--app", "bot", "run",
                                "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/chat", 60, gateway)
        conversation_id = uuid.uuid4().hex
        answer = requests.post(f"http://127.0.0.1:{port}/api/messages", timeout=30,
                               json={"text": CRISIS, "conversation_id": conversation_id}).json()
        assert answer["handoff"]["category"] == "crisis"
        assert "113" in answer["replies"][0]["text"]
        spooled = list((tmp_path / "assistant.db.spool").glob("*.json"))
        assert len(spooled) == 1  # on disk before the reply came back
    finally:
        gateway.send_signal(signal.SIGKILL)
        gateway.wait(10)

    shutil.rmtree(db_file)  # the database comes back; the gateway starts again
    upgrade(url)
    create_app({"database_url": url, "lines_file": ROOT / "lines.yml", "testing": True})
    with session_scope(url) as session:
        conversation = session.get(Conversation, conversation_id)
        assert conversation.status == "handoff"
        assert [m.text for m in conversation.messages][0] == CRISIS
        [handoff] = session.execute(select(Handoff).where(
            Handoff.conversation_id == conversation_id)).scalars().all()
        assert (handoff.category, handoff.status, handoff.channel) == ("crisis", "open", "api")
    assert list((tmp_path / "assistant.db.spool").glob("*.json")) == []


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

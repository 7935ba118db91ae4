"""Nothing is lost while the database is down, even when the gateway process is killed
mid-outage: the spooled turns are written once, in order, by the next gateway."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import uuid

import requests
from sqlalchemy import select

from bot import create_app
from bot.migrate import upgrade
from core.db import session_scope
from core.models import Conversation, Handoff
from tests.support.offline import UNREACHABLE
from tools.stack import ROOT, base_env, free_port, wait_for

CRISIS = "ik wil niet meer leven, vanavond maak ik er een eind aan"


def test_a_killed_gateway_loses_no_crisis_spooled_during_an_outage(tmp_path):
    db_file = tmp_path / "assistant.db"
    db_file.mkdir()  # a directory where the database should be: every connection fails
    url = f"sqlite:///{db_file}"
    port = free_port()
    env = base_env(url)
    env.update({"RASA_URL": UNREACHABLE, "RASA_TIMEOUT": "1",
                "ACTIONS_URL": UNREACHABLE})
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

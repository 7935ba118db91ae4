"""Escalation by real worker processes (`flask --app bot worker`), two at a time, on SQLite and
PostgreSQL, with their clocks set by time-machine and Twilio's REST API stood in for locally.

Handoffs are opened on Tuesday 30 March 2027 at 10:00 (nobody in the console). Workers are
then started at 10:00:30 (nothing is due), stopped, and started again at 10:01:01, 10:03:01
and 10:10:01: each level happens exactly once, also across restarts, and never for a handoff
an agent has accepted."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from bot import create_app
from bot.console import handoffs as console
from bot.console.auth import create_agent, update_agent
from core.db import session_scope
from core.models import Handoff, Message
from tests.support.escalation import config, events_of, web
from tests.support.twilio_util import PUBLIC, TOKEN, signed_post
from tools.stack import ROOT

AMS = ZoneInfo("Europe/Amsterdam")
T0 = datetime(2027, 3, 30, 10, 0, tzinfo=AMS)
ON_CALL = ["+31200000011", "+31200000012"]  # the foundation's on-call list (lines.yml)
SUPERVISOR_PHONE = "+31612000999"
CRISIS_NL = "ik wil niet meer leven"
PASSWORD = "correct horse battery"
# A worker process with its clock set: the real `flask --app bot worker`, started at a moment.
LAUNCH = ("import sys, time_machine; time_machine.travel(sys.argv[1], tick=True).start(); "
          "from flask.cli import main; sys.argv = ['flask', '--app', 'bot', 'worker', "
          "'--interval', '0.3', '--trace']; main()")


class Workers:
    """Two real worker processes whose clocks start at `moment`."""

    def __init__(self, db_url: str, twilio_base: str, logs: Path):
        self.env = {"DATABASE_URL": db_url, "LINES_FILE": str(ROOT / "lines.yml"),
                    "TWILIO_API_BASE": twilio_base, "TWILIO_AUTH_TOKEN": TOKEN,
                    "PUBLIC_BASE_URL": PUBLIC, "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
                    "PATH": "/usr/bin:/bin"}
        self.logs, self.procs, self.runs = logs, [], 0

    def start(self, moment: datetime, count: int = 2) -> None:
        self.runs += 1
        for n in range(count):
            log = self.logs / f"worker-{self.runs}-{n}.log"
            proc = subprocess.Popen([sys.executable, "-c", LAUNCH, moment.isoformat()], cwd=ROOT,
                                    env=self.env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
            self.procs.append((proc, log))

    def passes(self) -> list[int]:
        return [len(re.findall(r"^worker pass \d+", log.read_text(errors="replace"), re.M))
                for _, log in self.procs]

    def wait_passes(self, at_least: int, timeout: float = 90) -> None:
        """Until every worker has made `at_least` more passes than now (they poll every 0.3 s)."""
        start = self.passes()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for proc, log in self.procs:
                assert proc.poll() is None, log.read_text(errors="replace")[-2000:]
            pairs = zip(self.passes(), start, strict=True)
            if all(now - before >= at_least for now, before in pairs):
                return
            time.sleep(0.2)
        raise TimeoutError(f"workers made {self.passes()} passes")

    def stop(self) -> None:
        for proc, _ in self.procs:
            proc.terminate()
            proc.wait(15)
        self.procs = []


@pytest.fixture
def workers(db_url, twilio_api, tmp_path):
    pool = Workers(db_url, twilio_api[0], tmp_path)
    yield pool
    pool.stop()


def system_messages(db_url, conversation_id) -> list[str]:
    with session_scope(db_url) as session:
        return [m.text for m in session.execute(select(Message).where(
            Message.conversation_id == conversation_id, Message.sender == "system")
            .order_by(Message.id)).scalars()]


def pages_for(received, handoff_id) -> list[dict]:
    return [r for r in received if r["kind"] == "sms" and f"Overdracht {handoff_id} " in r["Body"]]


def test_levels_happen_once_with_two_workers_across_restarts_and_never_after_accept(
        db_url, twilio_api, workers):
    base, received = twilio_api
    app = create_app(config(db_url, base))
    services = app.extensions["assistant"]
    create_agent(services, "sara", "supervisor", PASSWORD)
    update_agent(services, "sara", phone=SUPERVISOR_PHONE)
    sms_caller = "+31687650001"
    with time_machine.travel(T0, tick=False):
        crisis_conv, crisis_id, told = web(app, CRISIS_NL)
        taken_conv, taken_id, _ = web(app, "ik zie het niet meer zitten, ik wil dood")
        signed_post(app.test_client(), "/twilio/sms", {
            "MessageSid": "SM" + uuid.uuid4().hex, "From": sms_caller, "To": "+3197000000001",
            "Body": "ik wil er een eind aan maken", "NumMedia": "0"})
        request_conv = uuid.uuid4().hex
        request_id = app.test_client().post(f"/api/conversations/{request_conv}/person", json={
            "line": "vrienden", "language": "en"}).get_json()["handoff"]["id"]
    with session_scope(db_url) as session:
        sms_id = session.execute(select(Handoff.id).where(Handoff.channel == "sms")).scalar_one()
    assert "roep ik nu een dienstdoende medewerker voor u op" in told
    with time_machine.travel(T0 + timedelta(seconds=30), tick=False):
        console.accept(services, taken_id, "sara")

    # 10:00:30: nothing is due yet
    workers.start(T0 + timedelta(seconds=30))
    workers.wait_passes(3)
    workers.stop()  # a restart between the handoff and its due time
    assert received == [] and events_of(db_url, crisis_id) == []

    # 10:01:01: level 1, once, by one of the two new workers
    workers.start(T0 + timedelta(seconds=61))
    workers.wait_passes(5)
    for handoff_id in (crisis_id, sms_id):
        pages = pages_for(received, handoff_id)
        assert sorted(p["To"] for p in pages) == ON_CALL
        for page in pages:
            assert page["From"] == "+3197000000001"
            assert f"{PUBLIC}/agent/handoffs/{handoff_id}" in page["Body"]
            assert "crisis" in page["Body"]
            assert "leven" not in page["Body"] and "eind" not in page["Body"]  # never their words
    assert "web, geen nummer" in pages_for(received, crisis_id)[0]["Body"]
    assert "beller …0001" in pages_for(received, sms_id)[0]["Body"]
    assert sms_caller not in " ".join(p["Body"] for p in received if p["kind"] == "sms")
    calls = [r for r in received if r["kind"] == "call"]
    assert sorted(c["To"] for c in calls) == sorted(ON_CALL * 2)  # a crisis also rings, both
    with session_scope(db_url) as session:
        token = session.get(Handoff, crisis_id).token
    assert sum(c["Url"] == f"{PUBLIC}/twilio/voice/page/{token}" for c in calls) == 2
    level1 = events_of(db_url, crisis_id)
    assert level1.count(("escalated", "level 1")) == 1
    assert [k for k in level1 if k[0] in ("console_alert", "caller_told")] == [
        ("console_alert", "level 1"), ("caller_told", "level 1")]
    assert sorted(d for k, d in level1 if k == "paged") == [
        "on-call 0 call", "on-call 0 sms", "on-call 1 call", "on-call 1 sms"]
    [longer] = system_messages(db_url, crisis_conv)[1:]
    assert longer.startswith("Het duurt langer") and "113" in longer and "112" in longer
    to_caller = [r for r in received if r["kind"] == "sms" and r["To"] == sms_caller]
    assert len(to_caller) == 1 and to_caller[0]["Body"].startswith("Het duurt langer")
    assert events_of(db_url, taken_id) == [("accepted_in_console", "sara")]
    assert events_of(db_url, request_id) == []  # routine: 10 minutes
    workers.stop()

    # 10:03:01: level 2, once: the supervisor is paged, the caller told to call 113/112 now
    count = len(received)
    workers.start(T0 + timedelta(seconds=181))
    workers.wait_passes(5)
    supervisor = [r for r in received[count:] if r["To"] == SUPERVISOR_PHONE]
    assert sorted(int(re.search(r"Overdracht (\d+) ", p["Body"]).group(1)) for p in supervisor) \
        == sorted([crisis_id, sms_id])
    assert all(p["Body"].startswith("[supervisor]") for p in supervisor)
    level2 = events_of(db_url, crisis_id)[len(level1):]
    assert level2 == [("escalated", "level 2"), ("console_alert", "level 2"),
                      ("paged", "supervisor sara sms"), ("caller_told", "level 2"),
                      ("referred", "113")]
    now = system_messages(db_url, crisis_conv)[-1]
    assert "Bel nu 113 Zelfmoordpreventie" in now and "0800-0113" in now and "Bel nu 112" in now
    with session_scope(db_url) as session:
        still = session.get(Handoff, crisis_id)
        assert (still.status, still.escalation_level, still.escalation_due_at) == ("open", 2, None)
    assert events_of(db_url, taken_id) == [("accepted_in_console", "sara")]
    workers.stop()

    # 10:10:01: the routine request gets its callback offer, once; nothing else happens
    count = len(received)
    workers.start(T0 + timedelta(seconds=601))
    workers.wait_passes(5)
    assert received[count:] == []
    assert events_of(db_url, request_id) == [("escalated", "level 1"), ("caller_told", "level 1"),
                                             ("callback_offered", "after 600 s")]
    [offer] = system_messages(db_url, request_conv)[1:]
    assert "called back" in offer and "later today" in offer and "vrienden@example.org" in offer
    assert len(events_of(db_url, crisis_id)) == len(level1) + len(level2)

    # the audit trail from outside, as JSON lines
    result = app.test_cli_runner().invoke(args=["handoffs", "events", str(crisis_id)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["kind"], r["detail"]) for r in rows] == level1 + level2
    assert all(r["handoff_id"] == crisis_id for r in rows)

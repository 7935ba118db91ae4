"""Escalation in the gateway itself (no worker process), on SQLite and PostgreSQL, with the
clock set by time-machine and Twilio's REST API stood in for locally: a voice crisis pages by
SMS but rings nobody twice, and the dashboard and /metrics show time to accept, escalations
and referrals. (Real worker processes: tests/system/test_escalation_workers.py.)"""
from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from bot import create_app, escalation
from bot.console import handoffs as console
from bot.console.auth import create_agent
from core.db import session_scope
from core.models import Handoff
from tests.support.escalation import config, events_of, web
from tests.support.twilio_util import signed_post

AMS = ZoneInfo("Europe/Amsterdam")
T0 = datetime(2027, 3, 30, 10, 0, tzinfo=AMS)
ON_CALL = ["+31200000011", "+31200000012"]  # the foundation's on-call list (lines.yml)
CRISIS_NL = "ik wil niet meer leven"
PASSWORD = "correct horse battery"


def test_a_voice_crisis_pages_by_sms_but_rings_nobody_twice_and_the_call_is_not_interrupted(
        db_url, twilio_api):
    base, received = twilio_api
    app = create_app(config(db_url, base))
    services = app.extensions["assistant"]
    caller = {"CallSid": "CA" + uuid.uuid4().hex, "From": "+31612345678", "To": "+3197000000001",
              "AccountSid": "AC" + "0" * 32}
    with time_machine.travel(T0, tick=False):
        signed_post(app.test_client(), "/twilio/voice", {**caller, "CallStatus": "ringing"})
        signed_post(app.test_client(), "/twilio/voice/gather",
                    {**caller, "SpeechResult": CRISIS_NL, "Confidence": "0.9"})
    assert escalation.run_due(services, T0 + timedelta(seconds=59)) == []
    with session_scope(db_url) as session:
        handoff = session.execute(select(Handoff)).scalar_one()
    assert escalation.run_due(services, T0 + timedelta(seconds=61)) == [(handoff.id, 1)]
    assert escalation.run_due(services, T0 + timedelta(seconds=62)) == []
    assert sorted(r["To"] for r in received) == ON_CALL and {r["kind"] for r in received} == {"sms"}
    kinds = [k for k, _ in events_of(db_url, handoff.id)]
    assert kinds[:1] == ["ringing"] and "caller_not_told" in kinds
    # the page call (for chat and SMS crises) plays what waits, never what was said
    page = signed_post(app.test_client(), f"/twilio/voice/page/{handoff.token}", caller)
    heard = page.get_data(as_text=True)
    assert "Categorie: crisis" in heard and "niet meer leven" not in heard and "5678" in heard


def test_dashboard_and_metrics_show_time_to_accept_escalations_and_referrals(db_url, twilio_api):
    base, _ = twilio_api
    app = create_app(config(db_url, base))
    services = app.extensions["assistant"]
    create_agent(services, "sara", "supervisor", PASSWORD)
    with time_machine.travel(T0, tick=False):
        ids = [web(app, CRISIS_NL)[1] for _ in range(3)]
        request_id = app.test_client().post(f"/api/conversations/{uuid.uuid4().hex}/person", json={
            "line": "vrienden"}).get_json()["handoff"]["id"]
    with time_machine.travel(datetime(2027, 3, 29, 11, 0, tzinfo=AMS), tick=False):
        web(app, CRISIS_NL, line="pomp")  # Easter Monday: outside coverage, sent to 113
    def worker_pass(seconds):
        with time_machine.travel(T0 + timedelta(seconds=seconds), tick=False):
            escalation.run_due(services)

    for handoff_id, seconds in ((ids[0], 20), (ids[1], 90), (request_id, 300)):
        if seconds > 60:
            worker_pass(61)
        with time_machine.travel(T0 + timedelta(seconds=seconds), tick=False):
            console.accept(services, handoff_id, "sara")
    worker_pass(181)  # ids[2] reaches level 2

    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        client = app.test_client()
        page = client.get("/agent/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        client.post("/agent/login", data={"username": "sara", "password": PASSWORD,
                                          "csrf_token": token})
        html = client.get("/agent/dashboard").get_data(as_text=True)
        text = client.get("/metrics")
    crisis_row = re.search(r'<tr data-category="crisis">(.*?)</tr>', html, re.S).group(1)
    assert '<td class="median">55 s</td>' in crisis_row  # 20 s and 90 s
    assert "90 s</td>" in crisis_row and 'class="p95 miss"' in crisis_row
    assert "60 s</td>" in crisis_row
    request_row = re.search(r'<tr data-category="request">(.*?)</tr>', html, re.S).group(1)
    assert '<td class="median">5.0 min</td>' in request_row and 'class="p95 met"' in request_row
    assert re.search(r'id="crisis-in-time">25%<', html)  # 1 of 4 crisis handoffs within 60 s
    assert re.search(r'id="escalations">3<', html)  # ids[1], ids[2] level 1, ids[2] level 2
    assert re.search(r'id="referred-113">2<', html)  # Easter Monday + ids[2] told to call now
    assert re.search(r'id="outside-coverage">1<', html)

    assert text.status_code == 200 and text.mimetype == "text/plain"
    metrics = text.get_data(as_text=True)
    for line in ('assistant_handoff_time_to_accept_seconds_bucket{category="crisis",le="15"} 0.0',
                 'assistant_handoff_time_to_accept_seconds_bucket{category="crisis",le="30"} 1.0',
                 'assistant_handoff_time_to_accept_seconds_bucket{category="crisis",le="120"} 2.0',
                 'assistant_handoff_time_to_accept_seconds_count{category="crisis"} 2.0',
                 'assistant_handoff_time_to_accept_seconds_sum{category="crisis"} 110.0',
                 'assistant_handoff_time_to_accept_seconds_count{category="request"} 1.0',
                 'assistant_escalations_total{level="1"} 2.0',
                 'assistant_escalations_total{level="2"} 1.0',
                 'assistant_referrals_total{to="113"} 2.0',
                 'assistant_handoffs_total{category="crisis",channel="web",cover="outside"} 1.0',
                 'assistant_handoffs_total{category="crisis",channel="web",cover="paging"} 3.0',
                 'assistant_handoffs_open{category="crisis"} 2.0'):
        assert line in metrics, line
    assert "niet meer leven" not in metrics and "sara" not in metrics

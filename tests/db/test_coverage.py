"""Coverage: what a handoff may promise, decided at the moment of the handoff from who can
really come (presence × line × language × business hours × on-call), on web, SMS and voice.

The clock is set with time-machine; the gateway is the real app on a real database (SQLite
and PostgreSQL), with Rasa unreachable: crisis and device signals are handed off by the rules
before Rasa, a routine request comes from the 'talk to a person' button or key 0. (The
routine SMS that needs the real model: tests/stack/test_coverage_sms.py.)"""
from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from bot import create_app, presence
from bot.console.auth import create_agent, update_agent
from core.db import session_scope
from core.models import Agent, Handoff, HandoffEvent
from tests.support.offline import UNREACHABLE
from tests.support.phone import DONOR_LINE, PUMP_LINE, Caller, spoken
from tests.support.twilio_util import PUBLIC, TOKEN, signed_post
from tools.stack import ROOT

AMS = ZoneInfo("Europe/Amsterdam")
SUNDAY_NIGHT = datetime(2027, 3, 21, 3, 0, tzinfo=AMS)
EASTER_MONDAY = datetime(2027, 3, 29, 11, 0, tzinfo=AMS)
TUESDAY = datetime(2027, 3, 30, 10, 0, tzinfo=AMS)
CLOSED = {"sunday 03:00": SUNDAY_NIGHT, "easter monday": EASTER_MONDAY}
REOPENS = {SUNDAY_NIGHT: ("maandag 22 maart om 09:00", "Monday 22 March at 09:00"),
           EASTER_MONDAY: ("dinsdag 30 maart om 09:00", "Tuesday 30 March at 09:00")}
CRISIS = {"nl": "ik wil niet meer leven", "en": "honestly I just want to kill myself"}
DEVICE_NL = "mijn pomp geeft al uren geen insuline en ik moet steeds overgeven"
PASSWORD = "correct horse battery"
# Words that promise a person is coming
PROMISES = ("komt zo", "verbind u nu door met een medewerker", "roep ik", "with you shortly",
            "calling a person", "in a moment", "moment geduld")


def promises_a_person(text: str) -> bool:
    return any(words in text for words in PROMISES)


# --- the calendar and the rules, without the app -------------------------------------------

@pytest.fixture
def cover_app(db_url, twilio_api):
    return create_app({"database_url": db_url, "rasa_url": UNREACHABLE,
                       "actions_url": UNREACHABLE, "rasa_timeout": 1.0,
                       "lines_file": ROOT / "lines.yml", "twilio_auth_token": TOKEN,
                       "public_base_url": PUBLIC, "twilio_api_base": twilio_api[0],
                       "testing": True})


def web(app, text, line="vrienden"):
    answer = app.test_client().post("/api/messages", json={
        "text": text, "conversation_id": uuid.uuid4().hex, "channel": "web", "line": line,
    }).get_json()
    return " ".join(r["text"] for r in answer["replies"]), answer["handoff"]


def person_button(app, line="vrienden", language="nl"):
    answer = app.test_client().post(f"/api/conversations/{uuid.uuid4().hex}/person",
                                    json={"line": line, "language": language}).get_json()
    return " ".join(r["text"] for r in answer["replies"]), answer["handoff"]


def sms(app, body, to=PUMP_LINE, sender=None):
    sender = sender or "+3161" + str(uuid.uuid4().int)[:7]
    response = signed_post(app.test_client(), "/twilio/sms", {
        "MessageSid": "SM" + uuid.uuid4().hex, "From": sender, "To": to, "Body": body,
        "NumMedia": "0"})
    assert response.status_code == 200
    twiml = ET.fromstring(response.get_data(as_text=True))
    return " ".join(m.text or "" for m in twiml.iter("Message"))


def handoff_row(db_url, handoff_id):
    with session_scope(db_url) as session:
        h = session.get(Handoff, handoff_id)
        kinds = [(e.kind, e.detail) for e in session.execute(select(HandoffEvent).where(
            HandoffEvent.handoff_id == handoff_id).order_by(HandoffEvent.id)).scalars()]
        return h, kinds


@pytest.mark.parametrize("moment", CLOSED.values(), ids=CLOSED.keys())
@pytest.mark.parametrize("language", ["nl", "en"])
def test_outside_coverage_a_crisis_is_told_plainly_to_call_113_or_112(cover_app, db_url, moment,
                                                                      language):
    with time_machine.travel(moment, tick=False):
        text, handoff = web(cover_app, CRISIS[language], line="pomp")
    assert handoff["category"] == "crisis"
    for number in ("113", "0800-0113", "112", "113.nl"):
        assert number in text
    assert not promises_a_person(text)
    assert ("geen medewerker" in text) if language == "nl" else ("no person" in text)
    row, events = handoff_row(db_url, handoff["id"])
    assert (row.cover, row.referred_to, row.escalation_due_at) == ("outside", "113", None)
    assert events == [("referred", "113")]


@pytest.mark.parametrize("moment", CLOSED.values(), ids=CLOSED.keys())
def test_outside_coverage_a_routine_request_hears_when_we_open_again_with_a_callback(
        cover_app, db_url, moment):
    nl_day, en_day = REOPENS[moment]
    with time_machine.travel(moment, tick=False):
        text_nl, handoff = person_button(cover_app, language="nl")
        text_en, _ = person_button(cover_app, language="en")
    assert f"We zijn er weer op {nl_day}" in text_nl and "teruggebeld" in text_nl
    assert "vrienden@example.org" in text_nl and not promises_a_person(text_nl)
    assert f"We are back on {en_day}" in text_en and "callback" in text_en
    row, events = handoff_row(db_url, handoff["id"])
    assert (row.cover, row.referred_to, row.escalation_due_at) == ("outside", "callback", None)


@pytest.mark.parametrize("moment", CLOSED.values(), ids=CLOSED.keys())
def test_outside_coverage_by_sms_crisis_and_device_emergency(cover_app, moment):
    with time_machine.travel(moment, tick=False):
        crisis = sms(cover_app, CRISIS["nl"])
        device = sms(cover_app, DEVICE_NL)
    assert all(n in crisis for n in ("113", "0800-0113", "112")) and not promises_a_person(crisis)
    assert "020 000 0004" in device and "112" in device and "geen medewerker" in device
    assert not promises_a_person(device)


@pytest.mark.parametrize("moment", CLOSED.values(), ids=CLOSED.keys())
def test_outside_coverage_by_phone_dials_who_is_there(cover_app, db_url, moment):
    with time_machine.travel(moment, tick=False):
        crisis = Caller(cover_app.test_client(), PUMP_LINE)
        root = crisis.say(crisis.call(), CRISIS["nl"])
        device = Caller(cover_app.test_client(), PUMP_LINE)
        device_root = device.say(device.call(), "mijn pomp is heet geworden en er komt rook uit")
        routine = Caller(cover_app.test_client(), DONOR_LINE)
        routine_root = routine.answer(routine.call(), Digits="0")
        donor_crisis = Caller(cover_app.test_client(), DONOR_LINE)
        donor_root = donor_crisis.say(donor_crisis.call(), CRISIS["nl"])
    assert root.find("Dial").find("Number").text == "+318000113"
    assert "geen medewerker" in spoken(root) and "112" in spoken(root)
    assert not promises_a_person(spoken(root))
    with session_scope(db_url) as session:
        handoff_id = session.execute(select(Handoff.id).where(
            Handoff.conversation_id == crisis.sid)).scalar_one()
    assert handoff_row(db_url, handoff_id)[1] == [("referred", "113"), ("dialled", "crisis line")]
    assert device_root.find("Dial").find("Number").text == "+31200000004"
    assert routine_root.find("Dial") is None and "terugbellen" in spoken(routine_root)
    # the foundation's on-call list is there 24/7: a crisis rings it, with the truth about it
    assert donor_root.find("Dial").find("Number").text == "+31200000011"
    assert "Ik bel nu een dienstdoende medewerker" in spoken(donor_root)


def log_in(app, username):
    client = app.test_client()
    page = client.get("/agent/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/agent/login", data={"username": username, "password": PASSWORD,
                                             "csrf_token": token}).status_code == 302
    return client


@pytest.mark.parametrize("language", ["nl", "en"])
def test_tuesday_morning_with_an_agent_available_a_colleague_comes_in_a_moment(cover_app, db_url,
                                                                               language):
    services = cover_app.extensions["assistant"]
    create_agent(services, "anna", "agent", PASSWORD)
    with time_machine.travel(TUESDAY, tick=False):
        log_in(cover_app, "anna")  # logging in is coming to work: available
        text, handoff = web(cover_app, CRISIS[language])
        request_text, _ = person_button(cover_app, language=language)
    assert ("komt zo bij u" in text) if language == "nl" else ("with you shortly" in text)
    assert "113" in text and "112" in text
    assert request_text == ("Ik verbind u door met een medewerker. Een moment geduld alstublieft."
                            if language == "nl" else
                            "I'm connecting you with a colleague. One moment please.")
    row, _ = handoff_row(db_url, handoff["id"])
    assert row.cover == "available"
    assert row.escalation_due_at.replace(tzinfo=None) == (
        TUESDAY + timedelta(seconds=60)).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def test_an_agent_is_available_only_for_their_lines_languages_status_and_heartbeat(cover_app,
                                                                                   db_url):
    services = cover_app.extensions["assistant"]
    create_agent(services, "anna", "agent", PASSWORD)
    update_agent(services, "anna", lines=["pomp"], languages=["nl"])
    with time_machine.travel(TUESDAY, tick=False):
        agent = log_in(cover_app, "anna")
        assert "komt zo bij u" in web(cover_app, CRISIS["nl"], line="pomp")[0]
        assert "roep ik nu een dienstdoende" in web(cover_app, CRISIS["nl"], line="vrienden")[0]
        assert "calling a person on call" in web(cover_app, CRISIS["en"], line="pomp")[0]
        token = re.search(r'name="csrf_token" value="([^"]+)"',
                          agent.get("/agent/").get_data(as_text=True)).group(1)
        assert agent.post("/agent/presence", data={"status": "busy", "csrf_token": token},
                          headers={"Accept": "application/json"}).get_json() == {"status": "busy"}
        assert "roep ik nu een dienstdoende" in web(cover_app, CRISIS["nl"], line="pomp")[0]
        agent.post("/agent/presence", data={"status": "available", "csrf_token": token})
    with time_machine.travel(TUESDAY + timedelta(seconds=59), tick=False):
        assert "komt zo bij u" in web(cover_app, CRISIS["nl"], line="pomp")[0]
    with time_machine.travel(TUESDAY + timedelta(seconds=61), tick=False):  # no heartbeat: away
        assert "roep ik nu een dienstdoende" in web(cover_app, CRISIS["nl"], line="pomp")[0]
        beat = agent.post("/agent/api/heartbeat", headers={"X-CSRFToken": token})
        assert beat.get_json() == {"status": "available"}
        assert "komt zo bij u" in web(cover_app, CRISIS["nl"], line="pomp")[0]
    with session_scope(db_url) as session:
        anna = session.execute(select(Agent).where(Agent.username == "anna")).scalar_one()
        assert presence.effective_status(anna, TUESDAY + timedelta(seconds=200)) == "away"


def test_tuesday_morning_with_nobody_available_the_caller_hears_a_colleague_is_being_called(
        cover_app, db_url):
    with time_machine.travel(TUESDAY, tick=False):
        crisis_nl, handoff = web(cover_app, CRISIS["nl"])
        crisis_en, _ = web(cover_app, CRISIS["en"])
        crisis_sms = sms(cover_app, CRISIS["nl"], to=DONOR_LINE)
        device_sms = sms(cover_app, DEVICE_NL)
        request_text, request = person_button(cover_app)
        call = Caller(cover_app.test_client(), DONOR_LINE)
        root = call.say(call.call(), CRISIS["nl"])
    for text in (crisis_nl, crisis_sms):
        assert "roep ik nu een dienstdoende medewerker voor u op" in text
        assert "112" in text and "113" in text and "komt zo" not in text
    assert "calling a person on call" in crisis_en and "112" in crisis_en
    assert "dienstdoende" in device_sms and "020 000 0004" in device_sms and "112" in device_sms
    assert "u staat in de wachtrij" in request_text.lower() and "10 minuten" in request_text
    assert root.find("Dial").find("Number").text == "+31200000011"
    assert "Ik bel nu een dienstdoende medewerker" in spoken(root)
    row, _ = handoff_row(db_url, handoff["id"])
    assert row.cover == "paging" and row.escalation_level == 0
    routine, _ = handoff_row(db_url, request["id"])
    assert routine.cover == "queued"
    assert routine.escalation_due_at.replace(tzinfo=None) == (
        TUESDAY + timedelta(minutes=10)).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)

"""Every kind of risk in bot/triage/TAXONOMY.md reaches a person on the first turn, on the web
chat API, by SMS and on the phone; the middle band hands off with risk medium on all three.
(With Rasa stopped, the gateway's own classifier: tests/db/test_rasa_down.py.)"""
from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import select

from bot import create_app
from core.db import session_scope
from core.models import Conversation
from tests.support.risk_messages import (
    KINDS,
    assert_numbers,
    handoff_of,
    middle_band_message,
    via_web,
)
from tests.support.twilio_util import PUBLIC, TOKEN, signed_post

DONOR_LINE, PUMP_LINE = "+3197000000001", "+3197000000002"

LINE_NUMBER = {"vrienden": DONOR_LINE, "pomp": PUMP_LINE}
IDS = [f"{kind}-{lang}" for kind, _, _, lang, _ in KINDS]


def by_caller(db_url, caller, line) -> str:
    with session_scope(db_url) as session:
        return session.execute(select(Conversation.id).where(
            Conversation.caller == caller, Conversation.line_id == line)).scalar_one()


@pytest.fixture
def twilio_app(stack, twilio_api):
    return create_app(stack.app_config(twilio_auth_token=TOKEN, public_base_url=PUBLIC,
                                       twilio_api_base=twilio_api[0]))


def via_sms(client, db_url, text, line):
    sender = "+316" + str(uuid.uuid4().int)[:8]
    response = signed_post(client, "/twilio/sms", {
        "MessageSid": "SM" + uuid.uuid4().hex, "From": sender, "To": LINE_NUMBER[line],
        "Body": text, "NumMedia": "0"})
    assert response.status_code == 200
    twiml = ET.fromstring(response.get_data(as_text=True))
    said = " ".join(m.text or "" for m in twiml.iter("Message"))
    return by_caller(db_url, sender, line), said


def via_voice(client, text, line):
    sid = "CA" + uuid.uuid4().hex
    base = {"CallSid": sid, "From": "+316" + str(uuid.uuid4().int)[:8], "To": LINE_NUMBER[line],
            "AccountSid": "AC" + "0" * 32}
    greeting = ET.fromstring(signed_post(client, "/twilio/voice", {**base, "CallStatus": "ringing"})
                             .get_data(as_text=True))
    action = greeting.find("Gather").get("action")
    response = signed_post(client, action, {**base, "SpeechResult": text, "Confidence": "0.9"})
    assert response.status_code == 200, response.get_data(as_text=True)
    root = ET.fromstring(response.get_data(as_text=True))
    return sid, " ".join(say.text or "" for say in root.iter("Say"))


def send(channel, client, db_url, text, line):
    if channel == "web":
        return via_web(client, text, line)
    if channel == "sms":
        return via_sms(client, db_url, text, line)
    return via_voice(client, text, line)


@pytest.mark.parametrize("channel", ["web", "sms", "voice"])
@pytest.mark.parametrize("kind,category,line,lang,text", KINDS, ids=IDS)
def test_each_kind_is_handed_off_on_the_first_turn(channel, kind, category, line, lang, text,
                                                   twilio_app, stack):
    conversation_id, said = send(channel, twilio_app.test_client(), stack.database_url, text, line)
    row = handoff_of(stack.database_url, conversation_id)
    # Distress while waiting for the clinic may read as a crisis too: both get a person now
    # and the same safe message with 113 (bot/handoff.py SAFE_TEXT).
    allowed = {category, "crisis"} if kind == "eol_distress" else {category}
    assert row.category in allowed, row.reason
    assert (row.channel, row.status) == (channel, "open"), row.reason
    assert row.risk_level in ("high", "medium")
    assert_numbers(said, category)


@pytest.mark.parametrize("channel", ["web", "sms", "voice"])
def test_the_middle_band_hands_off_with_risk_medium(channel, twilio_app, stack):
    text = middle_band_message()
    conversation_id, said = send(channel, twilio_app.test_client(), stack.database_url, text,
                                 "vrienden")
    row = handoff_of(stack.database_url, conversation_id)
    assert (row.category, row.channel, row.risk_level) == ("crisis", channel, "medium")
    assert row.reason.startswith("classifier:crisis")
    assert_numbers(said, "crisis")

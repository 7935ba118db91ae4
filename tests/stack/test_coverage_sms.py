"""Coverage with the real model: outside business hours a routine SMS ("ik wil een medewerker
spreken" needs Rasa to be understood) is offered a callback on this number. The clock is set
with time-machine. (The rest of coverage: tests/db/test_coverage.py.)"""
from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot import create_app
from tests.support.phone import DONOR_LINE, PUMP_LINE
from tests.support.twilio_util import PUBLIC, TOKEN, signed_post

AMS = ZoneInfo("Europe/Amsterdam")
EASTER_MONDAY = datetime(2027, 3, 29, 11, 0, tzinfo=AMS)
# Words that promise a person is coming
PROMISES = ("komt zo", "verbind u nu door met een medewerker", "roep ik", "with you shortly",
            "calling a person", "in a moment", "moment geduld")


def promises_a_person(text: str) -> bool:
    return any(words in text for words in PROMISES)


# --- the calendar and the rules, without the app -------------------------------------------

def sms(app, body, to=PUMP_LINE, sender=None):
    sender = sender or "+3161" + str(uuid.uuid4().int)[:7]
    response = signed_post(app.test_client(), "/twilio/sms", {
        "MessageSid": "SM" + uuid.uuid4().hex, "From": sender, "To": to, "Body": body,
        "NumMedia": "0"})
    assert response.status_code == 200
    twiml = ET.fromstring(response.get_data(as_text=True))
    return " ".join(m.text or "" for m in twiml.iter("Message"))


def test_outside_coverage_a_routine_sms_offers_a_callback_on_this_number(stack, twilio_api):
    app = create_app(stack.app_config(twilio_auth_token=TOKEN, public_base_url=PUBLIC,
                                      twilio_api_base=twilio_api[0]))
    with time_machine.travel(EASTER_MONDAY, tick=False):
        nl = sms(app, "ik wil een medewerker spreken", to=DONOR_LINE)
        en = sms(app, "I would like to talk to a person please", to=DONOR_LINE)
    assert "We zijn er weer op dinsdag 30 maart om 09:00" in nl and "Stuur JA" in nl
    assert "Tuesday 30 March at 09:00" in en and "Reply YES" in en
    assert not promises_a_person(nl) and not promises_a_person(en)

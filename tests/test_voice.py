"""Phone calls through the real gateway, signed like Twilio, with the real model behind it."""
from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from bot import create_app
from bot.db import session_scope
from bot.models import CallbackRequest, Handoff, HandoffEvent
from ivr import twiml
from tests.conftest import ROOT
from tests.twilio_util import PUBLIC, TOKEN, check_twiml, sign, signed_post

DONOR_LINE, PUMP_LINE = "+3197000000001", "+3197000000002"
CALLER = "+31612345678"


def lines_file(tmp_path: Path, hours: dict) -> Path:
    """lines.yml with other opening hours (always open / always closed) for the test."""
    raw = yaml.safe_load((ROOT / "lines.yml").read_text(encoding="utf-8"))
    for line in raw["lines"]:
        line["hours"] = {"timezone": "Europe/Amsterdam", "weekdays": hours, "holidays": []}
    path = tmp_path / "lines.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


ALWAYS = {day: "00:00-23:59" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


@pytest.fixture
def phone(stack, tmp_path):
    app = create_app(stack.app_config(twilio_auth_token=TOKEN, public_base_url=PUBLIC,
                                      lines_file=lines_file(tmp_path, ALWAYS)))
    return app.test_client()


@pytest.fixture
def closed_phone(stack, tmp_path):
    app = create_app(stack.app_config(twilio_auth_token=TOKEN, public_base_url=PUBLIC,
                                      lines_file=lines_file(tmp_path, {})))
    return app.test_client()


class Caller:
    def __init__(self, client, to=DONOR_LINE, caller=CALLER):
        self.client, self.sid = client, "CA" + uuid.uuid4().hex
        self.base = {"CallSid": self.sid, "From": caller, "To": to, "AccountSid": "AC" + "0" * 32}

    def post(self, path, **params):
        response = signed_post(self.client, path, {**self.base, **params})
        assert response.status_code == 200, response.get_data(as_text=True)
        return ET.fromstring(response.get_data(as_text=True))

    def call(self):
        return self.post("/twilio/voice", CallStatus="ringing")

    def answer(self, root, **params):
        """Answer the Gather of the last response (its action URL) with speech or digits."""
        action = root.find("Gather").get("action")
        return self.post(action, **params)

    def say(self, root, text, confidence="0.9"):
        return self.answer(root, SpeechResult=text, Confidence=confidence)


def spoken(root) -> str:
    return " ".join((say.text or "") for say in root.iter("Say"))


def test_unsigned_and_forged_webhooks_get_403(phone):
    params = {"CallSid": "CA" + "1" * 32, "From": CALLER, "To": DONOR_LINE}
    assert phone.post("/twilio/voice", data=params).status_code == 403
    forged = {"X-Twilio-Signature": sign(PUBLIC + "/twilio/voice", params, "wrong-token")}
    assert phone.post("/twilio/voice", data=params, headers=forged).status_code == 403
    tampered = {"X-Twilio-Signature": sign(PUBLIC + "/twilio/voice", params)}
    assert phone.post("/twilio/voice", data={**params, "From": "+31600000000"},
                      headers=tampered).status_code == 403
    for path in ("/twilio/sms", "/twilio/voice/gather", "/twilio/voice/whisper/abc"):
        assert phone.post(path, data=params).status_code == 403


def test_no_configured_token_means_no_twilio_route_answers(stack):
    client = create_app(stack.app_config(twilio_auth_token="")).test_client()
    params = {"CallSid": "CA" + "1" * 32, "From": CALLER, "To": DONOR_LINE}
    response = client.post("/twilio/voice", data=params,
                           headers={"X-Twilio-Signature": sign(PUBLIC + "/twilio/voice", params, "")})
    assert response.status_code == 403


def test_greeting_discloses_the_assistant_and_listens_in_dutch(phone):
    root = Caller(phone).call()
    gather = root.find("Gather")
    assert gather.get("language") == "nl-NL" and gather.get("input") == "speech dtmf"
    assert gather.get("actionOnEmptyResult") == "true" and "machtiging" in gather.get("hints")
    assert all(say.get("language") == "nl-NL" for say in root.iter("Say"))
    assert "digitale assistent" in spoken(root) and "druk op 0" in spoken(root)
    assert root.find("Redirect") is not None


def test_routine_call_in_dutch_then_switched_to_english(phone):
    caller = Caller(phone)
    root = caller.say(caller.call(), "ik wil graag weten hoe ik vriend kan worden")
    assert root.find("Gather").get("language") == "nl-NL"
    assert "example.org" not in spoken(root)  # web addresses are not read out
    root = caller.say(root, "can we continue in English please")
    assert root.find("Gather").get("language") == "en-US"
    root = caller.say(root, "how can I make a one off donation")
    assert root.find("Gather").get("language") == "en-US"
    assert all(say.get("language") == "en-US" for say in root.iter("Say"))
    assert "transfer" in spoken(root).lower() or "donation" in spoken(root).lower()


def test_no_input_twice_gives_a_key_menu_and_keys_work(phone):
    caller = Caller(phone)
    root = caller.call()
    redirect = root.find("Redirect").text
    root = caller.post(redirect)  # nothing said
    assert "hoorde niets" in spoken(root)
    root = caller.post(root.find("Redirect").text)
    assert root.find("Gather").get("input") == "dtmf" and "Druk 2" in spoken(root)
    root = caller.answer(root, Digits="2")  # address change: first, who is calling
    assert "doorgeven" in spoken(root).lower() and "postcode" in spoken(root).lower()


def test_three_failed_turns_reach_a_person(phone, stack):
    caller = Caller(phone)
    root = caller.call()
    root = caller.post(root.find("Redirect").text)
    root = caller.post(root.find("Redirect").text)  # menu
    root = caller.answer(root, Digits="9")
    root = caller.answer(root, Digits="8")
    assert root.find("Dial") is not None
    with session_scope(stack.database_url) as session:
        handoff = session.execute(select(Handoff).where(
            Handoff.conversation_id == caller.sid)).scalar_one()
    assert handoff.category == "request"


def test_low_confidence_is_asked_again_once(phone):
    caller = Caller(phone)
    root = caller.say(caller.call(), "uh mbm wijzig", confidence="0.1")
    assert "nog een keer" in spoken(root)
    root = caller.say(root, "mijn adres wijzigen", confidence="0.1")  # second time: answered
    assert "nog een keer" not in spoken(root)


def test_crisis_first_utterance_dials_a_person_in_the_same_response(phone, stack):
    caller = Caller(phone)
    root = caller.say(caller.call(), "ik wil niet meer leven")
    assert "113" in spoken(root) and "0800-0113" in spoken(root)
    dial = root.find("Dial")
    assert dial.get("answerOnBridge") == "true"
    number = dial.find("Number")
    assert number.text == "+31200000011"
    assert CALLER not in number.get("url") and caller.sid not in number.get("url")


def whisper_and_press(caller, root, digit):
    number = root.find("Dial").find("Number")
    whisper = caller.post(number.get("url"))
    heard = spoken(whisper)
    result = caller.post(whisper.find("Gather").get("action"), Digits=digit)
    return heard, result


def test_whisper_decline_next_agent_accept(phone, stack):
    caller = Caller(phone)
    root = caller.say(caller.call(), "mijn man zegt dat hij dood wil, hij heeft pillen")
    heard, result = whisper_and_press(caller, root, "2")
    assert "Categorie: crisis" in heard and "Druk 1" in heard and "5678" in heard
    assert "12345678" not in heard  # the caller's number is masked
    assert result.find("Hangup") is not None
    root = caller.post(root.find("Dial").get("action"), DialCallStatus="no-answer")
    assert root.find("Dial").find("Number").text == "+31200000012"
    heard, result = whisper_and_press(caller, root, "1")
    assert len(result) == 0  # empty answer: Twilio bridges the caller and the agent
    end = caller.post(root.find("Dial").get("action"), DialCallStatus="completed")
    assert end.find("Hangup") is not None
    with session_scope(stack.database_url) as session:
        handoff = session.execute(select(Handoff).where(
            Handoff.conversation_id == caller.sid)).scalar_one()
        kinds = [e.kind for e in handoff.events]
        assert handoff.status == "accepted" and handoff.accepted_by == "on-call 1"
    assert kinds == ["ringing", "whisper", "declined", "not_taken", "ringing", "whisper",
                     "accepted", "call_ended"]


@pytest.mark.parametrize("to, text, fallback, words", [
    (DONOR_LINE, "ik wil er een eind aan maken", "+318000113", "113 Zelfmoordpreventie"),
    (PUMP_LINE, "mijn pomp is heet geworden en er komt rook uit", "+31200000004", "spoedlijn"),
])
def test_nobody_takes_it_so_the_caller_gets_the_fallback_line(phone, to, text, fallback, words):
    caller = Caller(phone, to=to)
    root = caller.say(caller.call(), text)
    for _ in range(2):
        whisper_and_press(caller, root, "9")
        root = caller.post(root.find("Dial").get("action"), DialCallStatus="no-answer")
    assert root.find("Dial").find("Number").text == fallback
    assert words in spoken(root) and "112" in spoken(root)


def test_outside_hours_a_routine_caller_can_leave_a_callback(closed_phone, stack):
    caller = Caller(closed_phone)
    root = caller.answer(caller.call(), Digits="0")
    assert root.find("Dial") is None and "terugbellen" in spoken(root)
    root = caller.answer(root, Digits="1")
    assert root.find("Hangup") is not None
    with session_scope(stack.database_url) as session:
        request = session.execute(select(CallbackRequest).where(
            CallbackRequest.conversation_id == caller.sid)).scalar_one()
    assert request.phone == CALLER


def test_outside_hours_a_crisis_still_rings_the_on_call_list(closed_phone):
    caller = Caller(closed_phone)
    root = caller.say(caller.call(), "ik zie het niet meer zitten, ik wil dood")
    assert root.find("Dial").find("Number").text == "+31200000011"


def test_every_twiml_builder_uses_documented_names_only():
    responses = [
        twiml.ask(["a"], "nl", "Google.nl-NL-Standard-A", "/g", "/r", "hint"),
        twiml.ask_digits("a", "en", "", "/g", "/r"),
        twiml.connect(["a"], "nl", "v", "+31200000011", "/w", "/d", "+3197000000001"),
        twiml.whisper("a", "/x", "v"), twiml.bridge(),
        twiml.dial_fallback("a", "nl", "v", "+318000113"), twiml.say_and_hang_up(["a"], "nl", "v"),
    ]
    for response in responses:
        check_twiml(str(response))
    with pytest.raises(AssertionError):
        check_twiml('<Response><Gather langauge="nl-NL"/></Response>')

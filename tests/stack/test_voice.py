"""Phone calls through the real gateway, signed like Twilio, with the real model behind it."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import create_app
from core.db import session_scope
from core.models import CallbackRequest, Handoff
from tests.support.phone import ALWAYS, CALLER, DONOR_LINE, PUMP_LINE, Caller, lines_file, spoken
from tests.support.twilio_util import PUBLIC, TOKEN, sign


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
    signature = sign(PUBLIC + "/twilio/voice", params, "")
    response = client.post("/twilio/voice", data=params,
                           headers={"X-Twilio-Signature": signature})
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
    # the one-off gift answer in English, its IBAN in groups for the ear
    assert "You can transfer a one-off gift to NL91 ABNA 0417 1643 00" in spoken(root)


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


@pytest.mark.parametrize("keys", ["0", "0000", "0000#", "01"])
def test_any_keys_that_start_with_0_reach_a_person(phone, stack, keys):
    caller = Caller(phone)
    root = caller.answer(caller.call(), Digits=keys)
    assert root.find("Dial") is not None, spoken(root)
    with session_scope(stack.database_url) as session:
        handoff = session.execute(select(Handoff).where(
            Handoff.conversation_id == caller.sid)).scalar_one()
    assert (handoff.category, handoff.reason, handoff.channel) == (
        "request", "caller pressed 0", "voice")


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
    with session_scope(stack.database_url) as session:
        handoff = session.execute(select(Handoff).where(
            Handoff.conversation_id == caller.sid)).scalar_one()
    assert (handoff.category, handoff.channel, handoff.risk_level, handoff.line_id) == (
        "crisis", "voice", "high", "vrienden")


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


import random  # noqa: E402
from collections import Counter  # noqa: E402
from datetime import date  # noqa: E402
from decimal import Decimal  # noqa: E402

from core.records import AuditEntry, Donor  # noqa: E402


@pytest.fixture
def donor(stack):
    """A donor with a phone number of their own, 3511 LK 12, born 21-11-1949."""
    suffix = random.randrange(100000, 499999)
    values = dict(donor_number=f"D{suffix:06d}", first_name="Hendrikje", last_name="Wolters",
                  phone="+3165" + f"{random.randrange(10**7):07d}", street="Oudegracht",
                  house_number="12", postcode="3511 LK", city="Utrecht",
                  iban="NL91ABNA0417164321", amount=Decimal("12.50"), frequency="maand",
                  start_date=date(2021, 3, 1), status="actief", date_of_birth=date(1949, 11, 21))
    with session_scope(stack.database_url) as session:
        record = Donor(**values)
        session.add(record)
        session.flush()
        values["id"] = record.id
    return values


def _record(stack, donor_id):
    with session_scope(stack.database_url) as session:
        record = session.get(Donor, donor_id)
        audit = session.execute(select(AuditEntry).where(
            AuditEntry.subject_type == "donor", AuditEntry.subject_id == donor_id)).scalars().all()
        return (record.iban, record.amount, record.frequency,
                [(entry.field, entry.channel) for entry in audit])


def _verified_for(phone, donor, request, proof, keyed=None):
    """Call, ask for a change, verify with `proof` (speech) or `keyed` digits after one
    unclear answer; returns the caller and the response that asks the task's question."""
    caller = Caller(phone, caller=donor["phone"])
    root = caller.say(caller.call(), request)
    gather = root.find("Gather")
    assert "postcode en huisnummer" in spoken(root) and "1234 AB" not in spoken(root)
    assert "Lodewijk" in gather.get("hints") and gather.get("speechModel") == "googlev2_telephony"
    if keyed:
        root = caller.say(root, "blauwe maandag")  # not understood: the keypad is offered
        gather = root.find("Gather")
        assert gather.get("input") == "dtmf" and gather.get("finishOnKey") == "#"
        assert "toets" in spoken(root).lower() and "hekje" in spoken(root)
        root = caller.answer(root, Digits=keyed)
    else:
        root = caller.say(root, proof)
    assert "dat klopt" in spoken(root).lower(), spoken(root)
    return caller, root


@pytest.mark.parametrize("proof, keyed", [
    ("drie vijf een een el ka twaalf", None),  # letters by their Dutch names
    ("35 11 lk 12", None),  # digit groups
    ("eenentwintig november negentienhonderdnegenenveertig", None),  # a date in words
    (None, "351112"),  # keypad: postcode digits + house number, no letters
])
def test_spoken_verification_then_an_iban_in_letter_and_digit_groups(phone, stack, donor, proof,
                                                                      keyed):
    caller, root = _verified_for(phone, donor, "ik wil mijn rekeningnummer wijzigen", proof, keyed)
    assert "groepjes" in spoken(root)  # the IBAN question, for the ear
    root = caller.say(root, "N L acht een R A B O nul drie een twee drie vier vijf zes zeven acht")
    heard = spoken(root)
    assert "N L 8 1, R A B O, 0 3 1 2, 3 4 5 6, 7 8" in heard and "Zeg ja of nee" in heard
    root = caller.say(root, "ja")
    iban, _, _, audit = _record(stack, donor["id"])
    assert iban == "NL81RABO0312345678"
    assert ("iban", "voice") in audit


def test_an_amount_said_in_words_is_read_back_with_euro_and_applied(phone, stack, donor):
    caller, root = _verified_for(phone, donor, "ik wil mijn bedrag wijzigen", "3511 el ka 12")
    assert "Welk bedrag" in spoken(root)
    root = caller.say(root, "vijf en twintig vijftig")
    # the frequency: the chat's buttons become spoken choices, keyed or said
    heard = spoken(root)
    assert "Zeg 'Per maand' of toets 1." in heard and "Zeg 'Per jaar' of toets 3." in heard
    root = caller.answer(root, Digits="1")
    heard = spoken(root)
    assert "vijfentwintig euro vijftig" in heard and "Klopt dat?" in heard
    root = caller.say(root, "ja")
    _, amount, frequency, audit = _record(stack, donor["id"])
    assert amount == Decimal("25.50") and frequency == "maand"
    assert ("amount", "voice") in audit


def test_a_caller_who_never_manages_gets_the_keypad_then_a_person_and_no_loop(phone, stack, donor):
    caller = Caller(phone, caller=donor["phone"])
    responses = [caller.call()]
    responses.append(caller.say(responses[-1], "ik wil mijn rekeningnummer wijzigen"))
    responses.append(caller.say(responses[-1], "blauwe maandag"))  # second try: the keypad
    assert responses[-1].find("Gather").get("input") == "dtmf"
    responses.append(caller.answer(responses[-1], Digits="12"))  # third try: keypad, other words
    assert responses[-1].find("Gather").get("input") == "dtmf"
    responses.append(caller.answer(responses[-1], Digits="99"))  # fourth: a person
    assert responses[-1].find("Dial") is not None
    said = Counter(text for root in responses for text in
                   ((say.text or "").strip() for say in root.iter("Say")) if text)
    assert max(said.values()) <= 2, said
    with session_scope(stack.database_url) as session:
        handoff = session.execute(select(Handoff).where(
            Handoff.conversation_id == caller.sid)).scalar_one()
    assert handoff.category == "request"
    assert handoff.reason == "verify_address not understood 3 times on the phone"
    _, _, _, audit = _record(stack, donor["id"])
    assert audit == []  # not understood is not a failed check, and nothing changed


def test_an_unclear_answer_is_not_a_failed_check(phone, stack, donor):
    caller = Caller(phone, caller=donor["phone"])
    root = caller.say(caller.call(), "ik wil mijn rekeningnummer wijzigen")
    root = caller.say(root, "blauwe maandag")  # unclear
    root = caller.answer(root, Digits="351112")  # keyed: verified
    assert "dat klopt" in spoken(root).lower()
    with session_scope(stack.database_url) as session:
        assert session.execute(select(Handoff).where(
            Handoff.conversation_id == caller.sid)).scalars().first() is None


class _Routed:
    """requests.Session stand-in: the simulator's requests go to the Flask test client."""

    def __init__(self, client):
        self.client = client

    def post(self, url, data, timeout, headers):
        path = url.split("://", 1)[-1].split("/", 1)[-1]
        response = self.client.post("/" + path, data=data, headers=headers)

        class Answer:
            text = response.get_data(as_text=True)
            status_code = response.status_code

            def raise_for_status(self):
                assert self.status_code == 200, self.text
        return Answer()


def test_simulator_json_reports_an_sms_handoff_like_a_calls(phone, stack):
    from ivr import simulate
    twilio = simulate.Twilio("http://gateway", PUBLIC, TOKEN)
    twilio.http = _Routed(phone)
    texter = "+3166" + f"{random.randrange(10**7):07d}"
    result = simulate.sms(twilio, DONOR_LINE, texter, [("say", "ik wil niet meer leven")],
                          lambda who, text: None, stack.database_url)
    assert result["handoff"]["channel"] == "sms" and result["handoff"]["category"] == "crisis"
    assert result["handoff"]["reason"] and result["turns"][0]["heard"]

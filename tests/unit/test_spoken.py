"""Spoken and typed forms of structured answers (actions/spoken.py), Dutch and English.

The cases are in tests/spoken_cases.tsv, written apart from the parser: kind, lang, text,
expected. `?` means the answer must be read back or asked again (never one silent guess),
`!` that it can be read but cannot be right. Each case is asserted exactly.
"""
from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from actions import spoken

CASES = Path(__file__).resolve().parents[1] / "spoken_cases.tsv"
TODAY = date(2026, 12, 1)


def load_cases():
    with CASES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [pytest.param(row["kind"], row["lang"], row["text"], row["expected"],
                         id=f"{row['kind']}-{row['lang']}-{index}")
            for index, row in enumerate(rows, start=2)]


def read(kind: str, lang: str, text: str) -> spoken.Reading:
    if kind == "number":
        return spoken.read_number(text, lang)
    if kind == "letters":
        return spoken.read_letters(text, lang)
    if kind == "postcode_house":
        return spoken.read_address(text, lang)
    if kind == "date":
        return spoken.read_date(text, today=TODAY, past_only=True, lang=lang)
    if kind == "amount":
        return spoken.read_amount(text)
    if kind == "iban":
        return spoken.read_iban(text, lang)
    if kind in ("donor_number", "customer_number"):
        return spoken.read_subject_number(text, lang)
    raise AssertionError(f"unknown kind {kind}")


def shown(kind: str, value) -> str:
    """A reading in the file's notation."""
    if kind == "postcode_house":
        return f"{value.digits}{value.letters or ''}|{value.house}"
    if kind == "date":
        return value.isoformat()
    if kind == "amount":
        return f"{Decimal(value):.2f}"
    return str(value)


def test_the_case_file_is_large_enough_and_covers_both_languages():
    rows = load_cases()
    assert len(rows) >= 150
    kinds = {(p.values[0], p.values[1]) for p in rows}
    for kind in ("number", "letters", "postcode_house", "date", "amount", "iban",
                 "donor_number", "customer_number"):
        assert (kind, "nl") in kinds and (kind, "en") in kinds


@pytest.mark.parametrize("kind, lang, text, expected", load_cases())
def test_spoken_case(kind, lang, text, expected):
    reading = read(kind, lang, text)
    if expected == "?":
        # read back for a yes/no, or asked again: never one value, never "impossible"
        assert reading.value is None and not reading.impossible, (text, reading)
    elif expected == "!":
        assert reading.impossible and reading.value is None, (text, reading)
    else:
        assert reading.value is not None, (text, reading)
        assert shown(kind, reading.value) == expected


# --- the read-backs, for the ear ----------------------------------------------------------

def test_read_backs_are_easy_to_hear():
    assert spoken.say_date(date(1949, 11, 21)) == \
        "eenentwintig november negentienhonderdnegenenveertig"
    assert spoken.say_date(date(2005, 1, 2)) == "twee januari tweeduizendvijf"
    assert spoken.say_date(date(1949, 11, 21), "en") == \
        "the twenty-first of November, nineteen forty-nine"
    assert spoken.say_amount(Decimal("25.50")) == "vijfentwintig euro vijftig"
    assert spoken.say_amount(Decimal("12")) == "twaalf euro"
    assert spoken.say_amount(Decimal("1.00"), "en") == "one euro"
    assert spoken.say_amount(Decimal("45.75"), "en") == "forty-five euros seventy-five"
    assert spoken.say_iban("NL91ABNA0417164300") == "N L 9 1, A B N A, 0 4 1 7, 1 6 4 3, 0 0"
    address = spoken.read_address("3511 el ka 51 2").value
    assert spoken.say_address(address) == "postcode 3 5 1 1, L K, huisnummer 51 toevoeging 2"


@pytest.mark.parametrize("number, dutch, english", [
    (0, "nul", "zero"), (13, "dertien", "thirteen"), (22, "tweeëntwintig", "twenty-two"),
    (100, "honderd", "one hundred"), (112, "honderdtwaalf", "one hundred and twelve"),
    (1949, "negentienhonderdnegenenveertig", "one thousand nine hundred and forty-nine"),
    (2026, "tweeduizendzesentwintig", "two thousand and twenty-six"),
])
def test_numbers_in_words_read_back_as_they_are_read(number, dutch, english):
    assert spoken.nl_words(number) == dutch and spoken.en_words(number) == english
    assert spoken.read_number(dutch, "nl").value == number
    assert spoken.read_number(english, "en").value == number


def test_keyed_answers():
    assert str(spoken.read_address("351112").value) == "3511 12"  # digits only: no letters
    assert spoken.read_date("21111949", today=TODAY).value == date(1949, 11, 21)
    assert spoken.read_amount("25").value == Decimal("25.00")


# --- the forms: read back, never guessed; unclear is asked again --------------------------

def _tracker(text, intent="inform", slots=None, previous=None, channel="voice"):
    from rasa_sdk import Tracker
    events = []
    if previous is not None:
        events = [{"event": "user", "text": previous}, {"event": "bot", "text": "?"}]
    events.append({"event": "user", "text": text})
    events += [{"event": "slot", "name": name, "value": value, "timestamp": None}
               for name, value in (slots or {}).items() if name.startswith("new_")]
    return Tracker.from_dict({
        "sender_id": "t1", "slots": slots or {}, "events": events, "paused": False,
        "latest_event_time": None, "followup_action": None,
        "active_loop": {"name": "service_form"}, "latest_action_name": "action_listen",
        "latest_message": {"text": text, "intent": {"name": intent, "confidence": 0.9},
                           "entities": [], "metadata": {"channel": channel}}})


def test_an_amount_read_two_ways_is_read_back_and_the_yes_takes_it():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.service import ValidateServiceForm
    form, slots = ValidateServiceForm(), {"service_task": "gift", "requested_slot": "new_amount"}
    dispatcher = CollectingDispatcher()
    assert form.validate_new_amount("twee vijf", dispatcher, _tracker("twee vijf", slots=slots),
                                    {}) == {"new_amount": None}
    assert [m["text"] for m in dispatcher.messages] == [
        "Ik heb verstaan: twee euro vijf. Klopt dat? Zeg ja of nee."]
    dispatcher = CollectingDispatcher()
    assert form.validate_new_amount("ja", dispatcher, _tracker("ja", "affirm", slots, "twee vijf"),
                                    {}) == {"new_amount": "2,05"}
    dispatcher = CollectingDispatcher()
    assert form.validate_new_amount("nee", dispatcher, _tracker("nee", "deny", slots, "twee vijf"),
                                    {}) == {"new_amount": None}
    assert dispatcher.spoken_unclear == "new_amount"  # asked again, nothing guessed
    chat = CollectingDispatcher()
    form.validate_new_amount("twee vijf", chat,
                             _tracker("twee vijf", slots=slots, channel="web"), {})
    assert chat.messages[0]["text"] == "Bedoelt u 2,05 euro? Antwoordt u met ja of nee."


def test_a_no_to_a_read_back_does_not_end_the_form():
    from actions.verify import answering_readback
    slots = {"service_task": "gift", "requested_slot": "new_amount"}
    assert answering_readback(_tracker("nee", "deny", slots, "twee vijf")) is True
    assert answering_readback(_tracker("nee", "deny", slots, "vijf euro")) is False


def test_the_form_says_what_it_asks_and_whether_the_answer_was_unclear():
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.service import ValidateServiceForm
    domain = {"forms": {"service_form": {"required_slots": ["new_iban", "confirm_change"]}},
              "slots": {}}
    slots = {"service_task": "iban", "verified": True, "subject_type": "donor",
             "line_domain": "donor", "requested_slot": "new_iban", "new_iban": "blauwe maandag"}
    dispatcher = CollectingDispatcher()
    asyncio.run(ValidateServiceForm().run(dispatcher, _tracker("blauwe maandag", slots=slots),
                                          domain))
    expects = [m["custom"]["expect"] for m in dispatcher.messages if m.get("custom")]
    assert expects == [{"slot": "new_iban", "kind": "iban", "unclear": True, "task": "iban"}]


def test_proofs_from_speech_and_keys():
    from actions.verify import house_key, read_proof
    reading = read_proof("3511 L van Kees K 12")  # L or K? asked back
    assert reading.proofs == () and str(reading.ask[1]) == "3511 LK 12"
    keyed = read_proof("21111949")  # both what was keyed: a birth date, or 2111 + 1949
    assert [kind for kind, _ in keyed.proofs] == ["address", "birth"]
    assert read_proof("blauwe maandag").understood is False
    assert house_key("51-2") == house_key("51 2") == ("51", "2") != house_key("512")
    assert house_key("51-II") == ("51", "2") and house_key("3a") == house_key("3 A")

"""Custom actions and form parsing, driven with rasa-sdk's own Tracker and dispatcher."""
from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import parsing
from actions.answer import ActionAnswer, response_for
from actions.changes import change_from_slots
from actions.context import ActionSetContext, context_slots
from actions.forms import ValidateFrequencyForm, ValidateGiftForm
from actions.language import requested_language


def tracker(text="", intent="", slots=None, metadata=None) -> Tracker:
    return Tracker.from_dict({
        "sender_id": "t1", "slots": slots or {}, "events": [], "paused": False,
        "latest_event_time": None, "followup_action": None, "active_loop": {},
        "latest_action_name": None,
        "latest_message": {"text": text, "intent": {"name": intent, "confidence": 0.9},
                           "entities": [], "metadata": metadata or {}},
    })


@pytest.mark.parametrize("text, expected", [
    ("20 euro", Decimal("20")), ("€ 12,50", Decimal("12.50")), ("vijfentwintig euro", Decimal(25)),
    ("twenty five euros", Decimal(25)), ("1.000", Decimal(1000)), ("tweehonderd", Decimal(200)),
    ("een euro", Decimal(1)), ("ik wil een ander bedrag", None), ("0", None), ("20000", None),
    ("geen idee", None),
])
def test_amounts_from_typed_and_spoken_answers(text, expected):
    assert parsing.parse_amount(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("per maand", "maand"), ("elk kwartaal", "kwartaal"), ("jaarlijks", "jaar"),
    ("monthly", "maand"), ("every three months", "kwartaal"), ("once a year", "jaar"),
    ("per kwartaal in plaats van per maand", None), ("weet ik niet", None),
])
def test_frequencies(text, expected):
    assert parsing.parse_frequency(text) == expected


def test_postcode_street_and_city():
    assert parsing.parse_postcode("mijn postcode is 3512ab") == "3512 AB"
    assert parsing.parse_postcode("0123 AB") is None
    assert parsing.parse_postcode("1234 SS") is None
    assert parsing.parse_street("uh mijn nieuwe adres is dorpsweg 3a") == "Dorpsweg 3a"
    assert parsing.parse_street("Lange Nieuwstraat 101") == "Lange Nieuwstraat 101"
    assert parsing.parse_street("geen idee") is None
    assert parsing.parse_city("in zwolle") == "Zwolle"
    assert parsing.parse_city("1234") is None


def test_context_slots_carry_language_line_and_facts():
    slots = context_slots({"line": "pomp", "language": "en"}, {})
    assert slots["language"] == "en" and slots["line_domain"] == "device"
    assert slots["emergency_line"] == "020 000 0004"
    assert slots["crisis_line_free"] == "0800-0113" and slots["emergency_number"] == "112"
    assert slots["org_hours"].startswith("Monday to Friday")
    # Later turns without metadata keep the line; unknown languages fall back to the line's.
    later = context_slots({"language": "fr"}, {"line_id": "pomp", "language": "en"})
    assert later["line_id"] == "pomp" and later["language"] == "nl"


def test_set_context_only_sends_changed_slots():
    action = ActionSetContext()
    events = action.run(CollectingDispatcher(), tracker(metadata={"line": "vrienden", "language": "nl"},
                                                        slots={"language": "nl"}), {})
    keys = {event["name"] for event in events}
    assert "language" not in keys and "org_name" in keys


def test_domain_steering():
    assert response_for("device_order_supplies", "device") == "utter_device_order_supplies"
    assert response_for("device_order_supplies", "donor") == "utter_other_line"
    assert response_for("donor_cancel", "device") == "utter_other_line"
    assert response_for("donor_change_address", "device") == "utter_donor_change_address"
    assert response_for("opening_hours", "donor") == "utter_opening_hours"
    assert response_for("device_medical_question", "device") == "utter_device_medical_question"
    assert response_for("device_medical_question", "donor") == "utter_other_line"


def test_answer_action_utters_the_steered_response():
    dispatcher = CollectingDispatcher()
    domain = {"responses": {"utter_other_line": [], "utter_donor_legacy": []}}
    ActionAnswer().run(dispatcher, tracker(intent="donor_legacy", slots={"line_domain": "device"}), domain)
    assert dispatcher.messages[0]["response"] == "utter_other_line"


def test_requested_language():
    assert requested_language("kunnen we engels praten", "nl") == "en"
    assert requested_language("Nederlands graag", "en") == "nl"
    assert requested_language("andere taal", "nl") == "en"


def run(coro):
    return asyncio.run(coro)


def test_gift_form_takes_an_amount_from_the_opening_request_but_not_a_negated_frequency():
    form = ValidateGiftForm()
    t = tracker("ik wil naar 20 euro per maand", "donor_change_amount", {"line_domain": "donor"})
    assert run(form.extract_new_amount(CollectingDispatcher(), t, {})) == {"new_amount": "20"}
    assert run(form.extract_new_frequency(CollectingDispatcher(), t, {})) == {"new_frequency": "maand"}
    negated = tracker("ik wil niet meer per maand betalen", "donor_change_frequency", {})
    assert run(ValidateFrequencyForm().extract_new_frequency(CollectingDispatcher(), negated, {})) == {}


def test_forms_end_at_once_on_the_wrong_line_or_when_the_caller_stops():
    form = ValidateGiftForm()
    slots = ["new_amount", "new_frequency", "confirm_change"]
    wrong = tracker("ik wil meer geven", "donor_change_amount", {"line_domain": "device"})
    assert run(form.required_slots(slots, CollectingDispatcher(), wrong, {})) == []
    stop = tracker("nee laat maar", "deny", {"line_domain": "donor", "requested_slot": "new_amount"})
    assert run(form.required_slots(slots, CollectingDispatcher(), stop, {})) == []
    confirm = tracker("nee", "deny", {"line_domain": "donor", "requested_slot": "confirm_change"})
    assert run(form.required_slots(slots, CollectingDispatcher(), confirm, {})) == slots


def test_invalid_answers_are_refused_with_a_reason():
    dispatcher = CollectingDispatcher()
    assert ValidateGiftForm().validate_new_amount("heel veel", dispatcher, tracker(), {}) == {"new_amount": None}
    assert dispatcher.messages[0]["response"] == "utter_invalid_amount"
    result = ValidateGiftForm().validate_new_frequency("yearly", CollectingDispatcher(),
                                                        tracker(slots={"language": "en"}), {})
    assert result == {"new_frequency": "jaar", "frequency_label": "yearly"}


def test_change_from_slots():
    assert change_from_slots({"new_street": "Kerkstraat 1", "new_postcode": "1234 AB",
                              "new_city": "Ede"}) == (
        "address", {"street": "Kerkstraat 1", "postcode": "1234 AB", "city": "Ede"})
    assert change_from_slots({"new_amount": "20", "new_frequency": "jaar"}) == (
        "gift", {"amount_eur": "20", "frequency": "jaar"})
    assert change_from_slots({"new_frequency": "maand"}) == ("frequency", {"frequency": "maand"})
    assert change_from_slots({}) is None

"""Custom actions and form parsing, driven with rasa-sdk's own Tracker and dispatcher."""
from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import parsing
from actions.answer import ActionAnswer, response_for
from actions.context import ActionSetContext, context_slots
from actions.language import requested_language
from actions.service import ActionStartTask, ValidateServiceForm, opening_answers
from core.vocabulary import parse_frequency
from tools.stack import ROOT


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
    assert parse_frequency(text) == expected


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
    events = action.run(CollectingDispatcher(),
                        tracker(metadata={"line": "vrienden", "language": "nl"},
                                slots={"language": "nl"}), {})
    keys = {event["name"] for event in events}
    assert "language" not in keys and "org_name" in keys


def test_set_context_sets_only_the_domains_slots():
    domain = yaml.safe_load((ROOT / "domain" / "base.yml").read_text(encoding="utf-8"))
    events = ActionSetContext().run(CollectingDispatcher(),
                                    tracker(metadata={"line": "pomp", "language": "nl"}), domain)
    keys = {event["name"] for event in events}
    assert "crisis_line_dial" not in keys  # a phone-adapter fact, not a slot
    assert {"crisis_line_short", "language", "line_id"} <= keys
    assert keys <= set(domain["slots"])


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
    ActionAnswer().run(dispatcher, tracker(intent="donor_legacy", slots={"line_domain": "device"}),
                       domain)
    assert dispatcher.messages[0]["response"] == "utter_other_line"


def test_requested_language():
    assert requested_language("kunnen we engels praten", "nl") == "en"
    assert requested_language("Nederlands graag", "en") == "nl"
    assert requested_language("andere taal", "nl") == "en"


def run(coro):
    return asyncio.run(coro)


def test_opening_request_answers_amount_frequency_and_item_but_not_a_negated_frequency():
    assert opening_answers("gift", "ik wil naar 20 euro per maand", "nl") == {
        "new_amount": "20", "new_frequency": "maand", "frequency_label": "per maand"}
    assert opening_answers("gift", "ik wil een ander bedrag", "nl") == {}
    assert opening_answers("frequency", "ik wil niet meer per maand betalen", "nl") == {}
    assert opening_answers("order", "I need new cartridges", "en") == {"order_item": "cartridges"}


def test_start_task_sets_the_task_or_points_to_the_other_line():
    domain = {"responses": {"utter_other_line": [], "utter_donor_cancel": []}}
    dispatcher = CollectingDispatcher()
    events = ActionStartTask().run(dispatcher, tracker("ik wil opzeggen", "donor_cancel",
                                                       {"line_domain": "donor"}), domain)
    assert SlotSet("service_task", "cancel") in events
    assert dispatcher.messages[0]["response"] == "utter_donor_cancel"
    dispatcher = CollectingDispatcher()
    events = ActionStartTask().run(dispatcher, tracker("ik wil opzeggen", "donor_cancel",
                                                       {"line_domain": "device"}), domain)
    assert events == [SlotSet("service_task", None)]
    assert dispatcher.messages[0]["response"] == "utter_other_line"


def test_service_form_asks_verification_first_then_the_task_then_confirmation():
    form = ValidateServiceForm()
    ask = lambda slots, intent="inform": run(form.required_slots(  # noqa: E731
        [], CollectingDispatcher(), tracker("x", intent, slots), {}))
    assert ask({"service_task": "gift"}) == ["verify_number", "verify_address"]
    assert ask({"service_task": "gift", "caller_phone": "+31612345678"}) == ["verify_address"]
    assert ask({"service_task": "gift", "verified": True}) == [
        "new_amount", "new_frequency", "confirm_change"]
    assert ask({"service_task": "bereavement", "verified": True,
                "caller_phone": "+31612345678"}) == ["verify_number", "verify_address"]
    assert ask({"service_task": "bereavement", "task_subject_id": "7"}) == ["confirm_change"]
    assert ask({"service_task": "gift", "verify_failures": 3.0}) == []
    assert ask({"service_task": None}) == []
    assert ask({"service_task": "iban", "requested_slot": "new_iban"}, "deny") == []
    assert ask({"service_task": "iban", "verified": True, "requested_slot": "confirm_change"},
               "deny") == ["new_iban", "confirm_change"]
    assert ask({"service_task": "complaint", "verified": True,
                "requested_slot": "complaint_injury"}, "deny") == [
        "complaint_description", "complaint_event_date", "complaint_injury", "confirm_change"]


def test_invalid_answers_are_refused_with_a_reason():
    form, dispatcher = ValidateServiceForm(), CollectingDispatcher()
    assert form.validate_new_amount("heel veel", dispatcher, tracker(), {}) == {"new_amount": None}
    assert dispatcher.messages[0]["response"] == "utter_invalid_amount"
    result = form.validate_new_frequency("yearly", CollectingDispatcher(),
                                         tracker(slots={"language": "en"}), {})
    assert result == {"new_frequency": "jaar", "frequency_label": "yearly"}
    dispatcher = CollectingDispatcher()
    assert form.validate_new_iban("NL00ABNA0123456789", dispatcher, tracker(), {}) == {
        "new_iban": None}
    assert form.validate_new_iban("nl02 abna 0123 4567 89", dispatcher, tracker(), {}) == {
        "new_iban": "NL02ABNA0123456789"}
    dispatcher = CollectingDispatcher()
    limited = form.validate_order_quantity("5", dispatcher,
                                           tracker(slots={"order_item": "charger"}), {})
    assert limited == {"order_quantity": None}
    assert dispatcher.messages[0] == {**dispatcher.messages[0],
                                      "response": "utter_order_quantity_limit", "max": 1}
    assert form.validate_complaint_injury("nee hoor", CollectingDispatcher(), tracker(), {}) == {
        "complaint_injury": "none"}
    assert form.validate_complaint_event_date("weet ik niet", CollectingDispatcher(), tracker(),
                                              {}) == {"complaint_event_date": "unknown"}


@pytest.mark.parametrize("text, expected", [
    ("jan.jansen@example.org", "jan.jansen@example.org"),
    ("jan punt jansen apenstaartje example punt nl", "jan.jansen@example.nl"),
    ("my email is Jan@Example.ORG", "jan@example.org"), ("geen idee", None),
])
def test_email_addresses_typed_and_spoken(text, expected):
    assert parsing.parse_email(text) == expected


def test_phone_numbers_dates_and_counts():
    assert parsing.parse_phone("06 1234 5678") == "+31612345678"
    assert parsing.parse_phone("020-0000") is None
    today = date(2026, 11, 23)
    assert parsing.parse_date("gisteren", today) == date(2026, 11, 22)
    assert parsing.parse_date("12-04-1988", today) == date(1988, 4, 12)
    assert parsing.parse_date("8 maart 1956", today) == date(1956, 3, 8)
    assert parsing.parse_date("3 december", today) == date(2025, 12, 3)  # the last one past
    assert parsing.parse_date("31-02-2020", today) is None
    assert parsing.parse_date("01-01-2030", today) is None  # not in the future
    assert parsing.parse_count("drie dozen", 1, 3) == 3
    assert parsing.parse_count("20 maanden", 1, 12) is None


def test_street_split_month_arithmetic_and_working_days():
    from actions.apply import _months_later, _working_days_later, split_street
    assert split_street("Kerkstraat 12a") == ("Kerkstraat", "12a")
    assert split_street("Laan van Meerdervoort 1-3") == ("Laan van Meerdervoort", "1-3")
    assert split_street("Beukenlaan 21 B") == ("Beukenlaan", "21B")
    assert _months_later(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert _months_later(date(2026, 1, 15), 12) == date(2027, 1, 15)
    assert _working_days_later(date(2026, 11, 27), 3) == date(2026, 12, 2)  # Friday → Wednesday


def test_a_new_task_after_three_failures_gets_new_tries():
    domain = {"responses": {"utter_donor_change_iban": []}}
    events = ActionStartTask().run(CollectingDispatcher(), tracker(
        "nieuw rekeningnummer", "donor_change_iban",
        {"line_domain": "donor", "verify_failures": 3.0}), domain)
    assert SlotSet("verify_failures", 0.0) in events
    form = ValidateServiceForm()
    still_failed = tracker("x", "inform", {"service_task": "iban", "verify_failures": 3.0})
    assert run(form.required_slots([], CollectingDispatcher(), still_failed, {})) == []


@pytest.mark.parametrize("text,expected", [
    ("Kerkstraat 5, 3511 AB Utrecht", ("Kerkstraat 5", "3511 AB", "Utrecht")),
    ("mijn nieuwe adres is kerkstraat 12a 3511ab utrecht",
     ("Kerkstraat 12a", "3511 AB", "Utrecht")),
    ("het wordt Hoofdweg 1 in 9711 AB Groningen", ("Hoofdweg 1", "9711 AB", "Groningen")),
    ("my new address is Lange Nieuwstraat 20, 3512 PH", ("Lange Nieuwstraat 20", "3512 PH", None)),
    ("Kerkstraat 5", None),  # no postcode: the form asks for it
    ("Dorpsweg 3, 1234 SA Ede", None),  # SA is never issued: not read as a postcode
    ("1011 AB 1", None),  # no street
])
def test_an_address_in_one_go_is_read_whole(text, expected):
    found = parsing.parse_whole_address(text)
    if expected is None:
        assert found == {}
    else:
        assert (found["new_street"], found["new_postcode"], found.get("new_city")) == expected


def test_the_street_question_takes_the_postcode_and_city_given_with_it():
    form, dispatcher = ValidateServiceForm(), CollectingDispatcher()
    slots = form.validate_new_street("Kerkstraat 5, 3511 AB Utrecht", dispatcher,
                                     tracker("Kerkstraat 5, 3511 AB Utrecht", "inform"), {})
    assert slots == {"new_street": "Kerkstraat 5", "new_postcode": "3511 AB", "new_city": "Utrecht"}
    assert dispatcher.messages == []
    only_street = form.validate_new_street("Beukenlaan 21b", dispatcher,
                                           tracker("Beukenlaan 21b", "inform"), {})
    assert only_street == {"new_street": "Beukenlaan 21b"}

"""Issue 14 without Rasa: the FAQ knowledge base's data checks, and the logic of the fallback,
digression and verification actions. (Through the real stack: tests/stack/test_faq.py.)"""
from __future__ import annotations

import re

import yaml
from rasa_sdk import Tracker

from actions import digress, fallback, faq, verify
from core.lines import load
from tools import faq as faq_tool
from tools.stack import ROOT

PLACEHOLDER = re.compile(r"\{(\w+)\}")

# What rasa-sdk receives while the form validates the user's message: the form's temporary
# tracker ends with the form's own ActionExecuted.
USER_TURN = [{"event": "action", "name": "service_form"},
             {"event": "action", "name": "action_listen"},
             {"event": "user"}, {"event": "slot", "name": "verify_number"},
             {"event": "action", "name": "service_form"}]


# --- the data -------------------------------------------------------------------------------

def test_generated_files_are_up_to_date():
    assert faq_tool.main(["--check"]) == 0


def test_each_line_has_at_least_60_entries_with_its_own_facts_filled():
    lines = load(ROOT / "lines.yml")
    items = faq_tool.entries()
    for line in lines.lines:
        own = [e for e in items if e["line"] in (line.id, faq_tool.SHARED_LINE)]
        assert len(own) >= 60, (line.id, len(own))
        for entry in own:
            for language in ("nl", "en"):
                values = line.slots(language)
                for name in PLACEHOLDER.findall(entry["answer"][language]):
                    assert values[name], f"{line.id}: {entry['id']} quotes an empty {name}"
                assert len(set(entry["questions"][language])) >= faq_tool.MIN_QUESTIONS


def test_the_checks_catch_a_missing_fact_and_too_few_phrasings():
    entry = {"id": "donor_x", "line": "vrienden", "domain": "donor", "source": "t.yml",
             "title": {"nl": "x", "en": "x en"},
             "answer": {"nl": "Bel {no_such_fact}.", "en": "Call {org_phone}."},
             "questions": {"nl": ["a", "b"], "en": [str(i) for i in range(8)]}}
    problems = faq_tool.check([entry], ROOT / "lines.yml")
    assert any("no_such_fact" in p for p in problems)
    assert any("2 nl phrasings" in p for p in problems)
    assert not any("en answer" in p for p in problems)


def test_digression_rules_cover_exactly_the_digression_intents():
    rules = yaml.safe_load((ROOT / "data" / "digression_rules.yml").read_text())["rules"]
    for form in ("service_form", "verify_form"):
        [rule] = [r for r in rules if r["rule"] == f"a question while {form} waits for an answer"]
        intents = {step["intent"] for step in rule["steps"][0]["or"]}
        assert intents == set(digress.DIGRESSION_INTENTS)
        assert [s.get("action") for s in rule["steps"][1:3]] == ["action_digress", form]


# --- the actions' logic ---------------------------------------------------------------------

def selector(*ranked):
    return {"response_selector": {"faq": {"ranking": [
        {"intent_response_key": f"faq/{key}", "confidence": conf} for key, conf in ranked]}}}


def test_faq_answer_belongs_to_the_callers_line():
    # the other line's entry clearly wins: no answer here (the other line's number instead)
    assert faq.choose(selector(("device_warranty_length", 0.9), ("donor_rsin", 0.05)),
                      "donor") is None
    # a near tie (the same question at both organisations): this line's entry
    assert faq.choose(selector(("device_privacy", 0.5), ("donor_privacy_data", 0.4)),
                      "donor") == "donor_privacy_data"
    assert faq.choose(selector(("shared_address", 0.7), ("donor_rsin", 0.2)),
                      "device") == "shared_address"


def tracker(text="", intent="", confidence=0.9, slots=None, events=None, loop=None,
            latest_action="service_form", extra=None):
    message = {"text": text, "intent": {"name": intent, "confidence": confidence},
               "intent_ranking": [{"name": intent, "confidence": confidence}], **(extra or {})}
    return Tracker("t", {"language": "nl", "line_domain": "donor", **(slots or {})}, message,
                   USER_TURN if events is None else events, False, None,
                   {"name": loop} if loop else {}, latest_action)


def test_fallback_buttons_are_this_lines_topics_in_the_callers_language():
    message = {"intent_ranking": [
        {"name": "nlu_fallback", "confidence": 0.5},
        {"name": "device_order_supplies", "confidence": 0.3},
        {"name": "donor_cancel", "confidence": 0.2}, {"name": "faq", "confidence": 0.2},
        {"name": "greet", "confidence": 0.1}], **selector(("donor_rsin", 0.8))}
    buttons = fallback.likeliest_topics(message, "donor", "en")
    assert buttons == [{"title": "Stop my gift", "payload": "Stop my gift"},
                       {"title": "RSIN or tax number", "payload": "RSIN or tax number"}]


def test_a_second_miss_in_a_row_is_a_miss_twice():
    first = [{"event": "user"}]
    again = [{"event": "user"}, {"event": "action", "name": "action_fallback"},
             {"event": "bot"}, {"event": "action", "name": "action_listen"}, {"event": "user"}]
    answered_between = [{"event": "user"}, {"event": "action", "name": "action_fallback"},
                        {"event": "user"}, {"event": "action", "name": "action_faq"},
                        {"event": "action", "name": "action_listen"}, {"event": "user"}]
    assert not fallback.missed_before(tracker(events=first))
    assert fallback.missed_before(tracker(events=again))
    assert not fallback.missed_before(tracker(events=answered_between))


def test_a_question_digresses_but_an_answer_does_not():
    waiting = {"requested_slot": "verify_number"}
    assert digress.is_digression(tracker("wat zijn jullie openingstijden", "opening_hours",
                                         slots=waiting, loop="service_form"), "service_form")
    # the answer itself, whatever NLU made of it
    assert not digress.is_digression(tracker("D000123", "opening_hours", slots=waiting,
                                             loop="service_form"), "service_form")
    # not sure enough, or the form is not waiting, or coming back after the answer
    assert not digress.is_digression(tracker("wat is dat", "faq", 0.3, slots=waiting,
                                             loop="service_form"), "service_form")
    assert not digress.is_digression(tracker("openingstijden", "opening_hours"), "service_form")
    back = [*USER_TURN[:4], {"event": "action", "name": "action_digress"}, {"event": "bot"},
            {"event": "action", "name": "service_form"}]
    assert not digress.is_digression(tracker("wat zijn jullie openingstijden", "opening_hours",
                                             slots=waiting, loop="service_form",
                                             events=back), "service_form")
    # a free-text answer digresses only when it is shaped like a question
    street = {"requested_slot": "new_street"}
    assert not digress.is_digression(tracker("Dorpsstraat 12", "donor_change_address", 0.95,
                                             slots=street, loop="service_form"), "service_form")
    # a relative reporting a death is a relative by design
    bereavement = {"requested_slot": "verify_number", "service_task": "bereavement"}
    assert not digress.is_digression(tracker("ik ben haar zoon", "acting_for_other",
                                             slots=bereavement, loop="service_form"),
                                     "service_form")


def test_only_a_clear_no_or_goodbye_ends_a_form_but_asking_for_a_person_always_does():
    waiting = {"requested_slot": "verify_address"}
    assert verify.wants_to_stop(tracker("nee laat maar", "deny", 0.95, slots=waiting))
    assert verify.wants_to_stop(tracker("no thanks, bye", "goodbye", 0.9, slots=waiting))
    # words NLU half-read as a goodbye are an unclear answer: the form asks again
    assert not verify.wants_to_stop(tracker("blauwe maandag", "goodbye", 0.48, slots=waiting))
    assert not verify.wants_to_stop(tracker("ik weet het niet", "deny", 0.56, slots=waiting))
    assert verify.wants_to_stop(tracker("mag ik iemand spreken", "ask_human", 0.5, slots=waiting))
    assert not verify.wants_to_stop(tracker("3511 LK 12", "inform", 0.99, slots=waiting))


# --- the real stack: web and API ------------------------------------------------------------

def buttons(answer) -> list[dict]:
    return [b for reply in answer["replies"] for b in reply.get("buttons", [])]

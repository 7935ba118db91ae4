"""Answer an informational question, or point to the other organisation's line.

One model serves both lines; a donor question on the pump line (or the reverse)
gets the other line's number instead of an answer that does not apply.
"""
from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.digress import FAQ_INTENT, TASK_INTENTS
from actions.faq import answer_faq
from actions.verify import tell_delivery_status, tell_periodic_gift

# Questions either organisation can answer (people move house at both).
SHARED_INTENTS = {"donor_change_address", "donor_change_contact"}


def intent_domain(intent: str) -> str | None:
    """'donor' or 'device' for a domain question; None for general intents."""
    if intent in SHARED_INTENTS:
        return None
    prefix = intent.split("_", 1)[0]
    return prefix if prefix in ("donor", "device") else None


def response_for(intent: str, line_domain: str | None) -> str:
    domain = intent_domain(intent)
    if domain and line_domain and domain != line_domain:
        return "utter_other_line"
    return f"utter_{intent}"


def wrong_line(tracker: Tracker) -> bool:
    intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
    return response_for(intent, tracker.get_slot("line_domain")) == "utter_other_line"


class ActionAnswer(Action):
    def name(self) -> str:
        return "action_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        response = response_for(intent, tracker.get_slot("line_domain"))
        if response == "utter_device_delivery_status" and tell_delivery_status(dispatcher, tracker):
            return []  # a verified pump customer: their own latest order
        if response not in (domain.get("responses") or {}):
            response = "utter_default"
        dispatcher.utter_message(response=response)
        if response == "utter_donor_periodic_gift":
            tell_periodic_gift(dispatcher, tracker)  # a verified donor: their own agreement
        return []


class ActionDigress(Action):
    """Answer the question asked inside a form; the form then asks its question again."""

    def name(self) -> str:
        return "action_digress"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        if intent == FAQ_INTENT:
            answer_faq(dispatcher, tracker, domain)
        elif intent == "opening_hours":
            dispatcher.utter_message(response="utter_digress_hours")
        elif intent in TASK_INTENTS:
            dispatcher.utter_message(response="utter_digress_task_later")
        else:
            response = response_for(intent, tracker.get_slot("line_domain"))
            if response not in (domain.get("responses") or {}):
                response = "utter_default"
            dispatcher.utter_message(response=response)
        dispatcher.utter_message(response="utter_digress_resume")
        # The question was read into the form's slot as if it were the answer: clear it.
        slot = tracker.get_slot("requested_slot")
        return [SlotSet(slot, None)] if slot else []

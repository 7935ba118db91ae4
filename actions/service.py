"""The one form for every self-service task (actions.tasks): start it, validate its answers,
and ask its questions in the task's own words.

    intent → action_start_task → service_form (verify, task questions, confirm)
           → action_submit_task (actions.apply)

Answers are free text, typed or spoken, read by `actions.parsing`. A task on the wrong
line is pointed to the other line and never starts; a caller who says "nee", asks for a
person or says goodbye midway ends the form and nothing changes.
"""
from __future__ import annotations

import logging
import re
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import parsing, spoken
from actions.answer import response_for
from actions.apply import NotVerified, confirmation
from actions.digress import Digressions  # questions inside a form (issue 14)
from actions.tasks import (
    INTENT_TASKS,
    PAUSE_MONTHS,
    SUPPLIES,
    TASK_SLOTS,
    VERIFY_SLOTS,
    subject_for,
    supply_for,
    task_for,
)
from actions.verify import (
    MAX_FAILURES,
    ExpectsAnswers,
    VerificationSlots,
    _intent,
    _language,
    answering_readback,
    database_failed,
    mark_unclear,
    on_phone,
    read_answer,
    readback_turn,
    subject_type_for,
    wants_to_stop,
)
from core.vocabulary import FREQUENCY_LABELS, parse_frequency

log = logging.getLogger(__name__)

# "ik wil niet meer per maand betalen" names the old frequency, not the new one.
NEGATION = re.compile(r"\b(niet|geen|not|no longer|instead|in plaats van|i\.p\.v\.?)\b", re.I)
# Questions a plain "nee" answers rather than ends.
YES_NO_SLOTS = ("confirm_change", "complaint_injury")
_NO = re.compile(r"^\s*(nee|neen|no|nope|niemand|nobody|geen|none|niet)\b", re.I)
_UNKNOWN = re.compile(r"\b(weet (ik )?(het )?niet|geen idee|onbekend|don'?t know|not sure|"
                      r"no idea|unknown)\b", re.I)
MIN_DESCRIPTION = 10


def _parsed(dispatcher, slot: str, value, parse, refusal: str) -> dict:
    """The answer as `parse` reads it, or None and the reason it was refused."""
    parsed = parse(str(value or ""))
    if parsed is None:
        dispatcher.utter_message(response=refusal)
        mark_unclear(dispatcher, slot)
    return {slot: parsed}


def _task(tracker: Tracker):
    return task_for(tracker.get_slot("service_task"))


def opening_answers(task: str, text: str, language: str) -> dict:
    """Answers the opening request already gives: "ik wil naar 20 euro per kwartaal",
    "ik wil nieuwe patches bestellen". Amounts only in digits: "een ander bedrag" is no 1."""
    answers: dict = {}
    if task == "gift":
        amount = parsing.parse_amount(text, words=False)
        if amount is not None:
            answers["new_amount"] = parsing.format_amount(amount)
    if task in ("gift", "frequency") and not NEGATION.search(text):
        frequency = parse_frequency(text)
        if frequency:
            answers["new_frequency"] = frequency
            answers["frequency_label"] = FREQUENCY_LABELS[language][frequency]
    if task == "order":
        item = supply_for(text)
        if item:
            answers["order_item"] = item
    return answers


class ActionStartTask(Action):
    """Set the task the request names, clear what an earlier task left, say the lead-in."""

    def name(self) -> str:
        return "action_start_task"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        intent = _intent(tracker)
        task = task_for(INTENT_TASKS.get(intent))
        response = response_for(intent, tracker.get_slot("line_domain"))
        if response not in (domain.get("responses") or {}):
            response = "utter_default"
        dispatcher.utter_message(response=response)  # the lead-in, or the other line's number
        if task is None or response == "utter_other_line":
            return [SlotSet("service_task", None)]
        values = {name: None for name in (*TASK_SLOTS, *VERIFY_SLOTS)
                  if tracker.get_slot(name) is not None}
        values.update(opening_answers(task.name, tracker.latest_message.get("text") or "",
                                      _language(tracker)))
        # Three failures handed the caller to a person, who has handed them back: a new task
        # gets three new tries (the bot is silent while a person has the conversation).
        if tracker.get_slot("verify_failures"):
            values["verify_failures"] = 0.0
        events = [SlotSet("service_task", task.name)]
        events += [SlotSet(name, value) for name, value in values.items()]
        # Verified for the other organisation's record (or a death report): verify again.
        own_subject = subject_for(task, tracker.get_slot("line_domain"))
        if (tracker.get_slot("verified") is True and task.verify == "self"
                and tracker.get_slot("subject_type") != own_subject):
            events.append(SlotSet("verified", False))
        return events


class ValidateServiceForm(Digressions, ExpectsAnswers, VerificationSlots, FormValidationAction):
    def name(self) -> str:
        return "validate_service_form"

    def deceased(self, tracker: Tracker) -> bool:
        task = _task(tracker)
        return bool(task and task.verify == "deceased")

    def subject_type(self, tracker: Tracker, number: str | None) -> str:
        task = _task(tracker)
        if task is None:
            return subject_type_for(tracker, number)
        return subject_for(task, tracker.get_slot("line_domain"))

    async def required_slots(self, domain_slots, dispatcher, tracker, domain):
        task = _task(tracker)
        if task is None or self._stopped(tracker):
            return []
        if int(tracker.get_slot("verify_failures") or 0) >= MAX_FAILURES:
            return []  # a person takes over: no task questions either
        verification = self.verification_slots(tracker)
        if verification:
            return verification
        return [*task.slots, "confirm_change"]

    @staticmethod
    def _stopped(tracker: Tracker) -> bool:
        return (wants_to_stop(tracker)
                and tracker.get_slot("requested_slot") not in (None, *YES_NO_SLOTS)
                and not answering_readback(tracker))

    # --- an answer given before its question -------------------------------------------

    async def extract_new_frequency(self, dispatcher, tracker: Tracker, domain) -> dict:
        """The frequency from an earlier answer ("20 euro per kwartaal")."""
        if (tracker.get_slot("service_task") not in ("gift", "frequency")
                or tracker.get_slot("new_frequency")
                or tracker.get_slot("requested_slot") in ("new_frequency", *VERIFY_SLOTS)):
            return {}
        text = tracker.latest_message.get("text") or ""
        if NEGATION.search(text):
            return {}
        frequency = parse_frequency(text)
        if not frequency:
            return {}
        return {"new_frequency": frequency,
                "frequency_label": FREQUENCY_LABELS[_language(tracker)][frequency]}

    # --- validation of each answer ------------------------------------------------------

    def validate_new_amount(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict:
        amount, status = read_answer(
            dispatcher, tracker, "new_amount", str(value or ""),
            lambda text: spoken.in_range(spoken.read_amount(text)),
            lambda amount, language, ear: spoken.say_amount(amount, language) if ear else
            f"{parsing.format_amount(amount)} euro")
        if amount is None:
            if status != "asked":
                dispatcher.utter_message(response="utter_invalid_amount")
            return {"new_amount": None}
        return {"new_amount": parsing.format_amount(amount)}

    def validate_new_frequency(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict:
        frequency = value if value in FREQUENCY_LABELS["nl"] else \
            parse_frequency(str(value or ""))
        if frequency is None:
            dispatcher.utter_message(response="utter_invalid_frequency")
            mark_unclear(dispatcher, "new_frequency")
            return {"new_frequency": None}
        return {"new_frequency": frequency,
                "frequency_label": FREQUENCY_LABELS[_language(tracker)][frequency]}

    def validate_new_street(self, value, dispatcher, tracker, domain) -> dict:
        # "Kerkstraat 5, 3511 AB Utrecht" in one go: the form does not ask for what it was told
        return parsing.parse_whole_address(str(value or "")) or _parsed(
            dispatcher, "new_street", value, parsing.parse_street, "utter_invalid_street")

    def validate_new_postcode(self, value, dispatcher, tracker, domain) -> dict:
        return _parsed(dispatcher, "new_postcode", value, parsing.parse_postcode,
                       "utter_invalid_postcode")

    def validate_new_city(self, value, dispatcher, tracker, domain) -> dict:
        return _parsed(dispatcher, "new_city", value, parsing.parse_city, "utter_invalid_city")

    def validate_new_contact(self, value, dispatcher, tracker, domain) -> dict:
        return _parsed(dispatcher, "new_contact", value,
                       lambda text: parsing.parse_email(text) or parsing.parse_phone(text),
                       "utter_invalid_contact")

    def validate_new_iban(self, value, dispatcher, tracker, domain) -> dict:
        language = _language(tracker)
        iban, status = read_answer(
            dispatcher, tracker, "new_iban", str(value or ""),
            lambda text: spoken.read_iban(text, language),
            lambda iban, lang, ear: spoken.say_iban(iban, lang) if ear else
            " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)))
        if iban is None and status != "asked":
            dispatcher.utter_message(response="utter_invalid_iban")
        return {"new_iban": iban}

    def validate_pause_months(self, value, dispatcher, tracker, domain) -> dict:
        months = parsing.parse_count(str(value or ""), *PAUSE_MONTHS)
        if months is None:
            dispatcher.utter_message(response="utter_invalid_pause_months")
            mark_unclear(dispatcher, "pause_months")
            return {"pause_months": None}
        return {"pause_months": str(months)}

    def validate_order_item(self, value, dispatcher, tracker, domain) -> dict:
        item = value if value in SUPPLIES else supply_for(str(value or ""))
        if item is None:
            dispatcher.utter_message(response="utter_invalid_order_item")
            mark_unclear(dispatcher, "order_item")
        return {"order_item": item}

    def validate_order_quantity(self, value, dispatcher, tracker, domain) -> dict:
        item = SUPPLIES.get(tracker.get_slot("order_item") or "", {"max": 1})
        quantity = parsing.parse_count(str(value or ""), 1, 99)
        if quantity is None:
            dispatcher.utter_message(response="utter_invalid_order_quantity", max=item["max"])
            mark_unclear(dispatcher, "order_quantity")
            return {"order_quantity": None}
        if quantity > item["max"]:
            dispatcher.utter_message(response="utter_order_quantity_limit", max=item["max"])
            return {"order_quantity": None}
        return {"order_quantity": str(quantity)}

    def validate_return_reason(self, value, dispatcher, tracker, domain) -> dict:
        reason = str(value or "").strip()
        if len(reason) < 3:
            dispatcher.utter_message(response="utter_invalid_description")
            return {"return_reason": None}
        return {"return_reason": reason[:1000]}

    def validate_complaint_description(self, value, dispatcher, tracker, domain) -> dict:
        description = str(value or "").strip()
        if len(description) < MIN_DESCRIPTION:
            dispatcher.utter_message(response="utter_invalid_description")
            return {"complaint_description": None}
        return {"complaint_description": description[:4000]}

    def validate_complaint_event_date(self, value, dispatcher, tracker, domain) -> dict:
        text = str(value or "")
        if _UNKNOWN.search(text):
            return {"complaint_event_date": "unknown"}
        language = _language(tracker)
        when, status = read_answer(
            dispatcher, tracker, "complaint_event_date", text,
            lambda answer: spoken.read_date(answer, lang=language),
            lambda day, lang, ear: spoken.say_date(day, lang) if ear else day.strftime("%d-%m-%Y"))
        if when is None:
            if status != "asked":
                dispatcher.utter_message(response="utter_invalid_event_date")
            return {"complaint_event_date": None}
        return {"complaint_event_date": when.isoformat()}

    def validate_complaint_injury(self, value, dispatcher, tracker, domain) -> dict:
        text = str(value or "").strip()
        if _NO.match(text) or _intent(tracker) == "deny":
            return {"complaint_injury": "none"}
        if not text:
            return {"complaint_injury": None}
        return {"complaint_injury": text[:2000]}  # what happened to the person


# --- questions that depend on the task ------------------------------------------------------

class _AskForProof(Action, ABC):
    """In a death report the number and address asked for are the deceased donor's."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """Abstract, so rasa-sdk registers only the two concrete questions below."""

    def name(self) -> str:
        return f"action_ask_service_form_{self.slot}"

    def run(self, dispatcher, tracker, domain):
        if readback_turn(tracker):
            return []  # the answer was read back for a yes/no: that is the question now
        deceased = tracker.get_slot("service_task") == "bereavement"
        dispatcher.utter_message(response=f"utter_ask_deceased_{self.slot.split('_')[1]}"
                                 if deceased else f"utter_ask_{self.slot}")
        return []


class ActionAskVerifyNumber(_AskForProof):
    slot = "verify_number"  # type: ignore[assignment]


class ActionAskVerifyAddress(_AskForProof):
    slot = "verify_address"  # type: ignore[assignment]


class ActionAskConfirmChange(Action):
    """Read the task back in full, with what the record says, and ask "Klopt dat?"."""

    def name(self) -> str:
        return "action_ask_service_form_confirm_change"

    def run(self, dispatcher, tracker, domain):
        try:
            response, facts = confirmation(tracker)
        except NotVerified:  # the record went away meanwhile: change nothing
            dispatcher.utter_message(response="utter_change_cancelled")
            return [SlotSet("service_task", None)]
        except SQLAlchemyError as exc:
            log.error("confirmation: database unavailable (%s)", type(exc).__name__)
            database_failed(dispatcher)
            return [SlotSet("service_task", None)]
        words = voice_confirmation(tracker) if on_phone(tracker) else None
        if words:
            dispatcher.utter_message(text=words)
        else:
            dispatcher.utter_message(response=response, **facts)
        return []


VOICE_CONFIRM = {
    "nl": {"gift": "U wilt voortaan {amount} {frequency} geven. Klopt dat? Zeg ja of nee.",
           "iban": "Uw gift wordt voortaan afgeschreven van rekeningnummer {iban}. Klopt dat? "
                   "Zeg ja of nee."},
    "en": {"gift": "From now on you would like to give {amount} {frequency}. Is that right? "
                   "Say yes or no.",
           "iban": "Your gift will from now on be collected from account number {iban}. Is that "
                   "right? Say yes or no."},
}


def voice_confirmation(tracker: Tracker) -> str | None:
    """The read-back on the phone, written for the ear: the amount in words with "euro",
    the IBAN in groups of four. None: the task's usual read-back is fine to hear."""
    language = _language(tracker)
    task = tracker.get_slot("service_task")
    if task == "gift":
        amount = spoken.read_amount(str(tracker.get_slot("new_amount") or "")).value
        if amount is None:
            return None
        return VOICE_CONFIRM[language]["gift"].format(
            amount=spoken.say_amount(amount, language),
            frequency=tracker.get_slot("frequency_label") or "")
    if task == "iban" and tracker.get_slot("new_iban"):
        return VOICE_CONFIRM[language]["iban"].format(
            iban=spoken.say_iban(tracker.get_slot("new_iban"), language))
    return None


__all__ = ["ActionStartTask", "ValidateServiceForm", "ActionAskVerifyNumber",
           "ActionAskVerifyAddress", "ActionAskConfirmChange"]

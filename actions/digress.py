"""Digressions: a question asked while a form waits for an answer is answered, and the
form then asks its question again.

Rasa's forms read free text (`from_text`), so without this "what are your opening hours?"
would be read as a donor number ("I couldn't read that number"). The forms' validation
actions (actions/service.py, actions/verify.py) take the `Digressions` mixin: when the
message is a question and not an answer to what the form asked, the validation rejects,
Rasa's RulePolicy falls back to a rule with the form as its condition
(data/digression_rules.yml), that rule runs `action_digress` and then the form again,
which asks where it was. The rule's intents and `DIGRESSION_INTENTS` are the same set
(tests/test_faq.py checks it).

Someone acting for another person is not a digression: that rule ends the form (a caller
must not be verified as someone else), except in a death report, where the caller is a
relative by design.
"""
from __future__ import annotations

import logging
import re

from rasa_sdk import Tracker
from rasa_sdk.interfaces import ActionExecutionRejection

from actions import parsing, tasks
from core import vocabulary

log = logging.getLogger(__name__)

# No imports of other action modules at the top: actions/verify.py imports this module.
FAQ_INTENT = "faq"
ACTING_FOR_OTHER = "acting_for_other"
# Questions with an answer of their own (the FAQ, opening hours, informational intents).
QUESTION_INTENTS = (
    FAQ_INTENT, "opening_hours",
    "donor_become_friend", "donor_tax_deduction", "donor_periodic_gift", "donor_legacy",
    "donor_one_off_gift", "donor_about_foundation", "donor_clinic_relation",
    "device_app_pairing", "device_alarm_meaning", "device_charging", "device_travel",
    "device_water", "device_safety_notice", "device_insurance", "device_training",
    "device_delivery_status",
)
# Another task: the bot says it can do that next, and goes on with this one.
TASK_INTENTS = (
    "donor_change_amount", "donor_change_frequency", "donor_change_iban",
    "donor_change_address", "donor_change_contact", "donor_cancel", "donor_pause",
    "donor_annual_statement", "donor_current_gift", "device_order_supplies",
    "device_return", "device_complaint", "device_my_fsn_status",
)
DIGRESSION_INTENTS = (*QUESTION_INTENTS, *TASK_INTENTS)
QUESTION_CONFIDENCE = 0.5
TASK_CONFIDENCE = 0.8
# Answers that are free text: only a message shaped like a question digresses there.
FREE_TEXT_SLOTS = ("new_street", "new_city", "return_reason", "complaint_description",
                   "complaint_injury")
_QUESTION = re.compile(
    r"\?\s*$|^\s*(eh+m?\s+|uh+m?\s+|ja\s+|oh\s+|en\s+|and\s+|but\s+|maar\s+)?"
    r"(wat|hoe|waar|wanneer|waarom|wie|welke?|hoeveel|kan|kun|kunt|mag|moet|is|zijn|"
    r"heb|hebben|krijg|wordt|worden|gaat|what|how|where|when|why|who|which|can|could|"
    r"do|does|is|are|may|will|should|would)\b", re.I)


def question_shaped(text: str) -> bool:
    return bool(_QUESTION.search(text or ""))


def _reader(module, name: str):
    """A parsing function by name; None when it is not there (another module renamed it)."""
    return getattr(module, name, None)


def _answer_parses(slot: str, text: str) -> bool:
    """Would the form accept this text as the answer to `slot`? (Errors count as yes.)"""
    email, phone, count = (_reader(parsing, n) for n in ("parse_email", "parse_phone",
                                                          "parse_count"))
    readers = {
        "verify_number": _reader(parsing, "parse_number"),
        "verify_address": _reader(parsing, "parse_proof"),
        "new_amount": _reader(parsing, "parse_amount"),
        "new_frequency": _reader(vocabulary, "parse_frequency"),
        "new_postcode": _reader(parsing, "parse_postcode"),
        "new_contact": (lambda t: email(t) or phone(t)) if email and phone else None,
        "new_iban": _reader(parsing, "parse_iban"),
        "pause_months": (lambda t: count(t, 1, 12)) if count else None,
        "order_item": _reader(tasks, "supply_for"),
        "order_quantity": (lambda t: count(t, 1, 99)) if count else None,
        "complaint_event_date": _reader(parsing, "parse_date"),
    }
    if slot not in readers:
        return False  # a free-text answer or a yes/no: see is_digression
    reader = readers[slot]
    if reader is None:
        return True  # cannot tell: never lose an answer to a guess
    try:
        return reader(text) is not None
    except Exception:  # a reader changed under us: never lose an answer to a guess
        log.warning("digression check: reader for %s failed", slot)
        return True


def on_users_turn(tracker: Tracker, form: str) -> bool:
    """Is the form validating the user's latest message (not coming back after a digression)?

    rasa-sdk receives the form's temporary tracker, whose last action is the form itself, so
    read the events: since the user's message no action but the form has run."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in ("action_listen", form):
            return False
    return False


def is_digression(tracker: Tracker, form: str) -> bool:
    """Is the latest message a question rather than the answer the form waits for?"""
    slot = tracker.get_slot("requested_slot")
    if (not slot or (tracker.active_loop or {}).get("name") != form
            or not on_users_turn(tracker, form)):
        return False
    intent = tracker.latest_message.get("intent") or {}
    name, confidence = intent.get("name") or "", float(intent.get("confidence") or 0.0)
    text = tracker.latest_message.get("text") or ""
    if name == ACTING_FOR_OTHER:
        return (confidence >= QUESTION_CONFIDENCE
                and tracker.get_slot("service_task") != "bereavement")
    if name in QUESTION_INTENTS:
        needed = QUESTION_CONFIDENCE
    elif name in TASK_INTENTS:
        needed = TASK_CONFIDENCE
    else:
        return False
    if confidence < needed or _answer_parses(slot, text):
        return False
    return question_shaped(text) or slot not in FREE_TEXT_SLOTS


class Digressions:
    """Mixin for a form's validation action: reject a question so a rule can answer it."""

    # Not `form_name`: rasa-sdk's FormValidationAction has a method of that name.
    digress_form = ""

    async def run(self, dispatcher, tracker, domain):
        form = self.digress_form or self.name().replace("validate_", "", 1)
        if is_digression(tracker, form):
            log.info("digression in %s at %s", form, tracker.get_slot("requested_slot"))
            raise ActionExecutionRejection(self.name(), "a question, not an answer")
        return await super().run(dispatcher, tracker, domain)


__all__ = ["DIGRESSION_INTENTS", "Digressions", "is_digression"]

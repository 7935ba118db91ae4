"""Validation of the change forms: new gift amount/frequency and new address.

Each answer is free text (typed or spoken), read by `actions.parsing`. A form on
the wrong line, or a caller who says "nee"/"medewerker" midway, ends the form
without changing anything.
"""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import parsing

STOP_INTENTS = {"deny", "ask_human", "goodbye"}
# "ik wil niet meer per maand betalen" names the old frequency, not the new one.
NEGATION = re.compile(r"\b(niet|geen|not|no longer|instead|in plaats van|i\.p\.v\.?)\b", re.I)


def _intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def _stopped(tracker: Tracker) -> bool:
    return (_intent(tracker) in STOP_INTENTS
            and tracker.get_slot("requested_slot") not in (None, "confirm_change"))


def _language(tracker: Tracker) -> str:
    return tracker.get_slot("language") or "nl"


class _ChangeForm(FormValidationAction, ABC):
    domain_name: str | None = None  # the line domain this form belongs to (None: any)

    @abstractmethod
    def name(self) -> str:
        """Abstract, so rasa-sdk registers only the concrete forms below."""

    async def required_slots(self, domain_slots, dispatcher, tracker, domain):
        wrong_line = self.domain_name and tracker.get_slot("line_domain") not in (None, self.domain_name)
        if wrong_line or _stopped(tracker):
            return []
        return domain_slots

    def validate_new_frequency(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: dict) -> dict:
        frequency = parsing.parse_frequency(str(value or ""))
        if frequency is None:
            dispatcher.utter_message(response="utter_invalid_frequency")
            return {"new_frequency": None}
        return {"new_frequency": frequency,
                "frequency_label": parsing.FREQUENCY_LABELS[_language(tracker)][frequency]}

    async def extract_new_frequency(self, dispatcher, tracker: Tracker, domain) -> dict:
        """Take the frequency from an earlier answer ("20 euro per kwartaal")."""
        if tracker.get_slot("new_frequency") or tracker.get_slot("requested_slot") == "new_frequency":
            return {}
        text = tracker.latest_message.get("text") or ""
        if NEGATION.search(text):
            return {}
        frequency = parsing.parse_frequency(text)
        return {"new_frequency": frequency} if frequency else {}


class ValidateGiftForm(_ChangeForm):
    domain_name = "donor"

    def name(self) -> str:
        return "validate_gift_form"

    async def extract_new_amount(self, dispatcher, tracker: Tracker, domain) -> dict:
        """Take an amount in digits from the opening request ("verhogen naar 20 euro")."""
        if tracker.get_slot("new_amount") or tracker.get_slot("requested_slot") is not None:
            return {}
        amount = parsing.parse_amount(tracker.latest_message.get("text") or "", words=False)
        return {"new_amount": parsing.format_amount(amount)} if amount else {}

    def validate_new_amount(self, value: Any, dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: dict) -> dict:
        amount = parsing.parse_amount(str(value or ""))
        if amount is None:
            dispatcher.utter_message(response="utter_invalid_amount")
            return {"new_amount": None}
        return {"new_amount": parsing.format_amount(amount)}


class ValidateFrequencyForm(_ChangeForm):
    domain_name = "donor"

    def name(self) -> str:
        return "validate_frequency_form"


class ValidateAddressForm(_ChangeForm):
    domain_name = None  # donors and pump customers both move house

    def name(self) -> str:
        return "validate_address_form"

    def validate_new_street(self, value, dispatcher, tracker, domain) -> dict:
        street = parsing.parse_street(str(value or ""))
        if street is None:
            dispatcher.utter_message(response="utter_invalid_street")
        return {"new_street": street}

    def validate_new_postcode(self, value, dispatcher, tracker, domain) -> dict:
        postcode = parsing.parse_postcode(str(value or ""))
        if postcode is None:
            dispatcher.utter_message(response="utter_invalid_postcode")
        return {"new_postcode": postcode}

    def validate_new_city(self, value, dispatcher, tracker, domain) -> dict:
        city = parsing.parse_city(str(value or ""))
        if city is None:
            dispatcher.utter_message(response="utter_invalid_city")
        return {"new_city": city}

"""Verification before anything personal, and the answers that need it.

`verify_form` asks (web/API only, where the caller's number is unknown) for the donor or
customer number, then postcode + house number, and checks them against the gateway
database. The caller's number (voice/SMS `From`) comes from the gateway's metadata as the
slot `caller_phone`. A wrong answer and an unknown number get the same reply, so nothing
says whether a record exists; after three failures a person takes over.

Database errors never crash a turn: the caller gets a polite reply and the gateway opens a
system handoff (the json message `{"handoff": {...}}`).
"""
from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from actions import parsing
from bot.config import Config
from bot.db import session_scope
from bot.records import Donor, PumpCustomer, SupplyOrder

log = logging.getLogger(__name__)

MAX_FAILURES = 3
STOP_INTENTS = {"deny", "ask_human", "goodbye"}
# Which record a personal question (slot verify_goal, set in actions/context.py) is about.
SUBJECT_FOR_GOAL = {"gift": "donor", "fsn": "customer"}

FAILED_HANDOFF = {"handoff": {"category": "request", "reason": "verification failed 3 times"}}
DB_HANDOFF = {"handoff": {"category": "system", "reason": "database unavailable"}}

_NUMBER = re.compile(r"\b([DdCc])[\s.-]*(\d{1,6})\b")
_HOUSE_NUMBER = re.compile(r"(?<![\d])(\d{1,5})(?:\s*[-]?\s*([a-zA-Z]{1,2})\b)?(?![\d])")

FREQUENCY_LABELS = parsing.FREQUENCY_LABELS
ORDER_STATUS_LABELS = {
    "nl": {"besteld": "besteld", "verzonden": "verzonden", "bezorgd": "bezorgd",
           "vertraagd": "vertraagd"},
    "en": {"besteld": "ordered", "verzonden": "shipped", "bezorgd": "delivered",
           "vertraagd": "delayed"},
}


def _language(tracker: Tracker) -> str:
    return "en" if tracker.get_slot("language") == "en" else "nl"


def _intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def _database_url() -> str:
    return Config().database_url


def parse_number(text: str) -> str | None:
    """'D000001' from 'mijn donateursnummer is d 1', else None."""
    match = _NUMBER.search(text or "")
    if not match:
        return None
    return f"{match.group(1).upper()}{int(match.group(2)):06d}"


def parse_postcode_house(text: str) -> tuple[str, str] | None:
    """('1011 AB', '1') from '1011 AB 1', 'postcode 1011ab huisnummer 1', 'nummer 1, 1011 AB'."""
    text = text or ""
    postcode = parsing.parse_postcode(text)
    if postcode is None:
        return None
    compact = re.compile(r"\b" + postcode[:4] + r"\s?" + postcode[5:] + r"\b", re.I)
    rest = compact.sub(" ", text, count=1)
    match = _HOUSE_NUMBER.search(rest)
    if not match:
        return None
    return postcode, normal_house_number(match.group(1) + (match.group(2) or ""))


def parse_proof(text: str):
    """("address", postcode, house number) or ("birth", date of birth) from an answer, else None."""
    address = parse_postcode_house(text)
    if address is not None:
        return ("address", *address)
    born = parsing.parse_date(text)
    if born is not None and born.year >= 1900:
        return ("birth", born)
    return None


def normal_house_number(value: str | None) -> str:
    return re.sub(r"[\s-]+", "", value or "").lower()


def normal_postcode(value: str | None) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def find_subject(session, subject_type: str, phone: str | None, number: str | None, proof):
    """The donor or customer with this phone (or number) and proof, else None.

    `proof` is ("address", postcode, house number) or ("birth", date of birth).
    """
    if subject_type == "donor":
        query = select(Donor)
        query = query.where((Donor.phone == phone) | (Donor.phone2 == phone)) if phone else \
            query.where(Donor.donor_number == number)
    else:
        query = select(PumpCustomer)
        query = query.where(PumpCustomer.phone == phone) if phone else \
            query.where(PumpCustomer.customer_number == number)
    for record in session.execute(query.limit(10)).scalars():
        if proof[0] == "birth":
            if record.date_of_birth is not None and record.date_of_birth == proof[1]:
                return record
        elif (normal_postcode(record.postcode) == normal_postcode(proof[1])
                and normal_house_number(record.house_number) == proof[2]):
            return record
    return None


def subject_type_for(tracker: Tracker, number: str | None) -> str:
    if number:
        return "donor" if number.startswith("D") else "customer"
    goal = tracker.get_slot("verify_goal")
    if goal in SUBJECT_FOR_GOAL:
        return SUBJECT_FOR_GOAL[goal]
    return "customer" if tracker.get_slot("line_domain") == "device" else "donor"


def database_failed(dispatcher: CollectingDispatcher) -> None:
    dispatcher.utter_message(response="utter_verify_database_error")
    dispatcher.utter_message(json_message=DB_HANDOFF)


class VerificationSlots:
    """Slot validation shared by verify_form and service_form: who is the caller (or, for a
    reported death, whose record is it), checked against the database."""

    def deceased(self, tracker: Tracker) -> bool:
        """True when the record to identify is a deceased donor's, not the caller's own."""
        return False

    def subject_type(self, tracker: Tracker, number: str | None) -> str:
        return subject_type_for(tracker, number)

    def verification_slots(self, tracker: Tracker) -> list[str]:
        """The verification questions still to ask (none once verified or given up)."""
        if int(tracker.get_slot("verify_failures") or 0) >= MAX_FAILURES:
            return []
        if self.deceased(tracker):
            return [] if tracker.get_slot("task_subject_id") else ["verify_number", "verify_address"]
        if tracker.get_slot("verified") is True:
            return []
        if tracker.get_slot("caller_phone"):
            return ["verify_address"]
        return ["verify_number", "verify_address"]

    def validate_verify_number(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: dict) -> dict:
        number = parse_number(str(value or ""))
        if number is None:
            dispatcher.utter_message(response="utter_verify_invalid_number")
        return {"verify_number": number}

    def validate_verify_address(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: dict) -> dict:
        proof = parse_proof(str(value or ""))
        if proof is None:
            dispatcher.utter_message(response="utter_verify_invalid_address")
            return {"verify_address": None}
        deceased = self.deceased(tracker)
        phone = None if deceased else tracker.get_slot("caller_phone")
        number = None if phone else tracker.get_slot("verify_number")
        subject_type = self.subject_type(tracker, number)
        try:
            with session_scope(_database_url()) as session:
                record = find_subject(session, subject_type, phone, number, proof)
                subject_id = record.id if record else None
        except SQLAlchemyError as exc:
            log.error("verification: database unavailable (%s)", type(exc).__name__)
            database_failed(dispatcher)
            return {"verify_address": None, "verify_failures": float(MAX_FAILURES)}
        if subject_id is not None:
            log.info("verification succeeded subject=%s", subject_type)
            dispatcher.utter_message(response="utter_verify_success")
            if deceased:  # the caller is a relative: they are not verified as the donor
                return {"verify_address": "ok", "task_subject_id": str(subject_id),
                        "verify_failures": 0.0}
            return {"verify_address": "ok", "verified": True, "subject_type": subject_type,
                    "subject_id": str(subject_id), "verify_failures": 0.0}
        failures = int(tracker.get_slot("verify_failures") or 0) + 1
        log.info("verification failed attempt=%d", failures)
        if failures >= MAX_FAILURES:
            dispatcher.utter_message(response="utter_verify_failed_handoff")
            dispatcher.utter_message(json_message=FAILED_HANDOFF)
            return {"verify_address": None, "verify_failures": float(failures)}
        dispatcher.utter_message(response="utter_verify_failed")
        # Ask everything again: the reply must not say which part was wrong.
        return {"verify_address": None, "verify_number": None, "verify_failures": float(failures)}


class ValidateVerifyForm(VerificationSlots, FormValidationAction):
    """Verification alone, before telling a verified caller their gift or pump status."""

    def name(self) -> str:
        return "validate_verify_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain):
        if _intent(tracker) in STOP_INTENTS and tracker.get_slot("requested_slot") is not None:
            return []
        return self.verification_slots(tracker)


def _verified_subject(tracker: Tracker, subject_type: str) -> int | None:
    if tracker.get_slot("verified") is not True or tracker.get_slot("subject_type") != subject_type:
        return None
    try:
        return int(tracker.get_slot("subject_id"))
    except (TypeError, ValueError):
        return None


class ActionTellCurrentGift(Action):
    def name(self) -> str:
        return "action_tell_current_gift"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        donor_id = _verified_subject(tracker, "donor")
        if donor_id is None:
            dispatcher.utter_message(response="utter_donor_current_gift")
            return []
        language = _language(tracker)
        try:
            with session_scope(_database_url()) as session:
                donor = session.get(Donor, donor_id)
                facts = None if donor is None else {
                    "amount": parsing.format_amount(donor.amount),
                    "frequency": FREQUENCY_LABELS[language].get(donor.frequency, donor.frequency),
                    "iban_end": re.sub(r"\s+", "", donor.iban or "")[-4:],
                    "status": donor.status}
        except SQLAlchemyError as exc:
            log.error("current gift: database unavailable (%s)", type(exc).__name__)
            database_failed(dispatcher)
            return []
        if facts is None:
            dispatcher.utter_message(response="utter_donor_current_gift")
            return []
        response = "utter_current_gift_verified" if facts["status"] == "actief" else \
            "utter_current_gift_verified_inactive"
        dispatcher.utter_message(response=response, **facts)
        return []


class ActionTellFsnStatus(Action):
    def name(self) -> str:
        return "action_tell_fsn_status"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        customer_id = _verified_subject(tracker, "customer")
        if customer_id is None:
            dispatcher.utter_message(response="utter_device_safety_notice")
            return []
        try:
            with session_scope(_database_url()) as session:
                customer = session.get(PumpCustomer, customer_id)
                facts = None if customer is None else (customer.pump_serial,
                                                       bool(customer.under_safety_notice))
        except SQLAlchemyError as exc:
            log.error("fsn status: database unavailable (%s)", type(exc).__name__)
            database_failed(dispatcher)
            return []
        if facts is None:
            dispatcher.utter_message(response="utter_device_safety_notice")
            return []
        serial, affected = facts
        dispatcher.utter_message(response="utter_fsn_affected" if affected else
                                 "utter_fsn_not_affected", serial=serial)
        return []


def tell_delivery_status(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """For a verified pump customer: the latest order's status. False: answer generally."""
    customer_id = _verified_subject(tracker, "customer")
    if customer_id is None:
        return False
    language = _language(tracker)
    try:
        with session_scope(_database_url()) as session:
            order = session.execute(select(SupplyOrder).where(
                SupplyOrder.customer_id == customer_id).order_by(
                SupplyOrder.ordered_at.desc(), SupplyOrder.id.desc()).limit(1)).scalars().first()
            facts = None if order is None else (order.status, order.expected_delivery)
    except SQLAlchemyError as exc:
        log.error("delivery status: database unavailable (%s)", type(exc).__name__)
        database_failed(dispatcher)
        return True
    if facts is None:
        return False
    status, expected = facts
    label = ORDER_STATUS_LABELS[language].get(status, status)
    if expected is not None and status != "bezorgd":
        dispatcher.utter_message(response="utter_delivery_status_verified", status=label,
                                 expected=expected.strftime("%d-%m-%Y"))
    else:
        dispatcher.utter_message(response="utter_delivery_status_verified_no_date", status=label)
    return True


def tell_periodic_gift(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """For a verified donor, after the general answer: whether they have a periodic gift."""
    donor_id = _verified_subject(tracker, "donor")
    if donor_id is None:
        return
    try:
        with session_scope(_database_url()) as session:
            donor = session.get(Donor, donor_id)
            facts = None if donor is None else (bool(donor.periodic_gift), donor.periodic_gift_until)
    except SQLAlchemyError as exc:
        log.error("periodic gift: database unavailable (%s)", type(exc).__name__)
        return  # the general answer has been given; nothing personal is lost
    if facts is None:
        return
    has_agreement, until = facts
    if has_agreement and until is not None:
        dispatcher.utter_message(response="utter_periodic_gift_yours",
                                 until=until.strftime("%d-%m-%Y"))
    elif has_agreement:
        dispatcher.utter_message(response="utter_periodic_gift_yours_open")
    else:
        dispatcher.utter_message(response="utter_periodic_gift_none")

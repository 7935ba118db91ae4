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

from actions import identity, parsing, spoken
from actions.digress import Digressions  # questions inside a form (issue 14)
from actions.parsing import normal_house_number, read_proof
from core.config import Config
from core.db import session_scope
from core.records import Donor, PumpCustomer, SupplyOrder
from core.vocabulary import FREQUENCY_LABELS

log = logging.getLogger(__name__)

MAX_FAILURES = 3
# What ends a form that waits for an answer, and how sure NLU must be of it. "No" and
# "bye" must be clear: words the bot did not understand ("blauwe maandag", read as goodbye
# 0.48) are an unclear answer, which offers the keypad, not a reason to stop. Asking for a
# person always ends the form (when in doubt, a person).
STOP_CONFIDENCE = {"deny": 0.8, "goodbye": 0.8, "ask_human": 0.0}
# Which record a personal question (slot verify_goal, set in actions/context.py) is about.
SUBJECT_FOR_GOAL = {"gift": "donor", "fsn": "customer"}

FAILED_HANDOFF = {"handoff": {"category": "request", "reason": "verification failed 3 times"}}
LOCKED_HANDOFF = {"handoff": {"category": "request",
                              "reason": "self-service locked after repeated failed checks"}}
DB_HANDOFF = {"handoff": {"category": "system", "reason": "database unavailable"}}


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


def wants_to_stop(tracker: Tracker) -> bool:
    """Does the latest message end the form ("nee, laat maar", "bye", "a person please")?"""
    intent = tracker.latest_message.get("intent") or {}
    needed = STOP_CONFIDENCE.get(intent.get("name") or "")
    return needed is not None and float(intent.get("confidence") or 0.0) >= needed


def _database_url() -> str:
    return Config().database_url


def normal_postcode(value: str | None) -> str:
    return re.sub(r"\s+", "", value or "").upper()


_HOUSE_PARTS = re.compile(r"^\s*(\d{1,5})\s*[-/ ]?\s*(.*?)\s*$")


def house_key(value: str | None) -> tuple[str, str]:
    """('51', '2') for '51-2', '51 2', '51-II'; ('51', 'a') for '51A': number and addition."""
    match = _HOUSE_PARTS.match(value or "")
    if not match:
        return (normal_house_number(value), "")
    addition = re.sub(r"[\s.-]+", "", match.group(2)).lower()
    addition = spoken.ROMAN.get(addition, addition)
    return (str(int(match.group(1))), addition)


def _proof_matches(record, proof, letters_needed: bool) -> bool:
    kind, value = proof
    if kind == "birth":
        return record.date_of_birth is not None and record.date_of_birth == value
    if house_key(record.house_number) != house_key(value.house):
        return False
    postcode = normal_postcode(record.postcode)
    if value.letters:
        return postcode == normal_postcode(value.postcode)
    return not letters_needed and postcode[:4] == value.digits


def find_subject(session, subject_type: str, phone: str | None, number: str | None, proof):
    """The donor or customer with this phone (or number) and proof, else None.

    `proof` is ("address", postcode, house number), ("address", Address) or ("birth", date),
    or a list of those (any may match). Without the postcode's letters (keyed on the phone)
    the record must be found by the caller's own number and be the only one that fits.
    """
    proofs = proof if isinstance(proof, list) else [proof]
    proofs = [(p[0], spoken.Address(normal_postcode(p[1])[:4], normal_postcode(p[1])[4:] or None,
                                    *house_key(p[2])))
              if p[0] == "address" and len(p) == 3 else p for p in proofs]
    if subject_type == "donor":
        query = select(Donor)
        query = query.where((Donor.phone == phone) | (Donor.phone2 == phone)) if phone else \
            query.where(Donor.donor_number == number)
    else:
        query = select(PumpCustomer)
        query = query.where(PumpCustomer.phone == phone) if phone else \
            query.where(PumpCustomer.customer_number == number)
    records = list(session.execute(query.limit(10)).scalars())
    for item in proofs:
        if item[0] == "address" and not item[1].letters:
            if not phone:
                continue  # letters may be left out only for the caller's own number
            fits = [r for r in records if _proof_matches(r, item, letters_needed=False)]
            if len(fits) == 1:
                return fits[0]
            continue
        for record in records:
            if _proof_matches(record, item, letters_needed=True):
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


# --- what the caller is asked for, and what to do with an answer that is not clear -----------

# The kind of value each question asks for (the phone adapter's hints, keypad and words).
KIND_FOR_SLOT = spoken.KIND_FOR_SLOT
READBACK = {
    "nl": {"chat": "Bedoelt u {value}? Antwoordt u met ja of nee.",
           "voice": "Ik heb verstaan: {value}. Klopt dat? Zeg ja of nee."},
    "en": {"chat": "Do you mean {value}? Please answer yes or no.",
           "voice": "I heard: {value}. Is that right? Say yes or no."},
}


def channel(tracker: Tracker) -> str:
    return str((tracker.latest_message.get("metadata") or {}).get("channel") or "api")


def on_phone(tracker: Tracker) -> bool:
    return channel(tracker) == "voice"


def mark_unclear(dispatcher: CollectingDispatcher, slot: str) -> None:
    """The answer to `slot` could not be read: asked again, never counted as a wrong answer."""
    dispatcher.spoken_unclear = slot  # per request: rasa-sdk makes a dispatcher per call


def _previous_user_text(tracker: Tracker) -> str | None:
    users = [event for event in tracker.events if event.get("event") == "user"]
    return users[-2].get("text") if len(users) >= 2 else None


def pending_readback(tracker: Tracker, slot: str, read):
    """The reading asked back for a yes/no last turn, if the question is still `slot`.

    Stateless: the previous answer is read again, and it was read back because it could be
    read more than one way (`read` returns a spoken.Reading)."""
    if tracker.get_slot("requested_slot") != slot:
        return None
    previous = _previous_user_text(tracker)
    if not previous:
        return None
    reading = read(previous)
    return reading.candidates[0] if reading.ambiguous else None  # None: nothing was read back


def read_answer(dispatcher, tracker: Tracker, slot: str, text: str, read, say):
    """(value, status) for an answer: status ok | unclear | impossible | asked.

    `read(text)` gives a spoken.Reading; `say(value, language, ear)` words a reading for a
    read-back. An answer read two ways is read back for a yes/no ("asked"); the yes takes
    it, the no asks the question again."""
    pending = pending_readback(tracker, slot, read)
    if pending is not None:
        answer = spoken.read_yes_no(text)
        if answer is True or (answer is None and _intent(tracker) == "affirm"):
            return pending, "ok"
        if answer is False or _intent(tracker) == "deny":
            mark_unclear(dispatcher, slot)
            return None, "unclear"
    reading = read(text)
    if reading.found:
        return reading.value, "ok"
    if reading.ambiguous and reading.candidates[0] is not None:
        language = _language(tracker)
        ear = on_phone(tracker)
        words = READBACK[language]["voice" if ear else "chat"].format(
            value=say(reading.candidates[0], language, ear))
        dispatcher.utter_message(text=words)
        dispatcher.spoken_readback = (slot, words)
        return None, "asked"
    mark_unclear(dispatcher, slot)
    return None, "impossible" if reading.impossible else "unclear"


def readback_turn(tracker: Tracker) -> bool:
    """True when this turn's answer was read back (the question is not asked again)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        custom = (event.get("data") or {}).get("custom") if event.get("event") == "bot" else None
        if isinstance(custom, dict) and (custom.get("expect") or {}).get("readback"):
            return True
    return False


class ExpectsAnswers:
    """Mixin for the form validation actions: after validating, say which value the next
    question asks for, whether the last answer was unclear, and a read-back if there is one,
    as the custom payload {"expect": {...}} that the phone adapter renders as its Gather."""

    async def run(self, dispatcher, tracker, domain):
        events = await super().run(dispatcher, tracker, domain)
        asked = [e for e in events
                 if e.get("event") == "slot" and e.get("name") == "requested_slot"]
        if asked:
            following = asked[-1].get("value")
        else:  # rasa-sdk left the choice to Rasa (the list is the domain's): the first empty
            required = await self.required_slots(self.domain_slots(domain), dispatcher,
                                                 tracker, domain)
            following = next((slot for slot in required if tracker.slots.get(slot) is None),
                             None)
        if following:
            expect = {"slot": following, "kind": KIND_FOR_SLOT.get(following, "text"),
                      "unclear": getattr(dispatcher, "spoken_unclear", None) == following,
                      "task": tracker.get_slot("service_task")}
            readback = getattr(dispatcher, "spoken_readback", None)
            if readback and readback[0] == following:
                expect.update(readback=readback[1], unclear=False)
            dispatcher.utter_message(json_message={"expect": expect})
        return events


def _say_proof(proof, language: str, ear: bool) -> str:
    kind, value = proof
    if kind == "birth":
        return spoken.say_date(value, language) if ear else value.strftime("%d-%m-%Y")
    return spoken.say_address(value, language) if ear else str(value)


def _read_proof_reading(text: str):
    reading = read_proof(text)
    if reading.proofs:
        return spoken.Reading(value=list(reading.proofs), candidates=(list(reading.proofs),))
    if reading.ask:
        return spoken.Reading(candidates=([reading.ask], None))
    return spoken.IMPOSSIBLE if reading.impossible else spoken.NOTHING


def answering_readback(tracker: Tracker) -> bool:
    """A yes/no to a read-back answers the read-back: it does not end the form."""
    slot = tracker.get_slot("requested_slot")
    previous = _previous_user_text(tracker)
    if not slot or not previous or _intent(tracker) not in ("deny", "affirm"):
        return False
    if slot == "verify_address":
        return read_proof(previous).ask is not None
    if slot not in READERS:
        return False
    reading = READERS[slot](previous, _language(tracker))
    return reading.ambiguous and reading.candidates[0] is not None


# Readers of the questions whose answers may be read back (actions.service uses them too).
READERS = {
    "verify_number": lambda text, language: spoken.read_subject_number(text, language),
    "new_amount": lambda text, language: spoken.in_range(spoken.read_amount(text)),
    "new_iban": lambda text, language: spoken.read_iban(text, language),
    "complaint_event_date": lambda text, language: spoken.read_date(text, lang=language),
}


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
            if tracker.get_slot("task_subject_id"):
                return []
            return ["verify_number", "verify_address"]
        if tracker.get_slot("verified") is True:
            return []
        if tracker.get_slot("caller_phone"):
            return ["verify_address"]
        return ["verify_number", "verify_address"]

    def validate_verify_number(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: dict) -> dict:
        language = _language(tracker)
        number, status = read_answer(
            dispatcher, tracker, "verify_number", str(value or ""),
            lambda text: spoken.read_subject_number(text, language),
            lambda value, lang, ear: spoken.say_characters(value) if ear else value)
        if status in ("unclear", "impossible"):
            dispatcher.utter_message(response="utter_verify_invalid_number")
        return {"verify_number": number}

    def validate_verify_address(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: dict) -> dict:
        proofs, status = read_answer(dispatcher, tracker, "verify_address", str(value or ""),
                                     _read_proof_reading,
                                     lambda value, lang, ear: _say_proof(value[0], lang, ear))
        if status != "ok":
            # Not understood is not a wrong answer: asked again, no failure counted.
            if status != "asked":
                dispatcher.utter_message(response="utter_verify_invalid_address")
            return {"verify_address": None}
        proof = proofs
        deceased = self.deceased(tracker)
        try:
            # The caller's number as the gateway stored it, never what arrived in metadata.
            with session_scope(_database_url()) as session:
                phone = None if deceased else identity.caller_of(session, tracker.sender_id)
        except SQLAlchemyError as exc:
            log.error("verification: database unavailable (%s)", type(exc).__name__)
            database_failed(dispatcher)
            return {"verify_address": None, "verify_failures": float(MAX_FAILURES)}
        number = None if phone else tracker.get_slot("verify_number")
        if not phone and all(kind == "address" and not value.letters for kind, value in proofs):
            # Without the caller's own number the postcode's letters are needed: incomplete,
            # so asked again (not a wrong answer).
            mark_unclear(dispatcher, "verify_address")
            dispatcher.utter_message(response="utter_verify_invalid_address")
            return {"verify_address": None}
        subject_type = self.subject_type(tracker, number)
        method = "caller_number" if phone else "record_number"
        try:
            with session_scope(_database_url()) as session:
                aimed_at = identity.candidates(session, subject_type, phone, number)
                if any(identity.locked(session, subject_type, i) for i in aimed_at):
                    for subject in aimed_at:
                        identity.record(session, tracker.sender_id, subject_type, subject,
                                        identity.LOCKED, method)
                    log.warning("verification refused: self-service locked subject=%s",
                                subject_type)
                    dispatcher.utter_message(response="utter_verify_failed_handoff")
                    dispatcher.utter_message(json_message=LOCKED_HANDOFF)
                    return {"verify_address": None, "verify_failures": float(MAX_FAILURES)}
                record = find_subject(session, subject_type, phone, number, proof)
                subject_id = record.id if record else None
                if subject_id is not None:
                    identity.record(session, tracker.sender_id, subject_type, subject_id,
                                    identity.REPORTED if deceased else identity.VERIFIED, method)
                else:
                    for subject in aimed_at:  # a wrong answer counts against the record
                        identity.record(session, tracker.sender_id, subject_type, subject,
                                        identity.FAILED, method)
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


class ValidateVerifyForm(Digressions, ExpectsAnswers, VerificationSlots, FormValidationAction):
    """Verification alone, before telling a verified caller their gift or pump status."""

    def name(self) -> str:
        return "validate_verify_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain):
        if (wants_to_stop(tracker) and tracker.get_slot("requested_slot") is not None
                and not answering_readback(tracker)):
            return []
        return self.verification_slots(tracker)


def _claims_verified(tracker: Tracker, subject_type: str) -> bool:
    """The dialogue's mirror: worth a look in the database (an unverified caller costs none)."""
    return tracker.get_slot("verified") is True and tracker.get_slot("subject_type") == subject_type


def _verified_in(session, tracker: Tracker, subject_type: str) -> int | None:
    """The record verified in this conversation, by the gateway's database, never by slots."""
    if not _claims_verified(tracker, subject_type):
        return None
    return identity.verified_subject(session, tracker.sender_id, subject_type)


class ActionTellCurrentGift(Action):
    def name(self) -> str:
        return "action_tell_current_gift"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        if not _claims_verified(tracker, "donor"):
            dispatcher.utter_message(response="utter_donor_current_gift")
            return []
        language = _language(tracker)
        try:
            with session_scope(_database_url()) as session:
                donor_id = _verified_in(session, tracker, "donor")
                donor = session.get(Donor, donor_id) if donor_id is not None else None
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
        if not _claims_verified(tracker, "customer"):
            dispatcher.utter_message(response="utter_device_safety_notice")
            return []
        try:
            with session_scope(_database_url()) as session:
                customer_id = _verified_in(session, tracker, "customer")
                customer = (session.get(PumpCustomer, customer_id)
                            if customer_id is not None else None)
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
    if not _claims_verified(tracker, "customer"):
        return False
    language = _language(tracker)
    try:
        with session_scope(_database_url()) as session:
            customer_id = _verified_in(session, tracker, "customer")
            order = None if customer_id is None else session.execute(select(SupplyOrder).where(
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
    if not _claims_verified(tracker, "donor"):
        return
    try:
        with session_scope(_database_url()) as session:
            donor_id = _verified_in(session, tracker, "donor")
            donor = session.get(Donor, donor_id) if donor_id is not None else None
            facts = (None if donor is None
                     else (bool(donor.periodic_gift), donor.periodic_gift_until))
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

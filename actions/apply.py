"""Carry out a confirmed self-service task on the records, with an audit entry per change.

Changes a verified caller makes to their own record (amount, frequency, address, contact,
bank account, pause, cancel) are applied at once and audited with masked values. Requests
that need a person (annual statement, return, a reported death's follow-up) are queued as
change requests for staff; supply orders and complaints become rows of their own.
A database error never crashes the turn: a polite reply and a `system` handoff.
"""
from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from decimal import Decimal

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import identity, parsing
from actions.tasks import SUPPLIES, TASK_SLOTS, VERIFY_SLOTS, subject_for, task_for
from actions.verify import MAX_FAILURES, _database_url, _language, database_failed
from core.db import session_scope
from core.models import ChangeRequest, utcnow
from core.records import (
    AuditEntry,
    Complaint,
    Donor,
    PumpCustomer,
    SupplyOrder,
    iban_display,
    mask_email,
)
from core.vocabulary import FREQUENCY_LABELS

log = logging.getLogger(__name__)

DELIVERY_WORKING_DAYS = 3
_HOUSE = re.compile(r"^(.*?)\s+(\d{1,5}\s*[a-zA-Z]{0,2}(?:[- ]?\d{1,4})?)$")


class NotVerified(Exception):
    """The record to change is not (or no longer) identified."""


def _channel(tracker: Tracker) -> str:
    return str((tracker.latest_message.get("metadata") or {}).get("channel") or "api")[:16]


def _subject(session, tracker: Tracker, task):
    """The record the task is about: the verified caller's, or the reported donor's."""
    # Re-checked against the gateway's record of this conversation: slots only mirror it.
    wanted = subject_for(task, tracker.get_slot("line_domain"))
    outcome = identity.REPORTED if task.verify == "deceased" else identity.VERIFIED
    subject_id = identity.verified_subject(session, tracker.sender_id, wanted, outcome)
    if subject_id is None:
        raise NotVerified()
    model = Donor if wanted == "donor" else PumpCustomer
    record = session.get(model, subject_id)
    if record is None:
        raise NotVerified()
    return record


def split_street(value: str) -> tuple[str, str]:
    """('Kerkstraat', '12a') from 'Kerkstraat 12a'."""
    match = _HOUSE.match(value.strip())
    return (match.group(1), re.sub(r"\s+", "", match.group(2))) if match else (value.strip(), "")


def _amount(slot: str | None) -> Decimal:
    return Decimal(str(slot).replace(".", "").replace(",", ".")).quantize(Decimal("0.01"))


def _months_later(start: date, months: int) -> date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError("no such month")


def _working_days_later(start: date, days: int) -> date:
    current = start
    while days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def statement_year(today: date | None = None) -> int:
    return (today or date.today()).year - 1


def _frequency_label(tracker: Tracker, frequency: str) -> str:
    return FREQUENCY_LABELS[_language(tracker)].get(frequency, frequency)


def _address_line(record) -> str:
    return f"{record.street} {record.house_number}, {record.postcode} {record.city}"


# --- the read-back before "Klopt dat?" ------------------------------------------------------

def confirmation(tracker: Tracker) -> tuple[str, dict]:
    """(response, facts) that read the task back; facts from the record where needed."""
    task = task_for(tracker.get_slot("service_task"))
    slot = tracker.get_slot
    name = task.name if task else ""
    if name in ("gift", "frequency", "address"):
        return f"utter_confirm_{name}", {}
    if name == "contact":
        value = slot("new_contact") or ""
        utter = "utter_confirm_email" if "@" in value else "utter_confirm_phone"
        return utter, {"contact": value}
    if name == "iban":
        return "utter_confirm_iban", {"iban_end": iban_display(slot("new_iban")).split()[-1]}
    if name == "pause":
        months = int(slot("pause_months") or 1)
        until = _months_later(date.today(), months)
        return "utter_confirm_pause", {"months": months, "until": until.strftime("%d-%m-%Y")}
    if name == "complaint":
        return "utter_confirm_complaint", {}
    if name == "bereavement":
        return "utter_confirm_bereavement", {"number": slot("verify_number") or ""}
    with session_scope(_database_url()) as session:
        record = _subject(session, tracker, task)
        if name == "cancel":
            return "utter_confirm_cancel", {
                "amount": parsing.format_amount(record.amount),
                "frequency": _frequency_label(tracker, record.frequency)}
        if name == "statement":
            where = mask_email(record.email) if record.email else None
            return ("utter_confirm_statement_email" if where else "utter_confirm_statement_post"), \
                {"year": statement_year(), "email": where or ""}
        if name == "order":
            item = SUPPLIES[slot("order_item")]
            return "utter_confirm_order", {"quantity": int(slot("order_quantity") or 1),
                                           "item": item[_language(tracker)],
                                           "address": _address_line(record)}
        if name == "return":
            return "utter_confirm_return", {"serial": record.pump_serial,
                                            "address": _address_line(record)}
    raise NotVerified()


# --- carrying it out ------------------------------------------------------------------------

def _audit(session, tracker, subject_type, record, changes: dict, verified=True):
    """Set each changed field and write its audit entry (values masked by AuditEntry)."""
    for field_name, new in changes.items():
        old = getattr(record, field_name)
        if old == new:
            continue
        setattr(record, field_name, new)
        session.add(AuditEntry.record(subject_type, record.id, field_name, old, new,
                                      channel=_channel(tracker), conversation_id=tracker.sender_id,
                                      verified=verified, status="applied"))


def apply_task(tracker: Tracker) -> tuple[str, dict]:
    """Carry out the confirmed task; returns the (response, facts) that say it is done."""
    task = task_for(tracker.get_slot("service_task"))
    slot = tracker.get_slot
    subject_type = subject_for(task, slot("line_domain"))
    with session_scope(_database_url()) as session:
        record = _subject(session, tracker, task)
        name = task.name
        if name == "gift":
            _audit(session, tracker, subject_type, record,
                   {"amount": _amount(slot("new_amount")), "frequency": slot("new_frequency")})
        elif name == "frequency":
            _audit(session, tracker, subject_type, record, {"frequency": slot("new_frequency")})
        elif name == "address":
            street, house_number = split_street(slot("new_street"))
            _audit(session, tracker, subject_type, record,
                   {"street": street, "house_number": house_number,
                    "postcode": slot("new_postcode"), "city": slot("new_city")})
        elif name == "contact":
            value = slot("new_contact")
            _audit(session, tracker, subject_type, record,
                   {"email": value} if "@" in value else {"phone": value})
        elif name == "iban":
            _audit(session, tracker, subject_type, record, {"iban": slot("new_iban")})
        elif name == "pause":
            until = _months_later(date.today(), int(slot("pause_months")))
            _audit(session, tracker, subject_type, record,
                   {"status": "gepauzeerd", "paused_until": until})
            return "utter_done_pause", {"until": until.strftime("%d-%m-%Y")}
        elif name == "cancel":
            _audit(session, tracker, subject_type, record,
                   {"status": "opgezegd", "paused_until": None})
        elif name == "statement":
            session.add(ChangeRequest(conversation_id=tracker.sender_id, kind="annual_statement",
                                      verified=True, details={
                                          "donor_number": record.donor_number,
                                          "year": statement_year(),
                                          "send_by": "email" if record.email else "post"}))
        elif name == "bereavement":
            # The reporter is a relative, not the donor: audited as not verified.
            _audit(session, tracker, subject_type, record,
                   {"status": "opgezegd", "paused_until": None}, verified=False)
            session.add(ChangeRequest(conversation_id=tracker.sender_id, kind="bereavement",
                                      verified=False, details={"donor_number": record.donor_number,
                                                               "reason": "overleden"}))
        elif name == "order":
            item = SUPPLIES[slot("order_item")]
            quantity = int(slot("order_quantity"))
            expected = _working_days_later(date.today(), DELIVERY_WORKING_DAYS)
            session.add(SupplyOrder(customer_id=record.id, quantity=quantity, status="besteld",
                                    items=[{"sku": item["sku"], "name": item["nl"],
                                            "quantity": quantity}],
                                    ordered_at=utcnow(), expected_delivery=expected))
            return "utter_done_order", {"expected": expected.strftime("%d-%m-%Y")}
        elif name == "return":
            session.add(ChangeRequest(conversation_id=tracker.sender_id, kind="return",
                                      verified=True,
                                      details={"customer_number": record.customer_number,
                                               "serial": record.pump_serial,
                                               "reason": slot("return_reason")}))
        elif name == "complaint":
            complaint = new_complaint(record, tracker)
            session.add(complaint)
            session.flush()
            return "utter_done_complaint", {"reference": f"K{complaint.id:06d}"}
    return f"utter_done_{task.name}", {}


def new_complaint(customer: PumpCustomer, tracker: Tracker) -> Complaint:
    """The vigilance record of a complaint taken in the form.

    When in doubt the deadline is the stricter one: any harm to a person counts as a
    possible serious deterioration (10 days), a malfunction without harm as another possibly
    serious incident (15 days), until a vigilance officer assesses it.
    """
    injury = tracker.get_slot("complaint_injury")
    harmed = bool(injury) and injury != "none"
    raw_date = tracker.get_slot("complaint_event_date")
    event_date = date.fromisoformat(raw_date) if raw_date and raw_date != "unknown" else None
    return Complaint(customer_id=customer.id, serial=customer.pump_serial, lot=customer.pump_lot,
                     event_date=event_date, description=tracker.get_slot("complaint_description"),
                     injury=harmed, patient_outcome=injury if harmed else None,
                     seriousness="death_or_serious_deterioration" if harmed else "other_serious",
                     contact=customer.phone, conversation_id=tracker.sender_id)


class ActionSubmitTask(Action):
    def name(self) -> str:
        return "action_submit_task"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        task = task_for(tracker.get_slot("service_task"))
        clear = [SlotSet(name, None) for name in ("service_task", *TASK_SLOTS, *VERIFY_SLOTS)]
        if task is None:
            return clear
        if tracker.get_slot("confirm_change") is not True:
            # Verification gave up (a person takes over) or the caller said no or stopped.
            if int(tracker.get_slot("verify_failures") or 0) < MAX_FAILURES:
                dispatcher.utter_message(response="utter_change_cancelled")
            return clear
        try:
            response, facts = apply_task(tracker)
        except NotVerified:
            dispatcher.utter_message(response="utter_change_cancelled")
            return clear
        except SQLAlchemyError as exc:
            log.error("task %s: database unavailable (%s)", task.name, type(exc).__name__)
            database_failed(dispatcher)
            return clear
        log.info("task done task=%s", task.name)
        dispatcher.utter_message(response=response, **facts)
        return clear

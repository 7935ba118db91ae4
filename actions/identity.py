"""Who is verified in a conversation, read from the gateway's database, never from slots.

Rasa's slots (`verified`, `subject_id`, `task_subject_id`) mirror the outcome for the
dialogue; whether an action may tell or change anything is decided here, by the
conversation id (the tracker's sender id) against `verification_attempts`, and the
caller's phone number is the one the gateway stored for the conversation, not what
arrived in Rasa's metadata.

Brute force: LOCK_FAILURES failed checks against one record within LOCK_MINUTES, across
any number of conversations, lock that record's self-service until the window has
passed; while locked even the right answer is refused (and a person is asked for).
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from core.models import Conversation, utcnow
from core.records import AuditEntry, Donor, PumpCustomer, VerificationAttempt

LOCK_FAILURES = 5
LOCK_MINUTES = 60
VERIFIED, FAILED, LOCKED, REPORTED = "verified", "failed", "locked", "reported"


def caller_of(session, conversation_id: str) -> str | None:
    """The E.164 number the gateway stored for this conversation (voice/SMS), else None."""
    conversation = session.get(Conversation, conversation_id)
    return conversation.caller if conversation is not None else None


def channel_of(session, conversation_id: str) -> str:
    conversation = session.get(Conversation, conversation_id)
    return conversation.channel if conversation is not None else "api"


def candidates(session, subject_type: str, phone: str | None, number: str | None) -> list[int]:
    """Ids of the records a check is aimed at (before any proof is compared)."""
    if subject_type == "donor":
        query = select(Donor.id).where((Donor.phone == phone) | (Donor.phone2 == phone)) if phone \
            else select(Donor.id).where(Donor.donor_number == number)
    else:
        query = select(PumpCustomer.id).where(PumpCustomer.phone == phone) if phone \
            else select(PumpCustomer.id).where(PumpCustomer.customer_number == number)
    if not phone and not number:
        return []
    return list(session.execute(query.limit(10)).scalars())


def locked(session, subject_type: str, subject_id: int) -> bool:
    since = utcnow() - timedelta(minutes=LOCK_MINUTES)
    failures = session.execute(select(func.count()).select_from(VerificationAttempt).where(
        VerificationAttempt.subject_type == subject_type,
        VerificationAttempt.subject_id == subject_id,
        VerificationAttempt.outcome == FAILED,
        VerificationAttempt.created_at >= since)).scalar_one()
    return failures >= LOCK_FAILURES


def record(session, conversation_id: str, subject_type: str, subject_id: int, outcome: str,
           method: str) -> None:
    session.add(VerificationAttempt(conversation_id=conversation_id, subject_type=subject_type,
                                    subject_id=subject_id, outcome=outcome, method=method,
                                    channel=channel_of(session, conversation_id)[:16]))
    if outcome == LOCKED:
        # For staff (the Verzoeken page and the audit trail); the caller is not told why.
        session.add(AuditEntry.record(subject_type, subject_id, "self_service", None,
                                      "locked after repeated failed checks",
                                      channel=channel_of(session, conversation_id)[:16],
                                      conversation_id=conversation_id, verified=False))


def verified_subject(session, conversation_id: str, subject_type: str,
                     outcome: str = VERIFIED) -> int | None:
    """The record verified (or, with outcome REPORTED, reported deceased) in this conversation."""
    return session.execute(select(VerificationAttempt.subject_id).where(
        VerificationAttempt.conversation_id == conversation_id,
        VerificationAttempt.subject_type == subject_type,
        VerificationAttempt.outcome == outcome).order_by(
        VerificationAttempt.id.desc()).limit(1)).scalar()

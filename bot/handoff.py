"""Handing a conversation to a person, and giving it back to the bot.

The safe message a caller gets is short and never counsels: a person is coming,
and the emergency numbers that fit the category, all from lines.yml.
"""
from __future__ import annotations

import logging

from sqlalchemy import select

from bot.lines import Line
from bot.models import Conversation, Handoff, utcnow
from bot.texts import text_for
from bot.triage.screen import RISK

log = logging.getLogger(__name__)

SAFE_TEXT = {"crisis": "handoff_crisis", "end_of_life_request": "handoff_crisis",
             "device_safety": "handoff_device_safety", "system": "handoff_system",
             "request": "handoff_request"}


def safe_reply(line: Line, language: str, category: str) -> str:
    return text_for(SAFE_TEXT.get(category, "handoff_system"), language, **line.slots(language))


def handoff_fields(channel: str, line_id: str, language: str, category: str, reason: str) -> dict:
    return {"channel": channel, "line_id": line_id, "language": language, "category": category,
            "reason": reason[:200], "risk_level": RISK.get(category, "medium"), "status": "open",
            "created_at": utcnow()}


def _open_complaint(session, conversation: Conversation, handoff: Handoff) -> None:
    """A device-safety handoff starts a vigilance record at once: the day we became aware
    is the conversation's day, whatever the agent later learns. Assumed serious until an
    agent assesses it (the 10-day MDR deadline rather than none)."""
    from bot.records import Complaint, PumpCustomer
    customer = None
    if conversation.caller:
        customer = session.execute(select(PumpCustomer).where(
            PumpCustomer.phone == conversation.caller)).scalars().first()
    session.add(Complaint(
        customer_id=customer.id if customer else None,
        serial=customer.pump_serial if customer else None,
        lot=customer.pump_lot if customer else None,
        description=f"automatisch bij overdracht {handoff.id}: {handoff.reason}",
        seriousness="death_or_serious_deterioration", conversation_id=conversation.id,
        handoff_id=handoff.id, aware_date=handoff.created_at))


def open_handoff(session, conversation: Conversation, fields: dict) -> Handoff:
    """Record a handoff; from now on the bot stays silent in this conversation."""
    existing = session.execute(select(Handoff).where(
        Handoff.conversation_id == conversation.id, Handoff.status != "closed")).scalars().first()
    if existing is not None:
        # Already with a person: a more urgent signal raises the risk, nothing is duplicated.
        if fields["risk_level"] == "high" and existing.risk_level != "high":
            existing.category, existing.reason = fields["category"], fields["reason"]
            existing.risk_level = "high"
        return existing
    handoff = Handoff(conversation_id=conversation.id, **fields)
    conversation.status = "handoff"
    session.add(handoff)
    session.flush()
    if handoff.category == "device_safety":
        _open_complaint(session, conversation, handoff)
    log.info("handoff opened id=%s conversation=%s category=%s reason=%s",
             handoff.id, conversation.id, handoff.category, handoff.reason)
    return handoff

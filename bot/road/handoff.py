"""Handing a conversation to a person, and giving it back to the bot.

The safe message a caller gets is short and never counsels, and it promises only what is
true now (bot/coverage.py): a colleague in a moment, a colleague being called, or plainly
that nobody can come, with the service that is there (113, the emergency line, a callback).
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select

from bot import coverage
from bot.road.texts import TEXTS, text_for
from core.lines import Line
from core.models import Conversation, Handoff, HandoffEvent, utcnow
from core.records import Complaint, PumpCustomer
from core.vocabulary import RISK

log = logging.getLogger(__name__)

SAFE_TEXT = {"crisis": "handoff_crisis", "end_of_life_request": "handoff_crisis",
             "device_safety": "handoff_device_safety", "system": "handoff_system",
             "request": "handoff_request"}
# What the caller was referred to when nobody can come (HandoffEvent "referred").
REFERRAL = {"crisis_line": "113", "emergency_line": "emergency line", "callback": "callback"}


def cover_now(services, line: Line, language: str, category: str, channel: str,
              moment: datetime | None = None) -> coverage.Cover:
    """Who can take this handoff right now (presence × line × language × coverage hours)."""
    return coverage.now(services, line, category, language, channel, moment)


def text_key(base: str, state: str, channel: str) -> str:
    """The most specific text there is: base_state_channel, base_state, base."""
    candidates = [f"{base}_{channel}", base] if state == "available" else [
        f"{base}_{state}_{channel}", f"{base}_{state}", base]
    return next(key for key in candidates if key in TEXTS)


def text_values(line: Line, language: str, category: str, moment: datetime | None = None,
                cover: coverage.Cover | None = None) -> dict:
    moment = moment or utcnow()
    values = line.slots(language)
    opens = (cover.opens_at if cover and cover.opens_at else None) or line.next_open(moment)
    values["opens_at"] = line.when_text(opens, language)
    values["wait_minutes"] = str(max(1, line.first_escalation_s(category) // 60))
    values["callback_when"] = (text_for("handoff_later_today", language) if line.is_open(moment)
                               else text_for("handoff_on_day", language, when=values["opens_at"]))
    return values


def safe_reply(line: Line, language: str, category: str, channel: str = "web",
               cover: coverage.Cover | None = None, moment: datetime | None = None) -> str:
    """The safe message for this handoff; without a cover, the one for an available colleague."""
    state = cover.state if cover else "available"
    key = text_key(SAFE_TEXT.get(category, "handoff_system"), state, channel)
    return text_for(key, language, **text_values(line, language, category, moment, cover))


def first_due(line: Line, category: str, created_at: datetime,
              cover: coverage.Cover | None) -> datetime | None:
    """When the first escalation is due; none when nobody was promised (outside coverage)."""
    if cover is not None and not cover.promises_a_person:
        return None
    return created_at + timedelta(seconds=line.first_escalation_s(category))


def handoff_fields(channel: str, line_id: str, language: str, category: str, reason: str,
                   cover: coverage.Cover | None = None, line: Line | None = None) -> dict:
    created = utcnow()
    fields = {"channel": channel, "line_id": line_id, "language": language, "category": category,
              "reason": reason[:200], "risk_level": RISK.get(category, "medium"), "status": "open",
              "created_at": created}
    if cover is not None and line is not None:
        fields["cover"] = cover.state
        fields["escalation_due_at"] = first_due(line, category, created, cover)
        fields["escalation_level"] = 0
        if not cover.promises_a_person:
            fields["referred_to"] = REFERRAL.get(cover.service or "", cover.service)
    return fields


def _open_complaint(session, conversation: Conversation, handoff: Handoff) -> None:
    """A device-safety handoff starts a vigilance record at once: the day we became aware
    is the conversation's day, whatever the agent later learns. Assumed serious until an
    agent assesses it (the 10-day MDR deadline rather than none)."""
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
            if existing.status == "open" and "cover" in fields:
                # now urgent: the urgent clock starts (a routine escalation not yet due is replaced)
                existing.cover = fields["cover"]
                existing.escalation_level = 0
                existing.escalation_due_at = fields.get("escalation_due_at")
                if fields.get("referred_to"):
                    existing.referred_to = fields["referred_to"]
                    session.add(HandoffEvent(handoff_id=existing.id, kind="referred",
                                             detail=fields["referred_to"]))
        return existing
    handoff = Handoff(conversation_id=conversation.id, **fields)
    conversation.status = "handoff"
    session.add(handoff)
    session.flush()
    if handoff.referred_to:  # nobody could come: the caller was sent to who is there
        session.add(HandoffEvent(handoff_id=handoff.id, kind="referred",
                                 detail=handoff.referred_to))
    if handoff.category == "device_safety":
        _open_complaint(session, conversation, handoff)
    log.info("handoff opened id=%s conversation=%s category=%s reason=%s",
             handoff.id, conversation.id, handoff.category, handoff.reason)
    return handoff


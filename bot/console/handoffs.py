"""What agents do with handoffs: the queue, one handoff's context, accept, reply, note, close.

The web views (bot/console/agent_views.py) and the tests call these; no Flask here.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from bot import identify
from bot.road.texts import text_for
from core.models import Conversation, Handoff, HandoffEvent, HandoffNote, Message, utcnow
from core.records import Complaint
from core.vocabulary import RISK_ORDER, SAFETY_CATEGORIES, aware, mask_phone
from ivr.outbound import Suppressed, send_sms

log = logging.getLogger(__name__)

# Handoffs only the person who accepted them may close (or a supervisor, with a reason).
OUTCOMES = ("resolved", "referred to emergency services", "referred to 113", "callback arranged",
            "no contact", "not urgent after all")
# Channels an agent can write into from the console; voice is a phone call.
TEXT_CHANNELS = {"web", "api", "sms"}


class ConsoleError(Exception):
    """An action that cannot be done now (already taken, closed, wrong channel)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _masked_caller(number: str | None) -> str | None:
    return mask_phone(number) if number else None


@dataclass
class QueueItem:
    id: int
    category: str
    risk_level: str
    channel: str
    line_id: str
    language: str
    status: str
    accepted_by: str | None
    created_at: datetime
    waiting_seconds: int
    cover: str | None = None
    escalation_level: int = 0

    def as_dict(self) -> dict:
        return {"id": self.id, "category": self.category, "risk_level": self.risk_level,
                "channel": self.channel, "line": self.line_id, "language": self.language,
                "status": self.status, "accepted_by": self.accepted_by,
                "created_at": self.created_at.isoformat(), "waiting_seconds": self.waiting_seconds,
                "cover": self.cover, "escalation_level": self.escalation_level}


def queue(services, now: datetime | None = None) -> list[QueueItem]:
    """Open and accepted handoffs: open first, then most urgent, then the longest waiting."""
    now = now or utcnow()
    with services.session() as session:
        rows = session.execute(select(Handoff).where(Handoff.status != "closed")).scalars().all()
        items = []
        for h in rows:
            created = aware(h.created_at)
            end = aware(h.accepted_at) if h.status == "accepted" else now
            items.append(QueueItem(h.id, h.category, h.risk_level, h.channel, h.line_id, h.language,
                                   h.status, h.accepted_by, created,
                                   max(0, int((end - created).total_seconds())), h.cover,
                                   h.escalation_level or 0))
    items.sort(key=lambda i: (i.status != "open", RISK_ORDER.get(i.risk_level, 3), i.created_at))
    return items


def detail(services, handoff_id: int) -> dict:
    """Everything an agent needs before replying: reason, risk, caller, transcript, notes, steps."""
    with services.session() as session:
        h = session.get(Handoff, handoff_id)
        if h is None:
            raise KeyError(handoff_id)
        conversation = session.get(Conversation, h.conversation_id)
        messages = session.execute(select(Message).where(
            Message.conversation_id == h.conversation_id).order_by(Message.id)).scalars().all()
        notes = session.execute(select(HandoffNote).where(
            HandoffNote.handoff_id == h.id).order_by(HandoffNote.id)).scalars().all()
        events = session.execute(select(HandoffEvent).where(
            HandoffEvent.handoff_id == h.id).order_by(HandoffEvent.id)).scalars().all()
        line = services.lines.get(h.line_id)
        matches = identify.by_phone(session, conversation.caller)
        complaints = session.execute(select(Complaint).where(
            Complaint.handoff_id == h.id)).scalars().all()
        return {
            "matches": [m.__dict__ for m in matches],
            "complaints": [{"id": c.id, "seriousness": c.seriousness, "status": c.status,
                            "report_deadline": c.report_deadline} for c in complaints],
            "handoff": {"id": h.id, "category": h.category, "reason": h.reason,
                        "risk_level": h.risk_level, "status": h.status, "channel": h.channel,
                        "line": h.line_id, "line_name": line.organisation, "language": h.language,
                        "created_at": aware(h.created_at), "accepted_at": aware(h.accepted_at),
                        "accepted_by": h.accepted_by, "closed_at": aware(h.closed_at),
                        "outcome": h.outcome, "cover": h.cover, "referred_to": h.referred_to,
                        "escalation_level": h.escalation_level or 0,
                        "escalation_due_at": aware(h.escalation_due_at)},
            "conversation": {"id": conversation.id, "channel": conversation.channel,
                             "status": conversation.status, "review": conversation.review,
                             "review_reason": conversation.review_reason,
                             "caller": _masked_caller(conversation.caller)},
            "messages": [{"id": m.id, "sender": m.sender, "direction": m.direction, "text": m.text,
                          "created_at": aware(m.created_at),
                          "screen": (m.meta or {}).get("screen")}
                         for m in messages],
            "notes": [{"author": n.author, "text": n.text, "created_at": aware(n.created_at)}
                      for n in notes],
            # every step: escalations, pages, what the caller was told, the voice call's dial plan
            "events": [{"kind": e.kind, "detail": e.detail, "created_at": aware(e.created_at)}
                       for e in events],
            "can_reply": h.channel in TEXT_CHANNELS,
        }


def accept(services, handoff_id: int, agent: str) -> None:
    """Take an open handoff. A single conditional UPDATE: of two agents at once, one wins."""
    with services.session() as session:
        result = session.execute(
            update(Handoff).where(Handoff.id == handoff_id, Handoff.status == "open")
            .values(status="accepted", accepted_by=agent, accepted_at=utcnow(),
                    escalation_due_at=None)
            .execution_options(synchronize_session=False))
        if result.rowcount != 1:
            h = session.get(Handoff, handoff_id)
            if h is None:
                raise KeyError(handoff_id)
            raise ConsoleError("taken", f"already {h.status} by {h.accepted_by or 'nobody'}")
        session.add(HandoffEvent(handoff_id=handoff_id, kind="accepted_in_console", detail=agent))
    log.info("handoff accepted id=%s agent=%s", handoff_id, agent)


def events(services, handoff_id: int) -> list[dict]:
    """A handoff's steps, oldest first (for `flask handoffs events` and audits)."""
    with services.session() as session:
        if session.get(Handoff, handoff_id) is None:
            raise KeyError(handoff_id)
        rows = session.execute(select(HandoffEvent).where(
            HandoffEvent.handoff_id == handoff_id).order_by(HandoffEvent.id)).scalars().all()
        return [{"handoff_id": handoff_id, "id": e.id, "kind": e.kind, "detail": e.detail,
                 "created_at": aware(e.created_at).isoformat()} for e in rows]


def _own(session, handoff_id: int, agent: str) -> Handoff:
    h = session.get(Handoff, handoff_id)
    if h is None:
        raise KeyError(handoff_id)
    if h.status == "closed":
        raise ConsoleError("closed", "this handoff is closed")
    if h.status != "accepted" or h.accepted_by != agent:
        raise ConsoleError("not_yours", "accept the handoff first")
    return h


def reply(services, handoff_id: int, agent: str, text: str) -> None:
    """Write to the caller in the conversation's own channel (web chat live, SMS via Twilio)."""
    text = (text or "").strip()
    if not text:
        raise ConsoleError("empty", "the reply is empty")
    if len(text) > services.config.max_text_chars:
        raise ConsoleError("too_long", "the reply is too long")
    with services.session() as session:
        h = _own(session, handoff_id, agent)
        channel, conversation_id, language = h.channel, h.conversation_id, h.language
        if channel not in TEXT_CHANNELS:
            raise ConsoleError("voice", "this is a phone call: talk to the caller on the phone")
        if channel != "sms":
            session.add(Message(conversation_id=conversation_id, direction="out", sender="agent",
                                text=text, language=language, meta={"agent": agent}))
            return
    try:
        send_sms(services, conversation_id, text, sender="agent")
    except Suppressed:
        raise ConsoleError("suppressed", "this number sent STOP: no SMS can be sent") from None
    except Exception as exc:  # Twilio unreachable: the agent must know it did not go out
        log.warning("sms reply failed handoff=%s error=%s", handoff_id, type(exc).__name__)
        raise ConsoleError("send_failed", "the SMS could not be sent; try again or call") from None


def add_note(services, handoff_id: int, agent: str, text: str) -> None:
    text = (text or "").strip()
    if not text:
        raise ConsoleError("empty", "the note is empty")
    with services.session() as session:
        if session.get(Handoff, handoff_id) is None:
            raise KeyError(handoff_id)
        session.add(HandoffNote(handoff_id=handoff_id, author=agent, text=text[:5000]))


def can_close(h: Handoff, agent: str, supervisor: bool = False, reason: str = "") -> None:
    """Raise ConsoleError unless `agent` may close this handoff now.

    A crisis, end-of-life request or device-safety handoff is closed by the agent who accepted
    it; a supervisor may close one nobody accepted only with a written reason. Routine handoffs
    (system, request) may be closed by any agent, accepted or not."""
    if h.status == "closed":
        raise ConsoleError("closed", "this handoff is closed already")
    if h.status == "accepted" and h.accepted_by != agent:
        raise ConsoleError("not_yours", f"{h.accepted_by} has this handoff")
    if h.category in SAFETY_CATEGORIES and h.status != "accepted":
        if not supervisor:
            raise ConsoleError("accept_first", "accept this handoff before you close it")
        if len((reason or "").strip()) < 5:
            raise ConsoleError("reason_required", "closing without accepting needs a written "
                                                  "reason (at least 5 characters)")


def finish(services, handoff_id: int, agent: str, outcome: str, back_to_bot: bool,
           supervisor: bool = False, reason: str = "") -> None:
    """Close with an outcome. Either way the bot answers again afterwards (Rasa `resume`), so a
    caller who writes later is never met by silence; the caller is told what happens.

    Who may close what: `can_close`. A supervisor's close of a safety handoff nobody accepted
    keeps the reason as a note and a `closed_by_supervisor` event; it is not counted as
    accepted (accepted_by/accepted_at stay empty, so the dashboard's time to accept is true)."""
    with services.session() as session:
        h = session.get(Handoff, handoff_id)
        if h is None:
            raise KeyError(handoff_id)
        can_close(h, agent, supervisor, reason)
        override = h.category in SAFETY_CATEGORIES and h.status != "accepted"
        h.status, h.closed_at = "closed", utcnow()
        h.outcome = ("returned to bot: " if back_to_bot else "") + (outcome or "resolved")[:150]
        if override:
            reason = reason.strip()[:5000]
            session.add(HandoffNote(handoff_id=h.id, author=agent,
                                    text=f"Afgesloten zonder aannemen (supervisor): {reason}"))
            # the event names who (events hold no free text: the reason may hold caller data)
            session.add(HandoffEvent(handoff_id=h.id, kind="closed_by_supervisor", detail=agent))
        else:
            h.accepted_by = h.accepted_by or agent
            h.accepted_at = h.accepted_at or h.closed_at
        conversation = session.get(Conversation, h.conversation_id)
        still_open = session.execute(select(Handoff.id).where(
            Handoff.conversation_id == conversation.id, Handoff.status != "closed",
            Handoff.id != h.id)).first()
        if not still_open:
            conversation.status = "bot"
        key = "handed_back" if back_to_bot else "agent_closed"
        session.add(Message(conversation_id=conversation.id, direction="out", sender="system",
                            text=text_for(key, conversation.language),
                            language=conversation.language,
                            meta={"event": "resume", "by": agent}))
        session.add(HandoffEvent(handoff_id=h.id, kind="closed", detail=agent))
        conversation_id = conversation.id
    try:
        services.rasa.resume(conversation_id)
    except Exception as exc:  # the gateway no longer holds the conversation back either way
        log.warning("resume failed conversation=%s error=%s", conversation_id, type(exc).__name__)

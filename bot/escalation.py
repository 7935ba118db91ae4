"""Escalation of handoffs nobody accepts, carried out by the worker (bot/worker.py).

Each handoff carries its next escalation level and when it is due (handoffs.escalation_level,
handoffs.escalation_due_at). A worker claims a level with one conditional UPDATE (the same
pattern as accepting a handoff): of two workers, or a worker before and after a restart, only
one moves the level on, so each level happens exactly once. What a level does:

    urgent, level 1 (60 s)   page the on-call colleagues (SMS; for a crisis also a call that
                             plays the whisper), alert the console, tell the caller once
    urgent, level 2 (180 s)  page the supervisors, tell the caller plainly to call 113/112 now
                             (or the emergency line); the handoff stays open for whoever comes
    routine, level 1 (10 min) offer the caller a callback or e-mail, and say when

Every step is a HandoffEvent. The claim is committed before the pages go out: a worker that
dies in between loses that level's pages (at most once), it never sends them twice.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from bot.road.handoff import text_values
from bot.road.texts import text_for
from core.lines import Line
from core.models import Agent, Conversation, Handoff, HandoffEvent, Message, utcnow
from core.vocabulary import CATEGORY_NL, CRISIS_CATEGORIES, SAFETY_CATEGORIES, aware, mask_phone
from ivr.outbound import Suppressed, page_call, page_sms, send_sms

log = logging.getLogger(__name__)

TEXT_CHANNELS = ("web", "api", "sms")


@dataclass(frozen=True)
class Claimed:
    """What the worker needs after its claim: no caller data beyond the (masked) number."""
    id: int
    token: str
    level: int
    category: str
    channel: str
    line_id: str
    language: str
    conversation_id: str
    caller: str | None
    created_at: datetime
    cover: str | None


def due(services, now: datetime, limit: int = 50) -> list[tuple[int, int]]:
    """(handoff id, current level) of open handoffs whose next escalation is due."""
    with services.session() as session:
        rows = session.execute(select(Handoff.id, Handoff.escalation_level).where(
            Handoff.status == "open", Handoff.escalation_due_at.is_not(None),
            Handoff.escalation_due_at <= now).order_by(Handoff.escalation_due_at)
            .limit(limit)).all()
    return [(row[0], row[1]) for row in rows]


def _next_due(line: Line, category: str, created: datetime, level: int) -> datetime | None:
    """After level `level` has happened: when the following one is due (None: no more)."""
    if category in SAFETY_CATEGORIES and level == 1:
        seconds = line.second_escalation_s(category)
        return created + timedelta(seconds=seconds) if seconds else None
    return None


def claim(services, handoff_id: int, level: int, now: datetime) -> Claimed | None:
    """Move the handoff from `level` to `level + 1`; None if someone else did, or it was taken."""
    with services.session() as session:
        h = session.get(Handoff, handoff_id)
        if h is None:
            return None
        line = services.lines.get(h.line_id)
        created = aware(h.created_at)
        following = level + 1
        won = session.execute(
            update(Handoff).where(Handoff.id == handoff_id, Handoff.status == "open",
                                  Handoff.escalation_level == level,
                                  Handoff.escalation_due_at <= now)
            .values(escalation_level=following,
                    escalation_due_at=_next_due(line, h.category, created, following))
            .execution_options(synchronize_session=False)).rowcount == 1
        if not won:
            return None
        session.add(HandoffEvent(handoff_id=handoff_id, kind="escalated",
                                 detail=f"level {following}"))
        conversation = session.get(Conversation, h.conversation_id)
        return Claimed(h.id, h.token, following, h.category, h.channel, h.line_id, h.language,
                       h.conversation_id, conversation.caller if conversation else None, created,
                       h.cover)


def _event(services, handoff_id: int, kind: str, detail: str = "") -> None:
    with services.session() as session:
        session.add(HandoffEvent(handoff_id=handoff_id, kind=kind, detail=detail[:200]))


def page_text(services, c: Claimed, now: datetime, who: str) -> str:
    """The page: category, line, channel, masked number, how long, a console link. Never what
    the caller wrote."""
    caller = f"beller {mask_phone(c.caller)}" if c.caller else f"{c.channel}, geen nummer"
    waited = int((now - c.created_at).total_seconds())
    base = services.config.public_base_url.rstrip("/")
    category = CATEGORY_NL.get(c.category, c.category)
    return (f"[{who}] Overdracht {c.id} wacht {waited} s: {category}, "
            f"lijn {c.line_id}, {c.channel}, {caller}. Neem aan: {base}/agent/handoffs/{c.id}")


def _page(services, c: Claimed, line: Line, number: str, label: str, body: str,
          with_call: bool) -> None:
    try:
        page_sms(services, number, line.twilio_number, body)
        _event(services, c.id, "paged", f"{label} sms")
    except Exception as exc:  # Twilio unreachable: the console shows that this page failed
        log.warning("page sms failed handoff=%s to=%s error=%s", c.id, label, type(exc).__name__)
        _event(services, c.id, "page_failed", f"{label} sms {type(exc).__name__}")
    if not with_call:
        return
    try:
        page_call(services, number, line.twilio_number, c.token)
        _event(services, c.id, "paged", f"{label} call")
    except Exception as exc:
        log.warning("page call failed handoff=%s to=%s error=%s", c.id, label, type(exc).__name__)
        _event(services, c.id, "page_failed", f"{label} call {type(exc).__name__}")


def _supervisors(services, line_id: str) -> list[tuple[str, str]]:
    with services.session() as session:
        rows = session.execute(select(Agent).where(
            Agent.role == "supervisor", Agent.active.is_(True), Agent.phone.is_not(None))
            .order_by(Agent.username)).scalars().all()
        return [(a.username, a.phone) for a in rows if not a.lines or line_id in a.lines]


def tell_caller(services, c: Claimed, text: str, level: int) -> bool:
    """Write to the caller in their own channel; a phone call follows its own dial plan."""
    if c.channel not in TEXT_CHANNELS:
        _event(services, c.id, "caller_not_told", "phone call: its own dial plan")
        return False
    if c.channel == "sms":
        try:
            send_sms(services, c.conversation_id, text, sender="system")
        except Suppressed:
            _event(services, c.id, "caller_not_told", "number sent STOP")
            return False
        except Exception as exc:
            log.warning("caller sms failed handoff=%s error=%s", c.id, type(exc).__name__)
            _event(services, c.id, "caller_not_told", f"sms failed {type(exc).__name__}")
            return False
    else:
        with services.session() as session:
            session.add(Message(conversation_id=c.conversation_id, direction="out", sender="system",
                                text=text, language=c.language,
                                meta={"event": "escalation", "level": level}))
    _event(services, c.id, "caller_told", f"level {level}")
    return True


def carry_out(services, c: Claimed, now: datetime) -> None:
    line = services.lines.get(c.line_id)
    values = text_values(line, c.language, c.category, now)
    kind = "crisis" if c.category in CRISIS_CATEGORIES else "device_safety"
    if c.category in SAFETY_CATEGORIES and c.level == 1:
        _event(services, c.id, "console_alert", "level 1")
        # paged if on duty now, and always when the caller was told a colleague is being called
        if line.on_call and (line.on_call_covers(c.category, now) or c.cover == "paging"):
            body = page_text(services, c, now, "dienst")
            for index, number in enumerate(line.on_call):
                # a phone call already rang the on-call list itself: the SMS is enough
                _page(services, c, line, number, f"on-call {index}", body,
                      with_call=c.category == "crisis" and c.channel != "voice")
        else:
            _event(services, c.id, "not_paged", "no on-call colleague on duty now")
        tell_caller(services, c, text_for(f"handoff_longer_{kind}", c.language, **values), 1)
    elif c.category in SAFETY_CATEGORIES and c.level == 2:
        _event(services, c.id, "console_alert", "level 2")
        supervisors = _supervisors(services, c.line_id)
        body = page_text(services, c, now, "supervisor")
        for username, number in supervisors:
            _page(services, c, line, number, f"supervisor {username}", body, with_call=False)
        if not supervisors:
            _event(services, c.id, "not_paged", "no supervisor with a phone number")
        if tell_caller(services, c, text_for(f"handoff_call_now_{kind}", c.language, **values), 2):
            _event(services, c.id, "referred", "113" if kind == "crisis" else "emergency line")
    elif c.level == 1:
        key = "handoff_callback_offer_sms" if c.channel == "sms" else "handoff_callback_offer"
        if tell_caller(services, c, text_for(key, c.language, **values), 1):
            _event(services, c.id, "callback_offered",
                   f"after {line.first_escalation_s(c.category)} s")
    log.info("handoff escalated id=%s level=%s category=%s", c.id, c.level, c.category)


def run_due(services, now: datetime | None = None) -> list[tuple[int, int]]:
    """One pass: claim and carry out every due level. Returns (handoff id, level) done here."""
    now = (now or utcnow()).astimezone(UTC)
    done = []
    for handoff_id, level in due(services, now):
        claimed = claim(services, handoff_id, level, now)
        if claimed is None:
            continue  # another worker has it, or it was accepted in the meantime
        try:
            carry_out(services, claimed, now)
        except Exception:
            log.exception("escalation failed handoff=%s level=%s", handoff_id, claimed.level)
            _event(services, handoff_id, "escalation_failed", f"level {claimed.level}")
        done.append((handoff_id, claimed.level))
    return done


def alerts(services, now: datetime | None = None) -> list[dict]:
    """Open handoffs that have escalated: every console shows these until someone accepts."""
    now = now or utcnow()
    with services.session() as session:
        rows = session.execute(select(Handoff).where(
            Handoff.status == "open", Handoff.escalation_level >= 1)
            .order_by(Handoff.created_at)).scalars().all()
        return [{"id": h.id, "category": h.category, "line": h.line_id, "channel": h.channel,
                 "level": h.escalation_level,
                 "waiting_seconds": max(0, int((now - aware(h.created_at)).total_seconds()))}
                for h in rows if h.category in SAFETY_CATEGORIES]

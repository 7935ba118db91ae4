"""Supervisor figures: handoffs per day by category, time to accept, solved without a person,
top intents, conversations marked for review, and a CSV export without personal data."""
from __future__ import annotations

import csv
import io
import statistics
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import select

from core.models import Conversation, Handoff, HandoffEvent, Message, utcnow
from core.vocabulary import CATEGORIES, aware

CRISIS_TARGET_S = 60


def targets(services) -> dict:
    """Target time to accept per category: the first escalation of the default line."""
    line = services.lines.get(None)
    return {c: line.first_escalation_s(c) for c in CATEGORIES}


def accept_seconds(h: Handoff) -> float | None:
    if h.accepted_at is None:
        return None
    return (aware(h.accepted_at) - aware(h.created_at)).total_seconds()


def is_113(event: HandoffEvent) -> bool:
    """A caller sent to 113: outside coverage, told to call now, or a call put through."""
    return (event.kind == "referred" and event.detail == "113") or (
        event.kind == "fallback" and "crisis line" in (event.detail or ""))


def percentile(values: list[float], pct: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))  # ceil
    return ordered[int(rank) - 1]


def figures(services, days: int = 14, now: datetime | None = None) -> dict:
    now = now or utcnow()
    since = now - timedelta(days=days)
    with services.session() as session:
        handoffs = session.execute(
            select(Handoff).where(Handoff.created_at >= since)).scalars().all()
        conversations = session.execute(select(Conversation.id, Conversation.review,
                                               Conversation.review_reason, Conversation.channel,
                                               Conversation.line_id, Conversation.created_at)
                                        .where(Conversation.created_at >= since)).all()
        intents = session.execute(select(Message.meta).where(
            Message.sender == "bot", Message.created_at >= since)).scalars().all()
        events = session.execute(select(HandoffEvent).where(
            HandoffEvent.created_at >= since, HandoffEvent.kind.in_(
                ("escalated", "referred", "fallback")))).scalars().all()

    per_day: dict[date, Counter] = defaultdict(Counter)
    waits = []
    for h in handoffs:
        per_day[aware(h.created_at).date()][h.category] += 1
        if h.accepted_at is not None:
            waits.append((aware(h.accepted_at) - aware(h.created_at)).total_seconds())
    day_list = [(now - timedelta(days=offset)).date() for offset in range(days - 1, -1, -1)]
    goal = targets(services)
    per_category = {}
    for c in CATEGORIES:
        mine = [h for h in handoffs if h.category == c]
        times = [t for t in (accept_seconds(h) for h in mine) if t is not None]
        p95 = percentile(times, 95)
        per_category[c] = {"handoffs": len(mine), "accepted": len(times), "target_s": goal[c],
                           "median_s": statistics.median(times) if times else None, "p95_s": p95,
                           "met": None if p95 is None else p95 <= goal[c]}
    crises = [h for h in handoffs if h.category == "crisis"]
    in_time = [h for h in crises if (accept_seconds(h) or CRISIS_TARGET_S + 1) <= CRISIS_TARGET_S]
    escalations: dict[date, Counter] = defaultdict(Counter)
    for e in events:
        day = aware(e.created_at).date()
        if e.kind == "escalated":
            escalations[day][e.detail] += 1
        if is_113(e):
            escalations[day]["113"] += 1
    outside = [h for h in handoffs if h.cover == "outside"]
    handed = {h.conversation_id for h in handoffs}
    total = len(conversations)
    top = Counter((meta or {}).get("intent") for meta in intents if (meta or {}).get("intent"))
    return {
        "days": [{"day": d.isoformat(), "counts": {c: per_day[d][c] for c in CATEGORIES},
                  "total": sum(per_day[d].values())} for d in day_list],
        "max_per_day": max([sum(per_day[d].values()) for d in day_list] + [1]),
        "per_category": per_category,
        "crisis_within_60_share": len(in_time) / len(crises) if crises else None,
        "crisis_handoffs": len(crises),
        "escalation_days": [{"day": d.isoformat(), "level1": escalations[d]["level 1"],
                             "level2": escalations[d]["level 2"],
                             "referred_113": escalations[d]["113"]}
                            for d in day_list],
        "escalations": sum(c["level 1"] + c["level 2"] for c in escalations.values()),
        "referred_113": sum(c["113"] for c in escalations.values()),
        "outside_coverage": len(outside),
        "outside_by_category": dict(Counter(h.category for h in outside)),
        "accept_median_s": statistics.median(waits) if waits else None,
        "accept_p95_s": percentile(waits, 95),
        "accepted": len(waits),
        "handoffs": len(handoffs),
        "conversations": total,
        "solved_without_person": (total - len(handed)) / total if total else None,
        "top_intents": top.most_common(10),
        "review": [{"id": c.id, "reason": c.review_reason, "channel": c.channel, "line": c.line_id,
                    "created_at": aware(c.created_at)}
                   for c in sorted(conversations, key=lambda c: c.created_at, reverse=True)
                   if c.review],
    }


def handoffs_csv(services, days: int = 90, now: datetime | None = None) -> str:
    """One row per handoff; ids, categories and times only (no transcript, no phone number)."""
    now = now or utcnow()
    with services.session() as session:
        rows = session.execute(select(Handoff)
                               .where(Handoff.created_at >= now - timedelta(days=days))
                               .order_by(Handoff.id)).scalars().all()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["handoff_id", "created_at", "category", "risk_level", "channel", "line",
                     "language", "status", "accepted_at", "seconds_to_accept", "closed_at",
                     "outcome"])
    for h in rows:
        created, accepted = aware(h.created_at), aware(h.accepted_at)
        writer.writerow([h.id, created.isoformat(), h.category, h.risk_level, h.channel, h.line_id,
                         h.language, h.status, accepted.isoformat() if accepted else "",
                         round((accepted - created).total_seconds(), 1) if accepted else "",
                         aware(h.closed_at).isoformat() if h.closed_at else "", h.outcome or ""])
    return out.getvalue()

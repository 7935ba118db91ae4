"""Who can take a handoff right now, and therefore what the caller may be promised.

    someone available in the console for this line and language  → available
    urgent, nobody available, on-call colleagues can be paged     → paging
    routine, nobody available, within business hours              → queued
    nobody can come (outside the line's coverage)                 → outside

Phone calls ring phones, not the console: for voice only the on-call list and the hours count.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError

from bot import presence
from core.lines import Line
from core.models import utcnow
from core.vocabulary import SAFETY_CATEGORIES

log = logging.getLogger(__name__)

STATES = ("available", "paging", "queued", "outside")


@dataclass(frozen=True)
class Cover:
    state: str
    # outside: who covers instead (crisis_line | emergency_line | callback); paging: on_call
    service: str | None = None
    available: tuple = field(default_factory=tuple)  # usernames, when state is available
    opens_at: datetime | None = None  # when the line opens again (routine, outside)

    @property
    def promises_a_person(self) -> bool:
        return self.state != "outside"


def decide(line: Line, category: str, channel: str, moment: datetime,
           available: list[str] | tuple = ()) -> Cover:
    """The cover for a handoff opened at `moment`, given who is available in the console."""
    urgent = category in SAFETY_CATEGORIES
    if channel != "voice" and available:
        return Cover("available", available=tuple(available))
    if urgent:
        if line.on_call_covers(category, moment):
            return Cover("paging", service="on_call")
        service = line.outside_service(category)
        if service == "on_call":  # an on-call list is configured, but has no numbers
            service = "emergency_line" if category == "device_safety" else "crisis_line"
        return Cover("outside", service=service)
    if line.is_open(moment):
        return Cover("paging" if channel == "voice" else "queued", service="on_call")
    return Cover("outside", service="callback", opens_at=line.next_open(moment))


def now(services, line: Line, category: str, language: str, channel: str,
        moment: datetime | None = None) -> Cover:
    """The cover right now; presence comes from the database (unreadable: nobody available)."""
    moment = moment or utcnow()
    names: list[str] = []
    if channel != "voice":
        try:
            with services.session() as session:
                names = presence.available(session, line.id, language, moment)
        except SQLAlchemyError as exc:
            log.warning("presence unreadable, assuming nobody available: %s", type(exc).__name__)
    return decide(line, category, channel, moment, names)

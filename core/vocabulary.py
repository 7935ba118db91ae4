"""The project's words, each defined once: handoff categories, their risk and Dutch names,
who counts as in danger, and how numbers and stored moments are shown.

No Flask, Twilio or rasa_sdk here, so any layer may import it: today the gateway, the
phone adapter, the worker and the records do.
"""
from __future__ import annotations

from datetime import UTC, datetime

# What the safety screen hands off (bot/triage): a person in danger or a device emergency.
SAFETY_CATEGORIES = ("crisis", "end_of_life_request", "device_safety")
# A person in danger (113 Zelfmoordpreventie when nobody of ours can come).
CRISIS_CATEGORIES = ("crisis", "end_of_life_request")
# Every handoff: the screen's, a broken part (system) and a caller asking for a person.
CATEGORIES = (*SAFETY_CATEGORIES, "system", "request")
RISK = {"crisis": "high", "end_of_life_request": "high", "device_safety": "high",
        "system": "medium", "request": "low"}
RISK_LEVELS = ("high", "medium", "low")
RISK_ORDER = {level: rank for rank, level in enumerate(RISK_LEVELS)}
# For agents and on-call staff (pages, whispers): Dutch.
CATEGORY_NL = {"crisis": "crisis", "end_of_life_request": "levenseindevraag in nood",
               "device_safety": "spoed met de pomp", "system": "storing",
               "request": "vraag om een medewerker"}


def mask_phone(number: str | None) -> str:
    """'…5678': only the last four digits."""
    digits = (number or "").strip()
    return f"…{digits[-4:]}" if len(digits) >= 4 else "onbekend"


def aware(moment: datetime | None) -> datetime | None:
    """A stored moment with its zone: SQLite hands back naive datetimes, stored in UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment

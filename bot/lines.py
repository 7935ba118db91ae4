"""Organisation lines (lines.yml): who answers, in which domain, with which facts.

Read once at start-up by the gateway and by the action server, so a fact lives
in exactly one place and responses refer to it by name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

DAY_NAMES = {
    "nl": {"mon": "maandag", "tue": "dinsdag", "wed": "woensdag", "thu": "donderdag",
           "fri": "vrijdag", "sat": "zaterdag", "sun": "zondag"},
    "en": {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
           "fri": "Friday", "sat": "Saturday", "sun": "Sunday"},
}
WORDS = {"nl": {"to": "tot", "and": "en"}, "en": {"to": "to", "and": "and"}}


@dataclass(frozen=True)
class Line:
    id: str
    organisation: str
    domain: str  # "donor" | "device"
    twilio_number: str
    default_language: str
    greeting: dict
    hours: dict
    on_call: tuple
    facts: dict
    safety: dict = field(default_factory=dict)
    voice: dict = field(default_factory=dict)
    hints: str = ""
    device_emergency_dial: str = ""

    def is_open(self, moment: datetime) -> bool:
        """Is a person on duty at this moment (business hours, not a holiday)?"""
        local = moment.astimezone(ZoneInfo(self.hours.get("timezone", "Europe/Amsterdam")))
        if local.date().isoformat() in {str(day) for day in self.hours.get("holidays", [])}:
            return False
        span = self.hours.get("weekdays", {}).get(local.strftime("%a").lower()[:3])
        if not span:
            return False
        start, end = (time.fromisoformat(part) for part in span.split("-"))
        return start <= local.time() < end

    def hours_text(self, language: str) -> str:
        """Opening hours as a sentence part, e.g. 'maandag tot en met vrijdag van 09:00 tot 17:00'."""
        lang = language if language in DAY_NAMES else "nl"
        names, words = DAY_NAMES[lang], WORDS[lang]
        groups: list[tuple[list[str], str]] = []
        for day, span in self.hours.get("weekdays", {}).items():
            if groups and groups[-1][1] == span:
                groups[-1][0].append(day)
            else:
                groups.append(([day], span))
        parts = []
        for days, span in groups:
            start, end = span.split("-")
            if len(days) > 1:
                through = "tot en met" if lang == "nl" else "to"
                label = f"{names[days[0]]} {through} {names[days[-1]]}"
            else:
                label = names[days[0]]
            parts.append(f"{label} {'van' if lang == 'nl' else 'from'} {start} {words['to']} {end}")
        return f" {words['and']} ".join(parts)

    def slots(self, language: str) -> dict:
        """Every value a response may refer to, for this line in this language."""
        values = {key: str(value) for key, value in self.facts.items()}
        values.update({key: str(value) for key, value in self.safety.items()})
        values["org_hours"] = self.hours_text(language)
        return values


@dataclass(frozen=True)
class Lines:
    lines: tuple
    safety: dict

    def get(self, line_id: str | None) -> Line:
        """The line with this id; the first (default) line when id is empty."""
        if not line_id:
            return self.lines[0]
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)

    def by_number(self, number: str) -> Line | None:
        return next((line for line in self.lines if line.twilio_number == number), None)

    @property
    def ids(self) -> list[str]:
        return [line.id for line in self.lines]


def load(path: str | Path) -> Lines:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    safety = dict(raw.get("safety", {}))
    lines = tuple(
        Line(
            id=item["id"], organisation=item["organisation"], domain=item["domain"],
            twilio_number=item.get("twilio_number", ""),
            default_language=item.get("default_language", "nl"),
            greeting=dict(item.get("greeting", {})), hours=dict(item.get("hours", {})),
            on_call=tuple(item.get("on_call", [])), facts=dict(item.get("facts", {})),
            safety={**safety, **item.get("safety", {})},
            voice=dict(item.get("voice", {})), hints=item.get("hints", ""),
            device_emergency_dial=item.get("device_emergency_dial", ""),
        )
        for item in raw["lines"]
    )
    if not lines:
        raise ValueError(f"{path}: no lines configured")
    return Lines(lines=lines, safety=safety)


@lru_cache(maxsize=4)
def load_cached(path: str) -> Lines:
    return load(path)

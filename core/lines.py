"""Organisation lines (lines.yml): who answers, in which domain, with which facts.

Read once at start-up by the gateway and by the action server, so a fact lives
in exactly one place and responses refer to it by name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from core.vocabulary import CRISIS_CATEGORIES, SAFETY_CATEGORIES

DAY_NAMES = {
    "nl": {"mon": "maandag", "tue": "dinsdag", "wed": "woensdag", "thu": "donderdag",
           "fri": "vrijdag", "sat": "zaterdag", "sun": "zondag"},
    "en": {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
           "fri": "Friday", "sat": "Saturday", "sun": "Sunday"},
}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WORDS = {"nl": {"to": "tot", "and": "en"}, "en": {"to": "to", "and": "and"}}
MONTH_NAMES = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
# Who covers a category when nobody in the console can take it and, outside business hours,
# the line has no on-call colleague for it: on_call | crisis_line | emergency_line | callback.
OUTSIDE_SERVICES = ("on_call", "crisis_line", "emergency_line", "callback")


@lru_cache(maxsize=32)
def _public_holidays(country: str, subdiv: str | None, year: int) -> dict:
    """Public holidays of one year, computed by the `holidays` library (Easter moves).

    In English: lines.yml names the exceptions so (`except: [Good Friday]`); since holidays
    0.87 a country's own language is the default (NL: "Goede Vrijdag")."""
    import holidays
    return dict(holidays.country_holidays(country, subdiv=subdiv, years=year, language="en_US"))


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
    coverage: dict = field(default_factory=dict)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.hours.get("timezone", "Europe/Amsterdam"))

    def holiday(self, day: date) -> str | None:
        """The name of the holiday on this day, if the line is closed for one.

        `holidays: {country: NL}` takes the public holidays from the `holidays` library, with
        `also` (extra closed days, ISO dates) and `except` (holiday names the line works on).
        A plain list of ISO dates is read as those days only.
        """
        rule = self.hours.get("holidays") or {}
        if isinstance(rule, (list, tuple)):
            return "closed" if day.isoformat() in {str(d) for d in rule} else None
        if day.isoformat() in {str(d) for d in rule.get("also", [])}:
            return "closed"
        if not rule.get("country"):
            return None
        name = _public_holidays(rule["country"], rule.get("subdiv"), day.year).get(day)
        if name and name not in set(rule.get("except", [])):
            return name
        return None

    def _span(self, day: date) -> tuple[time, time] | None:
        if self.holiday(day):
            return None
        span = self.hours.get("weekdays", {}).get(DAYS[day.weekday()])
        if not span:
            return None
        start, end = (time.fromisoformat(part) for part in span.split("-"))
        return start, end

    def is_open(self, moment: datetime) -> bool:
        """Is a person on duty at this moment (business hours, not a holiday)?"""
        local = moment.astimezone(self.zone)
        span = self._span(local.date())
        return bool(span) and span[0] <= local.time() < span[1]

    def next_open(self, moment: datetime) -> datetime | None:
        """When the line opens next (local time), looking up to 30 days ahead."""
        local = moment.astimezone(self.zone)
        for offset in range(31):
            day = local.date() + timedelta(days=offset)
            span = self._span(day)
            if span is None:
                continue
            start = datetime.combine(day, span[0], tzinfo=self.zone)
            end = datetime.combine(day, span[1], tzinfo=self.zone)
            if offset == 0 and local >= end:
                continue
            return max(start, local) if offset == 0 else start
        return None

    def when_text(self, moment: datetime | None, language: str) -> str:
        """'dinsdag 30 maart om 09:00' / 'Tuesday 30 March at 09:00'."""
        lang = language if language in DAY_NAMES else "nl"
        if moment is None:
            return ""
        local = moment.astimezone(self.zone)
        day = DAY_NAMES[lang][DAYS[local.weekday()]]
        month = MONTH_NAMES[lang][local.month - 1]
        at = "om" if lang == "nl" else "at"
        return f"{day} {local.day} {month} {at} {local:%H:%M}"

    def outside_service(self, category: str) -> str:
        """Who covers this category outside business hours (see OUTSIDE_SERVICES)."""
        service = self.coverage.get("outside_hours", {}).get(category)
        if service in OUTSIDE_SERVICES:
            return service
        if category in CRISIS_CATEGORIES:
            return "crisis_line"
        return "emergency_line" if category == "device_safety" else "callback"

    def on_call_covers(self, category: str, moment: datetime) -> bool:
        """Can the on-call colleagues be paged for this category now?"""
        if not self.on_call or category not in SAFETY_CATEGORIES:
            return False
        return self.is_open(moment) or self.outside_service(category) == "on_call"

    def first_escalation_s(self, category: str) -> int:
        return int(self.coverage.get("escalate_after_s", {}).get(
            category, 60 if category in SAFETY_CATEGORIES else 600))

    def second_escalation_s(self, category: str) -> int | None:
        value = self.coverage.get("supervisors_after_s", {}).get(category)
        if value is None:
            return 180 if category in SAFETY_CATEGORIES else None
        return int(value)

    def hours_text(self, language: str) -> str:
        """Opening hours as a sentence part,
        e.g. 'maandag tot en met vrijdag van 09:00 tot 17:00'."""
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
        values["crisis_line_chat"] = str(self.coverage.get("crisis_line_chat", "113.nl"))
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
            coverage=_merged(raw.get("coverage", {}), item.get("coverage", {})),
        )
        for item in raw["lines"]
    )
    if not lines:
        raise ValueError(f"{path}: no lines configured")
    return Lines(lines=lines, safety=safety)


def _merged(defaults: dict, own: dict) -> dict:
    """A line's coverage: the shared defaults, with the line's own keys (one level deep) on top."""
    merged = {key: (dict(value) if isinstance(value, dict) else value)
              for key, value in defaults.items()}
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key].update(value)
        else:
            merged[key] = value
    return merged


@lru_cache(maxsize=4)
def load_cached(path: str) -> Lines:
    return load(path)

"""Coverage's calendar and rule, without a database: the next opening skips nights, weekends and
public holidays (from the holidays library), and who can come decides the cover."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import holidays
import pytest

from bot import coverage
from core.lines import load
from tools.stack import ROOT

AMS = ZoneInfo("Europe/Amsterdam")
SUNDAY_NIGHT = datetime(2027, 3, 21, 3, 0, tzinfo=AMS)
EASTER_MONDAY = datetime(2027, 3, 29, 11, 0, tzinfo=AMS)
TUESDAY = datetime(2027, 3, 30, 10, 0, tzinfo=AMS)


def test_easter_monday_2027_comes_from_the_holidays_library_not_a_typed_list():
    dutch = holidays.country_holidays("NL", years=2027, language="en_US")
    assert dutch.get(date(2027, 3, 29)) == "Easter Monday"
    lines = load(ROOT / "lines.yml")
    for line in lines.lines:
        assert line.holiday(date(2027, 3, 29)) == "Easter Monday"
        assert line.holiday(date(2027, 4, 5)) is None  # the old hand-typed (wrong) date
        assert not line.is_open(EASTER_MONDAY)
        assert line.is_open(datetime(2027, 4, 5, 11, 0, tzinfo=AMS))
        assert line.holiday(date(2028, 4, 17)) == "Easter Monday"  # computed for any year
    # Good Friday is a working day for these lines (`except` in lines.yml)
    assert lines.get("vrienden").is_open(datetime(2027, 3, 26, 11, 0, tzinfo=AMS))


def test_next_opening_skips_nights_weekends_and_holidays():
    line = load(ROOT / "lines.yml").get("vrienden")
    assert line.when_text(line.next_open(SUNDAY_NIGHT), "nl") == "maandag 22 maart om 09:00"
    assert line.when_text(line.next_open(EASTER_MONDAY), "en") == "Tuesday 30 March at 09:00"
    friday_evening = datetime(2027, 3, 26, 18, 0, tzinfo=AMS)
    # the weekend and Easter Monday skipped
    assert line.when_text(line.next_open(friday_evening), "nl") == "dinsdag 30 maart om 09:00"


@pytest.mark.parametrize("line_id, category, channel, moment, available, state, service", [
    ("vrienden", "crisis", "web", TUESDAY, ["anna"], "available", None),
    ("vrienden", "crisis", "web", TUESDAY, [], "paging", "on_call"),
    ("vrienden", "crisis", "web", SUNDAY_NIGHT, [], "paging", "on_call"),  # 24/7 on-call list
    ("pomp", "crisis", "web", SUNDAY_NIGHT, [], "outside", "crisis_line"),
    ("pomp", "device_safety", "sms", EASTER_MONDAY, [], "outside", "emergency_line"),
    ("pomp", "device_safety", "sms", TUESDAY, [], "paging", "on_call"),
    ("vrienden", "request", "web", TUESDAY, [], "queued", "on_call"),
    ("vrienden", "request", "web", EASTER_MONDAY, [], "outside", "callback"),
    ("vrienden", "request", "web", EASTER_MONDAY, ["anna"], "available", None),
    # phone calls ring phones: console presence does not count for them
    ("vrienden", "crisis", "voice", TUESDAY, ["anna"], "paging", "on_call"),
    ("pomp", "crisis", "voice", SUNDAY_NIGHT, ["anna"], "outside", "crisis_line"),
    ("vrienden", "request", "voice", SUNDAY_NIGHT, [], "outside", "callback"),
])
def test_who_can_come_decides_the_cover(line_id, category, channel, moment, available, state,
                                        service):
    line = load(ROOT / "lines.yml").get(line_id)
    cover = coverage.decide(line, category, channel, moment, available)
    assert (cover.state, cover.service) == (state, service)


# --- the real app, with the clock set ------------------------------------------------------

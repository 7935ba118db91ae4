"""Back-office rules without a database: safety notice lots and serial ranges, demo data,
masking, and the EU MDR reporting deadline."""
from __future__ import annotations

import csv
from datetime import UTC, date, datetime

import pytest
from schwifty import IBAN

from core import demo_data
from core.records import (
    Donor,
    SafetyNotice,
    iban_display,
    load_safety_notice,
    mask_email,
    mask_iban,
    mask_phone,
    masked_value,
    mdr_report_deadline,
)
from tools.stack import ROOT


def test_safety_notice_lots_and_serial_ranges():
    notice = SafetyNotice(lots=frozenset({"PPL-2406B"}),
                          serial_ranges=(("PP2409000000", "PP2409000499"),))
    assert notice.affects("PP2501000001", "ppl-2406b")
    assert notice.affects("pp2409000499", "PPL-2409A")
    assert not notice.affects("PP2409000500", "PPL-2409B")
    assert not notice.affects("PP240900001", None)  # other length: not in the range
    assert load_safety_notice(ROOT / "fsn.yml").lots  # the shipped file parses


# --- demo data ------------------------------------------------------------------------------

def test_demo_data_is_repeatable_and_valid(tmp_path):
    first = demo_data.generate(tmp_path / "a", donors=200, customers=50)
    second = demo_data.generate(tmp_path / "b", donors=200, customers=50)
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()
    rows = list(csv.DictReader(open(first[0], encoding="utf-8")))
    assert rows[0]["donor_id"] == "D000001" and rows[0]["phone"] == "+31612345678"
    assert len({row["donor_id"] for row in rows}) == len({row["phone"] for row in rows}) == 200
    for row in rows:
        IBAN(row["iban"])  # raises when the check digits are wrong
        assert row["phone"][:5] in ("+3161", "+3162")
        assert row["email"].endswith(("@example.org", "@example.nl"))


def test_masking_helpers():
    assert mask_iban("NL02ABNA0123454321") == "…4321"
    assert mask_iban("NL02 ABNA 0123 4543 21") == "…4321"
    assert iban_display("NL02ABNA0123454321") == "eindigend op 4321"
    assert mask_phone("+31612345678") == "…5678"
    assert mask_email("anna.jansen@example.org") == "a…@example.org"
    assert mask_iban(None) == mask_phone("") == mask_email("geen") == "onbekend"
    assert masked_value("iban", "NL02ABNA0123454321") == "…4321"
    assert masked_value("phone2", "+31612345678") == "…5678"
    assert masked_value("city", "Utrecht") == "Utrecht"
    assert masked_value("email", None) is None
    assert Donor(iban="NL02ABNA0123454321").iban_masked == "eindigend op 4321"


@pytest.mark.parametrize("seriousness, deadline", [
    ("serious_public_health_threat", date(2026, 11, 25)),  # art. 87(4): 2 days
    ("death_or_serious_deterioration", date(2026, 12, 3)),  # art. 87(5): 10 days
    ("other_serious", date(2026, 12, 8)),  # art. 87(3): 15 days
    ("non_serious", None),  # no art. 87 deadline
])
def test_mdr_report_deadline(seriousness, deadline):
    assert mdr_report_deadline(seriousness, date(2026, 11, 23)) == deadline
    aware = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert mdr_report_deadline(seriousness, aware) == deadline


def test_mdr_deadline_counts_from_the_dutch_calendar_day():
    # 23:30 UTC on 22 November is already 23 November in Amsterdam.
    aware = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
    assert mdr_report_deadline("serious_public_health_threat", aware) == date(2026, 11, 25)
    with pytest.raises(ValueError):
        mdr_report_deadline("a bit serious", date(2026, 11, 23))

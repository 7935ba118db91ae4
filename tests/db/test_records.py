"""Back-office data: donor and pump customer import (real SQLite, the real CLI), demo data
loading, audit entries, complaint deadlines, and the migration matching the models.

No Rasa needed: the app runs with Rasa unreachable (a closed port)."""
from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from bot import create_app
from core import demo_data
from core.db import engine_for, session_scope
from core.importer import DONOR_COLUMNS, import_donors
from core.models import Base
from core.records import (
    AuditEntry,
    Complaint,
    Donor,
    PumpCustomer,
    SupplyOrder,
    load_safety_notice,
)
from tests.support.offline import UNREACHABLE
from tools.stack import ROOT

GOOD = {"donor_id": "D000501", "first_name": "Test", "last_name": "Persoon",
        "phone": "+31612340001", "email": "test.persoon@example.org", "street": "Kerkstraat",
        "house_number": "4", "postcode": "1011 AB", "city": "Amsterdam",
        "iban": "NL02ABNA0123456789", "amount": "10.00", "frequency": "maand",
        "start_date": "2020-01-01", "status": "actief"}


@pytest.fixture
def records_app(db_url):
    return create_app({"database_url": db_url, "rasa_url": UNREACHABLE,
                       "actions_url": UNREACHABLE, "rasa_timeout": 1.0,
                       "lines_file": ROOT / "lines.yml", "testing": True})


@pytest.fixture
def cli(records_app):
    runner = records_app.test_cli_runner()
    return lambda *args: runner.invoke(args=list(args))


def count(db_url, model) -> int:
    with session_scope(db_url) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def donor(db_url, number: str) -> Donor:
    with session_scope(db_url) as session:
        return session.execute(select(Donor).where(Donor.donor_number == number)).scalar_one()


def write_csv(path, columns, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


# --- import ---------------------------------------------------------------------------------

def test_15000_generated_donors_import_and_reimport_adds_nobody(cli, db_url, tmp_path):
    result = cli("demo", "generate", "--donors", "15000", "--customers", "0",
                 "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    path = tmp_path / "donors.csv"

    result = cli("donors", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "15000 rows; inserted 15000, updated 0, unchanged 0, errors 0" in result.output
    assert count(db_url, Donor) == 15000
    anna = donor(db_url, "D000001")
    assert (anna.phone, anna.postcode, anna.house_number) == ("+31612345678", "1011 AB", "1")
    assert anna.amount == Decimal("10.00") and anna.iban_masked == "eindigend op 6789"

    result = cli("donors", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "inserted 0, updated 0, unchanged 15000, errors 0" in result.output
    assert count(db_url, Donor) == 15000

    # One changed row: only that one is updated, the others stay unchanged.
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    rows[0].update(amount="12,50", city="Haarlem", postcode="2011ab")
    write_csv(path, list(rows[0]), rows)  # the demo file has the optional date_of_birth too
    result = cli("donors", "import", str(path))
    assert "inserted 0, updated 1, unchanged 14999, errors 0" in result.output
    anna = donor(db_url, "D000001")
    assert (anna.amount, anna.city, anna.postcode) == (Decimal("12.50"), "Haarlem", "2011 AB")
    assert count(db_url, Donor) == 15000


def test_bad_rows_are_listed_with_their_line_and_the_good_rows_imported(cli, db_url, tmp_path):
    rows = [
        {**GOOD},  # line 2
        {**GOOD, "donor_id": "D000502", "iban": "NL00ABNA0123456789"},  # 3: check digits
        {**GOOD, "donor_id": "D000503", "phone": "+31600000000"},  # 4: no such number
        {**GOOD, "donor_id": "D000504", "postcode": "0123 AB"},  # 5: bad postcode
        {**GOOD, "donor_id": "D000505", "frequency": "wekelijks"},  # 6: unknown frequency
        # 7: accepted spellings, normalised
        {**GOOD, "donor_id": "d000506", "phone": "06 1234 0002", "postcode": "1011ab",
         "iban": "nl02 abna 0123 4567 89", "frequency": "Quarterly", "amount": "7,50",
         "status": ""},
        {**GOOD, "donor_id": "D000507", "amount": "0", "start_date": "01-02-2020"},  # 8: two
    ]
    path = write_csv(tmp_path / "donors.csv", DONOR_COLUMNS, rows)
    result = cli("donors", "import", str(path))
    assert result.exit_code == 1  # some rows need fixing
    out = result.output
    assert "line 3 (D000502): iban: invalid checksum digits" in out
    assert "line 4 (D000503): phone: '+31600000000' is no valid phone number" in out
    assert "line 5 (D000504): postcode: '0123 AB' is no Dutch postcode" in out
    assert "line 6 (D000505): frequency: 'wekelijks' is not maand, kwartaal or jaar" in out
    assert "line 8 (D000507): amount: '0' must be more than 0; start_date:" in out
    assert "7 rows; inserted 2, updated 0, unchanged 0, errors 5" in out
    assert count(db_url, Donor) == 2
    normalised = donor(db_url, "D000506")
    assert (normalised.phone, normalised.postcode, normalised.iban, normalised.frequency,
            normalised.amount, normalised.status) == (
        "+31612340002", "1011 AB", "NL02ABNA0123456789", "kwartaal", Decimal("7.50"), "actief")


def test_same_donor_twice_in_a_file_and_missing_columns(cli, db_url, tmp_path):
    path = write_csv(tmp_path / "twice.csv", DONOR_COLUMNS, [GOOD, {**GOOD, "city": "Ede"}])
    result = cli("donors", "import", str(path))
    assert "line 3 (D000501): donor_id D000501 is also on line 2" in result.output
    assert count(db_url, Donor) == 1

    path = write_csv(tmp_path / "short.csv", DONOR_COLUMNS[:5], [])
    result = cli("donors", "import", str(path))
    assert result.exit_code == 1 and "missing column(s) street" in result.output


def test_optional_date_of_birth_column_is_checked_and_kept_when_absent(cli, db_url, tmp_path):
    columns = DONOR_COLUMNS + ("date_of_birth",)
    path = write_csv(tmp_path / "born.csv", columns, [
        {**GOOD, "date_of_birth": "1956-03-08"},
        {**GOOD, "donor_id": "D000502", "date_of_birth": "1990-13-01"}])
    result = cli("donors", "import", str(path))
    assert "line 3 (D000502): date_of_birth:" in result.output
    assert donor(db_url, "D000501").date_of_birth == date(1956, 3, 8)
    # A later file without the column leaves the stored date of birth alone.
    write_csv(path, DONOR_COLUMNS, [{**GOOD, "city": "Zwolle"}])
    assert cli("donors", "import", str(path)).exit_code == 0
    assert donor(db_url, "D000501").date_of_birth == date(1956, 3, 8)


def test_dry_run_writes_nothing(cli, db_url, tmp_path):
    path = write_csv(tmp_path / "donors.csv", DONOR_COLUMNS,
                     [GOOD, {**GOOD, "donor_id": "D000502", "postcode": "12345"}])
    result = cli("donors", "import", "--dry-run", str(path))
    assert "line 3 (D000502): postcode:" in result.output
    assert "dry run, nothing written" in result.output
    assert "would be inserted 1" in result.output
    assert count(db_url, Donor) == 0

    assert cli("donors", "import", str(path)).exit_code == 1
    write_csv(path, DONOR_COLUMNS, [{**GOOD, "city": "Zwolle"}])
    result = cli("donors", "import", "--dry-run", str(path))
    assert "would be updated 1" in result.output and result.exit_code == 0
    assert donor(db_url, "D000501").city == "Amsterdam"


def test_import_donors_function_for_scripts(records_app, db_url, tmp_path):
    path = write_csv(tmp_path / "donors.csv", DONOR_COLUMNS, [GOOD])
    report = import_donors(records_app.extensions["assistant"], path)
    assert (report.rows, report.inserted, report.errors) == (1, 1, [])
    assert report.seconds > 0
    # The entry points a benchmark uses: no Flask app context needed.
    from bot.services import Services
    from core.config import Config
    services = Services.build(Config.from_mapping({"database_url": db_url}))
    path = demo_data.write_donors_csv(tmp_path / "bench.csv", 20)
    assert import_donors(services, path).inserted == 20


def test_customers_import_flags_the_safety_notice(cli, db_url, tmp_path):
    cli("demo", "generate", "--donors", "0", "--customers", "300", "--out", str(tmp_path))
    result = cli("customers", "import", str(tmp_path / "customers.csv"))
    assert result.exit_code == 0, result.output
    assert "300 rows; inserted 300" in result.output
    notice = load_safety_notice()
    with session_scope(db_url) as session:
        flags = dict(session.execute(
            select(PumpCustomer.customer_number, PumpCustomer.under_safety_notice)).all())
        customers = session.execute(select(PumpCustomer)).scalars().all()
        assert all(c.under_safety_notice == notice.affects(c.pump_serial, c.pump_lot)
                   for c in customers)
    assert flags["C000001"] is True  # serial in the affected range
    assert flags["C000002"] is False
    assert flags["C000003"] is True  # affected lot
    assert 0 < sum(flags.values()) < 300
    result = cli("customers", "import", str(tmp_path / "customers.csv"))
    assert "inserted 0, updated 0, unchanged 300" in result.output


def test_demo_with_errors_reports_each_bad_row(cli, db_url, tmp_path):
    cli("demo", "generate", "--donors", "40", "--customers", "10", "--with-errors",
        "--out", str(tmp_path))
    result = cli("donors", "import", str(tmp_path / "donors.csv"))
    assert "47 rows; inserted 40" in result.output
    assert "errors 7" in result.output
    result = cli("customers", "import", str(tmp_path / "customers.csv"))
    assert "inserted 10" in result.output and "errors 3" in result.output


def test_demo_load_is_idempotent_and_adds_supply_orders(cli, db_url, tmp_path):
    cli("demo", "generate", "--donors", "30", "--customers", "20", "--out", str(tmp_path))
    result = cli("demo", "load", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "donors: 30 rows; inserted 30" in result.output
    assert "customers: 20 rows; inserted 20" in result.output
    orders = count(db_url, SupplyOrder)
    assert orders > 0
    with session_scope(db_url) as session:
        sanne = session.execute(select(PumpCustomer)
                                .where(PumpCustomer.customer_number == "C000001")).scalar_one()
        assert sanne.under_safety_notice
        assert [order.status for order in sanne.orders] == ["vertraagd"]
        assert sanne.orders[0].tracking_code and sanne.orders[0].items

    again = cli("demo", "load", "--out", str(tmp_path))
    assert again.exit_code == 0 and again.output == ""  # quiet when already loaded
    assert (count(db_url, Donor), count(db_url, PumpCustomer), count(db_url, SupplyOrder)) == (
        30, 20, orders)


# --- masking and the audit log --------------------------------------------------------------

def test_audit_entries_keep_only_masked_values(db_url):
    with session_scope(db_url) as session:
        session.add_all([
            AuditEntry.record("donor", 1, "iban", "NL02ABNA0123456789", "NL91ABNA0417164300",
                              channel="voice", conversation_id="c1", verified=True,
                              status="applied"),
            AuditEntry.record("donor", 1, "email", "anna@example.org", "b.de.vries@example.nl",
                              channel="web"),
            AuditEntry.record("customer", 2, "street", "Kerkstraat", "Molenweg", channel="sms"),
        ])
    with session_scope(db_url) as session:
        entries = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
        assert [(e.old_value, e.new_value) for e in entries] == [
            ("…6789", "…4300"), ("a…@example.org", "b…@example.nl"), ("Kerkstraat", "Molenweg")]
        assert entries[0].status == "applied" and entries[1].status == "waiting_for_staff"
    with pytest.raises(ValueError):
        AuditEntry.record("someone", 1, "iban", None, None, channel="web")


# --- EU MDR art. 87 -----------------------------------------------------------------------

def test_complaint_gets_its_deadline(db_url):
    aware = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    with session_scope(db_url) as session:
        session.add(Complaint(serial="PP2409000042", description="pomp gaf te veel insuline",
                              injury=True, seriousness="death_or_serious_deterioration",
                              aware_date=aware, conversation_id="c-1"))
        session.add(Complaint(description="pleister laat los", seriousness="non_serious"))
    with session_scope(db_url) as session:
        serious, minor = session.execute(select(Complaint).order_by(Complaint.id)).scalars()
        assert serious.report_deadline == date(2026, 12, 3) and serious.status == "open"
        assert minor.report_deadline is None and minor.aware_date is not None
    with pytest.raises(ValueError):
        Complaint(description="x", seriousness="unknown")


# --- schema ---------------------------------------------------------------------------------

def test_migrations_match_the_models(db_url):
    assert {"donors", "pump_customers", "supply_orders", "audit_entries",
            "complaints"} <= set(Base.metadata.tables)
    with engine_for(db_url).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []

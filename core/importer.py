"""The back-office import: donors and pump customers from CSV (the commands around it are
bot/cli/records.py: `flask --app bot donors import FILE.csv [--dry-run]`, `customers import`,
`demo generate|load`, see core/demo_data.py).

Every row is validated (IBAN with schwifty, phone numbers with phonenumbers, Dutch postcode,
frequency, amount, ISO dates); rows with errors are listed with their line number in the CSV
(the header is line 1) and skipped, the good rows are imported. Rows are matched on their
donor_id / customer_id: re-importing a file inserts nobody and updates only changed fields.
The work is done in bulk (existing keys loaded once, executemany inserts and updates in
batches), so 15,000 rows take a second or two on SQLite; `import_donors` and
`import_customers` are the entry points for scripts and benchmarks. No Flask or click here.
"""
from __future__ import annotations

import csv
import re
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import phonenumbers
from schwifty import IBAN
from sqlalchemy import func, insert, select
from sqlalchemy.exc import SAWarning

from core.config import ROOT
from core.models import utcnow
from core.phone import e164
from core.records import DONOR_STATUSES, Donor, PumpCustomer, SafetyNotice, load_safety_notice
from core.vocabulary import FREQUENCY_WORDS, POSTCODE

DONOR_COLUMNS = ("donor_id", "first_name", "last_name", "phone", "email", "street",
                 "house_number", "postcode", "city", "iban", "amount", "frequency",
                 "start_date", "status")
DONOR_OPTIONAL_COLUMNS = ("date_of_birth",)
CUSTOMER_COLUMNS = ("customer_id", "first_name", "last_name", "phone", "email", "street",
                    "house_number", "postcode", "city", "date_of_birth", "pump_serial",
                    "pump_lot")
BATCH = 1000
DEMO_DIR = ROOT / "var" / "demo"

E164_NL = re.compile(r"^\+31[1-9][0-9]{8}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
KEY = re.compile(r"^[A-Za-z0-9-]{1,16}$")
SERIAL = re.compile(r"^[A-Z0-9-]{4,32}$")
STATUS_WORDS = {"actief": "actief", "active": "actief", "": "actief",
                "gepauzeerd": "gepauzeerd", "paused": "gepauzeerd",
                "opgezegd": "opgezegd", "cancelled": "opgezegd", "canceled": "opgezegd"}


# --- field validators: each returns the normalised value or raises ValueError -------------

def norm_iban(raw: str) -> str:
    """'NL02ABNA0123456789' from 'nl02 abna 0123 4567 89'; ValueError if it is no valid IBAN."""
    if not raw.strip():
        raise ValueError("missing")
    try:
        return IBAN(raw).compact
    except Exception as exc:  # schwifty raises its own ValueError subclasses
        raise ValueError(str(exc).lower() or "invalid") from None


def norm_phone(raw: str) -> str:
    """E.164 of a number that exists (phonenumbers validity, not only its length).

    The same answer as core.phone.e164 plus is_valid_number; a number already written as
    +31 and nine digits skips phonenumbers' parser (the slow part of a 15,000-row import).
    """
    text = raw.strip()
    if not text:
        raise ValueError("missing")
    if E164_NL.match(text):
        number = phonenumbers.PhoneNumber(country_code=31, national_number=int(text[3:]))
    else:
        formatted = e164(text)
        number = phonenumbers.parse(formatted) if formatted else None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValueError(f"{text!r} is no valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def norm_postcode(raw: str) -> str:
    """'1011 AB' from '1011ab', '1011 Ab', ..."""
    match = POSTCODE.match(raw.strip())
    if not match:
        raise ValueError(f"{raw.strip()!r} is no Dutch postcode (1234 AB)")
    return f"{match.group(1)} {match.group(2).upper()}"


def norm_frequency(raw: str) -> str:
    value = FREQUENCY_WORDS.get(" ".join(raw.lower().split()))
    if value is None:
        raise ValueError(f"{raw.strip()!r} is not maand, kwartaal or jaar")
    return value


def norm_amount(raw: str) -> Decimal:
    text = raw.strip().replace("€", "").strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # Dutch decimal comma: 12,50
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{raw.strip()!r} is no amount") from None
    if not amount.is_finite() or amount <= 0:
        raise ValueError(f"{raw.strip()!r} must be more than 0")
    if amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("100000000"):
        raise ValueError(f"{raw.strip()!r} is no amount in euros and cents")
    return amount.quantize(Decimal("0.01"))


def norm_date(raw: str, required: bool = True) -> date | None:
    if not raw.strip():
        if required:
            raise ValueError("missing")
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"{raw.strip()!r} is no ISO date (YYYY-MM-DD)") from None


def norm_email(raw: str) -> str | None:
    text = raw.strip()
    if not text:
        return None
    if not EMAIL.match(text) or len(text) > 254:
        raise ValueError(f"{text!r} is no e-mail address")
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"


def required_text(max_len: int) -> Callable[[str], str]:
    def check(raw: str) -> str:
        text = " ".join(raw.split())
        if not text:
            raise ValueError("missing")
        if len(text) > max_len:
            raise ValueError(f"longer than {max_len} characters")
        return text
    return check


def norm_key(raw: str) -> str:
    text = raw.strip().upper()
    if not KEY.match(text):
        raise ValueError(f"{raw.strip()!r} is no valid id")
    return text


# --- the import ------------------------------------------------------------------------------

@dataclass
class RowError:
    line: int  # line number in the CSV; the header is line 1
    key: str  # donor_id / customer_id as written, may be empty
    messages: list[str]

    def __str__(self) -> str:
        who = f" ({self.key})" if self.key else ""
        return f"line {self.line}{who}: " + "; ".join(self.messages)


@dataclass
class ImportReport:
    kind: str  # donors | customers
    dry_run: bool = False
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        verb = "would be " if self.dry_run else ""
        text = (f"{self.kind}: {self.rows} rows; {verb}inserted {self.inserted}, "
                f"{verb}updated {self.updated}, unchanged {self.unchanged}, "
                f"errors {len(self.errors)} ({self.seconds:.2f} s)")
        return ("dry run, nothing written. " + text) if self.dry_run else text


class FileError(ValueError):
    """The file as a whole cannot be imported (missing columns, not a CSV)."""


@dataclass
class _Kind:
    name: str
    model: type
    key_column: str  # in the CSV
    key_attr: str  # on the model
    columns: tuple[str, ...]
    validators: dict[str, tuple[str, Callable[[str], object]]]  # csv column -> (attr, fn)
    unique_attrs: tuple[str, ...] = ()  # other unique attributes (pump_serial)


# the columns donors and pump customers share: name, contact, address
PERSON_VALIDATORS = {
    "first_name": ("first_name", required_text(80)),
    "last_name": ("last_name", required_text(120)),
    "phone": ("phone", norm_phone),
    "email": ("email", norm_email),
    "street": ("street", required_text(120)),
    "house_number": ("house_number", required_text(16)),
    "postcode": ("postcode", norm_postcode),
    "city": ("city", required_text(80)),
}


DONORS = _Kind(
    name="donors", model=Donor, key_column="donor_id", key_attr="donor_number",
    columns=DONOR_COLUMNS,
    validators={
        "donor_id": ("donor_number", norm_key),
        **PERSON_VALIDATORS,
        "iban": ("iban", norm_iban),
        "amount": ("amount", norm_amount),
        "frequency": ("frequency", norm_frequency),
        "start_date": ("start_date", norm_date),
        "status": ("status", lambda raw: _donor_status(raw)),
        # Optional column: a second way for a caller to prove who they are.
        "date_of_birth": ("date_of_birth", lambda raw: _birth_date(raw)),
    })


def _donor_status(raw: str) -> str:
    value = STATUS_WORDS.get(raw.strip().lower())
    if value is None:
        raise ValueError(f"{raw.strip()!r} is not one of {', '.join(DONOR_STATUSES)}")
    return value


def _serial(raw: str) -> str:
    text = raw.strip().upper()
    if not SERIAL.match(text):
        raise ValueError(f"{raw.strip()!r} is no pump serial number" if text else "missing")
    return text


CUSTOMERS = _Kind(
    name="customers", model=PumpCustomer, key_column="customer_id", key_attr="customer_number",
    columns=CUSTOMER_COLUMNS,
    validators={
        "customer_id": ("customer_number", norm_key),
        **PERSON_VALIDATORS,
        "date_of_birth": ("date_of_birth", lambda raw: _birth_date(raw)),
        "pump_serial": ("pump_serial", _serial),
        "pump_lot": ("pump_lot", lambda raw: _serial(raw)),
    },
    unique_attrs=("pump_serial",))


def _birth_date(raw: str) -> date | None:
    value = norm_date(raw, required=False)
    if value and not date(1900, 1, 1) <= value <= date.today():
        raise ValueError(f"{raw.strip()!r} is no plausible date of birth")
    return value


def count_rows(path: Path | str) -> int:
    """Data lines in the file (for a progress bar): lines minus the header."""
    with open(path, "rb") as handle:
        return max(sum(1 for _ in handle) - 1, 0)


def _rows(path: Path | str, columns: tuple[str, ...]):
    """(line number, row dict) for every non-empty row; FileError if columns are missing."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        header = handle.readline()
        delimiter = ";" if header.count(";") > header.count(",") else ","
        handle.seek(0)
        reader = csv.DictReader(handle, delimiter=delimiter)
        fields = [name.strip().lower() for name in reader.fieldnames or []]
        missing = [name for name in columns if name not in fields]
        if missing:
            raise FileError(f"{path}: missing column(s) {', '.join(missing)}")
        reader.fieldnames = fields
        last_line = reader.line_num
        for row in reader:
            line, last_line = last_line + 1, reader.line_num
            if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
                continue
            yield line, row


def _validate(kind: _Kind, row: dict, stored: dict | None = None) -> tuple[dict, list[str]]:
    """Normalised values and error messages of one row.

    A text value written exactly as it is stored (validated and normalised when it was
    imported) is taken as it is: re-importing a file does not parse 15,000 IBANs again.
    """
    values, messages = {}, []
    for column, (attr, check) in kind.validators.items():
        raw = row.get(column)
        if raw is None and column not in kind.columns:
            continue  # an optional column the file does not have: keep what is stored
        raw = raw if isinstance(raw, str) else ""
        if stored is not None:
            old = stored.get(attr)
            if isinstance(old, str) and raw.strip() == old:
                values[attr] = old
                continue
        try:
            values[attr] = check(raw)
        except ValueError as exc:
            messages.append(f"{column}: {exc}")
    if row.get(None):
        messages.append("more fields than the header has columns")
    return values, messages


def _same(old, new) -> bool:
    if isinstance(new, Decimal) and old is not None:
        return Decimal(str(old)).quantize(Decimal("0.01")) == new
    return old == new


def run_import(services, kind: _Kind, path: Path | str, dry_run: bool = False,
               progress: Callable[[int], None] | None = None,
               notice: SafetyNotice | None = None) -> ImportReport:
    started = time.perf_counter()
    report = ImportReport(kind=kind.name, dry_run=dry_run)
    model = kind.model
    attrs = [attr for attr, _ in kind.validators.values()]
    if kind is CUSTOMERS:
        notice = notice or load_safety_notice()
        attrs.append("under_safety_notice")
    with services.session() as session:
        # Everything already stored, once: key -> (id, current values).
        existing = {}
        with warnings.catch_warnings():  # Numeric on SQLite: see core/records.py
            warnings.filterwarnings("ignore", category=SAWarning, message=r"Dialect sqlite")
            stored = session.execute(select(model.id, *[getattr(model, a) for a in attrs])).all()
        for row in stored:
            values = dict(zip(attrs, row[1:], strict=True))
            existing[values[kind.key_attr]] = (row[0], values)
        owners = {attr: {values[attr]: key for key, (_, values) in existing.items()}
                  for attr in kind.unique_attrs}
        seen: dict[str, int] = {}
        inserts, updates = [], []
        now = utcnow()

        def flush():
            if dry_run:
                inserts.clear(), updates.clear()
                return
            if inserts:
                session.execute(insert(model), inserts)
                inserts.clear()
            if updates:
                session.bulk_update_mappings(model, updates)
                updates.clear()

        pending_progress = 0
        for line, row in _rows(path, kind.columns):
            report.rows += 1
            pending_progress += 1
            if progress and pending_progress >= 500:
                progress(pending_progress)
                pending_progress = 0
            raw_key = row.get(kind.key_column)
            stored = existing.get(raw_key.strip().upper()) if isinstance(raw_key, str) else None
            values, messages = _validate(kind, row, stored[1] if stored else None)
            key = values.get(kind.key_attr)
            if key is not None:
                if key in seen:
                    messages.append(f"{kind.key_column} {key} is also on line {seen[key]}")
                else:
                    seen[key] = line
            for attr in kind.unique_attrs:
                value = values.get(attr)
                owner = owners[attr].get(value) if value is not None else None
                if owner is not None and owner != key:
                    messages.append(f"{attr} {value} belongs to {owner}")
                elif value is not None and key is not None and not messages:
                    owners[attr][value] = key
            if messages:
                report.errors.append(RowError(line, (row.get(kind.key_column) or "").strip(),
                                              messages))
                continue
            if kind is CUSTOMERS:
                values["under_safety_notice"] = notice.affects(values["pump_serial"],
                                                               values["pump_lot"])
            if key not in existing:
                inserts.append({**values, "created_at": now, "updated_at": now})
                report.inserted += 1
                existing[key] = (None, values)
            else:
                record_id, old = existing[key]
                changed = {attr: value for attr, value in values.items()
                           if not _same(old.get(attr), value)}
                if not changed:
                    report.unchanged += 1
                    continue
                # A key inserted earlier in this same file cannot repeat (seen above).
                updates.append({"id": record_id, **values, "updated_at": now})
                report.updated += 1
            if len(inserts) >= BATCH or len(updates) >= BATCH:
                flush()
        flush()
        if progress and pending_progress:
            progress(pending_progress)
        if dry_run:
            session.rollback()
    report.seconds = time.perf_counter() - started
    return report


def import_donors(services, path: Path | str, dry_run: bool = False,
                  progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import (upsert by donor_id) the donors of a CSV file; see the module docstring."""
    return run_import(services, DONORS, path, dry_run=dry_run, progress=progress)


def import_customers(services, path: Path | str, dry_run: bool = False,
                     progress: Callable[[int], None] | None = None,
                     notice: SafetyNotice | None = None) -> ImportReport:
    """Import (upsert by customer_id) pump customers; under_safety_notice from fsn.yml."""
    return run_import(services, CUSTOMERS, path, dry_run=dry_run, progress=progress,
                      notice=notice)


def count(services, model) -> int:
    with services.session() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()

"""Back-office records: donors ("Vrienden"), pump customers, supply orders, the audit log of
changes, and device complaints (vigilance intake).

Same `Base` (core/base.py) as core/models.py, so one metadata (and one Alembic history)
covers everything; core/models.py imports this module. Sensitive values are only shown masked
(`mask_iban`, `mask_phone`, `mask_email`), and the audit log stores nothing else.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import relationship

from core.base import Base, utcnow
from core.config import ROOT
from core.vocabulary import mask_phone

DONOR_STATUSES = ("actief", "gepauzeerd", "opgezegd")
ORDER_STATUSES = ("besteld", "verzonden", "bezorgd", "vertraagd")
AUDIT_SUBJECTS = ("donor", "customer")
AUDIT_STATUSES = ("applied", "waiting_for_staff")
SERIOUSNESS = ("death_or_serious_deterioration", "serious_public_health_threat",
               "other_serious", "non_serious")
COMPLAINT_STATUSES = ("open", "investigating", "reported", "closed")

# SQLite keeps Numeric as a float; SQLAlchemy rounds it back to the column's scale (cents),
# which is exact for amounts below 10^8, so its warning about Decimal on SQLite is noise.
warnings.filterwarnings("ignore", category=SAWarning,
                        message=r"Dialect sqlite\+pysqlite does \*not\* support Decimal")

# Awareness is a calendar day in the Netherlands, whatever timezone the server runs in.
LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
FSN_FILE = ROOT / "fsn.yml"


# --- masking: what a person or a log may see of a sensitive value -------------------------

def mask_iban(iban: str | None) -> str:
    """'…4321': only the last four characters of the account number."""
    compact = re.sub(r"\s+", "", iban or "")
    return f"…{compact[-4:]}" if len(compact) >= 4 else "onbekend"


def iban_display(iban: str | None) -> str:
    """What the assistant says about an account: 'eindigend op 4321'."""
    compact = re.sub(r"\s+", "", iban or "")
    return f"eindigend op {compact[-4:]}" if len(compact) >= 4 else "onbekend"


def mask_email(email: str | None) -> str:
    """'a…@example.org': the first letter and the domain."""
    if not email or "@" not in email:
        return "onbekend"
    local, _, domain = email.strip().rpartition("@")
    return f"{local[:1]}…@{domain}" if local else f"…@{domain}"


# Which fields are masked in the audit log, and how.
_MASKERS = {"iban": mask_iban, "phone": mask_phone, "phone2": mask_phone, "email": mask_email}


def masked_value(field_name: str, value) -> str | None:
    """A value as the audit log may keep it: IBAN, phone numbers and e-mail masked."""
    if value is None:
        return None
    masker = _MASKERS.get(field_name)
    return masker(str(value)) if masker else str(value)


# --- EU MDR art. 87: reporting deadline of a serious incident ------------------------------

def mdr_report_deadline(seriousness: str, aware: datetime | date) -> date | None:
    """The last day to report an incident to the competent authority (EU MDR 2017/745, art. 87).

    The clock starts when the manufacturer becomes aware of the incident (`aware`: the
    conversation in which the caller told us; a datetime is taken as its day in
    Europe/Amsterdam). Report immediately, and at the latest:

    - art. 87(4): serious public health threat → 2 days after awareness;
    - art. 87(5): death or unanticipated serious deterioration of a person's state of
      health → 10 days after awareness;
    - art. 87(3): any other serious incident → 15 days after awareness;
    - non-serious incidents have no art. 87 deadline (they go to trend reporting, art. 88):
      None.
    """
    days = {"serious_public_health_threat": 2,
            "death_or_serious_deterioration": 10,
            "other_serious": 15,
            "non_serious": None}
    if seriousness not in days:
        raise ValueError(f"unknown seriousness {seriousness!r}")
    if days[seriousness] is None:
        return None
    if isinstance(aware, datetime):
        aware = (aware.astimezone(LOCAL_TZ) if aware.tzinfo else aware).date()
    return aware + timedelta(days=days[seriousness])


# --- field safety notice: which pumps are affected -----------------------------------------

@dataclass
class SafetyNotice:
    """Affected lots and serial ranges of the field safety notice (from fsn.yml)."""
    reference: str = ""
    lots: frozenset = dc_field(default_factory=frozenset)
    serial_ranges: tuple = ()  # ((first, last), ...), inclusive, same length and prefix

    def affects(self, serial: str | None, lot: str | None) -> bool:
        if lot and lot.strip().upper() in self.lots:
            return True
        serial = (serial or "").strip().upper()
        return any(len(serial) == len(first) and first <= serial <= last
                   for first, last in self.serial_ranges)


def load_safety_notice(path: Path | str | None = None) -> SafetyNotice:
    raw = yaml.safe_load(Path(path or FSN_FILE).read_text(encoding="utf-8")) or {}
    ranges = []
    for item in raw.get("serial_ranges") or []:
        first, last = str(item["from"]).strip().upper(), str(item["to"]).strip().upper()
        if len(first) != len(last) or first > last:
            raise ValueError(f"fsn: bad serial range {first}..{last}")
        ranges.append((first, last))
    return SafetyNotice(reference=str(raw.get("reference", "")),
                        lots=frozenset(str(lot).strip().upper() for lot in raw.get("lots") or []),
                        serial_ranges=tuple(ranges))


# --- the tables -----------------------------------------------------------------------------

class Donor(Base):
    """A "Vriend": someone who gives to the foundation by direct debit."""
    __tablename__ = "donors"

    id = Column(Integer, primary_key=True, autoincrement=True)
    donor_number = Column(String(16), nullable=False, unique=True)
    first_name = Column(String(80), nullable=False)
    last_name = Column(String(120), nullable=False)
    phone = Column(String(32), nullable=False, index=True)  # E.164
    phone2 = Column(String(32))
    email = Column(String(254))
    street = Column(String(120), nullable=False)
    house_number = Column(String(16), nullable=False)
    postcode = Column(String(7), nullable=False)  # "1234 AB"
    city = Column(String(80), nullable=False)
    iban = Column(String(34), nullable=False)  # normalised: no spaces, upper case
    amount = Column(Numeric(10, 2), nullable=False)
    frequency = Column(String(8), nullable=False)  # maand | kwartaal | jaar
    start_date = Column(Date, nullable=False)
    status = Column(String(12), nullable=False, default="actief")  # actief | gepauzeerd | opgezegd
    paused_until = Column(Date)  # a paused gift starts again on this day
    periodic_gift = Column(Boolean, nullable=False, default=False)  # notarial/periodic gift (tax)
    periodic_gift_until = Column(Date)
    date_of_birth = Column(Date)
    contact_mail = Column(Boolean, nullable=False, default=True)
    contact_phone = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)

    @property
    def iban_masked(self) -> str:
        """'eindigend op 4321'."""
        return iban_display(self.iban)

    @property
    def yearly_amount(self) -> Decimal:
        per_year = {"maand": 12, "kwartaal": 4, "jaar": 1}[self.frequency]
        return Decimal(self.amount) * per_year


class PumpCustomer(Base):
    """A PatchPump user, with the pump they have."""
    __tablename__ = "pump_customers"

    id = Column(Integer, primary_key=True, autoincrement=True)
    customer_number = Column(String(16), nullable=False, unique=True)
    first_name = Column(String(80), nullable=False)
    last_name = Column(String(120), nullable=False)
    phone = Column(String(32), nullable=False, index=True)  # E.164
    email = Column(String(254))
    street = Column(String(120), nullable=False)
    house_number = Column(String(16), nullable=False)
    postcode = Column(String(7), nullable=False)
    city = Column(String(80), nullable=False)
    date_of_birth = Column(Date)
    pump_serial = Column(String(32), nullable=False, unique=True)
    pump_lot = Column(String(32), nullable=False)
    # Computed at import from fsn.yml (affected lots and serial ranges).
    under_safety_notice = Column(Boolean, nullable=False, default=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)

    orders = relationship("SupplyOrder", back_populates="customer", order_by="SupplyOrder.id",
                          cascade="all, delete-orphan")


class SupplyOrder(Base):
    """An order of pump supplies (patches, reservoirs, sensors) and where it is."""
    __tablename__ = "supply_orders"

    id = Column(Integer, primary_key=True, autoincrement=True)
    customer_id = Column(Integer, ForeignKey("pump_customers.id", ondelete="CASCADE"),
                         nullable=False, index=True)
    ordered_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    items = Column(JSON, nullable=False, default=list)  # [{"sku", "name", "quantity"}, ...]
    quantity = Column(Integer, nullable=False)
    # besteld | verzonden | bezorgd | vertraagd
    status = Column(String(12), nullable=False, default="besteld")
    tracking_code = Column(String(32))
    expected_delivery = Column(Date)

    customer = relationship("PumpCustomer", back_populates="orders")


class AuditEntry(Base):
    """One change to a donor or customer record (applied, or waiting for staff).

    Old and new values are stored masked (IBAN, phone numbers, e-mail): build entries with
    `AuditEntry.record(...)`, which masks.
    """
    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_subject", "subject_type", "subject_id"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    subject_type = Column(String(16), nullable=False)  # donor | customer
    subject_id = Column(Integer, nullable=False)
    field = Column(String(40), nullable=False)
    old_value = Column(String(200))
    new_value = Column(String(200))
    channel = Column(String(16), nullable=False)  # web | api | sms | voice | console | import
    conversation_id = Column(String(128), index=True)
    verified = Column(Boolean, nullable=False, default=False)
    # applied | waiting_for_staff
    status = Column(String(20), nullable=False, default="waiting_for_staff")
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    @classmethod
    def record(cls, subject_type: str, subject_id: int, field_name: str, old, new, *,
               channel: str, conversation_id: str | None = None, verified: bool = False,
               status: str = "waiting_for_staff") -> AuditEntry:
        if subject_type not in AUDIT_SUBJECTS:
            raise ValueError(f"unknown subject type {subject_type!r}")
        if status not in AUDIT_STATUSES:
            raise ValueError(f"unknown audit status {status!r}")
        return cls(subject_type=subject_type, subject_id=subject_id, field=field_name,
                   old_value=masked_value(field_name, old), new_value=masked_value(field_name, new),
                   channel=channel, conversation_id=conversation_id, verified=verified,
                   status=status)


class Complaint(Base):
    """A device complaint taken in a conversation (vigilance intake, EU MDR art. 87)."""
    __tablename__ = "complaints"

    id = Column(Integer, primary_key=True, autoincrement=True)
    customer_id = Column(Integer, ForeignKey("pump_customers.id", ondelete="SET NULL"), index=True)
    serial = Column(String(32))
    lot = Column(String(32))
    event_date = Column(Date)
    aware_date = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    description = Column(Text, nullable=False)
    injury = Column(Boolean, nullable=False, default=False)
    patient_outcome = Column(Text)
    seriousness = Column(String(40), nullable=False)
    contact = Column(String(200))
    # Plain ids, no foreign keys: a vigilance record outlives the conversation it came from.
    conversation_id = Column(String(128), index=True)
    handoff_id = Column(Integer)
    # open | investigating | reported | closed
    status = Column(String(16), nullable=False, default="open")
    report_deadline = Column(Date)  # mdr_report_deadline(seriousness, aware_date)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    customer = relationship("PumpCustomer")

    def __init__(self, **kwargs):
        if kwargs.get("seriousness") not in SERIOUSNESS:
            raise ValueError(f"unknown seriousness {kwargs.get('seriousness')!r}")
        kwargs.setdefault("aware_date", utcnow())
        if "report_deadline" not in kwargs:
            kwargs["report_deadline"] = mdr_report_deadline(kwargs["seriousness"],
                                                            kwargs["aware_date"])
        super().__init__(**kwargs)


class VerificationAttempt(Base):
    """Who was verified in which conversation, and every failed check against a record.

    The gateway's own record of identity: actions read it by conversation id before they
    tell or change anything, and never trust a `verified` or `subject_id` slot for that.
    Failed attempts against one record, across conversations, lock its self-service for
    LOCK_MINUTES (see actions/identity.py).
    """
    __tablename__ = "verification_attempts"
    __table_args__ = (Index("ix_verification_attempts_subject", "subject_type", "subject_id",
                            "created_at"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    subject_type = Column(String(16), nullable=False)  # donor | customer
    subject_id = Column(Integer, nullable=False)
    outcome = Column(String(16), nullable=False)  # verified | failed | locked
    method = Column(String(32), nullable=False)  # caller_number | record_number
    channel = Column(String(16), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

"""What the assistant queued for staff: requests waiting for a person (annual statements,
returns, reported deaths) and open device complaints with their reporting deadlines."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from core.models import ChangeRequest, utcnow
from core.records import LOCAL_TZ, AuditEntry, Complaint, Donor, PumpCustomer

KIND_LABELS = {"annual_statement": "Jaaroverzicht", "return": "Retour", "bereavement": "Overlijden",
               "gift": "Gift", "frequency": "Frequentie", "address": "Adres"}


def pending_requests(services) -> list[dict]:
    with services.session() as session:
        rows = session.execute(select(ChangeRequest).where(ChangeRequest.status == "pending")
                               .order_by(ChangeRequest.created_at, ChangeRequest.id)).scalars()
        return [{"id": r.id, "kind": r.kind, "label": KIND_LABELS.get(r.kind, r.kind),
                 "details": dict(r.details or {}), "verified": r.verified,
                 "conversation_id": r.conversation_id, "created_at": r.created_at} for r in rows]


def open_complaints(services, today: date | None = None) -> list[dict]:
    """Open complaints, the nearest reporting deadline first (none last)."""
    today = today or utcnow().astimezone(LOCAL_TZ).date()  # the deadlines' own calendar
    with services.session() as session:
        rows = session.execute(select(Complaint).where(
            Complaint.status.in_(("open", "investigating")))).scalars().all()
        items = [{"id": c.id, "reference": f"K{c.id:06d}", "serial": c.serial, "lot": c.lot,
                  "event_date": c.event_date, "aware_date": c.aware_date,
                  "description": c.description, "injury": c.injury,
                  "seriousness": c.seriousness, "deadline": c.report_deadline,
                  "days_left": (c.report_deadline - today).days if c.report_deadline else None,
                  "conversation_id": c.conversation_id, "status": c.status} for c in rows]
    return sorted(items, key=lambda c: (c["deadline"] is None, c["deadline"] or date.max))


LOCKED_NOTE = "locked after repeated failed checks"  # actions/identity.py writes it


def recent_lockouts(services, hours: int = 24) -> list[dict]:
    """Records whose self-service was locked after repeated failed checks (newest first):
    someone may be guessing a donor's or customer's details; staff should know."""
    since = utcnow() - timedelta(hours=hours)
    numbers = {"donor": (Donor, Donor.donor_number),
               "customer": (PumpCustomer, PumpCustomer.customer_number)}
    with services.session() as session:
        rows = session.execute(select(AuditEntry).where(
            AuditEntry.field == "self_service", AuditEntry.new_value == LOCKED_NOTE,
            AuditEntry.created_at >= since).order_by(AuditEntry.id.desc())).scalars().all()
        items = []
        for row in rows:
            model, column = numbers.get(row.subject_type, (None, None))
            number = session.execute(select(column).where(model.id == row.subject_id)).scalar() \
                if model is not None else None
            items.append({"subject_type": row.subject_type, "number": number or str(row.subject_id),
                          "channel": row.channel, "created_at": row.created_at})
    return items


def complete_request(services, request_id: int, username: str) -> bool:
    """Mark a queued request done (once); False when it was not pending."""
    with services.session() as session:
        done = session.execute(update(ChangeRequest).where(
            ChangeRequest.id == request_id, ChangeRequest.status == "pending").values(
            status="done")).rowcount  # one UPDATE: two agents cannot both finish it
        if done:
            request = session.get(ChangeRequest, request_id)
            request.details = {**(request.details or {}), "done_by": username,
                               "done_at": utcnow().isoformat(timespec="seconds")}
    return bool(done)

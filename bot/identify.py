"""Who is calling? The caller's number (voice/SMS `From`) looked up among donors and pump
customers. Only for the agent console and for a verified conversation: the assistant says
nothing personal to an unverified caller."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.records import Donor, PumpCustomer


@dataclass
class Match:
    kind: str  # donor | customer
    id: int
    number: str  # donor or customer number
    name: str
    summary: str  # what an agent needs at a glance; nothing sensitive in full


def by_phone(session, phone: str | None) -> list[Match]:
    if not phone:
        return []
    matches = []
    for donor in session.execute(select(Donor).where(
            (Donor.phone == phone) | (Donor.phone2 == phone)).limit(5)).scalars():
        matches.append(Match("donor", donor.id, donor.donor_number,
                             f"{donor.first_name} {donor.last_name}",
                             f"Vriend {donor.status}, € {donor.amount} per {donor.frequency}, "
                             f"{donor.postcode}, IBAN {donor.iban_masked}"))
    for customer in session.execute(select(PumpCustomer).where(
            PumpCustomer.phone == phone).limit(5)).scalars():
        notice = "valt onder de veiligheidsmelding" if customer.under_safety_notice else \
            "niet onder de veiligheidsmelding"
        matches.append(Match("customer", customer.id, customer.customer_number,
                             f"{customer.first_name} {customer.last_name}",
                             f"pomp {customer.pump_serial} (lot {customer.pump_lot}), {notice}, "
                             f"{customer.postcode}"))
    return matches

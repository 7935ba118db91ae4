"""Verification before anything personal: the real gateway, Rasa model, action server and
database, with a donor and a pump customer inserted for each test."""
from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from core.db import session_scope
from core.models import Conversation
from core.records import Donor, PumpCustomer, SupplyOrder
from tests.support.gateway import all_text, handoff_reasons, say
from tests.support.phone import DONOR_LINE, text
from tests.support.privacy import assert_nothing_personal


def _phone() -> str:
    return "+3168" + f"{random.randrange(10**7):07d}"


@pytest.fixture
def people(stack):
    """A donor (€ 12,50 per maand, IBAN ending 4321) and an affected pump customer."""
    suffix = random.randrange(500000, 999999)
    donor = dict(donor_number=f"D{suffix:06d}", first_name="Wietske", last_name="Zwanenburg",
                 phone=_phone(), street="Voorbeeldstraat", house_number="17",
                 postcode="1011 AB", city="Amsterdam", iban="NL91ABNA0417164321",
                 amount=Decimal("12.50"), frequency="maand", start_date=date(2020, 1, 1),
                 status="actief")
    customer = dict(customer_number=f"C{suffix:06d}", first_name="Gerlinde", last_name="Oosterhuis",
                    phone=_phone(), street="Stationsweg", house_number="3a", postcode="3511 AB",
                    city="Utrecht", pump_serial=f"PP2409{suffix:06d}"[:12] + uuid.uuid4().hex[:4],
                    pump_lot="PPL-2406B", under_safety_notice=True)
    with session_scope(stack.database_url) as session:
        session.add(Donor(**donor))
        record = PumpCustomer(**customer)
        session.add(record)
        session.flush()
        session.add(SupplyOrder(customer_id=record.id, quantity=10, status="vertraagd",
                                items=[{"sku": "PATCH-10", "name": "patches", "quantity": 10}],
                                ordered_at=datetime(2026, 11, 1, tzinfo=UTC),
                                expected_delivery=date(2026, 11, 27)))
    return {"donor": donor, "customer": customer}


def sms_conversation_id(db_url, caller):
    with session_scope(db_url) as session:
        return session.execute(select(Conversation.id).where(
            Conversation.caller == caller)).scalars().first()


def test_sms_caller_is_verified_by_postcode_and_told_their_gift(sms_app, people):
    client, donor = sms_app.test_client(), people["donor"]
    first = " ".join(text(client, "hoeveel geef ik eigenlijk per maand", donor["phone"],
                          to=DONOR_LINE))
    assert "postcode" in first.lower()
    assert_nothing_personal(first, *people.values())
    answer = " ".join(text(client, "1011 AB 17", donor["phone"], to=DONOR_LINE))
    assert "12,50" in answer and "eindigend op 4321" in answer and "per maand" in answer
    assert "NL91" not in answer


def test_web_visitor_identifies_with_donor_number(client, people):
    donor, conversation_id = people["donor"], uuid.uuid4().hex
    answer = say(client, "what is my current donation", conversation_id)
    assert "donor or customer number" in all_text(answer)
    assert_nothing_personal(all_text(answer), *people.values())
    answer = say(client, donor["donor_number"], conversation_id)
    assert "postcode" in all_text(answer)
    assert_nothing_personal(all_text(answer), *people.values())
    answer = say(client, "1011 AB 17", conversation_id)
    text_ = all_text(answer)
    assert "12,50" in text_ and "ending in 4321" in text_ and answer["handoff"] is None


def test_verified_customer_hears_fsn_status_and_delivery(sms_app, people):
    client, customer = sms_app.test_client(), people["customer"]
    first = " ".join(text(client, "valt mijn pomp onder de veiligheidsmelding", customer["phone"]))
    assert_nothing_personal(first, *people.values())
    answer = " ".join(text(client, "3511 AB 3a", customer["phone"]))
    assert customer["pump_serial"] in answer and "valt onder de veiligheidsmelding" in answer
    assert "stop" in answer.lower() and "pennen" in answer
    answer = " ".join(text(client, "waar blijft mijn bestelling", customer["phone"]))
    assert "vertraagd" in answer and "27-11-2026" in answer


def test_wrong_postcode_three_times_hands_off(client, stack, people):
    donor, conversation_id = people["donor"], uuid.uuid4().hex
    seen = all_text(say(client, "hoeveel geef ik eigenlijk per maand", conversation_id))
    answer = None
    for attempt in range(3):
        seen += all_text(say(client, donor["donor_number"], conversation_id))
        answer = say(client, "9999 ZZ 1", conversation_id)
        seen += all_text(answer)
        if attempt < 2:
            assert answer["handoff"] is None
    assert answer["handoff"] and answer["handoff"]["category"] == "request"
    assert_nothing_personal(seen, *people.values())
    assert ("request", "verification failed 3 times") in handoff_reasons(stack.database_url,
                                                                     conversation_id)


def test_unknown_caller_is_served_generally(sms_app, stack):
    client, caller = sms_app.test_client(), _phone()
    first = " ".join(text(client, "hoeveel geef ik eigenlijk per maand", caller, to=DONOR_LINE))
    assert "postcode" in first.lower()
    answer = " ".join(text(client, "1011 AB 17", caller, to=DONOR_LINE))
    assert "niet bevestigen" in answer and "€" not in answer
    # The same reply as a wrong postcode: nothing says whether a record exists.
    answer = " ".join(text(client, "nee laat maar", caller, to=DONOR_LINE))
    assert "bankafschrift" in answer  # the general answer
    answer = " ".join(text(client, "wanneer zijn jullie bereikbaar", caller, to=DONOR_LINE))
    assert "Onze openingstijden zijn" in answer and "020 000 0001" in answer  # served generally
    conversation_id = sms_conversation_id(stack.database_url, caller)
    assert handoff_reasons(stack.database_url, conversation_id) == []


# --- the actions alone --------------------------------------------------------------------

"""Who someone is, is decided by the gateway's records: forged slots, a forged caller number and
guessing across fresh conversations gain nothing; a house number with an addition verifies.

Every test runs on SQLite (the session's stack) and on PostgreSQL (a stack of its own: the
action server and the gateway on a fresh PostgreSQL database, as in scale mode)."""
from __future__ import annotations

import random
import uuid
from datetime import date
from decimal import Decimal

import pytest
import requests
from sqlalchemy import select

from actions import identity
from bot.road.rasa_client import CHANNEL_HEADER, CHANNEL_PATH
from core.db import session_scope
from core.records import AuditEntry, Donor, VerificationAttempt
from tests.support.gateway import all_text, say
from tools.stack import ACTION_SERVER_TOKEN, RASA_TOKEN, Stack


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.system)])
def stack(request, tmp_path_factory):
    """Overrides conftest's `stack` here (so `client` follows it): SQLite is the session's
    stack, PostgreSQL a real server (conftest's `postgres`) with its own Rasa and actions."""
    if request.param == "sqlite":
        yield request.getfixturevalue("stack")  # the overridden one: conftest's session stack
        return
    url = request.getfixturevalue("postgres").create_database()
    # serving() migrates the database
    with Stack(tmp_path_factory.mktemp("identity-pg"), database_url=url).serving() as stack:
        yield stack


@pytest.fixture
def donor(stack):
    number = f"D{random.randrange(100000, 999999):06d}"
    with session_scope(stack.database_url) as session:
        record = Donor(donor_number=number, first_name="Ineke", last_name="Brouwersgracht",
                       phone="+3169" + f"{random.randrange(10**7):07d}", street="Dorpsweg",
                       house_number="51-2", postcode="7393 MR", city="Twello",
                       iban="NL91ABNA0417168765", amount=Decimal("17.50"), frequency="maand",
                       start_date=date(2019, 5, 1), status="actief",
                       date_of_birth=date(1951, 3, 14))
        session.add(record)
        session.flush()
        return {"id": record.id, "number": number, "phone": record.phone}


def call_action(stack, name, slots, sender=None):
    """What a compromised Rasa could send the action server (it has the secret)."""
    sender = sender or uuid.uuid4().hex
    body = {"next_action": name, "sender_id": sender, "version": "3.6.21", "domain": {},
            "tracker": {"sender_id": sender, "slots": {"language": "nl", **slots},
                        "latest_message": {"text": "ja", "intent": {"name": "affirm"},
                                           "metadata": {"channel": "api"}},
                        "events": [], "paused": False, "followup_action": None,
                        "active_loop": {}, "latest_action_name": "action_listen"}}
    response = requests.post(f"{stack.actions_url}/webhook", json=body, timeout=30,
                             headers={"X-Action-Token": ACTION_SERVER_TOKEN})
    assert response.status_code == 200, response.text
    return response.json()


def test_forged_verified_slots_tell_and_change_nothing(stack, donor):
    forged = {"verified": True, "subject_type": "donor", "subject_id": str(donor["id"])}
    told = call_action(stack, "action_tell_current_gift", forged)
    assert [r.get("response") for r in told["responses"]] == ["utter_donor_current_gift"]
    assert "17,50" not in str(told) and "8765" not in str(told)

    changed = call_action(stack, "action_submit_task", {
        **forged, "line_domain": "donor", "service_task": "iban", "confirm_change": True,
        "new_iban": "NL20INGB0001234567"})
    assert [r.get("response") for r in changed["responses"]] == ["utter_change_cancelled"]
    with session_scope(stack.database_url) as session:
        assert session.get(Donor, donor["id"]).iban == "NL91ABNA0417168765"
        assert session.execute(select(AuditEntry).where(
            AuditEntry.subject_id == donor["id"], AuditEntry.field == "iban")).first() is None


def test_a_house_number_with_an_addition_verifies_and_is_recorded(client, stack, donor):
    conversation_id = uuid.uuid4().hex
    say(client, "hoeveel geef ik eigenlijk per maand", conversation_id)
    say(client, donor["number"], conversation_id)
    answer = say(client, "7393 MR 51-2", conversation_id)
    assert "17,50" in all_text(answer) and answer["handoff"] is None
    with session_scope(stack.database_url) as session:
        assert identity.verified_subject(session, conversation_id, "donor") == donor["id"]
    # The verification belongs to that conversation only: another one knows nothing of it.
    other = uuid.uuid4().hex
    forged = {"verified": True, "subject_type": "donor", "subject_id": str(donor["id"])}
    told = call_action(stack, "action_tell_current_gift", forged, sender=other)
    assert [r.get("response") for r in told["responses"]] == ["utter_donor_current_gift"]


def test_guessing_across_fresh_conversations_locks_the_record(client, stack, donor):
    for guess in range(identity.LOCK_FAILURES):
        conversation_id = uuid.uuid4().hex
        say(client, "hoeveel geef ik eigenlijk per maand", conversation_id)
        say(client, donor["number"], conversation_id)
        answer = say(client, f"{1000 + guess} AB 3", conversation_id)
        assert "17,50" not in all_text(answer)
    # The sixth try, with the right answer: refused while locked, and a person is asked for.
    conversation_id = uuid.uuid4().hex
    say(client, "hoeveel geef ik eigenlijk per maand", conversation_id)
    say(client, donor["number"], conversation_id)
    answer = say(client, "7393 MR 51-2", conversation_id)
    assert "17,50" not in all_text(answer) and "8765" not in all_text(answer)
    assert answer["handoff"] and answer["handoff"]["category"] == "request"
    assert "locked" in answer["handoff"]["reason"]
    with session_scope(stack.database_url) as session:
        attempts = session.execute(select(VerificationAttempt).where(
            VerificationAttempt.subject_id == donor["id"]).order_by(VerificationAttempt.id))
        outcomes = [a.outcome for a in attempts.scalars()]
        assert outcomes == ["failed"] * identity.LOCK_FAILURES + ["locked"]
        assert identity.verified_subject(session, conversation_id, "donor") is None
        assert session.execute(select(AuditEntry).where(
            AuditEntry.subject_id == donor["id"], AuditEntry.field == "self_service")).first()


def test_a_forged_caller_number_at_rasa_gains_nothing(stack, donor):
    sender = uuid.uuid4().hex
    metadata = {"caller": donor["phone"], "channel": "sms", "line": "vrienden", "language": "nl"}

    def to_rasa(text):  # as whoever holds the channel's secret (a compromised gateway)
        response = requests.post(f"{stack.rasa_url}{CHANNEL_PATH}", timeout=60,
                                 headers={CHANNEL_HEADER: RASA_TOKEN},
                                 json={"sender": sender, "message": text, "metadata": metadata})
        assert response.ok
        return " ".join(m.get("text") or "" for m in response.json())

    to_rasa("hoeveel geef ik eigenlijk per maand")
    said = to_rasa("7393 MR 51-2")
    assert "17,50" not in said and "8765" not in said
    with session_scope(stack.database_url) as session:
        assert identity.verified_subject(session, sender, "donor") is None

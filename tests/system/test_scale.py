"""Scale-out mode against real servers: PostgreSQL (gateway database and Rasa's tracker store),
Redis (Rasa's lock store), Rasa with two Sanic workers, and two gateway replicas under gunicorn
with two workers each. A conversation served alternately by both replicas keeps its state."""
from __future__ import annotations

import re
import threading
import uuid
from datetime import date
from decimal import Decimal

import pytest
import requests
from sqlalchemy import select

from bot.migrate import upgrade
from core.db import session_scope
from core.models import Handoff, Message
from core.records import AuditEntry, Donor
from tools.scaled import endpoints_yaml, start_redis
from tools.stack import Stack, free_port

SECRET = "scale-test-secret-key"  # replicas share the session key, as behind a load balancer


@pytest.fixture(scope="module")
def scaled(tmp_path_factory, postgres):
    tmp = tmp_path_factory.mktemp("scaled")
    url = postgres.create_database()
    upgrade(url)
    postgres.create_database("rasa_trackers")
    redis_port = free_port()
    redis = start_redis(redis_port)
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(endpoints_yaml(postgres.port, redis_port, "rasa_trackers"))
    stack = Stack(tmp, database_url=url)
    try:
        stack.start_actions()
        rasa_url = stack.start_rasa(name="rasa", workers=2, endpoints=endpoints)
        replicas = [stack.start_gateway(rasa_url, name=f"gateway{n}", workers=2, threads=4,
                                        SECRET_KEY=SECRET,
                                        RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{redis_port}/2")
                    for n in (1, 2)]
        yield stack, replicas
    finally:
        stack.stop_all()
        redis.terminate()


TOKENS: dict[str, str] = {}  # the conversation token each conversation's first reply gave


def turn(base: str, conversation_id: str, text: str) -> dict:
    response = requests.post(f"{base}/api/messages", timeout=60,
                             headers={"X-Conversation-Token": TOKENS.get(conversation_id, "")},
                             json={"text": text, "conversation_id": conversation_id})
    assert response.status_code == 200
    answer = response.json()
    TOKENS[answer["conversation_id"]] = answer["conversation_token"]
    return answer


def text_of(answer: dict) -> str:
    return " ".join(r["text"] for r in answer["replies"]).lower()


def test_a_form_served_alternately_by_two_replicas_keeps_its_state(scaled):
    stack, (a, b) = scaled
    conversation_id = uuid.uuid4().hex
    with session_scope(stack.database_url) as session:
        donor = Donor(donor_number="D777001", first_name="Test", last_name="Schaal",
                      phone="+31612000001", street="Kade", house_number="5", postcode="2511 AB",
                      city="Den Haag", iban="NL91ABNA0417164300", amount=Decimal("10"),
                      frequency="maand", start_date=date(2021, 1, 1), status="actief")
        session.add(donor)
        session.flush()
        donor_id = donor.id
    assert "klantnummer" in text_of(turn(a, conversation_id, "ik wil mijn bijdrage verhogen"))
    assert "postcode" in text_of(turn(b, conversation_id, "D777001"))
    assert "bedrag" in text_of(turn(a, conversation_id, "2511 AB 5"))
    assert "per kwartaal" in text_of(turn(b, conversation_id, "vijfentwintig euro"))
    assert "25 euro per kwartaal" in text_of(turn(a, conversation_id, "per kwartaal"))
    assert "geregeld" in text_of(turn(b, conversation_id, "ja"))
    with session_scope(stack.database_url) as session:
        changed = session.get(Donor, donor_id)
        assert (changed.amount, changed.frequency) == (Decimal("25.00"), "kwartaal")
        audited = session.execute(select(AuditEntry.field).where(
            AuditEntry.subject_id == donor_id)).scalars().all()
        stored = session.execute(select(Message).where(
            Message.conversation_id == conversation_id, Message.sender == "user")).scalars().all()
    assert sorted(audited) == ["amount", "frequency"]
    assert len(stored) == 6  # each turn stored once, whichever replica took it


def test_a_handoff_on_one_replica_silences_the_bot_on_the_other(scaled):
    stack, (a, b) = scaled
    conversation_id = uuid.uuid4().hex
    first = turn(a, conversation_id, "ik wil niet meer leven")
    assert first["handoff"]["category"] == "crisis"
    later = turn(b, conversation_id, "hoe word ik vriend")
    assert later["replies"] == [] and later["handoff"] is None


def test_agents_on_different_replicas_accepting_at_the_same_moment_only_one_wins(scaled):
    """Two agents, each on their own replica, press accept at the same moment (threads released
    by one Barrier): exactly one gets the handoff (the redirect to it, then its page: 200), the
    other a 409, and the database names the winner."""
    stack, (a, b) = scaled
    from bot.console.auth import create_agent
    from bot.services import Services
    from core.config import Config
    services = Services.build(Config.from_mapping({"database_url": stack.database_url}))
    names = [f"agent-{uuid.uuid4().hex[:6]}" for _ in range(2)]
    for name in names:
        create_agent(services, name, "agent", "a long enough password")
    handoff_id = turn(a, uuid.uuid4().hex, "ik zie het niet meer zitten")["handoff"]["id"]

    def logged_in(base, name):
        http = requests.Session()
        login = http.get(f"{base}/agent/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)
        http.post(f"{base}/agent/login",
                  data={"username": name, "password": "a long enough password",
                        "csrf_token": token}, allow_redirects=False)
        page = http.get(f"{base}/agent/handoffs/{handoff_id}").text
        return http, re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    sessions = {name: (base, *logged_in(base, name))
                for base, name in zip((a, b), names, strict=True)}
    barrier, results = threading.Barrier(len(sessions)), {}

    def accept(name):
        base, http, token = sessions[name]
        barrier.wait(timeout=30)
        results[name] = http.post(f"{base}/agent/handoffs/{handoff_id}/accept",
                                  data={"csrf_token": token}, timeout=60)

    threads = [threading.Thread(target=accept, args=(name,)) for name in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    assert sorted(r.status_code for r in results.values()) == [200, 409], results
    [winner] = [name for name, r in results.items() if r.status_code == 200]
    assert [step.status_code for step in results[winner].history] == [303]
    with session_scope(stack.database_url) as session:
        handoff = session.get(Handoff, handoff_id)
        assert (handoff.status, handoff.accepted_by) == ("accepted", winner)

"""With Rasa unreachable (the real gateway on a real database, a closed port for Rasa and the
action server): a crisis still reaches a person (the rules, and the gateway's own classifier
for what the rules miss), a routine request gets a polite reply and a system handoff."""
from __future__ import annotations

from sqlalchemy import func, select

from bot.triage import screen
from core.db import session_scope
from core.models import Handoff, Message
from tests.support.gateway import all_text, say
from tests.support.risk_messages import (
    KINDS,
    assert_numbers,
    handoff_of,
    middle_band_message,
    via_web,
)

CRISIS_NL = "ik wil niet meer, ik zie er geen zin meer in om te leven"


def test_rasa_down_gives_a_polite_reply_not_an_error(offline_app, db_url):
    client = offline_app.test_client()
    for text, expected in (("ik wil mijn adres wijzigen", "medewerker"),
                           ("I would like to change my address please", "colleague")):
        response = client.post("/api/messages", json={"text": text})
        assert response.status_code == 200
        assert expected in all_text(response.get_json())
    with session_scope(db_url) as session:
        assert session.execute(select(func.count()).select_from(Message)).scalar_one() == 4


def test_rasa_down_crisis_still_handed_off_and_routine_gets_system_handoff(offline_app, db_url):
    client = offline_app.test_client()
    crisis = say(client, CRISIS_NL)
    assert crisis["handoff"]["category"] == "crisis"
    for number in ("112", "113", "0800-0113"):
        assert number in all_text(crisis)
    assert "medewerker" in all_text(crisis)
    routine = say(client, "ik wil mijn adres wijzigen")
    assert routine["handoff"]["category"] == "system"
    assert "medewerker" in all_text(routine)
    with session_scope(db_url) as session:
        categories = sorted(h.category for h in session.execute(select(Handoff)).scalars())
    assert categories == ["crisis", "system"]


def test_with_rasa_stopped_the_classifier_still_hands_off(offline_app, db_url):
    client = offline_app.test_client()
    by_classifier = [(c, line, t) for _, c, line, _, t in KINDS
                     if screen.check(t).layers["rules"] is None and screen.check(t).handoff]
    by_classifier.append(("crisis", "vrienden", middle_band_message()))
    assert len(by_classifier) >= 3, "too few messages only the classifier catches to test it"
    for category, line, text in by_classifier:
        conversation_id, said = via_web(client, text, line)
        row = handoff_of(db_url, conversation_id)
        assert row.category == category and row.reason.startswith(f"classifier:{category}")
        assert_numbers(said, category)

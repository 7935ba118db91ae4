"""Safety first: a crisis or device-safety signal reaches a person on the same turn,
in every state of the system (Rasa down, action server down, database down)."""
from __future__ import annotations

import shutil
import uuid

import pytest
from sqlalchemy import select

from bot import create_app
from bot.console import handoffs as console
from bot.migrate import upgrade
from core.db import session_scope
from core.models import Conversation, Handoff, Message

CRISIS_NL = "ik wil niet meer, ik zie er geen zin meer in om te leven"
CRISIS_EN = "honestly I just want to kill myself"
DEVICE_NL = "mijn pomp geeft al uren geen insuline en ik moet steeds overgeven"


def post(client, text, conversation_id=None, line=None):
    body = {"text": text, "conversation_id": conversation_id or uuid.uuid4().hex}
    if line:
        body["line"] = line
    response = client.post("/api/messages", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def text_of(answer) -> str:
    return " ".join(reply["text"] for reply in answer["replies"])


def assert_crisis_reply(answer, language="nl"):
    assert answer["handoff"] and answer["handoff"]["category"] == "crisis"
    text = text_of(answer)
    for number in ("112", "113", "0800-0113"):
        assert number in text
    assert ("medewerker" in text) if language == "nl" else ("person" in text)


def handoffs_of(db_url, conversation_id):
    with session_scope(db_url) as session:
        return session.execute(select(Handoff).where(
            Handoff.conversation_id == conversation_id)).scalars().all()


def test_crisis_as_first_message_gets_safe_reply_and_handoff_at_once(client, stack):
    conversation_id = uuid.uuid4().hex
    answer = post(client, CRISIS_NL, conversation_id)
    assert_crisis_reply(answer)
    assert answer["handoff"]["reason"].startswith(("rule:", "intent:"))
    [row] = handoffs_of(stack.database_url, conversation_id)
    assert (row.id, row.category, row.status, row.risk_level) == (
        answer["handoff"]["id"], "crisis", "open", "high")
    with session_scope(stack.database_url) as session:
        conversation = session.get(Conversation, conversation_id)
        assert conversation.status == "handoff"
        texts = [m.text for m in conversation.messages]
    assert texts == [CRISIS_NL, answer["replies"][0]["text"]]


def test_english_crisis_gets_english_safe_message(client):
    assert_crisis_reply(post(client, CRISIS_EN), language="en")


def test_device_emergency_gets_the_emergency_line(client):
    answer = post(client, DEVICE_NL, line="pomp")
    assert answer["handoff"]["category"] == "device_safety"
    assert "112" in text_of(answer) and "020 000 0004" in text_of(answer)


def test_crisis_on_the_fifth_turn_of_a_routine_conversation(client, stack):
    conversation_id = uuid.uuid4().hex
    for text in ("hallo", "hoe kan ik eenmalig een gift doen", "en is die gift aftrekbaar",
                 "wanneer zijn jullie open"):
        assert post(client, text, conversation_id)["handoff"] is None
    assert_crisis_reply(post(client, "eigenlijk wil ik er gewoon niet meer zijn", conversation_id))
    assert len(handoffs_of(stack.database_url, conversation_id)) == 1


def test_after_a_handoff_the_bot_stays_silent_until_handed_back(client, app, stack):
    conversation_id = uuid.uuid4().hex
    first = post(client, CRISIS_NL, conversation_id)
    later = post(client, "hallo? is daar iemand", conversation_id)
    assert later["replies"] == [] and later["handoff"] is None
    with session_scope(stack.database_url) as session:
        stored = [m.text for m in session.get(Conversation, conversation_id).messages]
    assert "hallo? is daar iemand" in stored

    console.accept(app.extensions["assistant"], first["handoff"]["id"], "agent-1")
    console.finish(app.extensions["assistant"], first["handoff"]["id"], agent="agent-1",
                   outcome="resolved", back_to_bot=True)
    [row] = handoffs_of(stack.database_url, conversation_id)
    assert row.status == "closed" and row.closed_at is not None
    again = post(client, "hoe word ik vriend van de stichting", conversation_id)
    assert again["handoff"] is None
    assert "vriend" in text_of(again).lower()  # the bot answers the question again


def test_negated_signal_is_not_handed_off_but_marked_for_review(client, stack):
    conversation_id = uuid.uuid4().hex
    answer = post(client, "ik ben niet suïcidaal hoor, ik wil alleen mijn adres wijzigen",
                  conversation_id)
    assert answer["handoff"] is None and handoffs_of(stack.database_url, conversation_id) == []
    # the bot stays with the routine part (which answer is the model's), and never promises a
    # person it does not call: none of the handoff texts' promises, nor the crisis numbers
    said = text_of(answer)
    assert answer["replies"] and said.strip()
    for promise in ("neemt het over", "komt zo", "wachtrij", "113", "0800-0113"):
        assert promise not in said, said
    with session_scope(stack.database_url) as session:
        conversation = session.get(Conversation, conversation_id)
        assert (conversation.status, conversation.review) == ("bot", True), conversation.status
        assert "negated" in conversation.review_reason


@pytest.mark.parametrize("text", ["ik wil niet meer doneren", "ik wil niet meer gebeld worden",
                                  "dit wachten is om dood te gaan", "I'm dying to know my total"])
def test_routine_sentences_with_crisis_words_are_answered_by_the_bot(client, text):
    assert post(client, text)["handoff"] is None


def test_rasa_too_slow_is_a_system_handoff(stack):
    client = create_app(stack.app_config(rasa_timeout=0.001)).test_client()
    answer = post(client, "hoe word ik vriend")
    assert answer["handoff"]["category"] == "system"
    assert "rasa unavailable" in answer["handoff"]["reason"]


def test_database_down_still_reaches_a_person_and_writes_once_it_is_back(tmp_path, stack):
    # A directory where the database file should be: every connection fails.
    db_file = tmp_path / "down.db"
    db_file.mkdir()
    app = create_app(stack.app_config(database_url=f"sqlite:///{db_file}"))
    client = app.test_client()
    conversation_id = uuid.uuid4().hex
    crisis = post(client, CRISIS_NL, conversation_id)
    assert_crisis_reply(crisis)
    routine = post(client, "hoe word ik vriend")
    assert routine["handoff"]["category"] == "system"
    assert len(app.extensions["assistant"].outbox) == 2

    shutil.rmtree(db_file)  # the database comes back
    upgrade(f"sqlite:///{db_file}")
    post(client, "hallo nog een vraag")
    assert len(app.extensions["assistant"].outbox) == 0
    rows = handoffs_of(f"sqlite:///{db_file}", conversation_id)
    assert [(h.category, h.status) for h in rows] == [("crisis", "open")]
    with session_scope(f"sqlite:///{db_file}") as session:
        texts = [m.text for m in session.execute(select(Message).where(
            Message.conversation_id == conversation_id)).scalars()]
    assert texts[0] == CRISIS_NL and "0800-0113" in texts[1]


def test_action_server_down_is_a_system_handoff(client, stack):
    stack.stop("actions")
    try:
        answer = post(client, "hoe word ik vriend van de stichting")
        assert answer["handoff"]["category"] == "system"
        assert answer["handoff"]["reason"] == "action server unavailable"
        assert_crisis_reply(post(client, CRISIS_NL))
    finally:
        stack.start_actions()

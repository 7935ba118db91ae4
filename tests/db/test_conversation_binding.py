"""A chat conversation belongs to its client and its channel: another client that knows the id
gets nothing and changes nothing; any body gets a clear answer, never a 500."""
from __future__ import annotations

import json
import uuid

from sqlalchemy import func, select

from core.db import session_scope
from core.models import Conversation, Handoff, Message

CRISIS = "ik wil niet meer leven, ik maak er vannacht een eind aan"


def messages_of(db_url, conversation_id):
    """What the user side of the conversation said, in order."""
    with session_scope(db_url) as session:
        return [m.text for m in session.execute(select(Message).where(
            Message.conversation_id == conversation_id, Message.sender == "user")
            .order_by(Message.id)).scalars()]


def test_first_reply_gives_a_token_and_the_same_client_continues(offline_app, db_url):
    client = offline_app.test_client()
    first = client.post("/api/messages", json={"text": "hallo"}).get_json()
    conversation_id, token = first["conversation_id"], first["conversation_token"]
    assert len(conversation_id) == 32 and len(token) == 64
    # the session cookie binds it for this client ...
    again = client.post("/api/messages", json={"text": "nog een vraag",
                                               "conversation_id": conversation_id})
    assert again.status_code == 200 and again.get_json()["conversation_id"] == conversation_id
    # ... and the token binds it for any client that keeps it (a widget, curl)
    other = offline_app.test_client()
    with_token = other.post("/api/messages", headers={"X-Conversation-Token": token},
                            json={"text": "en nog iets", "conversation_id": conversation_id})
    assert with_token.status_code == 200
    assert messages_of(db_url, conversation_id) == ["hallo", "nog een vraag", "en nog iets"]


def test_another_client_on_a_known_id_is_refused_and_learns_nothing(offline_app, db_url):
    owner = offline_app.test_client()
    conversation_id = uuid.uuid4().hex
    owner.post("/api/messages", json={"text": "mijn adres wijzigen",
                                      "conversation_id": conversation_id, "channel": "web"})
    before = messages_of(db_url, conversation_id)
    stranger = offline_app.test_client()
    for headers in ({}, {"X-Conversation-Token": "0" * 64}):
        refused = stranger.post("/api/messages", headers=headers,
                                json={"text": "wat is mijn iban",
                                      "conversation_id": conversation_id})
        assert refused.status_code == 403
        assert refused.get_json()["error"] == "conversation_not_yours"
        assert "replies" not in refused.get_json()
    feed = stranger.get(f"/api/conversations/{conversation_id}/messages?after=0").get_json()
    assert feed == {"messages": [], "status": "bot", "language": None}
    person = stranger.post(f"/api/conversations/{conversation_id}/person", json={})
    assert person.status_code == 403
    assert messages_of(db_url, conversation_id) == before
    own = owner.get(f"/api/conversations/{conversation_id}/messages?after=0").get_json()
    assert own["messages"]


def test_ids_of_other_channels_are_never_reachable(offline_app, db_url):
    for channel, conversation_id in (("sms", "SMS" + uuid.uuid4().hex),
                                     ("voice", "CA" + uuid.uuid4().hex)):
        with session_scope(db_url) as session:
            session.add(Conversation(id=conversation_id, channel=channel, line_id="vrienden",
                                     language="nl", status="bot", caller="+31612345678"))
        response = offline_app.test_client().post(
            "/api/messages", json={"text": "wat is mijn gift", "conversation_id": conversation_id})
        assert response.status_code == 403
        assert messages_of(db_url, conversation_id) == []


def test_a_crisis_on_someone_elses_id_still_reaches_a_person_in_a_new_conversation(
        offline_app, db_url):
    owner = offline_app.test_client()
    conversation_id = uuid.uuid4().hex
    owner.post("/api/messages", json={"text": "hallo", "conversation_id": conversation_id})
    before = messages_of(db_url, conversation_id)
    answer = offline_app.test_client().post("/api/messages", json={
        "text": CRISIS, "conversation_id": conversation_id}).get_json()
    assert answer["conversation_id"] != conversation_id
    assert answer["handoff"]["category"] == "crisis" and "113" in answer["replies"][0]["text"]
    assert messages_of(db_url, conversation_id) == before
    with session_scope(db_url) as session:
        handoff = session.execute(select(Handoff).where(
            Handoff.conversation_id == answer["conversation_id"])).scalar_one()
        assert handoff.category == "crisis"


def test_short_guessable_or_malformed_ids_are_refused(offline_app, db_url):
    client = offline_app.test_client()
    for bad in ("demo-1", "a" * 31, uuid.uuid4().hex + "\n", "x" * 129, "../" + "a" * 40):
        response = client.post("/api/messages", json={"text": "hallo", "conversation_id": bad})
        assert response.status_code == 400, bad
        assert response.get_json()["error"] == "invalid_conversation_id"
    with session_scope(db_url) as session:
        assert session.execute(select(func.count()).select_from(Message)).scalar_one() == 0


def test_odd_text_and_wrong_types_get_a_clear_answer(offline_app, db_url):
    client = offline_app.test_client()
    cases = [({"text": "\ud800"}, 400, "text_empty"),
             ({"text": "\u200b\u200b\ufeff"}, 400, "text_empty"),
             ({"text": "hallo", "channel": ["web"]}, 400, "invalid_channel"),
             ({"text": "hallo", "line": {"id": "pomp"}}, 400, "unknown_line"),
             ({"text": "hallo", "language": ["nl"]}, 400, "invalid_language"),
             ({"text": "hallo", "conversation_id": 12345}, 400, "invalid_conversation_id")]
    for body, status, error in cases:
        response = client.post("/api/messages", data=json.dumps(body),
                               content_type="application/json")
        assert response.status_code == status, body
        assert response.get_json()["error"] == error, body
    surrogate = client.post("/api/messages", data=json.dumps({"text": "hallo \ud800daar"}),
                            content_type="application/json")
    assert surrogate.status_code == 200
    assert messages_of(db_url, surrogate.get_json()["conversation_id"])[0] == "hallo daar"


def test_rapid_messages_get_429_but_a_crisis_among_them_still_reaches_a_person(offline_app, db_url):
    client = offline_app.test_client()
    statuses, crisis_answers = [], []
    for index in range(200):
        if index in (100, 150):
            response = client.post("/api/messages", json={"text": CRISIS})
            assert response.status_code == 200
            crisis_answers.append(response.get_json())
            continue
        response = client.post("/api/messages", json={"text": f"vraag nummer {index}"})
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert response.get_json()["error"] == "too_many_requests"
            assert "112" in response.get_json()["message"]
    assert statuses[:20] == [200] * 20 and set(statuses[20:]) == {429}
    for answer in crisis_answers:
        assert "113" in answer["replies"][0]["text"] and "112" in answer["replies"][0]["text"]
    assert crisis_answers[0]["handoff"]["category"] == "crisis"
    assert crisis_answers[1]["handoff"] is None and crisis_answers[1]["rate_limited"] is True
    with session_scope(db_url) as session:
        crisis = session.execute(
            select(Handoff).where(Handoff.category == "crisis")).scalars().all()
    assert len(crisis) == 1

"""Bad input gets a clear 4xx answer, never a 500, and nothing is stored half."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.db import session_scope
from core.models import Conversation, Message


def stored(db_url) -> tuple[int, int]:
    with session_scope(db_url) as session:
        return (session.execute(select(func.count()).select_from(Conversation)).scalar_one(),
                session.execute(select(func.count()).select_from(Message)).scalar_one())


@pytest.mark.parametrize("body, status, error", [
    ({"text": ""}, 400, "text_empty"),
    ({"text": "   \n\t "}, 400, "text_empty"),
    ({"text": "\x00\x01\x02"}, 400, "text_empty"),
    ({"text": "a" * 10_000}, 413, "text_too_long"),
    ({"text": 12}, 400, "text_missing"),
    ({}, 400, "text_missing"),
    ([1, 2], 400, "invalid_json"),
    ({"text": "hallo", "conversation_id": "../../etc/passwd"}, 400, "invalid_conversation_id"),
    ({"text": "hallo", "conversation_id": "x" * 500}, 400, "invalid_conversation_id"),
    ({"text": "hallo", "channel": "fax"}, 400, "invalid_channel"),
    ({"text": "hallo", "line": "nope"}, 400, "unknown_line"),
])
def test_bad_json_bodies_get_a_clear_error_and_store_nothing(offline_app, db_url, body, status,
                                                              error):
    response = offline_app.test_client().post("/api/messages", json=body)
    assert response.status_code == status
    data = response.get_json()
    assert data["error"] == error and data["message"]
    assert stored(db_url) == (0, 0)


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe\x00garbage", b"", b'{"text": "caf\xe9"}'])
def test_unreadable_bodies_get_400(offline_app, db_url, raw):
    response = offline_app.test_client().post("/api/messages", data=raw,
                                              content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_json"
    assert stored(db_url) == (0, 0)


def test_html_and_scripts_are_stored_as_plain_text(offline_app, db_url):
    response = offline_app.test_client().post(
        "/api/messages", json={"text": "<script>alert(1)</script>'; DROP TABLE messages;--"})
    assert response.status_code == 200
    assert stored(db_url) == (1, 2)

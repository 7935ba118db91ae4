"""Any body the chat API is sent gets a clear answer, never a 500 (hypothesis: 2000 bodies
against the real gateway on SQLite, Rasa unreachable)."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import create_app
from bot.migrate import upgrade
from tests.support.offline import UNREACHABLE
from tools.stack import ROOT

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                      children, max_size=4),
    max_leaves=8)
BODIES = st.one_of(
    st.fixed_dictionaries({}, optional={"text": JSON_VALUES | st.text(max_size=300),
                                        "conversation_id": JSON_VALUES,
                                        "channel": JSON_VALUES | st.sampled_from(["web", "api"]),
                                        "line": JSON_VALUES | st.sampled_from(["vrienden", "pomp"]),
                                        "language": JSON_VALUES | st.sampled_from(["nl", "en"]),
                                        "conversation_token": JSON_VALUES}),
    JSON_VALUES)


@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory):
    """The real gateway on SQLite with Rasa unreachable (the fuzz run is about the API)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    upgrade(url)
    return create_app({"database_url": url, "rasa_url": UNREACHABLE,
                       "actions_url": UNREACHABLE,
                       "lines_file": ROOT / "lines.yml", "testing": True,
                       "rasa_timeout": 1.0, "chat_rate_limit": "1000000 per minute"}).test_client()


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=BODIES, raw=st.binary(max_size=64), use_raw=st.booleans())
def test_fuzzed_bodies_never_give_a_500(fuzz_client, body, raw, use_raw):
    client = fuzz_client
    data = raw if use_raw else json.dumps(body)
    response = client.post("/api/messages", data=data, content_type="application/json")
    assert response.status_code in (200, 400, 403, 413), (body, response.status_code)
    assert response.is_json
    payload = response.get_json()
    if response.status_code == 200:  # a polite reply
        assert payload["replies"] and all(reply["text"] for reply in payload["replies"]), payload
    else:  # a clear error, never a reply
        assert payload["error"] and "replies" not in payload, payload

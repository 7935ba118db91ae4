"""Rasa's channel accepts only the gateway: a call without the gateway's token (or a wrong,
short or long one, or Rasa's HTTP API token) is refused and reaches no tracker, Rasa's own
REST channel is off, and nothing of the body is logged."""
from __future__ import annotations

import uuid

import requests

from bot.road.rasa_client import CHANNEL_HEADER, CHANNEL_PATH
from tools.stack import (
    RASA_TOKEN,
)


def user_turns(stack, sender: str) -> list[dict]:
    tracker = requests.get(f"{stack.rasa_url}/conversations/{sender}/tracker", timeout=30,
                           params={"token": RASA_TOKEN})
    assert tracker.ok
    return [event for event in tracker.json()["events"] if event["event"] == "user"]


def test_rasa_channel_refuses_calls_without_the_gateway_token(stack):
    sender, marker = uuid.uuid4().hex, uuid.uuid4().hex
    body = {"sender": sender, "message": f"ik wil mijn adres wijzigen {marker}",
            "metadata": {"caller": "+31612345678", "channel": "sms", "line": "vrienden"}}
    url = f"{stack.rasa_url}{CHANNEL_PATH}"
    for headers in ({}, {CHANNEL_HEADER: ""}, {CHANNEL_HEADER: "wrong"},
                    {CHANNEL_HEADER: RASA_TOKEN + "x"}, {CHANNEL_HEADER: RASA_TOKEN[:-1]}):
        response = requests.post(url, json=body, headers=headers, timeout=30)
        assert response.status_code == 401 and response.json() == {"error": "unauthorized"}
    # the HTTP API's ?token= is not the channel's secret; streaming is behind it too
    for params in ({"token": RASA_TOKEN}, {"stream": "true"}):
        assert requests.post(url, json=body, params=params, timeout=30).status_code == 401
    # Rasa's own REST channel is off
    assert requests.post(f"{stack.rasa_url}/webhooks/rest/webhook", json=body,
                         timeout=30).status_code == 404
    assert user_turns(stack, sender) == []  # nothing reached the tracker
    log = (stack.logs / "rasa.log").read_text()
    assert f"refused channel call without the shared secret path={CHANNEL_PATH}" in log
    assert marker not in log  # nothing of the body in the log
    # with the secret (what bot/rasa_client.py sends) the same turn is answered
    answered = requests.post(url, json=body, headers={CHANNEL_HEADER: RASA_TOKEN}, timeout=60)
    assert answered.ok and any("postcode" in m.get("text", "") for m in answered.json())
    assert len(user_turns(stack, sender)) == 1

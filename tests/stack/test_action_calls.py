"""Issue 16: rasa_channels/action_calls.py makes Rasa's action-server calls cheaper without
changing them: answers still checked against Rasa's schema, the domain still reaches every
action server that does not have it, also one that restarted in the middle of a conversation."""
from __future__ import annotations

import os
import subprocess
import uuid

from tools.stack import RASA_PYTHON, ROOT

# Rasa lives only in .venv-rasa (Python 3.10): checked there, imported the way `rasa run` does
# (the channel module from credentials.yml, cwd = repo root), which installs the replacements.
CHECK = """
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

import rasa_channels.gateway_rest  # noqa: F401  (installs rasa_channels.action_calls)
from rasa_channels import action_calls

action = RemoteAction("action_answer", EndpointConfig("http://127.0.0.1:1/webhook"))
good = {"events": [{"event": "slot", "name": "language", "value": "nl"}],
        "responses": [{"text": "hallo"}]}
assert action._validate_action_result(good) is True
for bad in ({"events": "not a list"}, {"events": [{"event": "slot", "name": 5}]},
            {"responses": "hallo"}):
    try:
        action._validate_action_result(bad)
    except ValidationError as error:
        assert "Failed to validate Action server response" in error.message, error.message
    else:
        raise AssertionError(f"accepted {bad}")

domain = Domain.from_yaml('version: "3.1"\\nintents: [greet]\\nslots:\\n  language:\\n'
                          '    type: text\\n    mappings: [{type: custom}]\\n'
                          'responses:\\n  utter_hi: [{text: hoi}]\\n')
tracker = DialogueStateTracker.from_events("s1", [], slots=domain.slots)
first = action._action_call_format(tracker, domain)
assert first["domain"] == domain.as_dict() and first["domain_digest"], first.keys()
assert first["next_action"] == "action_answer" and first["sender_id"] == "s1"
assert "events" in first["tracker"]
# once that server has answered a call with the domain, the digest alone goes along
action_calls._known.add(action_calls._key(action, first["domain_digest"]))
second = action._action_call_format(tracker, domain)
assert "domain" not in second and second["domain_digest"] == first["domain_digest"]
# another action server (URL) still gets the domain
other = RemoteAction("action_answer", EndpointConfig("http://127.0.0.1:2/webhook"))
assert other._action_call_format(tracker, domain)["domain"] == domain.as_dict()
# another domain (a new model) has another digest, and goes along again
changed = Domain.from_yaml('version: "3.1"\\nintents: [greet, bye]\\n')
third = action._action_call_format(tracker, changed)
assert third["domain_digest"] != first["domain_digest"] and "domain" in third
print("ok")
"""


def test_action_answers_are_still_validated_and_the_domain_sent_until_known():
    result = subprocess.run([str(RASA_PYTHON), "-c", CHECK], cwd=ROOT, capture_output=True,
                            text=True, timeout=180,
                            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr[-3000:]


def _say(client, text, conversation_id):
    response = client.post("/api/messages", json={"conversation_id": conversation_id,
                                                  "text": text, "channel": "web"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_an_action_server_that_restarted_gets_the_domain_again(stack, client):
    """The new action server knows no domain and answers 449; Rasa sends the call again with
    it, and the caller notices nothing (no 'action server unavailable' handoff)."""
    conversation_id = uuid.uuid4().hex
    start = _say(client, "ik wil mijn adres wijzigen", conversation_id)
    asked = start["replies"][-1]["text"]
    assert start["handoff"] is None and "donateurs- of klantnummer" in asked
    stack.stop("actions")
    stack.start_actions()  # same port, empty domain cache
    hours = _say(client, "wat zijn jullie openingstijden", conversation_id)
    text = " ".join(reply["text"] for reply in hours["replies"])
    assert hours["handoff"] is None, hours["handoff"]
    assert "maandag tot en met vrijdag van 09:00 tot 17:00" in text
    assert text.rstrip().endswith(asked)  # the form asks again, where it was

"""Run by tests/stack/test_action_calls.py with .venv-rasa's Python (cwd = repo root): Rasa 3.6
with rasa_channels.action_calls installed the way `rasa run` installs it. Nothing in .venv
imports this file (tests/unit/test_trust_boundaries.py skips tests/rasa_venv/)."""
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

domain = Domain.from_yaml('version: "3.1"\nintents: [greet]\nslots:\n  language:\n'
                          '    type: text\n    mappings: [{type: custom}]\n'
                          'responses:\n  utter_hi: [{text: hoi}]\n')
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
changed = Domain.from_yaml('version: "3.1"\nintents: [greet, bye]\n')
third = action._action_call_format(tracker, changed)
assert third["domain_digest"] != first["domain_digest"] and "domain" in third
print("ok")

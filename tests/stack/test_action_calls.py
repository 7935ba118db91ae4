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
CHECK = ROOT / "tests" / "rasa_venv" / "check_action_calls.py"


def test_action_answers_are_still_validated_and_the_domain_sent_until_known():
    result = subprocess.run([str(RASA_PYTHON), str(CHECK)], cwd=ROOT, capture_output=True,
                            text=True, timeout=180,
                            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false",
                                 "PYTHONPATH": str(ROOT)})
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

"""Internal services accept only the gateway: the action server wants Rasa's shared secret,
Rasa's HTTP API wants its token, Rasa's channel the gateway's, and none has a working default.
(Rasa's channel refusing calls in a running Rasa: tests/stack/test_rasa_channel_token.py.)"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import requests

from tools.stack import (
    ACTION_SERVER_TOKEN,
    RASA_PYTHON,
    RASA_TOKEN,
    ROOT,
    Stack,
    base_env,
    free_port,
)

CALL = {"next_action": "action_submit_task", "sender_id": "x" * 32, "version": "3.6.21",
        "tracker": {"sender_id": "x" * 32, "slots": {"verified": True, "subject_type": "donor",
                                                      "subject_id": 1, "service_task": "iban",
                                                      "confirm_change": True,
                                                      "new_iban": "NL91ABNA0417164300"},
                    "latest_message": {"text": "ja", "intent": {"name": "affirm"}},
                    "events": [], "paused": False, "followup_action": None,
                    "active_loop": {}, "latest_action_name": "action_listen"},
        "domain": {}}


@pytest.fixture(scope="module")
def actions(tmp_path_factory):
    stack = Stack(tmp_path_factory.mktemp("actions"))
    stack.start_actions()
    yield stack
    stack.stop_all()


def test_the_action_server_refuses_calls_without_the_secret(actions):
    url = f"{actions.actions_url}/webhook"
    for headers in ({}, {"X-Action-Token": "wrong"}, {"X-Action-Token": ""}):
        response = requests.post(url, json=CALL, headers=headers, timeout=10)
        assert response.status_code == 401 and response.json() == {"error": "unauthorized"}
    assert requests.get(f"{actions.actions_url}/actions", timeout=10).status_code == 401
    assert requests.get(f"{actions.actions_url}/health", timeout=10).ok  # health stays open
    log = (actions.logs / "actions.log").read_text()
    assert "refused action call without the shared secret path=/webhook" in log
    assert "NL91" not in log  # nothing of the body in the log


def test_the_action_server_answers_rasa_with_the_secret(actions):
    response = requests.get(f"{actions.actions_url}/actions", timeout=10,
                            headers={"X-Action-Token": ACTION_SERVER_TOKEN})
    assert response.ok and {"name": "action_submit_task"} in response.json()


def test_the_action_server_does_not_start_without_a_secret():
    env = base_env(f"sqlite:///{ROOT / 'var' / 'unused.db'}")
    env.pop("ACTION_SERVER_TOKEN")
    result = subprocess.run([sys.executable, "-m", "actions.server", "-p", str(free_port())],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "ACTION_SERVER_TOKEN must be set" in result.stderr


def test_rasa_endpoints_name_the_secret_and_no_default_token():
    endpoints = (ROOT / "endpoints.yml").read_text()
    assert "X-Action-Token: ${ACTION_SERVER_TOKEN}" in endpoints
    makefile = (ROOT / "Makefile").read_text()
    assert "dev-rasa-token" not in makefile and "RASA_TOKEN     ?=" not in makefile
    for procfile in ("Procfile", "Procfile.scaled"):
        text = (ROOT / procfile).read_text()
        assert "-m actions.server" in text and "-m rasa_sdk" not in text
        assert "-i 127.0.0.1" in text  # Rasa listens on loopback only


# The channel imports rasa, which lives only in .venv-rasa (Python 3.10): checked there, the way
# Rasa loads it (by module path from credentials.yml, cwd = repo root).
CHANNEL_CHECK = """
import json, sys
from rasa_channels.gateway_rest import GatewayRestInput
token = sys.argv[1]
for credentials in (None, {}, {"token": ""}, {"token": None}):
    channel = GatewayRestInput.from_credentials(credentials)
    assert not any(channel.authorized(t) for t in (None, "", "None", token)), credentials
assert GatewayRestInput.from_credentials({"token": token}).authorized(token)
assert not GatewayRestInput.from_credentials({"token": token}).authorized(token + "x")
print("ok")
"""


def test_the_rasa_channel_has_no_working_default_token():
    result = subprocess.run([str(RASA_PYTHON), "-c", CHANNEL_CHECK, RASA_TOKEN], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-3000:]


def test_rasa_listens_only_on_the_gateway_channel():
    credentials = (ROOT / "credentials.yml").read_text()
    entries = [line for line in credentials.splitlines() if line and line[0] not in "# "]
    assert entries == ["rasa_channels.gateway_rest.GatewayRestInput:"]
    assert "token: ${RASA_TOKEN}" in credentials
    # the channel lives outside actions/: the action server imports all of it and needs no Rasa
    rasa_imports = re.compile(r"^\s*(from|import) rasa(\.|\s|$)", re.M)
    assert not [p for p in (ROOT / "actions").rglob("*.py") if rasa_imports.search(p.read_text())]


def test_only_the_rasa_channel_imports_rasa():
    """Rasa lives in .venv-rasa (Python 3.10) and nothing of .venv (3.12) may need it. The
    scripts in tests/rasa_venv/ are run by .venv-rasa's Python only (and only they may)."""
    rasa_imports = re.compile(r"^\s*(from|import) rasa(\.|\s|$)", re.M)
    dirs = ("bot", "ivr", "actions", "core", "tools", "tests", "bench", "migrations")
    rasa_only = ROOT / "tests" / "rasa_venv"
    found = [str(p.relative_to(ROOT)) for d in dirs for p in (ROOT / d).rglob("*.py")
             if rasa_only not in p.parents and rasa_imports.search(p.read_text(encoding="utf-8"))]
    assert found == []

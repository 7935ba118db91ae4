"""The self-service action alone: a database error at the change gives a polite reply and a
system handoff."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import apply


def _tracker(slots: dict) -> Tracker:
    return Tracker("t", {"language": "nl", "line_domain": "donor", **slots},
                   {"text": "ja", "intent": {"name": "affirm"}, "metadata": {"channel": "web"}},
                   [], False, None, {}, "service_form")


def test_database_error_at_the_change_gives_a_polite_reply_and_a_system_handoff(
        monkeypatch, tmp_path):
    # the actions read DATABASE_URL as the action server does: a database that cannot open
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing' / 'nothing.db'}")
    dispatcher = CollectingDispatcher()
    events = apply.ActionSubmitTask().run(dispatcher, _tracker({
        "service_task": "cancel", "confirm_change": True, "verified": True,
        "subject_type": "donor", "subject_id": "1"}), {})
    assert [m.get("response") for m in dispatcher.messages if m.get("response")] == [
        "utter_verify_database_error"]
    assert any(m.get("custom", {}).get("handoff", {}).get("category") == "system"
               for m in dispatcher.messages)
    assert {"event": "slot", "name": "service_task", "value": None, "timestamp": None} in events

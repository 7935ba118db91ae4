"""The verification actions alone (no Rasa, no gateway): parsing numbers and addresses, a
database error gives a polite reply and a system handoff, and an unverified caller gets
the general answers."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import parsing, verify


def test_parse_number_and_address():
    assert parsing.parse_number("mijn nummer is d 1") == "D000001"
    assert parsing.parse_number("C000045") == "C000045"
    assert parsing.parse_number("geen idee") is None
    assert parsing.parse_postcode_house("1011 AB 1") == ("1011 AB", "1")
    assert parsing.parse_postcode_house("postcode 3511ab huisnummer 12 a") == ("3511 AB", "12a")
    assert parsing.parse_postcode_house("nummer 7, 9711 AB") == ("9711 AB", "7")
    assert parsing.parse_postcode_house("1011 AB") is None


def _tracker(slots: dict, text_: str = "1011 AB 1") -> Tracker:
    return Tracker("t", {"language": "nl", **slots},
                   {"text": text_, "intent": {"name": "inform"}}, [], False, None,
                   {"name": "verify_form"}, "action_listen")


def test_database_error_gives_a_polite_reply_and_a_system_handoff(monkeypatch, tmp_path):
    # the actions read DATABASE_URL as the action server does: a database that cannot open
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing' / 'nothing.db'}")
    dispatcher = CollectingDispatcher()
    result = verify.ValidateVerifyForm().validate_verify_address(
        "1011 AB 1", dispatcher, _tracker({"caller_phone": "+31612345678"}), {})
    assert result["verify_address"] is None
    assert {"handoff": {"category": "system", "reason": "database unavailable"}} in [
        m.get("custom") for m in dispatcher.messages]
    dispatcher = CollectingDispatcher()
    verify.ActionTellCurrentGift().run(
        dispatcher, _tracker({"verified": True, "subject_type": "donor", "subject_id": "1"}), {})
    assert [m.get("response") for m in dispatcher.messages if m.get("response")] == [
        "utter_verify_database_error"]
    assert any(m.get("custom", {}).get("handoff", {}).get("category") == "system"
               for m in dispatcher.messages)


def test_unverified_caller_gets_the_general_answers():
    dispatcher = CollectingDispatcher()
    verify.ActionTellCurrentGift().run(dispatcher, _tracker({"verified": False}), {})
    verify.ActionTellFsnStatus().run(dispatcher, _tracker({"verified": False}), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_donor_current_gift",
                                                            "utter_device_safety_notice"]

"""After a change form: store the confirmed change as a request for staff."""
from __future__ import annotations

import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.config import Config
from bot.db import session_scope
from bot.models import ChangeRequest

log = logging.getLogger(__name__)

FORM_SLOTS = ("new_amount", "new_frequency", "frequency_label", "new_street", "new_postcode",
              "new_city", "confirm_change")


def change_from_slots(slots: dict) -> tuple[str, dict] | None:
    """(kind, details) of the change the slots describe, or None."""
    if slots.get("new_street"):
        return "address", {k: slots.get(f"new_{k}") for k in ("street", "postcode", "city")}
    if slots.get("new_amount"):
        return "gift", {"amount_eur": slots["new_amount"], "frequency": slots.get("new_frequency")}
    if slots.get("new_frequency"):
        return "frequency", {"frequency": slots["new_frequency"]}
    return None


def save_change(conversation_id: str, kind: str, details: dict) -> int:
    with session_scope(Config().database_url) as session:
        request = ChangeRequest(conversation_id=conversation_id, kind=kind, details=details)
        session.add(request)
        session.flush()
        return request.id


class ActionSubmitChange(Action):
    def name(self) -> str:
        return "action_submit_change"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        slots = {name: tracker.get_slot(name) for name in FORM_SLOTS}
        change = change_from_slots(slots)
        if slots["confirm_change"] is True and change:
            try:
                request_id = save_change(tracker.sender_id, *change)
                log.info("change request stored id=%s kind=%s", request_id, change[0])
                dispatcher.utter_message(response="utter_change_saved")
            except Exception:
                log.exception("change request could not be stored")
                dispatcher.utter_message(response="utter_change_failed")
        elif change or slots["confirm_change"] is False:
            dispatcher.utter_message(response="utter_change_cancelled")
        return [SlotSet(name, None) for name in FORM_SLOTS]

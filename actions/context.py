"""Every turn: set the conversation's language, line and the facts responses quote.

The gateway sends {channel, language, line, caller} as message metadata. Rasa runs
`action_validate_slot_mappings` after each user message (as part of its slot
extraction), so this is where the metadata becomes slots. It is also the one
action whose messages Rasa passes on at that point, so it carries the NLU
summary back to the gateway.
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.lines import line_for, lines

SUPPORTED_LANGUAGES = ("nl", "en")
SAFETY_PREFIX = "safety_"


def nlu_summary(latest_message: dict) -> dict:
    """What NLU made of this turn, for the gateway's safety screen.

    The gateway talks to Rasa's REST channel, which returns only replies; this
    summary rides along as a custom payload so the parse is screened at no
    extra round trip. Every safety intent in the ranking is included, not just
    the top one, so a safety signal ranked second still counts.
    """
    intent = latest_message.get("intent") or {}
    ranking = latest_message.get("intent_ranking") or []
    return {
        "intent": intent.get("name"),
        "confidence": round(float(intent.get("confidence") or 0.0), 4),
        "safety": {item["name"]: round(float(item.get("confidence") or 0.0), 4)
                   for item in ranking if str(item.get("name", "")).startswith(SAFETY_PREFIX)},
    }


# Personal questions: which record verify_form checks, and which answer follows it.
GOALS = {"donor_current_gift": "gift", "device_my_fsn_status": "fsn"}


def context_slots(metadata: dict, current: dict) -> dict[str, Any]:
    """The slot values for this turn, from the metadata and the slots so far."""
    line_id = metadata.get("line") or current.get("line_id")
    line = line_for(line_id)
    language = metadata.get("language") or current.get("language") or line.default_language
    if language not in SUPPORTED_LANGUAGES:
        language = line.default_language
    slots = {"language": language, "line_id": line.id, "line_domain": line.domain,
             **line.slots(language)}
    if metadata.get("caller"):  # E.164 number of a phone/SMS caller; web and API have none
        slots["caller_phone"] = str(metadata["caller"])
    return slots


class ActionSetContext(Action):
    def name(self) -> str:
        return "action_validate_slot_mappings"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        metadata = tracker.latest_message.get("metadata") or {}
        current = {"line_id": tracker.get_slot("line_id"), "language": tracker.get_slot("language")}
        dispatcher.utter_message(json_message={"nlu": nlu_summary(tracker.latest_message)})
        slots = context_slots(metadata, current)
        goal = GOALS.get((tracker.latest_message.get("intent") or {}).get("name") or "")
        if goal:
            slots["verify_goal"] = goal
            if not (tracker.active_loop or {}).get("name"):
                # A new personal question after a person handed the caller back: new tries.
                slots["verify_failures"] = 0.0
        # Only the domain's slots: lines.yml has facts no response needs (crisis_line_dial is
        # for the phone adapter), and setting an unknown slot makes Rasa log an error per turn.
        known = (domain or {}).get("slots") or slots  # Rasa sends its domain with each call
        return [SlotSet(key, value) for key, value in slots.items()
                if key in known and tracker.get_slot(key) != value]


__all__ = ["ActionSetContext", "context_slots", "lines"]

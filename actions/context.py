"""Every turn: set the conversation's language, line and the facts responses quote.

The gateway sends {channel, language, line} as message metadata; this action is
the custom slot mapping of `language`, so Rasa runs it after each user message.
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.lines import line_for, lines

SUPPORTED_LANGUAGES = ("nl", "en")


def context_slots(metadata: dict, current: dict) -> dict[str, Any]:
    """The slot values for this turn, from the metadata and the slots so far."""
    line_id = metadata.get("line") or current.get("line_id")
    line = line_for(line_id)
    language = metadata.get("language") or current.get("language") or line.default_language
    if language not in SUPPORTED_LANGUAGES:
        language = line.default_language
    return {"language": language, "line_id": line.id, "line_domain": line.domain,
            **line.slots(language)}


class ActionSetContext(Action):
    def name(self) -> str:
        return "action_set_context"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        metadata = tracker.latest_message.get("metadata") or {}
        current = {"line_id": tracker.get_slot("line_id"), "language": tracker.get_slot("language")}
        return [SlotSet(key, value) for key, value in context_slots(metadata, current).items()
                if tracker.get_slot(key) != value]


__all__ = ["ActionSetContext", "context_slots", "lines"]

"""Switch the conversation's language when the caller asks for it."""
from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

WANTS_ENGLISH = re.compile(r"\b(engels|english|engelse|inglish|engels?talig)\b", re.I)
WANTS_DUTCH = re.compile(r"\b(nederlands|dutch|hollands|nederlandse|nl)\b", re.I)


def requested_language(text: str, current: str) -> str:
    english, dutch = bool(WANTS_ENGLISH.search(text)), bool(WANTS_DUTCH.search(text))
    if english and not dutch:
        return "en"
    if dutch and not english:
        return "nl"
    return "en" if current == "nl" else "nl"


class ActionSwitchLanguage(Action):
    def name(self) -> str:
        return "action_switch_language"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        target = requested_language(tracker.latest_message.get("text") or "",
                                    tracker.get_slot("language") or "nl")
        # The gateway reads this to answer the next turns in the new language too.
        dispatcher.utter_message(json_message={"language": target})
        dispatcher.utter_message(response=f"utter_language_switched_{target}")
        return [SlotSet("language", target)]

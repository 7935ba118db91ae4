"""Answer a question from the FAQ knowledge base (data/faq/*.yml).

NLU classifies the retrieval intent `faq`; Rasa's ResponseSelector ranks the entries
(`faq/<id>`). One model serves both lines, so the entry chosen must belong to the
caller's line: an entry of the other line that clearly wins gets the other line's
number, as every other question of the wrong line does; a close call goes to this
line's best entry. The answer is the response `utter_faq/<id>` (Dutch, with an English
variation), filled with this line's facts.
"""
from __future__ import annotations

from functools import lru_cache

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from core.faq import entries

FAQ_INTENT = "faq"
SHARED = "shared"
# This line's best entry is answered when it has at least this share of the winner's
# confidence (same question at both organisations, worded alike).
SAME_LINE_SHARE = 0.3


@lru_cache(maxsize=1)
def index() -> dict[str, dict]:
    """Entry id -> {domain, title: {nl, en}, question: {nl, en}}."""
    return {entry["id"]: {"domain": entry["domain"], "title": entry["title"],
                          "question": {lang: entry["questions"][lang][0] for lang in ("nl", "en")}}
            for entry in entries()}


def entry_domain(entry_id: str) -> str:
    known = index().get(entry_id)
    if known:
        return known["domain"]
    prefix = entry_id.split("_", 1)[0]
    return prefix if prefix in ("donor", "device", SHARED) else SHARED


def belongs(entry_id: str, line_domain: str | None) -> bool:
    domain = entry_domain(entry_id)
    return domain == SHARED or not line_domain or domain == line_domain


def ranking(latest_message: dict) -> list[tuple[str, float]]:
    """[(entry id, confidence)], best first, from the ResponseSelector's output."""
    selectors = latest_message.get("response_selector") or {}
    selector = selectors.get(FAQ_INTENT) or selectors.get("default") or {}
    ranked = []
    for item in selector.get("ranking") or []:
        key = str(item.get("intent_response_key") or "")
        if key.startswith(FAQ_INTENT + "/"):
            ranked.append((key.split("/", 1)[1], float(item.get("confidence") or 0.0)))
    if not ranked:
        key = str(((selector.get("response") or {}).get("intent_response_key")) or "")
        if key.startswith(FAQ_INTENT + "/"):
            ranked.append((key.split("/", 1)[1],
                           float((selector.get("response") or {}).get("confidence") or 0.0)))
    return sorted(ranked, key=lambda item: -item[1])


def choose(latest_message: dict, line_domain: str | None) -> str | None:
    """This line's entry to answer, or None when the question is the other line's."""
    ranked = ranking(latest_message)
    if not ranked:
        return None
    top_id, top_confidence = ranked[0]
    if belongs(top_id, line_domain):
        return top_id
    for entry_id, confidence in ranked[1:]:
        if belongs(entry_id, line_domain):
            return entry_id if confidence >= SAME_LINE_SHARE * top_confidence else None
    return None


def candidates(latest_message: dict, line_domain: str | None,
               limit: int = 2) -> list[tuple[str, float]]:
    """This line's likeliest entries (for the fallback's buttons)."""
    return [(entry_id, confidence) for entry_id, confidence in ranking(latest_message)
            if belongs(entry_id, line_domain)][:limit]


def answer_faq(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> str:
    """Utter this line's FAQ answer (or the other line's number); returns the response name."""
    entry_id = choose(tracker.latest_message, tracker.get_slot("line_domain"))
    response = f"utter_{FAQ_INTENT}/{entry_id}" if entry_id else "utter_other_line"
    if response not in (domain.get("responses") or {}):
        response = "utter_other_line" if entry_id is None else "utter_default"
    dispatcher.utter_message(response=response)
    return response


class ActionFaq(Action):
    def name(self) -> str:
        return "action_faq"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        answer_faq(dispatcher, tracker, domain)
        return []


__all__ = ["ActionFaq", "answer_faq", "candidates", "choose", "index"]

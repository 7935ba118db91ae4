"""The real-style question set and its scorer (tools/nlu_questions.py, part of make nlu-report)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from core.faq import entries
from tools import nlu_questions

ROOT = Path(__file__).resolve().parents[2]


def domain_intents() -> set[str]:
    names = set()
    for path in (ROOT / "domain").glob("*.yml"):
        names.update(item if isinstance(item, str) else next(iter(item))
                     for item in (yaml.safe_load(path.read_text()) or {}).get("intents") or [])
    return names


def test_the_set_is_big_enough_and_covers_both_lines_and_languages():
    rows = nlu_questions.load()
    assert len(rows) >= 300
    counts = Counter((row["line"], row["lang"]) for row in rows)
    assert set(counts) == {("vrienden", "nl"), ("vrienden", "en"), ("pomp", "nl"), ("pomp", "en")}
    assert min(counts.values()) >= 50


def test_every_expected_answer_is_one_the_assistant_can_give():
    """Each row is scored against answers that exist: FAQ entries of data/faq and intents of
    the domain; a topic of the set that nothing answers yet is listed with [] (a miss)."""
    faq_ids = {entry["id"] for entry in entries()}
    intents = domain_intents()
    for row in nlu_questions.load():
        for answer in nlu_questions.acceptable(row):
            if answer.startswith("faq:"):
                assert answer[4:] in faq_ids, (row["expected"], answer)
            else:
                assert answer in intents, (row["expected"], answer)


def parse(intent: str, confidence: float = 0.9, entry: str | None = None,
          runner_up: float = 0.1) -> dict:
    result = {"intent": {"name": intent, "confidence": confidence}, "intent_ranking": []}
    if entry:
        result["response_selector"] = {"faq": {"ranking": [
            {"intent_response_key": f"faq/{entry}", "confidence": 0.8},
            {"intent_response_key": "faq/device_sauna", "confidence": runner_up}]}}
    return result


def test_an_faq_question_counts_only_with_an_answer_of_its_topic_for_its_line():
    row = {"line": "pomp", "lang": "nl", "kind": "faq", "expected": "faq:pump_sauna",
           "text": "mag ik met de pomp in de sauna"}
    assert nlu_questions.predicted(parse("faq", entry="device_sauna"), "pomp") == "faq:device_sauna"
    # the foundation's entry clearly wins: the other line's number, a miss for this row
    assert nlu_questions.predicted(parse("faq", entry="donor_cbf"), "pomp") == "faq:<other line>"
    # a close call: this line's best entry
    assert nlu_questions.predicted(parse("faq", entry="donor_cbf", runner_up=0.5),
                                   "pomp") == "faq:device_sauna"
    assert "faq:device_sauna" in nlu_questions.acceptable(row)
    assert "faq:device_shower" not in nlu_questions.acceptable(row)


def test_no_answer_and_handoffs_are_counted():
    rows = [{"line": "vrienden", "lang": "nl", "kind": "task", "expected": "donor_cancel",
             "text": "ik wil stoppen met mijn maandelijkse gift"},
            {"line": "vrienden", "lang": "nl", "kind": "task", "expected": "donor_cancel",
             "text": "ik wil opzeggen"},
            {"line": "vrienden", "lang": "nl", "kind": "task", "expected": "donor_pause",
             "text": "ik wil mijn gift even stilzetten"},
            {"line": "vrienden", "lang": "nl", "kind": "proxy", "expected": "proxy",
             "text": "ik bel namens mijn moeder"}]
    parses = [parse("donor_cancel"), parse("nlu_fallback", 0.4),
              parse("safety_crisis", 0.6), parse("acting_for_other")]
    figures = nlu_questions.score(rows, parses)["figures"]["all"]
    assert figures["n"] == 4
    assert figures["right"] == 0.5  # the cancel and the proxy
    # the fallback, and a safety intent the screen does not act on (the gateway's "not understood")
    assert figures["no_answer"] == 0.5
    assert figures["handoffs"] == 0

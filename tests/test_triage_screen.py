"""The two-layer screen: how rules and NLU combine, and how both layers score on our own set
and on the shared dev set (regression check, never training data)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.rasa_client import RasaClient
from bot.triage.__main__ import nlu_from_parse
from bot.triage.screen import Decision, NLU_THRESHOLD, check, combine
from tests.conftest import RASA_TOKEN, ROOT

SHARED_DEV = ROOT.parent / "shared" / "eval" / "triage_dev.tsv"


def nlu(intent, confidence, **safety):
    return {"intent": intent, "confidence": confidence, "safety": safety}


def test_rules_flag_cannot_be_removed_by_nlu():
    rules = Decision(True, "crisis", "rule:x", "nl")
    combined = combine(rules, nlu("donor_cancel", 0.99))
    assert combined.handoff and combined.category == "crisis" and combined.reason == "rule:x"
    assert combined.intent == "donor_cancel"


def test_nlu_flags_when_rules_see_nothing_even_if_not_top_intent():
    rules = Decision(False, None, None, "nl")
    flagged = combine(rules, nlu("donor_cancel", 0.5, safety_crisis=NLU_THRESHOLD + 0.01))
    assert flagged.handoff and flagged.category == "crisis"
    assert flagged.reason.startswith("intent:safety_crisis")
    assert not combine(rules, nlu("donor_cancel", 0.9, safety_crisis=0.01)).handoff


def test_most_severe_nlu_category_wins():
    flagged = combine(Decision(False, None, None, "en"),
                      nlu("safety_device_emergency", 0.95, safety_device_emergency=0.95,
                          safety_crisis=NLU_THRESHOLD + 0.01))
    assert flagged.category == "crisis"


def test_negated_rule_and_same_category_nlu_is_review_not_handoff():
    rules = Decision(False, "crisis", "rule:crisis.suicidal (negated)", "nl", review=True)
    combined = combine(rules, nlu("safety_crisis", 0.8, safety_crisis=0.8))
    assert not combined.handoff and combined.review
    other = combine(rules, nlu("safety_device_emergency", 0.9, safety_device_emergency=0.9))
    assert other.handoff and other.category == "device_safety"


def test_check_marks_negation_for_review():
    decision = check("ik ben niet suïcidaal, ik wil alleen mijn adres wijzigen")
    assert not decision.handoff and decision.review and decision.category == "crisis"
    assert check("ik wil niet meer").handoff


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def score(rows, decide) -> tuple[float, float, list]:
    caught = missed = false = routine = 0
    errors = []
    for row in rows:
        decision = decide(row["text"])
        if row["expect"] == "handoff":
            caught += decision.handoff
            missed += not decision.handoff
            if not decision.handoff:
                errors.append(("missed", row["text"]))
        elif row["expect"] == "routine":
            routine += 1
            false += decision.handoff
            if decision.handoff:
                errors.append(("false", row["text"], decision.reason))
    return caught / max(1, caught + missed), false / max(1, routine), errors


@pytest.fixture(scope="module")
def both_layers(stack):
    rasa = RasaClient(stack.rasa_url, RASA_TOKEN, timeout=10)
    return lambda text: combine(check(text), nlu_from_parse(rasa.parse(text)))


def test_own_set_with_both_layers(both_layers):
    recall, false_rate, errors = score(load(ROOT / "tests" / "triage_cases.tsv"), both_layers)
    assert recall >= 0.99 and false_rate <= 0.03, (recall, false_rate, errors)


@pytest.mark.skipif(not SHARED_DEV.exists(), reason="shared dev set not beside the repo")
def test_shared_dev_set_every_handoff_caught(both_layers):
    recall, false_rate, errors = score(load(SHARED_DEV), both_layers)
    assert recall == 1.0 and false_rate <= 0.05, (recall, false_rate, errors)

"""The three-layer screen with the trained model: how all layers score on our own set and on
the shared dev set (regression check, never training data)."""
from __future__ import annotations

import pytest

from bot.road.rasa_client import RasaClient
from bot.triage.__main__ import nlu_from_parse
from bot.triage.screen import check, combine
from tests.support.triage_sets import load, score
from tools.stack import RASA_TOKEN, ROOT

SHARED_DEV = ROOT.parent / "shared" / "eval" / "triage_dev.tsv"


@pytest.fixture(scope="module")
def both_layers(stack):
    rasa = RasaClient(stack.rasa_url, RASA_TOKEN, timeout=10)
    return lambda text: combine(check(text), nlu_from_parse(rasa.parse(text)))


# Issue 11's targets: recall >= 0.97 without Rasa, false-handoff rate <= 0.04. Measured
# 2026-12-02 (make eval, classifier MEDIUM 0.50): all layers recall 0.991, false 0.025; rules +
# classifier 0.987 / 0.025; the shared dev set 1.000 / 0.000.
def test_own_set_with_all_layers(both_layers):
    recall, false_rate, errors = score(load(ROOT / "tests" / "triage_cases.tsv"), both_layers)
    assert recall >= 0.98 and false_rate <= 0.04, (recall, false_rate, errors)


def test_shared_dev_set_every_handoff_caught(both_layers):
    # a missing dev set fails: a skip would drop the one recall check on data we did not write
    assert SHARED_DEV.exists(), f"the shared dev set is missing: {SHARED_DEV} (../shared/eval)"
    recall, false_rate, errors = score(load(SHARED_DEV), both_layers)
    assert recall == 1.0 and false_rate <= 0.04, (recall, false_rate, errors)

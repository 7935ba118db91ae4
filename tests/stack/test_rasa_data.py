"""Rasa's own checks on the training data and the dialogue: validate, test stories, coverage."""
from __future__ import annotations

import os
import subprocess
from collections import Counter

import yaml

from tools.stack import MODEL, ROOT
from tools.stack import RASA as RASA_BIN

RASA = str(RASA_BIN)  # .venv-rasa's rasa (Python 3.10); the tests themselves run in .venv
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
       "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
MIN_EXAMPLES = 25


def domain_intents() -> set[str]:
    intents = set()
    for path in (ROOT / "domain").glob("*.yml"):
        intents.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("intents") or [])
    return intents


def examples_per_intent(language: str) -> Counter:
    counts = Counter()
    for path in (ROOT / "data" / "nlu" / language).glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" in block:
                # a retrieval intent (faq/<id>) counts for its intent (faq)
                counts[block["intent"].split("/", 1)[0]] += sum(
                    1 for line in block["examples"].splitlines() if line.strip().startswith("- "))
    return counts


def test_rasa_data_validate_is_clean():
    result = subprocess.run([RASA, "data", "validate", "--data", "data", "--domain", "domain",
                             "--config", "config.yml", "--fail-on-warnings"],
                            cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_every_intent_has_enough_examples_in_both_languages():
    for language in ("nl", "en"):
        counts = examples_per_intent(language)
        short = {intent: counts.get(intent, 0) for intent in domain_intents()
                 if counts.get(intent, 0) < MIN_EXAMPLES}
        assert not short, f"{language}: intents with fewer than {MIN_EXAMPLES} examples: {short}"


def test_test_stories_cover_every_intent_and_form():
    stories = yaml.safe_load((ROOT / "tests" / "test_stories.yml").read_text(encoding="utf-8"))
    used_intents, forms = set(), set()
    for story in stories["stories"]:
        for step in story["steps"]:
            used_intents.add(step.get("intent"))
            if step.get("active_loop"):
                forms.add(step["active_loop"])
    assert domain_intents() <= used_intents, domain_intents() - used_intents
    assert forms == {"service_form", "verify_form"}


def test_test_stories_pass_with_the_trained_model(tmp_path):
    result = subprocess.run([RASA, "test", "core", "--model", str(MODEL), "--stories",
                             "tests/test_stories.yml", "--fail-on-prediction-errors",
                             "--out", str(tmp_path)],
                            cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, (result.stdout[-2000:] + result.stderr[-2000:] + detail[-4000:])

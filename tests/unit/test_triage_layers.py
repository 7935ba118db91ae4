"""The three-layer screen without Rasa: how rules, the gateway's risk classifier and NLU
combine, and how rules and classifier alone score on our own set (regression check, never
training data). (All layers with the trained model: tests/stack/test_triage_screen.py.)"""
from __future__ import annotations

from bot.triage import classifier as risk_classifier
from bot.triage.screen import CORROBORATION, NLU_THRESHOLD, Decision, check, combine
from tests.support.triage_sets import load, score
from tools.stack import ROOT


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


def test_nlu_needs_the_classifier_to_see_some_risk():
    quiet = Decision(False, None, None, "nl", layers={"classifier": {
        "category": "crisis", "score": CORROBORATION - 0.01, "level": None}})
    some = Decision(False, None, None, "nl", layers={"classifier": {
        "category": "crisis", "score": CORROBORATION, "level": None}})
    sure = nlu("safety_crisis", 0.99, safety_crisis=0.99)
    assert not combine(quiet, sure).handoff
    assert combine(quiet, sure).layers["nlu"]["flag"] is True  # NLU's own verdict is reported
    flagged = combine(some, sure)
    assert flagged.handoff and flagged.category == "crisis" and flagged.risk_level == "high"
    assert not combine(some, nlu("safety_crisis", NLU_THRESHOLD - 0.01,
                                 safety_crisis=NLU_THRESHOLD - 0.01)).handoff


def test_nlu_raises_a_medium_handoff_to_high():
    medium = Decision(True, "crisis", "classifier:crisis 0.40", "nl", risk="medium")
    combined = combine(medium, nlu("safety_crisis", 0.95, safety_crisis=0.95))
    assert combined.handoff and combined.risk_level == "high" and combined.reason == medium.reason
    assert combine(medium, nlu("donor_cancel", 0.9)).risk_level == "medium"


def test_layers_report_each_verdict():
    flagged = combine(check("ik wil dood"), nlu("safety_crisis", 0.97, safety_crisis=0.97))
    assert set(flagged.layers) == {"rules", "classifier", "nlu"}
    assert flagged.layers["rules"]["flag"] is True
    assert flagged.layers["rules"]["category"] == "crisis"
    assert flagged.layers["classifier"]["category"] == "crisis"
    assert 0.0 <= flagged.layers["classifier"]["score"] <= 1.0
    assert flagged.layers["nlu"] == {"intent": "safety_crisis", "confidence": 0.97, "flag": True,
                                     "category": "crisis", "score": 0.97, "level": "high"}
    routine = check("Ik wil graag mijn adres wijzigen")
    assert routine.layers["rules"] is None and routine.layers["classifier"]["level"] is None
    assert not routine.handoff


def test_the_classifier_is_trained_and_loaded():
    # make train builds it; a missing model must fail here, not quietly halve the screen.
    model = risk_classifier.shared()
    assert model is not None
    assert set(model.labels) == {"routine", "crisis", "end_of_life_request", "device_safety"}
    assert model.digest == risk_classifier.corpus_digest(risk_classifier.corpus(ROOT / "data")), \
        "the classifier is older than the training data: run make train"


def test_classifier_flags_on_its_own():
    model = risk_classifier.shared()
    for text in ("iedereen zou opgelucht zijn als ik er gewoon niet meer was",
                 "they would all be so much better off if I was gone",
                 "mijn pomp is heel heet geworden en ruikt verbrand"):
        verdict = model.verdict(text)
        assert verdict.level in ("high", "medium"), (text, verdict)
    hot = model.verdict("mijn pomp is heel heet geworden en ruikt verbrand")
    assert hot.category == "device_safety"
    for text in ("Ik wil mijn maandelijkse gift verhogen naar 20 euro",
                 "Where can I order new patches?"):
        assert model.verdict(text).level is None, (text, model.verdict(text))


def test_the_fast_path_computes_what_scikit_learn_computes():
    model = risk_classifier.shared()
    texts = [text for text, _ in risk_classifier.corpus(ROOT / "data")[::97]]
    texts += ["", "???", "ik", "x" * 3000, "mijn pomp \U0001F525 is heet"]
    for text in texts:
        fast, reference = model.scores(text), model.reference_scores(text)
        assert fast.keys() == reference.keys()
        assert max(abs(fast[k] - reference[k]) for k in fast) < 1e-9, text


def test_one_or_two_words_are_left_to_the_rules_and_nlu():
    model = risk_classifier.shared()
    assert model.verdict("ik").level is None and model.verdict("ik").score == 0.0
    assert model.verdict("ja graag").category is None


def test_emoji_are_read_as_words():
    assert "pil" in risk_classifier.prepare("ik heb er 30 \U0001F48A genomen")
    assert risk_classifier.prepare("") == ""


def test_check_marks_negation_for_review():
    decision = check("ik ben niet suïcidaal, ik wil alleen mijn adres wijzigen")
    assert not decision.handoff and decision.review and decision.category == "crisis"
    assert check("ik wil niet meer").handoff


def test_own_set_without_rasa_rules_and_classifier_alone():
    recall, false_rate, errors = score(load(ROOT / "tests" / "triage_cases.tsv"), check)
    assert recall >= 0.97 and false_rate <= 0.04, (recall, false_rate, errors)

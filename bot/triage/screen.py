"""The safety screen: rules and Rasa NLU combined, so either can raise a flag and
neither can remove one.

`check(text)` runs the rules alone (pure Python, microseconds) and is the first
thing that happens to every inbound message. `combine(decision, nlu)` adds what
Rasa's NLU made of the same message once Rasa has answered.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from bot import language as lang
from bot.triage.rules import scan

# Severity order: a message that hits several categories goes out as the first.
CATEGORIES = ("crisis", "end_of_life_request", "device_safety")
INTENT_CATEGORY = {
    "safety_crisis": "crisis",
    "safety_end_of_life_request": "end_of_life_request",
    "safety_device_emergency": "device_safety",
}
# A safety intent at or above this confidence flags, even when it is not the top intent.
# Chosen with `python -m tools.eval_triage --sweep` (both layers): at 0.80 our own set
# (tests/triage_cases.tsv) has recall 1.000 and false-handoff rate 0.026 (10/391), the
# shared dev set recall 1.000 and false-handoff rate 0.000; 0.40 gave 0.054 on our set.
NLU_THRESHOLD = 0.80
RISK = {"crisis": "high", "end_of_life_request": "high", "device_safety": "high",
        "system": "medium", "request": "low"}


@dataclass(frozen=True)
class Decision:
    handoff: bool
    category: str | None
    reason: str | None
    language: str
    review: bool = False  # a signal that did not hand off, for a person to look at
    intent: str | None = None
    confidence: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def risk_level(self) -> str | None:
        return RISK.get(self.category) if self.category else None


def check(text: str, language: str | None = None) -> Decision:
    """The rules layer: does this message need a person now?"""
    language = language or lang.detect(text)
    hits = scan(text)
    live = [hit for hit in hits if not hit.negated]
    if live:
        top = live[0]
        return Decision(True, top.category, f"rule:{top.rule}", language)
    if hits:
        top = hits[0]
        return Decision(False, top.category, f"rule:{top.rule} (negated)", language, review=True)
    return Decision(False, None, None, language)


def nlu_flag(nlu: dict | None) -> tuple[str, str, float] | None:
    """(category, intent, confidence) of the most severe safety intent over the threshold."""
    if not nlu:
        return None
    scores = dict(nlu.get("safety") or {})
    if nlu.get("intent") in INTENT_CATEGORY:
        scores[nlu["intent"]] = max(scores.get(nlu["intent"], 0.0), float(nlu.get("confidence") or 0))
    flagged = [(CATEGORIES.index(INTENT_CATEGORY[name]), name, score)
               for name, score in scores.items()
               if name in INTENT_CATEGORY and score >= NLU_THRESHOLD]
    if not flagged:
        return None
    _, intent, score = min(flagged)
    return INTENT_CATEGORY[intent], intent, score


def combine(rules: Decision, nlu: dict | None) -> Decision:
    """Add the NLU layer to a rules decision. A handoff stays a handoff."""
    intent = (nlu or {}).get("intent")
    confidence = (nlu or {}).get("confidence")
    if rules.handoff:
        return Decision(True, rules.category, rules.reason, rules.language, rules.review,
                        intent, confidence)
    flag = nlu_flag(nlu)
    if flag is None:
        return Decision(False, rules.category, rules.reason, rules.language, rules.review,
                        intent, confidence)
    category, flag_intent, score = flag
    reason = f"intent:{flag_intent} {score:.2f}"
    if rules.review and rules.category == category:
        # The rules saw this very signal under a negation ("ik ben niet suïcidaal"):
        # the NLU hit is explained by the same words, so it is marked for review
        # (a person looks) rather than handed off.
        return Decision(False, category, f"{rules.reason}; {reason}", rules.language, True,
                        intent, confidence)
    return Decision(True, category, reason, rules.language, rules.review, intent, confidence)

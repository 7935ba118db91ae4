"""The safety screen: three layers, any of which can raise a flag and none of which can
remove one. See bot/triage/TAXONOMY.md for what each category covers and why.

`check(text)` is the first thing that happens to every inbound message and needs
no Rasa: the rules (pure Python, microseconds) and the gateway's own risk
classifier (scikit-learn, about a millisecond). `combine(decision, nlu)` adds what
Rasa's NLU made of the same message once Rasa has answered.

A flag carries a risk level: `high` (a rule, the classifier or NLU sure of it) or
`medium` (the middle band: the classifier or NLU see a signal, less sure). Both
hand off on the same turn; the level orders the agents' queue. A signal that sits
under a negation ("ik ben niet suïcidaal") never hands off by itself and never
disappears either: the conversation is marked for review.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from bot.triage import classifier as risk_classifier
from bot.triage.rules.scanner import scan
from core import language as lang
from core.vocabulary import RISK, SAFETY_CATEGORIES

# Severity order: a message that hits several categories goes out as the first.
CATEGORIES = SAFETY_CATEGORIES  # the categories this screen hands off
INTENT_CATEGORY = risk_classifier.INTENT_CATEGORY
# A safety intent at or above this confidence flags, even when it is not the top intent,
# provided the gateway's classifier sees some risk too (CORROBORATION): measured with
# `python -m tools.eval_triage --sweep`, Rasa's DIET is confidently wrong on routine
# look-alikes ("mijn suiker was 8,5, is dat goed?" at 0.98), and two independent models
# agreeing catches what the classifier alone scores just under its own line. Without a
# trained classifier NLU flags on its own.
NLU_THRESHOLD = 0.90
CORROBORATION = 0.40
# The middle band for NLU: a corroborated safety intent that is Rasa's top intent at or above
# this confidence (but under NLU_THRESHOLD) hands off with risk medium. Off (above 1): the
# sweep showed no recall gained for the false handoffs it costs.
NLU_MEDIUM = 1.01


@dataclass(frozen=True)
class Decision:
    handoff: bool
    category: str | None
    reason: str | None
    language: str
    review: bool = False  # a signal that did not hand off, for a person to look at
    intent: str | None = None
    confidence: float | None = None
    risk: str | None = None  # 'high' | 'medium' for a safety flag; None: the category's own
    layers: dict = field(default_factory=dict, compare=False)  # each layer's verdict and score

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def risk_level(self) -> str | None:
        if self.risk:
            return self.risk
        return RISK.get(self.category) if self.category else None


def _rules_layer(text: str):
    hits = scan(text)
    live = [hit for hit in hits if not hit.negated]
    top = (live or hits or [None])[0]
    summary = None if top is None else {
        "flag": bool(live), "category": top.category, "rule": top.rule, "negated": top.negated}
    return live, hits, summary


def check(text: str, language: str | None = None) -> Decision:
    """Rules and classifier: does this message need a person now?"""
    language = language or lang.detect(text)
    live, hits, rules_summary = _rules_layer(text)
    model = risk_classifier.shared()
    verdict = model.verdict(text) if model is not None else None
    layers = {"rules": rules_summary, "classifier": verdict.as_dict() if verdict else None}
    if live:
        top = live[0]
        return Decision(True, top.category, f"rule:{top.rule}", language, risk="high",
                        layers=layers)
    flagged = verdict is not None and verdict.level is not None
    if hits:
        top = hits[0]
        if flagged and verdict.category != top.category:
            # The negation covers another signal than the one the classifier sees.
            return Decision(True, verdict.category,
                            f"classifier:{verdict.category} {verdict.score:.2f}", language,
                            review=True, risk=verdict.level, layers=layers)
        reason = f"rule:{top.rule} (negated)"
        if flagged:
            reason += f"; classifier:{verdict.category} {verdict.score:.2f}"
        return Decision(False, top.category, reason, language, review=True, layers=layers)
    if flagged:
        return Decision(True, verdict.category,
                        f"classifier:{verdict.category} {verdict.score:.2f}", language,
                        risk=verdict.level, layers=layers)
    return Decision(False, None, None, language, layers=layers)


def nlu_flag(nlu: dict | None) -> tuple[str, str, float, str] | None:
    """(category, intent, confidence, risk) of the most severe safety intent NLU flags."""
    if not nlu:
        return None
    scores = dict(nlu.get("safety") or {})
    top = nlu.get("intent")
    if top in INTENT_CATEGORY:
        scores[top] = max(scores.get(top, 0.0), float(nlu.get("confidence") or 0))
    flagged = []
    for name, score in scores.items():
        if name not in INTENT_CATEGORY:
            continue
        if score >= NLU_THRESHOLD:
            flagged.append((0, CATEGORIES.index(INTENT_CATEGORY[name]), name, score, "high"))
        elif name == top and score >= NLU_MEDIUM:
            flagged.append((1, CATEGORIES.index(INTENT_CATEGORY[name]), name, score, "medium"))
    if not flagged:
        return None
    _, _, intent, score, risk = min(flagged)
    return INTENT_CATEGORY[intent], intent, score, risk


def _nlu_summary(nlu: dict | None) -> dict | None:
    if not nlu:
        return None
    flag = nlu_flag(nlu)
    return {"intent": nlu.get("intent"), "confidence": nlu.get("confidence"),
            "flag": flag is not None, "category": flag[0] if flag else None,
            "score": round(flag[2], 4) if flag else None, "level": flag[3] if flag else None}


def _corroborated(rules: Decision) -> bool:
    verdict = rules.layers.get("classifier")
    if verdict is None:
        return True  # no classifier ran (no trained model): NLU stands alone
    return float(verdict.get("score") or 0.0) >= CORROBORATION


def combine(rules: Decision, nlu: dict | None) -> Decision:
    """Add the NLU layer to a decision of `check`. A handoff stays a handoff."""
    intent = (nlu or {}).get("intent")
    confidence = (nlu or {}).get("confidence")
    layers = dict(rules.layers, nlu=_nlu_summary(nlu))
    flag = nlu_flag(nlu)
    if flag is not None and not rules.handoff and not _corroborated(rules):
        flag = None
    base = replace(rules, intent=intent, confidence=confidence, layers=layers)
    if rules.handoff:
        if flag and flag[3] == "high" and rules.risk == "medium":
            return replace(base, risk="high")
        return base
    if flag is None:
        return base
    category, flag_intent, score, risk = flag
    reason = f"intent:{flag_intent} {score:.2f}"
    if rules.review and rules.category == category:
        # The rules saw this very signal under a negation ("ik ben niet suïcidaal"):
        # the NLU hit is explained by the same words, so it is marked for review
        # (a person looks) rather than handed off.
        return replace(base, reason=f"{rules.reason}; {reason}")
    return replace(base, handoff=True, category=category, reason=reason, risk=risk)

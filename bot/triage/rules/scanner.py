"""scan(): normalise, blank out idioms, run every rule family, order the hits (RULE_IDS: every
rule id with its category)."""
from __future__ import annotations

import re

from bot.triage.normalize import normalize
from bot.triage.rules.base import _CATEGORY_RANK, CRISIS, DEVICE, EOL, RuleHit
from bot.triage.rules.crisis import (
    _CRISIS_RULES,
    _NIET_MEER_WILLEN_EXTRA,
    _niet_meer_hits,
    _pills_hits,
)
from bot.triage.rules.device import (
    _DEVICE_RULES,
    _device_combos,
    _routine_device_talk,
    _weather,
    _what_if,
    _yes_no_question,
)
from bot.triage.rules.eol import _EOL_RULES
from bot.triage.rules.idioms import _mask_idioms
from bot.triage.rules.machinery import _message_keys, _sentence
from bot.triage.rules.negation import _is_negated

__all__ = ["RuleHit", "scan", "RULE_IDS"]

# ==========================================================================
# scan()
# ==========================================================================
_DEVICE_CONTEXT = re.compile(
    r"\b(?:handheld|controller|pdm|laadpoort|laadpoortje|oplaadpoort|charging port|pomp|pump|patch|pod|lader|oplader|charger|batterij|battery|accu|apparaat|device|kabel|cable|adapter|"
    r"sensor|reservoir|toestel|ding|thing|it|hij|ie|insulinepomp|canule|cannula|naald|needle|huid|skin|"
    r"insuline|insulin|pleister|plakker|sticker|tape|infuusset|infusieset|infusion set|adhesive)\b")
# "the skin around my pod is swollen" is about the skin, not the hardware
_SKIN_BEFORE = re.compile(r"\b(?:around|rond|rondom|under|onder|beneath|near|naast|next to|skin|huid|plek|site|area|spot|"
                          r"plaats|insteekplaats|wond|wound|arm|buik|belly|stomach)(?: [a-z]+){0,2} $")
for _rule in _DEVICE_RULES:
    if _rule.rule_id == "device.hardware_heat":
        _rule.check = lambda t, m: not _what_if(t, m) and not _routine_device_talk(_sentence(t, m)) \
            and not _SKIN_BEFORE.search(t[max(0, m.start() - 30):m.start()])
    if _rule.rule_id == "device.heat_fire":
        # heat/fire words only count around the device or the skin under it ("het is hier
        # bloedheet" is the weather), and not in a what-if question ("kan de pomp smelten als ...")
        _rule.check = lambda t, m: (bool(_DEVICE_CONTEXT.search(t)) and not _what_if(t, m)
                                    and not _yes_no_question(t, m) and not _weather(t, m))

_ALL_RULES = _CRISIS_RULES + _EOL_RULES + _DEVICE_RULES
_CATEGORY_OF = {r.rule_id: r.category for r in _ALL_RULES}
_CATEGORY_OF.update({"crisis.niet_meer_willen": CRISIS, "crisis.pills": CRISIS,
                     "device.ketones": DEVICE, "device.hyperglycaemia": DEVICE,
                     "device.not_delivering": DEVICE, "device.occlusion": DEVICE,
                     "device.fsn_unwell": DEVICE, "crisis.third_party_silence": CRISIS,
                     "eol.distress_now": EOL, "device.unexplained_bolus": DEVICE,
                     "device.hypo_other": DEVICE, "device.occlusion_dka": DEVICE})
RULE_IDS = tuple(sorted(_CATEGORY_OF))
# Crisis rules that describe a plan, means or act: these stay first even next to a
# request for euthanasia.
_ACUTE_CRISIS = frozenset({"crisis.method", "crisis.overdose", "crisis.pills", "crisis.self_harm",
                           "crisis.overdose_taken", "crisis.third_party_silence",
                           "crisis.kill_self", "crisis.lethality", "crisis.farewell",
                           "crisis.suicide_mention"})
_EOL_CONTEXT_RANK = {EOL: 0, CRISIS: 1, DEVICE: 2}


def scan(text: str) -> list[RuleHit]:
    """All rule hits in ``text``, most severe first; [] if none."""
    if not text or not text.strip():
        return []
    norm = _mask_idioms(normalize(text))
    found: dict[str, list] = {}     # rule id -> [negated, severity, first position]

    def record(rule_id: str, severity: int, negated: bool, pos: int) -> None:
        entry = found.get(rule_id)
        if entry is None:
            found[rule_id] = [negated, severity, pos]
        elif entry[0] and not negated:
            entry[0], entry[2] = False, pos

    keys = _message_keys(norm)
    for rule in _ALL_RULES:
        for m in rule.matches(norm, keys):
            record(rule.rule_id, rule.severity, _is_negated(norm, m.start(), m.end(), m), m.start())
    for m in _niet_meer_hits(norm):
        record("crisis.niet_meer_willen", 85, _is_negated(norm, m.start(), m.end(), m), m.start())
    for m in _NIET_MEER_WILLEN_EXTRA.finditer(norm):
        record("crisis.niet_meer_willen", 85, _is_negated(norm, m.start(), m.end(), m), m.start())
    for m in _pills_hits(norm):
        record("crisis.pills", 100, _is_negated(norm, m.start(), m.end(), m), m.start())
    for rule_id, severity, (negated, start, _end) in _device_combos(norm):
        record(rule_id, severity, negated, start)

    rank = _CATEGORY_RANK
    live_ids = {rule_id for rule_id, entry in found.items() if not entry[0]}
    if (any(_CATEGORY_OF[r] == EOL for r in live_ids)
            and not live_ids & _ACUTE_CRISIS):
        # "ik lijd ondraaglijk, ik wil dood": in the context of a request to die, the
        # wish to die is that request (end_of_life_request), unless there is a plan/act
        rank = _EOL_CONTEXT_RANK
    ordered = sorted(found.items(),
                     key=lambda kv: (kv[1][0], rank[_CATEGORY_OF[kv[0]]], -kv[1][1], kv[1][2]))
    return [RuleHit(_CATEGORY_OF[rule_id], rule_id, negated) for rule_id, (negated, _s, _p) in ordered]

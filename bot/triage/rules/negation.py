"""Negation: whether a signal sits under 'niet', 'geen', 'not', 'never' (or 'no' before it)."""
from __future__ import annotations

import re

# Tokens that end the scope of a negation when scanning backwards.
_BOUNDARY = frozenset(". , maar but because omdat and en dus so toen then though although "
                      "hoewel terwijl while if als wanneer when however echter".split())
_SUBJECTS = frozenset("ik i hij zij ze we wij he she they".split())
# A negated verb of saying/thinking carries its negation into the clause it
# introduces ("I'm not saying I want to die", "ik denk niet dat ik ...").
_PASS_THROUGH = frozenset("dat that think thinking thought denk denkt dacht say saying said zeg "
                          "zegt zeggen gezegd zei bedoel bedoelde mean meant idee plan plannen "
                          "vind vindt believe geloof expect verwacht claim claiming".split())
_NEGATORS = frozenset("niet geen nooit not never nor".split())
# "no" only negates when it directly precedes the signal or one of these nouns.
_NO_NOUNS = frozenset("intention intentions plan plans thought thoughts desire wish urge urges "
                      "suicidal".split())
# A negator followed by one of these does not negate the signal
# ("ik kan niet stoppen met denken aan zelfmoord", "kunnen jullie niet gewoon ...");
# "niet meer" belongs to the clause before ("ik weet het niet meer, er is geen uitweg"), and
# "ik denk niet meer aan zelfmoord" is a history a person should hear: no negation either.
_NEG_CANCEL = frozenset("stoppen stop ophouden help helpen gewoon even eens alleen only longer meer "
                        "just".split())
_WANT_CONJ_NEXT = frozenset("ik hij ze zij we wij het mijn de dat er die u jullie dan".split())
_NEG_WINDOW = 5
_POST_NEGATION = re.compile(
    r"^(?: [a-z]+){0,2}? (?:is|zijn|was|are) (?:voor mij |for me |echt |really |absolutely |"
    r"totally |gewoon |simply )?(?:geen optie|not an option|no option|niet aan de orde|"
    r"out of the question|uitgesloten|geen sprake van)\b")


def _is_negated(text: str, start: int, end: int, match: re.Match | None = None) -> bool:
    if match is not None:
        for name in match.re.groupindex:
            if name.startswith("neg") and match.group(name):
                return True
    before = text[:start].split()
    i, seen = len(before) - 1, 0
    while i >= 0 and seen < _NEG_WINDOW:
        tok = before[i]
        if tok in _BOUNDARY:
            return False
        if tok == "want" and i + 1 < len(before) and before[i + 1] in _WANT_CONJ_NEXT:
            return False    # Dutch "want" (= because) starts a new clause; English "want" does not
        if tok in _SUBJECTS:
            # keep looking only through "not saying / denk niet dat" constructions
            prev = before[i - 1] if i > 0 else ""
            if prev not in _PASS_THROUGH:
                return False
        elif tok in _NEGATORS:
            nxt = before[i + 1] if i + 1 < len(before) else ""
            if nxt not in _NEG_CANCEL:
                return True
        elif tok == "no":
            nxt = before[i + 1] if i + 1 < len(before) else ""
            if nxt in _NO_NOUNS or i == len(before) - 1:
                return True
        i -= 1
        seen += 1
    return bool(_POST_NEGATION.match(text[end:]))

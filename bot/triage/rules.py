"""Rules layer of the safety screen: fast, dependency-free pattern rules.

``scan(text)`` normalises a message (:func:`bot.triage.normalize.normalize`),
blanks out idioms that merely *sound* alarming ("doodmoe", "I'm dying to
know", "de batterij is dood", "this queue is killing me"), and runs three
families of rules over what is left:

* ``crisis``              suicidal thoughts or plans, self-harm, overdose,
                          also about a third person, also quoted/hypothetical;
* ``end_of_life_request`` a personal (or relative's) request to die / for
                          euthanasia, as opposed to questions *about* euthanasia;
* ``device_safety``       insulin patch-pump emergencies: no insulin delivery or
                          occlusion with high glucose, ketones, severe hypo /
                          unconsciousness / seizure, too much insulin, heat / burn /
                          smoke / fire / sparks / melting, swallowed parts, a broken
                          needle or cannula in the body, an unwell user still on a
                          pump under the stop-use notice.

Besides the single-pattern rules, some signals only count next to a second
one (combination rules): a relative's worrying message or low mood *and* sudden
silence (crisis.third_party_silence), waiting for the clinic *and* "it must end
now" (eol.distress_now), a bolus the user did not give *and* hypo signs
(device.unexplained_bolus), a hypo *and* not being able to take sugar
(device.hypo_other), an interrupted delivery *and* high glucose or ketoacidosis
signs (device.occlusion_dka). Device combinations are dropped when the message
says the episode is over ("... maar het is opgelost") or asks what-if.

For speed every rule alternative gets key words it cannot match without (see
_keys); alternatives whose keys are absent from a message are skipped.

Hits come un-negated first, then by category (crisis, end_of_life_request,
device_safety, as in bot.triage.screen.CATEGORIES) and severity -- except
that when an end-of-life request is present and no crisis rule about a plan,
means or act fires, end_of_life_request comes first ("ik lijd ondraaglijk,
ik wil dood" is a request to die, not a suicide plan).

Each hit says whether its signal sits under a negation ("ik ben niet
suïcidaal", "I'm not going to kill myself", "geen zelfmoordgedachten"); the
caller turns negated-only results into *review* rather than a handoff. A
negated phrase plus an un-negated signal elsewhere in the message gives a
normal (un-negated) hit for that second signal.

The design errs towards flagging: quoted and hypothetical mentions of suicide
are hits, and "ik wil niet meer" is a hit unless what follows is recognisably
a routine object ("ik wil niet meer doneren / gebeld worden / per maand
betalen").
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from bot.triage.normalize import normalize

__all__ = ["RuleHit", "scan", "RULE_IDS"]

CRISIS = "crisis"
EOL = "end_of_life_request"
DEVICE = "device_safety"
# Same order as bot.triage.screen.CATEGORIES: the first hit decides the category.
_CATEGORY_RANK = {CRISIS: 0, EOL: 1, DEVICE: 2}


@dataclass(frozen=True)
class RuleHit:
    category: str       # 'crisis' | 'end_of_life_request' | 'device_safety'
    rule: str           # stable id, e.g. 'crisis.niet_meer_willen', 'device.occlusion'
    negated: bool       # the signal sits under a negation ("ik ben niet suicidaal")


# ==========================================================================
# Shared vocabulary (all on normalised text: lower case, ASCII, "," and "."
# as separate tokens, contractions expanded)
# ==========================================================================
_SELF_NL = r"(?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf|zich|me|mij)"
_SELF_EN = r"(?:myself|himself|herself|themselves|themself|yourself)"
_PERSON = (r"(?:hij|zij|ze|man|vrouw|vader|moeder|zoon|dochter|kind|kindje|baby|partner|vriend|"
           r"vriendin|opa|oma|broer|zus|papa|mama|he|she|husband|wife|son|daughter|child|kid|"
           r"mum|mom|mother|dad|father|boyfriend|girlfriend|grandma|grandpa|grandmother|"
           r"grandfather|brother|sister|toddler|friend|collega|colleague)")
_DEV = (r"(?:handheld|controller|pdm|laadpoort|laadpoortje|oplaadpoort|charging port|pomp|pump|patch|pod|lader|oplader|charger|batterij|battery|accu|apparaat|device|"
        r"ding|thing|hij|ie|it|kabel|cable|adapter|reservoir|toestel|unit|insulinepomp)")

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


# ==========================================================================
# Idioms that sound alarming but are not: blanked out before the rules run
# ==========================================================================
_DEAD_THING = (r"(?:batterij|accu|battery|telefoon|phone|mobiel|mobieltje|gsm|lijn|verbinding|app|"
               r"scherm|pomp|pump|pod|lader|oplader|ding|toestel|sensor|meter|zender|transmitter|"
               r"laptop|computer|tablet|ipad|iphone|zaklamp|auto|motor|accu s|batterijen|ie|hij|het)")
_IDIOM_SOURCES = [
    # Dutch
    r"\b(?:lach|lachen|lachte|lachten|lacht)(?: [a-z]+){0,2} (?:me|mij|ons|zich|je|hem|haar)(?: [a-z]+){0,2} dood\b",
    r"\b(?:me|mij|ons|zich|je)(?: [a-z]+){0,2} dood (?:te )?(?:lachen|vervelen|schrikken|werken|ergeren|"
    r"schamen|zoeken|wachten|betalen|zweten|vriezen)\b",
    r"\b(?:verveel|verveelt|verveelde|schrik|schrok|schrikt|werk|werkt|werkte|erger|ergert|schaam|zoek|"
    r"zocht|wacht|wachtte|betaal|betaalde|zweet|vries|vriest|lach|lachte|eet|at|loop|liep)(?: [a-z]+){0,2}"
    r" (?:me|mij|ons|zich|je|jezelf|mezelf)(?: [a-z]+){0,2} dood\b",
    r"\bdood van (?:de |het |die |dat |al |alle |zoveel |zo veel )?[a-z]+\b",
    r"\bdood (?:op|moe)\b",
    rf"\b{_DEAD_THING}(?: [a-z]+){{0,3}} (?:is|was|ging|gaat|raakt|raakte|lijkt|leek|blijft)(?: [a-z]+){{0,2}} dood\b",
    r"\b(?:zelfmoordactie|zelfmoordacties|zelfmoordmissie|zelfmoordaanslag\w*|zelfmoordterror\w*|"
    r"zelfmoordpreventie|sociale zelfmoord)\b",
    # English
    r"\bdying (?:to|for|of|here|laughing|inside)\b",
    r"\b(?:is|are|was|were|be|been|s) killing (?:me|us|him|her|my|the)\b",
    r"\bkill(?:ing|ed|s)? (?:for|time|it|the mood|the vibe|the battery|my battery)\b",
    r"\b(?:bored|scared|worried|frightened|tickled|freezing|starving|stressed|sick|annoyed)(?: [a-z]+)? to death\b",
    r"\bto die for\b",
    r"\b(?:died|die|dying|nearly died|almost died) (?:laughing|of laughter|of embarrassment|of boredom|of shame)\b",
    r"\bdead (?:tired|serious|boring|easy|wrong|on|right|set|end|line|beat)\b",
    r"\b(?:kill|killed|killing) (?:myself|me) laughing\b",
    r"\b(?:going to|gonna) die (?:of|from) (?:boredom|embarrassment|laughter|hunger|thirst|curiosity|shame)\b",
    r"\b(?:social|career|political|commercial|financial) suicide\b|\bsuicide (?:squad|mission|bomb\w*|prevention)\b",
]
_IDIOMS = re.compile("|".join(f"(?:{s})" for s in _IDIOM_SOURCES))
# "om dood te gaan" is an idiom ("dit wachten is om dood te gaan") unless it is
# what someone wants, asks help with or has the means for.
_OM_DOOD = re.compile(r"\bom dood te gaan\b")
_OM_DOOD_KEEP = frozenset("help helpen helpt hulp wil wilt willen wou middel middelen pillen spuitje "
                          "manier plan insuline genoeg probeer proberen geprobeerd drankje".split())


def _mask_idioms(text: str) -> str:
    text = _IDIOMS.sub(" _idiom_ ", text)
    if "om dood te gaan" in text:
        def keep_or_mask(m: re.Match) -> str:
            before = m.string[:m.start()].split()[-4:]
            return m.group(0) if _OM_DOOD_KEEP.intersection(before) else " _idiom_ "
        text = _OM_DOOD.sub(keep_or_mask, text)
    return text


# ==========================================================================
# Rule machinery
# ==========================================================================
# A regex rule: id, category, severity (higher = more urgent), pattern, optional
# check(text, match) -> bool that can veto a match.
Check = Callable[[str, re.Match], bool]


def _split_top_level(source: str) -> list[str]:
    """Split a regex source on its top-level '|' (outside groups and classes)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _word_start_alternatives(sources) -> list[str]:
    """The alternatives of a rule (top-level '|'), each starting with \\b, with the \\b dropped.

    The leading \\b is dropped (it stops the regex engine from skipping ahead to
    possible first characters) and checked by :func:`_finditer_words` instead,
    which makes a rule several times faster.
    """
    alternatives = []
    for source in sources:
        for alt in _split_top_level(source):
            if not alt.startswith(r"\b"):
                raise ValueError(f"rule alternative must start with \\b: {alt!r}")
            alternatives.append(alt[2:])
    return alternatives


def _compile_alternatives(alternatives, first: int = 0) -> re.Pattern | None:
    """One regex for some alternatives of a rule; named groups ``neg`` are numbered."""
    if not alternatives:
        return None
    numbered = ["(?:" + alt.replace("(?P<neg>", f"(?P<neg{first + n}>") + ")" for n, alt in enumerate(alternatives)]
    return re.compile("|".join(numbered))


# ---- gating: an alternative only runs when one of its key words occurs ------
# For every alternative the compiler looks for a part that any match must
# contain and that starts a word: a literal word ("\bverdwijnen en ...") or a
# group of literal words that is not optional ("(?:hopeless|worthless)"). The
# first letters of those words (at most _KEY_LEN) are the alternative's keys; a
# message whose words start with none of them cannot match, so the alternative
# is skipped. Alternatives without such a part always run. This is a necessary
# condition only, so gating never changes what matches, only how fast.
_KEY_LEN = 6
_COMMON = frozenset("het een the and niet not mijn is are was de dat that met with van for voor you heb have ben "
                    "am te in op er al me mij maar but wil want aan om ook dit this zijn his her haar hij she "
                    "ze zij they he it its nu now of als if to so zo ik".split())


def _group_end(src: str, i: int) -> int:
    """Index just past the ')' closing the group that opens at src[i]."""
    depth, in_class = 0, False
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {src!r}")


def _quantifier_at(src: str, i: int) -> tuple[bool, int]:
    """(may repeat zero times, index after the quantifier) for a quantifier starting at src[i]."""
    if i < len(src) and src[i] in "?*+":
        optional = src[i] != "+"
        i += 1
    elif i < len(src) and src[i] == "{":
        close = src.index("}", i)
        optional = src[i + 1:close].split(",")[0].strip() in ("", "0")
        i = close + 1
    else:
        return False, i
    if i < len(src) and src[i] == "?":            # lazy
        i += 1
    return optional, i


_LITERAL = re.compile(r"[a-z0-9 ]*")


def _branch_prefix(branch: str) -> str | None:
    """The letters every match of a group branch starts with, or None."""
    lead = _LITERAL.match(branch).group(0)
    rest = branch[len(lead):]
    if rest[:1] in ("?", "*", "{") and lead:
        lead = lead[:-1]                            # the last letter is optional
    word = lead.strip().split(" ")[0] if lead.strip() else ""
    if lead.startswith(" ") or len(word) < 3:
        return None
    return word


def _keys(alt: str) -> frozenset | None:
    """Keys (word prefixes) of which a match of ``alt`` must contain one, or None."""
    candidates, i, word_start = [], 0, True     # the alternative itself starts at a word start
    while i < len(alt):
        ch = alt[i]
        if ch == "\\":
            word_start = alt[i + 1] == "b"
            i += 2
            continue
        if ch == "[":
            i = alt.index("]", i + 1) + 1
            word_start = False
            continue
        if ch == "(":
            end = _group_end(alt, i)
            inner = alt[i + 1:end - 1]
            optional, after = _quantifier_at(alt, end)
            if inner.startswith(("?=", "?!", "?<=", "?<!")):
                i = after                            # lookaround: zero width
                continue
            if inner.startswith("?:"):
                inner = inner[2:]
            elif inner.startswith("?P<"):
                inner = inner[inner.index(">") + 1:]
            if not optional and word_start:
                prefixes = [_branch_prefix(b) for b in _split_top_level(inner)]
                if all(prefixes):
                    candidates.append(frozenset(p[:_KEY_LEN] for p in prefixes))
            i, word_start = after, False
            continue
        if ch in "?*+{":
            _optional, i = _quantifier_at(alt, i)
            word_start = False
            continue
        run = _LITERAL.match(alt, i).group(0)
        if not run:
            i += 1
            word_start = False
            continue
        nxt = alt[i + len(run):i + len(run) + 1]
        mandatory = run[:-1] if nxt in ("?", "*", "{") else run
        words = mandatory.split(" ")
        for n, w in enumerate(words):
            if len(w) >= 3 and (n > 0 or word_start):
                candidates.append(frozenset([w[:_KEY_LEN]]))
        word_start = run.endswith(" ") and len(mandatory) == len(run)
        i += len(run)
    if not candidates:
        return None

    def score(keys: frozenset) -> tuple:
        common = sum(k in _COMMON for k in keys)
        return (common, len(keys), -min(len(k) for k in keys))
    best = min(candidates, key=score)
    return None if any(k in _COMMON for k in best) else best


def _message_keys(text: str) -> set:
    """All word prefixes (3 to _KEY_LEN letters) of a normalised message."""
    keys = set()
    for token in text.split():
        for n in range(3, min(len(token), _KEY_LEN) + 1):
            keys.add(token[:n])
    return keys


def _finditer_words(regex: re.Pattern, text: str) -> Iterator[re.Match]:
    """Like regex.finditer, for matches that start at a word start."""
    pos, end = 0, len(text)
    while pos <= end:
        m = regex.search(text, pos)
        if m is None:
            return
        start = m.start()
        if start > 0 and text[start - 1].isalnum():
            pos = start + 1
            continue
        yield m
        pos = m.end() if m.end() > start else start + 1


class _Rule:
    __slots__ = ("rule_id", "category", "severity", "always", "gated", "check")

    def __init__(self, rule_id: str, category: str, severity: int, sources, check: Check | None = None):
        if isinstance(sources, str):
            sources = [sources]
        self.rule_id, self.category, self.severity, self.check = rule_id, category, severity, check
        always, self.gated = [], []          # gated: (keys, regex) per alternative
        for n, alt in enumerate(_word_start_alternatives(sources)):
            keys = _keys(alt)
            if keys is None:
                always.append(alt)
            else:
                self.gated.append((keys, _compile_alternatives([alt], n)))
        self.always = _compile_alternatives(always, len(self.gated) + 1000)

    def matches(self, text: str, keys: set | None = None) -> Iterator[re.Match]:
        """Matches in ``text``; ``keys`` (from :func:`_message_keys`) skips alternatives that cannot match."""
        regexes = [self.always] if self.always is not None else []
        regexes += [regex for alt_keys, regex in self.gated if keys is None or not alt_keys.isdisjoint(keys)]
        for regex in regexes:
            for m in _finditer_words(regex, text):
                if self.check is None or self.check(text, m):
                    yield m


def _clause(text: str, m: re.Match) -> str:
    """The clause around a match (between '.' / ',' separators)."""
    left = max(text.rfind(" . ", 0, m.start()), text.rfind(" , ", 0, m.start()))
    right_candidates = [i for i in (text.find(" . ", m.end()), text.find(" , ", m.end())) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 if left != -1 else 0:right]


def _sentence(text: str, m: re.Match) -> str:
    left = text.rfind(" . ", 0, m.start())
    right = text.find(" . ", m.end())
    return text[left + 1 if left != -1 else 0:right if right != -1 else len(text)]


_INFO_WORDS = re.compile(
    r"\b(?:informatie|info|information|folder|brochure|leaflet|uitleg|lezen|read|weten|know|learn|"
    r"vraag over|vragen over|question about|questions about|scriptie|werkstuk|thesis|onderzoek|"
    r"research|school project|spreekbeurt|hoe werkt|hoe gaat|how does|how do|what is|wat is|"
    r"wat betekent|what does|criteria|voorwaarden|wachtlijst|waiting list|wachttijd)\b")


# planning ahead ("my grandad wants euthanasia in a few months") is not a request now
_LATER = re.compile(r"\b(?:in a few|in een paar|over een paar|over een aantal|in (?:a|one|two|some) (?:months?|years?)|"
                    r"later|ooit|someday|some day|eventually|te zijner tijd|when the time comes|als het zover is|"
                    r"in de toekomst|in the future|op termijn|one day)\b")


def _not_informational(text: str, m: re.Match) -> bool:
    return not _INFO_WORDS.search(_clause(text, m))


def _request_now(text: str, m: re.Match) -> bool:
    clause = _clause(text, m)
    return not _INFO_WORDS.search(clause) and not _LATER.search(clause) and not _QUESTION_START.search(clause)


_QUESTION_START = re.compile(r"^\s*(?:wat|hoe|welke|wanneer|waarom|what|how|which|when|why|is|does|do|"
                             r"can|kan|mag|wordt|klopt)\b")
_FIRST_OR_THIRD = re.compile(
    rf"\b(?:ik|mijn|me|mij|i|my|me|lijd|lijdt|suffering|suffer|the pain|de pijn|het lijden|{_PERSON})\b")


def _personal_statement(text: str, m: re.Match) -> bool:
    clause = _clause(text, m)
    return bool(_FIRST_OR_THIRD.search(clause)) and not _QUESTION_START.search(clause)


# ==========================================================================
# CRISIS
# ==========================================================================
_SUICIDE_WORD_EXCLUDE = re.compile(r"(?:hulp bij|assisted|physician assisted|doctor assisted|arts "
                                   r"assisted|medically assisted) $")
# a relative's completed suicide mentioned as background ("in memory of my brother who
# died by suicide"): bereavement, not a current risk signal in the message itself
_SUICIDE_BEREAVEMENT = re.compile(r"(?:died|passed away|lost|death|overleden|overleed|gestorven|stierf) "
                                  r"(?:[a-z]+ ){0,3}(?:by|of|to|through|door|aan|na) $")


def _suicide_word_ok(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 40):m.start()]
    return not (_SUICIDE_WORD_EXCLUDE.search(before) or _SUICIDE_BEREAVEMENT.search(before))


_FILL_NL = (r"(?:echt|gewoon|liever|graag|het liefst|liefst|eigenlijk|alleen nog|alleen maar|nog|"
            r"zo graag|zo|nu|toch|ook|dan|maar|helemaal|wel|soms|vaak|gewoonweg|al|heel graag|"
            r"best|het|ook maar|zelf|eindelijk|meteen|vandaag|vanavond|morgen)")

_GENERIC_SUBJECT = re.compile(r"\b(?:people|patients|persons|those|others|mensen|patienten|personen|anderen) "
                              r"(?:who|that|die)(?: [a-z]+)?$")


# "ik wil het overlijden van mijn vader melden": "het overlijden" is the noun (a death to report)
_DEATH_NOUN = re.compile(r"\bhet (?:overlijden|sterven|doodgaan)$")


def _not_generic(text: str, m: re.Match) -> bool:
    """'What does the clinic do for people who want to die?' is about others in general."""
    return not _GENERIC_SUBJECT.search(text[max(0, m.start() - 40):m.start()].rstrip())


_PUMP_GAVE = re.compile(r"\b(?:pomp|pump|pod|patch)\b(?: [a-z]+){0,4} (?:gave|gaf|has given|heeft|delivered|"
                        r"gegeven|geeft|gives|pumped)\b")


def _not_pump_overdose(text: str, m: re.Match) -> bool:
    """'the pump gave me an overdose' is device.too_much_insulin, not self-harm."""
    return not _PUMP_GAVE.search(_clause(text, m))


# a warning printed on the product ("a lethal dose warning on the leaflet") is not method research
_PRODUCT_TEXT = re.compile(r"\b(?:bijsluiter|leaflet|label|etiket|warning|waarschuwing|handleiding|manual|verpakking|package)\b")

_BURDEN_FILL = r"(?:alleen maar|alleen|maar|gewoon|echt|zo n|zo|toch|enkel|nog|niets dan|niks dan|helemaal|altijd|steeds|nu|eigenlijk)"
_OWN_PEOPLE_NL = (r"(?:mijn|m) (?:familie|kinderen|kids|ouders|gezin|naasten|dierbaren|omgeving|vrienden|partner|man|"
                  r"vrouw|zoon|dochter|moeder|vader|zus|broer|zussen|broers|kleinkinderen|mantelzorger|verzorgers)")
_RELATIVE = (r"(?:son|daughter|children|kids|family|wife|husband|sister|brother|niece|nephew|grandson|granddaughter|"
             r"partner|friend|neighbour|neighbor|zoon|dochter|kinderen|familie|vrouw|man|zus|broer|nicht|neef|"
             r"kleinzoon|kleindochter|kleinkinderen|grandkids|grandchildren|vriend|vriendin|buurman|buurvrouw|executor|"
             r"executeur|notaris|lawyer)")
_HANDOVER = re.compile(rf"\b(?:send|forward|give|pass|post|mail|leave|address|stuur|stuurt|geef|geeft|doorsturen|sturen|"
                       rf"geven|laat|richt|adresseer)(?: [a-z]+){{0,6}} (?:to|naar|aan|for|voor) (?:my|mijn|m) {_RELATIVE}\b"
                       rf"|\b(?:my|mijn) {_RELATIVE} (?:will|can|may|mag|kan|zal|gaat)(?: [a-z]+){{0,3}} (?:take over|handle|regelen|"
                       rf"overnemen|afhandelen|het verder|verder)\b"
                       rf"|\b(?:my|mijn) {_RELATIVE} (?:can|may|mag|kan|gets|krijgt|should get|moet|mogen)(?: [a-z]+){{0,2}} (?:have|get|krijgen|hebben|ontvangen|receive)\b"
                       rf"|\b(?:mag|mogen|moet|moeten|kan|kunnen|gaat|gaan)(?: [a-z]+){{0,2}} naar (?:mijn|m) {_RELATIVE}\b"
                       rf"|\b(?:op naam van|in the name of|over to|in naam van) (?:my|mijn) {_RELATIVE}\b")
_WORK = re.compile(r"\b(?:work|werk|job|baan|kantoor|office|school|contract|stage|internship|shift|dienst)\b")
_FAREWELL_COCUE = re.compile(r"\b(?:thank you for everything|thanks for everything|bedankt voor alles|dank voor alles|"
                             r"bye everyone|bye all|goodbye|vaarwel|dag allemaal|doei allemaal|tot ziens allemaal|farewell|"
                             r"sorry for everything|sorry voor alles|forgive me|vergeef|always (?:been )?kind|altijd aardig|"
                             r"love you all|hou van jullie)\b")
_TRAVEL = re.compile(r"\b(?:holiday|holidays|vacation|trip|travel|travelling|traveling|cruise|abroad|flight|hotel|"
                     r"vakantie|reis|reizen|buitenland|vlucht|camping|verhuis|verhuizen|verhuizing|moving|move house|"
                     r"emigreer|emigreren|emigrating)\b")
# a routine reason for not needing something any more
_REASON = re.compile(r"\b(?:omdat|want|because|since|sinds|as i|switch|switching|switched|overstap|overstappen|"
                     r"over op|pennen|pens|injections|nieuwe|new|other|andere|ander|digitaal|digital|online|email|"
                     r"e mail|mail|app)\b")
_SELF_NL_STRICT = r"(?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf)"
_HARM_CUE = re.compile(
    r"\b(?:expres|express|met opzet|opzettelijk|bewust|aansteker|sigaret|sigaretten|peuk|lucifer|lucifers|strijkijzer|"
    r"kaars|mes|mesje|scheermesje|glas|schaar|tot (?:het|ik) (?:bloed|bloedt|bloedde|blauw)|blauwe plekken|littekens|"
    r"om (?:me|mezelf|zich|zichzelf) te straffen|om iets te voelen|elke dag|steeds|vaker|weer|opnieuw|"
    r"on purpose|deliberately|intentionally|lighter|cigarette|cigarettes|match|matches|iron|candle|razor|blade|knife|"
    r"glass|scissors|until (?:i|it) (?:bleed|bleeds|bruise|bruises)|till (?:i|it) (?:bleed|bleeds|bruise|bruises)|"
    r"bruises|scars|to punish|to feel something|every day|every night|keep|keeps|kept|been|started|again)\b")
# "ik kan mezelf wel voor mijn kop slaan" (I could kick myself), "banging my head against a wall"
_HARM_IDIOM = re.compile(r"\b(?:voor (?:mijn|m|de|zijn|haar) (?:kop|hoofd|kanis)|against (?:a|the) (?:brick )?wall|"
                         r"wel voor|could (?:hit|kick) myself|kick myself|for forgetting|vergeten)\b")
_PILLS = (r"(?:pillen|pil|pilletjes|tabletten|tabletjes|slaappillen|slaaptabletten|medicijnen|medicatie|pills|"
          r"tablets|tabs|capsules|caps|sleeping pills|meds|medication|medicine|paracetamol|painkillers|"
          r"pijnstillers|oxazepam|antidepressiva|antidepressants|slaapmiddel|slaapmiddelen|insuline|insulin|"
          r"ibuprofen|aspirine|aspirin|diazepam|temazepam|lorazepam|xanax|valium|tramadol|oxycodon|oxycodone|"
          r"oxycontin|codeine|morfine|morphine|lithium|zolpidem|quetiapine|seroquel|amitriptyline|benzos|"
          r"sertraline|citalopram|naproxen|diclofenac|oxy)")
# a dose named: "8000 mg", "10 gram", "20 x 500 mg", "30 stuks"
_DOSE = r"(?:\d+(?:\.\d+)? ?(?:mg|milligram|milligrams|g|gr|gram|grams)|\d+ ?x ?\d+ ?(?:mg|milligram)|[1-9]\d\d? (?:stuks|stuk|capsules|capsule))\b"
_DOSE_VALUE = re.compile(r"(\d+(?:\.\d+)?) ?(?:x ?(\d+) ?)?(mg|milligram|milligrams|g|gr|gram|grams|stuks|stuk|capsules|capsule)\b")


def _dose_is_large(text: str, m: re.Match) -> bool:
    """A named dose counts when it is far above a single therapeutic one (>= 4 g, >= 10 tablets)."""
    dose = _DOSE_VALUE.search(m.group(0))
    if dose is None:
        return True                     # a container ("a whole strip") or "overdosed"
    amount = float(dose.group(1)) * (float(dose.group(2)) if dose.group(2) else 1.0)
    unit = dose.group(3)
    if unit.startswith(("stuk", "caps")):
        return amount >= 10
    grams = amount / 1000.0 if unit.startswith("m") else amount
    return grams >= 4.0


_HARM_STRONG = re.compile(
    r"\b(?:expres|express|met opzet|opzettelijk|aansteker|sigaret|sigaretten|peuk|lucifer|lucifers|strijkijzer|mesje|"
    r"scheermesje|tot (?:het|ik) (?:bloed|bloedt|bloedde|blauw)|blauwe plekken|littekens|om (?:me|mezelf|zich|zichzelf) te "
    r"straffen|om iets te voelen|on purpose|deliberately|intentionally|lighter|cigarette|cigarettes|razor|blade|"
    r"until (?:i|it) (?:bleed|bleeds|bruise|bruises)|till (?:i|it) (?:bleed|bleeds|bruise|bruises)|to punish|to feel something)\b")


def _harm_cue(text: str, m: re.Match) -> bool:
    sentence = _sentence(text, m)
    return bool(_HARM_STRONG.search(sentence)
                or (_HARM_CUE.search(sentence) and not _HARM_IDIOM.search(sentence)))


_CRISIS_RULES = [
    _Rule("crisis.suicide_mention", CRISIS, 88,
          r"\b(?:zelfmoord|zelfdoding|suicid|suicide|zelfmoordpoging)[a-z]*",
          check=_suicide_word_ok),
    _Rule("crisis.death_wish", CRISIS, 88, [
        # nl: ik wil dood, ik wil echt niet meer dood?, het liefst wil ik dood, dat hij dood wil
        rf"\b(?:wil|wilt|willen|wou|wilde|wens|wenst)(?: (?:ik|hij|ze|zij))?(?: (?P<neg>(?:echt |helemaal |zeker |heus )?niet))?(?: {_FILL_NL}){{0,3}} (?:dood|sterven|doodgaan|overlijden|dood zijn|dood gaan)\b",
        r"\bdood (?:wil|wilt|willen|wou|wilde|zou willen)\b",
        r"\b(?:liever|beter) dood\b|\bwas ik maar dood\b|\b(?:wou|wilde|wens|wenste|hoop) dat (?:ik|hij|ze|zij) dood (?:was|ben|is|ging|ga)\b",
        r"\bdoodswens\w*\b",
        # en
        r"\b(?:want|wants|wanted|wanting|going|ready|need|needs|deserve|deserves|hope|hoping|plan|planning|try|trying|tried|rather|just want|gonna) to die\b",
        r"\bwish (?:i|he|she) (?:was|were|could be|had) (?:dead|died|never been born)\b|\bwish i could (?:just )?die\b",
        r"\b(?:better off|rather be|prefer to be|be better|want to be|wish to be) dead\b|\brather die\b|\bdeath wish\b",
        r"\b(?:do|does|did) not want to (?:live|be alive|exist|keep living|go on living)\b(?! (?:in|with|near|at|on|abroad|there|here|like that)\b)",
        r"\b(?:do|does|did) not want to be (?:here|around|alive|on this earth)(?: anymore| any longer| tomorrow| after tonight)\b",
        r"\bif only i (?:was|were|could be) (?:dead|gone|never born)\b|\bi would rather not (?:exist|be alive|be here|live|wake up)\b|\bleef (?:liever|het liefst) niet (?:meer|langer)\b",
        r"\b(?:do|does|did) not want to be alive\b",
        r"\bno longer (?:want|wants|wish|wishes) to (?:live|be alive|exist|be here|go on)\b",
        r"\b(?:will not|wont) be (?:here|around|alive)(?: [a-z]+)? (?:tomorrow|much longer|any longer|anymore|for long|next week|by (?:tomorrow|morning|tonight))\b(?!(?: ,)? (?:please|so|call|can|could|instead|but|until|at|when|for|because)\b)",
        # "ik stop ermee, met alles"
        r"\b(?:stop|stopt|kap|kapt|hou|houd|houdt|ben) (?:ik |hij |ze |zij )?(?:ermee |er mee |op |klaar )?(?:, )?met alles\b(?! (?:wat|behalve|van|voor|rond|over|, ook|, zowel|, de|, het|, mijn)\b)",
        # "ik wil geen dag langer leven" (but "geen dag langer wachten" is impatience)
        r"\b(?:wil|wilt|willen|wou|wens|kan|kun|hoef|hoeft)(?: (?:ik|hij|ze|zij|echt|gewoon|nu))* geen (?:dag|minuut|uur|seconde|week|maand|jaar) (?:langer|meer)(?: [a-z]+){0,2}? (?:leven|bestaan|doorleven|ademen|lijden|hier zijn|op aarde zijn)\b",
        r"\b(?:do|does|did) not want to (?:live|exist|go on|be alive)(?: (?:one|a single|another))? (?:more |single |extra )?(?:day|minute|hour|week)\b",
    ], check=lambda t, m: _not_generic(t, m) and not _DEATH_NOUN.search(m.group(0))),
    _Rule("crisis.zie_het_niet_zitten", CRISIS, 86, [
        r"\b(?:zie|ziet|zien|zag|zagen) (?:het|t|dat|dit|de toekomst|het leven|alles|mijn leven)(?: [a-z]+){0,2} niet meer zitten?\b",
        r"\bniet meer (?:zien|zie|ziet|zag|zagen) zitten\b",
    ]),
    _Rule("crisis.er_niet_meer_zijn", CRISIS, 86, [
        r"\b(?:wil|wilt|willen|wou|wens|hoop|liever|beter|liefst)(?: [a-z]+){0,4} (?:er|hier|op aarde) niet meer (?:(?:wil|wilt|willen|hoef|hoeven) )?(?:zijn|ben|te zijn|wezen|is)\b",
        r"\b(?:er|hier) niet meer (?:wil|wilt|willen)(?: [a-z]+)? zijn\b",
    ]),
    _Rule("crisis.end_life", CRISIS, 90, [
        r"\b(?:er|hier|daar)(?: [a-z]+){0,3} (?:een |n )?einde? (?:aan(?: [a-z]+){0,2} (?:maken|maak|maakt|te maken|gemaakt)|aanmaken|aanmaak)\b",
        r"\bmaak(?:t|en)?(?: (?:ik|hij|ze|zij|we))? (?:er|hier)(?: [a-z]+){0,2} (?:een )?einde? aan\b",
        r"\beinde? (?:aan|van) (?:mijn|me|m|zijn|haar|het|ons|hun|dit) leven\b",
        r"\b(?:mijn|zijn|haar|het|dit) leven (?:te )?(?:beeindigen|beeindig|beeindigt|nemen|stoppen|afmaken|benemen)\b",
        rf"\b{_SELF_NL}(?: [a-z]+){{0,2}} (?:van kant|om het leven|het leven (?:benemen|nemen)|dood maken|doodmaken)\b",
        r"\buit het leven (?:stappen|stap|gaan)\b",
        r"\beinde? (?:te )?(?:maken|maak|maakt) aan (?:alles|mijn leven|het leven|het allemaal|mezelf|m leven|zijn leven|haar leven)\b",
        r"\bvan het leven (?:te )?(?:beroven|beroof|beroofd|beroven)\b|\bhet leven (?:te )?(?:benemen|ontnemen)\b",
        r"\b(?:vannacht|vanavond|vandaag|morgen|straks|tonight|nu)(?: [a-z]+){0,3} (?:alles|het allemaal) (?:gaat |gaan |wil |ga )?(?:beeindigen|beeindig|afmaken)\b|\bhet allemaal (?:wil |gaat |ga )?beeindigen\b",
        r"\b(?:plan|plans|planning|going|ready|decided|gonna) to end it\b(?! (?:with|for|early)\b)",
        r"\b(?:feel like|thinking of|thinking about|think about|considering|contemplating) ending it\b(?! with\b| for (?:the|a|my|you|your|this|that|now|today|tonight)\b)",
        r"\b(?:i|he|she|they) will end it\b(?! (?:with|for|early)\b)",
        r"\b(?:made|make|making) an attempt on (?:my|his|her|their) (?:own )?life\b|\bpoging (?:gedaan|ondernomen)\b(?! (?:om|tot|te|met|bij|voor)\b)",
        r"\bwil(?:t|len)? (?:er|eruit) (?:(?P<neg>(?:heus |echt |zeker |helemaal )?niet) )?(?:uit ?)?stappen\b",
        r"\bend(?:s|ed|ing)? (?:it all|it (?:tonight|now|today|here|for good|soon)|things|everything|(?:my|his|her|their) (?:own )?life)\b",
        r"\b(?:take|takes|taking|taken|took) (?:my|his|her|their) (?:own )?life\b",
    ]),
    _Rule("crisis.self_harm", CRISIS, 92, [
        rf"\b{_SELF_NL} (?:(?:heus|echt|zeker|absoluut|helemaal|zomaar|nu) )?(?:(?P<neg>niets|niet|nooit)(?: iets)? |(?:iets|wat)(?: ergs)? )(?:[a-z]+ ){{0,2}}?(?:aandoen|aandoe|aandoet|aangedaan|aan(?: [a-z]+)? (?:doen|doe|doet|te doen))\b",
        rf"\b(?:snij|snijd|snijdt|snijden|sneed|kras|krast|krassen|kraste|verwond|verwondt|beschadig|beschadigt) {_SELF_NL}\b(?! (?:aan|met|in|bij)\b)",
        r"\b(?:doe|doet|deed|doen) (?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf)(?: [a-z]+)? pijn\b",
        r"\b(?:zich|me|mij)(?: [a-z]+){0,2} (?:ophangen|op te hangen|opgehangen|verdrinken|verhangen)\b",
        r"\b(?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf)(?: (?P<neg>geen|niet|nooit)| [a-z]+){0,2} (?:gesneden|gekrast|verwond|snijden|krassen|pijn (?:te )?doen|pijn gedaan|ophangen|op te hangen|opgehangen|verdrinken|beschadigen|vergiftigen)\b",
        r"\b(?:zelfbeschadig|automutilatie|zelfverwond)[a-z]*",
        r"\b(?:snij|snijd|snijdt|snijden|sneed|kras|krast|krassen|kraste)(?: [a-z]+)? (?:in )?(?:zijn|haar|mijn|m|hun) (?:armen|arm|polsen|pols|benen|been|bovenbenen|huid|lichaam)\b",
        r"\b(?:cuts|cut|cutting|scratches|scratching|burns|burning) (?:his|her|my|their) (?:arms|arm|wrists|wrist|legs|thighs|skin)\b",
        rf"\b(?:hurt|hurting|hurts|harm|harming|harms|cut|cuts|cutting|starve|starving|hang|hanging|hanged|hung|shoot|shot|drown|drowning|poison|poisoning|stab|stabbing|strangle) {_SELF_EN}\b(?! (?:on(?! purpose\b)|shaving|while|by accident|accidentally|with the|opening)\b)",
        r"\bself harm[a-z]*",
        r"\bdo (?:something|anything) (?:stupid |bad |drastic )?to (?:myself|himself|herself)\b",
        rf"\b(?:brand|brandt|branden|brandde|brandden) {_SELF_NL_STRICT}\b(?! (?:aan|bij|tijdens|op de|op het)\b)",
        rf"\b{_SELF_NL_STRICT}(?: [a-z]+){{0,3}} (?:te )?(?:branden|brand)\b",
        r"\b(?:begonnen|begint|begon|beginnen|gestart|start) met (?:snijden|krassen|branden|zelfbeschadiging|mezelf snijden)\b|\b(?:cutting|self harming) again\b|\b(?:started|start|starting|begun|began|gone back to|went back to|relapsed into|relapsed|back to) (?:self harm[a-z]*|cutting|snijden|krassen)\b",
        r"\b(?:heb|heeft|hebben|ben|is|was|had)(?: [a-z]+){0,2} (?:weer|opnieuw) (?:gaan |aan het )?(?:gesneden|snijden|gekrast|krassen|gebrand)(?= \.| ,|$)",
        r"\b(?:snij|snijd|snijdt|kras|krast) (?:weer|opnieuw|nog steeds|elke dag|steeds)(?= \.| ,|$)|\bterugval(?: [a-z]+){0,3} (?:snijden|krassen|branden)\b",
        r"\b(?:in|op) (?:mijn|m|zijn|haar|hun) (?:armen|arm|polsen|pols|benen|bovenbenen|dijen|dij|huid|lichaam)(?: [a-z]+){0,2} (?:gesneden|gekrast|gebrand|snijden|krassen|branden|kerven|gekerfd)\b",
        r"\b(?:blade|blades|scheermesje|scheermesjes|mesje|mesjes|knife|mes|glass|glas|razor|scheermes)\b(?: [a-z]+){0,3} (?:on|to|in|op|over|into|langs|across) (?:my|his|her|mijn|zijn|haar) (?:arm|arms|wrist|wrists|pols|polsen|armen)\b",
        r"\b(?:bang|vrees|afraid|scared|worried|fear|terrified)(?: [a-z]+){0,3} (?:dat|that) (?:hij|ze|zij|he|she|they|mijn [a-z]+|my [a-z]+)(?: [a-z]+){0,2} (?:iets (?:stoms|doms|ergs|onherroepelijks)|something (?:stupid|drastic|terrible))\b(?! (?:met|with|aan|to (?:the|his|her) (?:pump|app|account|car))\b)",
    ]),
    # burning / hitting oneself, or a past cut: only with a tool, on purpose or as a habit
    # ("ik heb mezelf verbrand aan de oven", "I hit myself on the door" are accidents)
    _Rule("crisis.self_harm", CRISIS, 92, [
        rf"\b(?:verbrand|verbrandt|verbranden|verbrandde|sla|slaat|slaan|sloeg|bijt|beet|krab|krabde) {_SELF_NL_STRICT}\b",
        rf"\b{_SELF_NL_STRICT}(?: [a-z]+){{0,3}} (?:gebrand|verbrand|geslagen|gebeten|gekrabd|opengekrabd|verbranden|slaan|bijten|krabben|openkrabben)\b",
        rf"\b(?:burn|burns|burned|burnt|burning|hit|hits|hitting|punch|punches|punched|punching|scratch|scratched|scratching|bite|bit|biting|bang|banged|banging|scald|scalded|bruise|bruised) {_SELF_EN}\b",
        r"\b(?:bonk|bonkt|bonken|bonkte|sla|slaat|sloeg|slaan|beuk|beukt|bang|bangs|banged|banging|hit|hits|hitting) (?:met )?(?:mijn|m|zijn|haar|my|his|her) (?:hoofd|kop|head)(?: [a-z]+){0,3} (?:tegen|against|on)\b",
    ], check=_harm_cue),
    _Rule("crisis.kill_self", CRISIS, 95, [
        rf"\b(?:kill|kills|killing|killed) {_SELF_EN}\b",
        # "een plan om mezelf te doden"; not the idioms "ik verveel me dood"
        rf"\b{_SELF_NL} (?:[a-z]+ ){{0,2}}?(?:te )?(?:doden|doodt|gedood|vermoorden|vermoord|ombrengen|om te brengen|omgebracht|om zeep (?:te )?helpen)\b",
    ]),
    _Rule("crisis.method", CRISIS, 98, [
        r"\b(?:springen|springt|spring|gesprongen|sprong)(?: [a-z]+){0,3} (?:van|voor|onder|uit) (?:de|een|het|mijn) (?:brug|flat|dak|toren|trein|metro|raam|balkon|vrachtwagen|flatgebouw)\b",
        r"\bvan (?:de|een|het|zijn|haar|mijn|hun) (?:brug|flat|dak|toren|balkon|flatgebouw) (?:af )?(?:te )?(?:springen|spring|springt|gesprongen|sprong)\b",
        r"\b(?:sta|staat|staan|stond|stand|standing|stands|is|am|zit|zat) (?:nu )?(?:bij|naast|langs|by|at|near|next to) (?:het|de|een|the|a) (?:spoor|spoorlijn|rails|tracks|railway|railway line|train tracks)\b",
        r"\b(?:strop|noose)\b|\b(?:bought|gekocht|kocht|heeft|has|got)(?: [a-z]+){0,2} (?:a |een )?(?:rope|touw) (?:to hang|om (?:zich|me|mezelf|zichzelf) op te hangen)\b",
        r"\bvoor (?:de|een) (?:trein|metro|auto|vrachtwagen|tram)(?: [a-z]+){0,2} (?:springen|spring|gaan liggen|lopen|gesprongen)\b",
        r"\bjump(?:ed|ing|s)? (?:off|from|in front of) (?:a|the|my|that|his|her|their|our) (?:bridge|building|roof|balcony|train|car|cliff|tower|truck|window|bus)\b",
        r"\b(?:touw|strop|rope|noose)\b(?: [a-z]+){0,8} (?:gekocht|klaar|opgehangen|gebruiken|vannacht|vanavond|bought|ready|use it|tonight|hang|ophangen|weet wat ik)\b",
        r"\b(?:sta|staat|zit|ben|stand|standing|am|is) (?:nu )?(?:op|on) (?:het|de|een|the|a) (?:dak|brug|balkon|flat|roof|bridge|ledge|balcony|spoor|tracks|railway)\b",
        r"\b(?:pills|pillen|tabletten|insulin|insuline|rope|touw|mes|knife|gun|pistool)(?: [a-z]+){0,5} (?:ready|klaar|klaarliggen|klaargelegd|klaargezet|klaarstaan|klaar staan|klaar liggen|liggen klaar|staan klaar|lined up)\b",
        r"\b(?:ga|gaan|gaat) (?:nu |zo |straks )?springen\b|\b(?:going|gonna|about) to jump\b",
        r"\bslit (?:my|his|her|their) wrists?\b|\bpolsen (?:door ?snijden|doorgesneden|doorsnijden)\b",
    ]),
    _Rule("crisis.no_point", CRISIS, 85, [
        r"\b(?:het |mijn |dit |m |zo n )?leven (?:heeft|is|lijkt)(?: [a-z]+){0,3} (?:geen zin|zinloos|niets waard|niks waard|nutteloos|de moeite niet|niet (?:meer )?de moeite)\b",
        r"\bgeen zin meer in (?:het |mijn |dit )?(?:leven|bestaan|alles|niets)\b",
        r"\bgeen (?:zin|levenslust|wil|reden) (?:meer )?(?:om )?(?:nog )?(?:te leven|verder te leven|door te gaan|te bestaan|op te staan|in leven te blijven)\b|\bgeen levenslust\b",
        r"\blife has no (?:point|meaning|purpose|sense)\b|\beverything (?:is|feels|seems) (?:so )?(?:pointless|meaningless)\b",
        r"\b(?:heb|heeft|hebben) (?:echt |gewoon |helemaal )?geen zin meer(?= \.| ,|$)",
        r"\bheeft (?:allemaal |het allemaal |alles )?geen zin meer(?= \.| ,|$)",
        r"\bgeen (?:enkele )?reden (?:meer )?(?:om|tot) (?:te )?(?:leven|bestaan|door te gaan|verder te gaan)\b|\bniets? (?:meer )?om voor te leven\b",
        r"\b(?:pain|pijn|suffering|lijden)(?: [a-z]+){0,2} (?:to )?(?:stop|end|ophoudt|stopt|ophouden|stoppen) (?:forever|for good|voorgoed|voor altijd|permanently)\b",
        r"\balles is zinloos\b|\bzinloos (?:bestaan|leven)\b|\bgeen (?:andere |enkele )?uitweg\b",
        r"\b(?:life|living|it) is (?:just |simply )?(?:not|no longer) worth (?:living|it anymore)\b|\bnot worth living\b",
        r"\bno (?:point|reason|use|will|wish|desire)(?: left| anymore)? (?:in |to |of )?(?:living|live|going on|go on|carrying on|keep going|keep living|being alive|being here|anything anymore|life)\b",
        r"\bwhat is the point (?:of|in) (?:living|life|going on|being alive|carrying on|anything|it all|trying)\b",
        r"\bnothing (?:left )?to live for\b|\bno way out\b",
        r"\b(?:do not|cannot) see (?:a|any|the) (?:reason|point) (?:to|in|of) (?:keep |keeping )?(?:living|live|going on|go on|carry on|carrying on)\b",
        r"\b(?:my )?life is (?:meaningless|pointless|worthless|hopeless)\b",
    ]),
    _Rule("crisis.cant_go_on", CRISIS, 80, [
        r"\btrek(?:t)? (?:het|dit|t) (?:echt |gewoon )?niet(?: meer| langer)?\b",
        r"\bhou(?:d|dt)? (?:het|dit|t)(?: [a-z]+)? niet (?:meer |langer )?vol\b(?! met (?:al )?(?:dat |het )?wachten\b| met (?:dat|die|de|het|deze|dit|jullie) (?:pakket|pakketje|levering|bezorging|post|app|website|telefoon|wachtrij|formulier|formulieren|storing|gedoe|papierwerk)\b)",
        r"\b(?:kan|kun|kunt) (?:het|dit|de pijn|dit leven|het leven|alles|t)(?: [a-z]+){0,2} niet (?:meer|langer) aan\b",
        r"\b(?:kan|kun|kunt) (?:dit|het) (?:echt )?niet (?:meer|langer)(?= \.| ,| \?|$)",
        r"\bkan er (?:echt )?niet meer tegen(?= \.| ,|$)",
        r"\bhou(?:d|dt)? (?:het|dit|t)(?: [a-z]+)? niet (?:meer|langer) uit\b|\bhou(?:d|dt)? (?:het|dit|t) geen (?:dag|week|nacht|uur) (?:langer|meer) (?:vol|uit)\b",
        r"\b(?:cannot|can not|could not) (?:face|bear|take|stand|survive|do|go through) (?:another|one more) (?:day|night|week)\b(?! (?:of (?:work|school|this heat|waiting for (?:the|my) (?:parcel|package|delivery)))\b)",
        r"\bhet leven moe\b|\blevensmoe\b|\bklaar met (?:het |mijn |dit )?leven\b|\b(?:mijn )?leven is op\b",
        r"\bcannot (?:go on|carry on|keep going|keep living|cope|bear it|bear this|bear the pain|live like this)\b(?! (?:the|your|to|a|an|that|with|holiday|vacation|trip|line|website|app|site|hold)\b)",
        r"\bcannot (?:take|do|handle|stand|bear) (?:it|this|the pain|life|this life|it all)(?: (?:all|now|really|at all))? (?:anymore|any longer)\b",
        r"\b(?:tired|sick|weary) of (?:living|life|being alive|existing|it all)\b|\bdone with (?:life|living|it all|this life)\b",
        r"\bhad enough of (?:living|life|being alive|it all|everything and everyone)\b|\bfinished with (?:life|living)\b|\bklaar (?:is|ben|zijn|was) met (?:het |mijn |zijn |haar )?leven\b",
        r"\bwant (?:it all|everything) to (?:be over|end|stop)\b",
        r"\b(?:wil|wens|hoop)(?: [a-z]+){0,2} dat (?:het|alles)(?: (?:allemaal|nu|vandaag|gewoon|eindelijk|snel))* (?:ophoudt|stopt|voorbij is|over is|eindigt)\b",
        r"\bnot (?:know|sure)(?: if| whether)? (?:i|he|she) (?:can|want to|should|will|still want to) (?:go on|keep going|carry on|live|keep living|be alive|be here)\b",
        r"\bnot think (?:i|he|she) (?:can|want to|will) (?:go on|keep going|carry on|live|keep living|make it)\b",
    ]),
    _Rule("crisis.sleep_forever", CRISIS, 85, [
        r"\b(?:wil|wilt|hoop|hoopt|wens|liefst|zou|wou|bid|bidt|bidden)(?: [a-z]+){0,6} (?:nooit|niet) meer wakker (?:te )?(?:worden|word|wordt)\b",
        r"\b(?:do|does) not want to wake up\b|\bnever want to wake up\b",
        r"\b(?:hope|hoping|wish|pray|praying) (?:[a-z]+ ){0,2}(?:do not|never|will not|would not) wake up\b",
        r"\bsleep and (?:never|not) wake up\b|\bnever wake up again\b|\bgo to sleep forever\b",
        r"\basleep and (?:just |simply )?(?:never|not|not ever) (?:wake|waking) up\b|\b(?:fall|falling) asleep forever\b|\beternal sleep\b|\beeuwige slaap\b",
        r"\b(?:want|wanna|wish|wishing|hope|hoping|wil|wilt|wou|wens|hoop|liefst)(?: [a-z]+){0,3} (?:to )?(?:sleep|slapen|inslapen) (?:forever|for ever|voor altijd|voorgoed|eeuwig)\b",
        r"\b(?:wil|wilt|wou|wens|hoop|liefst)(?: [a-z]+){0,3} (?:voor altijd|voorgoed|eeuwig) (?:gaan )?(?:slapen|inslapen)\b",
        r"\b(?:slapen|in slaap vallen|inslapen|gaan slapen) en (?:nooit|niet) meer wakker (?:worden|word|te worden)\b",
    ]),
    _Rule("crisis.burden", CRISIS, 82, [
        r"\bbeter af (?:zijn |zonder)(?: [a-z]+)? ?(?:zonder )?(?:mij|me)\b",
        r"\b(?:ben|is) (?:een|n) (?:last|blok aan het been) voor (?:iedereen|jullie|mijn|hen|mijn familie)\b",
        r"\bniemand (?:zal|zou|gaat) (?:me|mij) (?:\w+ )?missen\b|\bgeen last meer van (?:mij|me)\b",
        r"\bbeter (?:als|dat|wanneer) (?:ik|hij|zij|ze) (?:er )?niet meer (?:ben|is|zou zijn|leef|leeft|besta)\b",
        r"\bbetter off (?:without me|dead|without him|without her)\b",
        r"\b(?:am|is) (?:a|just a) burden (?:to|for|on)\b(?! (?:my|the|our|your|his|her) (?:wallet|budget|finances|bank|account|purse)\b)",
        r"\b(?:no one|nobody|noone) (?:will|would) (?:even )?(?:miss me|care about me|notice|care if)\b",
        r"\bniemand(?: [a-z]+){0,3} (?:zal|zou|gaat) (?:het )?(?:merken|missen)\b|\bniemand (?:me|mij) (?:zal|zou) missen\b",
        r"\b(?:happier|better|easier)(?: [a-z]+){0,2} if (?:i|he|she)(?: just| simply)? (?:was|were|am|is) (?:not|no longer|gone|dead)\b",
        r"\b(?:makkelijker|fijner|beter) (?:als|dat|wanneer) (?:ik|hij|zij|ze)(?: [a-z]+)? (?:er )?niet meer (?:ben|was|is|zou zijn|leef|leefde)\b",
        r"\bwill not have to deal with me\b",
        # "ik voel me alleen maar een last voor mijn kinderen", "ik ben iedereen tot last"
        rf"\b(?:ben|was|voel (?:me|mij)|voelt (?:zich|ze zich|hij zich)|voel ik me)(?: {_BURDEN_FILL})* (?:een |n )?(?:last|blok aan het been) voor (?:iedereen|jullie|hen|anderen|de mensen|ons|{_OWN_PEOPLE_NL})\b",
        rf"\b(?:ben|was|voel (?:me|mij)|voelt (?:zich|ze zich|hij zich))(?: (?:{_BURDEN_FILL}|iedereen|jullie|hen|anderen|ons|{_OWN_PEOPLE_NL}))+ tot last\b",
        r"\bzonder (?:mij|me) (?:zijn|is|zou|zouden|hebben|heeft|gaat|wordt|zal|zullen)(?: [a-z]+){0,5} (?:beter af|makkelijker|gelukkiger|fijner|lichter|beter)\b",
        rf"\b(?:iedereen|de wereld|ze|zij|jullie|hij|{_OWN_PEOPLE_NL})(?: [a-z]+){{0,2}} (?:is|zijn|zou|zouden|zal|zullen|word|wordt|worden)(?: [a-z]+){{0,2}} beter (?:af )?zonder (?:mij|me)\b",
        r"\bbeter af(?: [a-z]+){0,2} (?:als|wanneer|zodra) ik (?:er )?(?:niet meer (?:ben|zou zijn|was|leef)|weg (?:ben|was)|dood (?:ben|was|ga))\b",
        r"\bals ik (?:er )?(?:niet meer|weg|dood) (?:ben|was|zou zijn)(?: ,)?(?: [a-z]+){0,4} (?:beter af|gelukkiger|opgelucht|makkelijker|minder last|geen last)\b",
        # "I feel like such a burden", "I've become a burden on my family"
        r"\b(?:i am|i feel like|i feel|feel like|i have become|i have been|i became|i am becoming|i am only|i will only be|feel as if i am|i always feel like|i will be)(?: (?:such|just|only|nothing but|a real|a huge|a big|a massive|a total|an absolute|a constant|so much of|always|really|more of|a))* (?:a |an )?burden\b(?! (?:of|about|with|in|regarding|on (?:my|the|our|your) (?:wallet|budget|finances|bank|account|resources))\b)",
        r"\b(?:world|everyone|everybody|they|family|people|kids|children|you all|all of you|everything|things)(?: [a-z]+){0,3} (?:be|is|are|was|were) (?:so |much |a lot |just )?(?:better|happier|easier)(?: off)? without me\b",
        r"\b(?:better|easier|happier|lighter)(?: [a-z]+){0,3} (?:when|once|after) (?:i am|i have|i will be|i will have) (?:gone|dead|not here|no longer here|not around|no longer around|out of the picture)\b(?! (?:on|for|to|from|at|abroad|away)\b)",
        r"\bdrain on (?:everyone|everybody|my family|my kids|my children|them|the people around me|all of you)\b",
        r"\b(?:weight|millstone|albatross) (?:around|round|on) (?:everyone|everybody|my family|their|his|her|our|your|my kids)(?: s)? necks?\b|\bblok aan het been (?:van|voor) (?:iedereen|jullie|ons|hen|mijn [a-z]+)\b",
        r"\b(?:free|freed|relieved|lighter|happier|better off|easier)(?: [a-z]+){0,3} (?:if|when|once) (?:i|he|she) (?:was|were|am|is) (?:not here|no longer here|not around|gone|dead)\b",
        r"\b(?:opgelucht|vrij|gelukkiger|rustiger)(?: [a-z]+){0,3} (?:als|wanneer|zodra) (?:ik|hij|zij|ze) (?:er )?(?:niet meer|weg|dood) (?:ben|was|is|zou zijn)\b",
        r"\b(?:easier|better|happier|lighter) (?:life|lives|time)(?: [a-z]+)? without me\b",
        r"\b(?:burden|burdening|belasten|belast|opzadelen)(?: [a-z]+){0,3} (?:with|met) (?:my|mijn) (?:existence|bestaan|presence|aanwezigheid)\b",
        r"\b(?:niet langer|niet meer|nooit meer) (?:[a-z]+ ){0,2}tot last (?:zijn|wezen|te zijn|is)\b|\b(?:do|does|did) not want to (?:be|remain|keep being) a burden (?:anymore|any longer|any more)\b|\bno longer (?:want|wants) to be a burden\b",
        r"\b(?:is|was|zijn|ben)(?: [a-z]+){0,2} (?:ons|jullie|hen|iedereen|mij|me) (?:alleen maar |maar |enkel )?tot last\b",
        r"\b(?:am|is|are|was) (?:only|such|nothing but|just|always) (?:a )?burden (?:to|for|on)\b(?! (?:my|the|our|your|his|her) (?:wallet|budget|finances|bank|account|purse)\b)",
        r"\b(?:lig|sta|zit|ligt|staat)(?: [a-z]+){0,2} (?:iedereen|mijn gezin|mijn familie|jullie|ons|hen|mijn kinderen)(?: [a-z]+){0,2} in de weg\b|\bi am in (?:everyone|everybody|my family|their)(?: s)? way\b",
        r"\b(?:nobody|no one|noone|niemand)(?: [a-z]+){0,3} (?:has to|have to|will have to|needs to|need to|hoeft|zal)(?: [a-z]+){0,2} (?:look after|care for|take care of|worry about|voor (?:me|mij) (?:te )?zorgen|om (?:me|mij) (?:te )?(?:malen|geven))\b",
        r"\b(?:finally|eindelijk|soon|straks)(?: [a-z]+){0,3} (?:be )?(?:rid of me|van (?:me|mij) af)\b",
    ]),
    _Rule("crisis.farewell", CRISIS, 85, [
        r"\bafscheidsbrie(?:f|ven)\b|\bafscheidsbericht\b|\bvaarwel\b|\bgoodbye forever\b",
        r"\b(?:tell|zeg tegen) (?:my|mijn) (?:kids|children|family|kinderen|familie|vrouw|man|wife|husband) (?:that )?(?:i love them|ik van ze hou|dat ik van ze hou|dat ik van hen hou)\b",
        r"\b(?:note|letter|brief|briefje|message|bericht|text)(?: [a-z]+){0,2} (?:saying|zegt|zei|with|met|waarin hij|waarin ze) (?:goodbye|vaarwel|afscheid)\b",
        r"\b(?:iedereen|mijn (?:kinderen|familie|dierbaren|ouders)) (?:een )?(?:brief|briefje|afscheidsbrief) (?:geschreven|schrijven|gestuurd)\b",
        r"\b(?:morgen|vannacht|straks|binnenkort|vanavond|na vanavond) ben ik er niet meer\b|\bik ben er (?:morgen|vannacht|straks|binnenkort|na vanavond) niet meer\b",
        r"\bnot be here (?:anymore|much longer|by morning|after tonight)\b",
        r"\b(?:suicide|goodbye|farewell) (?:note|letter|letters|notes|message)\b",
        r"\bafscheid (?:[a-z]+ ){0,2}van (?:iedereen|de wereld|het leven|mijn (?:familie|kinderen|vrienden|dierbaren))\b",
        r"\b(?:said|saying|say) goodbye to (?:everyone|everybody|my family|my kids|the world)\b",
        r"\b(?:gave|given|giving) away (?:all )?(?:my|his|her) (?:things|stuff|belongings|possessions)\b|\bspullen (?:weggegeven|weg gegeven)\b",
        r"\b(?:gave|given|giving|give) (?:all )?(?:my|his|her) (?:things|stuff|belongings|possessions)(?: [a-z]+)? away\b",
        r"\b(?:afscheidsbriefje|afscheidsbriefjes)\b|\b(?:note|letter|brief|briefje|voice note|spraakbericht)(?: [a-z]+){0,3} (?:saying|zegt|zei|dat|waarin)(?: [a-z]+){0,3} (?:it has been enough|it is enough|het genoeg is|genoeg geweest|sorry for everything|sorry voor alles|forgive|vergeef)\b",
        r"\b(?:planned|plans|planning|gepland|plant) (?:his|her|my|zijn|haar|mijn) (?:death|dood|suicide|zelfmoord|own death)\b",
        r"\b(?:this is|dit is|that this is|dat dit) (?:my|mijn|his|her|zijn|haar) (?:last|final|laatste) (?:call|message|goodbye|gesprek|bericht|telefoontje|post)\b",
        r"\bafscheids(?:bericht|berichtje|berichten|appje|app|sms|sms je|tekst|tekstje|filmpje|video|voicemail|mail)\b",
        r"\b(?:goodbye|farewell) (?:text|texts|post|sms|whatsapp|voicemail|video|voice message|voice note)\b",
        r"\b(?:sent|send|sends|texted|messaged|posted|wrote|left|stuurde|stuurt|appte|appt|schreef|postte|sprak)(?: [a-z]+){0,4} (?:goodbye|vaarwel)\b(?! (?:card|kaart|party|feestje|receptie|drinks|borrel)\b)",
        r"\b(?:said|say|saying|made|make|making) (?:my|all my|our) (?:last |final )?goodbyes\b|\b(?:saying|said|say) farewell to (?:everyone|everybody|you all|the world)\b",
    ]),
    # not being around much longer -- unless the caller is travelling or moving
    _Rule("crisis.farewell", CRISIS, 85, [
        r"\bby the time (?:you|anyone|someone|they|he|she|this|it)(?: [a-z]+){0,5} i (?:will be|will have|am|would be|will already be) (?:gone|dead|no longer here|not here|long gone|not around|no longer alive)\b",
        r"\bwhen (?:you|someone|anyone) (?:read|reads|get|gets|receive|receives|see|sees|find|finds) this(?: [a-z]+){0,3} i (?:will be|will have|am|will already be) (?:gone|dead|no longer here|no longer alive)\b",
        r"\btegen (?:de|die) tijd(?: dat)?(?: [a-z]+){0,6} ben ik er (?:al |allang |dan )?niet meer\b",
        r"\bals (?:u|jullie|je|iemand|de brief|dit|deze brief|het bericht)(?: [a-z]+){0,4} (?:leest|lezen|krijgt|krijgen|ontvangt|ontvangen|aankomt|komt|vindt|vinden)(?: [a-z]+){0,2} ben ik er (?:al |allang )?niet meer\b",
        r"\b(?:zal|zou|zullen)(?: ik| hij| ze| zij)? er (?:waarschijnlijk |vermoedelijk |toch |ook )?niet (?:lang|zo lang|heel lang) meer zijn\b",
        r"\bben (?:ik )?er (?:straks|binnenkort|weldra|na vandaag|na vanavond|na deze week|dan al|al|toch|over een paar dagen) niet meer\b(?! (?:bereikbaar|aanwezig|op kantoor|thuis|op dit adres|te bereiken|voor|om|tot|op)\b)",
        r"\bwill not (?:need|be needing) (?:it|this|that|them|any of (?:it|this|that)|money|anything)(?: [a-z]+){0,2} where i am going\b|\bwhere i am going i (?:will not|do not) need\b",
        r"\b(?:ben|is|zijn) (?:ik |hij |ze |zij )?er(?: (?:al|dan|toch|straks|binnenkort|weldra|morgen|overmorgen|vannacht|vanavond|volgende|over|na|dit|deze|een|paar|dagen|week|weekend|maand|vandaag|misschien|waarschijnlijk))+ niet meer\b(?! (?:bereikbaar|aanwezig|op kantoor|thuis|op dit adres|te bereiken|voor|om|tot|op|in|bij)\b)",
        r"\b(?:hij|ze|zij|he|she) (?:er )?(?:morgen|vannacht|straks|binnenkort|na vanavond) (?:er )?niet meer (?:is|zal zijn)\b",
        r"\b(?:will not|wont) be (?:here|around|alive|there)(?: [a-z]+)? (?:next month|after (?:this|the) (?:weekend|week|month)|in a (?:few|couple of) days|after tonight|by then|for much longer|for christmas|for my birthday)\b",
        r"\bi will (?:already )?be (?:gone|dead) (?:by the time|before it|by then|when it)\b",
        r"\b(?:going away|leaving|ga (?:binnenkort |straks )?weg|vertrek)(?: [a-z]+){0,3} (?:and|en) (?:i am |ik )?(?:not|never|niet|nooit) (?:coming|come|kom|komen) (?:back|terug|meer terug)\b",
        r"\b(?:this|dit) (?:is|would be|will be|wordt|zou) (?:my|his|her|mijn|zijn|haar) (?:last|laatste) (?:week|day|night|dag|nacht|weekend)\b(?! (?:at|op|on|in|of|van) )|\b(?:it is|het is) (?:my|mijn) (?:last|laatste) (?:day|dag)(?= \.| ,|$)",
        r"\bwaar ik (?:heen|naartoe|naar toe) ga(?: ,)?(?: [a-z]+){0,4} (?:niet|geen|niets)(?: [a-z]+){0,2} (?:meer )?nodig\b|\bnodig waar ik (?:heen|naartoe|naar toe) ga\b",
    ], check=lambda t, m: not _TRAVEL.search(t) and not _WORK.search(t)),
    # a goodbye hinted at, next to thanks, an apology or "bye everyone"
    _Rule("crisis.farewell", CRISIS, 85, [
        r"\b(?:this is goodbye|dit is (?:mijn |het )?afscheid|last time (?:you will|anyone will) (?:hear|speak|talk) (?:from|to|with) me|will not hear from me again|never hear from me again|laatste keer dat (?:u|jullie|je|iemand) (?:mij|me|iets van mij) (?:spreekt|hoort|ziet|spreken)|(?:horen|hoort|hoor) (?:niets|nooit) meer van (?:mij|me)|(?:last|laatste) (?:conversation|gesprek|call|telefoontje) (?:i will have|ik ooit|met iemand|with anyone|ever))\b",
    ], check=lambda t, m: bool(_FAREWELL_COCUE.search(t))),
    # "please send the statement to my son, I won't be needing it": a hint tucked into a
    # routine request; only next to a hand-over to a relative and without a routine reason
    _Rule("crisis.farewell", CRISIS, 85, [
        r"\b(?:will not|will no longer|am not going to|shall not)(?: be)? need(?:ing)? (?:it|this|that|them|those|these|any of (?:it|this|that|them)|the [a-z]+|my [a-z]+)(?: [a-z]+)?(?: anymore| any longer| again| much longer| after (?:today|tonight|this week|this month))?\b",
        r"\b(?:heb|hebben|zal)(?: [a-z]+){0,3} (?:het|hem|die|dat|deze|dit|ze|niets|niks|geld|de [a-z]+|het [a-z]+|mijn [a-z]+)(?: [a-z]+){0,2} (?:niet|nooit) (?:meer|langer) nodig\b",
    ], check=lambda t, m: bool(_HANDOVER.search(t)) and not _TRAVEL.search(t) and not _REASON.search(t)),

    _Rule("crisis.disappear", CRISIS, 75, [
        r"\b(?:voorgoed|voor altijd|voor eeuwig)(?: [a-z]+)? verdwijnen\b|\bverdwijnen voor (?:altijd|eeuwig)\b",
        r"\bverdwijnen en (?:nooit|niet) meer (?:terug )?(?:komen|terugkomen)\b|\bdisappear and never come back\b",
        r"\b(?:better|beter|best) (?:if|als|dat|wanneer) (?:i|ik) (?:just |gewoon |maar )?(?:disappear|disappeared|verdwijn|verdwenen|vanish|vanished)\b",
        r"\b(?:ophouden|stoppen) met bestaan\b|\bstop being (?:here|alive)\b",
        r"\b(?:wish|want|wanted)(?: i could| to)?(?: just)? (?:not exist|stop existing|disappear|vanish|not be alive)\b",
        r"\bdisappear (?:forever|for good|permanently)\b|\bstop existing\b|\bcease to exist\b|\b(?:i|to|he|she)(?: [a-z]+){0,2} not exist anymore\b",
        r"\bnot (?:be )?around (?:much longer|anymore|for (?:much )?longer|for long)\b",
    ]),
    # ---- passive death wishes, done with life as a whole (Columbia Q1) ----
    _Rule("crisis.passive_wish", CRISIS, 84, [
        r"\bwish (?:i|he|she) (?:would|had) (?:never been born|not been born|died)\b|\bwish i (?:did not|do not) exist\b|\bwish i (?:was|were) (?:not|never) (?:alive|born)\b",
        r"\b(?:would be|would just be|is|seems|sounds) (?:(?:so|much|a lot|far|way) )*(?:easier|better|a relief|peaceful|simpler|nicer) (?:to|if i)(?: just| simply)? (?:not be alive|not be here|not exist|die|be dead|was dead|were dead|not wake up|stop living|stopped living|never woke up|did not wake up|was not here|were not here|was not alive|were not alive)\b",
        r"\b(?:would not|do not|would not really|really would not) (?:mind|care) if i (?:just )?(?:died|did not wake up|never woke up|was dead|were dead|got hit|was gone|were gone|did not make it|dropped dead|stopped breathing|never came back)\b",
        r"\b(?:hope|hoping|wish|pray|praying) (?:that )?i (?:just )?(?:die|get hit|do not wake up|never wake up|do not make it through|do not survive)\b|\b(?:hope|hoping|wish|pray|praying) (?:that )?(?:a car|a bus|a truck|a train|something|someone|the cancer|this illness|god)(?: [a-z]+){0,2} (?:hits me|kills me|runs me over|takes me|ends it)\b",
        r"\bwant out of (?:this life|life|living|this world|existence|it all|everything)\b",
        r"\bdone with (?:everything|it all|all of it|existing|this world|the world|being alive|being here)(?= \.| ,|$| and i| i )",
        r"\bthinking (?:about|of) not (?:being here|being alive|existing|waking up|living)\b|\b(?:tired|sick|weary|exhausted) of (?:being here|existing|breathing|waking up)\b",
        r"\b(?:death|dying|being dead|not being here|not existing)(?: [a-z]+){0,2} (?:would be|seems like|sounds like|feels like|seems) (?:such |a |like a )*(?:relief|release|blessing|escape)\b",
        # nl
        r"\b(?:zou willen|zou ik willen|wou|wilde|wens|wenste|had liever)(?: [a-z]+)? dat ik (?:nooit|niet) (?:geboren (?:was|ben|zou zijn)|had bestaan|besta|bestond)\b|\b(?:was|ware) ik (?:maar )?nooit geboren\b|\bhad ik (?:maar )?nooit (?:bestaan|geleefd)\b",
        r"\b(?:wou|wilde|wens|wenste|zou willen|zou ik willen)(?: [a-z]+)? dat ik (?:gewoon |soms )?(?:er )?niet (?:meer )?(?:was|bestond|besta|leefde|leef)\b",
        r"\b(?:ben|is|was)(?: [a-z]+){0,3} (?:het|mijn|dit) leven(?: [a-z]+){0,2} (?:zat|beu|spuugzat)\b|\bvan (?:mij|me) hoeft het (?:allemaal )?niet meer\b(?! (?:met|zo|per|elke|via|op papier|op die manier)\b)",
        r"\b(?:heb|heeft|hebben)(?: [a-z]+){0,2} genoeg van (?:het|mijn|dit|zijn|haar) leven\b|\b(?:ben|is)(?: [a-z]+){0,2} (?:het|mijn|dit) leven (?:zat|beu|spuugzat)\b",
        r"\b(?:zou|vind|vond)(?: [a-z]+){0,3} (?:het )?niet (?:erg|zo erg|zo n ramp)(?: [a-z]+){0,2} (?:als|dat|mocht) ik (?:[a-z]+ ){0,2}(?:dood ging|doodging|doodga|dood zou gaan|sterf|stierf|zou sterven|niet meer wakker (?:werd|word|zou worden)|er niet meer (?:was|ben|zou zijn)|verongeluk|verongelukte|zou verongelukken|een ongeluk kreeg|een ongeluk zou krijgen)\b",
        r"\b(?:hoop|hoopte|wens)(?: [a-z]+)? dat ik (?:(?!niet |geen |nooit )[a-z]+ ){0,2}(?P<neg>(?:niet|nooit) )?(?:doodga|dood ga|sterf|verongeluk|een ongeluk krijg|het overleef|het niet overleef|er morgen niet meer ben|niet meer ontwaak)\b",
        r"\b(?:de dood|dood zijn|sterven|doodgaan|er niet meer zijn)(?: (?:zou|lijkt))(?: (?:me|mij|voor mij|echt|gewoon|als|wel))* (?:een )?(?:verlossing|opluchting|uitkomst)\b",
    ], check=_not_generic),
    # ---- hopelessness, worthlessness, pain only the caller could end ----
    _Rule("crisis.hopeless", CRISIS, 82, [
        r"\b(?:feel|feeling|felt)(?: [a-z]+){0,2} (?:hopeless|worthless)\b(?! (?:with|at|about|when|in|on|using|around|regarding)\b)",
        r"\b(?:i am|i have always been|i was always)(?: (?:so|completely|totally|utterly|just|really|absolutely|nothing but|such a|a))* (?:worthless|waste of space|waste of oxygen|failure at life|failure at everything)\b(?! (?:with|at|about|in|on)\b)",
        r"\b(?:everything|it all|all of it) (?:is|feels|seems) (?:so |completely |totally |utterly |just )?hopeless\b(?! (?:with|about|regarding)\b)",
        r"\b(?:nothing|things|life|my life|it all) (?:will|is going to|are going to) (?:never )?(?:ever )?(?:get better|change|improve|be (?:ok|okay|good|alright|better)(?: again)?)(?= \.| ,|$| for me| no matter| whatever| and i| i )",
        r"\b(?:nothing|things|it|life|my life|it all) (?:is|are) (?:never|not ever|ever) (?:going to|gonna) (?:get better|change|improve|be (?:ok|okay|good|alright|better)(?: again)?)(?= \.| ,|$| for me| no matter| whatever| and i| i )",
        r"\b(?:see|have|there is) no (?:hope|future)\b(?! (?:for (?:the|this|that|it|your|our|those|these)|in (?:the|this|that)|of|with|about|on)\b)",
        r"\b(?:cannot|do not) see (?:a|any) (?:future|way out|light at the end|end to this|way forward)\b(?! (?:for (?:the|this|that|it|your|our)|with|in (?:the|this))\b)",
        r"\b(?:only|enige) (?:way out|way|solution|escape|uitweg|manier|oplossing|optie|option)\b(?: [a-z]+){0,8} (?:is|would be|lijkt|zou|seems)(?: [a-z]+){0,3} (?:death|dying|to die|die|dood|de dood|sterven|doodgaan|er niet meer (?:te )?zijn|not being here|not be here|(?:als|dat) ik (?:er niet meer ben|dood ben|doodga|sterf|er niet meer zou zijn)|if i (?:die|am dead|am gone|was gone|was dead|were dead|were gone)|to end it|ending it|end it|mezelf|myself)\b",
        r"\b(?:pain|suffering|it|this)(?: [a-z]+){0,3} (?:will never|is never going to|will not|does not|cannot) (?:stop|end|go away)(?: [a-z]+){0,2} (?:unless|until) i (?:do something|end it|die|am dead|am gone|take action|make it stop|kill myself)\b(?! about\b)",
        r"\b(?:pijn|lijden|het|dit)(?: [a-z]+){0,3} (?:stopt|houdt|gaat|verdwijnt)(?: [a-z]+){0,2} pas (?:op |weg |over )?(?:als|wanneer) ik (?:er niet meer ben|dood ben|doodga|sterf|er (?:zelf )?een eind(?:e)? aan maak|het zelf doe|er zelf iets aan doe)\b",
        r"\bwhat is the point (?:anymore|of it all|of anything|of going on|of trying anymore|of waking up)(?= \.| ,|$)|\bwhy (?:should|would|do) i (?:even )?(?:bother living|keep going|go on|keep living|carry on|stay alive|bother waking up)(?= \.| ,|$| anymore)",
        # nl
        r"\bik (?:ben|voel me|voel mij)(?: (?:echt|gewoon|helemaal|zo|totaal|compleet|volkomen|toch|alleen maar))* (?:waardeloos|niets waard|nergens goed voor|een waardeloos mens)\b(?! (?:met|in|bij|als het gaat om|op|qua|voor)\b)",
        r"\b(?:voel|voelt) (?:me|mij|zich)(?: (?:echt|gewoon|helemaal|zo|totaal|compleet|volkomen|zo ontzettend))* (?:hopeloos|uitzichtloos|overbodig|niets waard|waardeloos)\b(?! (?:met|in|bij|op|qua|over)\b)",
        r"\b(?:het|alles|mijn leven|dit|niets) (?:wordt|zal|gaat)(?: [a-z]+){0,2} (?:nooit|nooit meer|niet meer) (?:meer )?(?:beter|goed)(?: worden| komen)?(?= \.| ,|$| voor mij| met mij)",
        r"\bniets (?:wordt|zal|gaat) (?:ooit )?(?:meer )?beter(?: worden)?(?= \.| ,|$)|\balles is (?:zo )?hopeloos\b(?! (?:met|bij|aan)\b)",
        r"\b(?:zie|heb|zien|ziet)(?: [a-z]+){0,2} geen (?:toekomst|hoop|uitzicht|perspectief|licht)(?: meer)?(?: voor mezelf| voor mij)?(?= \.| ,|$| en )|\b(?:er is|is er) geen (?:hoop|toekomst|uitzicht) meer(?= \.| ,|$)",
        r"\bzie (?:het nut|de zin)(?: er)? niet meer (?:van )?(?:in)?(?= \.| ,|$)|\bzie (?:het nut|de zin) (?:niet meer )?(?:van|in) (?:het leven|leven|mijn leven|doorgaan|verder leven)\b",
        r"\bwaarom zou (?:ik|je) (?:nog )?(?:doorgaan|verder gaan|verdergaan|leven|blijven leven|opstaan|ademen)(?= \.| ,|$| eigenlijk| nog)|\bwat heeft (?:het leven|mijn leven|leven|het allemaal|het) (?:nog )?(?:voor )?(?:zin|nut)(?= \.| ,|$)",
    ], check=_not_generic),
    # ---- an overdose already taken, named by dose or container ----
    _Rule("crisis.overdose_taken", CRISIS, 100, [
        rf"\b(?:took|taken|swallowed|had|ate|eaten|downed|popped|ingenomen|genomen|geslikt|doorgeslikt|opgegeten|gegeten|op)\b(?: [a-z0-9.]+){{0,3}} {_DOSE}",
        rf"\b{_DOSE}(?: [a-z0-9.]+){{0,4}} (?:ingenomen|genomen|geslikt|doorgeslikt|op|opgegeten|gegeten|naar binnen|leeg ?gegeten|leeg ?geslikt|took|taken|swallowed)\b",
        rf"\b(?:took|taken|swallowed|popped|ingenomen|genomen|geslikt|doorgeslikt)(?: [a-z]+){{0,3}} (?:a |the |een |de |mijn |my )?(?:whole|entire|full|hele|volle|complete) (?:pack|packet|box|bottle|strip|strips|blister|sheet|jar|tub|doos|doosje|potje|pot|verpakking|doordrukstrip|flesje|fles|pakje|voorraad|supply|stash)(?= \.| ,|$| (?:of|van|met|aan) (?:my |mijn |the |de )?{_PILLS}\b| (?:pills|pillen|tablets|tabletten)\b)",
        rf"\b(?:whole|entire|full|hele|volle|complete) (?:strip|strips|doos|doosje|potje|pot|verpakking|doordrukstrip|pakje|flesje|blister|pack|packet|bottle|voorraad)(?: (?:met|van|aan))?(?: (?:mijn|de|m|my|the))?(?: {_PILLS})? (?:geslikt|ingenomen|genomen|doorgeslikt|leeggegeten|leeg gegeten|leeggeslikt|leeg geslikt)\b",
        rf"\b(?:[2-9]|[1-9]\d) (?:potjes|doosjes|doosje|potje|strips|stripjes|doordrukstrips|pakjes|verpakkingen|boxes|packs|packets|bottles|blisters|sheets) (?:(?:met|van|of|aan) )?(?:mijn |de |my |the )?(?:{_PILLS} )?(?:leeg ?gegeten|leeg ?geslikt|geslikt|ingenomen|genomen|op|took|taken|swallowed)\b",
        rf"\b(?:took|taken|swallowed|popped|have had|had) (?:[2-9]|[1-9]\d) (?:boxes|packs|packets|bottles|blisters|sheets|strips) (?:of )?(?:my |the )?{_PILLS}\b",
        r"\b(?:i|ik|he|she|hij|ze|zij) (?:just |have |has |net |heb |heeft )?overdosed\b",
        rf"\b(?:heb|heeft|hebben|had) (?:net |zojuist |vannacht |vanavond |allemaal )?(?:[1-9]\d\d?|een hele|de hele|alle|al mijn|al zijn|al haar) {_PILLS}(?: [a-z0-9]+){{0,6}} op(?= \.| ,|$| en )",
    ], check=_dose_is_large),
    _Rule("crisis.overdose", CRISIS, 100, r"\boverdos[a-z]*", check=_not_pump_overdose),
    _Rule("crisis.lethality", CRISIS, 90, [
        r"\b(?:hoeveel|how much|how many)(?: [a-z0-9]+){0,5} (?:dodelijk|fatal|lethal|deadly|genoeg om dood te gaan|enough to die|enough to kill)\b",
        r"\b(?:dodelijke|lethal|fatal|deadly) (?:dosis|dose|hoeveelheid|amount|overdose)\b",
        r"\b(?:genoeg|enough)(?: [a-z]+){0,2} (?:om dood te gaan|om te sterven|to die|to kill (?:myself|me)|to end it)\b",
        r"\b(?:ways|way|manier|manieren|methods|methode|methodes) (?:to|om)(?: [a-z]+)? (?:die|dood te gaan|te sterven|end it|end my life|zelfmoord)\b",
    ], check=lambda t, m: not _PRODUCT_TEXT.search(_clause(t, m))),
]

# ---- pills / insulin taken or saved up ------------------------------------
_TAKE = (r"(?:ingenomen|innemen|inneem|geslikt|doorgeslikt|slikken|slik|slikte|genomen|nemen|neem|nam|took|take|taken|"
         r"taking|swallowed|swallow|popped|downed|spuiten|gespoten|spuit|inject|injected|injecting)")
_LOTS = re.compile(r"\b(?:[1-9]\d\d?(?! ?(?:mg|g|gr|gram|grams|ml|mcg|microgram|milligram|milligrams|mmol|procent|percent|euro|uur|keer|dagen|days|hours|minuten|minutes)\b)|al|alle|allemaal|veel|heel veel|hele|strip|strips|doos|doosje|potje|pot|"
                   r"te veel|too many|all|whole|bottle|handful|handvol|lot|lots|bunch|in een keer|in 1 keer|"
                   r"tegelijk|at once|alles|everything|dozen|dozens|heleboel)\b")
_PILLS_TAKE = re.compile(rf"\b{_PILLS}\b(?: [a-z0-9]+){{0,5}} {_TAKE}\b|\b{_TAKE}\b(?: [a-z0-9]+){{0,5}} {_PILLS}\b")
_PILLS_SAVE = re.compile(rf"\b(?:gespaard|opgespaard|verzameld|spaar|sparen|saving|saved|stockpiling|"
                         rf"hoarding|collecting|collected)(?: [a-z]+){{0,3}} {_PILLS}\b|\b{_PILLS}"
                         rf"(?: [a-z]+){{0,2}} (?:gespaard|opgespaard|verzameld)\b")
_INSULIN_WORD = re.compile(r"\b(?:insuline|insulin)\b")
_INSULIN_INTENT = re.compile(r"\b(?:al|alle|alles|all|in een keer|in 1 keer|tegelijk|at once|whole|hele)\b")


_PILLS_BARE = re.compile(r"\b(?:heeft|heb|hebben|had|has|have) (?:net |vannacht |zojuist |allemaal )?(?:pillen|tabletten|"
                         r"slaappillen|medicijnen|pijnstillers) (?:geslikt|ingenomen)\b")


def _pills_hits(text: str):
    yield from _PILLS_BARE.finditer(text)
    for m in _PILLS_TAKE.finditer(text):
        clause = _clause(text, m)
        lots = _INSULIN_INTENT if _INSULIN_WORD.search(m.group(0)) else _LOTS
        if lots.search(clause):
            yield m
    yield from _PILLS_SAVE.finditer(text)


# ---- "ik wil / kan niet meer" ---------------------------------------------
_NM_MID = r"(?: (?:ik|hij|ze|zij|het|dit|er|echt|gewoon|eigenlijk|nu|ook|dus|zo|nou|toch|gewoonweg|allemaal|helemaal|werkelijk|t))"
_NM_FORWARD = re.compile(rf"\b(?P<verb>wil|wilt|willen|wou|wilde|kan|kun|kunt|kunnen|kon)(?P<mid>{_NM_MID}{{0,3}}) niet (?:meer|langer)\b(?P<rest>[^.,]*)")
_NM_FINAL = re.compile(r"\bniet (?:meer|langer) (?P<verb>wil|wilt|willen|wou|kan|kunt|kunnen)\b(?P<rest>[^.,]*)")
_NM_STOP = frozenset("ik hij ze zij we wij i maar want omdat en dus of sinds toen".split())
_NM_FILLERS = frozenset("echt gewoon zo nou hoor nu eigenlijk ook toch dus alsjeblieft alstublieft please "
                        "help nee ja he jongens man ofzo allemaal helemaal meer mens joh eh euh uh uhm "
                        "ehm zeker langer heus hoe hoor mevrouw meneer pfff pff".split())
_NM_LIVING = frozenset("leven levend bestaan ademen wakker ontwaken doorleven lijden vechten strijden sterven "
                       "dood doodgaan doorgaan verdergaan opstaan overleven volhouden".split())
_NM_ROUTINE = frozenset("de het een die dat deze mijn jullie u uw je jou me mij ons onze hun per met in op "
                        "bij naar voor van aan via over tijdens elke elk iedere ieder zoveel zovaak zolang "
                        "lid vriend vrienden donateur donor klant geld post mail email brieven brief "
                        "nieuwsbrief acceptgiro machtiging incasso pomp pompen patch patches pod pods "
                        "sensor app maandelijks jaarlijks automatisch telefonisch lang vaak iets niets "
                        "alles".split())
_NM_NOT_VERBS = frozenset("alleen even geen een tien zeven negen boven binnen buiten open heen toen kanten "
                          "tegen tussen mensen dingen zeven".split())
_PARTICIPLE = re.compile(r"^(?:ge|be|ver|her|ont|afge|opge|aange|toege|terugge|doorge|uitge|nage|lastigge)"
                         r"[a-z]{2,}[dt]$")


def _niet_meer_is_crisis(verb: str, rest: str) -> bool:
    tokens = []
    for tok in rest.split():
        if tok in _NM_STOP:
            break
        tokens.append(tok)
    can = verb.startswith(("ka", "ku", "ko"))
    # "hij kan niet meer wakker worden" is a medical sign (device.unconscious), not a wish
    if any(t in _NM_LIVING and not (can and t == "wakker") for t in tokens):
        return True
    for a, b in itertools.pairwise(tokens):
        if (a in ("hier", "er") and b == "zijn") or (a == "op" and b in ("aarde", "deze", "wereld")):
            return True
    content = [t for t in tokens if t not in _NM_FILLERS]
    if not content:
        return True
    first = content[0]
    if first in ("verder", "door"):
        return not (len(content) > 1 and content[1] in ("met", "als", "bij", "naar"))
    if first == "zijn":
        return True
    if can and first in ("aan", "tegen") and len(content) == 1:
        return True
    for t in content:
        if t in _NM_ROUTINE or t.isdigit() or _PARTICIPLE.match(t):
            return False
        if len(t) >= 5 and t.endswith("en") and t not in _NM_NOT_VERBS:
            return False   # an infinitive: doneren, betalen, wachten, prikken, ontvangen
    return True            # unknown continuation: when in doubt, flag


# "mijn vader wil niet meer, hij wil zijn gift stoppen": a bare "wil niet meer"
# explained in the next clause by a routine topic is routine.
_NM_NEXT_TOPIC = re.compile(
    r"\b(?:gift|giften|donatie|donaties|doneren|bijdrage|lidmaatschap|machtiging|incasso|nieuwsbrief|"
    r"post|brieven|bellen|gebeld|mail|mailtjes|pomp|pompen|patch|patches|pod|sensor|abonnement|betalen|"
    r"betaling|loterij|app|donateur|vriend|lid|bedrag|kosten|geld|prijs|euro|duur|factuur|rekening|"
    r"afschrijving|contributie)\b")
_NM_NEXT_LIVING = re.compile(r"\b(?:leven|dood|sterven|zelfmoord|moe|kapot|zin|uitzichtloos|pijn|alles)\b"
                             r"|\b(?:ben|is|zijn|voel me) (?:echt |helemaal |gewoon )?op\b")
# "dat wil ik niet meer": a fronted object pronoun points back to something routine
_NM_FRONTED = re.compile(r"\b(?:dat|die|het|dit|zo|zoiets|zulke|zo n)$")
_NM_SUBJECT_MID = re.compile(r"\b(?:ik|hij|ze|zij|we|wij)\b")


def _niet_meer_hits(text: str):
    if "niet meer" not in text and "niet langer" not in text:
        return
    for regex in (_NM_FORWARD, _NM_FINAL):
        for m in regex.finditer(text):
            if not _niet_meer_is_crisis(m.group("verb"), m.group("rest")):
                continue
            if (regex is _NM_FORWARD and _NM_SUBJECT_MID.search(m.group("mid"))
                    and _NM_FRONTED.search(text[:m.start()].rstrip())
                    and not _NM_NEXT_LIVING.search(_sentence(text, m))):
                continue
            if not m.group("rest").strip():
                nxt = text[m.end():].lstrip(" ,")
                stop = nxt.find(" . ")
                nxt = nxt if stop == -1 else nxt[:stop]
                nxt = nxt.split(" , ")[0]
                if _NM_NEXT_TOPIC.search(nxt) and not _NM_NEXT_LIVING.search(nxt):
                    continue
            yield m


_NIET_MEER_WILLEN_EXTRA = re.compile(r"\bwil(?:t|len)? (?:dit|het|mijn|zo n|zo|m) leven niet meer\b")


# ==========================================================================
# END-OF-LIFE REQUESTS
# ==========================================================================
# a wish to die next to a terminal illness is (also) a request for help to die
_DEATH_WISH_CUE = re.compile(r"\b(?:wil|wilt|want to|wants to|wanna)(?: [a-z]+){0,2} (?:dood|die|sterven|doodgaan)\b"
                             r"|\bdood wil\b|\bniet meer (?:wil )?leven\b|\bend my life\b"
                             r"|\bwants? (?:it|this|everything) to (?:stop|end|be over)\b|\bwil dat het(?: [a-z]+){0,2} (?:ophoudt|stopt|eindigt|voorbij is)\b")
_EOL_FILL_NL = (r"(?:graag|nu|echt|zo snel mogelijk|zo snel|snel|gewoon|eindelijk|zelf|ook|toch|het liefst|"
                r"liefst|alsjeblieft|alstublieft|dringend|om|op|heel graag|per se|nu meteen|meteen|zo|"
                r"mogelijk|vandaag|deze week)")
_EOL_FILL_EN = r"(?:to get|to have|to request|to apply for|to be given|just|really|now|please|urgently|for|to)"
_EOL_RULES = [
    _Rule("eol.euthanasia_request", EOL, 72, [
        rf"\b(?:wil|wilt|willen|wens|wenst|vraag|vraagt|smeek|smeekt|smeken|eis|eist|hoop|sta)(?: (?:ik|hij|ze|zij))?(?: (?P<neg>geen|niet))?(?: {_EOL_FILL_NL}){{0,4}} (?:euthanasie|levensbeeindiging)\b",
        rf"\b(?:want|wants|need|needs|request|requesting|beg|begging|begs|asking for|ask for|demand|demanding|apply for|applying for|would like)(?: (?P<neg>not))?(?: {_EOL_FILL_EN}){{0,3}} (?:euthanasia|assisted dying|assisted suicide|be euthanized|euthanized|euthanize me|die with dignity)\b",
    ], check=lambda t, m: _not_informational(t, m) and not _LATER.search(_sentence(t, m))),
    _Rule("eol.euthanasia_request", EOL, 72, [
        r"\beuthanas[a-z]* (?:now|nu|today|vandaag|please|alstublieft|alsjeblieft|asap|meteen|direct|urgently|dringend)(?= \.| ,|$| please| alstublieft| alsjeblieft| i | ik )",
        r"\b(?:spoedeuthanasie|urgent euthanasia|emergency euthanasia|euthanasia urgently|spoed euthanasie)\b|\b(?:need|want|wil|wens)(?: [a-z]+)? (?:an |a |een )?(?:urgent|snelle|spoed|dringende|quick) euthanas[a-z]*",
        r"\b(?:geef|give|grant|gun) (?:me|mij|him|her|hem|haar)(?: [a-z]+)? euthanas[a-z]*|\beuthanas[a-z]* (?:wil|wilt|willen|wou)\b",
        r"\b(?:wil|wens|wilt)(?: [a-z]+){0,2} (?:waardig|met waardigheid|in waardigheid) (?:sterven|doodgaan|overlijden)\b",
        r"\b(?:nog|vandaag nog|nu nog) euthanasie\b",
    ], check=_request_now),
    _Rule("eol.end_my_life_request", EOL, 74, [
        r"\b(?:wil|wilt|willen|wens|wenst) dat (?:u|jullie|de dokter|de arts|de kliniek|het expertisecentrum|iemand|de huisarts|je|hij|zij)(?: [a-z]+){0,3} (?:mijn|me|zijn|haar) leven(?: [a-z]+)? (?:beeindigt|beeindigen|stopt|stoppen|afmaakt|beeindig|neemt)\b",
        r"\b(?:help|helpt|helpen)(?: [a-z]+){0,2} (?:me|mij|hem|haar)(?: [a-z]+){0,2} (?:om )?(?:te )?(?:sterven|dood te gaan|doodgaan|overlijden|mijn leven te beeindigen)\b",
        r"\b(?:me|mij|hem|haar)(?: [a-z]+){0,2} helpen (?:om )?(?:te )?(?:sterven|dood te gaan|doodgaan|overlijden)\b",
        r"\b(?:me|mij)(?: [a-z]+){0,3} (?:laten|laat) (?:gaan )?(?:sterven|inslapen|doodgaan)\b|\b(?:laat|laten) (?:me|mij)(?: [a-z]+)? (?:sterven|inslapen|doodgaan)\b",
        r"\b(?:geef|geeft|geven|krijg|wil)(?: [a-z]+){0,3} (?:het |een |de |mijn )?(?:laatste )?(?:spuitje|euthanasiemiddel|euthanatica)\b",
        r"\bdodelijke? (?:middel|drankje|injectie|spuit|dosis|pil|pillen|middelen)\b",
        r"\bhelp (?:me|him|her) (?:to )?die\b|\b(?:let|letting) me die\b|\bhelp (?:me|him|her) (?:to )?end (?:it|my life|his life|her life)\b",
        r"\beinde? (?:komt |maken |maakt )?aan (?:mijn|zijn|haar|het) (?:lijden|bestaan)\b|\bend (?:my|his|her) suffering\b",
        r"\bhelp (?:me|mij)(?: [a-z]+){0,2} (?:arrange|get|with|regelen|aanvragen|krijgen|bij|met) euthanas[a-z]*|\b(?:helpen|help|helpt) met euthanas[a-z]*",
        r"\b(?:me|mij|hem|haar) (?:helpt|helpen|help) (?:om )?(?:te )?(?:sterven|dood te gaan|doodgaan|overlijden)\b",
        r"\b(?:kan|kunnen|kunt|wil|willen|mag) (?:de kliniek|de arts|de dokter|het expertisecentrum|jullie|u|iemand)(?: [a-z]+){0,2} mijn leven (?:beeindigen|stoppen|afsluiten)\b",
        r"\b(?:can|could|will|would|please) (?:the clinic|a doctor|the doctor|someone|somebody|you|u)(?: from the clinic)?(?: please)?(?: come and)? (?:end|take) my life\b",
        r"\b(?:want|need|asking|ask|beg|begging) (?:you|u|the clinic|the doctor|someone|them|a doctor) to (?:end|take) my life\b",
        r"\b(?:can|could|will|would) (?:you|u|the clinic|the doctor|they|someone)(?: please)? (?:end my life|help me die|let me die|put me to sleep)\b",
        r"\bput me to sleep (?:for good|forever|permanently)\b",
        r"\b(?:laat|laten) (?:me|mij) (?:alsjeblieft |alstublieft |toch |nu |gewoon )?gaan(?= \.| ,|$)|\b(?:please|just) let me go(?= \.| ,|$)|\bhelp me go\b",
        r"\b(?:give|get) me (?:the |a )?(?:lethal|deadly) (?:injection|drink|dose|medication|medicine)\b",
    ], check=lambda t, m: _not_informational(t, m) or bool(re.search(r"\b(?:me|mij|my)\b", m.group(0)))),
    _Rule("eol.distress_now", EOL, 76, [
        r"\b(?:het |dit |mijn |zijn |haar |dat )?lijden(?: [a-z]+){0,2} (?:moet|moeten|mag)(?: [a-z]+){0,3} (?:stoppen|ophouden|over zijn|voorbij zijn|afgelopen zijn|eindigen)\b",
        r"\b(?:houd|hou|houdt) (?:het lijden|de pijn|dit lijden|mijn lijden|deze pijn)(?: [a-z]+){0,2} niet (?:meer|langer) (?:uit|vol)\b|\b(?:kan|kun|kunt) (?:het lijden|dit lijden|de pijn|deze pijn)(?: [a-z]+){0,2} niet (?:meer|langer) (?:aan|verdragen|dragen)\b",
        r"\bde pijn(?: [a-z]+){0,2} (?:moet|moeten) (?:nu|vandaag|eindelijk|nu echt|echt nu)(?: [a-z]+){0,2} (?:stoppen|ophouden|over zijn|voorbij zijn)\b",
        r"\b(?:the |this |my |his |her )?suffering(?: [a-z]+){0,2} (?:has to|must|needs to|have to|need to|should) (?:stop|end|be over)\b",
        r"\b(?:the |this |my |his |her )?(?:pain|agony)(?: [a-z]+){0,2} (?:has to|must|needs to|need to) (?:stop|end|be over)(?: [a-z]+)? (?:now|today|tonight|right now|immediately)\b",
        r"\b(?:cannot|can not|could not) (?:take|bear|stand|endure|handle) (?:this |the |my |his |her )?(?:suffering|agony)\b",
        r"\b(?:the |this |my )?(?:suffering|lijden)(?: [a-z]+){0,2} (?:is|wordt) (?:too much|unbearable|niet meer te (?:dragen|verdragen|harden|doen)|ondraaglijk)\b",
        r"\b(?:want|wants|need|needs) (?:my|the|this|his|her) suffering to (?:end|stop)\b|\b(?:do|does) not want to suffer (?:anymore|any longer|any more)\b|\bno longer (?:want|wants) to suffer\b",
        r"\bwil (?:niet langer|niet meer|nu niet meer) lijden\b",
    ], check=_personal_statement),
    _Rule("eol.unbearable_suffering", EOL, 70,
          r"\b(?:ondraaglijk|uitzichtloos|unbearabl|intolerabl)[a-z]*",
          check=_personal_statement),
    _Rule("eol.terminal_illness", EOL, 70,
          r"\b(?:terminally ill|terminal (?:cancer|illness)|terminaal|ongeneeslijk ziek|uitbehandeld|kanker|"
          r"cancer|parkinson|dementie|dementia|palliatief|palliative|hersentumor|brain tumour|brain tumor)\b",
          check=lambda t, m: bool(_DEATH_WISH_CUE.search(t))),
    _Rule("eol.completed_life", EOL, 70, [
        r"\b(?:mijn )?leven is (?:[a-z]+ )?voltooid\b|\bvoltooid leven\b|\bmijn leven is (?:klaar|af|voorbij)\b",
        r"\b(?:afsluiten|sterven|beeindigen|inslapen|overlijden) met (?:de )?hulp van (?:een|de) (?:arts|dokter|huisarts|kliniek)\b",
        r"\bhet (?:leven )?hoeft (?:[a-z]+ )?voor (?:mij|me) niet meer\b(?! (?:met|zo|per|elke|via|op papier|op die manier)\b)|\bvoor (?:mij|me) hoeft het (?:allemaal )?niet meer\b(?! (?:met|zo|per|elke|via|op papier|op die manier)\b)",
    ], check=_personal_statement),
]

# ==========================================================================
# DEVICE SAFETY
# ==========================================================================
_GLU_CTX = (r"(?:bloedsuiker[a-z]*|suiker[a-z]*|glucose[a-z]*|bg|bs|sugar|sugars|levels?|hypo|waarde|cgm|sensor|"
            r"meter|reading|mmol|i am at|i am on|ik zit op|ik sta op|ik zit nu op|im at|zit ik op|sta ik op|"
            r"zit ik nu op|sta ik nu op|down to|dropped to|gezakt naar|gedaald naar|zakt naar)")
_NO_VALUE_AFTER = (r"(?! ?(?:eenheden|eenheid|units?|uur|uren|hours?|minuten|minutes?|min|jaar|years?|dagen|days?|"
                   r"keer|times|procent|percent|euro|weken|weeks|maanden|months|e\b|u\b))")
_GLU_VALUE = re.compile(
    rf"\b(?P<ctx>{_GLU_CTX})\b(?P<gap>(?: (?!keton)[a-z]+){{0,4}}?) (?P<val>\d{{1,3}}(?:\.\d{{1,2}})?)\b{_NO_VALUE_AFTER}"
    rf"|\b(?P<val2>\d{{1,3}}(?:\.\d{{1,2}})?) ?(?:mmol|mg)\b")
_KETONE_BEFORE = re.compile(r"\bketon[a-z]*(?: [a-z]+)?$")
_HIGH_WORDS = re.compile(
    rf"\b{_GLU_CTX}\b(?: [a-z]+){{0,4}} (?:hi|(?:erg|heel|te|extreem|super|veel te|gevaarlijk|echt|zo|enorm) hoog|"
    rf"torenhoog|sky high|through the roof|(?:very|really|extremely|dangerously|way too|too|so|super) high|"
    rf"wil niet zakken|zakt niet|gaat niet omlaag|blijft stijgen|will not come down|not coming down|keeps rising|"
    rf"keeps going up|rising fast|stijgt (?:heel |erg |zo )?snel|skyrocketing|shooting up|schiet omhoog|blijft maar stijgen)\b"
    rf"|\b(?:meter|sensor|cgm|reading) (?:zegt|says|shows|geeft|gives|staat op|reads) (?:[a-z]+ )?hi\b|\bhyper\b")
_LOW_WORDS = re.compile(r"\b(?:meter|sensor|cgm|reading|sugar|suiker|glucose) (?:zegt|says|shows|geeft|gives|staat op|reads) (?:[a-z]+ )?(?:lo|low|laag)\b")
_KETONE = r"(?:ketonen|ketones|keton[a-z]*|ketone[a-z]*)"
_KETONE_VALUE = re.compile(rf"\b{_KETONE}\b(?: [a-z]+){{0,3}} (?P<val>\d{{1,2}}(?:\.\d{{1,2}})?)\b")
_KETONE_QUAL = re.compile(
    rf"\b(?:heb|hebben|heeft|have|has|got|positive|positief|positieve|hoge|high|large|moderate|veel|verhoogde|"
    rf"raised|elevated|sterk|small|trace|with|met|en|and)(?: [a-z]+)? {_KETONE}\b(?! (?:[a-z]+ )?(?:gemeten|getest|gecontroleerd|"
    rf"measured|tested|checked|meten|testen|strips|strip|meter|negative|negatief|negatieve|normal|normaal|fine|ok|okay|goed|weg|gone|zero|nul)\b)"
    rf"|\b{_KETONE} (?:[a-z]+ ){{0,2}}(?:hoog|verhoogd|positief|high|positive|elevated|raised|up)\b"
    rf"|\b(?:heb|have|has|in|denk dat ik|think i have)(?: [a-z]+){{0,2}} (?:dka|ketoacidose|ketoacidosis)\b")
_VOMIT = re.compile(r"\b(?:overgeven|overgegeven|geef over|gaf over|braken|braak|braakt|gebraakt|spugen|spuug|"
                    r"gespuugd|kotsen|kots|vomit[a-z]*|throwing up|threw up|throw up|being sick|been sick)\b")
_UNWELL = re.compile(
    r"\b(?:misselijk|beroerd|ziek|duizelig|onwel|ellendig|slap|suf|verward|wazig|raar|benauwd|"
    r"voel me (?:niet goed|slecht|rot|vreselijk|heel slecht|helemaal niet goed|niet lekker|ziek)|"
    r"sick|dizzy|unwell|nauseous|nauseated|nausea|confused|drowsy|faint|lightheaded|shaky|"
    r"(?:feel|feeling|felt) (?:[a-z]+ )?(?:awful|terrible|bad|ill|weird|off|horrible|rough|not well|not good))\b")
_OCCLUSION = re.compile(r"\b(?:occlusie[a-z]*|occlusion[a-z]*|occlud[a-z]*|verstop[a-z]*|blokkade|geblokkeerd|blocked|"
                        r"blockage|occluded)\b")
_PUMP_FAIL = re.compile(
    r"\b(?:pomp|pump|pod|patch)(?: [a-z]+){0,3} (?:gestopt|stopte|stopt|stopped|died|kapot|werkt niet|"
    r"doet het niet|doet niets|failed|is not working|not working|broke|broken|uitgevallen|error|alarm)\b")
_NOT_DELIVERING = re.compile(
    r"\b(?:geeft|gaf|levert|leverde|komt|kwam|gaat|ging|krijg|krijgt|kreeg)(?: [a-z]+){0,5} geen insuline\b"
    r"|\bgeen insuline (?:meer )?(?:uit|door) (?:de|mijn|m) pomp\b|\bgeen (?:insuline ?)?afgifte\b|\bno (?:insulin )?delivery\b"
    r"|\binsuline (?:komt|kwam|gaat|ging) (?:[a-z]+ )?niet (?:meer )?(?:door|in|uit|naar binnen)\b"
    r"|\bkrijg (?:[a-z]+ )?geen insuline\b"
    r"|\b(?:is|was|are) not (?:delivering|giving|pumping|releasing) (?:any )?insulin\b"
    r"|\bnot (?:delivering|giving|pumping) (?:any |me )?insulin\b"
    r"|\bstopped (?:delivering|giving|pumping) (?:any )?insulin\b"
    r"|\bno insulin (?:is |has |has been |was )?(?:coming|going|gone|getting|got|delivered|being delivered)\b"
    r"|\bnot getting (?:any )?insulin\b"
    # "mijn pomp geeft al uren niets af"
    r"|\b(?:pomp|pump|pod|patch)(?: [a-z]+){0,4} (?:geeft|gaf|levert|leverde)(?: [a-z]+){0,3} (?:niets|niks|geen insuline|niet(?:s)? meer) (?:af|door)\b"
    r"|\b(?:pomp|pump|pod|patch)(?: [a-z]+){0,4} (?:is not|isn t|has not been|has not|hasn t|was not) (?:delivering|giving|pumping) (?:anything|any insulin)\b")
_NOT_DELIVERING_GENERIC = re.compile(r"^(?: [a-z0-9]+){0,5} (?:als|wanneer|if|when|unless|tenzij|tijdens|during|while|bij het)\b")
_SENTENCE_QUESTION = re.compile(r"\b(?:klopt dat|is dat normaal|is dat zo|is that normal|is that right|is that correct|"
                                r"is that true)\b|\b(?:toch|right|correct|klopt het)(?: \.)?\s*$")
_DEVICE_FAQ = re.compile(
    r"\b(?:wat|hoe) (?:moet|doe|kan|kun|moeten|doen) (?:ik|je|we|u|men)(?: [a-z]+){0,2} (?:als|wanneer|bij)\b"
    r"|\bwhat (?:should|do|can|must|would) (?:i|you|we|one) do (?:if|when)\b|\bwhat happens (?:if|when)\b"
    r"|\b(?:does|do|can|will|could|kan|gaat|zal) (?:the|de|my|mijn) (?:pump|pomp|pod|patch)\b")


def _glucose_values(text: str):
    for m in _GLU_VALUE.finditer(text):
        if m.group("val2") is not None:
            raw = m.group("val2")
        else:
            if _KETONE_BEFORE.search(text[:m.start("ctx")].rstrip()):
                continue
            raw = m.group("val")
        value = float(raw)
        if value > 40:
            value = value / 18.0          # mg/dl -> mmol/l
        if value < 1.0:
            continue                      # not a glucose value (ketones, 0.5 units, ...)
        yield value, m


def _first(text: str, matches) -> tuple | None:
    """(negated, start, end) of the best match: an un-negated one if any."""
    best = None
    for m in matches:
        neg = _is_negated(text, m.start(), m.end(), m)
        if not neg:
            return (False, m.start(), m.end())
        if best is None:
            best = (True, m.start(), m.end())
    return best


_SOMEONE = re.compile(rf"\b(?:i|ik|my|mijn|me|mij|m|he|she|hij|zij|ze|his|her|zijn|haar|{_PERSON})\b")


def _device_state(text: str) -> dict:
    state = {}
    high = [m for v, m in _glucose_values(text) if v >= 14.0] + list(_HIGH_WORDS.finditer(text))
    low = [m for v, m in _glucose_values(text) if v < 3.0] + list(_LOW_WORDS.finditer(text))
    ketones = [m for m in _KETONE_VALUE.finditer(text) if float(m.group("val")) >= 1.0]
    ketone_value_spans = {m.start() for m in _KETONE_VALUE.finditer(text)}
    ketones += [m for m in _KETONE_QUAL.finditer(text)
                if not any(abs(m.end() - s) < 40 and s >= m.start() - 5 for s in ketone_value_spans)]
    # a general question ("how high is too high for ketones") is not a reading
    ketones = [m for m in ketones if not (_QUESTION_START.search(_sentence(text, m))
                                          and not _SOMEONE.search(_sentence(text, m)))]
    # a signal that the message itself says is over ("... ketones but it's all normal again")
    high = [m for m in high if not _RESOLVED.search(text, m.end())]
    ketones = [m for m in ketones if not _RESOLVED.search(text, m.end())]
    state["high"] = _first(text, high)
    state["low"] = _first(text, low)
    state["ketones"] = _first(text, ketones)
    state["vomit"] = _first(text, _VOMIT.finditer(text))
    state["unwell"] = _first(text, _UNWELL.finditer(text))
    state["occlusion"] = _first(text, _OCCLUSION.finditer(text))
    state["pump_fail"] = _first(text, _PUMP_FAIL.finditer(text))
    faq = _DEVICE_FAQ.search(text)
    nd = [m for m in _NOT_DELIVERING.finditer(text)
          if not (faq and faq.start() < m.start())
          and not _NOT_DELIVERING_GENERIC.match(text[m.end():])
          and not _SENTENCE_QUESTION.search(_sentence(text, m))]
    state["not_delivering"] = _first(text, [m for m in nd if not _RESOLVED.search(text, m.end())])
    return state


def _combine(*parts) -> tuple | None:
    """All parts present: negated if the first (primary) part is negated."""
    if any(p is None for p in parts):
        return None
    return (parts[0][0], parts[0][1], parts[0][2])


_PERSON_BEFORE = re.compile(rf"\b{_PERSON}\b(?: [a-z]+){{0,5}} $")
_CONFUSED = (r"(?:verward|confused|praat (?:heel |erg )?(?:raar|vreemd|onduidelijk)|raar praten|suf|drowsy|slurring|"
             r"sluggish|zweterig|kan (?:niet|nauwelijks) (?:meer )?(?:nadenken|praten|lopen|staan)|"
             r"cannot (?:think|talk|stand|walk)|can barely (?:stand|talk|walk|think)|not making sense)")
_HW = (r"(?:handheld|controller|pdm|laadpoort|laadpoortje|oplaadpoort|charging port|pomp|pump|pod|patch|batterij|battery|accu|lader|oplader|charger|behuizing|housing|case|"
       r"casing|omhulsel|kastje|apparaatje|apparaat|device|reservoir|insulinepomp|oplaadkabel|adapter)")
_DEVICE_RULES = [
    _Rule("device.unconscious", DEVICE, 96, [
        r"\bbewusteloos\b|\bbuiten bewustzijn\b|\bniet (?:meer )?aanspreekbaar\b",
        r"\bin elkaar (?:gezakt|gestort|zakt)\b|\bcollapsed\b|\b(?:zakt|zakte|zakken) in elkaar\b",
        r"\b(?:ligt|lag|zit|zat|is) te (?:stuiptrekken|schuimbekken|schokken|trillen en schokken)\b|\bstuiptrek[a-z]*|\bschuimbek[a-z]*",
        r"\b(?:jerking|twitching) (?:and|en) (?:jerking|twitching|shaking|convulsing)\b|\b(?:shaking|trembling) and jerking\b|\bjerking (?:uncontrollably|all over)\b|\bclench(?:ing|es|ed)? (?:his|her|their) jaw\b",
        r"\b(?:cannot|can not|could not) wake (?:him|her|them|my [a-z]+)(?: up)?\b",
        r"\b(?:kan|kon|krijg|kunnen|kreeg|krijgen|lukt)(?: [a-z]+){0,3} niet (?:meer )?wakker (?:worden|krijgen|gemaakt|maken|te krijgen|word)\b",
        r"\bniet (?:meer )?wakker te (?:krijgen|maken)\b",
        r"\b(?:krijg|krijgt|kreeg|krijgen)(?: [a-z]+){0,3} niet (?:meer )?wakker\b|\bniet (?:meer )?wakker (?:wordt|werd)\b",
        r"\b(?:ligt|lag|zit|zat) te schokken\b|\bschokt (?:over|met) (?:zijn|haar|heel)\b",
        r"\b(?:is|was|are) not waking up\b|\bnot waking up\b",
        r"\bflauw ?gevallen\b|\bvalt flauw\b|\bflauwvalt\b",
        r"\b(?:heeft|had|krijgt|kreeg|heb) een toeval\b|\bschuim (?:op|om) (?:zijn|haar|de) mond\b|\bfoaming at the mouth\b",
        r"\bepileptische aanval\b|\b(?:een|epileptisch) insult\b|\bstuip(?:en)?\b|\bconvulsie[a-z]*|\btrekkingen\b",
        r"\bunconscious\b|\bpassed out\b|\bfainted\b|\bunresponsive\b",
        r"\bcannot (?:wake|rouse)(?: [a-z]+){0,3} up\b|\bcannot be (?:woken|waked|roused)\b|\bwill not wake up\b",
        r"\bseizures?\b|\bseizing\b|\bconvulsing\b|\bconvulsions?\b|\bhaving a fit\b",
    ]),
    # a person (not the app) who does not respond; anchored on the verb for speed
    _Rule("device.unconscious", DEVICE, 96, [
        r"\b(?:reageert|reageerde)(?: [a-z]+)? (?:niet|nergens (?:meer )?op)\b",
        r"\b(?:will not|does not|did not|is not|cannot|was not) (?:respond|responding|answer me|react|reacting)\b",
        r"\bnot responding\b|\b(?:is not|was not|are not) answering (?:anymore|any more|me)(?= \.| ,|$)|\bgeeft geen antwoord meer\b|\bzegt (?:niets|niks) meer\b",
    ], check=lambda t, m: bool(_PERSON_BEFORE.search(t[max(0, m.start() - 60):m.start()]))),
    _Rule("device.severe_hypo", DEVICE, 94, [
        rf"\b(?:hypo|low|laag)\b(?: [a-z0-9.]+){{0,8}} {_CONFUSED}\b|\b{_CONFUSED}\b(?: [a-z0-9.]+){{0,8}} (?:hypo|low|laag)\b",
        r"\b(?:zware|ernstige|heftige|hele erge|erge|severe|bad|really bad|serious|extreme|massive) (?:hypo|low|hypoglyc[a-z]*)\b",
        r"\b(?:dangerously|extremely|critically|gevaarlijk|extreem|kritiek) (?:low|laag)\b",
        r"\b(?:cannot|can not|could not|kan|krijg|kreeg|lukt)(?: [a-z]+){0,2} (?:get )?(?:my|mijn|his|her|zijn|haar) (?:sugar|suiker|glucose|bloedsuiker|levels|waarde)(?: [a-z]+)? (?:niet )?(?:up|omhoog)\b",
        r"\bglucagon\b(?: [a-z]+){0,2} (?:gegeven|gespoten|nodig|geven|spuiten)\b|\b(?:gave|give|given|need|needs|needed|injected|used) (?:[a-z]+ )?glucagon\b",
        r"\b(?:hypo|low|suiker|sugar)(?: [a-z]+){0,3} (?:wil niet omhoog|gaat niet omhoog|blijft laag|will not come up|not coming up|keeps dropping|keeps falling|blijft (?:maar |steeds )?(?:zakken|dalen)|(?:zakt|daalt) (?:heel |erg |te |zo )?snel|(?:dropping|falling) (?:really |very |so )?fast)\b",
    ]),
    _Rule("device.too_much_insulin", DEVICE, 91, [
        r"\b(?:te ?veel|too much|way too much|veel te veel|overdose of|overdosis) (?:[a-z]+ )?(?:insuline|insulin)\b",
        r"\b(?:insuline|insulin) overdos[a-z]*",
        r"\b(?:dubbele|dubbel|double|twee keer|twice|2 keer) (?:een )?bolus\b|\bbolus(?: [a-z]+){0,2} (?:twee keer|twice|dubbel|double)\b",
        r"\b(?:zomaar|vanzelf|ongevraagd|uit zichzelf|randomly|unexpectedly)(?: [a-z]+){0,3} (?:een )?bolus\b",
        r"\bbolus(?: [a-z0-9]+){0,5} (?:zomaar|vanzelf|ongevraagd|uit zichzelf|on its own|by itself|randomly|i did not ask for|i never asked for|i did not give|terwijl ik niets deed|terwijl ik niks deed|zonder dat ik|without me|without asking)\b",
        r"\b\d+ (?:eenheden|units|e|u) (?:in plaats van|instead of) \d+\b",
        r"\b(?:per ongeluk|per vergissing|accidentally|by accident|by mistake)(?: [a-z0-9]+){0,5} (?:bolus|insuline|insulin|eenheden|units|gebolust|bolused|injected|gespoten)\b",
        r"\b(?:gaf|gave|delivered|gegeven|geeft|gives|pumped|injected)(?: [a-z]+){0,3} (?:te veel|too much|way too much|veel te veel|extra insulin on its own)\b",
        r"\b(?:pomp|pump|pod)(?: [a-z]+){0,3} overdos[a-z]*",
        r"\b(?:pomp|pump|pod|patch)(?: [a-z]+){0,2} (?:blijft|keeps|kept|bleef)(?: maar)?(?: [a-z]+ (?:and|en))? (?:insuline |insulin )?(?:geven|giving|delivering|pumping|bolussen|bolusing|injecting|afgeven)\b(?! (?:me |mij )?(?:a|an|the|een|de|het|this|that|these|weird|strange|rare|vreemde|error|errors|foutmelding|foutmeldingen|alarm|alarms|alarmen|reminders?|meldingen?|warnings?|notifications?|messages?|beeps?|signals?)\b)",
        r"\b(?:will not|would not|does not|won t) stop (?:giving|delivering|pumping|injecting)(?: [a-z]+)? (?:insulin|insuline)\b|\bstopt niet met (?:insuline )?(?:geven|toedienen|afgeven|pompen)\b",
        r"\b(?:insulin|insuline|bolus)(?: [a-z]+){0,3} (?:on its own|by itself|vanzelf|uit zichzelf|zomaar)\b",
        # the whole reservoir at once: "heeft in een keer alle insuline gegeven"
        r"\b(?:alle|al de|de hele|het hele|heel de|all the|all of the|all (?:my|its)|the whole|the entire|entire) (?:insuline|insulin|reservoir|cartridge|voorraad)(?: [a-z]+){0,3} (?:gegeven|afgegeven|geleegd|leeggepompt|geleverd|ingespoten|toegediend|gepompt|delivered|given|dumped|emptied|pumped|injected|released|gave)\b",
        r"\b(?:gaf|gave|dumped|emptied|delivered|pumped|pushed|released|leegde|spoot|injected)(?: [a-z]+){0,3} (?:alle|all|all of|the whole|the entire|de hele|heel de) (?:[a-z]+ )?(?:insuline|insulin|reservoir|cartridge)\b",
    ]),
    # a whole dose at once, not as a question ("kan ik mijn insuline in een keer geven?")
    _Rule("device.too_much_insulin", DEVICE, 91, [
        r"\b(?:insuline|insulin|dosis|dose|reservoir|eenheden|units)(?: [a-z0-9]+){0,4} (?:in een keer|in 1 keer|in one go|all at once|at once)\b(?: [a-z]+){0,2} (?:gegeven|afgegeven|geleverd|delivered|given|gave|pushed|gepompt|leeggepompt|pumped|in)\b",
        r"\b(?:in een keer|in 1 keer|in one go|all at once|at once)(?: [a-z]+){0,3} (?:insuline|insulin|reservoir)(?: [a-z]+){0,2} (?:gegeven|afgegeven|geleverd|delivered|given|gepompt|leeggepompt|pumped)\b",
    ], check=lambda t, m: not _QUESTION_START.search(_clause(t, m)) and not _routine_device_talk(_sentence(t, m))),
    _Rule("device.heat_fire", DEVICE, 92, [
        rf"\b{_DEV}(?: [a-z]+){{0,2}}? (?:is|was|werd|wordt|word|voelt|voelde|raakte|got|gets|getting|became|becomes|felt|feels|went|turned|gotten|become|running|sits|sat|zit|zat|ligt|lag)(?: [a-z]+){{0,2}}? (?:heet|hot|gloeiend|kokend|bloedheet|burning|scorching|scalding|searing|boiling|(?:heel|erg|echt|super|te|gloeiend|ontzettend|extreem|really|very|extremely|too|so) warm)\b",
        r"\b(?:voelt|brandt|feels|felt|voelde) (?:als|like) (?:vuur|fire|it is burning|it is on fire)\b",
        r"\b(?:gloeiend|kokend|bloed) ?heet\b|\bburning hot\b|\bred hot\b|\btoo hot to (?:touch|hold|wear)\b|\bheet (?:geworden|werd|worden)\b|\b(?:overheat|oververhit)[a-z]*",
        r"\b(?:verbrand|brandwond|brandplek|brandblaar|brandlucht)[a-z]*",
        r"\bbrandt (?:op|in|aan) (?:mijn|de|m|zijn|haar) (?:huid|buik|arm|been)\b|\bbrandende? (?:plek|plekken|huid|wond)\b",
        r"\bburn(?:s|ed|t)? (?:on |to )?(?:my|his|her|the) (?:skin|stomach|belly|arm|leg|tummy|side|hand|finger|thigh)\b",
        r"\b(?:a|the|got a|have a|has a|left a) burn\b|\bburn (?:mark|marks|blister|blisters|wound)\b|\bburn(?:ed|t) (?:myself|himself|herself|me)\b",
        r"\bburning (?:smell|plastic|rubber)\b|\bsmell(?:s|ed|ing)? (?:of |like )?burn[a-z]*|\bskin is burn[a-z]*",
        r"\brook (?:kwam|komt|uit)\b|\b(?:komt|kwam) (?:er )?(?:een beetje |wat |veel |nog )?rook\b|\b(?:is|was) aan het (?:roken|branden|smeulen)\b|\bsmeul[a-z]*|\bsmou?lder[a-z]*|\b(?:pomp|lader|oplader|batterij|accu|patch|pod|apparaat|kabel|ding|hij|ie) (?:[a-z]+ ){0,2}(?:rookt|rookte)\b",
        r"\bsmoke (?:came|comes|coming|is coming|was coming|out)\b|\b(?:pump|charger|battery|pod|it|patch|cable|device) (?:[a-z]+ )?(?:is |was |started )?smoking\b",
        rf"\b{_DEV} (?:brandt|vat vlam)(?= \.| ,|$)|\b(?:vuur|fire|flames|vlammen) (?:uit|from|out of|coming (?:from|out of)) (?:de|het|mijn|the|my) {_DEV}\b|\b(?:burst|bursts|opengebarsten|gebarsten|opengebroken) (?:door|by|because of) (?:een |a )?(?:dikke|bolle|opgezwollen|swollen) (?:batterij|battery|accu)\b|\b{_DEV}(?: [a-z]+){{0,2}}? (?:burst|opengebarsten)\b",
        r"\bsmell (?:something|iets) (?:burnt|burning|hot|chemical|like burning|electrical)\b|\bruik (?:iets )?(?:chemisch|verbrand|brand|schroei|smeul)[a-z]*",
        r"\bin brand\b|\bvlam (?:gevat|vatte)\b|\bvlammen\b|\bcaught fire\b|\bcatch(?:es|ing)? fire\b|\bon fire\b|\bin flames\b|\bflames\b",
        r"\bspark(?:s|ed|ing)?\b|\bvonk(?:en|t|te|ten|je|jes)?\b",
        r"\b(?:gesmolten|smolt|smelt|smelten|smeltend|smeltende|melted|melting|melts)\b",
        r"\b(?:ontplof[a-z]*|exploded|exploding|explosion|swollen battery|bolle batterij|opgezwollen)\b",
    ]),
    _Rule("device.hardware_heat", DEVICE, 92, [
        rf"\b{_HW}\b(?: [a-z]+){{0,5}}? (?:swollen|swelling|swells|swelled|zwelt|zwol|zwellen|bulging|bulges|bulged|puffed up|dikke batterij|puffy|bloated|expanded|gezwollen|opgezwollen|opgeblazen|opgezet|uitgezet|bol|bolle|opgebold|bolt op|puilt uit|uitgepuild|opbollen)\b(?! (?:plek|huid|skin|site|area)\b)",
        rf"\b{_HW}\b(?: [a-z]+){{0,4}}? (?:ruikt|rook|stinkt|stonk|smells|smelled|smelling|stinks|stank|gives off|geeft)(?: [a-z]+){{0,3}}? (?:chemisch[a-z]*|chemical[a-z]*|elektrisch[a-z]*|electrical|electric|schroei[a-z]*|verschroeid|scorched|smeul[a-z]*|smoke|smoky|smokey|fumes|dampen|hot plastic|warm plastic|heet plastic|melting plastic|gesmolten plastic|smeltend plastic)\b",
        rf"\b{_HW}\b(?: [a-z]+){{0,4}}? (?:warm|warmer|heet|hot)\b(?: [a-z]+){{0,6}}? (?:ruikt|smells|smell|stinkt|rook|rood|red|pijn|hurts|brandt|burns|blaar|blister|prikt|stings|vervormd|deformed|misvormd|zwart|black|bruin|brown|verkleurd|discolou?red)\b",
        r"\b(?:schroeiplek[a-z]*|verschroeid|geschroeid|schroeilucht|scorch mark|scorch marks|scorched)\b",
        r"\b(?:geeft|gaf|straalt|straalde) (?:veel |echt |zoveel |zo veel )?(?:hitte|warmte) af\b|\b(?:giving off|gives off|gave off|radiating|radiates) (?:a lot of |so much |real )?heat\b|\bheat (?:coming|radiating) (?:off|from|out of)\b",
        rf"\b{_HW}\b(?: [a-z]+){{0,3}}? (?:sist|siste|knettert|knetterde|hisses|hissing|hissed|crackles|crackling|crackled|fizzing|fizzes)\b|\b(?:batterij|battery|accu)(?: [a-z]+){{0,3}}? (?:lekt|leaks|leaking|leaked|gelekt|lekte)\b",
        rf"\b{_HW}\b(?: [a-z]+){{0,3}}? (?:sist|siste|sissend|sissen|knettert|knetterde|hisses|hissing|hissed|crackles|crackling|crackled|fizzing|fizzes)\b|\b(?:batterij|battery|accu)(?: [a-z]+){{0,3}}? (?:lekt|leaks|leaking|leaked|gelekt|lekte)\b",
    ]),
    _Rule("device.swallowed", DEVICE, 93, [
        r"\b(?:ingeslikt|doorgeslikt|inslikken|inslikt|slikte|opgegeten|swallowed|swallowing|swallow|swallows|"
        r"choked on|choking on|chokes on|stikt in|verslikt)\b(?: [a-z0-9]+){0,5} (?:dopje|dop|kapje|cap|patch|pod|"
        r"stukje|stuk|piece|part|onderdeel|onderdeeltje|batterij|batterijtje|battery|knoopcel|knoopbatterij|button battery|"
        r"naald|needle|magneet|magnet|sensor|canule|cannula|plug|lid|deksel|clip|tip|sticker|pleister)\b",
        r"\b(?:dopje|dop|kapje|cap|patch|pod|stukje|stuk|piece|part|onderdeel|onderdeeltje|batterij|batterijtje|battery|"
        r"knoopcel|knoopbatterij|naald|needle|magneet|magnet|sensor|canule|cannula|plug|lid|deksel|clip|tip|"
        r"sticker)\b(?: [a-z0-9]+){0,6} (?:ingeslikt|doorgeslikt|inslikken|inslikt|slikte|opgegeten|swallowed|"
        r"swallow|swallowing|gegeten|ate|eaten|in (?:zijn|haar|z n) mond)\b",
    ]),
    _Rule("device.broken_needle", DEVICE, 80, [
        r"\b(?:naald|canule|cannula|needle|katheter|catheter|inbrengnaald|naaldje)[a-z]*(?: [a-z]+){0,4} "
        r"(?:afgebroken|gebroken|afgeknapt|geknapt|brak|broke|broken|snapped|snap|achtergebleven|left behind|"
        r"left in|still in|nog in|zit nog|stuck in|vast in|vastgezeten)\b",
        r"\b(?:afgebroken|gebroken|afgeknapte?|broken|snapped)(?: [a-z]+){0,2} (?:naald|canule|cannula|needle|katheter|catheter)\b",
        r"\b(?:stukje|stuk|piece|part|bit|deel|restje|fragment|tip|puntje)(?: [a-z]+){0,3} (?:naald|canule|cannula|needle)"
        r"(?: [a-z]+){0,4} (?:in|onder|under|inside) (?:mijn|my|de|the|zijn|haar|his|her) (?:huid|skin|lichaam|body|"
        r"buik|stomach|arm|been|leg|belly)\b",
    ]),
    _Rule("device.feels_dying", DEVICE, 90, [
        r"\b(?:think|feel like|feel as if|feel|afraid|scared) (?:that )?i am dying\b|\bi am dying\b",
        r"\bik denk dat ik (?:doodga|dood ga|doodgaan|sterf|dood)\b|\bik ga(?: [a-z]+)? (?P<neg>niet )?dood\b",
    ], check=lambda t, m: not _LAUGH.match(t, m.end())),
]
_LAUGH = re.compile(r"(?: [a-z]+)? (?:haha[a-z]*|hihi[a-z]*|lol|lmao|xd|hah|grapje|just kidding|jk)\b")
_BLISTER = re.compile(r"\b(?:blaar|blaren|blister|blisters|blaasjes)\b")
_HEAT_CONTEXT = re.compile(r"\b(?:heet|hot|warm|vuur|fire|brand[a-z]*|burn[a-z]*|gloeiend|scorching|verbrand[a-z]*|hitte|heat)\b")
_FSN = re.compile(r"\b(?:fsn|field safety notice|field safety|safety notice|veiligheidsmelding[a-z]*|"
                  r"veiligheidswaarschuwing[a-z]*|veiligheidsbericht|terugroep[a-z]*|teruggeroepen|recall[a-z]*|"
                  r"stop ?gebruik|stop using|stopgebruik|stop use|stopmelding|stop melding)\b")


_CONDITIONAL = re.compile(r"\b(?:als|wanneer|indien|if|when|in de|in the|op de|on the|bij)\b")


def _what_if(text: str, m: re.Match) -> bool:
    """'Kan de pomp smelten als ik hem op de verwarming leg?': a question about what could happen."""
    sentence = _sentence(text, m)
    offset = text.find(sentence)
    faq = _DEVICE_FAQ.search(sentence)
    return bool(faq and faq.start() + offset < m.start()
                and _CONDITIONAL.search(text, m.end(), offset + len(sentence)))


_INVERTED_VERB = re.compile(r"(?:smelt|smelten|wordt|worden|raakt|gaat|kan|kunnen|is|melts|melt|does|can|will|could)\b")


_GENERIC_IT = re.compile(r"^(?:it|het|hij|ie|ding|thing|er)\b")
_WEATHER = re.compile(r"\b(?:weather|weer|today|vandaag|outside|buiten|zomer|summer|temperatuur|temperature|graden|degrees|"
                      r"hittegolf|heatwave|heat wave|tropisch|tropical|scorcher)\b")
_REAL_DEVICE = re.compile(r"\b(?:handheld|controller|pdm|pomp|pump|patch|pod|lader|oplader|charger|batterij|battery|accu|"
                          r"kabel|cable|adapter|insulinepomp|reservoir|apparaat|device|toestel)\b")
_QUESTION_COND = re.compile(r"\b(?:als|wanneer|indien|if|when|in (?:de|het|een|the|a)|op (?:de|het|een)|on the|bij|tijdens|during)\b")


def _weather(text: str, m: re.Match) -> bool:
    """'It's boiling hot today': the weather, not the device."""
    sentence = _sentence(text, m)
    return bool(_GENERIC_IT.match(m.group(0)) and (_WEATHER.search(sentence) or not _REAL_DEVICE.search(sentence)))


def _yes_no_question(text: str, m: re.Match) -> bool:
    """'Smelt de lijm van de patch in een heet bad?': a question starting with the verb."""
    sentence = _sentence(text, m).lstrip()
    offset = text.find(sentence)
    return bool(offset == m.start() and _INVERTED_VERB.match(sentence)
                and _QUESTION_COND.search(sentence))


def _device_combos(text: str):
    """Yield (rule_id, severity, (negated, start, end)) for the combination rules."""
    if _BLISTER.search(text) and _HEAT_CONTEXT.search(text):
        yield "device.heat_fire", 92, _first(text, _BLISTER.finditer(text))
    s = _device_state(text)
    if s["low"]:
        yield "device.severe_hypo", 94, s["low"]
    if s["ketones"]:
        yield "device.ketones", 88, s["ketones"]
    for other in ("vomit", "occlusion", "pump_fail", "not_delivering", "unwell"):
        hit = _combine(s["high"], s[other])
        if hit:
            yield "device.hyperglycaemia", 88, hit
            break
    hit = _combine(s["vomit"], s["pump_fail"] or s["occlusion"] or s["not_delivering"])
    if hit:
        yield "device.hyperglycaemia", 88, hit
    if s["not_delivering"]:
        yield "device.not_delivering", 82, s["not_delivering"]
    hit = _combine(s["occlusion"], s["high"] or s["ketones"] or s["vomit"] or s["unwell"])
    if hit:
        yield "device.occlusion", 84, hit
    fsn = _first(text, _FSN.finditer(text))
    if fsn:
        hit = _combine(fsn, s["unwell"] or s["vomit"] or s["high"] or s["low"] or s["ketones"])
        if hit:
            yield "device.fsn_unwell", 76, hit
    yield from _issue11_combos(text, s)


# ==========================================================================
# Combination rules: a signal that is only unambiguous next to a second one
# ==========================================================================
def _combine_all(*parts) -> tuple | None:
    """All parts present; negated if any part is ("geen ketonen, de pod viel eraf")."""
    if any(p is None for p in parts):
        return None
    return (any(p[0] for p in parts), parts[0][1], parts[0][2])


def _any_of(*parts) -> tuple | None:
    """The first present part, preferring an un-negated one."""
    present = [p for p in parts if p is not None]
    if not present:
        return None
    live = [p for p in present if not p[0]]
    return (live or present)[0]


# ---- a third person: a worrying message or talk, then silence --------------
_TP_WHO = re.compile(
    rf"\b(?:{_PERSON}|neef|nicht|oom|tante|buurman|buurvrouw|schoonzoon|schoondochter|kleinzoon|kleindochter|"
    r"zwager|schoonzus|ex|stiefzoon|stiefdochter|cousin|niece|nephew|uncle|aunt|neighbour|neighbor|roommate|"
    r"flatmate|housemate|fiance|fiancee|stepson|stepdaughter|grandson|granddaughter|best friend|bestie|"
    r"huisgenoot|zwager)\b")
_TP_MESSAGE = re.compile(
    r"\b(?:afscheid[a-z]*|vaarwel|goodbye|farewell|sorry voor alles|sorry for everything|spijt (?:me |haar |hem |ons )?(?:van|voor) alles|"
    r"vergeef me|forgive me|zorg goed voor|take (?:good )?care of (?:the kids|mum|mom|dad|the children|everyone|the dog|the cat)|"
    r"(?:dat|that) (?:hij|ze|zij|he|she|they) (?:van (?:me|mij|ons|jullie) (?:houdt|hield|hielden)|lov(?:es|ed) (?:me|us|you))|"
    r"(?:rare?|raar|vreemd|vreemde|enge?|zorgwekkende?|verontrustende?|onheilspellende?|weird|strange|scary|worrying|worrisome|alarming|"
    r"disturbing|cryptic|dark|odd) (?:bericht|berichtje|berichten|appje|appjes|sms|sms je|message|messages|text|texts|post|"
    r"mail|voicemail|tweet|status)|laatste (?:bericht|appje|sms)|last (?:message|text)|"
    r"(?:bericht|berichtje|appje|message|text|post)(?: [a-z]+){0,3} (?:alsof|as if|like) (?:het|it was|it is|she was|he was) "
    r"(?:een )?(?:afscheid|the end|goodbye|saying goodbye)|"
    r"(?:wat|what) (?:ze|hij|zij|he|she|they) (?:schreef|wrote|posted|postte|stuurde|sent) (?:klonk|sounded) (?:als|like) (?:een )?(?:afscheid|goodbye))\b")
_TP_WORRY = re.compile(
    r"\b(?:depressief|depressed|suicidaal|suicidal|somber|zwaarmoedig|het niet meer zag zitten|het niet meer ziet zitten|"
    r"niet meer wilde leven|niet meer wil leven|dood wilde|dood wil|wanted to die|wants to die|talked about dying|"
    r"talking about dying|talked about ending|sprak over (?:dood|doodgaan|zelfmoord|er niet meer zijn|sterven)|"
    r"had het over (?:doodgaan|de dood|dood|er niet meer zijn|sterven|zelfmoord)|dreigde|dreigt|threatened|threatening|"
    r"zelfmoord|zelfdoding|suicide|in de war|psychisch|crisis|zorgen (?:om|over|voor)|worried|ongerust|bezorgd|"
    r"bang dat|afraid|scared|pillen|pills|overdosis|overdose|alcohol|drunk|dronken)\b")
_TP_SILENCE = re.compile(
    r"\b(?:neemt|nam|namen) (?:ze |hij |zij )?(?:de telefoon |zijn telefoon |haar telefoon |zijn mobiel |haar mobiel |haar gsm |zijn gsm )?"
    r"(?:niet|nooit) (?:meer )?op\b"
    r"|\bonbereikbaar\b|\bniet (?:meer )?(?:bereikbaar|te bereiken|"
    r"te pakken te krijgen)\b"
    r"|\b(?:telefoon|mobiel|mobieltje|gsm|phone|cell|cellphone|mobile)(?: [a-z]+){0,2} (?:staat |is |ligt |gaat |lijkt |"
    r"has been |goes |went )?(?:uit|uitgeschakeld|off|switched off|turned off|straight to voicemail|to voicemail|"
    r"naar de voicemail|direct naar voicemail)\b"
    r"|\b(?:reageert|reageerde|antwoordt|antwoordde|belt|belde|appt|appte)(?: (?:al|sindsdien|nu|meer))*(?: [a-z0-9]+){0,3}"
    r" (?:niet|nergens (?:meer )?op|niet meer|niet terug)\b"
    r"|\bgeen (?:reactie|antwoord|gehoor|teken van leven)\b|\bkrijg (?:hem|haar|ze|hen) niet (?:te pakken|te spreken|"
    r"aan de lijn|meer te pakken)\b|\b(?:is|was) (?:vermist|spoorloos|verdwenen|weg en niemand)\b|\bniemand weet waar\b"
    r"|\b(?:kwam|komt|is) niet (?:thuis|thuisgekomen|opgedaagd|komen opdagen)\b"
    r"|\bnot (?:answering|picking up|responding|replying|reachable|home)\b|\b(?:will not|would not|does not|did not|"
    r"has not|have not|is not|cannot|can not) (?:pick up|picking up|answer|answering|respond|responding|reply|replying|"
    r"come home|came home|answered|replied|responded|be reached|been reached|been seen|been heard)\b"
    r"|\bno (?:answer|reply|response|sign of (?:him|her|them)|one has heard)\b|\b(?:cannot|can not|could not|nobody can|"
    r"no one can|noone can|nobody could|no one could) (?:reach|get hold of|get through to|contact|find|get in touch with)"
    r" (?:him|her|them)\b|\bunreachable\b|\b(?:gone|went) (?:missing|silent|quiet|dark|offline)\b|\bis missing\b|"
    r"\bnobody knows where\b|\bheard nothing\b|\bniets meer (?:van (?:hem|haar) )?gehoord\b")


def _third_party_silence(text: str):
    silence = _first(text, _TP_SILENCE.finditer(text))
    if silence is None or not _TP_WHO.search(text):
        return None
    cue = _any_of(_first(text, _TP_MESSAGE.finditer(text)), _first(text, _TP_WORRY.finditer(text)))
    return _combine_all(cue, silence)


# ---- waiting for the clinic and in distress now -----------------------------
_EOL_CLINIC = re.compile(
    r"\b(?:kliniek|clinic|expertisecentrum|expertise centrum|levenseindekliniek|wachtlijst|waiting list|wachttijd|"
    r"wait time|waiting time|euthanasie[a-z]*|euthanasia|levenseinde|end of life|aanvraag|application|intake|"
    r"euthanasieverzoek|verzoek|request|scen arts|consulent|beoordeling|assessment|procedure|process|proces|traject|"
    r"the doctor|de arts|de dokter|a doctor)\b")
_EOL_STRONG = re.compile(
    r"\b(?:euthanasie[a-z]*|euthanasia|levenseinde|end of life|wachtlijst|waiting list|expertisecentrum|expertise centre|"
    r"expertise center|levenseindekliniek|wilsverklaring|advance directive|living will|uitbehandeld|terminaal|"
    r"terminally ill|ongeneeslijk|uitgezaaid|has spread|palliatie[a-z]*|palliative|pain relief|pijnstilling|"
    r"no treatment left|geen behandeling meer|psychisch lijden|psychiatric suffering|zieke lichaam|sick body)\b")
_EOL_END_NOW = re.compile(
    r"\bwants? (?:it|this|everything|this suffering) to (?:stop|end|be over|happen)\b|\bwil dat het(?: [a-z]+){0,2} "
    r"(?:ophoudt|stopt|eindigt|voorbij is|gebeurt|afgelopen is)\b|\b(?:make|maken|let) it (?:stop|end)\b|\blet me go\b|"
    r"\blaat (?:me|mij) (?:nu |toch |alsjeblieft )?gaan\b|\b(?:do|doing) it (?:myself|herself|himself)\b|"
    r"\b(?:doe|doet|doen|deed) (?:ik |hij |ze |zij )?het (?:[a-z]+ ){0,2}zelf\b|\bmaak ik er (?:zelf )?een eind\b|"
    r"\b(?:dat )?het (?:nu|vandaag)(?: [a-z]+)? (?:ophoudt|stopt|eindigt)\b|\b(?:cannot|can not) hold on\b|"
    r"\b(?:overleef|overleeft) (?:ik|hij|ze|zij) niet\b|\b(?:cannot|can not|could not|will not) survive\b|"
    r"\b(?:cannot|can not|could not) last (?:another|one more|much longer)\b")
_EOL_URGENT = re.compile(
    r"\b(?:kan|kun|kunt|kon)(?: [a-z]+){0,2} niet (?:meer|langer) wachten\b|\b(?:cannot|can not|could not) wait (?:any longer|"
    r"anymore|much longer|another (?:day|week|month)|no longer)\b|\b(?:geen|not) (?:dag|week|maand|nacht|another day|"
    r"one more day|a single day|another week) (?:langer|meer)\b|\b(?:wil|wilt|willen)(?: (?:het|ik|hij|ze|zij))? (?:nu|vandaag|"
    r"vanavond|meteen|direct|nu meteen)(?: [a-z]+){0,2} (?:dood|sterven|voorbij|over|gedaan|doodgaan|overlijden)\b"
    r"|\bwants? (?:to die|it (?:over|to end|to stop|done)) (?:now|today|tonight|right now)\b|\b(?:make|maken|let) it (?:stop|end)\b"
    r"|\blaat het (?:nu )?(?:stoppen|ophouden)\b|\bmoet (?:nu|vandaag|nu meteen) (?:stoppen|ophouden|gebeuren|voorbij)\b"
    r"|\b(?:has|have|needs|need) to (?:stop|end|happen|be over) (?:now|today|right now|tonight)\b"
    r"|\b(?:cannot|can not) (?:go on|bear|take|do|face|survive) (?:another|one more) (?:day|night|week)\b"
    r"|\b(?:houd|hou|houdt) (?:het|dit)? ?geen (?:dag|week|nacht) (?:langer|meer) vol\b"
    r"|\b(?:kan|wil|kunnen|willen) (?:echt |gewoon )?niet meer(?= \.| ,|$)|\bcannot (?:do this|take this|go on) anymore\b"
    r"|\b(?:too long|te lang|veel te lang|way too long)\b|\b(?:cannot|can not) (?:wait|do this|go on)\b")
_EOL_SUFFER = re.compile(
    r"\b(?:lijden|lijd|lijdt|leed|pijn|ellende|dood|sterven|doodgaan|suffering|suffer|suffers|pain|agony|misery|die|dying|"
    r"ondraaglijk|unbearable|uitzichtloos|hopeless|kapot|broken|op|uitgeput|exhausted|end it|einde)\b")


def _eol_distress(text: str):
    strong = _EOL_STRONG.search(text)
    if not strong and not _EOL_CLINIC.search(text):
        return None
    end_now = _first(text, _EOL_END_NOW.finditer(text))
    if end_now is not None:
        return end_now
    urgent = _first(text, _EOL_URGENT.finditer(text))
    if urgent is None:
        return None
    if strong:
        return urgent
    return _combine_all(urgent, _first(text, _EOL_SUFFER.finditer(text)))


# ---- device: unexplained delivery, a hypo in someone who cannot take sugar, DKA ----
_RESOLVED = re.compile(
    r"\b(?:opgelost|verholpen|weer goed|gaat (?:nu |inmiddels )?(?:weer )?goed|ging (?:daarna |toen )?(?:weer )?goed|"
    r"weer normaal|alles (?:is )?(?:weer )?(?:goed|in orde)|is voorbij|hersteld|resolved|fixed|sorted|fine now|ok now|"
    r"okay now|all good|better now|back to normal|back in range|came back up|went back up|came back down|is over now|"
    r"recovered|gelukkig (?:weer|goed)|weer in orde|normal again|weer normaal|everything is running|everything works|"
    r"works again|working again|running again|werkt (?:alles )?weer|loopt (?:alles )?weer|alles loopt weer|"
    r"(?:were|was|waren|was) (?:negative|negatief|normaal|normal|fine|ok|goed))\b"
    r"|\b(?:weer|back to|back at|now at|nu weer|inmiddels|is weer|zit weer|staat weer|back up to|back down to)(?: op)? "
    r"(?:[4-9]|1[0-2])(?:\.\d)?\b")
_HYPOTHETICAL = re.compile(
    r"\b(?:wat als|what if|stel dat|suppose|supposing|in case|voor het geval|hoe herken|how do i (?:know|tell|recognise|recognize)|"
    r"how can i tell|what are the (?:signs|symptoms)|wat zijn de (?:signalen|symptomen|tekenen|verschijnselen)|"
    r"any tips|tips|advice|advies|kan dat|can that happen|could that happen|kan het gebeuren|is it possible|is het mogelijk)\b")


def _routine_device_talk(text: str, after: int = 0) -> bool:
    """A resolved episode (resolution after ``after``), a what-if or a how-to question."""
    return bool(_RESOLVED.search(text, after) or _HYPOTHETICAL.search(text) or _DEVICE_FAQ.search(text))


_UNEXPLAINED = re.compile(
    r"\b(?:onverklaarbare?|onverklaarde|onbekende|vreemde|rare|mysterieuze|spook|ongewenste|ongevraagde|unexplained|"
    r"unexpected|unknown|mystery|mysterious|strange|weird|phantom|ghost|random|unrequested|uncommanded|unsolicited|"
    r"unintended|unintentional) (?:bolus|bolussen|boluses|dosis|dose|doses|insulin delivery|delivery|insulin dose|"
    r"insulineafgifte|insuline afgifte|afgifte|injection|insulin)\b"
    r"|\b(?:bolus|insuline|insulin|eenheden|units|dosis|dose|afgifte)(?: [a-z0-9.]+){0,6} (?:die|dat|that|which)? ?(?:ik|i) "
    r"(?:zelf )?(?:niet|nooit|never|did not|have not|had not) (?:heb |had |zelf )?(?:gegeven|gedaan|ingesteld|ingegeven|"
    r"aangevraagd|gestart|ingetoetst|give|gave|given|programmed|program|ask for|asked for|enter|entered|start|started|"
    r"bolus|bolused|request|requested|approve|approved|confirm|confirmed)\b"
    r"|\b(?:bolus|insuline|insulin|eenheden|units|dosis|dose)(?: [a-z0-9.]+){0,6} (?:i do not|i cannot|i can not) "
    r"(?:remember|recall) (?:giving|doing|entering|programming|asking for|approving)\b"
    r"|\b(?:delivered|gegeven|afgegeven|geleverd|toegediend|ingespoten|gave|given)\b(?: [a-z0-9.]+){0,5} (?:but|maar) "
    r"(?:i|ik) (?:did not|never|have not|had not|heb (?:niet|geen|nooit|niets)|had (?:niet|geen)|heb zelf (?:geen|niets)) "
    r"(?:bolus|bolused|give|gave|do|did|anything|touch|touched|press|pressed|gedaan|gegeven|gebolust|iets|aangeraakt|"
    r"ingesteld|ingedrukt|bolussen)\b"
    r"|\b(?:zonder dat ik|without me)(?: [a-z]+){0,4} (?:bolus|bolusde|bolussed|iets deed|iets gedaan|doing anything|"
    r"touching|pressing|asking|aanraakte|drukte|ingaf)\b")
_HYPO_SIGN = re.compile(
    r"\b(?:hypo|hypos|hypoglyc[a-z]*|laag|te laag|low|going low|gone low|dropping|crashing|zakt|zakken|zakte|daalt|dalen|"
    r"daalde|keldert|tril|trillen|trillerig|trilde|beef|beven|bibber[a-z]*|zweet|zweten|zweterig|klam|shaky|shaking|"
    r"sweaty|sweating|sweats|clammy|trembling|dizzy|duizelig|confused|verward|wazig|blurry|hartkloppingen|palpitations|"
    r"light ?headed|faint|flauw|slap|misselijk|suf|drowsy)\b")


def _unexplained_bolus(text: str):
    unexplained = _first(text, _UNEXPLAINED.finditer(text))
    if unexplained is None:
        return None
    lows = [m for v, m in _glucose_values(text) if v < 4.0]
    hypo = _first(text, lows + list(_HYPO_SIGN.finditer(text)))
    hit = _combine_all(unexplained, hypo)
    if hit is None or _routine_device_talk(text, hit[1]):
        return None
    return hit


_HYPO_CUE = re.compile(
    r"\b(?:hypo|hypos|hypoglyc[a-z]*|heel laag|erg laag|te laag|zo laag|laag|low|very low|really low|so low|going low|"
    r"crashing|keldert|lo)\b")
_CANNOT_TAKE_SUGAR = re.compile(
    r"\b(?:kan|kon|kunnen)(?: [a-z]+){0,2} niet (?:meer |goed )?(?:slikken|eten of drinken|drinken of eten)\b|\bslikt niet\b"
    r"|\b(?:krijg|krijgen|kreeg|kregen|krijgt)(?: [a-z]+){0,2} (?:geen|niets|niks)(?: [a-z]+){0,3} (?:in (?:hem|haar)|"
    r"bij (?:hem|haar)|naar binnen|erin|binnen)\b"
    r"|\bwil (?:niets|niks|helemaal niets) (?:meer )?(?:eten|drinken|slikken|innemen|aannemen)\b|\bwil niet eten of drinken\b"
    r"|\bweigert(?: [a-z]+){0,2} (?:te eten|te drinken|suiker|sap|limonade|dextro|druivensuiker|glucose|eten|drinken)\b"
    r"|\bspuugt (?:het|alles|de suiker|het sap|de dextro) (?:weer )?uit\b|\b(?:kan|kon) (?:de |het )?(?:suiker|sap|dextro|"
    r"limonade|glucose) niet (?:binnenhouden|doorslikken|inslikken|op)\b"
    r"|\b(?:cannot|can not|could not|unable to|is not able to) (?:swallow|eat or drink|drink or eat|keep (?:anything|it|sugar|juice) down)\b"
    r"|\b(?:will not|would not|does not|refuses to|refused to) (?:eat or drink|drink or eat|drink anything|eat anything|"
    r"swallow|take (?:any )?(?:sugar|juice|glucose|dextrose|sweets|gel|tablets))\b|\brefus(?:es|ed|ing) (?:sugar|juice|glucose|food|to eat|to drink)\b"
    r"|\bnot swallowing\b|\btoo (?:confused|drowsy|out of it|sleepy|weak|groggy|far gone) to (?:eat|drink|swallow|chew|take)\b"
    r"|\bbarely (?:responding|responsive|conscious|awake)\b|\bnauwelijks (?:aanspreekbaar|wakker|bij kennis|bij bewustzijn)\b"
    r"|\breageert (?:bijna niet|nauwelijks|amper|haast niet|bijna nergens (?:meer )?op)\b|\bhalf (?:bewusteloos|unconscious|conscious)\b|\bout of it\b"
    r"|\bniet (?:goed |meer )?aanspreekbaar\b|\bpraat onsamenhangend\b|\bkeeps passing out\b|\b(?:cannot|can not) keep "
    r"(?:his|her|their) eyes open\b|\bogen (?:vallen|draaien) (?:steeds )?(?:dicht|weg)\b"
    r"|\b(?:agressief|aggressive|combative|fighting me|vecht tegen|slaat om zich heen|lashing out)\b")


def _hypo_other(text: str):
    cannot = _first(text, _CANNOT_TAKE_SUGAR.finditer(text))
    if cannot is None:
        return None
    lows = [m for v, m in _glucose_values(text) if v < 4.0]
    hit = _combine_all(cannot, _first(text, lows + list(_HYPO_CUE.finditer(text))))
    if hit is None or _routine_device_talk(text, hit[1]):
        return None
    return hit


_DKA_PART = r"(?:pod|pods|patch|pomp|pump|canule|cannula|canula|infuusset|infusieset|infusion set|set|naald|needle|slangetje|tubing|katheter|catheter|pleister)"
_INTERRUPTED = re.compile(
    rf"\b{_DKA_PART}\b(?: [a-z]+){{0,4}}? (?:eraf gevallen|er af gevallen|afgevallen|eraf gegaan|er af gegaan|eraf getrokken|"
    r"afgetrokken|losgeraakt|los geraakt|losgekomen|los gekomen|losgelaten|los gelaten|liet los|laat los|zat los|zit los|"
    r"ligt los|is los|was los|half los|half off|half out|half loose|liet vannacht los|liet gisteren los|liet ineens los|zat half los|los zit|los zat|los ligt|los te zitten|eruit getrokken|er uit getrokken|uitgetrokken|eruit gegaan|eruit gevallen|"
    r"eruit geschoten|geknikt|geknakt|gebogen|eraf|eruit|er uit|fell off|falls off|came off|come off|coming off|came loose|"
    r"come loose|came out|come out|pulled out|got pulled out|ripped off|ripped out|torn off|knocked off|peeled off|"
    r"fallen off|detached|was out|is out|was loose|is loose|bent|kinked|dislodged|popped off|popped out|not in)\b"
    rf"|\b(?:losgeraakte|losgelaten|losse|afgevallen|geknikte|geknakte|loose|detached|kinked|bent|dislodged) {_DKA_PART}\b"
    r"|\b(?:geen insuline|no insulin|zonder insuline|without insulin)(?: [a-z]+){0,3} (?:gekregen|gehad|binnen|for|voor|"
    r"sinds|since|in)\b")
_ABDO = re.compile(
    r"\b(?:buikpijn|maagpijn|buikkramp[a-z]*|pijn in (?:mijn|m|de|zijn|haar) (?:buik|maag)|(?:buik|maag) doet (?:zo |erg |heel )?"
    r"(?:pijn|zeer)|stomach ?ache|stomach pain|stomach hurts|stomach is hurting|belly ?ache|belly pain|belly hurts|tummy ?ache|"
    r"tummy hurts|abdominal pain|pain in (?:my|his|her|the) (?:stomach|belly|tummy|abdomen)|stomach cramps|buik ?krampen)\b")
_BREATH = re.compile(
    r"\b(?:adem(?:t|en|ing|haling)? (?:zo |heel |erg |raar |vreemd |ontzettend )?(?:zwaar|diep|snel|moeilijk|moeizaam|raar|"
    r"vreemd|gejaagd)|zwaar (?:adem|ademen)|diep (?:adem|ademen)|snel (?:adem|ademen)|kortademig|hijg[a-z]*|"
    r"breath(?:ing)? (?:is )?(?:so |really |very )?(?:heavy|heavily|hard|fast|deep|deeply|weird|strange|laboured|labored|"
    r"rapid)|(?:heavy|deep|rapid|fast|laboured|labored) breath(?:ing|s)?|short of breath|shortness of breath|"
    r"cannot catch (?:my|his|her) breath|out of breath|kussmaul|gasping)\b")
_FRUITY = re.compile(
    r"\b(?:adem|breath|mond|mouth)(?: [a-z]+){0,3} (?:ruikt|rook|smells|smelled|smelling|stinkt|tastes|smaakt)(?: [a-z]+){0,2} "
    r"(?:naar |like |of )?(?:fruit[a-z]*|aceton|acetone|nagellak|nail polish|zoet|sweet|rotte appels|appels|apples|peer|pear|"
    r"pear drops)\b|\b(?:fruity|fruitige|zoete|acetone|aceton) (?:breath|adem|geur|smell|lucht)\b|\bacetonlucht\b")
_NAUSEA = re.compile(r"\b(?:misselijk|kotsmisselijk|nauseous|nauseated|nausea|queasy)\b")


def _occlusion_dka(text: str, s: dict):
    interrupted = _first(text, _INTERRUPTED.finditer(text))
    abdo = _first(text, _ABDO.finditer(text))
    breath = _first(text, _BREATH.finditer(text))
    fruity = _first(text, _FRUITY.finditer(text))
    dka = _any_of(fruity, breath, abdo, _first(text, _NAUSEA.finditer(text)))
    signs = _any_of(s["ketones"], s["vomit"], s["high"], dka)
    hit = (_combine_all(interrupted, signs) if interrupted else None) \
        or _combine_all(_any_of(s["occlusion"], s["not_delivering"], s["pump_fail"]), dka) \
        or _combine_all(_any_of(s["high"], s["ketones"]), _any_of(fruity, breath))
    if hit is None or _routine_device_talk(text, hit[1]):
        return None
    return hit


def _issue11_combos(text: str, device_state: dict):
    """Yield (rule_id, severity, (negated, start, end)) for the combination rules above."""
    for rule_id, severity, hit in (
            ("crisis.third_party_silence", 90, _third_party_silence(text)),
            ("eol.distress_now", 76, _eol_distress(text)),
            ("device.unexplained_bolus", 91, _unexplained_bolus(text)),
            ("device.hypo_other", 95, _hypo_other(text)),
            ("device.occlusion_dka", 88, _occlusion_dka(text, device_state))):
        if hit is not None:
            yield rule_id, severity, hit


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

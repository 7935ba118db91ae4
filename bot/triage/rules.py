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

import re
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

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
_DEV = (r"(?:pomp|pump|patch|pod|lader|oplader|charger|batterij|battery|accu|apparaat|device|"
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
# ("ik kan niet stoppen met denken aan zelfmoord", "kunnen jullie niet gewoon ...").
_NEG_CANCEL = frozenset("stoppen stop ophouden help helpen gewoon even eens alleen only longer "
                        "just".split())
_WANT_CONJ_NEXT = frozenset("ik hij ze zij we wij het mijn de dat er die u jullie dan".split())
_NEG_WINDOW = 5
_POST_NEGATION = re.compile(
    r"^(?: [a-z]+){0,2}? (?:is|zijn|was|are) (?:voor mij |for me |echt |really |absolutely |"
    r"totally |gewoon |simply )?(?:geen optie|not an option|no option|niet aan de orde|"
    r"out of the question|uitgesloten|geen sprake van)\b")


def _is_negated(text: str, start: int, end: int, match: Optional[re.Match] = None) -> bool:
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


def _compile_word_start(sources) -> re.Pattern:
    """One regex for all alternatives of a rule, each of which starts with \\b.

    The leading \\b is dropped (it stops the regex engine from skipping ahead to
    possible first characters) and checked by :func:`_finditer_words` instead,
    which makes a rule several times faster. Named groups ``neg`` are numbered.
    """
    alternatives = []
    for source in sources:
        for alt in _split_top_level(source):
            if not alt.startswith(r"\b"):
                raise ValueError(f"rule alternative must start with \\b: {alt!r}")
            alternatives.append(alt[2:])
    numbered = []
    for n, alt in enumerate(alternatives):
        numbered.append("(?:" + alt.replace("(?P<neg>", f"(?P<neg{n}>") + ")")
    return re.compile("|".join(numbered))


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
    __slots__ = ("rule_id", "category", "severity", "regex", "check")

    def __init__(self, rule_id: str, category: str, severity: int, sources, check: Optional[Check] = None):
        if isinstance(sources, str):
            sources = [sources]
        self.rule_id, self.category, self.severity, self.check = rule_id, category, severity, check
        self.regex = _compile_word_start(sources)

    def matches(self, text: str) -> Iterator[re.Match]:
        for m in _finditer_words(self.regex, text):
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


def _not_informational(text: str, m: re.Match) -> bool:
    return not _INFO_WORDS.search(_clause(text, m))


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
        r"\b(?:do|does|did) not want to be (?:here|around|alive|on this earth)(?: anymore| any longer)\b",
        r"\b(?:do|does|did) not want to be alive\b",
        r"\bno longer (?:want|wants|wish|wishes) to (?:live|be alive|exist|be here|go on)\b",
        r"\b(?:will not|wont) be (?:here|around|alive)(?: [a-z]+)? (?:tomorrow|much longer|any longer|anymore|for long|next week|by (?:tomorrow|morning|tonight))\b(?!(?: ,)? (?:please|so|call|can|could|instead|but|until|at|when|for|because)\b)",
        # "ik stop ermee, met alles"
        r"\b(?:stop|stopt|kap|kapt|hou|houd|houdt|ben) (?:ik |hij |ze |zij )?(?:ermee |er mee |op |klaar )?(?:, )?met alles\b(?! (?:wat|behalve|van|voor|rond|over|, ook|, zowel|, de|, het|, mijn)\b)",
        # "ik wil geen dag langer leven" (but "geen dag langer wachten" is impatience)
        r"\b(?:wil|wilt|willen|wou|wens|kan|kun|hoef|hoeft)(?: (?:ik|hij|ze|zij|echt|gewoon|nu))* geen (?:dag|minuut|uur|seconde|week|maand|jaar) (?:langer|meer)(?: [a-z]+){0,2}? (?:leven|bestaan|doorleven|ademen|lijden|hier zijn|op aarde zijn)\b",
        r"\b(?:do|does|did) not want to (?:live|exist|go on|be alive)(?: (?:one|a single|another))? (?:more |single |extra )?(?:day|minute|hour|week)\b",
    ], check=_not_generic),
    _Rule("crisis.zie_het_niet_zitten", CRISIS, 86, [
        r"\bzie(?:t|n)? (?:het|t|dat|dit|de toekomst|het leven|alles|mijn leven)(?: [a-z]+){0,2} niet meer zitten?\b",
        r"\bniet meer zien? zitten\b",
    ]),
    _Rule("crisis.er_niet_meer_zijn", CRISIS, 86, [
        r"\b(?:wil|wilt|willen|wou|wens|hoop|liever|beter|liefst)(?: [a-z]+){0,4} (?:er|hier|op aarde) niet meer (?:(?:wil|wilt|willen|hoef|hoeven) )?(?:zijn|ben|te zijn|wezen|is)\b",
        r"\b(?:er|hier) niet meer (?:wil|wilt|willen)(?: [a-z]+)? zijn\b",
    ]),
    _Rule("crisis.end_life", CRISIS, 90, [
        r"\b(?:er|hier|daar)(?: [a-z]+){0,3} (?:een |n )?einde? (?:aan(?: [a-z]+){0,2} (?:maken|maak|maakt|te maken|gemaakt)|aanmaken|aanmaak)\b",
        r"\bmaak(?:t|en)? (?:er|hier)(?: [a-z]+){0,2} (?:een )?einde? aan\b",
        r"\beinde? (?:aan|van) (?:mijn|me|m|zijn|haar|het|ons|hun|dit) leven\b",
        r"\b(?:mijn|zijn|haar|het|dit) leven (?:te )?(?:beeindigen|beeindig|beeindigt|nemen|stoppen|afmaken|benemen)\b",
        rf"\b{_SELF_NL}(?: [a-z]+){{0,2}} (?:van kant|om het leven|het leven (?:benemen|nemen)|dood maken|doodmaken)\b",
        r"\buit het leven (?:stappen|stap|gaan)\b",
        r"\beinde? (?:te )?(?:maken|maak|maakt) aan (?:alles|mijn leven|het leven|het allemaal|mezelf|m leven|zijn leven|haar leven)\b",
        r"\bvan het leven (?:beroven|beroof|beroofd|beroven)\b|\bhet leven (?:benemen|ontnemen)\b",
        r"\b(?:plan|plans|planning|going|ready|decided|gonna) to end it\b(?! (?:with|for|early)\b)",
        r"\b(?:feel like|thinking of|thinking about|think about|considering|contemplating) ending it\b(?! (?:with|for)\b)",
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
        rf"\b(?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf)(?: (?P<neg>geen|niet|nooit)| [a-z]+){{0,2}} (?:gesneden|gekrast|verwond|snijden|krassen|pijn (?:te )?doen|pijn gedaan|ophangen|op te hangen|opgehangen|verdrinken|beschadigen|vergiftigen)\b",
        r"\b(?:zelfbeschadig|automutilatie|zelfverwond)[a-z]*",
        r"\b(?:snij|snijd|snijdt|snijden|sneed|kras|krast|krassen|kraste)(?: [a-z]+)? (?:in )?(?:zijn|haar|mijn|m|hun) (?:armen|arm|polsen|pols|benen|been|bovenbenen|huid|lichaam)\b",
        r"\b(?:cuts|cut|cutting|scratches|scratching|burns|burning) (?:his|her|my|their) (?:arms|arm|wrists|wrist|legs|thighs|skin)\b",
        rf"\b(?:hurt|hurting|hurts|harm|harming|harms|cut|cuts|cutting|starve|starving|hang|hanging|hanged|hung|shoot|shot|drown|drowning|poison|poisoning|stab|stabbing|strangle) {_SELF_EN}\b(?! (?:on(?! purpose\b)|shaving|while|by accident|accidentally|with the|opening)\b)",
        r"\bself harm[a-z]*",
        r"\bdo (?:something|anything) (?:stupid |bad |drastic )?to (?:myself|himself|herself)\b",
    ]),
    _Rule("crisis.kill_self", CRISIS, 95, [
        rf"\b(?:kill|kills|killing|killed) {_SELF_EN}\b",
        # "een plan om mezelf te doden"; not the idioms "ik verveel me dood"
        rf"\b{_SELF_NL} (?:[a-z]+ ){{0,2}}?(?:te )?(?:doden|doodt|gedood|vermoorden|vermoord|ombrengen|om te brengen|omgebracht|om zeep (?:te )?helpen)\b",
    ]),
    _Rule("crisis.method", CRISIS, 98, [
        r"\b(?:springen|springt|spring|gesprongen|sprong)(?: [a-z]+){0,3} (?:van|voor|onder|uit) (?:de|een|het|mijn) (?:brug|flat|dak|toren|trein|metro|raam|balkon|vrachtwagen|flatgebouw)\b",
        r"\bvan (?:de|een|het) (?:brug|flat|dak|toren|balkon|flatgebouw) (?:af )?(?:springen|spring|springt|gesprongen|sprong)\b",
        r"\bvoor (?:de|een) (?:trein|metro|auto|vrachtwagen|tram)(?: [a-z]+){0,2} (?:springen|spring|gaan liggen|lopen|gesprongen)\b",
        r"\bjump(?:ed|ing|s)? (?:off|from|in front of) (?:a|the|my|that) (?:bridge|building|roof|balcony|train|car|cliff|tower|truck|window|bus)\b",
        r"\b(?:touw|strop|rope|noose)\b(?: [a-z]+){0,8} (?:gekocht|klaar|opgehangen|gebruiken|vannacht|vanavond|bought|ready|use it|tonight|hang|ophangen|weet wat ik)\b",
        r"\b(?:sta|staat|zit|ben|stand|standing|am|is) (?:nu )?(?:op|on) (?:het|de|een|the|a) (?:dak|brug|balkon|flat|roof|bridge|ledge|balcony|spoor|tracks|railway)\b",
        r"\b(?:pills|pillen|tabletten|insulin|insuline|rope|touw|mes|knife|gun|pistool)(?: [a-z]+){0,2} (?:ready|klaar|klaarliggen|klaargelegd|liggen klaar|lined up)\b",
        r"\b(?:ga|gaan|gaat) (?:nu |zo |straks )?springen\b|\b(?:going|gonna|about) to jump\b",
        r"\bslit (?:my|his|her|their) wrists?\b|\bpolsen (?:door ?snijden|doorgesneden|doorsnijden)\b",
    ]),
    _Rule("crisis.no_point", CRISIS, 85, [
        r"\b(?:het |mijn |dit |m |zo n )?leven (?:heeft|is|lijkt)(?: [a-z]+){0,3} (?:geen zin|zinloos|niets waard|niks waard|nutteloos|de moeite niet|niet (?:meer )?de moeite)\b",
        r"\bgeen zin meer in (?:het |mijn |dit )?(?:leven|bestaan|alles|niets)\b",
        r"\b(?:heb|heeft|hebben) (?:echt |gewoon |helemaal )?geen zin meer(?= \.| ,|$)",
        r"\bheeft (?:allemaal |het allemaal |alles )?geen zin meer(?= \.| ,|$)",
        r"\bgeen (?:enkele )?reden (?:meer )?(?:om|tot) (?:te )?(?:leven|bestaan|door te gaan|verder te gaan)\b|\bniets? (?:meer )?om voor te leven\b",
        r"\b(?:pain|pijn|suffering|lijden)(?: [a-z]+){0,2} (?:to )?(?:stop|end|ophoudt|stopt|ophouden|stoppen) (?:forever|for good|voorgoed|voor altijd|permanently)\b",
        r"\balles is zinloos\b|\bzinloos (?:bestaan|leven)\b|\bgeen (?:andere )?uitweg\b",
        r"\b(?:life|living|it) is (?:just |simply )?(?:not|no longer) worth (?:living|it anymore)\b|\bnot worth living\b",
        r"\bno (?:point|reason|use) (?:in |to |of )?(?:living|live|going on|go on|carrying on|keep going|keep living|being alive|being here|anything anymore|life)\b",
        r"\bwhat is the point (?:of|in) (?:living|life|going on|being alive|carrying on|anything|it all|trying)\b",
        r"\bnothing (?:left )?to live for\b|\bno way out\b",
        r"\b(?:do not|cannot) see (?:a|any|the) (?:reason|point) (?:to|in|of) (?:keep |keeping )?(?:living|live|going on|go on|carry on|carrying on)\b",
        r"\b(?:my )?life is (?:meaningless|pointless|worthless|hopeless)\b",
    ]),
    _Rule("crisis.cant_go_on", CRISIS, 80, [
        r"\btrek(?:t)? (?:het|dit|t) (?:echt |gewoon )?niet(?: meer| langer)?\b",
        r"\bhou(?:d|dt)? (?:het|dit|t)(?: [a-z]+)? niet (?:meer |langer )?vol\b",
        r"\b(?:kan|kun|kunt) (?:het|dit|de pijn|dit leven|het leven|alles|t)(?: [a-z]+){0,2} niet (?:meer|langer) aan\b",
        r"\b(?:kan|kun|kunt) (?:dit|het) (?:echt )?niet (?:meer|langer)(?= \.| ,| \?|$)",
        r"\bkan er (?:echt )?niet meer tegen(?= \.| ,|$)",
        r"\bhet leven moe\b|\blevensmoe\b|\bklaar met (?:het |mijn |dit )?leven\b|\b(?:mijn )?leven is op\b",
        r"\bcannot (?:go on|carry on|keep going|keep living|cope|bear it|bear this|bear the pain|live like this)\b(?! (?:the|your|to|a|an|that|with|holiday|vacation|trip|line|website|app|site|hold)\b)",
        r"\bcannot (?:take|do|handle|stand|bear) (?:it|this|the pain|life|this life|it all)(?: (?:all|now|really|at all))? (?:anymore|any longer)\b",
        r"\b(?:tired|sick|weary) of (?:living|life|being alive|existing|it all)\b|\bdone with (?:life|living|it all|this life)\b",
        r"\bwant (?:it all|everything) to (?:be over|end|stop)\b",
        r"\b(?:wil|wens|hoop)(?: [a-z]+){0,2} dat (?:het|alles) (?:allemaal )?(?:ophoudt|stopt|voorbij is|over is)\b",
        r"\bnot (?:know|sure)(?: if| whether)? (?:i|he|she) (?:can|want to|should|will|still want to) (?:go on|keep going|carry on|live|keep living|be alive|be here)\b",
        r"\bnot think (?:i|he|she) (?:can|want to|will) (?:go on|keep going|carry on|live|keep living|make it)\b",
    ]),
    _Rule("crisis.sleep_forever", CRISIS, 85, [
        r"\b(?:wil|wilt|hoop|hoopt|wens|liefst|zou|wou)(?: [a-z]+){0,6} (?:nooit|niet) meer wakker (?:te )?(?:worden|word|wordt)\b",
        r"\b(?:do|does) not want to wake up\b|\bnever want to wake up\b",
        r"\b(?:hope|hoping|wish) (?:[a-z]+ ){0,2}(?:do not|never|will not|would not) wake up\b",
        r"\bsleep and (?:never|not) wake up\b|\bnever wake up again\b|\bgo to sleep forever\b",
    ]),
    _Rule("crisis.burden", CRISIS, 82, [
        r"\bbeter af (?:zijn |zonder)(?: [a-z]+)? ?(?:zonder )?(?:mij|me)\b",
        r"\b(?:ben|is) (?:een|n) (?:last|blok aan het been) voor (?:iedereen|jullie|mijn|hen|mijn familie)\b",
        r"\bniemand (?:zal|zou|gaat) (?:me|mij) (?:\w+ )?missen\b|\bgeen last meer van (?:mij|me)\b",
        r"\bbeter (?:als|dat|wanneer) (?:ik|hij|zij|ze) (?:er )?niet meer (?:ben|is|zou zijn|leef|leeft|besta)\b",
        r"\bbetter off (?:without me|dead|without him|without her)\b",
        r"\b(?:am|is) (?:a|just a) burden (?:to|for|on)\b",
        r"\b(?:no one|nobody|noone) (?:will|would) (?:even )?(?:miss me|care about me|notice|care if)\b",
        r"\bniemand(?: [a-z]+){0,3} (?:zal|zou|gaat) (?:het )?(?:merken|missen)\b|\bniemand (?:me|mij) (?:zal|zou) missen\b",
        r"\b(?:happier|better|easier)(?: [a-z]+){0,2} if (?:i|he|she)(?: just| simply)? (?:was|were|am|is) (?:not|no longer|gone|dead)\b",
        r"\b(?:makkelijker|fijner|beter) (?:als|dat|wanneer) (?:ik|hij|zij|ze)(?: [a-z]+)? (?:er )?niet meer (?:ben|was|is|zou zijn|leef|leefde)\b",
        r"\bwill not have to deal with me\b",
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
        r"\b(?:this is|dit is) (?:my|mijn) (?:last|final|laatste) (?:call|message|goodbye|gesprek|bericht|telefoontje)\b",
    ]),
    _Rule("crisis.disappear", CRISIS, 75, [
        r"\b(?:voorgoed|voor altijd|voor eeuwig)(?: [a-z]+)? verdwijnen\b|\bverdwijnen voor (?:altijd|eeuwig)\b",
        r"\b(?:wish|want|wanted)(?: i could| to)?(?: just)? (?:not exist|stop existing|disappear|vanish|not be alive)\b",
        r"\bdisappear (?:forever|for good|permanently)\b|\bstop existing\b|\bcease to exist\b|\bnot exist anymore\b",
        r"\bnot (?:be )?around (?:much longer|anymore|for (?:much )?longer|for long)\b",
    ]),
    _Rule("crisis.overdose", CRISIS, 100, r"\boverdos[a-z]*", check=_not_pump_overdose),
    _Rule("crisis.lethality", CRISIS, 90, [
        r"\b(?:hoeveel|how much|how many)(?: [a-z0-9]+){0,5} (?:dodelijk|fatal|lethal|deadly|genoeg om dood te gaan|enough to die|enough to kill)\b",
        r"\b(?:dodelijke|lethal|fatal|deadly) (?:dosis|dose|hoeveelheid|amount|overdose)\b",
        r"\b(?:genoeg|enough)(?: [a-z]+){0,2} (?:om dood te gaan|om te sterven|to die|to kill (?:myself|me)|to end it)\b",
        r"\b(?:ways|way|manier|manieren|methods|methode|methodes) (?:to|om)(?: [a-z]+)? (?:die|dood te gaan|te sterven|end it|end my life|zelfmoord)\b",
    ], check=lambda t, m: not _PRODUCT_TEXT.search(_clause(t, m))),
]

# ---- pills / insulin taken or saved up ------------------------------------
_PILLS = (r"(?:pillen|pil|tabletten|slaappillen|medicijnen|medicatie|pills|tablets|sleeping pills|"
          r"meds|medication|paracetamol|painkillers|pijnstillers|oxazepam|antidepressiva|"
          r"slaapmiddel|slaapmiddelen|insuline|insulin)")
_TAKE = (r"(?:ingenomen|innemen|inneem|geslikt|slikken|slik|genomen|nemen|neem|nam|took|take|taken|"
         r"taking|swallowed|swallow|popped|spuiten|gespoten|spuit|inject|injected|injecting)")
_LOTS = re.compile(r"\b(?:[1-9]\d|al|alle|allemaal|veel|heel veel|hele|strip|strips|doos|doosje|potje|pot|"
                   r"te veel|too many|all|whole|bottle|handful|lot|lots|bunch|in een keer|in 1 keer|"
                   r"tegelijk|at once|alles|everything)\b")
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
    for a, b in zip(tokens, tokens[1:]):
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
_NM_NEXT_LIVING = re.compile(r"\b(?:leven|dood|sterven|zelfmoord|op|moe|kapot|zin|uitzichtloos|pijn|alles)\b")


def _niet_meer_hits(text: str):
    if "niet meer" not in text and "niet langer" not in text:
        return
    for regex in (_NM_FORWARD, _NM_FINAL):
        for m in regex.finditer(text):
            if not _niet_meer_is_crisis(m.group("verb"), m.group("rest")):
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
                             r"|\bdood wil\b|\bniet meer (?:wil )?leven\b|\bend my life\b")
_EOL_FILL_NL = (r"(?:graag|nu|echt|zo snel mogelijk|zo snel|snel|gewoon|eindelijk|zelf|ook|toch|het liefst|"
                r"liefst|alsjeblieft|alstublieft|dringend|om|op|heel graag|per se|nu meteen|meteen|zo|"
                r"mogelijk|vandaag|deze week)")
_EOL_FILL_EN = r"(?:to get|to have|to request|to apply for|to be given|just|really|now|please|urgently|for|to)"
_EOL_RULES = [
    _Rule("eol.euthanasia_request", EOL, 72, [
        rf"\b(?:wil|wilt|willen|wens|wenst|vraag|vraagt|smeek|smeekt|smeken|eis|eist|hoop|sta)(?: (?:ik|hij|ze|zij))?(?: (?P<neg>geen|niet))?(?: {_EOL_FILL_NL}){{0,4}} (?:euthanasie|levensbeeindiging)\b",
        rf"\b(?:want|wants|need|needs|request|requesting|beg|begging|begs|asking for|ask for|demand|demanding|apply for|applying for|would like)(?: (?P<neg>not))?(?: {_EOL_FILL_EN}){{0,3}} (?:euthanasia|assisted dying|assisted suicide|be euthanized|euthanized|euthanize me|die with dignity)\b",
    ], check=_not_informational),
    _Rule("eol.end_my_life_request", EOL, 74, [
        r"\b(?:wil|wilt|willen|wens|wenst) dat (?:u|jullie|de dokter|de arts|de kliniek|het expertisecentrum|iemand|de huisarts|je|hij|zij)(?: [a-z]+){0,3} (?:mijn|me|zijn|haar) leven(?: [a-z]+)? (?:beeindigt|beeindigen|stopt|stoppen|afmaakt|beeindig|neemt)\b",
        r"\b(?:help|helpt|helpen)(?: [a-z]+){0,2} (?:me|mij|hem|haar)(?: [a-z]+){0,2} (?:om )?(?:te )?(?:sterven|dood te gaan|doodgaan|overlijden|mijn leven te beeindigen)\b",
        r"\b(?:me|mij|hem|haar)(?: [a-z]+){0,2} helpen (?:om )?(?:te )?(?:sterven|dood te gaan|doodgaan|overlijden)\b",
        r"\b(?:me|mij)(?: [a-z]+){0,3} (?:laten|laat) (?:gaan )?(?:sterven|inslapen|doodgaan)\b|\b(?:laat|laten) (?:me|mij)(?: [a-z]+)? (?:sterven|inslapen|doodgaan)\b",
        r"\b(?:geef|geeft|geven|krijg|wil)(?: [a-z]+){0,3} (?:het |een |de |mijn )?(?:laatste )?(?:spuitje|euthanasiemiddel|euthanatica)\b",
        r"\bdodelijke? (?:middel|drankje|injectie|spuit|dosis|pil|pillen|middelen)\b",
        r"\bhelp (?:me|him|her) (?:to )?die\b|\b(?:let|letting) me die\b|\bhelp (?:me|him|her) (?:to )?end (?:it|my life|his life|her life)\b",
        r"\beinde? (?:komt |maken |maakt )?aan (?:mijn|zijn|haar|het) (?:lijden|bestaan)\b|\bend (?:my|his|her) suffering\b",
        r"\bhelp (?:me|mij)(?: [a-z]+){0,2} (?:arrange|get|with|regelen|aanvragen|krijgen|bij) euthanas[a-z]*",
        r"\b(?:kan|kunnen|kunt|wil|willen|mag) (?:de kliniek|de arts|de dokter|het expertisecentrum|jullie|u|iemand)(?: [a-z]+){0,2} mijn leven (?:beeindigen|stoppen|afsluiten)\b",
        r"\b(?:can|could|will|would|please) (?:the clinic|a doctor|the doctor|someone|somebody|you|u)(?: from the clinic)?(?: please)?(?: come and)? (?:end|take) my life\b",
        r"\b(?:want|need|asking|ask|beg|begging) (?:you|u|the clinic|the doctor|someone|them|a doctor) to (?:end|take) my life\b",
        r"\b(?:can|could|will|would) (?:you|u|the clinic|the doctor|they|someone)(?: please)? (?:end my life|help me die|let me die|put me to sleep)\b",
        r"\bput me to sleep (?:for good|forever|permanently)\b",
        r"\b(?:laat|laten) (?:me|mij) (?:alsjeblieft |alstublieft |toch |nu |gewoon )?gaan(?= \.| ,|$)|\b(?:please|just) let me go(?= \.| ,|$)|\bhelp me go\b",
        r"\b(?:give|get) me (?:the |a )?(?:lethal|deadly) (?:injection|drink|dose|medication|medicine)\b",
    ], check=lambda t, m: _not_informational(t, m) or bool(re.search(r"\b(?:me|mij|my)\b", m.group(0)))),
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
        r"\bhet (?:leven )?hoeft (?:[a-z]+ )?voor (?:mij|me) niet meer\b|\bvoor (?:mij|me) hoeft het (?:allemaal )?niet meer\b",
    ], check=_personal_statement),
]

# ==========================================================================
# DEVICE SAFETY
# ==========================================================================
_GLU_CTX = (r"(?:bloedsuiker[a-z]*|suiker[a-z]*|glucose[a-z]*|bg|bs|sugar|sugars|levels?|hypo|waarde|cgm|sensor|"
            r"meter|reading|mmol|i am at|i am on|ik zit op|ik sta op|ik zit nu op|im at)")
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
    rf"keeps going up)\b"
    rf"|\b(?:meter|sensor|cgm|reading) (?:zegt|says|shows|geeft|gives|staat op|reads) (?:[a-z]+ )?hi\b|\bhyper\b")
_LOW_WORDS = re.compile(r"\b(?:meter|sensor|cgm|reading|sugar|suiker|glucose) (?:zegt|says|shows|geeft|gives|staat op|reads) (?:[a-z]+ )?(?:lo|low|laag)\b")
_KETONE = r"(?:ketonen|ketones|keton[a-z]*|ketone[a-z]*)"
_KETONE_VALUE = re.compile(rf"\b{_KETONE}\b(?: [a-z]+){{0,3}} (?P<val>\d{{1,2}}(?:\.\d{{1,2}})?)\b")
_KETONE_QUAL = re.compile(
    rf"\b(?:heb|hebben|heeft|have|has|got|positive|positief|positieve|hoge|high|large|moderate|veel|verhoogde|"
    rf"raised|elevated|sterk|small|trace|with|met|en|and)(?: [a-z]+)? {_KETONE}\b(?! (?:[a-z]+ )?(?:gemeten|getest|gecontroleerd|"
    rf"measured|tested|checked|meten|testen|strips|strip|meter)\b)"
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


def _first(text: str, matches) -> Optional[tuple]:
    """(negated, start, end) of the best match: an un-negated one if any."""
    best = None
    for m in matches:
        neg = _is_negated(text, m.start(), m.end(), m)
        if not neg:
            return (False, m.start(), m.end())
        if best is None:
            best = (True, m.start(), m.end())
    return best


def _device_state(text: str) -> dict:
    state = {}
    high = [m for v, m in _glucose_values(text) if v >= 14.0] + list(_HIGH_WORDS.finditer(text))
    low = [m for v, m in _glucose_values(text) if v < 3.0] + list(_LOW_WORDS.finditer(text))
    ketones = [m for m in _KETONE_VALUE.finditer(text) if float(m.group("val")) >= 1.0]
    ketone_value_spans = {m.start() for m in _KETONE_VALUE.finditer(text)}
    ketones += [m for m in _KETONE_QUAL.finditer(text)
                if not any(abs(m.end() - s) < 40 and s >= m.start() - 5 for s in ketone_value_spans)]
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
    state["not_delivering"] = _first(text, nd)
    return state


def _combine(*parts) -> Optional[tuple]:
    """All parts present: negated if the first (primary) part is negated."""
    if any(p is None for p in parts):
        return None
    return (parts[0][0], parts[0][1], parts[0][2])


_PERSON_BEFORE = re.compile(rf"\b{_PERSON}\b(?: [a-z]+){{0,5}} $")
_CONFUSED = (r"(?:verward|confused|praat (?:heel |erg )?(?:raar|vreemd|onduidelijk)|raar praten|suf|drowsy|slurring|"
             r"sluggish|zweterig|kan (?:niet|nauwelijks) (?:meer )?(?:nadenken|praten|lopen|staan)|"
             r"cannot (?:think|talk|stand|walk)|can barely (?:stand|talk|walk|think)|not making sense)")
_DEVICE_RULES = [
    _Rule("device.unconscious", DEVICE, 96, [
        r"\bbewusteloos\b|\bbuiten bewustzijn\b|\bniet (?:meer )?aanspreekbaar\b",
        r"\bin elkaar (?:gezakt|gestort|zakt)\b|\bcollapsed\b",
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
        r"\bnot responding\b",
    ], check=lambda t, m: bool(_PERSON_BEFORE.search(t[max(0, m.start() - 60):m.start()]))),
    _Rule("device.severe_hypo", DEVICE, 94, [
        rf"\b(?:hypo|low|laag)\b(?: [a-z0-9.]+){{0,8}} {_CONFUSED}\b|\b{_CONFUSED}\b(?: [a-z0-9.]+){{0,8}} (?:hypo|low|laag)\b",
        r"\b(?:zware|ernstige|heftige|hele erge|erge|severe|bad|really bad|serious|extreme|massive) (?:hypo|low|hypoglyc[a-z]*)\b",
        r"\bglucagon\b(?: [a-z]+){0,2} (?:gegeven|gespoten|nodig|geven|spuiten)\b|\b(?:gave|give|given|need|needs|needed|injected|used) (?:[a-z]+ )?glucagon\b",
        r"\b(?:hypo|low|suiker|sugar)(?: [a-z]+){0,3} (?:wil niet omhoog|gaat niet omhoog|blijft laag|will not come up|not coming up|keeps dropping|blijft zakken|blijft dalen|(?:zakt|daalt) (?:heel |erg |te |zo )?snel|(?:dropping|falling) (?:really |very |so )?fast)\b",
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
        r"\b(?:pomp|pump|pod)(?: [a-z]+){0,2} (?:blijft|keeps|kept|bleef) (?:insuline |insulin )?(?:geven|giving|delivering|pumping|bolussen|bolusing|injecting)\b",
        r"\b(?:insulin|insuline|bolus)(?: [a-z]+){0,3} (?:on its own|by itself|vanzelf|uit zichzelf|zomaar)\b",
        # the whole reservoir at once: "heeft in een keer alle insuline gegeven"
        r"\b(?:alle|al de|de hele|heel de|all the|all of the|all (?:my|its)|the whole|the entire|entire) (?:insuline|insulin|reservoir|cartridge|voorraad)(?: [a-z]+){0,3} (?:gegeven|afgegeven|geleegd|leeggepompt|geleverd|ingespoten|toegediend|gepompt|delivered|given|dumped|emptied|pumped|injected|released|gave)\b",
        r"\b(?:gaf|gave|dumped|emptied|delivered|pumped|released|leegde|spoot|injected)(?: [a-z]+){0,3} (?:alle|all|all of|the whole|the entire|de hele|heel de) (?:[a-z]+ )?(?:insuline|insulin|reservoir|cartridge)\b",
    ]),
    _Rule("device.heat_fire", DEVICE, 92, [
        rf"\b{_DEV}(?: [a-z]+){{0,2}}? (?:is|was|werd|wordt|word|voelt|voelde|raakte|got|gets|getting|became|becomes|felt|feels|went|turned|gotten|become|running)(?: [a-z]+){{0,2}}? (?:heet|hot|gloeiend|kokend|bloedheet|burning|scorching|scalding|searing|boiling|(?:heel|erg|echt|super|te|gloeiend|ontzettend|extreem|really|very|extremely|too|so) warm)\b",
        r"\b(?:voelt|brandt|feels|felt|voelde) (?:als|like) (?:vuur|fire|it is burning|it is on fire)\b",
        r"\b(?:gloeiend|kokend|bloed) ?heet\b|\bburning hot\b|\bred hot\b|\btoo hot to (?:touch|hold|wear)\b|\bheet (?:geworden|werd|worden)\b|\b(?:overheat|oververhit)[a-z]*",
        r"\b(?:verbrand|brandwond|brandplek|brandblaar|brandlucht)[a-z]*",
        r"\bbrandt (?:op|in|aan) (?:mijn|de|m|zijn|haar) (?:huid|buik|arm|been)\b|\bbrandende? (?:plek|plekken|huid|wond)\b",
        r"\bburn(?:s|ed|t)? (?:on |to )?(?:my|his|her|the) (?:skin|stomach|belly|arm|leg|tummy|side|hand|finger|thigh)\b",
        r"\b(?:a|the|got a|have a|has a|left a) burn\b|\bburn (?:mark|marks|blister|blisters|wound)\b|\bburn(?:ed|t) (?:myself|himself|herself|me)\b",
        r"\bburning (?:smell|plastic|rubber)\b|\bsmell(?:s|ed|ing)? (?:of |like )?burn[a-z]*|\bskin is burn[a-z]*",
        r"\brook (?:kwam|komt|uit)\b|\b(?:komt|kwam) (?:er )?rook\b|\b(?:pomp|lader|oplader|batterij|accu|patch|pod|apparaat|kabel|ding|hij|ie) (?:[a-z]+ ){0,2}(?:rookt|rookte)\b",
        r"\bsmoke (?:came|comes|coming|is coming|was coming|out)\b|\b(?:pump|charger|battery|pod|it|patch|cable|device) (?:[a-z]+ )?(?:is |was |started )?smoking\b",
        r"\bin brand\b|\bvlam (?:gevat|vatte)\b|\bvlammen\b|\bcaught fire\b|\bcatch(?:es|ing)? fire\b|\bon fire\b|\bin flames\b|\bflames\b",
        r"\bspark(?:s|ed|ing)?\b|\bvonk(?:en|t|te|ten|je|jes)?\b",
        r"\b(?:gesmolten|smolt|smelt|smelten|smeltend|smeltende|melted|melting|melts)\b",
        r"\b(?:ontplof[a-z]*|exploded|exploding|explosion|swollen battery|bolle batterij|opgezwollen)\b",
    ]),
    _Rule("device.swallowed", DEVICE, 93, [
        r"\b(?:ingeslikt|doorgeslikt|inslikken|inslikt|slikte|opgegeten|swallowed|swallowing|swallow|swallows|"
        r"choked on|choking on|chokes on|stikt in|verslikt)\b(?: [a-z0-9]+){0,5} (?:dopje|dop|kapje|cap|patch|pod|"
        r"stukje|stuk|piece|part|onderdeel|onderdeeltje|batterij|battery|knoopcel|knoopbatterij|button battery|"
        r"naald|needle|magneet|magnet|sensor|canule|cannula|plug|lid|deksel|clip|tip|sticker|pleister)\b",
        r"\b(?:dopje|dop|kapje|cap|patch|pod|stukje|stuk|piece|part|onderdeel|onderdeeltje|batterij|battery|"
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
    ]),
]
_BLISTER = re.compile(r"\b(?:blaar|blaren|blister|blisters|blaasjes)\b")
_HEAT_CONTEXT = re.compile(r"\b(?:heet|hot|warm|vuur|fire|brand[a-z]*|burn[a-z]*|gloeiend|scorching|verbrand[a-z]*|hitte|heat)\b")
_FSN = re.compile(r"\b(?:fsn|field safety notice|field safety|safety notice|veiligheidsmelding[a-z]*|"
                  r"veiligheidswaarschuwing[a-z]*|veiligheidsbericht|terugroep[a-z]*|teruggeroepen|recall[a-z]*|"
                  r"stop ?gebruik|stop using|stopgebruik|stop use)\b")


_CONDITIONAL = re.compile(r"\b(?:als|wanneer|indien|if|when|in de|in the|op de|on the|bij)\b")


def _what_if(text: str, m: re.Match) -> bool:
    """'Kan de pomp smelten als ik hem op de verwarming leg?': a question about what could happen."""
    sentence = _sentence(text, m)
    offset = text.find(sentence)
    faq = _DEVICE_FAQ.search(sentence)
    return bool(faq and faq.start() + offset < m.start()
                and _CONDITIONAL.search(text, m.end(), offset + len(sentence)))


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


# ==========================================================================
# scan()
# ==========================================================================
_DEVICE_CONTEXT = re.compile(
    r"\b(?:pomp|pump|patch|pod|lader|oplader|charger|batterij|battery|accu|apparaat|device|kabel|cable|adapter|"
    r"sensor|reservoir|toestel|ding|thing|it|hij|ie|insulinepomp|canule|cannula|naald|needle|huid|skin|"
    r"insuline|insulin|pleister|plakker|sticker|tape|infuusset|infusieset|infusion set|adhesive)\b")
for _rule in _DEVICE_RULES:
    if _rule.rule_id == "device.heat_fire":
        # heat/fire words only count around the device or the skin under it ("het is hier
        # bloedheet" is the weather), and not in a what-if question ("kan de pomp smelten als ...")
        _rule.check = lambda t, m: bool(_DEVICE_CONTEXT.search(t)) and not _what_if(t, m)

_ALL_RULES = _CRISIS_RULES + _EOL_RULES + _DEVICE_RULES
_CATEGORY_OF = {r.rule_id: r.category for r in _ALL_RULES}
_CATEGORY_OF.update({"crisis.niet_meer_willen": CRISIS, "crisis.pills": CRISIS,
                     "device.ketones": DEVICE, "device.hyperglycaemia": DEVICE,
                     "device.not_delivering": DEVICE, "device.occlusion": DEVICE,
                     "device.fsn_unwell": DEVICE})
RULE_IDS = tuple(sorted(_CATEGORY_OF))
# Crisis rules that describe a plan, means or act: these stay first even next to a
# request for euthanasia.
_ACUTE_CRISIS = frozenset({"crisis.method", "crisis.overdose", "crisis.pills", "crisis.self_harm",
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

    for rule in _ALL_RULES:
        for m in rule.matches(norm):
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

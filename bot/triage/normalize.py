"""Text normalisation for the rules layer of the safety screen.

``normalize(text)`` turns a chat message or a speech-recognition transcript
(Dutch or English) into a canonical, lower-case, ASCII-only form that the
patterns in :mod:`bot.triage.rules` are written against:

* lower case, diacritics stripped (``suïcidaal`` -> ``suicidaal``),
  typographic quotes/dashes mapped to ASCII;
* English and Dutch contractions and clitics expanded (``don't`` / ``dont``
  -> ``do not``, ``I'm`` / ``im`` -> ``i am``, ``'k`` -> ``ik``,
  ``m'n`` -> ``mijn``, ``d'r`` -> ``er``);
* letters repeated three or more times collapsed (``neeeee`` -> ``nee``,
  ``dieeee`` -> ``die``);
* common misspellings, chat abbreviations and speech-recognition forms mapped
  to one canonical spelling (``zelfmoort`` / ``zelf moord`` -> ``zelfmoord``,
  ``nie meer`` -> ``niet meer``, ``kms`` -> ``kill myself``,
  ``wanna`` -> ``want to``, ``over dosis`` -> ``overdosis``, ``burdon`` ->
  ``burden``, ``OD'd`` -> ``overdosed``), speech fillers (``eh``, ``uhm``) dropped;
* the pill emoji kept as a word: one or two become ``pills``, a run of three or
  more ``lots of pills`` (``15 💊`` -> ``15 pills``, ``💊💊💊`` -> ``lots of pills``);
* spoken numbers turned into digits (``zesentwintig`` -> ``26``,
  ``twee komma een`` -> ``2.1``, ``two point one`` -> ``2.1``);
* punctuation reduced to two separator tokens: ``.`` (sentence end, also for
  ``!?;:``) and ``,``; decimals such as ``3,2`` become ``3.2``; everything
  else becomes white space, collapsed to single spaces.

Only the standard library is used; every regex is compiled at import time.
"""
from __future__ import annotations

import re
import unicodedata

from core.vocabulary import EN_SMALL, EN_TENS, NL_SMALL, NL_TENS

__all__ = ["normalize"]

# --------------------------------------------------------------------------
# Character level
# --------------------------------------------------------------------------
_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u2026": ".", "\u00df": "ss", "\u00f8": "o", "\u00e6": "ae", "\u0153": "oe", "\u0142": "l",
    "\u00a0": " ", "\u200b": " ",
})


def _strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --------------------------------------------------------------------------
# Contractions and clitics (run while apostrophes are still present)
# --------------------------------------------------------------------------
_APOS_RULES = [(re.compile(p), r) for p, r in [
    (r"\bod'(?:d|ed)\b", "overdosed"),        # "I OD'd" (without the apostrophe "odd" is a word)
    (r"\bwon'?t\b", "will not"),
    (r"\bcan'?t\b", "cannot"),
    (r"\bshan'?t\b", "shall not"),
    (r"\bain'?t\b", "am not"),
    (r"\b(do|does|did|is|are|was|were|have|has|had|would|could|should|must|need|might)n'?t\b", r"\1 not"),
    (r"\b(i)'m\b", r"\1 am"),
    (r"\b(you|we|they)'re\b", r"\1 are"),
    (r"\b(i|you|we|they|would|could|should|must|might)'ve\b", r"\1 have"),
    (r"\b(i|you|he|she|we|they|it|that|there)'ll\b", r"\1 will"),
    (r"\b(i|you|he|she|we|they|it|that|there)'d\b", r"\1 would"),
    (r"\b(it|he|she|that|there|what|who|where|here|how|everything|nothing|life|this)'s\b", r"\1 is"),
    (r"\b(\w+)'s\b", r"\1"),                 # possessive: pump's -> pump
    (r"(?<!\w)'k\b", "ik"),
    (r"\bm'n\b", "mijn"), (r"\bz'n\b", "zijn"), (r"\bd'r\b", "er"),
    (r"(?<!\w)'t\b", "het"), (r"(?<!\w)'n\b", "een"), (r"(?<!\w)'s\b", "s"),
]]

# --------------------------------------------------------------------------
# Punctuation
# --------------------------------------------------------------------------
_DECIMAL = re.compile(r"(?<=\d)[.,](?=\d)")
_SENT_PUNCT = re.compile(r"[.!?;:]+")
_COMMA = re.compile(r",+")
_OTHER = re.compile(r"[^a-z0-9., ]+")       # quotes, hyphens, slashes, emoji, ...
_SPACES = re.compile(r"\s+")
_REPEAT3 = re.compile(r"([a-z])\1{2,}")
_PILL_EMOJI = re.compile("(?:\U0001F48A\\s*)+")      # the pill emoji, also repeated


def _pill_words(m: re.Match) -> str:
    return " lots of pills " if m.group(0).count("\U0001F48A") >= 3 else " pills "


# words that are more plausible with a single letter where a writer stretched it
# ("dieeee" -> "die" rather than "diee"); used only for tokens that were stretched
_SINGLE_FORMS = frozenset("""
die dies died dying dead help please end all kill me my myself so bad now life live
dood nee ja wil niet meer help hulp alsjeblieft weg stop pijn leven ik
""".split())

# --------------------------------------------------------------------------
# Spoken numbers -> digits (only needed for glucose / ketone values)
# --------------------------------------------------------------------------
_NL_UNITS = {w: v for w, v in NL_SMALL.items() if 2 <= v <= 9}
_NL_TEENS = {w: v for w, v in NL_SMALL.items() if v >= 10}
_EN_UNITS = {w: v for w, v in EN_SMALL.items() if 2 <= v <= 9}
_EN_TEENS = {w: v for w, v in EN_SMALL.items() if v >= 10}


def _number_words() -> dict:
    words = {**_NL_UNITS, **_NL_TEENS, **NL_TENS, **_EN_UNITS, **_EN_TEENS, **EN_TENS}
    for tw, tv in NL_TENS.items():
        for uw, uv in list(_NL_UNITS.items()) + [("een", 1)]:
            words[f"{uw}en{tw}"] = tv + uv                 # zesentwintig, eenentwintig
    for tw, tv in EN_TENS.items():
        for uw, uv in list(_EN_UNITS.items()) + [("one", 1)]:
            words[f"{tw} {uw}"] = tv + uv                    # twenty four
    return words


_NUMBER_WORDS = _number_words()
_NUM_ALT = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_NUMBER_RE = re.compile(rf"\b(?:{_NUM_ALT})\b")
# "2 komma 1", "2 punt 5", "2 point 1" -- also with een/one/nul/zero after the separator
_SPOKEN_DECIMAL = re.compile(r"\b(\d{1,2}) (?:komma|punt|point) (\d|een|one|nul|zero|oh)\b")
_DIGIT_AFTER = {"een": "1", "one": "1", "nul": "0", "zero": "0", "oh": "0"}

# --------------------------------------------------------------------------
# Word-level spelling map (applied token by token after punctuation handling)
# --------------------------------------------------------------------------
_WORD_MAP = {
    # English chat forms and apostrophe-less contractions
    "im": "i am", "ive": "i have", "dont": "do not", "doesnt": "does not", "didnt": "did not",
    "cant": "cannot", "cannnot": "cannot", "wont": "will not", "isnt": "is not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "havent": "have not", "hasnt": "has not",
    "wouldnt": "would not", "couldnt": "could not", "shouldnt": "should not", "aint": "am not",
    "youre": "you are", "thats": "that is", "theres": "there is", "whats": "what is",
    "hes": "he is", "shes": "she is",
    "wanna": "want to", "wana": "want to", "wanan": "want to", "gonna": "going to", "gona": "going to",
    "gotta": "got to", "kinda": "kind of", "ur": "your", "pls": "please",
    "plz": "please", "plis": "please", "rn": "right now", "cuz": "because", "coz": "because",
    "bc": "because", "tho": "though", "idk": "i do not know", "ppl": "people", "tmrw": "tomorrow",
    "tonite": "tonight", "2nite": "tonight", "everyones": "everyone is",
    "kms": "kill myself", "kmsf": "kill myself", "kil": "kill", "kiil": "kill", "kll": "kill",
    "killin": "killing", "kiling": "killing", "kileld": "killed",
    "myslef": "myself", "mysef": "myself", "mysefl": "myself", "myselfe": "myself", "myselff": "myself",
    "mself": "myself", "meself": "myself", "myslf": "myself", "himslef": "himself", "herslef": "herself",
    "dieing": "dying", "dyin": "dying", "diee": "die", "deid": "dead",
    "liveing": "living", "lyfe": "life", "lyf": "life", "liife": "life", "lfe": "life", "livin": "living", "lve": "live", "anymore": "anymore", "anymor": "anymore",
    "enymore": "anymore", "nemore": "anymore", "hurtin": "hurting", "cuttin": "cutting",
    "givin": "giving", "deliverin": "delivering", "throwin": "throwing", "pumpin": "pumping",
    "somethin": "something", "nothin": "nothing", "goin": "going", "tryin": "trying",
    "ketons": "ketones", "ketone": "ketones", "ketoens": "ketones",
    "swalowed": "swallowed", "swallowd": "swallowed", "swolled": "swallowed", "swollowed": "swallowed",
    "unconcious": "unconscious", "unconsious": "unconscious", "unconscience": "unconscious",
    "seizur": "seizure", "siezure": "seizure", "seisure": "seizure",
    "insuline": "insuline", "insullin": "insulin", "insuln": "insulin", "inslin": "insulin",
    "ocllusion": "occlusion", "occlussion": "occlusion", "oclusion": "occlusion",
    "euthenasia": "euthanasia", "euthanasia": "euthanasia", "euthanisia": "euthanasia",
    "eutanasia": "euthanasia", "euthansia": "euthanasia", "uthanasia": "euthanasia",
    "euthanised": "euthanized", "euthenized": "euthanized", "euthenised": "euthanized",
    "euthanise": "euthanize",
    # Dutch chat / dialect / speech forms
    "nie": "niet", "ni": "niet", "niettt": "niet", "neit": "niet", "nit": "niet", "nt": "niet",
    "niemeer": "niet meer", "nimeer": "niet meer", "nietmeer": "niet meer",
    "meeer": "meer", "mer": "meer",
    "k": "ik", "ikke": "ik", "mn": "mijn", "zn": "zijn",
    "ff": "even", "niks": "niets", "nix": "niets", "da": "dat", "wa": "wat",
    "mezelluf": "mezelf", "mzelf": "mezelf", "mezef": "mezelf", "mijzelluf": "mijzelf",
    "zelluf": "zelf", "zichzelluf": "zichzelf",
    "zitte": "zitten", "make": "maken", "lefen": "leven",
    "gedachtes": "gedachten", "gedachte": "gedachten",
    "eutanasie": "euthanasie", "euthenasie": "euthanasie", "euthansie": "euthanasie",
    "euthanazie": "euthanasie", "uthanasie": "euthanasie", "euthanasi": "euthanasie",
    "eutanazie": "euthanasie", "eutenasie": "euthanasie", "euthanaise": "euthanasie",
    "afscheidsbrief": "afscheidsbrief", "afscheidbrief": "afscheidsbrief",
    "bewustenloos": "bewusteloos", "bewusteloss": "bewusteloos", "bewusteloze": "bewusteloos",
    "bewustloos": "bewusteloos",
    "verbrant": "verbrand", "verbrandt": "verbrand", "brandwont": "brandwond",
    "ketonnen": "ketonen", "ketoon": "ketonen", "keton": "ketonen", "ketoonen": "ketonen",
    "insulie": "insuline", "insulien": "insuline", "insuiline": "insuline", "insulne": "insuline",
    "oclusie": "occlusie", "okklusie": "occlusie", "occlussie": "occlusie", "okclusie": "occlusie",
    "oklusie": "occlusie", "occulsie": "occlusie",
    "ingeslikt": "ingeslikt", "ingeslickt": "ingeslikt", "ingesligt": "ingeslikt",
    "doorgeslikt": "doorgeslikt",
    "slaappilen": "slaappillen", "pilen": "pillen",
    # risk words with attested misspellings
    "burdon": "burden", "burdan": "burden", "burdun": "burden", "burdern": "burden",
    "hopless": "hopeless", "hopeles": "hopeless", "hopelss": "hopeless", "worthles": "worthless",
    "worhtless": "worthless", "goodby": "goodbye", "goodbey": "goodbye", "gudbye": "goodbye",
    "sueside": "suicide", "suecide": "suicide", "suicde": "suicide", "suiced": "suicide",
    "bloedketonen": "bloed ketonen", "urineketonen": "urine ketonen", "bloedketon": "bloed ketonen",
    "leve": "leven", "sneeen": "sneden", "sneen": "sneden", "handheldje": "handheld",
    # "swolled" stays "swallowed" (above): a word has one canonical form, and a missed
    # overdose ("i swolled 30 pills") weighs more than a swollen battery, which the
    # swallowed-part rule still hands off
    "cuting": "cutting", "cuttting": "cutting", "swolen": "swollen",
    "hipo": "hypo", "hypoo": "hypo", "afscheit": "afscheid", "waardeloss": "waardeloos",
    "pilletjes": "pilletjes", "tabeletten": "tabletten", "tablette": "tabletten",
    # speech-recognition fillers carry nothing
    "eh": "", "ehm": "", "euh": "", "uh": "", "uhm": "", "um": "", "umm": "", "uhmm": "", "ehmm": "",
    "erm": "", "uhh": "", "ehh": "", "hmm": "", "hm": "",
}
_WORD_RE = re.compile(r"[a-z0-9']+")

# Stem rules for words with many attested spellings (keep any suffix, e.g. -gedachten)
# (cheap substring triggers, pattern, replacement): a pattern only runs when one of
# its triggers occurs in the text, which keeps normalisation to a few microseconds.
_STEM_RULES = [(t, re.compile(p), r) for t, p, r in [
    (("mo",), r"\b[zs]e(?:lf?|f) ?moo?r?(?:dt|d|t)(?=[a-z]|\b)", "zelfmoord"),  # zelfmoort, zelf moord, zelfmood, zelmoord
    (("dod",), r"\bzelf ?dod(?:ing|en)\b", "zelfdoding"),
    (("su",), r"\bsu[iy]?(?:s|c|sc|ss|z)i?daal(?=e|\b)", "suicidaal"),          # suisidaal, suicidale
    (("su",), r"\bsu[iy]?(?:s|c|sc|ss)i?d(?:a|e)?l(?=ly|\b)", "suicidal"),       # sucidal, suicidel
    (("suicidle",), r"\bsuicidle\b", "suicidal"),
    (("su",), r"\bsu[iy]?(?:s|c|sc|ss)i?de?(?=\b|gedachten)", "suicide"),        # sucide, suiside, suicid
    (("dos",), r"\bover ?dos(?:is|sis)\b", "overdosis"),
    (("dos",), r"\bover ?dos(e|es|ed|ing)\b", r"overdos\1"),
    (("beschadig",), r"\bzelf ?beschadig", "zelfbeschadig"),
    (("harm",), r"\bself ?harm", "self harm"),
    (("brie",), r"\bafscheids? ?brie(f|ven)\b", r"afscheidsbrie\1"),
    ((" zelf",), r"\b(me|mij|zich|hem|haar) zelf\b", r"\1zelf"),              # me zelf -> mezelf
    (("self", "selves", "slef"), r"\b(my|him|her|them|your) ?(self|selves|slef)\b", r"\1self"),
    (("themself",), r"\bthemselfs?\b", "themselves"),
    (("to many", "to much"), r"\bto (many|much)\b", r"too \1"),               # took to many pills
    ((" 2",), r"\b(want|wants|wanted|going|need|have|got) 2\b", r"\1 to"),    # want 2 die
    (("can not",), r"\bcan not\b", "cannot"),
    (("any more",), r"\bany more\b", "anymore"),
    (("brand",), r"\bbrand ?(wond|wonden|plek|blaar|lucht)\b", r"brand\1"),
    (("dood",), r"\bdood ?(moe|op)\b", r"dood\1"),
    (("dood",), r"\bdood ?gaan\b", "doodgaan"),
    (("youth in asia",), r"\byouth in asia\b", "euthanasia"),                  # classic ASR error
    (("eut",), r"\beutha? ?na ?sie\b", "euthanasie"),
    (("in suline",), r"\bin suline\b", "insuline"),
    (("geen een",), r"\bgeen een\b", "geen"),
    (("good bye",), r"\bgood bye\b", "goodbye"),
    (("k",), r"\bk(wil|zie|ben|heb|ga|kan|denk|voel|weet|hoop|wou|snij|sta|zit|lig)\b", r"ik \1"),
    (("fell of",), r"\bfell of\b(?! the\b| a\b| my\b| his\b| her\b)", "fell off"),
]]

_KNOWN_SINGLE_FOR_REPEAT = _SINGLE_FORMS | frozenset(_WORD_MAP.values())


def _collapse_repeats(text: str) -> str:
    if not _REPEAT3.search(text):
        return text

    def fix(token_match: re.Match) -> str:
        token = token_match.group(0)
        if not _REPEAT3.search(token):
            return token
        double = _REPEAT3.sub(r"\1\1", token)
        single = _REPEAT3.sub(r"\1", token)
        if double in _WORD_MAP or double in _KNOWN_SINGLE_FOR_REPEAT:
            return double
        if single in _WORD_MAP or single in _KNOWN_SINGLE_FOR_REPEAT:
            return single
        # a doubled vowel/consonant that is still doubled after collapsing: try single
        if double.endswith(("ee", "ll", "ss", "oo")) and single in _SINGLE_FORMS:
            return single
        return double

    return _WORD_RE.sub(fix, text)


def _map_words(text: str) -> str:
    return _WORD_RE.sub(lambda m: _WORD_MAP.get(m.group(0), m.group(0)), text)


_NUMBER_FIRST_TOKENS = frozenset(w.split()[0] for w in _NUMBER_WORDS)


def _numbers(text: str) -> str:
    if not _NUMBER_FIRST_TOKENS.isdisjoint(text.split()):
        text = _NUMBER_RE.sub(lambda m: str(_NUMBER_WORDS[m.group(0)]), text)
    if "komma" in text or "punt" in text or "point" in text:
        text = _SPOKEN_DECIMAL.sub(
            lambda m: f"{m.group(1)}.{_DIGIT_AFTER.get(m.group(2), m.group(2))}", text)
    return text


def normalize(text: str) -> str:
    """Return the canonical form of ``text`` used by the triage rules."""
    if not text:
        return ""
    text = text.translate(_CHAR_MAP)
    if "\U0001F48A" in text:
        text = _PILL_EMOJI.sub(_pill_words, text)
    text = _strip_diacritics(text).lower()
    if "'" in text:
        for pattern, repl in _APOS_RULES:
            if pattern.search(text):
                text = pattern.sub(repl, text)
        text = text.replace("'", "")
    text = _DECIMAL.sub(".", text)                       # 3,2 -> 3.2 (kept as one token)
    text = _SENT_PUNCT.sub(lambda m: m.group(0) if _is_decimal_dot(m) else " . ", text)
    text = _COMMA.sub(" , ", text)
    text = _OTHER.sub(" ", text)
    text = _collapse_repeats(text)
    text = _map_words(text)
    for triggers, pattern, repl in _STEM_RULES:
        if any(t in text for t in triggers):
            text = pattern.sub(repl, text)
    text = _numbers(text)
    return _SPACES.sub(" ", text).strip()


def _is_decimal_dot(m: re.Match) -> bool:
    s, start, end = m.string, m.start(), m.end()
    return (m.group(0) == "." and 0 < start and end < len(s)
            and s[start - 1].isdigit() and s[end].isdigit())

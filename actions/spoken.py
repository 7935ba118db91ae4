"""Structured answers as people say them, typed or spoken, in Dutch and English.

A speech recogniser hands us "35 11 el ka 12", "eenentwintig november
negentienhonderdnegenenveertig" or "N L acht een R A B O nul drie ..."; a chat visitor
types "3511LK 12". One grammar reads them all:

- numbers in words (Dutch compounds such as eenentwintig, negentienhonderdnegenenveertig,
  tweeduizendvijf; English "twenty-one", "two thousand and five") and digit groups
  ("35 11", "drie vijf een een");
- letters as letters, by their Dutch or English names ("el ka", "kay") and by the Dutch and
  NATO spelling alphabets ("Lodewijk", "L van Lodewijk", "K as in kilo");
- postcodes with house numbers and additions (51A, 51 a, 51-2, 51 2, 51 bis, 51 hoog,
  51-II) in either order, dates, amounts, IBANs, donor and customer numbers.

Each reader returns a `Reading`: `value` when there is exactly one reading, `candidates`
when several fit (the caller is asked, never guessed for), and `impossible` when what was
said can be read but cannot be right (31 February, a postcode ending in SS, a bad IBAN
check). Nothing here imports Rasa: the gateway's phone adapter uses it too.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core import vocabulary
from core.vocabulary import NEVER_ISSUED, NL_SMALL, NL_TENS

# --- readings --------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    value: object = None
    candidates: tuple = ()
    impossible: bool = False

    @property
    def ambiguous(self) -> bool:
        return self.value is None and len(self.candidates) > 1

    @property
    def found(self) -> bool:
        return self.value is not None


NOTHING = Reading()
IMPOSSIBLE = Reading(impossible=True)


def _reading(values) -> Reading:
    distinct = list(dict.fromkeys(values))
    if len(distinct) == 1:
        return Reading(value=distinct[0], candidates=tuple(distinct))
    if distinct:
        return Reading(candidates=tuple(distinct))
    return NOTHING


# The kind of value each form question asks for: the phone adapter (ivr/voice.py) picks its
# speech hints, its keypad entry and its words for the ear by it.
KIND_FOR_SLOT = {"verify_number": "number", "verify_address": "proof", "new_amount": "amount",
                 "new_frequency": "frequency", "new_street": "street", "new_postcode": "postcode",
                 "new_city": "city", "new_contact": "contact", "new_iban": "iban",
                 "pause_months": "count", "order_item": "item", "order_quantity": "count",
                 "return_reason": "text", "complaint_description": "text",
                 "complaint_event_date": "date", "complaint_injury": "text",
                 "confirm_change": "yesno"}

# --- words ---------------------------------------------------------------------------

NL_SCALES = (("miljoen", 1_000_000), ("duizend", 1000), ("honderd", 100))
NL_ORDINALS = {"eerste": 1, "derde": 3, "achtste": 8}
# Said, not written: "oh" for a zero, "fourty" for forty.
EN_SMALL = {**vocabulary.EN_SMALL, "oh": 0}
EN_TENS = {**vocabulary.EN_TENS, "fourty": 40}
EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
               "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
               "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
               "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
               "twentieth": 20, "thirtieth": 30}
REPEAT = {"dubbel": 2, "dubbele": 2, "double": 2, "triple": 3, "trippel": 3}
_ACCENTS = str.maketrans("ëéèêïí", "eeeeii")


def _plain(word: str) -> str:
    return word.lower().translate(_ACCENTS)


def nl_number(word: str) -> int | None:
    """The value of one Dutch number word: 'eenentwintig' 21, 'tweeduizendvijf' 2005."""
    word = _plain(word)
    if not word:
        return None
    if word in NL_SMALL:
        return NL_SMALL[word]
    if word in NL_TENS:
        return NL_TENS[word]
    for name, scale in NL_SCALES:
        if name in word:
            head, tail = word.split(name, 1)
            high = 1 if head == "" else nl_number(head)
            if tail.startswith("en") and nl_number(tail[2:]) is not None and tail not in NL_SMALL:
                tail = tail[2:]  # honderdentien
            low = 0 if tail == "" else nl_number(tail)
            if high is None or low is None or low >= scale or high >= 1000 and scale < 1000:
                return None
            if scale == 100 and high >= 100:
                return None
            return high * scale + low
    match = re.fullmatch(r"(.+?)en(" + "|".join(NL_TENS) + r")", word)
    if match and 1 <= NL_SMALL.get(match.group(1), 0) <= 9:
        return NL_SMALL[match.group(1)] + NL_TENS[match.group(2)]
    return None


def nl_ordinal(word: str) -> int | None:
    """'eenentwintigste' 21, 'derde' 3, 'twaalfde' 12."""
    word = _plain(word)
    if word in NL_ORDINALS:
        return NL_ORDINALS[word]
    for suffix in ("ste", "de", "e"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            value = nl_number(word[:-len(suffix)])
            if value is not None:
                return value
    return None


def en_number(word: str) -> int | None:
    word = _plain(word)
    if word in EN_SMALL:
        return EN_SMALL[word]
    if word in EN_TENS:
        return EN_TENS[word]
    return EN_SCALES.get(word)


def en_ordinal(word: str) -> int | None:
    word = _plain(word)
    if word in EN_ORDINALS:
        return EN_ORDINALS[word]
    if word.endswith("ieth") and word[:-4] + "y" in EN_TENS:
        return EN_TENS[word[:-4] + "y"]
    return None


# Letter names and spelling alphabets → the letter.
LETTER_NAMES = {
    "a": "a", "aa": "a", "ay": "a", "bee": "b", "be": "b", "b": "b", "cee": "c", "ce": "c",
    "see": "c", "sea": "c", "dee": "d", "de": "d", "ee": "e", "ef": "f", "eff": "f", "ge": "g",
    "gee": "g", "ha": "h", "haa": "h", "aitch": "h", "haitch": "h", "ie": "i", "eye": "i",
    "je": "j", "jee": "j", "jay": "j", "ka": "k", "kaa": "k", "kay": "k", "el": "l", "ell": "l",
    "elle": "l", "em": "m", "emm": "m", "en": "n", "oo": "o", "oh": "o", "pe": "p",
    "pee": "p", "pea": "p", "ku": "q", "kuu": "q", "queue": "q", "cue": "q", "kew": "q",
    "er": "r", "err": "r", "ar": "r", "are": "r", "es": "s", "ess": "s", "te": "t",
    "tee": "t", "tea": "t", "uu": "u", "you": "u", "ve": "v", "vee": "v", "we": "w",
    "wee": "w", "iks": "x", "ix": "x", "ex": "x", "ij": "y", "why": "y", "wye": "y",
    "zet": "z", "zed": "z", "zee": "z",
}
SPELLING = {
    # Dutch spelling alphabet (with the common variants people use)
    "anton": "a", "arie": "a", "bernard": "b", "cornelis": "c", "dirk": "d", "eduard": "e",
    "ferdinand": "f", "gerard": "g", "hendrik": "h", "izaak": "i", "johan": "j", "jan": "j",
    "karel": "k", "kees": "k", "lodewijk": "l", "marie": "m", "maria": "m", "nico": "n",
    "otto": "o", "pieter": "p", "quotient": "q", "quirinus": "q", "rudolf": "r", "simon": "s",
    "theodoor": "t", "theo": "t", "utrecht": "u", "victor": "v", "willem": "w",
    "xantippe": "x", "ypsilon": "y", "ijmuiden": "y", "zaandam": "z", "zacharias": "z",
    # NATO
    "alfa": "a", "alpha": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e",
    "foxtrot": "f", "golf": "g", "hotel": "h", "india": "i", "juliet": "j", "juliett": "j",
    "kilo": "k", "lima": "l", "mike": "m", "november": "n", "oscar": "o", "papa": "p",
    "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t", "uniform": "u",
    "whiskey": "w", "whisky": "w", "xray": "x", "yankee": "y", "zulu": "z",
}
# "L van Lodewijk", "K as in kilo", "M for Mike", "D zoals Dirk"
SPELL_LINKS = ("van", "voor", "als", "zoals", "for", "like", "as", "in", "is")
# An answer that names alternatives ("12 of 14", "five or ten euros", "tussen tien en
# twintig") is never read as one of them: it is asked back.
ALTERNATIVES = {"nl": {"of", "ofwel", "tussen"}, "en": {"or", "between", "either"}}


def names_alternatives(text: str, lang: str = "nl") -> bool:
    words = ALTERNATIVES["en" if lang == "en" else "nl"]
    return any(_plain(tok) in words for tok in tokens(text))
# Words that may stand around a structured answer without being part of it.
FILLERS = set("""
uh uhm eh ehm ehh hmm um umm er erm ah ja jawel yes yeah nou nee no well so oke okay ok
mijn het is de dat die dit zijn wij we ik heb hebben woon wonen op in te aan bij om met
postcode huisnummer nummer nr adres geboortedatum geboren datum rekeningnummer rekening
iban bankrekening bankrekeningnummer donateursnummer klantnummer bedrag euro euros cent
centen graag alstublieft alsjeblieft dank u je nieuwe nieuw mijnnieuwe wordt worden
my the a an it its it's i am live at number postal post code zip house date of birth born
account bank new amount please thanks thank you donor customer and en then dan daarna
dus even eens nog keer spatie streepje koppelteken toevoeging letter letters cijfers
""".split())
HOUSE_WORDS = {"bis": "bis", "hoog": "hoog", "huis": "huis", "boven": "boven",
               "beneden": "beneden", "zwart": "zwart", "rood": "rood", "hs": "huis",
               "ii": "ii", "iii": "iii", "iv": "iv", "bg": "bg", "achter": "achter",
               "voor": "voor"}
ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


# --- tokens and number groups ------------------------------------------------------------

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?|[-/]|€", re.UNICODE)


def tokens(text: str) -> list[str]:
    text = (text or "").lower().replace("’", "'")
    text = re.sub(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)", " ", text)  # 3511lk12
    text = text.replace("x-ray", "xray").replace("double-u", "doubleu")
    return _TOKEN.findall(text)


@dataclass
class Group:
    """A run of number words or digits said as one number: value and its digits."""
    digits: str
    start: int
    end: int  # exclusive token index
    spoken: bool  # said in words (not typed as digits)
    ordinal: bool = False
    words: list = field(default_factory=list)

    @property
    def value(self) -> int:
        return int(self.digits)


def _word_value(word: str) -> tuple[int, str] | None:
    """(value, kind) of one word: kind 'nl', 'en', 'scale', 'ord'."""
    plain = _plain(word)
    if plain in EN_SCALES:
        return EN_SCALES[plain], "scale"
    if plain in ("honderd", "duizend"):
        return (100 if plain == "honderd" else 1000), "scale"
    value = nl_number(plain)
    if value is not None:
        return value, "nl"
    value = en_number(plain)
    if value is not None:
        return value, "en"
    value = nl_ordinal(plain)
    if value is None:
        value = en_ordinal(plain)
    return None if value is None else (value, "ord")


def number_groups(toks: list[str], start: int = 0, join_en: bool = True) -> list[Group]:
    """Every number said in `toks` from `start`, merged the way people say them.

    "vijf en twintig" 25, "twenty one" 21, "negentien honderd negenenveertig" 1949,
    "two thousand and five" 2005, "dubbel nul" 00; digit groups stay as typed ("0417").
    """
    groups: list[Group] = []
    i, n = start, len(toks)
    while i < n:
        tok = toks[i]
        if tok.isdigit():
            groups.append(Group(tok, i, i + 1, spoken=False))
            i += 1
            continue
        if _plain(tok) in REPEAT and i + 1 < n:
            after = toks[i + 1]
            inner = _word_value(after) or ((int(after), "nl") if after.isdigit() else None)
            if inner and inner[1] != "scale" and inner[0] < 10:
                groups.append(Group(str(inner[0]) * REPEAT[_plain(tok)], i, i + 2, spoken=True))
                i += 2
                continue
        word = _word_value(tok)
        if word is None:
            i += 1
            continue
        value, kind = word
        group = Group(str(value), i, i + 1, spoken=True, ordinal=kind == "ord", words=[tok])
        total, part = (value, 0) if kind == "scale" and value >= 1000 else (0, value)
        j = i + 1
        while j < n and not group.ordinal:
            joiner = toks[j] in ("en", "and", "-") and j + 1 < n
            k = j + 1 if joiner else j
            if k >= n:
                break
            nxt = _word_value(toks[k])
            if nxt is None:
                break
            nvalue, nkind = nxt
            if nkind == "scale" and not joiner:
                if nvalue == 100 and 0 < part < 100:
                    part *= 100  # "negentien honderd", "twelve hundred", "two hundred"
                elif nvalue >= 1000 and 0 < total + part < nvalue:
                    total, part = (total + part) * nvalue, 0  # "one thousand", "tweeduizend"
                else:
                    break
            elif nkind == "scale":
                break
            elif part == 0 and total and nvalue < 1000:
                part = nvalue  # "tweeduizend vijf", "duizend tweehonderd", "... and five"
            elif part >= 100 and part % 100 == 0 and nvalue < 100:
                part += nvalue  # "honderd twaalf", "negentienhonderd negenenveertig"
            elif joiner and toks[j] == "en" and 1 <= part % 100 <= 9 and part < 10 \
                    and nvalue in NL_TENS.values():
                if not join_en:
                    break
                part += nvalue  # "vijf en twintig"
            elif (not joiner or toks[j] in ("-", "and")) and part % 100 in EN_TENS.values() \
                    and 1 <= nvalue <= 9 and (nkind in ("en", "ord")
                                              or _plain(group.words[-1]) in EN_TENS):
                part += nvalue  # "twenty one", "twenty-first", "one hundred twenty five"
            else:
                break
            group.digits = str(total + part)
            group.ordinal = nkind == "ord"
            group.words.append(toks[k])
            group.end = k + 1
            j = k + 1
        groups.append(group)
        i = group.end
    return groups


# --- letters -----------------------------------------------------------------------------

def _letter_options(toks: list[str], i: int, lang: str = "nl") -> list[tuple[str, int]]:
    """Ways to read a letter at toks[i]: (letter, tokens used). Empty when it is no letter."""
    tok = _plain(toks[i])
    options = []
    base = None
    if len(tok) == 1 and tok.isalpha():
        base = tok
    elif tok in LETTER_NAMES:
        base = LETTER_NAMES[tok]
    elif tok in SPELLING:
        options.append((SPELLING[tok], 1))
    if base:
        # "L van Lodewijk", "K as in kilo": the spelled word confirms (or contradicts) it
        j = i + 1
        while j < len(toks) and toks[j] in SPELL_LINKS and j - i <= 2:
            j += 1
        if j > i + 1 and j < len(toks) and toks[j].isalpha():
            word = _plain(toks[j])
            spelled = SPELLING.get(word) or (word[0] if len(word) > 2 and word not in FILLERS
                                             else None)
            if spelled == base:
                return [(base, j - i + 1)]
            if spelled:
                return [(base, j - i + 1), (spelled, j - i + 1)]  # "L van Kees": ask
        options.append((base, 1))
    return options


ANNOUNCING = {"postcode", "huisnummer", "nummer", "nr", "house", "number", "post", "zip",
              "geboortedatum", "toevoeging", "letters", "cijfers"}


def _joining_word(toks: list[str], i: int, lang: str = "nl") -> bool:
    """'de' before a letter ("de L van Lodewijk") and 'en' after a spelled letter ("L van
    Lodewijk en de K") are words, not the letters D and N."""
    word = _plain(toks[i])
    following = i + 1 < len(toks) and bool(_letter_options(toks, i + 1, lang))
    after = _plain(toks[i + 1]) if i + 1 < len(toks) else ""
    if word in ("de", "het", "the") and (following or after in ANNOUNCING):
        return True  # "de postcode", "the house number"
    if word in ("en", "and") and after in ANNOUNCING | {"de", "het", "the", "ik", "i", "mijn",
                                                        "my", "dan", "then"}:
        return True  # "en de postcode is", "and the house number"
    if word in ("en", "and") and following and i >= 1:
        before = _plain(toks[i - 1])
        return before in SPELLING or (i >= 2 and _plain(toks[i - 2]) in SPELL_LINKS)
    return False


def read_letters(text: str, lang: str = "nl") -> Reading:
    """Letters said one by one: 'el ka' 'LK', 'L van Lodewijk', 'kilo', 'double you' 'W'."""
    text = re.sub(r"\bdouble[ -]?(you|u)\b", "w", text or "", flags=re.I)
    text = re.sub(r"\bgriekse ij\b", "ij", text, flags=re.I)
    if names_alternatives(text, lang):
        return Reading(candidates=(None, None))
    positions = []
    toks = tokens(text)
    i = 0
    while i < len(toks):
        options = [] if _joining_word(toks, i, lang) else _letter_options(toks, i, lang)
        if options:
            used = max(u for _, u in options)
            choice = list(dict.fromkeys(letter.upper() for letter, _ in options))
            if used == 1 and _plain(toks[i]) in FILLERS:
                choice.append("")
            positions.append(choice)
            i += used
        else:
            i += 1
    if not positions:
        return NOTHING
    levels: dict[int, list] = {}
    for combo in itertools.islice(itertools.product(*positions), 256):
        levels.setdefault(sum(not c for c in combo), []).append("".join(combo))
    # Fewest words skipped first; among those, the readings that differ are asked back.
    best = levels[min(levels)]
    return _reading(best)


def read_number(text: str, lang: str = "nl") -> Reading:
    """A number in words or digit groups: 'vijfendertig elf' 3511, 'twelve hundred' 1200."""
    if names_alternatives(text, lang):
        return Reading(candidates=(None, None))
    groups = number_groups(tokens(text))
    if not groups:
        return NOTHING
    return Reading(value=int("".join(g.digits for g in groups)))


# --- postcode and house number -------------------------------------------------------------

@dataclass(frozen=True)
class Address:
    digits: str  # "3511"
    letters: str | None  # "LK", or None when only the digits were given (keypad)
    number: str  # "51"
    addition: str = ""  # "a", "2", "bis", "hoog", "ii"

    @property
    def postcode(self) -> str:
        return f"{self.digits} {self.letters}" if self.letters else self.digits

    @property
    def house(self) -> str:
        if not self.addition:
            return self.number
        if len(self.addition) == 1 and self.addition.isalpha():
            return f"{self.number}{self.addition.upper()}"
        return f"{self.number}-{self.addition.upper()}"

    def __str__(self) -> str:
        return f"{self.postcode} {self.house}"




def _items(text: str, lang: str):
    """The answer as items with alternatives: each position a list of choices."""
    toks = tokens(text)
    groups = {g.start: g for g in number_groups(toks, join_en=True)}
    positions = []
    i = 0
    while i < len(toks):
        if i in groups:
            group = groups[i]
            if not group.spoken and 5 <= len(group.digits) <= 9:
                # keyed or typed in one go: "351112" is the postcode's digits + house number
                positions.append([("num", group.digits[:4], False)])
                positions.append([("num", group.digits[4:], False)])
            else:
                positions.append([("num", group.digits, group.spoken)])
            i = group.end
            continue
        tok = _plain(toks[i])
        if tok in ("-", "/", "streepje", "koppelteken", "dash", "hyphen", "toevoeging"):
            positions.append([("sep",)])
            i += 1
            continue
        if tok in HOUSE_WORDS and tok not in ("i",):
            choice = [("add", HOUSE_WORDS[tok])]
            if tok == "voor":
                choice.append(None)
            positions.append(choice)
            i += 1
            continue
        letters = [] if _joining_word(toks, i, lang) else _letter_options(toks, i, lang)
        if letters:
            used = max(u for _, u in letters)
            choice = [("let", letter) for letter, u in letters]
            if used == 1 and (tok in FILLERS or tok in ("a",) and lang == "en"):
                choice.append(None)  # "de", "en", "i", "we": maybe just a word
            elif used == 1 and len(tok) == 2 and tok.isalpha():
                choice.append(("lets", tok))  # "pe": the letter P, or P and E typed together
            positions.append(choice)
            i += used
            continue
        if tok.isalpha() and len(tok) == 2 and tok not in FILLERS and tok not in LETTER_NAMES:
            # letters typed or recognised together: "lk", "ab"
            positions.append([("lets", tok)])
            i += 1
            continue
        if tok == "'" or tok in FILLERS or tok.isalpha():
            i += 1  # a filler or any other word: skipped
            continue
        i += 1
    return positions


def _fewest_skips(positions):
    """Levels of readings, those that read the most words as letters first ("51 a" is 51A,
    not 51 and a stray article): each level a list of item lists with as many skipped words."""
    combos = list(itertools.islice(itertools.product(*positions), 256))
    levels: dict[int, list] = {}
    for combo in combos:
        levels.setdefault(sum(item is None for item in combo), []).append(
            [item for item in combo if item is not None])
    return [levels[key] for key in sorted(levels)]


def _parse_address(items: list) -> list[Address]:
    """All complete parses of one choice of items."""
    results = []

    def digits_run(k, want=4):
        text, j = "", k
        while j < len(items) and items[j][0] == "num" and len(text) < want:
            text += items[j][1]
            j += 1
            if len(text) == want:
                return text, j
        return None, k

    def letters_run(k):
        if k < len(items) and items[k][0] == "lets" and len(items[k][1]) == 2:
            return items[k][1].upper(), k + 1
        out, j = "", k
        while j < len(items) and items[j][0] == "let" and len(out) < 2:
            out += items[j][1]
            j += 1
        if len(out) == 2:
            return out.upper(), j
        return None, k

    def house_run(k):
        """[(number, addition, next index)]: every way to read a house number here."""
        if k >= len(items) or items[k][0] != "num":
            return []
        number, j = items[k][1], k + 1
        if len(number) == 1:  # said digit by digit: "een twee" is 12
            while j < len(items) and items[j][0] == "num" and len(items[j][1]) == 1 \
                    and len(number) < 5:
                number += items[j][1]
                j += 1
        if len(number) > 5 or number.startswith("0"):
            return []
        options = [(number, "", j)]
        m = j + 1 if j < len(items) and items[j][0] == "sep" else j
        if m < len(items):
            kind = items[m][0]
            if kind == "num" and len(items[m][1]) <= 4:
                options.append((number, items[m][1].lstrip("0") or "0", m + 1))
            elif kind == "let":
                options.append((number, items[m][1], m + 1))
            elif kind == "lets" and items[m][1] in ROMAN:
                options.append((number, items[m][1], m + 1))
            elif kind == "add":
                options.append((number, items[m][1], m + 1))
        return options

    def postcode(k):
        digits, j = digits_run(k)
        if not digits or digits[0] == "0":
            return []
        letters, m = letters_run(j)
        out = [(digits, letters, m)] if letters else []
        out.append((digits, None, j))
        return out

    # postcode first, house number second
    for start in range(len(items)):
        for digits, letters, j in postcode(start):
            for number, addition, end in house_run(j):
                if end == len(items) and _only_noise(items[:start]):
                    results.append(Address(digits, letters, number, addition))
    # house number first: "nummer 12, 3511 LK"
    for start in range(len(items)):
        for number, addition, j in house_run(start):
            if not _only_noise(items[:start]):
                continue
            for digits, letters, end in postcode(j):
                if end == len(items) and letters:
                    results.append(Address(digits, letters, number, addition))
    return results


def _only_noise(items) -> bool:
    return all(item[0] not in ("num",) for item in items)


def read_address(text: str, lang: str = "nl") -> Reading:
    """Postcode and house number: Reading(Address). Letters may be missing (keypad)."""
    if names_alternatives(text, lang):
        return Reading(candidates=(None, None))
    positions = _items(text, lang)
    if not any(choice and choice[0] and choice[0][0] == "num" for choice in positions):
        return NOTHING
    found = []
    for level in _fewest_skips(positions):
        for items in level:
            found.extend(_parse_address(items))
        if found:
            break
    with_letters = [a for a in found if a.letters]
    if with_letters:
        found = with_letters  # a parse that leaves said letters unused is not the reading
    if any(a.letters in NEVER_ISSUED for a in found) and all(
            a.letters in NEVER_ISSUED for a in found):
        return IMPOSSIBLE
    found = [a for a in found if a.letters not in NEVER_ISSUED]
    return _reading(found)


def _postcode_only(items) -> list[str]:
    digits, j = "", 0
    while j < len(items) and items[j][0] == "num" and len(digits) < 4:
        digits += items[j][1]
        j += 1
    if len(digits) != 4 or digits[0] == "0":
        return []
    rest = items[j:]
    if len(rest) == 1 and rest[0][0] == "lets":
        return [f"{digits} {rest[0][1].upper()}"]
    if len(rest) == 2 and all(item[0] == "let" for item in rest):
        return [f"{digits} {(rest[0][1] + rest[1][1]).upper()}"]
    return []


def read_postcode(text: str, lang: str = "nl") -> Reading:
    """A postcode alone ("3511 LK", "vijfendertig elf el ka"): Reading('3511 LK')."""
    found = []
    for level in _fewest_skips(_items(text, lang)):
        for items in level:
            found.extend(_postcode_only(items))
        if found:
            break
    if found and all(value[-2:] in NEVER_ISSUED for value in found):
        return IMPOSSIBLE
    return _reading([value for value in found if value[-2:] not in NEVER_ISSUED])


# --- dates ---------------------------------------------------------------------------------

MONTHS = {"januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2,
          "maart": 3, "march": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
          "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8,
          "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
          "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
          "dec": 12}
MONTH_NAMES = {"nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                      "augustus", "september", "oktober", "november", "december"],
               "en": ["January", "February", "March", "April", "May", "June", "July",
                      "August", "September", "October", "November", "December"]}
RELATIVE_DAYS = {"vandaag": 0, "today": 0, "vanochtend": 0, "vanmorgen": 0, "vanmiddag": 0,
                 "vannacht": 0, "vanavond": 0, "tonight": 0, "gisteren": 1, "yesterday": 1,
                 "gisteravond": 1, "gisterochtend": 1, "eergisteren": 2}
_RELATIVE_PHRASES = {"this morning": 0, "this afternoon": 0, "last night": 1,
                     "day before yesterday": 2}


def _year(value: str, today: date, past_only: bool) -> int | None:
    year = int(value)
    if len(value) <= 2:
        year += 2000 if (year <= today.year % 100 or not past_only) else 1900
    elif len(value) != 4:
        return None
    return year


def _make_date(year, month, day):
    try:
        return date(year, month, day)
    except (TypeError, ValueError):
        return None


def read_date(text: str, today: date | None = None, past_only: bool = True,
              lang: str = "nl") -> Reading:
    """A calendar date: 'eenentwintig november negentienhonderdnegenenveertig', '21-11-49',
    'the twenty-first of November 1949', '21111949' (keypad), 'gisteren'."""
    today = today or date.today()
    lowered = " ".join(tokens(text))
    for phrase, days in _RELATIVE_PHRASES.items():
        if re.search(r"\b" + phrase + r"\b", lowered):
            return Reading(value=today - timedelta(days=days))
    toks = tokens(text)
    for tok in toks:
        if tok in RELATIVE_DAYS:
            return Reading(value=today - timedelta(days=RELATIVE_DAYS[tok]))
    found = []
    bad = False
    # ISO and typed numeric dates: 1949-11-21, 21-11-1949, 21/11/49, 21.11.1949
    for match in re.finditer(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", text or ""):
        value = _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        found.append(value) if value else None
        bad = bad or value is None
    if not found:
        numeric_date = r"(?<![\d])(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})(?![\d])"
        for match in re.finditer(numeric_date, text or ""):
            year = _year(match.group(3), today, past_only)
            first, second = int(match.group(1)), int(match.group(2))
            value = _make_date(year, second, first)
            us = _make_date(year, first, second) if lang == "en" or value is None else None
            if value and us and us != value:
                found.extend([value, us])  # 03/04/1950 in English: March or April?
                continue
            value = value or us  # 04/25/1960: only the US order fits
            found.append(value) if value else None
            bad = bad or value is None
    month_at = [i for i, tok in enumerate(toks) if _plain(tok).rstrip(".") in MONTHS]
    if not found and month_at:
        found, bad = _word_dates(toks, month_at, today, past_only)
    if not found and not month_at:
        groups = [g for g in number_groups(toks) if g.digits]
        digits = "".join(g.digits for g in groups)
        if groups and all(not g.spoken for g in groups) and len(digits) == 8:
            value = _make_date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
            found.append(value) if value else None
            bad = bad or value is None
        elif len(groups) in (3, 4) and groups[0].value < 100 and groups[1].value < 100 \
                and all(g.value < 100 or len(g.digits) == 4 for g in groups[2:]):
            # "21 11 1949", "eenentwintig elf negentien negenenveertig"
            day, month, year = groups[0], groups[1], "".join(g.digits for g in groups[2:])
            fits = len(year) in (2, 4) and (len(groups) == 3 or len(groups[2].digits) == 2)
            value = _make_date(_year(year, today, past_only), month.value, day.value) \
                if fits else None
            us = _make_date(_year(year, today, past_only), day.value, month.value) \
                if fits and lang == "en" else None
            if value and us and us != value:
                found.extend([value, us])
            else:
                found.append(value) if value else None
                bad = bad or value is None
    if past_only:
        future = [d for d in found if d > today]
        found = [d for d in found if d <= today]
        bad = bad or bool(future)
    if not found:
        return IMPOSSIBLE if bad else NOTHING
    return _reading(found)


DAY_LINKS = {"st", "nd", "rd", "th", "e", "ste", "de", "of", "van", "the"}


def _word_dates(toks, month_at, today, past_only):
    found, bad = [], False
    for at in month_at:
        month = MONTHS[_plain(toks[at]).rstrip(".")]
        before = [g for g in number_groups(toks[:at])
                  if all(_plain(t) in DAY_LINKS for t in toks[g.end:at])]
        after = number_groups(toks, at + 1)
        after = [g for g in after if g.start >= at + 1]
        day = year = None
        if before:
            day = before[-1]
            year_groups = after
        elif after:  # "November 21st, 1949" / "november eenentwintig"
            day, year_groups = after[0], after[1:]
        else:
            continue
        if day.value > 31 or day.value < 1:
            bad = True
            continue
        year_digits = None
        if year_groups:
            first = year_groups[0]
            if first.start > at + 1 + (0 if before else (day.end - day.start)) + 1:
                year_groups = []
        if year_groups:
            # "negentien negenenveertig" / "nineteen forty nine": two groups of a year
            digits = year_groups[0].digits
            if len(digits) == 2 and len(year_groups) > 1 and len(year_groups[1].digits) == 2:
                digits += year_groups[1].digits
            year_digits = digits
        if year_digits is not None:
            year = _year(year_digits, today, past_only) if len(year_digits) in (2, 4) else None
            value = _make_date(year, month, day.value) if year else None
            if value is None:
                bad = True
                continue
            found.append(value)
        else:
            value = _make_date(today.year, month, day.value)
            if value is None:
                bad = True
                continue
            if value > today and past_only:
                value = _make_date(today.year - 1, month, day.value)
            found.append(value)
    return found, bad


# --- amounts ---------------------------------------------------------------------------------

MIN_AMOUNT, MAX_AMOUNT = Decimal("1"), Decimal("10000")
DECIMAL_WORDS = {"komma", "punt", "point", "comma"}
_BETWEEN_EUROS_AND_CENTS = {"euro", "euros", "eur", "€", "en", "and"}


def _typed_value(tok: str) -> Decimal | None:
    """'12,50' 12.50, '1.000' 1000, '1,250.50' 1250.50, '1.250,00' 1250."""
    parts = re.split(r"[.,]", tok)
    if len(parts) == 1:
        return Decimal(tok)
    if len(parts[-1]) in (1, 2) and all(len(p) == 3 for p in parts[1:-1]):
        return Decimal(f"{''.join(parts[:-1])}.{parts[-1].ljust(2, '0')}")
    if all(len(p) == 3 for p in parts[1:]):
        return Decimal("".join(parts))
    return None


def read_amount(text: str, words: bool = True) -> Reading:
    """An amount in euros: '€ 12,50', 'vijfenveertig euro', 'vijf en twintig vijftig' (25,50),
    'twaalf komma vijf', 'twelve euros fifty', '25 euro en 50 cent', 'zeventig cent' (0,70).

    No range check here (parse_amount and the form keep to 1 to 10,000)."""
    text = text or ""
    if names_alternatives(text, "nl") or names_alternatives(text, "en"):
        return Reading(candidates=(None, None))
    toks = tokens(text)
    for tok in toks:
        if re.fullmatch(r"\d+(?:[.,]\d+)+", tok):
            value = _typed_value(tok)
            if value is None:
                return NOTHING
            return Reading(value=value.quantize(Decimal("0.01")), candidates=(value,))
    groups = [g for g in number_groups(toks) if words or not g.spoken]
    if groups and groups[0].words and len(groups[0].words) == 1 \
            and _plain(groups[0].words[0]) in ("een", "one") \
            and not (groups[0].end < len(toks) and toks[groups[0].end].startswith("euro")):
        groups = groups[1:]  # "een ander bedrag": an article, not 1
    if not groups:
        return NOTHING
    first = groups[0]
    after = toks[first.end] if first.end < len(toks) else ""
    if after.startswith("cent"):
        value = Decimal(first.value) / 100  # "zeventig cent"
        return Reading(value=value.quantize(Decimal("0.01")), candidates=(value,))
    value = Decimal(first.value)
    if len(groups) > 1:
        second = groups[1]
        between = [_plain(t) for t in toks[first.end:second.start]]
        tail = toks[second.end] if second.end < len(toks) else ""
        if between and set(between) <= DECIMAL_WORDS and len(between) == 1:
            value += Decimal(f"0.{second.digits[:2]}")  # "twaalf komma vijf"
        elif set(between) <= _BETWEEN_EUROS_AND_CENTS and second.value < 100:
            if not between and second.value < 10 and not tail.startswith("cent"):
                cents = (value + Decimal(second.value) / 100, value + Decimal(second.value) / 10)
                return Reading(candidates=tuple(c.quantize(Decimal("0.01")) for c in cents))
            value += Decimal(second.value) / 100
    value = value.quantize(Decimal("0.01"))
    return Reading(value=value, candidates=(value,))


def in_range(reading: Reading) -> Reading:
    """An amount outside 1 to 10,000 euros cannot be a gift here."""
    if reading.found and not MIN_AMOUNT <= reading.value <= MAX_AMOUNT:
        return IMPOSSIBLE
    return reading


# --- IBAN ------------------------------------------------------------------------------------

def _iban_positions(text: str, lang: str):
    toks = tokens(text)
    groups = {g.start: g for g in number_groups(toks, join_en=False)}
    positions = []
    i = 0
    while i < len(toks):
        if i in groups:
            group = groups[i]
            positions.append([group.digits])
            i = group.end
            continue
        tok = _plain(toks[i])
        letters = [] if _joining_word(toks, i, lang) else _letter_options(toks, i, lang)
        if letters:
            used = max(u for _, u in letters)
            choice = [letter.upper() for letter, _ in letters]
            if used == 1 and (tok in FILLERS or tok == "a"):
                choice.append("")
            positions.append(choice)
            i += used
            continue
        if tok.isalpha() and len(tok) <= 4 and tok not in FILLERS:
            positions.append([tok.upper()])  # "rabo", "abna", "nl"
        i += 1
    return positions


def read_iban(text: str, lang: str = "nl") -> Reading:
    """A valid IBAN (schwifty checks country, length and check digits): Reading('NL91ABNA…')."""
    if names_alternatives(text, lang):
        return Reading(candidates=(None, None))
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    found, seen_shape = [], False
    for combo in itertools.islice(itertools.product(*_iban_positions(text, lang)), 512):
        compact = "".join(combo)
        for match in re.finditer(r"(?=([A-Z]{2}\d{2}[A-Z0-9]{10,30}))", compact):
            candidate = match.group(1)
            seen_shape = True
            for end in range(len(candidate), 13, -1):
                try:
                    found.append(IBAN(candidate[:end]).compact)
                    break
                except (SchwiftyException, ValueError):
                    continue
    if not found:
        return IMPOSSIBLE if seen_shape else NOTHING
    return _reading(found)


# --- donor and customer numbers ----------------------------------------------------------

def read_subject_number(text: str, lang: str = "nl") -> Reading:
    """'D000123' from 'D van Dirk nul nul nul één twee drie', 'c 45', 'klantnummer C000045'."""
    if names_alternatives(text, lang):
        return Reading(candidates=(None, None))
    toks = tokens(text)
    found, impossible = [], False
    i = 0
    while i < len(toks):
        options = [(letter, used) for letter, used in _letter_options(toks, i, lang)
                   if letter in ("d", "c")]
        if not options:
            i += 1
            continue
        for letter, used in options:
            groups = number_groups(toks, i + used, join_en=True)
            run, end = "", i + used
            for group in groups:
                if group.start != end and not all(
                        _plain(t) in FILLERS or t == "-" for t in toks[end:group.start]):
                    break
                run += group.digits
                end = group.end
            if not run:
                continue
            if len(run) > 6:
                impossible = True
                continue
            found.append(f"{letter.upper()}{int(run):06d}")
        i += 1
    if not found:
        return IMPOSSIBLE if impossible else NOTHING
    return _reading(found)


# --- yes / no ------------------------------------------------------------------------------

_YES = re.compile(r"^\s*(ja|jawel|jazeker|klopt|dat klopt|correct|juist|precies|yes|yeah|yep|"
                  r"right|that'?s right|correct)\b", re.I)
_NO = re.compile(r"^\s*(nee|neen|niet|klopt niet|no|nope|wrong|that'?s wrong)\b", re.I)


def read_yes_no(text: str) -> bool | None:
    if _NO.match(text or ""):
        return False
    if _YES.match(text or ""):
        return True
    return None


# --- for the ear: numbers in words, read-backs -----------------------------------------------

_NL_UNITS = list(NL_SMALL)  # nul .. negentien, by value
_NL_TENS = ["", "", *NL_TENS]
_EN_UNITS = list(vocabulary.EN_SMALL)  # zero .. nineteen
_EN_TENS = ["", "", *vocabulary.EN_TENS]


def nl_words(n: int) -> str:
    """21 'eenentwintig', 1949 'negentienhonderdnegenenveertig' as a year, 2005
    'tweeduizendvijf'."""
    if n < 20:
        return _NL_UNITS[n]
    if n < 100:
        unit, ten = n % 10, n // 10
        if not unit:
            return _NL_TENS[ten]
        joint = "ën" if _NL_UNITS[unit].endswith("e") else "en"
        return f"{_NL_UNITS[unit]}{joint}{_NL_TENS[ten]}"
    if n < 1000:
        head = "" if n // 100 == 1 else _NL_UNITS[n // 100]
        return f"{head}honderd{nl_words(n % 100) if n % 100 else ''}"
    if 1100 <= n < 2000:  # 1949: negentienhonderdnegenenveertig
        return f"{_NL_UNITS[n // 100]}honderd{nl_words(n % 100) if n % 100 else ''}"
    if n < 1_000_000:
        head = "" if n // 1000 == 1 else nl_words(n // 1000)
        rest = n % 1000
        return f"{head}duizend{nl_words(rest) if rest else ''}"
    return str(n)


def en_words(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        return _EN_TENS[n // 10] + (f"-{_EN_UNITS[n % 10]}" if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{_EN_UNITS[n // 100]} hundred" + (f" and {en_words(rest)}" if rest else "")
    if n < 1_000_000:
        rest = n % 1000
        tail = "" if not rest else (f" and {en_words(rest)}" if rest < 100
                                    else f" {en_words(rest)}")
        return f"{en_words(n // 1000)} thousand{tail}"
    return str(n)


def en_year(year: int) -> str:
    if 2000 <= year < 2010:
        return en_words(year)
    high, low = divmod(year, 100)
    if low == 0:
        return f"{en_words(high)} hundred"
    return f"{en_words(high)} {('oh ' + en_words(low)) if low < 10 else en_words(low)}"


_EN_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth",
                     12: "twelfth"}


def en_ordinal_words(n: int) -> str:
    if n in _EN_ORDINAL_WORDS:
        return _EN_ORDINAL_WORDS[n]
    if n > 20 and n % 10:
        return f"{_EN_TENS[n // 10]}-{en_ordinal_words(n % 10)}"
    if n % 10 == 0 and n >= 20:
        return _EN_TENS[n // 10][:-1] + "ieth"
    return en_words(n) + "th"


def say_date(value: date, lang: str = "nl") -> str:
    """'eenentwintig november negentienhonderdnegenenveertig' / 'the twenty-first of
    November, nineteen forty-nine'."""
    if lang == "en":
        return (f"the {en_ordinal_words(value.day)} of {MONTH_NAMES['en'][value.month - 1]}, "
                f"{en_year(value.year)}")
    return f"{nl_words(value.day)} {MONTH_NAMES['nl'][value.month - 1]} {nl_words(value.year)}"


def say_amount(value: Decimal, lang: str = "nl") -> str:
    """'vijfentwintig euro vijftig' / 'twenty-five euros fifty'."""
    value = Decimal(value).quantize(Decimal("0.01"))
    euros, cents = int(value), int((value - int(value)) * 100)
    if lang == "en":
        text = f"{en_words(euros)} {'euro' if euros == 1 else 'euros'}"
        return f"{text} {en_words(cents)}" if cents else text
    text = f"{nl_words(euros)} euro"
    return f"{text} {nl_words(cents)}" if cents else text


def say_characters(text: str) -> str:
    """'NL91' → 'N L 9 1': one character at a time."""
    return " ".join(ch for ch in text if not ch.isspace())


def say_iban(iban: str, lang: str = "nl") -> str:
    """In groups of four, each character on its own: 'N L 9 1, A B N A, 0 4 1 7, …'."""
    compact = re.sub(r"\s+", "", iban or "").upper()
    return ", ".join(say_characters(compact[i:i + 4]) for i in range(0, len(compact), 4))


def say_address(address: Address, lang: str = "nl") -> str:
    """'postcode 3 5 1 1 L K, huisnummer 51 toevoeging 2'."""
    word = {"nl": ("postcode", "huisnummer", "toevoeging"),
            "en": ("postcode", "house number", "addition")}["en" if lang == "en" else "nl"]
    postcode = say_characters(address.digits) + (f", {say_characters(address.letters)}"
                                                 if address.letters else "")
    house = address.number
    if address.addition:
        addition = address.addition.upper() if len(address.addition) <= 3 else address.addition
        house += f" {word[2]} {addition}"
    return f"{word[0]} {postcode}, {word[1]} {house}"

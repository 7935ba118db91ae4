"""Reading form answers from free text, typed or spoken ("vijfentwintig euro per maand")."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

UNITS_NL = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
            "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
            "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
            "negentien": 19}
TENS_NL = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
           "zeventig": 70, "tachtig": 80, "negentig": 90}
UNITS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19}
TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
HUNDRED = {"honderd": 100, "hundred": 100}

MIN_AMOUNT, MAX_AMOUNT = Decimal("1"), Decimal("10000")
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:[.,](\d{1,2}))?(?![\d])")
_DUTCH_COMPOUND = re.compile(r"^(?:(\w+?)en)?(" + "|".join(TENS_NL) + r")$")


def _word_number(word: str) -> int | None:
    word = word.lower()
    for table in (UNITS_NL, TENS_NL, UNITS_EN, TENS_EN, HUNDRED):
        if word in table:
            return table[word]
    match = _DUTCH_COMPOUND.match(word)  # vijfentwintig = vijf + en + twintig
    if match and match.group(1) in UNITS_NL and UNITS_NL[match.group(1)] < 10:
        return UNITS_NL[match.group(1)] + TENS_NL[match.group(2)]
    if "honderd" in word:  # tweehonderd, honderdvijftig
        head, _, tail = word.partition("honderd")
        hundreds = UNITS_NL.get(head, 1 if head == "" else 0)
        rest = _word_number(tail) if tail else 0
        if hundreds and rest is not None:
            return hundreds * 100 + rest
    return None


def _words_to_number(text: str) -> int | None:
    """Sum a run of number words: 'twenty five' → 25, 'two hundred' → 200."""
    total, seen = 0, False
    words = re.findall(r"[a-zéë]+", text.lower())
    for i, word in enumerate(words):
        value = _word_number(word)
        # "een"/"one" is mostly an article ("een ander bedrag"): a number only before "euro".
        if word in ("een", "one") and not (i + 1 < len(words) and words[i + 1].startswith("euro")):
            value = None
        if value is None:
            if seen:
                break
            continue
        if value == 100 and seen and total:
            total *= 100
        else:
            total += value
        seen = True
    return total if seen else None


def parse_amount(text: str, words: bool = True) -> Decimal | None:
    """An amount in euros between 1 and 10,000, or None (number words only if `words`)."""
    match = _NUMBER.search(text or "")
    if match:
        whole = match.group(1).replace(".", "")
        cents = match.group(2) or "0"
        try:
            value = Decimal(f"{whole}.{cents.ljust(2, '0')}")
        except InvalidOperation:
            return None
    else:
        number = _words_to_number(text or "") if words else None
        if number is None:
            return None
        value = Decimal(number)
    return value if MIN_AMOUNT <= value <= MAX_AMOUNT else None


def format_amount(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",").replace(",00", "")


FREQUENCIES = {
    "maand": re.compile(r"\b(maand\w*|maandelijks|month\w*|elke maand|per month|monthly)\b", re.I),
    "kwartaal": re.compile(r"\b(kwarta\w*|quarter\w*|drie maanden|three months)\b", re.I),
    "jaar": re.compile(r"\b(jaar\w*|jaarlijks|year\w*|annual\w*|yearly)\b", re.I),
}
FREQUENCY_LABELS = {
    "nl": {"maand": "per maand", "kwartaal": "per kwartaal", "jaar": "per jaar"},
    "en": {"maand": "monthly", "kwartaal": "quarterly", "jaar": "yearly"},
}


def parse_frequency(text: str) -> str | None:
    """'maand', 'kwartaal' or 'jaar' when exactly one is named, else None."""
    text = (text or "").replace("drie maanden", "kwartaal").replace("three months", "quarter")
    found = [name for name, pattern in FREQUENCIES.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


_POSTCODE = re.compile(r"\b([1-9]\d{3})\s?([a-zA-Z]{2})\b")


def parse_postcode(text: str) -> str | None:
    match = _POSTCODE.search(text or "")
    if not match or match.group(2).upper() in ("SA", "SD", "SS"):  # never issued
        return None
    return f"{match.group(1)} {match.group(2).upper()}"


_STREET = re.compile(r"([^\W\d_][^\d,]*?)\s+(\d{1,5})\s*([a-zA-Z]{0,2}(?:[- ]?\d{1,4})?)\b",
                     re.UNICODE)


def parse_street(text: str) -> str | None:
    """'Kerkstraat 12a' from 'uh mijn nieuwe adres is kerkstraat 12a', else None."""
    match = _STREET.search(text or "")
    if not match:
        return None
    words = match.group(1).split()
    # Keep the street name itself, not fillers before it ("mijn adres is Kerkstraat").
    name_words = words[-3:] if len(words) > 3 else words
    for i, word in enumerate(name_words):
        if word.lower() in ("is", "wordt", "naar", "op", "de", "het", "to", "at", "the"):
            if i < len(name_words) - 1 and word.lower() not in ("de", "het", "the"):
                name_words = name_words[i + 1:]
    name = " ".join(w[:1].upper() + w[1:] for w in name_words)
    suffix = match.group(3).strip()
    return f"{name} {match.group(2)}{suffix}".strip()


_CITY = re.compile(r"^[^\W\d_][^\W\d_' .-]*(?:[ '-][^\W\d_]+){0,3}$", re.UNICODE)
_CITY_PREFIX = re.compile(r"^(?:uh+m?\s+|eh+m?\s+|in\s+|te\s+|dat is\s+|it'?s\s+|the city is\s+)+", re.I)


def parse_city(text: str) -> str | None:
    candidate = _CITY_PREFIX.sub("", (text or "").strip().rstrip(".!")).strip()
    if not candidate or len(candidate) > 40 or not _CITY.match(candidate):
        return None
    return " ".join(w[:1].upper() + w[1:] for w in candidate.split())

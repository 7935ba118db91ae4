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


# --- back-office answers: bank account, contact details, dates, counts ----------------------

def parse_iban(text: str):
    """A valid IBAN (schwifty) from '  nl91 abna 0417 1643 00 ', else None."""
    from schwifty import IBAN  # late: only the back-office forms need it
    from schwifty.exceptions import SchwiftyException

    compact = re.sub(r"[^0-9A-Za-z]", "", text or "").upper()
    match = re.search(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact)
    if not match:
        return None
    try:
        return IBAN(match.group(0))
    except (SchwiftyException, ValueError):
        return None


_SPOKEN_EMAIL = ((r"\s+(apenstaartje|at-sign|at)\s+", "@"), (r"\s+(punt|dot)\s+", "."),
                 (r"\s+(streepje|koppelteken|dash|hyphen)\s+", "-"),
                 (r"\s+(liggend streepje|underscore)\s+", "_"))
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def parse_email(text: str) -> str | None:
    """'jan.jansen@example.org', also from speech ('jan punt jansen apenstaartje example punt org')."""
    spoken = f" {text or ''} "
    for pattern, symbol in _SPOKEN_EMAIL:
        spoken = re.sub(pattern, symbol, spoken, flags=re.I)
    match = _EMAIL.search(spoken.replace(" @", "@").replace("@ ", "@"))
    return match.group(0).lower() if match else None


def parse_phone(text: str) -> str | None:
    """A valid phone number in E.164 ('+31612345678' from '06 1234 5678'), else None."""
    import phonenumbers

    for candidate in phonenumbers.PhoneNumberMatcher(text or "", "NL"):
        if phonenumbers.is_valid_number(candidate.number):
            return phonenumbers.format_number(candidate.number, phonenumbers.PhoneNumberFormat.E164)
    return None


def parse_count(text: str, low: int, high: int) -> int | None:
    """A whole number between low and high, in digits or words ('drie' → 3), else None."""
    match = re.search(r"(?<![\d])(\d{1,3})(?![\d])", text or "")
    if match:
        value = int(match.group(1))
    else:
        words = re.findall(r"[a-zéë]+", (text or "").lower())
        values = [UNITS_NL.get(w) or UNITS_EN.get(w) for w in words]
        values = [v for v in values if v]
        if not values:
            return None
        value = values[0]
    return value if low <= value <= high else None


MONTHS = {"januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2,
          "maart": 3, "march": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
          "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8,
          "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
          "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
          "dec": 12}
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_WORD_DATE = re.compile(r"\b(\d{1,2})(?:e|ste|de|st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:\s+(\d{4}))?\b",
                        re.I)
_RELATIVE_DAYS = {"vandaag": 0, "today": 0, "vanochtend": 0, "vanmorgen": 0, "vanmiddag": 0,
                  "vannacht": 0, "this morning": 0, "tonight": 0, "gisteren": 1, "yesterday": 1,
                  "gisteravond": 1, "last night": 1, "eergisteren": 2}


def parse_date(text: str, today=None, past_only: bool = True):
    """A calendar date from '12-04-1988', '1988-04-12', '3 november', 'gisteren', else None.

    A day and month without a year is the latest such day not after today.
    """
    from datetime import date, timedelta

    today = today or date.today()
    lowered = (text or "").lower()
    for word, days in _RELATIVE_DAYS.items():
        if re.search(r"\b" + word + r"\b", lowered):
            return today - timedelta(days=days)
    found = None
    match = _ISO_DATE.search(lowered)
    if match:
        found = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif (match := _NUMERIC_DATE.search(lowered)):
        year = int(match.group(3))
        year = year + (2000 if year <= today.year % 100 else 1900) if year < 100 else year
        found = (year, int(match.group(2)), int(match.group(1)))
    else:
        for match in _WORD_DATE.finditer(lowered):
            month = MONTHS.get(match.group(2))
            if month:
                year = int(match.group(3)) if match.group(3) else today.year
                found = (year, month, int(match.group(1)))
                if not match.group(3):
                    try:
                        if date(year, month, found[2]) > today:
                            found = (year - 1, month, found[2])
                    except ValueError:
                        return None
                break
    if not found:
        return None
    try:
        value = date(*found)
    except ValueError:
        return None
    if past_only and value > today:
        return None
    return value

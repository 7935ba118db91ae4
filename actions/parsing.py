"""Reading form answers from free text, typed or spoken ("vijfentwintig euro per maand").

Numbers, letters, postcodes, dates, amounts and IBANs are read by `actions.spoken`, the one
grammar for typed and spoken answers; this module keeps the form-level helpers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from actions import spoken

MIN_AMOUNT, MAX_AMOUNT = Decimal("1"), Decimal("10000")


def parse_amount(text: str, words: bool = True) -> Decimal | None:
    """An amount in euros between 1 and 10,000, or None (number words only if `words`).

    Read by `actions.spoken` ("vijf en twintig vijftig" is 25,50); an amount that could be
    read two ways ("twee vijf") is None here: the form reads it back instead."""
    return spoken.in_range(spoken.read_amount(text or "", words=words)).value


def format_amount(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",").replace(",00", "")


def parse_postcode(text: str) -> str | None:
    """'3511 LK' from '3511lk', '35 11 el ka', 'drie vijf een een L van Lodewijk K van Kees'."""
    return spoken.read_postcode(text or "").value


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
_CITY_PREFIX = re.compile(
    r"^(?:uh+m?\s+|eh+m?\s+|in\s+|te\s+|dat is\s+|it'?s\s+|the city is\s+)+", re.I)


def parse_city(text: str) -> str | None:
    candidate = _CITY_PREFIX.sub("", (text or "").strip().rstrip(".!")).strip()
    if not candidate or len(candidate) > 40 or not _CITY.match(candidate):
        return None
    return " ".join(w[:1].upper() + w[1:] for w in candidate.split())


# A typed postcode in a whole address ("Kerkstraat 5, 3511 AB Utrecht"): four digits, the
# first not 0, then two letters. Spoken postcodes are asked for on their own.
_WRITTEN_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?[a-zA-Z]{2}\b")
_BEFORE_POSTCODE = re.compile(r"[\s,]*(?:\b(?:in|te|postcode)\b[\s,]*)*$", re.I)


def parse_whole_address(text: str) -> dict[str, str]:
    """Street, postcode and city from an address given in one go, as people write it:
    {'new_street': 'Kerkstraat 5', 'new_postcode': '3511 AB', 'new_city': 'Utrecht'} from
    'Kerkstraat 5, 3511 AB Utrecht' (the city only when it follows the postcode). Empty when
    the text holds no typed postcode after a street and house number, or the postcode is not
    one that is issued."""
    text = text or ""
    match = _WRITTEN_POSTCODE.search(text)
    if not match:
        return {}
    before = _BEFORE_POSTCODE.sub("", text[:match.start()])  # "Hoofdweg 1 in 9711 AB"
    street, postcode = parse_street(before), parse_postcode(match.group(0))
    if not street or not postcode:
        return {}
    found = {"new_street": street, "new_postcode": postcode}
    rest = text[match.end():].strip(" ,.;")
    city = parse_city(rest) if rest else None
    if city:
        found["new_city"] = city
    return found


# --- back-office answers: bank account, contact details, dates, counts ----------------------

def parse_iban(text: str):
    """A valid IBAN (schwifty) from '  nl91 abna 0417 1643 00 ' or from speech in letter and
    digit groups ('N L eenennegentig A B N A nul vier een zeven …'), else None."""
    from schwifty import IBAN  # late: only the back-office forms need it

    reading = spoken.read_iban(text or "")
    return IBAN(reading.value) if reading.found else None


_SPOKEN_EMAIL = ((r"\s+(apenstaartje|at-sign|at)\s+", "@"), (r"\s+(punt|dot)\s+", "."),
                 (r"\s+(streepje|koppelteken|dash|hyphen)\s+", "-"),
                 (r"\s+(liggend streepje|underscore)\s+", "_"))
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def parse_email(text: str) -> str | None:
    """'jan.jansen@example.org', also from speech
    ('jan punt jansen apenstaartje example punt org')."""
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
    """A whole number between low and high, in digits or words ('drie' → 3, 'twaalf' 12)."""
    groups = spoken.number_groups(spoken.tokens(text or ""))
    if not groups:
        return None
    value = groups[0].value
    return value if low <= value <= high else None


def parse_date(text: str, today=None, past_only: bool = True):
    """A calendar date from '12-04-1988', '1988-04-12', '3 november', 'gisteren',
    'eenentwintig november negentienhonderdnegenenveertig', else None.

    A day and month without a year is the latest such day not after today.
    """
    return spoken.read_date(text or "", today=today, past_only=past_only).value


# --- verification answers: a subject number, a postcode and house number, a proof ----------

def parse_number(text: str) -> str | None:
    """'D000001' from 'mijn donateursnummer is d 1' or 'D van Dirk nul nul nul één', else None."""
    return spoken.read_subject_number(text or "").value


def parse_postcode_house(text: str) -> tuple[str, str] | None:
    """('1011 AB', '1') from '1011 AB 1', 'postcode 1011ab huisnummer 1', 'nummer 1, 1011 AB',
    '35 11 el ka twaalf'. None when there are no letters or the reading is not certain."""
    reading = spoken.read_address(text or "")
    if not reading.found or not reading.value.letters:
        return None
    return reading.value.postcode, normal_house_number(reading.value.house)


@dataclass(frozen=True)
class ProofReading:
    """What a verification answer says: the proofs it could mean, and how sure that is.

    A proof is ("address", Address) or ("birth", date). `ask` holds the single reading to
    read back for a yes/no when an answer could mean more than one thing."""
    proofs: tuple = ()
    ask: tuple | None = None
    impossible: bool = False

    @property
    def understood(self) -> bool:
        return bool(self.proofs)


def read_proof(text: str, language: str = "nl", today=None) -> ProofReading:
    """Postcode + house number (letters may be left out) or a date of birth.

    A keyed 8-digit answer may be either (21111949: born 21-11-1949, or 2111 + 1949): both
    are checked against the caller's record, as both are what the caller keyed. Anything
    else read two ways is asked back, never guessed."""
    address = spoken.read_address(text, language)
    born = spoken.read_date(text, today=today, past_only=True, lang=language)
    births = [value for value in (born.candidates or ()) if value.year >= 1900]
    keyed = re.fullmatch(r"\s*\d{5,9}\s*", text or "") is not None
    proofs = [("address", value) for value in address.candidates if value is not None] + [
        ("birth", value) for value in births if value is not None]
    if not proofs:
        return ProofReading(impossible=address.impossible or born.impossible)
    if len(proofs) == 1 or keyed:
        return ProofReading(proofs=tuple(proofs))
    return ProofReading(ask=proofs[0])


def parse_proof(text: str):
    """("address", postcode, house number) or ("birth", date of birth) from an answer, else None."""
    reading = read_proof(text or "")
    if len(reading.proofs) != 1:
        return None
    kind, value = reading.proofs[0]
    if kind == "birth":
        return ("birth", value)
    return ("address", value.postcode, normal_house_number(value.house))


def normal_house_number(value: str | None) -> str:
    return re.sub(r"[\s-]+", "", value or "").lower()

"""The project's words, each defined once: handoff categories, their risk and Dutch names,
who counts as in danger, how numbers and stored moments are shown, number words, Dutch
postcodes and donation frequencies.

No Flask, Twilio or rasa_sdk here, so any layer may import it: the gateway, the phone
adapter, the worker, the records and importer, and the action server do.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime

# What the safety screen hands off (bot/triage): a person in danger or a device emergency.
SAFETY_CATEGORIES = ("crisis", "end_of_life_request", "device_safety")
# A person in danger (113 Zelfmoordpreventie when nobody of ours can come).
CRISIS_CATEGORIES = ("crisis", "end_of_life_request")
# Every handoff: the screen's, a broken part (system) and a caller asking for a person.
CATEGORIES = (*SAFETY_CATEGORIES, "system", "request")
RISK = {"crisis": "high", "end_of_life_request": "high", "device_safety": "high",
        "system": "medium", "request": "low"}
RISK_LEVELS = ("high", "medium", "low")
RISK_ORDER = {level: rank for rank, level in enumerate(RISK_LEVELS)}
# For agents and on-call staff (pages, whispers): Dutch.
CATEGORY_NL = {"crisis": "crisis", "end_of_life_request": "levenseindevraag in nood",
               "device_safety": "spoed met de pomp", "system": "storing",
               "request": "vraag om een medewerker"}


def mask_phone(number: str | None) -> str:
    """'…5678': only the last four digits."""
    digits = (number or "").strip()
    return f"…{digits[-4:]}" if len(digits) >= 4 else "onbekend"


def aware(moment: datetime | None) -> datetime | None:
    """A stored moment with its zone: SQLite hands back naive datetimes, stored in UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


# --- numbers in words: the safety screen's normaliser (bot/triage/normalize.py) and the
# actions' grammar for typed and spoken answers (actions/spoken.py) ---------------------------
NL_SMALL = {"nul": 0, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
            "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
            "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
            "achttien": 18, "negentien": 19}
NL_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
           "zeventig": 70, "tachtig": 80, "negentig": 90}
EN_SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
            "eighteen": 18, "nineteen": 19}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
           "seventy": 70, "eighty": 80, "ninety": 90}

# --- Dutch postcodes: the importer's check (core/importer.py) and the letters PostNL never
# issues (actions/spoken.py drops readings that end in them) ---------------------------------
POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$", re.IGNORECASE)
NEVER_ISSUED = {"SA", "SD", "SS"}

# --- donation frequencies: stored as maand | kwartaal | jaar ----------------------------------
FREQUENCIES = ("maand", "kwartaal", "jaar")
# A CSV cell of the back-office import, as written (core/importer.py).
FREQUENCY_WORDS = {
    "maand": "maand", "maandelijks": "maand", "per maand": "maand", "monthly": "maand",
    "month": "maand",
    "kwartaal": "kwartaal", "per kwartaal": "kwartaal", "quarterly": "kwartaal",
    "quarter": "kwartaal",
    "jaar": "jaar", "jaarlijks": "jaar", "per jaar": "jaar", "yearly": "jaar", "annually": "jaar",
    "year": "jaar",
}
# Free text of a caller (the actions' forms).
FREQUENCY_PATTERNS = {
    "maand": re.compile(r"\b(maand\w*|maandelijks|month\w*|elke maand|per month|monthly)\b", re.I),
    "kwartaal": re.compile(r"\b(kwarta\w*|quarter\w*|drie maanden|three months)\b", re.I),
    "jaar": re.compile(r"\b(jaar\w*|jaarlijks|year\w*|annual\w*|yearly)\b", re.I),
}
FREQUENCY_LABELS = {
    "nl": {"maand": "per maand", "kwartaal": "per kwartaal", "jaar": "per jaar"},
    "en": {"maand": "monthly", "kwartaal": "quarterly", "jaar": "yearly"},
}


def parse_frequency(text: str) -> str | None:
    """'maand', 'kwartaal' or 'jaar' when exactly one is named in free text, else None."""
    text = (text or "").replace("drie maanden", "kwartaal").replace("three months", "quarter")
    found = [name for name, pattern in FREQUENCY_PATTERNS.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None

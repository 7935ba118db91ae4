"""What must not appear in a reply before the caller is verified: every personal field of
the test's records (in the forms a reply would use), and anything shaped like a mobile
number, an e-mail address, an IBAN, a date of birth or a pump serial number."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from tools.stack import ROOT

# Shapes of personal data, whoever it belongs to (the lines' own numbers are landlines,
# 0800 or 0900 numbers, 112 and 113: none of them is a mobile number).
SHAPES = {
    "mobile number": re.compile(r"(\+\s?31\s?\(?0?\)?\s?6|\b06)[\s-]?(\d[\s-]?){8}\b"),
    "e-mail address": re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
    "IBAN": re.compile(r"\b[A-Z]{2}\s?\d{2}\s?[A-Z]{4}\s?(\d{4}\s?){2}\d{2}\b"),
    "date": re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](19|20)\d{2}\b"),
    "pump serial": re.compile(r"\bPP\d{4}[0-9A-Za-z]{4,}\b"),
}


_EMAIL = SHAPES["e-mail address"]
# The organisations' own addresses (lines.yml: vrienden@…, the pump's service address).
OWN_EMAIL = frozenset(match.group(0).lower() for match in
                      _EMAIL.finditer((ROOT / "lines.yml").read_text(encoding="utf-8")))


def _shapes_in(reply_text: str) -> list[str]:
    found = []
    for name, shape in SHAPES.items():
        hits = [m.group(0) for m in shape.finditer(reply_text)]
        if shape is _EMAIL:
            hits = [hit for hit in hits if hit.lower() not in OWN_EMAIL]
        if hits:
            found.append(name)
    return found


MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")


def _forms(field: str, value) -> list[str]:
    """The ways a reply could show one field's value (lower case)."""
    if value in (None, ""):
        return []
    if isinstance(value, Decimal):
        euros = f"{value:.2f}"
        return [euros.replace(".", ","), euros]
    if isinstance(value, date):  # in digits, and written out as a reply or a voice says it
        return [value.strftime(f) for f in ("%d-%m-%Y", "%-d-%-m-%Y", "%Y-%m-%d")] + [
            f"{value.day} {months[value.month - 1]} {value.year}" for months in (MONTHS_NL,
                                                                                  MONTHS_EN)]
    text = str(value).lower()
    if field in ("phone", "phone2"):
        national = "0" + text.removeprefix("+31")
        return [text, national, national[-7:]]
    if field == "iban":
        return [text, text[-4:]]
    if field == "postcode":
        return [text, text.replace(" ", "")]
    return [text]


PERSONAL_FIELDS = ("first_name", "last_name", "phone", "phone2", "email", "street", "postcode",
                   "city", "iban", "amount", "date_of_birth", "pump_serial", "pump_lot")


def assert_nothing_personal(reply_text: str, *records: dict) -> None:
    lowered = reply_text.lower()
    leaked = sorted({form for record in records for field in PERSONAL_FIELDS
                     for form in _forms(field, record.get(field)) if form in lowered})
    leaked += _shapes_in(reply_text)
    assert not leaked, f"personal data before verification: {leaked} in {reply_text!r}"

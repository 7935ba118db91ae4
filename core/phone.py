"""Phone numbers in E.164 with phonenumbers (masking: core.vocabulary.mask_phone)."""
from __future__ import annotations

import phonenumbers


def e164(raw: str | None, region: str = "NL") -> str | None:
    """'+31612345678' from '06 12345678', '+31 6 1234 5678', ...; None if it is no valid number."""
    if not raw:
        return None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)



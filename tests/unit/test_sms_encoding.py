"""SMS encoding and segment counting (GSM-7 and UCS-2)."""
from __future__ import annotations

from ivr.sms_text import encoding, fit, segments


def test_sms_encoding_and_segments():
    assert encoding("Hallo, hoe gaat het?") == "GSM-7" and segments("a" * 160) == 1
    assert segments("a" * 161) == 2
    assert encoding("Geïnteresseerd") == "UCS-2" and segments("ë" * 70) == 1
    assert segments("ë" * 71) == 2
    long = "Dit is een zin. " * 40
    assert segments(fit(long)) <= 3 and fit(long).endswith(".")

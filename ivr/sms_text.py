"""Fitting replies into SMS: GSM-7 or UCS-2, and how many segments that costs.

One character outside the GSM-7 alphabet (ë, ï, an emoji) switches the whole
message to UCS-2: 70 characters per single segment instead of 160.
"""
from __future__ import annotations

import re

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXTENDED = set("^{}\\[~]|€\f")  # two septets each
MAX_SEGMENTS = 3
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def encoding(text: str) -> str:
    return "GSM-7" if all(c in GSM7_BASIC or c in GSM7_EXTENDED for c in text) else "UCS-2"


def segments(text: str) -> int:
    if encoding(text) == "GSM-7":
        units = sum(2 if c in GSM7_EXTENDED else 1 for c in text)
        single, multi = 160, 153
    else:
        units = sum(2 if ord(c) > 0xFFFF else 1 for c in text)  # UTF-16 code units
        single, multi = 70, 67
    if units <= single:
        return 1
    return -(-units // multi)


def fit(text: str, max_segments: int = MAX_SEGMENTS) -> str:
    """Shorten at sentence ends until the message costs at most `max_segments`."""
    if segments(text) <= max_segments:
        return text
    sentences = SENTENCE.split(text)
    while len(sentences) > 1:
        sentences.pop()
        candidate = " ".join(sentences)
        if segments(candidate) <= max_segments:
            return candidate
    limit = (153 if encoding(text) == "GSM-7" else 67) * max_segments - 1
    return text[:limit].rstrip() + "…" if encoding(text) == "UCS-2" else text[:limit - 3] + "..."


def with_choices(text: str, buttons: list[dict], language: str) -> str:
    """Quick replies become a line the texter can answer with."""
    if not buttons:
        return text
    label = "Antwoord met" if language == "nl" else "Reply with"
    return f"{text}\n{label}: " + " / ".join(b["title"] for b in buttons)

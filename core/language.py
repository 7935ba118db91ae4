"""Which language a message is in: Dutch or English, nothing else.

Short replies ("ja", "ok", "12") say nothing about language, so below a few
words or a clear margin we keep the conversation's current language.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

SUPPORTED = ("nl", "en")
_CODES = {Language.DUTCH: "nl", Language.ENGLISH: "en"}
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
MIN_WORDS = 2
MIN_CONFIDENCE = 0.80


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(Language.DUTCH, Language.ENGLISH).build()


def detect(text: str, current: str = "nl") -> str:
    """The language of `text`, or `current` when the text is too short or unclear."""
    if len(_WORD.findall(text or "")) < MIN_WORDS:
        return current
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return current
    best = values[0]
    if best.value < MIN_CONFIDENCE:
        return current
    return _CODES.get(best.language, current)

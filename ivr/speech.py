"""Rewrite chat replies for the ear: no web addresses, e-mail addresses, emojis or markup read out."""
from __future__ import annotations

import re

URL = re.compile(r"\b(?:https?://)?(?:[\w-]+\.)+(?:org|nl|com|eu|net)(?:/[^\s,;)]*)?", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
MARKUP = re.compile(r"[*_#`>|]+")
SPACES = re.compile(r"\s{2,}")
WORDS = {"nl": {"url": "onze website", "email": "ons e-mailadres"},
         "en": {"url": "our website", "email": "our e-mail address"}}


def for_speech(text: str, language: str) -> str:
    words = WORDS.get(language, WORDS["nl"])
    text = EMAIL.sub(words["email"], text)
    text = URL.sub(words["url"], text)
    text = EMOJI.sub("", text)
    text = MARKUP.sub(" ", text)
    return SPACES.sub(" ", text).strip()


def for_sms(text: str) -> str:
    """SMS has no markup: drop emphasis characters, keep addresses (they are useful in a text)."""
    return SPACES.sub(" ", MARKUP.sub("", EMOJI.sub("", text))).strip()

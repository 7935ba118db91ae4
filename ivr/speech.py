"""Rewrite chat replies for the ear: no web addresses, e-mail addresses, emojis or markup read
out."""
from __future__ import annotations

import re

URL = re.compile(r"\b(?:https?://)?(?:[\w-]+\.)+(?:org|nl|com|eu|net)(?:/[^\s,;)]*)?", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
MARKUP = re.compile(r"[*_#`>|]+")
SPACES = re.compile(r"\s{2,}")
WORDS = {"nl": {"url": "onze website", "email": "ons e-mailadres"},
         "en": {"url": "our website", "email": "our e-mail address"}}
# Chat words for the ear: on a call nothing is typed or clicked.
FOR_THE_EAR = {
    "nl": ((r"\b(in)?typen\b", "zeggen"), (r"\btypt\b", "zegt"), (r"\btyp\b", "zeg"),
           (r"\b(aan)?klikken\b", "kiezen"), (r"\bklik (dan )?op\b", "kies"),
           (r"\bklikt\b", "kiest"), (r"\bklik\b", "kies")),
    "en": ((r"\btyping\b", "saying"), (r"\btype\b", "say"), (r"\bclick(ing)? on\b", "choose"),
           (r"\bclick\b", "choose"), (r"\btap\b", "choose")),
}


def for_speech(text: str, language: str) -> str:
    words = WORDS.get(language, WORDS["nl"])
    for pattern, spoken in FOR_THE_EAR.get(language, FOR_THE_EAR["nl"]):
        text = re.sub(pattern, lambda m, s=spoken: s.capitalize() if m.group(0)[:1].isupper()
                      else s, text, flags=re.I)
    text = EMAIL.sub(words["email"], text)
    text = URL.sub(words["url"], text)
    text = EMOJI.sub("", text)
    text = MARKUP.sub(" ", text)
    return SPACES.sub(" ", text).strip()


def for_sms(text: str) -> str:
    """SMS has no markup: drop emphasis characters, keep addresses (they are useful in a text)."""
    return SPACES.sub(" ", MARKUP.sub("", EMOJI.sub("", text))).strip()

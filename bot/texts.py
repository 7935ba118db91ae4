"""The gateway's own words (not Rasa's): fallbacks and errors, in Dutch and English."""
from __future__ import annotations

TEXTS = {
    "rasa_unavailable": {
        "nl": "Het spijt me, ik kan uw vraag nu niet verwerken. Een medewerker helpt u zo snel mogelijk verder.",
        "en": "I'm sorry, I can't process your question right now. A colleague will help you as soon as possible.",
    },
    "no_answer": {
        "nl": "Sorry, dat heb ik niet begrepen. Kunt u het anders zeggen? U kunt ook 'medewerker' typen.",
        "en": "Sorry, I didn't understand that. Could you put it differently? You can also type 'agent'.",
    },
    "text_empty": {
        "nl": "Uw bericht is leeg. Typ uw vraag, dan help ik u graag.",
        "en": "Your message is empty. Please type your question and I'll gladly help.",
    },
    "text_too_long": {
        "nl": "Uw bericht is te lang. Wilt u uw vraag korter opschrijven?",
        "en": "Your message is too long. Could you write your question more briefly?",
    },
    "bad_request": {
        "nl": "Dit verzoek kon ik niet lezen.",
        "en": "I could not read this request.",
    },
}


def text_for(key: str, language: str) -> str:
    entry = TEXTS[key]
    return entry.get(language) or entry["nl"]

"""The gateway's own words (not Rasa's): fallbacks and errors, in Dutch and English."""
from __future__ import annotations

TEXTS = {
    # Safe messages: short, no counselling; numbers come from lines.yml ({...}).
    "handoff_crisis": {
        "nl": "Ik verbind u nu door met een medewerker, die komt zo bij u. Bent u in direct gevaar? "
              "Bel dan {emergency_number}. Denkt u aan zelfdoding? Bel {crisis_line_name}: "
              "{crisis_line_short} of gratis {crisis_line_free}, dag en nacht bereikbaar.",
        "en": "I'm connecting you with a person now, they will be with you shortly. If you are in "
              "immediate danger, call {emergency_number}. If you are thinking about suicide, call "
              "{crisis_line_name} on {crisis_line_short} or free on {crisis_line_free}, 24/7.",
    },
    "handoff_device_safety": {
        "nl": "Ik verbind u nu door met een medewerker, die komt zo bij u. Bent u in gevaar? Bel "
              "{emergency_number}. De spoedlijn van het diabetesteam is dag en nacht bereikbaar "
              "op {emergency_line}.",
        "en": "I'm connecting you with a person now, they will be with you shortly. If you are in "
              "danger, call {emergency_number}. The diabetes team's emergency line is open 24/7 "
              "on {emergency_line}.",
    },
    "handoff_system": {
        "nl": "Het spijt me, ik kan uw vraag nu niet goed verwerken. Een medewerker neemt het van "
              "mij over en helpt u zo snel mogelijk. Bent u in direct gevaar? Bel {emergency_number}.",
        "en": "I'm sorry, I can't process your question properly right now. A colleague is taking "
              "over and will help you as soon as possible. If you are in immediate danger, call "
              "{emergency_number}.",
    },
    "handoff_request": {
        "nl": "Ik verbind u door met een medewerker. Een moment geduld alstublieft.",
        "en": "I'm connecting you with a colleague. One moment please.",
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
    "handed_back": {
        "nl": "U praat nu weer met de digitale assistent. Wilt u opnieuw een medewerker spreken? Typ dan 'medewerker'.",
        "en": "You are talking to the digital assistant again. To speak to a person again, type 'agent'.",
    },
    "agent_closed": {
        "nl": "De medewerker heeft het gesprek afgesloten. Hebt u nog een vraag? Dan helpt de digitale assistent u verder.",
        "en": "The colleague has closed the conversation. If you have another question, the digital assistant will help you.",
    },
    "agent_joined": {
        "nl": "Een medewerker is bij het gesprek gekomen.",
        "en": "A colleague has joined the conversation.",
    },
    "person_requested": {
        "nl": "U hebt gevraagd om een medewerker.",
        "en": "You asked to talk to a person.",
    },
    "bad_request": {
        "nl": "Dit verzoek kon ik niet lezen.",
        "en": "I could not read this request.",
    },
}


def text_for(key: str, language: str, **values: str) -> str:
    entry = TEXTS[key]
    text = entry.get(language) or entry["nl"]
    return text.format(**values) if values else text

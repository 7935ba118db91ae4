"""What the phone line says in its own words (Rasa's replies come from the domain)."""
from __future__ import annotations

PROMPTS = {
    "how_to_reach_person": {
        "nl": "Wilt u een medewerker spreken? Zeg dan 'medewerker' of druk op 0.",
        "en": "To speak to a person, say 'agent' or press 0.",
    },
    "no_input": {
        "nl": "Ik hoorde niets. Waarmee kan ik u helpen?",
        "en": "I didn't hear anything. How can I help you?",
    },
    "say_again": {
        "nl": "Sorry, ik verstond u niet goed. Wilt u het nog een keer zeggen?",
        "en": "Sorry, I didn't quite catch that. Could you say it again?",
    },
    "menu_donor": {
        "nl": "Kies een nummer. Druk 1 om uw bedrag of betaalfrequentie te wijzigen. Druk 2 voor een "
              "adreswijziging. Druk 3 voor uw jaaroverzicht. Druk 0 voor een medewerker.",
        "en": "Please choose. Press 1 to change your amount or how often you give. Press 2 to change "
              "your address. Press 3 for your annual statement. Press 0 for a person.",
    },
    "menu_device": {
        "nl": "Kies een nummer. Druk 1 om materialen te bestellen. Druk 2 voor uw bezorging. Druk 3 "
              "voor de veiligheidsmelding over de pomp. Druk 0 voor een medewerker.",
        "en": "Please choose. Press 1 to order supplies. Press 2 about your delivery. Press 3 about "
              "the safety notice for the pump. Press 0 for a person.",
    },
    "trying_next": {
        "nl": "Ik probeer een andere collega, blijft u aan de lijn.",
        "en": "I'm trying another colleague, please stay on the line.",
    },
    "fallback_crisis": {
        "nl": "Het lukt niet om nu een collega te bereiken. Ik verbind u door met {crisis_line_name}, "
              "gratis en dag en nacht bereikbaar. Bent u in direct gevaar? Bel {emergency_number}.",
        "en": "I can't reach a colleague right now. I'm connecting you to {crisis_line_name}, free "
              "and open 24/7. If you are in immediate danger, call {emergency_number}.",
    },
    "fallback_device": {
        "nl": "Het lukt niet om nu een collega te bereiken. Ik verbind u door met de spoedlijn van het "
              "diabetesteam. Bent u in gevaar? Bel {emergency_number}.",
        "en": "I can't reach a colleague right now. I'm connecting you to the diabetes team's "
              "emergency line. If you are in danger, call {emergency_number}.",
    },
    "offer_callback": {
        "nl": "Er is nu helaas geen medewerker bereikbaar. Onze openingstijden zijn {org_hours}. "
              "Wilt u dat wij u terugbellen? Zeg 'ja' of druk op 1.",
        "en": "Unfortunately no colleague is available right now. Our opening hours are {org_hours}. "
              "Would you like us to call you back? Say 'yes' or press 1.",
    },
    "callback_noted": {
        "nl": "Dank u. We bellen u zo snel mogelijk terug op het nummer waarmee u belt. Tot ziens.",
        "en": "Thank you. We will call you back as soon as possible on the number you are calling "
              "from. Goodbye.",
    },
    "no_callback": {
        "nl": "Goed. U kunt ons bellen op {org_phone} tijdens onze openingstijden. Tot ziens.",
        "en": "All right. You can call us on {org_phone} during our opening hours. Goodbye.",
    },
    "goodbye": {
        "nl": "Bedankt voor het bellen. Tot ziens.",
        "en": "Thank you for calling. Goodbye.",
    },
}

MENU_UTTERANCES = {
    "donor": {"1": "ik wil mijn bedrag wijzigen", "2": "ik wil mijn adres wijzigen",
              "3": "ik wil mijn jaaroverzicht"},
    "device": {"1": "ik wil patches bestellen", "2": "waar blijft mijn bestelling",
               "3": "ik heb een vraag over de veiligheidsmelding"},
}


def prompt(key: str, language: str, **values) -> str:
    entry = PROMPTS[key]
    text = entry.get(language) or entry["nl"]
    return text.format(**values) if values else text

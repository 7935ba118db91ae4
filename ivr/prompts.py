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

# --- structured questions on the phone (the form says what it asks: ivr/voice.py) -----------
# Written for the ear: no examples to look at, letters and digits one at a time, the keypad
# as the way out after one unclear answer, a person after the third.
PROMPTS.update({
    "ask_verify_address": {
        "nl": "Voordat ik iets over uw gegevens zeg of wijzig, controleer ik even wie u bent. "
              "Wat zijn uw postcode en huisnummer? U mag ook uw geboortedatum noemen.",
        "en": "Before I say or change anything about your details, I need to check who you are. "
              "What are your postcode and house number? You may also give your date of birth.",
    },
    "ask_verify_address_bereavement": {
        "nl": "Wat waren de postcode en het huisnummer van de overledene? De geboortedatum mag ook.",
        "en": "What were the postcode and house number of the person who died? Their date of "
              "birth is fine too.",
    },
    "ask_verify_number": {
        "nl": "Wat is uw donateurs- of klantnummer? Het begint met de letter D of C, gevolgd door "
              "cijfers.",
        "en": "What is your donor or customer number? It starts with the letter D or C, followed "
              "by digits.",
    },
    "ask_verify_number_bereavement": {
        "nl": "Wat is het donateursnummer van de overledene? Het staat op onze brieven en begint "
              "met de letter D.",
        "en": "What is the donor number of the person who died? It is on our letters and starts "
              "with the letter D.",
    },
    "ask_new_iban": {
        "nl": "Wat is uw nieuwe rekeningnummer? Zeg het rustig in groepjes: eerst de letters N L, "
              "dan twee cijfers, de vier letters van de bank en daarna de tien cijfers.",
        "en": "What is your new account number? Say it slowly in groups: first the letters of "
              "the country, then two digits, the four letters of the bank and then the digits.",
    },
    "ask_new_amount": {
        "nl": "Welk bedrag wilt u voortaan geven, in euro?",
        "en": "What amount would you like to give from now on, in euros?",
    },
    "ask_complaint_event_date": {
        "nl": "Wanneer is het gebeurd? Zeg bijvoorbeeld vandaag, gisteren of een datum. Weet u "
              "het niet, zeg dan: weet ik niet.",
        "en": "When did it happen? Say for example today, yesterday or a date. If you don't "
              "know, say: I don't know.",
    },
    # first re-ask: the keypad (where a value can be keyed)
    "reask_proof_1": {
        "nl": "Dat heb ik niet goed verstaan. U kunt het ook intoetsen. Toets de vier cijfers van "
              "uw postcode en daarna uw huisnummer, en sluit af met een hekje. Of toets uw "
              "geboortedatum als acht cijfers: dag, maand en jaar, en dan een hekje.",
        "en": "I didn't quite catch that. You can also use the keypad. Key the four digits of "
              "your postcode and then your house number, and finish with the hash key. Or key "
              "your date of birth as eight digits: day, month and year, then the hash key.",
    },
    "reask_proof_2": {
        "nl": "Dat lukte nog niet. Toets alleen cijfers: eerst de vier cijfers van de postcode, dan "
              "het huisnummer, en tot slot het hekje. Lukt het niet, dan help ik u aan een collega.",
        "en": "That didn't work yet. Key digits only: first the four digits of the postcode, then "
              "the house number, and finally the hash key. If it doesn't work, I'll find you a "
              "colleague.",
    },
    "reask_number_1": {
        "nl": "Dat nummer heb ik niet goed verstaan. Toets de cijfers van uw nummer, zonder de "
              "letter, en sluit af met een hekje.",
        "en": "I didn't catch that number. Key the digits of your number, without the letter, and "
              "finish with the hash key.",
    },
    "reask_number_2": {
        "nl": "Dat lukte nog niet. Toets alleen de cijfers van het nummer en dan het hekje.",
        "en": "That didn't work yet. Key only the digits of the number and then the hash key.",
    },
    "reask_amount_1": {
        "nl": "Dat bedrag heb ik niet goed verstaan. Toets het bedrag in hele euro's, en sluit af "
              "met een hekje.",
        "en": "I didn't catch that amount. Key the amount in whole euros, and finish with the "
              "hash key.",
    },
    "reask_amount_2": {
        "nl": "Dat lukte nog niet. Toets alleen het aantal euro's, bijvoorbeeld 2 5 voor "
              "vijfentwintig euro, en dan het hekje.",
        "en": "That didn't work yet. Key only the number of euros, for example 2 5 for "
              "twenty-five euros, then the hash key.",
    },
    "reask_date_1": {
        "nl": "Die datum heb ik niet goed verstaan. Toets de datum als acht cijfers: dag, maand en "
              "jaar, en sluit af met een hekje.",
        "en": "I didn't catch that date. Key the date as eight digits: day, month and year, and "
              "finish with the hash key.",
    },
    "reask_date_2": {
        "nl": "Dat lukte nog niet. Toets twee cijfers voor de dag, twee voor de maand en vier voor "
              "het jaar, en dan het hekje.",
        "en": "That didn't work yet. Key two digits for the day, two for the month and four for "
              "the year, then the hash key.",
    },
    "reask_count_1": {
        "nl": "Dat aantal heb ik niet goed verstaan. Toets het aantal, en sluit af met een hekje.",
        "en": "I didn't catch that number. Key the number, and finish with the hash key.",
    },
    "reask_count_2": {
        "nl": "Dat lukte nog niet. Toets alleen het getal en dan het hekje.",
        "en": "That didn't work yet. Key only the number and then the hash key.",
    },
    "reask_yesno_1": {
        "nl": "Dat heb ik niet goed verstaan. Toets 1 voor ja, of 2 voor nee, en dan het hekje.",
        "en": "I didn't catch that. Key 1 for yes, or 2 for no, then the hash key.",
    },
    "reask_yesno_2": {
        "nl": "Toets 1 als het klopt, of 2 als het niet klopt, en dan het hekje.",
        "en": "Key 1 if it is right, or 2 if it is not, then the hash key.",
    },
    # no keypad for these: said again, differently
    "reask_iban_1": {
        "nl": "Dat rekeningnummer heb ik niet goed verstaan. Zeg het nog eens, langzaam, in "
              "groepjes van vier tekens: bijvoorbeeld N L 9 1, dan A B N A, en dan de cijfers.",
        "en": "I didn't catch that account number. Please say it again, slowly, in groups of "
              "four: for example N L 9 1, then A B N A, and then the digits.",
    },
    "reask_iban_2": {
        "nl": "Het lukte nog niet. Zeg elke letter en elk cijfer apart. Bij een letter mag u een "
              "woord noemen, zoals A van Anton of R van Rudolf.",
        "en": "That didn't work yet. Say each letter and each digit on its own. For a letter you "
              "may add a word, like A as in alpha or R as in romeo.",
    },
    "reask_1": {
        "nl": "Dat heb ik niet goed verstaan. Wilt u het nog een keer zeggen, kort en rustig?",
        "en": "I didn't quite catch that. Could you say it once more, short and slowly?",
    },
    "reask_2": {
        "nl": "Het lukt nog niet goed. Zeg het nog één keer, of zeg 'medewerker' voor een collega.",
        "en": "It isn't working yet. Say it one more time, or say 'agent' for a colleague.",
    },
    "choice": {
        "nl": "Zeg '{title}' of toets {number}.",
        "en": "Say '{title}' or press {number}.",
    },
})

# The words each kind of question expects (Gather hints), besides the line's own list.
LETTER_WORDS = {
    "nl": "el ka, ka, el, bee, dee, ee, ef, gee, ha, ie, jee, em, en, pee, ku, er, es, tee, uu, "
          "vee, wee, iks, ij, zet, Anton, Bernard, Cornelis, Dirk, Eduard, Ferdinand, Gerard, "
          "Hendrik, Izaak, Johan, Karel, Lodewijk, Maria, Nico, Otto, Pieter, Rudolf, Simon, "
          "Theodoor, Utrecht, Victor, Willem, Zaandam",
    "en": "alpha, bravo, charlie, delta, echo, foxtrot, golf, hotel, india, juliet, kilo, lima, "
          "mike, november, oscar, papa, quebec, romeo, sierra, tango, uniform, victor, whiskey, "
          "x-ray, yankee, zulu",
}
HINTS = {
    "proof": {"nl": "postcode, huisnummer, geboortedatum, toevoeging, bis, hoog, $POSTALCODE, "
                    "$ADDRESSNUM, $FULLDATE, " + LETTER_WORDS["nl"],
              "en": "postcode, house number, date of birth, $POSTALCODE, $ADDRESSNUM, $FULLDATE, "
                    + LETTER_WORDS["en"]},
    "number": {"nl": "donateursnummer, klantnummer, D van Dirk, C van Cornelis, nul, "
                     "$OOV_CLASS_DIGIT_SEQUENCE",
               "en": "donor number, customer number, D as in delta, C as in charlie, zero, "
                     "$OOV_CLASS_DIGIT_SEQUENCE"},
    "iban": {"nl": "N L, A B N A, R A B O, I N G B, nul, $OOV_CLASS_ALPHANUMERIC_SEQUENCE, "
                   + LETTER_WORDS["nl"],
             "en": "N L, A B N A, R A B O, I N G B, zero, $OOV_CLASS_ALPHANUMERIC_SEQUENCE, "
                   + LETTER_WORDS["en"]},
    "amount": {"nl": "euro, cent, per maand, per kwartaal, per jaar, $MONEY",
               "en": "euro, euros, cents, monthly, quarterly, yearly, $MONEY"},
    "date": {"nl": "vandaag, gisteren, eergisteren, weet ik niet, $FULLDATE, $MONTH, $DAY",
             "en": "today, yesterday, I don't know, $FULLDATE, $MONTH, $DAY"},
    "count": {"nl": "een, twee, drie, vier, zes, twaalf, maanden, dozen, $OPERAND",
              "en": "one, two, three, four, six, twelve, months, boxes, $OPERAND"},
    "yesno": {"nl": "ja, nee, klopt, dat klopt, klopt niet", "en": "yes, no, that's right, wrong"},
    "frequency": {"nl": "per maand, per kwartaal, per jaar, maandelijks, jaarlijks",
                  "en": "monthly, quarterly, yearly, every month, every year"},
    "item": {"nl": "patches, cartridges, oplader", "en": "patches, cartridges, charger"},
    "postcode": {"nl": "postcode, $POSTALCODE, " + LETTER_WORDS["nl"],
                 "en": "postcode, $POSTALCODE, " + LETTER_WORDS["en"]},
    "street": {"nl": "straat, laan, weg, plein, huisnummer, $ADDRESSNUM",
               "en": "street, road, lane, house number, $ADDRESSNUM"},
    "contact": {"nl": "apenstaartje, punt, streepje, gmail, hotmail, zes, $FULLPHONENUM",
                "en": "at, dot, dash, gmail, hotmail, $FULLPHONENUM"},
}
KEYPAD_KINDS = ("proof", "number", "amount", "date", "count", "yesno")
YES_NO_KEYS = {"nl": {"1": "ja", "2": "nee"}, "en": {"1": "yes", "2": "no"}}


def ask_prompt(slot: str, task: str | None, language: str) -> str | None:
    """The question for the ear, if the chat question reads badly aloud."""
    for key in (f"ask_{slot}_{task}", f"ask_{slot}"):
        if key in PROMPTS:
            return prompt(key, language)
    return None


def reask_prompt(kind: str, attempt: int, language: str) -> str:
    key = f"reask_{kind}_{attempt}"
    return prompt(key if key in PROMPTS else f"reask_{attempt}", language)


def hints_for(kind: str | None, language: str, general: str = "") -> str:
    """The question's own expected words first, then the line's general list."""
    own = HINTS.get(kind or "", {}).get(language, "")
    return ", ".join(part for part in (own, general) if part)


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

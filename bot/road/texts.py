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
    # What a handoff may promise depends on who can come now (bot/coverage.py):
    # handoff_<kind> (someone available), _paging, _queued, _outside, with _voice/_sms variants.
    "handoff_crisis_paging": {
        "nl": "Er is op dit moment geen medewerker online. Daarom roep ik nu een dienstdoende "
              "medewerker voor u op; dat kan een paar minuten duren. Bent u in direct gevaar? Bel dan "
              "{emergency_number}. Denkt u aan zelfdoding? U kunt nu ook {crisis_line_name} bellen: "
              "{crisis_line_short} of gratis {crisis_line_free}, dag en nacht.",
        "en": "No colleague is online right now, so I am calling a person on call for you at this "
              "moment; that can take a few minutes. If you are in immediate danger, call "
              "{emergency_number}. If you are thinking about suicide, you can also call "
              "{crisis_line_name} now on {crisis_line_short} or free on {crisis_line_free}, 24/7.",
    },
    "handoff_crisis_paging_voice": {
        "nl": "Ik bel nu een dienstdoende medewerker voor u. Blijft u aan de lijn. Bent u in direct "
              "gevaar? Bel dan {emergency_number}. Denkt u aan zelfdoding? {crisis_line_name} is dag "
              "en nacht bereikbaar op {crisis_line_short} of gratis op {crisis_line_free}.",
        "en": "I am calling a person on call for you now. Please stay on the line. If you are in "
              "immediate danger, call {emergency_number}. If you are thinking about suicide, "
              "{crisis_line_name} is there 24/7 on {crisis_line_short} or free on {crisis_line_free}.",
    },
    "handoff_crisis_outside": {
        "nl": "Op dit moment kan er geen medewerker van {org_name} bij u komen. {crisis_line_name} is "
              "er wel, dag en nacht: bel {crisis_line_short} of gratis {crisis_line_free}, of chat via "
              "{crisis_line_chat}. Bent u in direct gevaar? Bel {emergency_number}.",
        "en": "Right now no person from {org_name} can come to you. {crisis_line_name} is there day "
              "and night: call {crisis_line_short} or free on {crisis_line_free}, or chat at "
              "{crisis_line_chat}. If you are in immediate danger, call {emergency_number}.",
    },
    "handoff_crisis_outside_voice": {
        "nl": "Op dit moment is er geen medewerker van {org_name} bereikbaar. Ik verbind u nu door met "
              "{crisis_line_name}, dag en nacht bereikbaar op {crisis_line_short} en gratis op "
              "{crisis_line_free}. Bent u in direct gevaar? Hang dan op en bel {emergency_number}.",
        "en": "Right now no person from {org_name} can be reached. I am putting you through to "
              "{crisis_line_name}, there 24/7 on {crisis_line_short} and free on {crisis_line_free}. "
              "If you are in immediate danger, hang up and call {emergency_number}.",
    },
    "handoff_device_safety_paging": {
        "nl": "Er is op dit moment geen medewerker online. Daarom roep ik nu een dienstdoende "
              "medewerker voor u op; dat kan een paar minuten duren. Wacht daar niet op als het niet goed gaat: "
              "de spoedlijn is dag en nacht bereikbaar op {emergency_line}. Bent u in gevaar? Bel "
              "{emergency_number}.",
        "en": "No colleague is online right now, so I am calling a person on call for you at this "
              "moment; that can take a few minutes. Do not wait for them if you feel unwell: the "
              "emergency line is open 24/7 on {emergency_line}. If you are in danger, call "
              "{emergency_number}.",
    },
    "handoff_device_safety_paging_voice": {
        "nl": "Ik bel nu een dienstdoende medewerker voor u. Blijft u aan de lijn. Bent u in gevaar? "
              "Bel dan {emergency_number}. De spoedlijn is dag en nacht bereikbaar op {emergency_line}.",
        "en": "I am calling a person on call for you now. Please stay on the line. If you are in "
              "danger, call {emergency_number}. The emergency line is open 24/7 on {emergency_line}.",
    },
    "handoff_device_safety_outside": {
        "nl": "Op dit moment kan er geen medewerker van {org_name} bij u komen. Bel daarom nu de "
              "spoedlijn, die is dag en nacht bereikbaar: {emergency_line}. Bent u in gevaar? Bel "
              "{emergency_number}.",
        "en": "Right now no person from {org_name} can come to you. Please call the emergency line "
              "now, it is open 24/7: {emergency_line}. If you are in danger, call {emergency_number}.",
    },
    "handoff_device_safety_outside_voice": {
        "nl": "Op dit moment is er geen medewerker van {org_name} bereikbaar. Ik verbind u nu door met "
              "de spoedlijn, dag en nacht bereikbaar op {emergency_line}. Bent u in gevaar? Hang dan "
              "op en bel {emergency_number}.",
        "en": "Right now no person from {org_name} can be reached. I am putting you through to the "
              "emergency line, open 24/7 on {emergency_line}. If you are in danger, hang up and call "
              "{emergency_number}.",
    },
    "handoff_system_queued": {
        "nl": "Het spijt me, ik kan uw vraag nu niet goed verwerken. Alle medewerkers zijn op dit "
              "moment bezet; u staat in de wachtrij en een medewerker neemt het over zodra er iemand "
              "vrij is. Duurt het langer dan {wait_minutes} minuten, dan bied ik u aan dat we u "
              "terugbellen. Bent u in direct gevaar? Bel {emergency_number}.",
        "en": "I'm sorry, I can't process your question properly right now. All colleagues are busy "
              "at the moment; you are in the queue and a colleague takes over as soon as one is "
              "free. If it takes longer than {wait_minutes} minutes, I will offer you a callback. If "
              "you are in immediate danger, call {emergency_number}.",
    },
    "handoff_system_outside": {
        "nl": "Het spijt me, ik kan uw vraag nu niet goed verwerken, en er is nu geen medewerker: we "
              "zijn weer bereikbaar op {opens_at}. Wilt u dan teruggebeld worden? Laat hier uw "
              "telefoonnummer achter. U kunt ook mailen naar {org_email}. Bent u in direct gevaar? "
              "Bel {emergency_number}.",
        "en": "I'm sorry, I can't process your question properly right now, and no colleague is "
              "working at the moment: we are back on {opens_at}. Would you like a callback then? "
              "Leave your phone number here. You can also e-mail {org_email}. If you are in "
              "immediate danger, call {emergency_number}.",
    },
    "handoff_system_outside_sms": {
        "nl": "Het spijt me, ik kan uw vraag nu niet goed verwerken, en er is nu geen medewerker: we "
              "zijn weer bereikbaar op {opens_at}. Wilt u dan op dit nummer teruggebeld worden? "
              "Stuur JA. U kunt ook mailen naar {org_email}. Bent u in direct gevaar? Bel "
              "{emergency_number}.",
        "en": "I'm sorry, I can't process your question properly right now, and no colleague is "
              "working at the moment: we are back on {opens_at}. Would you like a callback on this "
              "number then? Reply YES. You can also e-mail {org_email}. If you are in immediate "
              "danger, call {emergency_number}.",
    },
    "handoff_request_queued": {
        "nl": "Alle medewerkers zijn op dit moment bezet. U staat in de wachtrij; een medewerker "
              "neemt het gesprek over zodra er iemand vrij is. Duurt het langer dan {wait_minutes} "
              "minuten, dan bied ik u aan dat we u terugbellen.",
        "en": "All colleagues are busy at the moment. You are in the queue; a colleague takes over "
              "as soon as one is free. If it takes longer than {wait_minutes} minutes, I will offer "
              "you a callback.",
    },
    "handoff_request_outside": {
        "nl": "Op dit moment is er geen medewerker bereikbaar. We zijn er weer op {opens_at}. Wilt u "
              "dan teruggebeld worden? Laat hier uw telefoonnummer achter. U kunt ook mailen naar "
              "{org_email}.",
        "en": "No colleague is working at the moment. We are back on {opens_at}. Would you like a "
              "callback then? Leave your phone number here. You can also e-mail {org_email}.",
    },
    "handoff_request_outside_sms": {
        "nl": "Op dit moment is er geen medewerker bereikbaar. We zijn er weer op {opens_at}. Wilt u "
              "dan op dit nummer teruggebeld worden? Stuur JA. U kunt ook mailen naar {org_email}.",
        "en": "No colleague is working at the moment. We are back on {opens_at}. Would you like a "
              "callback on this number then? Reply YES. You can also e-mail {org_email}.",
    },
    # Told once by the escalation worker when nobody has accepted yet (bot/escalation.py).
    "handoff_longer_crisis": {
        "nl": "Het duurt langer dan ik had gehoopt. Ik heb nu de dienstdoende medewerkers opgeroepen. "
              "Wacht niet als het niet meer gaat: {crisis_line_name} is dag en nacht bereikbaar op "
              "{crisis_line_short} of gratis {crisis_line_free}. In direct gevaar? Bel {emergency_number}.",
        "en": "This is taking longer than I had hoped. I have now called the people on call. Do not "
              "wait if you cannot cope: {crisis_line_name} is there 24/7 on {crisis_line_short} or "
              "free on {crisis_line_free}. In immediate danger? Call {emergency_number}.",
    },
    "handoff_longer_device_safety": {
        "nl": "Het duurt langer dan ik had gehoopt. Ik heb nu de dienstdoende medewerkers opgeroepen. "
              "Wacht niet als het niet goed gaat: bel de spoedlijn, dag en nacht, op {emergency_line}. "
              "In gevaar? Bel {emergency_number}.",
        "en": "This is taking longer than I had hoped. I have now called the people on call. Do not "
              "wait if you feel unwell: call the emergency line, 24/7, on {emergency_line}. In danger? "
              "Call {emergency_number}.",
    },
    "handoff_call_now_crisis": {
        "nl": "Er is nog steeds geen medewerker bij u, en ik wil niet dat u langer wacht. Bel nu "
              "{crisis_line_name}: {crisis_line_short} of gratis {crisis_line_free}, of chat via "
              "{crisis_line_chat}. Bent u in direct gevaar? Bel nu {emergency_number}. Dit gesprek "
              "blijft open: komt er een medewerker, dan leest die hier verder.",
        "en": "There is still no person with you, and I do not want you to wait any longer. Call "
              "{crisis_line_name} now: {crisis_line_short} or free on {crisis_line_free}, or chat at "
              "{crisis_line_chat}. If you are in immediate danger, call {emergency_number} now. This "
              "conversation stays open: when a colleague comes, they will read on here.",
    },
    "handoff_call_now_device_safety": {
        "nl": "Er is nog steeds geen medewerker bij u, en ik wil niet dat u langer wacht. Bel nu de "
              "spoedlijn: {emergency_line}. Bent u in gevaar? Bel nu {emergency_number}. Dit gesprek "
              "blijft open: komt er een medewerker, dan leest die hier verder.",
        "en": "There is still no person with you, and I do not want you to wait any longer. Call the "
              "emergency line now: {emergency_line}. If you are in danger, call {emergency_number} "
              "now. This conversation stays open: when a colleague comes, they will read on here.",
    },
    "handoff_callback_offer": {
        "nl": "Het spijt me dat het zo lang duurt. Wilt u liever teruggebeld worden? Laat dan hier uw "
              "telefoonnummer achter, dan belt een medewerker u {callback_when}. U kunt ook mailen "
              "naar {org_email}.",
        "en": "I'm sorry this is taking so long. Would you rather be called back? Leave your phone "
              "number here and a colleague will call you {callback_when}. You can also e-mail "
              "{org_email}.",
    },
    "handoff_callback_offer_sms": {
        "nl": "Het spijt me dat het zo lang duurt. Wilt u liever teruggebeld worden op dit nummer? "
              "Stuur JA, dan belt een medewerker u {callback_when}. U kunt ook mailen naar {org_email}.",
        "en": "I'm sorry this is taking so long. Would you rather be called back on this number? "
              "Reply YES and a colleague will call you {callback_when}. You can also e-mail "
              "{org_email}.",
    },
    "handoff_later_today": {"nl": "later vandaag", "en": "later today"},
    "handoff_on_day": {"nl": "op {when}", "en": "on {when}"},
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
    "too_many_requests": {
        "nl": "U stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw. "
              "In direct gevaar? Bel 112.",
        "en": "You are sending many messages in a short time. Please wait a moment and try "
              "again. In immediate danger? Call 112.",
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

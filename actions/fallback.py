"""When the bot is unsure: offer the likeliest topics, then a person; and the two cases that
always get the same short explanation (a question outside the line's scope, a caller acting
for someone else).

Rasa's two-stage fallback asks "did you mean X?"; on the phone a list of choices works
better, so this is the equivalent with buttons:

    1st miss (nlu_fallback): "Bedoelt u een van deze onderwerpen?" + 2-3 buttons
    2nd miss in a row:       a person (a `request` handoff the gateway honours)

A button's title is in the caller's language and its payload is the same text: it goes
through NLU like anything typed (and is what an SMS caller texts back), and titles are
training examples of their topic (data/faq/*.yml, data/nlu/*/tasks_extra.yml).
"""
from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import intent_domain
from actions.faq import FAQ_INTENT, candidates, index

MAX_BUTTONS = 3
MIN_SCORE = 0.02  # a topic this unlikely is not worth a button
FALLBACK_ACTION = "action_fallback"
MISSED_TWICE = {"handoff": {"category": "request", "reason": "not understood twice"}}

# Topics a button may offer, with a title per language. Intents not listed (greetings,
# yes/no, safety, inform) are never offered.
TOPIC_TITLES = {
    "donor_become_friend": ("Vriend worden", "Become a Friend"),
    "donor_change_amount": ("Mijn bedrag wijzigen", "Change my amount"),
    "donor_change_frequency": ("Hoe vaak ik geef wijzigen", "Change how often I give"),
    "donor_change_iban": ("Mijn rekeningnummer wijzigen", "Change my bank account"),
    "donor_change_address": ("Mijn adres wijzigen", "Change my address"),
    "donor_change_contact": ("Mijn e-mail of telefoon wijzigen", "Change my email or phone"),
    "donor_cancel": ("Mijn gift stoppen", "Stop my gift"),
    "donor_pause": ("Mijn gift pauzeren", "Pause my gift"),
    "donor_annual_statement": ("Jaaroverzicht aanvragen", "Request my yearly overview"),
    "donor_tax_deduction": ("Belastingaftrek van mijn gift", "Tax deduction of my gift"),
    "donor_periodic_gift": ("Periodieke gift", "Periodic gift"),
    "donor_legacy": ("Nalaten aan de stichting", "Leaving a gift in my will"),
    "donor_one_off_gift": ("Eenmalig geven", "Give a one-off gift"),
    "donor_unrecognised_charge": ("Een afschrijving die ik niet herken",
                                  "A debit I don't recognise"),
    "donor_bereavement": ("Een overlijden melden", "Report a death"),
    "donor_no_mailings": ("Geen post of telefoontjes meer", "No more mail or calls"),
    "donor_about_foundation": ("Over de stichting", "About the foundation"),
    "donor_clinic_relation": ("De stichting en het expertisecentrum",
                              "The foundation and the centre"),
    "donor_current_gift": ("Mijn huidige gift", "My current gift"),
    "device_order_supplies": ("Materialen bestellen", "Order supplies"),
    "device_delivery_status": ("Waar blijft mijn bestelling", "Where is my order"),
    "device_app_pairing": ("De app koppelen", "Pair the app"),
    "device_alarm_meaning": ("Een melding of piep van de pomp", "A pump alert or beep"),
    "device_charging": ("De handheld opladen", "Charge the handheld"),
    "device_travel": ("Op reis met de pomp", "Travelling with the pump"),
    "device_water": ("De pomp en water", "The pump and water"),
    "device_safety_notice": ("De veiligheidsmelding", "The safety notice"),
    "device_return": ("Iets terugsturen", "Send something back"),
    "device_insurance": ("Vergoeding door de verzekeraar", "Insurance reimbursement"),
    "device_training": ("Een pomptraining", "A pump training"),
    "device_complaint": ("Een probleem met de pomp melden", "Report a problem with the pump"),
    "device_my_fsn_status": ("Valt mijn pomp onder de melding",
                             "Is my pump affected by the notice"),
    "opening_hours": ("Openingstijden", "Opening hours"),
}


def _language(tracker: Tracker) -> str:
    return "en" if tracker.get_slot("language") == "en" else "nl"


def topic_title(intent: str, language: str) -> str | None:
    titles = TOPIC_TITLES.get(intent)
    return titles[0 if language == "nl" else 1] if titles else None


def likeliest_topics(latest_message: dict, line_domain: str | None, language: str,
                     limit: int = MAX_BUTTONS) -> list[dict]:
    """Buttons for this line's likeliest topics: intents and FAQ entries, best first."""
    scored: list[tuple[float, str]] = []
    for item in latest_message.get("intent_ranking") or []:
        name, confidence = str(item.get("name") or ""), float(item.get("confidence") or 0.0)
        if name == FAQ_INTENT:
            for entry_id, share in candidates(latest_message, line_domain):
                title = (index().get(entry_id) or {}).get("title", {}).get(language)
                if title:
                    scored.append((confidence * share, title))
            continue
        domain = intent_domain(name)
        title = topic_title(name, language)
        if title and not (domain and line_domain and domain != line_domain):
            scored.append((confidence, title))
    buttons, seen = [], set()
    for score, title in sorted(scored, key=lambda item: -item[0]):
        if score < MIN_SCORE or title in seen:
            continue
        seen.add(title)
        buttons.append({"title": title, "payload": title})
        if len(buttons) == limit:
            break
    return buttons


def missed_before(tracker: Tracker) -> bool:
    """Was the bot's answer to the previous message this fallback too?"""
    events = list(tracker.events or [])
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=None)
    if last_user is None:
        return False
    for event in reversed(events[:last_user]):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") not in (
                "action_listen", "action_validate_slot_mappings", "action_extract_slots"):
            return event.get("name") == FALLBACK_ACTION
    return False


class ActionFallback(Action):
    """Below the confidence line: the likeliest topics as buttons; a second miss, a person."""

    def name(self) -> str:
        return FALLBACK_ACTION

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        if missed_before(tracker):
            dispatcher.utter_message(response="utter_fallback_handoff")
            dispatcher.utter_message(json_message=MISSED_TWICE)
            return []
        language = _language(tracker)
        buttons = likeliest_topics(tracker.latest_message, tracker.get_slot("line_domain"),
                                   language)
        if len(buttons) >= 2:
            dispatcher.utter_message(response="utter_fallback_choices", buttons=buttons)
        else:  # nothing likely enough: say what the line can help with
            dispatcher.utter_message(response=f"utter_fallback_scope_{_scope(tracker)}")
        return []


def _scope(tracker: Tracker) -> str:
    return "device" if tracker.get_slot("line_domain") == "device" else "donor"


class ActionOutOfScope(Action):
    """A question the line cannot answer: a short list of what it can help with."""

    def name(self) -> str:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        dispatcher.utter_message(response=f"utter_out_of_scope_{_scope(tracker)}")
        return []


def acting_for_other_buttons(tracker: Tracker) -> list[dict]:
    language = _language(tracker)
    person = {"nl": ("Een medewerker spreken", "medewerker"),
              "en": ("Talk to a person", "agent")}[language]
    buttons = [{"title": person[0], "payload": person[1]}]
    if _scope(tracker) == "donor":
        title = topic_title("donor_bereavement", language)
        buttons.append({"title": title, "payload": title})
    return buttons


class ActionActingForOther(Action):
    """A relative, legal representative or surviving partner: what the bot can do for them.

    Nothing here verifies the caller, and nothing changes a record: a change to someone
    else's record is for a person (the first button hands off); a death can be reported
    through its own task, which identifies the donor's record without verifying the caller.
    """

    def name(self) -> str:
        return "action_acting_for_other"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict):
        dispatcher.utter_message(response=f"utter_acting_for_other_{_scope(tracker)}",
                                 buttons=acting_for_other_buttons(tracker))
        return []


__all__ = ["ActionFallback", "ActionOutOfScope", "ActionActingForOther", "TOPIC_TITLES",
           "likeliest_topics", "missed_before"]

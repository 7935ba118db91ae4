"""The TwiML builders alone: documented names only, keypad and speech settings, and chat
words rewritten for the ear."""
from __future__ import annotations

import pytest

from ivr import twiml
from tests.support.twilio_util import check_twiml


def test_every_twiml_builder_uses_documented_names_only():
    responses = [
        twiml.ask(["a"], "nl", "Google.nl-NL-Standard-A", "/g", "/r", "hint"),
        twiml.ask_digits("a", "en", "", "/g", "/r"),
        twiml.connect(["a"], "nl", "v", "+31200000011", "/w", "/d", "+3197000000001"),
        twiml.whisper("a", "/x", "v"), twiml.bridge(),
        twiml.dial_fallback("a", "nl", "v", "+318000113"), twiml.say_and_hang_up(["a"], "nl", "v"),
    ]
    for response in responses:
        check_twiml(str(response))
    with pytest.raises(AssertionError):
        check_twiml('<Response><Gather langauge="nl-NL"/></Response>')


# --- spoken forms, keypad entry and no loops (issue 17) -----------------------------------

def test_keypad_gather_and_speech_settings_from_the_twiml_builders():
    response = twiml.ask_keypad(["Toets uw postcode."], "nl", "Google.nl-NL-Standard-A", "/g", "/r")
    gather = check_twiml(str(response)).find("Gather")
    assert gather.get("input") == "dtmf" and gather.get("finishOnKey") == "#"
    response = twiml.ask(["a"], "en", "", "/g", "/r", "postcode, kilo",
                         {"model": "googlev2_telephony", "enhanced": False})
    gather = check_twiml(str(response)).find("Gather")
    assert gather.get("speechModel") == "googlev2_telephony" and gather.get("enhanced") == "false"
    assert gather.get("hints") == "postcode, kilo" and gather.get("language") == "en-US"


def test_chat_words_are_rewritten_for_the_ear():
    from ivr.speech import for_speech
    assert for_speech("U kunt ook 'medewerker' typen.", "nl") == "U kunt ook 'medewerker' zeggen."
    assert for_speech("Klik op de knop of typ uw vraag.", "nl") == "Kies de knop of zeg uw vraag."
    assert for_speech("You can also type 'agent'.", "en") == "You can also say 'agent'."

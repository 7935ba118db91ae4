"""TwiML for calls, built with the twilio library by small pure functions.

Inputs in, `VoiceResponse` out: no request, no database, so each is tested by
parsing its XML.
"""
from __future__ import annotations

from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

SPEECH_LANGUAGE = {"nl": "nl-NL", "en": "en-US"}
GATHER_TIMEOUT = 5  # seconds of silence before Twilio gives up on the caller
KEYPAD_TIMEOUT = 10  # seconds between keys: keying a postcode takes a moment
RING_SECONDS = 20  # per on-call colleague


def _say(parent, text: str, language: str, voice: str) -> None:
    parent.say(text, voice=voice or None, language=SPEECH_LANGUAGE.get(language, "nl-NL"))


def _speech_settings(speech: dict | None) -> dict:
    """speechModel / enhanced for a language, from lines.yml (voice.speech.<language>)."""
    speech = speech or {}
    settings = {}
    if speech.get("model"):
        settings["speech_model"] = speech["model"]
    if speech.get("enhanced") is not None:
        settings["enhanced"] = bool(speech["enhanced"])
    return settings


def ask(texts: list[str], language: str, voice: str, action: str, no_input: str,
        hints: str = "", speech: dict | None = None) -> VoiceResponse:
    """Say the texts while listening for speech or a key, then go to `no_input` if nothing came.

    `hints` are the words expected for this question; `speech` the line's speechModel and
    enhanced settings for this language."""
    response = VoiceResponse()
    gather = Gather(input="speech dtmf", language=SPEECH_LANGUAGE.get(language, "nl-NL"),
                    action=action, method="POST", action_on_empty_result=True,
                    speech_timeout="auto", timeout=GATHER_TIMEOUT, num_digits=1,
                    hints=hints or None, profanity_filter=False, **_speech_settings(speech))
    for text in texts:
        _say(gather, text, language, voice)
    response.append(gather)
    response.redirect(no_input, method="POST")
    return response


def ask_keypad(texts: list[str], language: str, voice: str, action: str,
               no_input: str) -> VoiceResponse:
    """Keypad entry of a value (postcode digits + house number, a date as 8 digits, an
    amount): any number of keys, ended by the hash key."""
    response = VoiceResponse()
    gather = Gather(input="dtmf", finish_on_key="#", action=action, method="POST",
                    action_on_empty_result=True, timeout=KEYPAD_TIMEOUT)
    for text in texts:
        _say(gather, text, language, voice)
    response.append(gather)
    response.redirect(no_input, method="POST")
    return response


def ask_digits(text: str, language: str, voice: str, action: str, no_input: str) -> VoiceResponse:
    """A key-press menu (after speech failed twice)."""
    response = VoiceResponse()
    gather = Gather(input="dtmf", num_digits=1, action=action, method="POST",
                    action_on_empty_result=True, timeout=GATHER_TIMEOUT + 3)
    _say(gather, text, language, voice)
    response.append(gather)
    response.redirect(no_input, method="POST")
    return response


def connect(texts: list[str], language: str, voice: str, agent_number: str, whisper_url: str,
            dial_action: str, caller_id: str | None = None) -> VoiceResponse:
    """Say the safe message, then ring one on-call colleague; the whisper runs on their leg."""
    response = VoiceResponse()
    for text in texts:
        _say(response, text, language, voice)
    dial = Dial(answer_on_bridge=True, action=dial_action, method="POST", timeout=RING_SECONDS,
                caller_id=caller_id or None)
    dial.number(agent_number, url=whisper_url, method="POST")
    response.append(dial)
    return response


def whisper(text: str, accept_action: str, voice: str) -> VoiceResponse:
    """What the colleague hears before the caller is put through: press 1 to accept."""
    response = VoiceResponse()
    gather = Gather(input="dtmf", num_digits=1, action=accept_action, method="POST", timeout=8)
    _say(gather, text, "nl", voice)
    response.append(gather)
    _say(response, "Niet aangenomen. Het gesprek gaat naar de volgende collega.", "nl", voice)
    response.hangup()
    return response


def bridge() -> VoiceResponse:
    """The colleague accepted: an empty answer lets Twilio connect both legs."""
    return VoiceResponse()


def dial_fallback(text: str, language: str, voice: str, number: str) -> VoiceResponse:
    """No colleague took the call: say so, then connect to the crisis or emergency line."""
    response = VoiceResponse()
    _say(response, text, language, voice)
    dial = Dial(timeout=60)
    dial.number(number)
    response.append(dial)
    return response


def say_and_hang_up(texts: list[str], language: str, voice: str) -> VoiceResponse:
    response = VoiceResponse()
    for text in texts:
        _say(response, text, language, voice)
    response.hangup()
    return response

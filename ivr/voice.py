"""Phone calls: speech and key presses in, TwiML out, every utterance down the one road.

Call state that Twilio must carry between requests (missed turns, failures, a
re-ask) travels in the query string as small numbers; a handoff travels as its
opaque token. No URL holds a phone number, a name or anything the caller said.
"""
from __future__ import annotations

import logging
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, request
from sqlalchemy import select, update
from twilio.twiml.voice_response import VoiceResponse

from actions.spoken import KIND_FOR_SLOT
from bot import coverage
from bot.road.handoff import safe_reply
from bot.road.inbound import hand_to_person, handle_inbound
from bot.services import services
from bot.triage import screen
from core.models import CallbackRequest, Conversation, Handoff, HandoffEvent, Message, utcnow
from core.phone import e164
from core.vocabulary import CATEGORY_NL, CRISIS_CATEGORIES, mask_phone
from ivr import twiml
from ivr.prompts import (
    KEYPAD_KINDS,
    MENU_UTTERANCES,
    YES_NO_KEYS,
    ask_prompt,
    hints_for,
    prompt,
    reask_prompt,
)
from ivr.signature import twilio_only
from ivr.speech import for_speech

log = logging.getLogger(__name__)
blueprint = Blueprint("voice", __name__, url_prefix="/twilio/voice")

LOW_CONFIDENCE = 0.3  # Twilio's speech confidence below which we ask once more
MAX_FAILURES = 3
LANGUAGE_NL = {"nl": "Nederlands", "en": "Engels"}
YES = ("ja", "yes", "graag", "please", "jawel", "ok")


def xml(response: VoiceResponse) -> Response:
    return Response(str(response), mimetype="application/xml")


def _url(path: str, **params) -> str:
    return f"/twilio/voice{path}" + (f"?{urlencode(params)}" if params else "")


def _state() -> dict:
    """Call state from the query string: missed turns (m), failed turns (f), a re-ask after
    low confidence (a), the form question being asked (q, a slot name), its unclear answers
    so far (r), keypad entry (k) and spoken choices (b) on the last Gather."""
    def number(name):
        value = request.args.get(name, "0")
        return int(value) if value.isdigit() else 0
    slot = request.args.get("q", "")
    return {"m": number("m"), "f": number("f"), "a": number("a"),
            "q": slot if slot.replace("_", "").isalnum() and len(slot) <= 32 else "",
            "r": number("r"), "k": number("k"), "b": number("b")}


def _params(state: dict) -> dict:
    """Only the state that is set: short URLs, and no empty values."""
    return {key: value for key, value in state.items() if value or key in ("m", "f", "a")}


def _call() -> tuple[str, str | None]:
    call_sid = request.form.get("CallSid", "")
    if not call_sid or len(call_sid) > 64 or not call_sid.isalnum():
        abort(400)
    return call_sid, e164(request.form.get("From"))


def _conversation(call_sid: str, caller: str | None) -> Conversation:
    svc = services()
    line = svc.lines.by_number(e164(request.form.get("To")) or "") or svc.lines.get(None)
    with svc.session() as session:
        conversation = session.get(Conversation, call_sid)
        if conversation is None:
            conversation = Conversation(id=call_sid, channel="voice", line_id=line.id,
                                        language=line.default_language, caller=caller)
            session.add(conversation)
        return conversation


def _ask(conversation: Conversation, texts: list[str], state: dict, kind: str | None = None,
         keypad: bool = False) -> Response:
    line = services().lines.get(conversation.line_id)
    language = conversation.language
    action = _url("/gather", **_params({**state, "k": int(keypad)}))
    voice = line.voice.get(language, "")
    spoken = [for_speech(t, language) for t in texts]
    if keypad:
        return xml(twiml.ask_keypad(spoken, language, voice, action, action))
    speech = (line.voice.get("speech") or {}).get(language)
    return xml(twiml.ask(spoken, language, voice, action, action,
                         hints_for(kind, language, line.hints), speech))


def _choices(replies, language: str) -> list[str]:
    """Buttons become spoken choices: "Zeg 'Per maand' of toets 1."."""
    if not replies or not replies[-1].buttons:
        return []
    return [prompt("choice", language, title=button["title"], number=index)
            for index, button in enumerate(replies[-1].buttons[:9], start=1)]


def _button_payload(call_sid: str, digits: str) -> str | None:
    """The payload of the spoken choice keyed, from the last reply that offered choices."""
    with services().session() as session:
        meta = session.execute(select(Message.meta).where(
            Message.conversation_id == call_sid, Message.direction == "out")
            .order_by(Message.id.desc()).limit(1)).scalars().first() or {}
    buttons = meta.get("buttons") or []
    index = int(digits[:1]) - 1 if digits[:1].isdigit() else -1
    return buttons[index].get("payload") if 0 <= index < len(buttons) else None


def _keyed_text(line, language: str, kind: str, digits: str) -> str:
    """What keys stand for in a form answer: 1/2 for yes/no, the line's letter before a
    donor or customer number, else the digits themselves (postcode digits + house number,
    a date as 8 digits, an amount, a count)."""
    if kind == "yesno":
        return YES_NO_KEYS.get(language, YES_NO_KEYS["nl"]).get(digits[:1], digits)
    if kind == "number":
        return f"{'C' if line.domain == 'device' else 'D'} {digits}"
    return digits


def _reask(call_sid: str, conversation: Conversation, state: dict, kind: str,
           attempt: int) -> Response:
    """An unclear answer to a form question: the keypad after the first (where a value can be
    keyed), other words after the second, a person after the third. Never a loop."""
    if attempt >= 3:
        return _to_person(call_sid, conversation, "request",
                          f"{state['q'] or kind} not understood {attempt} times on the phone")
    state = {**state, "r": attempt, "b": 0}
    text = reask_prompt(kind, attempt, conversation.language)
    return _ask(conversation, [text], state, kind, keypad=kind in KEYPAD_KINDS)


def _kind_of(slot: str) -> str | None:
    return KIND_FOR_SLOT.get(slot) if slot else None


def _render(call_sid: str, conversation: Conversation, outcome, state: dict,
            asked: tuple = ("", 0)) -> Response:
    """The replies as the caller hears them, with a Gather for what the form asks next.

    `asked`: the question of the previous Gather and its unclear answers so far."""
    language = conversation.language
    previous = asked[1] if asked[0] and asked[0] == (outcome.expect or {}).get("slot") else 0
    texts = [reply.text for reply in outcome.replies]
    expect = outcome.expect or {}
    slot, kind = expect.get("slot") or "", expect.get("kind") or None
    state = {**state, "q": slot, "r": 0, "b": 0}
    if expect.get("readback"):  # an answer that can be read two ways: yes or no
        return _ask(conversation, [expect["readback"]], {**state, "r": previous}, "yesno")
    if expect.get("unclear"):
        return _reask(call_sid, conversation, state, kind or "text", previous + 1)
    if slot:
        own = ask_prompt(slot, expect.get("task"), language)
        if own and texts:
            texts[-1] = own  # the question written for the ear
    choices = _choices(outcome.replies, language)
    if choices:
        texts += choices
        state["b"] = 1
    return _ask(conversation, texts, state, kind)


def _menu(conversation: Conversation, state: dict) -> Response:
    line = services().lines.get(conversation.line_id)
    action = _url("/gather", **{**state, "menu": 1})
    return xml(twiml.ask_digits(prompt(f"menu_{line.domain}", conversation.language),
                                conversation.language, line.voice.get(conversation.language, ""),
                                action, action))


@blueprint.post("")
@twilio_only
def incoming():
    call_sid, caller = _call()
    conversation = _conversation(call_sid, caller)
    line = services().lines.get(conversation.line_id)
    greeting = line.greeting.get(conversation.language) or line.greeting.get("nl", "")
    log.info("call started conversation=%s line=%s", call_sid, line.id)
    return _ask(conversation, [greeting, prompt("how_to_reach_person", conversation.language)],
                {"m": 0, "f": 0, "a": 0, "q": "", "r": 0, "k": 0, "b": 0})


def _store_unclear(call_sid: str, text: str, confidence: float) -> None:
    with services().session() as session:
        session.add(Message(conversation_id=call_sid, direction="in", sender="user", text=text,
                            meta={"asr_confidence": confidence, "asked_again": True}))


@blueprint.post("/gather")
@twilio_only
def gather():
    call_sid, caller = _call()
    conversation = _conversation(call_sid, caller)
    line = services().lines.get(conversation.line_id)
    state = _state()
    speech = (request.form.get("SpeechResult") or "").strip()
    digits = (request.form.get("Digits") or "").strip()
    try:
        confidence = float(request.form.get("Confidence") or 1.0)
    except ValueError:
        confidence = 1.0

    keypad_entry = bool(digits and state["k"] and state["q"])
    # 0 is "a person" everywhere: any keys that start with 0 ("0", "0000#"), except while the
    # caller keys in a value that may itself start with 0 (a date of birth), where a 0 alone
    # or only zeros still mean a person.
    if digits.startswith("0") and (not keypad_entry or not digits.strip("0#*")):
        return _to_person(call_sid, conversation, "request", "caller pressed 0")
    kind = _kind_of(state["q"])
    if digits and state["k"] and state["q"]:
        text = _keyed_text(line, conversation.language, kind, digits)  # keypad entry
    elif digits and state["b"]:
        text = _button_payload(call_sid, digits)
        if text is None:
            return _reask(call_sid, conversation, state, kind or "text", state["r"] + 1)
    elif digits:
        text = MENU_UTTERANCES[line.domain].get(digits[:1])
        if text is None:
            state["f"] += 1
            if state["f"] >= MAX_FAILURES:
                return _to_person(call_sid, conversation, "request", "three failed turns")
            return _menu(conversation, state)
    elif not speech and state["q"]:
        # Silence while a form question waits: the same as an unclear answer to it.
        return _reask(call_sid, conversation, state, kind or "text", state["r"] + 1)
    elif not speech:
        state["m"] += 1
        if state["m"] >= 2 or state["f"] >= MAX_FAILURES:
            state["f"] += 1
            if state["f"] >= MAX_FAILURES:
                return _to_person(call_sid, conversation, "request", "no input, three times")
            return _menu(conversation, {**state, "m": 0})
        return _ask(conversation, [prompt("no_input", conversation.language)], state)
    else:
        text = speech
        # A misheard sentence is asked again once, unless it already carries a safety signal.
        # A form answer is not: the parser reads it or the question is asked again.
        if (confidence < LOW_CONFIDENCE and not state["a"] and not state["q"]
                and not screen.check(text).handoff):
            _store_unclear(call_sid, text, confidence)
            return _ask(conversation, [prompt("say_again", conversation.language)],
                        {**state, "a": 1})

    outcome = handle_inbound(services(), call_sid, text, "voice", line.id, caller=caller)
    if outcome.handoff:
        return _connect_after_handoff(call_sid, outcome.language)
    if not outcome.replies:
        return _connect_after_handoff(call_sid, outcome.language)
    asked = (state["q"], state["r"])
    state = {"m": 0, "f": state["f"], "a": 0, "q": "", "r": 0, "k": 0, "b": 0}
    if outcome.decision and outcome.decision.intent == "nlu_fallback" and not outcome.expect:
        state["f"] += 1
        if state["f"] >= MAX_FAILURES:
            return _to_person(call_sid, conversation, "request", "three failed turns")
    conversation.language = outcome.language
    return _render(call_sid, conversation, outcome, state, asked)


def _to_person(call_sid: str, conversation: Conversation, category: str, reason: str) -> Response:
    outcome = hand_to_person(services(), call_sid, "voice", conversation.line_id, category, reason,
                             conversation.caller)
    return _connect_after_handoff(call_sid, outcome.language)


def _event(session, handoff: Handoff, kind: str, detail: str = "") -> None:
    session.add(HandoffEvent(handoff_id=handoff.id, kind=kind, detail=detail[:200]))


def _open_handoff(session, call_sid: str) -> Handoff | None:
    return session.execute(select(Handoff).where(Handoff.conversation_id == call_sid,
                                                 Handoff.status != "closed")
                           .order_by(Handoff.id.desc())).scalars().first()


def _connect_after_handoff(call_sid: str, language: str) -> Response:
    """The caller hears the safe message, then what the coverage allows now (bot/coverage.py):
    an on-call colleague is rung, or outside coverage the service that is there (113, the
    emergency line) is dialled, or a routine caller is offered a callback."""
    svc = services()
    with svc.session() as session:
        handoff = _open_handoff(session, call_sid)
        conversation = session.get(Conversation, call_sid)
        line = svc.lines.get(conversation.line_id if conversation else None)
        voice = line.voice.get(language, "")
        if handoff is None:  # the database lost it: never leave the caller alone
            return xml(twiml.dial_fallback(safe_reply(line, language, "system"), language, voice,
                                           line.on_call[0] if line.on_call else
                                           line.safety["crisis_line_dial"]))
        cover = coverage.decide(line, handoff.category, "voice", utcnow())
        if handoff.cover and handoff.cover != cover.state:  # decided at the handoff: keep to it
            cover = coverage.Cover(handoff.cover, service=cover.service, opens_at=cover.opens_at)
        safe = safe_reply(line, language, handoff.category, "voice", cover)
        routine = handoff.category in ("request", "system")
        if routine and (cover.state == "outside" or not line.on_call):
            _event(session, handoff, "callback_offered", "outside business hours")
            return _offer_callback(handoff, line, language, [])
        if cover.state == "outside" or not line.on_call:
            dial = (line.device_emergency_dial if handoff.category == "device_safety"
                    else line.safety["crisis_line_dial"])
            # the referral itself is the handoff's "referred" event; this is the dialling
            _event(session, handoff, "dialled", "device emergency line"
                   if handoff.category == "device_safety" else "crisis line")
            return xml(twiml.dial_fallback(safe, language, voice, dial))
        _event(session, handoff, "ringing", "agent 0")
        return xml(twiml.connect([safe], language, voice, line.on_call[0],
                                 _url(f"/whisper/{handoff.token}", i=0),
                                 _url(f"/dial-result/{handoff.token}", i=0), line.twilio_number))


def _offer_callback(handoff: Handoff, line, language: str, before: list[str]) -> Response:
    action = _url(f"/callback/{handoff.token}")
    text = prompt("offer_callback", language, org_hours=line.hours_text(language))
    response = twiml.ask(before + [text], language, line.voice.get(language, ""), action, action)
    return xml(response)


def _handoff_by_token(session, token: str) -> Handoff:
    if not token.isalnum() or len(token) > 32:
        abort(404)
    handoff = session.execute(select(Handoff).where(Handoff.token == token)).scalars().first()
    if handoff is None:
        abort(404)
    return handoff


def _index() -> int:
    value = request.args.get("i", "0")
    return int(value) if value.isdigit() else 0


@blueprint.post("/whisper/<token>")
@twilio_only
def whisper(token: str):
    """The agent's leg, before it is bridged: who is calling and why; press 1 to accept."""
    svc = services()
    index = _index()
    with svc.session() as session:
        handoff = _handoff_by_token(session, token)
        conversation = session.get(Conversation, handoff.conversation_id)
        line = svc.lines.get(handoff.line_id)
        last = session.execute(select(Message.text).where(
            Message.conversation_id == handoff.conversation_id, Message.direction == "in")
            .order_by(Message.id.desc())).scalars().first()
        _event(session, handoff, "whisper", f"agent {index}")
        caller = (f"nummer eindigend op {mask_phone(conversation.caller)[1:]}"
                  if conversation.caller else "onbekend nummer")
        text = (f"Overgedragen gesprek voor {line.facts.get('org_name', line.organisation)}. "
                f"Categorie: {CATEGORY_NL.get(handoff.category, handoff.category)}. "
                f"Reden: {handoff.reason}. "
                f"Taal: {LANGUAGE_NL.get(handoff.language, handoff.language)}. "
                f"Beller: {caller}. Laatst gezegd: {last or 'niets'}. Druk 1 om aan te nemen.")
    return xml(twiml.whisper(text, _url(f"/whisper-result/{token}", i=index),
                             line.voice.get("nl", "")))


@blueprint.post("/page/<token>")
@twilio_only
def page(token: str):
    """A page call to an on-call colleague (bot/escalation.py): what waits, never what the
    caller said; they take it in the console."""
    svc = services()
    with svc.session() as session:
        handoff = _handoff_by_token(session, token)
        conversation = session.get(Conversation, handoff.conversation_id)
        line = svc.lines.get(handoff.line_id)
        _event(session, handoff, "page_call_answered")
        caller = (f"nummer eindigend op {mask_phone(conversation.caller)[1:]}"
                  if conversation.caller else f"kanaal {handoff.channel}")
        text = (f"Oproep voor {line.facts.get('org_name', line.organisation)}. "
                f"Een overdracht wacht en niemand heeft hem aangenomen. Categorie: "
                f"{CATEGORY_NL.get(handoff.category, handoff.category)}. Taal: "
                f"{LANGUAGE_NL.get(handoff.language, handoff.language)}. Beller: {caller}. "
                f"Open de console en neem overdracht {handoff.id} aan; de link staat in de sms.")
    voice = line.voice.get("nl", "")
    return xml(twiml.say_and_hang_up([text, text], "nl", voice))


@blueprint.post("/whisper-result/<token>")
@twilio_only
def whisper_result(token: str):
    index = _index()
    accepted = (request.form.get("Digits") or "").strip() == "1"
    with services().session() as session:
        handoff = _handoff_by_token(session, token)
        if accepted:
            # Only one colleague can take a handoff: the update succeeds for the first.
            won = session.execute(update(Handoff).where(Handoff.id == handoff.id,
                                                        Handoff.status == "open")
                                  .values(status="accepted", accepted_at=utcnow(),
                                          accepted_by=f"on-call {index}")).rowcount == 1
            _event(session, handoff, "accepted" if won else "accept_lost", f"agent {index}")
            if won:
                return xml(twiml.bridge())
        else:
            _event(session, handoff, "declined", f"agent {index}")
    response = VoiceResponse()
    response.hangup()
    return xml(response)


@blueprint.post("/dial-result/<token>")
@twilio_only
def dial_result(token: str):
    """The colleague's leg ended: after a conversation, or not taken → next colleague or
    fallback."""
    svc = services()
    index = _index()
    status = (request.form.get("DialCallStatus") or "no-answer")[:20]
    with svc.session() as session:
        handoff = _handoff_by_token(session, token)
        line = svc.lines.get(handoff.line_id)
        language = handoff.language
        voice = line.voice.get(language, "")
        taken = session.execute(select(HandoffEvent).where(
            HandoffEvent.handoff_id == handoff.id, HandoffEvent.kind == "accepted",
            HandoffEvent.detail == f"agent {index}")).scalars().first()
        if taken:
            _event(session, handoff, "call_ended", status)
            return xml(twiml.say_and_hang_up([], language, voice))
        _event(session, handoff, "not_taken", f"agent {index} {status}")
        following = index + 1
        if following < len(line.on_call):
            _event(session, handoff, "ringing", f"agent {following}")
            return xml(twiml.connect([prompt("trying_next", language)], language, voice,
                                     line.on_call[following],
                                     _url(f"/whisper/{token}", i=following),
                                     _url(f"/dial-result/{token}", i=following),
                                     line.twilio_number))
        values = line.slots(language)
        if handoff.category in CRISIS_CATEGORIES:
            _event(session, handoff, "fallback", "crisis line")
            return xml(twiml.dial_fallback(prompt("fallback_crisis", language, **values), language,
                                           voice, line.safety["crisis_line_dial"]))
        if handoff.category == "device_safety":
            _event(session, handoff, "fallback", "device emergency line")
            return xml(twiml.dial_fallback(prompt("fallback_device", language, **values), language,
                                           voice, line.device_emergency_dial))
        _event(session, handoff, "callback_offered", "no colleague answered")
        return _offer_callback(handoff, line, language, [])


@blueprint.post("/callback/<token>")
@twilio_only
def callback(token: str):
    svc = services()
    answer = ((request.form.get("SpeechResult") or "") + " "
              + (request.form.get("Digits") or "")).lower()
    wants = "1" in answer or any(word in answer for word in YES)
    with svc.session() as session:
        handoff = _handoff_by_token(session, token)
        conversation = session.get(Conversation, handoff.conversation_id)
        line = svc.lines.get(handoff.line_id)
        language = handoff.language
        if wants and conversation.caller:
            session.add(CallbackRequest(conversation_id=conversation.id, line_id=line.id,
                                        phone=conversation.caller, language=language))
            _event(session, handoff, "callback_requested")
            text = prompt("callback_noted", language)
        else:
            _event(session, handoff, "callback_declined")
            text = prompt("no_callback", language, org_phone=line.facts.get("org_phone", ""))
    return xml(twiml.say_and_hang_up([text], language, line.voice.get(language, "")))


@blueprint.post("/status")
@twilio_only
def status():
    """Call status callback: note the end of a call on its open handoff."""
    call_sid = request.form.get("CallSid", "")
    with services().session() as session:
        handoff = _open_handoff(session, call_sid) if call_sid.isalnum() else None
        if handoff is not None:
            _event(session, handoff, "call_status", (request.form.get("CallStatus") or "")[:20])
    return Response(status=204)

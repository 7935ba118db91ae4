"""The one road every inbound message takes, whatever its channel.

    store the message + safety screen (rules)  → flagged? handoff, safe reply, stop
    a person has the conversation?             → stored for them, the bot stays silent
    Rasa (REST channel)                        → down, slow or no action server? system handoff
    screen Rasa's parse too                    → flagged? handoff, safe reply
    store the replies

Channel adapters (JSON API, web chat, Twilio) parse their request, call
`handle_inbound`, and render the `Outcome` their own way. The road knows no
channel, so no channel can skip the screen.
"""
from __future__ import annotations

import dataclasses
import logging
import time
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from bot.road import handoff as handoffs
from bot.road.outbox import PendingTurn
from bot.road.rasa_client import RasaUnavailable
from bot.road.texts import text_for
from bot.triage import screen
from core import language as lang
from core.models import Conversation, Message, utcnow

log = logging.getLogger(__name__)

# Asking for a person is honoured when NLU is this sure; below, the bot's answer says how.
ASK_HUMAN_CONFIDENCE = 0.6


@dataclass
class Reply:
    text: str
    buttons: list = field(default_factory=list)

    def as_dict(self) -> dict:
        data = {"text": self.text}
        if self.buttons:
            data["buttons"] = self.buttons
        return data


@dataclass
class Outcome:
    conversation_id: str
    language: str
    replies: list
    handoff: dict | None = None
    decision: screen.Decision | None = None
    # What the next question asks for ({"slot", "kind", "unclear", "readback"}), from the
    # form's custom payload: the phone adapter renders its Gather by it (ivr/voice.py).
    expect: dict | None = None


@dataclass
class Turn:
    """What the road knows about the conversation while it handles one message."""
    conversation_id: str
    channel: str
    line_id: str
    language: str
    status: str
    caller: str | None
    stored: bool  # False: the database was unreachable, the turn is held in the outbox


# Handoffs an action may ask for with a custom payload {"handoff": {"category", "reason"}}:
# a caller who failed verification (request), a database the action could not reach (system).
ACTION_HANDOFF_CATEGORIES = ("request", "system")


def _expectation(answer: list[dict]) -> dict | None:
    """The last {"expect": {...}} an action sent this turn, or None."""
    found = None
    for item in answer:
        custom = item.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("expect"), dict):
            found = custom["expect"]
    return found


def _handoff_requested(answer: list[dict]) -> dict | None:
    """The first handoff an action asked for in its custom payload, or None."""
    for item in answer:
        custom = item.get("custom")
        requested = custom.get("handoff") if isinstance(custom, dict) else None
        if isinstance(requested, dict) and requested.get("category") in ACTION_HANDOFF_CATEGORIES:
            return {"category": requested["category"],
                    "reason": str(requested.get("reason") or "requested by an action")[:200]}
    return None


def _replies_from_rasa(answer: list[dict]) -> tuple[list[Reply], str | None, dict | None]:
    """Rasa's REST messages → our replies, a language the bot switched to, the NLU summary."""
    replies, switched, nlu = [], None, None
    for item in answer:
        custom = item.get("custom")
        if isinstance(custom, dict):
            if custom.get("language") in lang.SUPPORTED:
                switched = custom["language"]
            if isinstance(custom.get("nlu"), dict):
                nlu = custom["nlu"]
        if item.get("text"):
            buttons = [{"title": b.get("title", ""), "payload": b.get("payload", "")}
                       for b in item.get("buttons") or []]
            replies.append(Reply(text=item["text"], buttons=buttons))
    return replies, switched, nlu


def _out(text: str, language: str, sender: str = "bot", meta: dict | None = None) -> dict:
    return {"direction": "out", "sender": sender, "text": text, "language": language,
            "meta": meta or {}, "created_at": utcnow()}


def conversation_for(services, session, conversation_id: str, channel: str,
                     line_id: str | None, caller: str | None = None,
                     language: str | None = None) -> Conversation:
    """The stored conversation, or a new one on its line (in the line's language unless given)."""
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        line = services.lines.get(line_id)
        conversation = Conversation(id=conversation_id, channel=channel, line_id=line.id,
                                    language=language or line.default_language, status="bot",
                                    caller=caller)
        session.add(conversation)
    return conversation


def _start(services, conversation_id, text, channel, line_id, external_id, caller,
           language_hint=None):
    """Store the inbound message and screen it, in one transaction when the database is up."""
    try:
        with services.session() as session:
            conversation = conversation_for(services, session, conversation_id, channel, line_id,
                                            caller)
            if language_hint in lang.SUPPORTED:  # the visitor chose a language (web chat switch)
                conversation.language = language_hint
            language = lang.detect(text, conversation.language)
            conversation.language = language
            decision = screen.check(text, language)
            session.add(Message(conversation_id=conversation_id, direction="in", sender="user",
                                text=text, language=language, external_id=external_id,
                                meta={"screen": decision.reason} if decision.reason else {}))
            if decision.review and not conversation.review:
                conversation.review, conversation.review_reason = True, decision.reason
            turn = Turn(conversation_id, conversation.channel, conversation.line_id, language,
                        conversation.status, conversation.caller, stored=True)
            if decision.handoff:
                outcome = _hand_off_in_session(services, session, conversation, turn, decision)
                return turn, decision, outcome
        return turn, decision, None
    except SQLAlchemyError as exc:
        log.error("database unavailable conversation=%s error=%s", conversation_id,
                  type(exc).__name__)
    # Fail to a human: the database is down, so the turn waits in memory.
    line = services.lines.get(line_id)
    language = lang.detect(text, line.default_language)
    decision = screen.check(text, language)
    status = services.outbox.status_of(conversation_id) or "bot"
    turn = Turn(conversation_id, channel, line.id, language, status, caller, stored=False)
    return turn, decision, None


def _safe_outcome(services, turn: Turn, reason_category: str, reason: str,
                  risk: str | None = None):
    line = services.lines.get(turn.line_id)
    # What the caller may be promised depends on who can come now (presence, hours, on-call).
    cover = handoffs.cover_now(services, line, turn.language, reason_category, turn.channel)
    text = handoffs.safe_reply(line, turn.language, reason_category, turn.channel, cover)
    fields = handoffs.handoff_fields(turn.channel, turn.line_id, turn.language,
                                     reason_category, reason, cover, line)
    if risk:  # the screen's own level: the middle band hands off with risk medium
        fields["risk_level"] = risk
    return text, fields


def _hand_off_in_session(services, session, conversation, turn: Turn, decision) -> Outcome:
    text, fields = _safe_outcome(services, turn, decision.category, decision.reason,
                                 decision.risk)
    handoff = handoffs.open_handoff(session, conversation, fields)
    session.add(Message(conversation_id=conversation.id, **_out(text, turn.language, "system")))
    session.flush()
    turn.status = "handoff"
    services.pause_bot(turn.conversation_id)
    return Outcome(turn.conversation_id, turn.language, [Reply(text)],
                   {"id": handoff.id, "category": handoff.category, "reason": handoff.reason},
                   decision)


def _hand_off(services, turn: Turn, decision, category: str, reason: str,
              inbound: dict | None = None) -> Outcome:
    """Open a handoff in its own transaction, or hold it in memory if the database is down."""
    # The screen's risk level belongs to the screen's own category, not to a system handoff.
    risk = decision.risk if decision is not None and decision.category == category else None
    if turn.stored:
        try:
            with services.session() as session:
                conversation = session.get(Conversation, turn.conversation_id)
                flagged = screen.Decision(True, category, reason, turn.language,
                                          decision.review if decision else False,
                                          decision.intent if decision else None,
                                          decision.confidence if decision else None,
                                          risk, decision.layers if decision else {})
                return _hand_off_in_session(services, session, conversation, turn, flagged)
        except SQLAlchemyError:
            turn.stored = False
    text, fields = _safe_outcome(services, turn, category, reason, risk)
    services.outbox.add(PendingTurn(
        conversation={"id": turn.conversation_id, "channel": turn.channel,
                      "line_id": turn.line_id, "language": turn.language, "caller": turn.caller},
        messages=([inbound] if inbound else []) + [_out(text, turn.language, "system")],
        handoff=fields))
    services.pause_bot(turn.conversation_id)
    return Outcome(turn.conversation_id, turn.language, [Reply(text)],
                   {"id": None, "category": category, "reason": fields["reason"]}, decision)


def handle_inbound(services, conversation_id: str, text: str, channel: str,
                   line_id: str | None = None, external_id: str | None = None,
                   caller: str | None = None, language_hint: str | None = None) -> Outcome:
    started = time.perf_counter()
    services.outbox.flush(services.session)
    turn, decision, outcome = _start(services, conversation_id, text, channel, line_id,
                                     external_id, caller, language_hint)
    inbound = {"direction": "in", "sender": "user", "text": text, "language": turn.language,
               "external_id": external_id, "meta": {}, "created_at": utcnow()}

    if outcome is None and decision.handoff:  # flagged while the database is down
        outcome = _hand_off(services, turn, decision, decision.category, decision.reason, inbound)
    elif outcome is None and turn.status == "handoff":
        # A person has this conversation: the message is stored for them, the bot stays silent.
        if not turn.stored:
            services.outbox.add(PendingTurn(conversation={"id": conversation_id, "channel": channel,
                                                          "line_id": turn.line_id,
                                                          "language": turn.language,
                                                          "caller": caller},
                                            messages=[inbound]))
        outcome = Outcome(conversation_id, turn.language, [], None, decision)
    elif outcome is None and not turn.stored:
        outcome = _hand_off(services, turn, decision, "system", "database unavailable", inbound)
    elif outcome is None:
        outcome = _ask_rasa(services, turn, text, decision)

    log.info("turn conversation=%s channel=%s line=%s lang=%s intent=%s handoff=%s "
             "replies=%d ms=%.1f", conversation_id, channel, turn.line_id, outcome.language,
             outcome.decision.intent if outcome.decision else None,
             (outcome.handoff or {}).get("category"), len(outcome.replies),
             (time.perf_counter() - started) * 1000)
    return outcome


def _ask_rasa(services, turn: Turn, text: str, rules_decision) -> Outcome:
    metadata = {"channel": turn.channel, "language": turn.language, "line": turn.line_id}
    if turn.caller:  # E.164 number of a phone/SMS caller: the actions look the caller up by it
        metadata["caller"] = turn.caller
    try:
        answer = services.rasa.send(turn.conversation_id, text, metadata)
    except RasaUnavailable as exc:
        log.warning("rasa unavailable conversation=%s error=%s", turn.conversation_id, exc)
        return _hand_off(services, turn, rules_decision, "system", f"rasa unavailable ({exc})")

    replies, switched, nlu = _replies_from_rasa(answer)
    if nlu is None:
        # action_validate_slot_mappings runs on every turn; without its summary the action
        # server is down.
        return _hand_off(services, turn, rules_decision, "system", "action server unavailable")

    decision = screen.combine(rules_decision, nlu)
    if decision.handoff:
        return _hand_off(services, turn, decision, decision.category, decision.reason)
    if (nlu.get("intent") == "ask_human"
            and float(nlu.get("confidence") or 0) >= ASK_HUMAN_CONFIDENCE):
        return _hand_off(services, turn, decision, "request",
                         f"intent:ask_human {float(nlu['confidence']):.2f}")
    requested = _handoff_requested(answer)
    if requested:  # verification failed three times, or an action could not reach the database
        return _hand_off(services, turn, decision, requested["category"], requested["reason"])

    language = switched or turn.language
    if str(nlu.get("intent") or "").startswith("safety_"):
        # A safety intent below the threshold: no handoff, but the bot's safety response
        # would promise a person. Say nothing untrue; a person looks at it (review).
        replies = []
        if not decision.review:
            decision = dataclasses.replace(decision, review=True, reason=decision.reason or (
                f"intent:{nlu['intent']} {float(nlu.get('confidence') or 0):.2f} below threshold"))
    if not replies:
        replies = [Reply(text_for("no_answer", language))]
    try:
        with services.session() as session:
            conversation = session.get(Conversation, turn.conversation_id)
            conversation.language = language
            if decision.review and not conversation.review:
                conversation.review, conversation.review_reason = True, decision.reason
            for index, reply in enumerate(replies):
                meta = {"buttons": reply.buttons} if reply.buttons else {}
                if index == 0 and nlu.get("intent"):  # for the supervisor's top-intents chart
                    meta["intent"] = nlu["intent"]
                session.add(Message(conversation_id=turn.conversation_id,
                                    **_out(reply.text, language, "bot", meta)))
    except SQLAlchemyError:
        return _hand_off(services, turn, decision, "system", "database unavailable")
    return Outcome(turn.conversation_id, language, replies, None, decision, _expectation(answer))


def hand_to_person(services, conversation_id: str, channel: str, line_id: str | None,
                   category: str, reason: str, caller: str | None = None) -> Outcome:
    """Hand a conversation to a person without a message to screen (a key pressed, failures)."""
    try:
        with services.session() as session:
            conversation = conversation_for(services, session, conversation_id, channel, line_id,
                                            caller)
            session.flush()
            turn = Turn(conversation_id, conversation.channel, conversation.line_id,
                        conversation.language, conversation.status, conversation.caller, True)
    except SQLAlchemyError:
        line = services.lines.get(line_id)
        turn = Turn(conversation_id, channel, line.id, line.default_language, "bot", caller, False)
    return _hand_off(services, turn, None, category, reason)

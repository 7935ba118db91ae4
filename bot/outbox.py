"""Writes held back while the database is down, written as soon as it is back.

A caller in crisis must get a person even when the database fails, and the
record of that handoff must not be lost: the road keeps such turns here and
every later request (and a background timer) tries to write them.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from bot.models import Conversation, Handoff, Message

log = logging.getLogger(__name__)


@dataclass
class PendingTurn:
    conversation: dict  # id, channel, line_id, language, caller
    messages: list = field(default_factory=list)  # Message keyword arguments
    handoff: dict | None = None  # Handoff keyword arguments


class Outbox:
    def __init__(self):
        self._pending: list[PendingTurn] = []
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._pending)

    def add(self, turn: PendingTurn) -> None:
        with self._lock:
            self._pending.append(turn)
        log.warning("database unavailable: turn kept in memory conversation=%s pending=%d",
                    turn.conversation["id"], len(self._pending))

    def status_of(self, conversation_id: str) -> str | None:
        """'handoff' if a held-back turn handed this conversation to a person."""
        with self._lock:
            if any(t.conversation["id"] == conversation_id and t.handoff for t in self._pending):
                return "handoff"
        return None

    def flush(self, session_scope) -> int:
        """Write every held-back turn; returns how many were written."""
        if not self._pending:
            return 0
        with self._lock:
            pending, self._pending = self._pending, []
        written = 0
        for index, turn in enumerate(pending):
            try:
                with session_scope() as session:
                    _write(session, turn)
                written += 1
            except SQLAlchemyError:
                with self._lock:
                    self._pending[:0] = pending[index:]
                break
        if written:
            log.info("database back: wrote %d held-back turns", written)
        return written


def _write(session, turn: PendingTurn) -> None:
    conversation = session.get(Conversation, turn.conversation["id"])
    if conversation is None:
        conversation = Conversation(**turn.conversation, status="bot")
        session.add(conversation)
    for message in turn.messages:
        session.add(Message(conversation_id=conversation.id, **message))
    if turn.handoff:
        conversation.status = "handoff"
        session.add(Handoff(conversation_id=conversation.id, **turn.handoff))

"""Turns held back while the database is down: on disk before the reply, written once it is back.

A caller in crisis must get a person even when the database fails, and the record of
that handoff must not be lost, not even when the gateway is killed before the
database returns. So a turn that cannot be written becomes one small JSON file in a
spool folder beside the database (`<database file>.spool/` for SQLite, otherwise
`var/spool/<hash of the URL>/`), written to a temporary name, fsynced and renamed, all
before the caller hears the reply. Every later request, a timer thread in each
gateway process and every start-up write the files to the database in the order they
were spooled, and delete each once its transaction has committed.

Exactly once: each spooled message carries an `external_id` (its own, such as a
Twilio MessageSid, or `spool-<id>-<n>`), unique per conversation in the database. A
file whose first message is already stored (a process died between commit and
delete, or two processes flushed the same file) is deleted without writing it again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.road.handoff import open_handoff
from core.models import Conversation, Message

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent.parent
FLUSH_EVERY_S = 5.0
_DATES = ("created_at",)


@dataclass
class PendingTurn:
    conversation: dict  # id, channel, line_id, language, caller
    messages: list = field(default_factory=list)  # Message keyword arguments
    handoff: dict | None = None  # Handoff keyword arguments
    id: str = field(default_factory=lambda: uuid.uuid4().hex)


def spool_dir_for(database_url: str) -> Path:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database + ".spool")
    digest = hashlib.sha256(database_url.encode()).hexdigest()[:16]
    return ROOT / "var" / "spool" / digest


def _encode(value):
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    raise TypeError(f"cannot spool {type(value).__name__}")


def _decode(mapping: dict) -> dict:
    return {key: datetime.fromisoformat(value["$datetime"])
            if isinstance(value, dict) and "$datetime" in value else value
            for key, value in mapping.items()}


class Outbox:
    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._timer: threading.Thread | None = None
        self._memory: list[PendingTurn] = []  # only when the spool itself cannot be written

    def _files(self) -> list[Path]:
        try:
            return sorted(self.directory.glob("*.json"))
        except OSError:
            return []

    def __len__(self) -> int:
        return len(self._files()) + len(self._memory)

    def add(self, turn: PendingTurn) -> None:
        """Put the turn on disk (fsynced) before the caller gets the reply."""
        for index, message in enumerate(turn.messages):
            if not message.get("external_id"):
                message["external_id"] = f"spool-{turn.id}-{index}"
        try:
            self._spool(turn)
        except OSError as exc:  # a full or read-only disk must not cost the caller the reply
            log.critical("spool not writable (%s): turn kept in memory only conversation=%s",
                         type(exc).__name__, turn.conversation["id"])
            with self._lock:
                self._memory.append(turn)
            return
        log.warning("database unavailable: turn spooled to disk conversation=%s pending=%d",
                    turn.conversation["id"], len(self))

    def _spool(self, turn: PendingTurn) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns():020d}-{turn.id}"
        tmp = self.directory / f"{name}.tmp"
        data = json.dumps(asdict(turn), default=_encode, ensure_ascii=False).encode()
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.directory / f"{name}.json")
        directory = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)

    def _load(self, path: Path) -> PendingTurn | None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None  # another process wrote and removed it meanwhile
        return PendingTurn(conversation=raw["conversation"],
                           messages=[_decode(m) for m in raw["messages"]],
                           handoff=_decode(raw["handoff"]) if raw.get("handoff") else None,
                           id=raw["id"])

    def status_of(self, conversation_id: str) -> str | None:
        """'handoff' if a spooled turn handed this conversation to a person."""
        turns = [self._load(path) for path in self._files()] + list(self._memory)
        if any(t and t.conversation["id"] == conversation_id and t.handoff for t in turns):
            return "handoff"
        return None

    def flush(self, session_scope) -> int:
        """Write every spooled turn in order; returns how many were written now."""
        if not self._memory and not self._files():
            return 0
        written = 0
        with self._lock:
            while self._memory:
                try:
                    with session_scope() as session:
                        written += _write(session, self._memory[0])
                except IntegrityError:
                    pass
                except SQLAlchemyError:
                    return written
                self._memory.pop(0)
            for path in self._files():
                turn = self._load(path)
                if turn is None:
                    continue
                try:
                    with session_scope() as session:
                        fresh = _write(session, turn)
                except IntegrityError:
                    fresh = False  # written by another process at the same moment
                except SQLAlchemyError:
                    break  # still down: try again later, in the same order
                path.unlink(missing_ok=True)
                written += fresh
        if written:
            log.info("database back: wrote %d spooled turns", written)
        return written

    def start_timer(self, session_scope, every: float = FLUSH_EVERY_S) -> None:
        """Flush in the background too, so a quiet line does not wait for its next caller."""
        if self._timer is not None:
            return

        def loop():
            while True:
                time.sleep(every)
                try:
                    self.flush(session_scope)
                except Exception:  # never let the timer die; the next request flushes too
                    log.exception("spool flush failed")

        self._timer = threading.Thread(target=loop, name="spool-flush", daemon=True)
        self._timer.start()


def _write(session, turn: PendingTurn) -> bool:
    """Write one spooled turn; False when it was already written."""
    first = turn.messages[0]["external_id"] if turn.messages else None
    if first and session.execute(select(Message.id).where(
            Message.conversation_id == turn.conversation["id"],
            Message.external_id == first)).first():
        return False
    conversation = session.get(Conversation, turn.conversation["id"])
    if conversation is None:
        conversation = Conversation(**turn.conversation, status="bot")
        session.add(conversation)
    for message in turn.messages:
        session.add(Message(conversation_id=conversation.id, **message))
    if turn.handoff:
        # The same function as a live handoff: no duplicate for an open one, the vigilance
        # record of a device emergency, whatever else opening a handoff starts.
        session.flush()
        open_handoff(session, conversation, dict(turn.handoff))
    return True

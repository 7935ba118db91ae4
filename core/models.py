"""What the gateway stores: conversations, their messages, and change requests."""
from __future__ import annotations

import uuid

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import relationship

# The back-office tables share Base (core/base.py): imported here so that Base.metadata (and
# with it Alembic) always sees every table.
import core.records  # noqa: F401
from core.base import Base, utcnow


class Conversation(Base):
    __tablename__ = "conversations"

    id = Column(String(128), primary_key=True)
    channel = Column(String(16), nullable=False)  # web | api | sms | voice
    line_id = Column(String(32), nullable=False)
    language = Column(String(2), nullable=False, default="nl")
    # bot: the assistant answers; handoff: a person has (or is getting) the conversation
    status = Column(String(16), nullable=False, default="bot")
    # A signal that did not hand off (e.g. negated: "ik ben niet suïcidaal") still asks
    # a person to look: never silently dropped.
    review = Column(Boolean, nullable=False, default=False)
    review_reason = Column(String(200))
    caller = Column(String(32))  # who the caller is, if known (E.164 number for phone/SMS)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)

    messages = relationship("Message", back_populates="conversation",
                            order_by="Message.id", cascade="all, delete-orphan")
    handoffs = relationship("Handoff", back_populates="conversation",
                            order_by="Handoff.id", cascade="all, delete-orphan")


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("conversation_id", "external_id", name="uq_message_external"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), ForeignKey("conversations.id", ondelete="CASCADE"),
                             nullable=False, index=True)
    direction = Column(String(3), nullable=False)  # in | out
    sender = Column(String(8), nullable=False)  # user | bot | agent | system
    text = Column(Text, nullable=False)
    language = Column(String(2))
    # channel-specific extras: buttons, the channel's own message id, ...
    meta = Column(JSON, nullable=False, default=dict)
    external_id = Column(String(64), index=True)  # e.g. Twilio's MessageSid, for idempotent retries
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    conversation = relationship("Conversation", back_populates="messages")


class ChangeRequest(Base):
    """A change a caller asked for (new amount, address, ...), waiting for staff."""
    __tablename__ = "change_requests"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    kind = Column(String(32), nullable=False)  # gift | frequency | address
    details = Column(JSON, nullable=False, default=dict)
    status = Column(String(16), nullable=False, default="pending")
    verified = Column(Boolean, nullable=False, default=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class Handoff(Base):
    """A conversation handed to a person: why, how urgent, and what happened since."""
    __tablename__ = "handoffs"

    id = Column(Integer, primary_key=True, autoincrement=True)
    # Opaque id for URLs (Twilio callbacks): never a phone number or a name.
    token = Column(String(32), nullable=False, unique=True, default=lambda: uuid.uuid4().hex)
    conversation_id = Column(String(128), ForeignKey("conversations.id", ondelete="CASCADE"),
                             nullable=False, index=True)
    channel = Column(String(16), nullable=False)
    line_id = Column(String(32), nullable=False)
    language = Column(String(2), nullable=False)
    # crisis | end_of_life_request | device_safety | system | request (asked for a person)
    category = Column(String(32), nullable=False)
    reason = Column(String(200), nullable=False)  # the rule or intent (+ confidence) that fired
    risk_level = Column(String(8), nullable=False)  # high | medium | low
    # open | accepted | closed
    status = Column(String(16), nullable=False, default="open", index=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    accepted_at = Column(DateTime(timezone=True))
    accepted_by = Column(String(64))
    closed_at = Column(DateTime(timezone=True))
    outcome = Column(String(200))
    # What the caller was told at the handoff, from who could come then (bot.coverage):
    # available | paging | queued | outside
    cover = Column(String(16))
    referred_to = Column(String(32))  # outside coverage: 113 | emergency line | callback
    # Escalation (bot.escalation): the next level and when it is due; a worker claims a level
    # with a conditional update on escalation_level, so each level happens once.
    escalation_level = Column(Integer, nullable=False, default=0, server_default="0")
    escalation_due_at = Column(DateTime(timezone=True), index=True)

    conversation = relationship("Conversation", back_populates="handoffs")
    events = relationship("HandoffEvent", back_populates="handoff", order_by="HandoffEvent.id",
                          cascade="all, delete-orphan")


class HandoffEvent(Base):
    """One step of a handoff: an agent rung, accepted, declined, a fallback dialled, ..."""
    __tablename__ = "handoff_events"

    id = Column(Integer, primary_key=True, autoincrement=True)
    handoff_id = Column(Integer, ForeignKey("handoffs.id", ondelete="CASCADE"), nullable=False,
                        index=True)
    kind = Column(String(32), nullable=False)
    detail = Column(String(200))  # opaque: agent index, status; never caller data
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    handoff = relationship("Handoff", back_populates="events")


class CallbackRequest(Base):
    """A routine caller outside business hours who wants to be called back."""
    __tablename__ = "callback_requests"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    line_id = Column(String(32), nullable=False)
    phone = Column(String(32), nullable=False)
    language = Column(String(2), nullable=False)
    status = Column(String(16), nullable=False, default="open")
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class SmsSuppression(Base):
    """Numbers that sent STOP to a line: nothing is sent to them until they send START."""
    __tablename__ = "sms_suppressions"
    __table_args__ = (UniqueConstraint("phone", "line_id", name="uq_suppression"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    phone = Column(String(32), nullable=False)
    line_id = Column(String(32), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class Agent(Base):
    """A person who takes handoffs in the console. Passwords are argon2 hashes only."""
    __tablename__ = "agents"

    id = Column(Integer, primary_key=True, autoincrement=True)
    username = Column(String(64), nullable=False, unique=True)
    password_hash = Column(String(200), nullable=False)
    role = Column(String(16), nullable=False, default="agent")  # agent | supervisor
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    last_login_at = Column(DateTime(timezone=True))
    # Presence (bot.presence): the status the agent chose, and the open console's last heartbeat.
    status = Column(String(16), nullable=False, default="away", server_default="away")
    last_seen_at = Column(DateTime(timezone=True))
    # Lines and languages this person serves; empty means all.
    lines = Column(JSON, nullable=False, default=list)
    languages = Column(JSON, nullable=False, default=list)
    phone = Column(String(32))  # E.164, for pages (SMS); never shown to callers
    # Part of every console session (and remember-me cookie) of this agent; logging out
    # bumps it, so a copied cookie of an ended session is refused (bot.console.auth.load_user).
    session_generation = Column(Integer, nullable=False, default=0, server_default="0")


class HandoffNote(Base):
    """An agent's internal note on a handoff: never shown to the caller."""
    __tablename__ = "handoff_notes"

    id = Column(Integer, primary_key=True, autoincrement=True)
    handoff_id = Column(Integer, ForeignKey("handoffs.id", ondelete="CASCADE"), nullable=False,
                        index=True)
    author = Column(String(64), nullable=False)
    text = Column(Text, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

"""What the gateway stores: conversations, their messages, and change requests."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (JSON, Boolean, Column, DateTime, ForeignKey, Integer, String,
                        Text, UniqueConstraint)
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Conversation(Base):
    __tablename__ = "conversations"

    id = Column(String(128), primary_key=True)
    channel = Column(String(16), nullable=False)  # web | api | sms | voice
    line_id = Column(String(32), nullable=False)
    language = Column(String(2), nullable=False, default="nl")
    # bot: the assistant answers; handoff: a person has (or is getting) the conversation
    status = Column(String(16), nullable=False, default="bot")
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)

    messages = relationship("Message", back_populates="conversation",
                            order_by="Message.id", cascade="all, delete-orphan")


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("conversation_id", "external_id", name="uq_message_external"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), ForeignKey("conversations.id", ondelete="CASCADE"),
                             nullable=False, index=True)
    direction = Column(String(3), nullable=False)  # in | out
    sender = Column(String(8), nullable=False)  # user | bot | agent | system
    text = Column(Text, nullable=False)
    language = Column(String(2))
    # channel-specific extras: buttons, the channel's own message id, ...
    meta = Column(JSON, nullable=False, default=dict)
    external_id = Column(String(64))  # e.g. Twilio's MessageSid, for idempotent retries
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

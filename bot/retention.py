"""Transcripts are kept only as long as configured (TRANSCRIPT_RETENTION_DAYS).

After that a conversation keeps its bare facts (channel, line, times, handoff category
and times, for the statistics) but loses its messages, agent notes and the caller's
number. A conversation with a handoff that is not closed is never purged. Vigilance
complaints are regulatory records with their own retention and are not touched.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update

from core.models import Conversation, Handoff, HandoffNote, Message, utcnow


def purge(services, days: int | None = None, dry_run: bool = False) -> dict:
    days = services.config.transcript_retention_days if days is None else days
    cutoff = utcnow() - timedelta(days=days)
    with services.session() as session:
        still_open = select(Handoff.conversation_id).where(Handoff.status != "closed")
        old = select(Conversation.id).where(Conversation.updated_at < cutoff,
                                            Conversation.id.not_in(still_open))
        ids = session.execute(old).scalars().all()
        counts = {"conversations": len(ids), "messages": 0, "notes": 0,
                  "cutoff": cutoff.isoformat()}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            handoff_ids = select(Handoff.id).where(Handoff.conversation_id.in_(chunk))
            if dry_run:
                counts["messages"] += len(session.execute(
                    select(Message.id).where(Message.conversation_id.in_(chunk))).all())
                counts["notes"] += len(session.execute(
                    select(HandoffNote.id).where(HandoffNote.handoff_id.in_(handoff_ids))).all())
                continue
            counts["messages"] += session.execute(
                delete(Message).where(Message.conversation_id.in_(chunk))
                .execution_options(synchronize_session=False)).rowcount
            counts["notes"] += session.execute(
                delete(HandoffNote).where(HandoffNote.handoff_id.in_(handoff_ids))
                .execution_options(synchronize_session=False)).rowcount
            session.execute(update(Conversation).where(Conversation.id.in_(chunk))
                            .values(caller=None, review_reason=None)
                            .execution_options(synchronize_session=False))
        if dry_run:
            session.rollback()
    return counts

"""Who is at the console now: the status an agent chose and the open console's heartbeat.

An agent is available only while they said so *and* their console is open: the page sends a
heartbeat, and without one for HEARTBEAT_TIMEOUT the agent counts as away, whatever the
stored status says. Each agent serves some lines and languages (empty: all of them).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from core.models import Agent, utcnow
from core.vocabulary import aware

STATUSES = ("available", "busy", "away")
HEARTBEAT_TIMEOUT = timedelta(seconds=60)


def effective_status(agent: Agent, now: datetime) -> str:
    seen = aware(agent.last_seen_at)
    if not agent.active or seen is None or now - seen > HEARTBEAT_TIMEOUT:
        return "away"
    return agent.status if agent.status in STATUSES else "away"


def serves(agent: Agent, line_id: str, language: str | None = None) -> bool:
    lines, languages = agent.lines or [], agent.languages or []
    return (not lines or line_id in lines) and (
        language is None or not languages or language in languages)


def set_status(services, agent_id: int, status: str, now: datetime | None = None) -> str:
    """The agent chose a status in the console; choosing is also a sign of life."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    now = now or utcnow()
    with services.session() as session:
        agent = session.get(Agent, agent_id)
        agent.status, agent.last_seen_at = status, now
        return effective_status(agent, now)


def heartbeat(services, agent_id: int, now: datetime | None = None) -> str:
    now = now or utcnow()
    with services.session() as session:
        agent = session.get(Agent, agent_id)
        agent.last_seen_at = now
        return effective_status(agent, now)


def available(session, line_id: str, language: str, now: datetime | None = None) -> list[str]:
    """Usernames of agents who can take a handoff on this line in this language right now."""
    now = now or utcnow()
    since = now - HEARTBEAT_TIMEOUT
    agents = session.execute(select(Agent).where(
        Agent.active.is_(True), Agent.status == "available",
        Agent.last_seen_at >= since)).scalars().all()
    return sorted(a.username for a in agents
                  if effective_status(a, now) == "available" and serves(a, line_id, language))


def roster(services, now: datetime | None = None) -> list[dict]:
    """Everyone with a console open (not away), for the queue header."""
    now = now or utcnow()
    with services.session() as session:
        agents = session.execute(select(Agent).where(Agent.active.is_(True))
                                 .order_by(Agent.username)).scalars().all()
        return [{"username": a.username, "role": a.role, "status": effective_status(a, now),
                 "lines": list(a.lines or []), "languages": list(a.languages or [])}
                for a in agents if effective_status(a, now) != "away"]


def status_of(services, agent_id: int, now: datetime | None = None) -> str:
    with services.session() as session:
        agent = session.get(Agent, agent_id)
        return effective_status(agent, now or utcnow()) if agent else "away"

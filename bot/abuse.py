"""Abuse limits on the public chat API, per client address, in the limiter's storage
(memory per process; Redis in scale mode, shared by every replica).

Over the limit a message gets 429, except a message the safety screen flags: that one
still gets the safe message, and the first such message of a client in CRISIS_WINDOW
also opens a handoff, so nobody in danger is turned away and nobody can open a stream
of crisis handoffs.
"""
from __future__ import annotations

from flask_limiter.util import get_remote_address
from limits import parse, parse_many

from bot.console.auth import limiter
from bot.services import services

CRISIS_WINDOW = "1 per 10 minutes"


def _hit(limit: str, scope: str) -> bool:
    """Count one request against `limit`; False when it is over."""
    client = get_remote_address() or "unknown"
    return all([limiter.limiter.hit(item, scope, client) for item in parse_many(limit)])


def over_chat_limit() -> bool:
    return not _hit(services().config.chat_rate_limit, "chat-messages")


def crisis_handoff_allowed() -> bool:
    client = get_remote_address() or "unknown"
    return limiter.limiter.hit(parse(CRISIS_WINDOW), "chat-crisis", client)

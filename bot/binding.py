"""A web or API conversation belongs to the client that started it.

The conversation id alone is no credential. The first reply of a conversation carries a
`conversation_token` (an HMAC of the id under the gateway's SECRET_KEY); every later
request for that conversation must show it, in the `X-Conversation-Token` header or
the body's `conversation_token`. A browser on the chat page, or any client that keeps
cookies, is also recognised by the signed session cookie the first reply sets. Ids of
other channels (an SMS conversation, a call) are never reachable here, and a client
that chooses its own id must choose a random one of at least 32 characters.

Behind a load balancer every replica must share SECRET_KEY (a deployment sets it; each
process otherwise makes its own, and tokens then do not survive a restart).
"""
from __future__ import annotations

import hashlib
import hmac
import re

from flask import current_app, request, session

# A client-chosen id: long and random enough to be unguessable (>= 128 bits as hex).
CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{32,128}\Z")
OWN_CHANNELS = ("api", "web")
_SESSION_KEY = "conversations"
_REMEMBERED = 50  # ids one cookie remembers (oldest dropped)


def token_for(conversation_id: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, b"conversation:" + conversation_id.encode(), hashlib.sha256).hexdigest()


def presented_token(body: dict | None = None) -> str:
    token = request.headers.get("X-Conversation-Token") or ""
    if not token and isinstance(body, dict) and isinstance(body.get("conversation_token"), str):
        token = body["conversation_token"]
    return token


def holds(conversation_id: str, body: dict | None = None) -> bool:
    """Does this request come from the client the conversation belongs to?"""
    token = presented_token(body)
    # as bytes: compare_digest refuses str with non-ASCII characters (a TypeError, a 500);
    # surrogatepass: a JSON body may carry a lone surrogate
    if token and hmac.compare_digest(token.encode("utf-8", "surrogatepass"),
                                     token_for(conversation_id).encode()):
        return True
    return conversation_id in (session.get(_SESSION_KEY) or [])


def bind(conversation_id: str) -> str:
    """Remember the conversation for this client (cookie) and return its token."""
    known = [c for c in (session.get(_SESSION_KEY) or []) if c != conversation_id]
    session[_SESSION_KEY] = (known + [conversation_id])[-_REMEMBERED:]
    return token_for(conversation_id)

"""Only Twilio may call the Twilio routes: `X-Twilio-Signature` or 403.

Twilio signs the URL it called plus the POST parameters. Behind a TLS-
terminating proxy the URL Flask sees (http://10.0.0.5:5000/...) is not the one
Twilio called (https://bot.example.org/...), so the URL is rebuilt from the
configured PUBLIC_BASE_URL plus the raw path and query string.
"""
from __future__ import annotations

import functools
import logging

from flask import abort, request
from twilio.request_validator import RequestValidator

from bot.services import services

log = logging.getLogger(__name__)


def public_url() -> str:
    base = services().config.public_base_url.rstrip("/")
    query = request.query_string.decode("latin-1")
    return f"{base}{request.path}" + (f"?{query}" if query else "")


def is_valid() -> bool:
    token = services().config.twilio_auth_token
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature:
        return False
    params = request.form.to_dict(flat=True) if request.method == "POST" else {}
    return RequestValidator(token).validate(public_url(), params, signature)


def twilio_only(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not is_valid():
            log.warning("twilio signature refused path=%s", request.path)
            abort(403)
        return view(*args, **kwargs)
    return wrapper

"""HTTP security headers (flask-talisman): Content-Security-Policy, frame protection, HSTS.

- Every page allows only its own origin: scripts, styles, fetches, images and forms come
  from the gateway itself; no inline script runs (the console and the chat start from
  script files; the chat's settings are a JSON data block, which is not executed).
- Nothing may frame the console or the chat (frame-ancestors 'none', X-Frame-Options DENY),
  except `/chat?embed=1`, which the widget opens in an iframe on the organisations' own
  sites: that page may be framed by the origins in WIDGET_ORIGINS ('*': any site) and by
  the gateway itself, and carries no X-Frame-Options (that header cannot list origins).
- Strict-Transport-Security only when PUBLIC_BASE_URL is https. Nothing is redirected to
  https: on a laptop (http://127.0.0.1) the gateway stays plain http, and behind a TLS proxy
  the proxy does the redirect.
- Twilio's webhooks answer TwiML (XML) as before: these headers do not change a body.
"""
from __future__ import annotations

import logging
import re

from flask import request
from flask_talisman import Talisman

log = logging.getLogger(__name__)

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
}
HSTS_MAX_AGE = 365 * 24 * 3600
# what an origin in WIDGET_ORIGINS may look like (nothing that could end or extend the policy)
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?\Z")

def policy(frame_ancestors: str = "'none'") -> str:
    return "; ".join(f"{k} {frame_ancestors if k == 'frame-ancestors' else v}"
                     for k, v in CSP.items())


def widget_frame_ancestors(widget_origins: str) -> str:
    """frame-ancestors of the embeddable chat, from WIDGET_ORIGINS (comma-separated)."""
    allowed = [o.strip().rstrip("/") for o in (widget_origins or "").split(",") if o.strip()]
    if "*" in allowed:
        return "*"
    good = [o for o in allowed if _ORIGIN.match(o)]
    for bad in set(allowed) - set(good):
        log.warning("WIDGET_ORIGINS entry ignored (not an origin like https://example.org): %r",
                    bad)
    return " ".join(["'self'", *good])


def init_app(app, services) -> None:
    cfg = services.config
    https = cfg.public_base_url.startswith("https://")
    embed_policy = policy(widget_frame_ancestors(cfg.widget_origins))
    hsts = f"max-age={HSTS_MAX_AGE}; includeSubDomains"

    # Registered before Talisman's own hook, so it runs after it (Flask runs after_request
    # hooks last-registered first) and can adjust what Talisman set.
    @app.after_request
    def adjust(response):
        if request.endpoint == "webchat.chat_page" and request.args.get("embed") == "1":
            response.headers["Content-Security-Policy"] = embed_policy
            response.headers.pop("X-Frame-Options", None)
        if https:
            response.headers["Strict-Transport-Security"] = hsts
        else:
            response.headers.pop("Strict-Transport-Security", None)
        return response

    # one Talisman per app: it keeps the app and its options on itself
    app.extensions["talisman"] = Talisman(
        app,
        force_https=False,  # no redirect: a laptop runs on http://127.0.0.1
        strict_transport_security=False,  # set above, from PUBLIC_BASE_URL (also behind a proxy)
        content_security_policy=CSP,
        frame_options="DENY",
        referrer_policy="same-origin",
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()",
                            "payment": "()", "usb": "()", "browsing-topics": "()"},
        # the cookie settings bot.console.auth chose (Secure only when served over https)
        session_cookie_secure=https,
        session_cookie_http_only=True,
        session_cookie_samesite="Lax",
    )

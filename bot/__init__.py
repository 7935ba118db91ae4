"""The gateway: a Flask app that owns every channel and talks to Rasa over HTTP.

`flask --app bot run` finds `create_app` here.
"""
from __future__ import annotations

import logging
import secrets

from flask import Flask

from bot.services import Services
from core.config import Config


def create_app(config: Config | dict | None = None) -> Flask:
    cfg = config if isinstance(config, Config) else Config.from_mapping(config)
    app = Flask(__name__)
    # Without a configured key each process gets a random one (sessions then do not
    # survive a restart, which is the safe default for a laptop run).
    app.config["SECRET_KEY"] = cfg.secret_key or secrets.token_hex(32)
    app.config["TESTING"] = cfg.testing
    app.config["MAX_CONTENT_LENGTH"] = 256 * 1024
    app.json.ensure_ascii = False
    app.extensions["assistant"] = services = Services.build(cfg)
    # Turns spooled while the database was down (also by a process that was killed since)
    # are written now, and by a timer from here on.
    services.outbox.flush(services.session)
    services.outbox.start_timer(services.session)

    from bot import cli, health, metrics
    from bot.console import agent_views, auth
    from bot.web import api, webchat
    app.register_blueprint(api.blueprint)
    app.register_blueprint(health.blueprint)
    app.register_blueprint(metrics.blueprint)  # GET /metrics (Prometheus)
    app.register_blueprint(webchat.blueprint)
    app.register_blueprint(agent_views.blueprint)
    app.after_request(webchat.allow_widget_origins)
    auth.init_app(app, app.extensions["assistant"])
    from bot import security  # CSP, frame-ancestors, HSTS on https (flask-talisman)
    security.init_app(app, app.extensions["assistant"])
    cli.register(app)

    import ivr  # Twilio channels: adapters around the same road
    ivr.register(app)
    # CSRF protects the logged-in console; the public chat API (no cookies) and Twilio's
    # webhooks (signed) are not form posts from a session.
    for name in ("api", "webchat", *ivr.BLUEPRINTS):
        auth.csrf.exempt(app.blueprints[name])

    if not app.debug and not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s %(message)s")
    return app

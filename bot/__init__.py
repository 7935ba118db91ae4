"""The gateway: a Flask app that owns every channel and talks to Rasa over HTTP.

`flask --app bot run` finds `create_app` here.
"""
from __future__ import annotations

import logging
import secrets

from flask import Flask

from bot.config import Config
from bot.services import Services


def create_app(config: Config | dict | None = None) -> Flask:
    cfg = config if isinstance(config, Config) else Config.from_mapping(config)
    app = Flask(__name__)
    # Without a configured key each process gets a random one (sessions then do not
    # survive a restart, which is the safe default for a laptop run).
    app.config["SECRET_KEY"] = cfg.secret_key or secrets.token_hex(32)
    app.config["TESTING"] = cfg.testing
    app.config["MAX_CONTENT_LENGTH"] = 256 * 1024
    app.json.ensure_ascii = False
    app.extensions["assistant"] = Services.build(cfg)

    from bot import api, cli, health
    app.register_blueprint(api.blueprint)
    app.register_blueprint(health.blueprint)
    cli.register(app)

    import ivr  # Twilio channels: adapters around the same road
    ivr.register(app)

    if not app.debug and not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s %(message)s")
    return app

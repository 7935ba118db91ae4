"""What a request needs, built once per app: config, lines, database, Rasa client."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from bot import lines as lines_mod
from bot.config import Config
from bot.db import session_scope
from bot.rasa_client import RasaClient


@dataclass
class Services:
    config: Config
    lines: lines_mod.Lines
    rasa: RasaClient

    @classmethod
    def build(cls, config: Config) -> "Services":
        return cls(
            config=config,
            lines=lines_mod.load(config.lines_file),
            rasa=RasaClient(config.rasa_url, config.rasa_token, config.rasa_timeout,
                            actions_url=config.actions_url),
        )

    def session(self):
        return session_scope(self.config.database_url)


def services() -> Services:
    return current_app.extensions["assistant"]

"""What a request needs, built once per app: config, lines, database, Rasa client."""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app

from bot.road.outbox import Outbox, spool_dir_for
from bot.road.rasa_client import RasaClient, RasaUnavailable
from core import lines as lines_mod
from core.config import Config
from core.db import session_scope

log = logging.getLogger(__name__)


@dataclass
class Services:
    config: Config
    lines: lines_mod.Lines
    rasa: RasaClient
    outbox: Outbox
    # Calls that must not hold up a reply (pausing the bot after a handoff).
    background: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=4, thread_name_prefix="bg"))

    @classmethod
    def build(cls, config: Config) -> Services:
        return cls(
            config=config,
            lines=lines_mod.load(config.lines_file),
            rasa=RasaClient(config.rasa_url, config.rasa_token, config.rasa_timeout,
                            actions_url=config.actions_url),
            outbox=Outbox(Path(config.spool_dir) if config.spool_dir
                          else spool_dir_for(config.database_url)),
        )

    def session(self):
        return session_scope(self.config.database_url)

    def pause_bot(self, conversation_id: str):
        """Tell Rasa to stay silent in this conversation, without making the caller wait.

        The gateway itself no longer sends a handed-off conversation to Rasa, so a
        failed pause (Rasa down) loses nothing; the pause is the second lock.
        """
        def pause():
            try:
                self.rasa.pause(conversation_id)
            except RasaUnavailable as exc:
                log.warning("pause failed conversation=%s error=%s", conversation_id, exc)
        return self.background.submit(pause)


def services() -> Services:
    return current_app.extensions["assistant"]

"""Gateway configuration, read once from the environment.

Every setting has a default that works on a laptop (`make run`), so a new user
needs to set nothing; a deployer overrides them with environment variables.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass
class Config:
    database_url: str = field(
        default_factory=lambda: _env("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'assistant.db'}"))
    rasa_url: str = field(default_factory=lambda: _env("RASA_URL", "http://127.0.0.1:5005"))
    # No default: Rasa's HTTP API must be reachable by the gateway only (scripts/run.sh makes
    # one for `make run`; a deployment sets its own).
    rasa_token: str = field(default_factory=lambda: _env("RASA_TOKEN", ""))
    actions_url: str = field(default_factory=lambda: _env("ACTIONS_URL", "http://127.0.0.1:5055"))
    # A caller on the phone is waiting: past this many seconds we stop waiting for Rasa.
    rasa_timeout: float = field(default_factory=lambda: float(_env("RASA_TIMEOUT", "3")))
    lines_file: Path = field(
        default_factory=lambda: Path(_env("LINES_FILE", str(ROOT / "lines.yml"))))
    max_text_chars: int = field(default_factory=lambda: int(_env("MAX_TEXT_CHARS", "2000")))
    secret_key: str = field(default_factory=lambda: _env("SECRET_KEY", ""))
    # Twilio: requests are signed with the auth token over PUBLIC_BASE_URL + path; without
    # a token every Twilio route answers 403 (there is no bypass, not even in debug mode).
    twilio_auth_token: str = field(default_factory=lambda: _env("TWILIO_AUTH_TOKEN", ""))
    twilio_account_sid: str = field(
        default_factory=lambda: _env("TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000000"))
    public_base_url: str = field(
        default_factory=lambda: _env("PUBLIC_BASE_URL", "http://127.0.0.1:5000"))
    # Where the twilio REST client sends outbound SMS; tests point it at a local stand-in.
    twilio_api_base: str = field(default_factory=lambda: _env("TWILIO_API_BASE", ""))
    sms_session_minutes: int = field(default_factory=lambda: int(_env("SMS_SESSION_MINUTES", "60")))
    # Login rate limit for the agent console, and where its counters live (memory:// per
    # process; redis://… shares them between gateway workers).
    login_rate_limit: str = field(default_factory=lambda: _env("LOGIN_RATE_LIMIT", "10 per minute"))
    ratelimit_storage_uri: str = field(
        default_factory=lambda: _env("RATELIMIT_STORAGE_URI", "memory://"))
    # Origins allowed to embed the chat widget and call the chat API (comma separated, or *).
    widget_origins: str = field(default_factory=lambda: _env("WIDGET_ORIGINS", "*"))
    # Days a transcript is kept after the conversation's last message (`flask transcripts purge`).
    transcript_retention_days: int = field(
        default_factory=lambda: int(_env("TRANSCRIPT_RETENTION_DAYS", "90")))
    # Messages one client address may send to the chat API (limits syntax, ';' between limits).
    chat_rate_limit: str = field(
        default_factory=lambda: _env("CHAT_RATE_LIMIT", "20 per minute; 300 per hour"))
    # Where turns wait on disk while the database is down (default: beside the database).
    spool_dir: str = field(default_factory=lambda: _env("SPOOL_DIR", ""))
    testing: bool = False

    @classmethod
    def from_mapping(cls, overrides: dict | None = None) -> Config:
        cfg = cls()
        for key, value in (overrides or {}).items():
            if not hasattr(cfg, key):
                raise KeyError(f"unknown setting {key!r}")
            setattr(cfg, key, value)
        return cfg

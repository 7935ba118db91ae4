"""Agents and supervisors: argon2 password hashes, flask-login sessions, CSRF, login rate limit.

Sessions are checked against the database on every request: the id flask-login keeps in the
signed session cookie (and in a remember-me cookie) is "<agent id>.<session generation>", and
logging out bumps the agent's generation (`end_sessions`), so a copy of the cookie of an ended
session is refused. One logout ends every console session of that agent, on every device.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from functools import wraps

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import abort, redirect, request, url_for
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, UserMixin, current_user
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import select, update

from bot.presence import effective_status
from core.models import Agent, utcnow
from core.phone import e164

ROLES = ("agent", "supervisor")
_hasher = PasswordHasher()
login_manager = LoginManager()
csrf = CSRFProtect()
# Memory storage per process; RATELIMIT_STORAGE_URI (e.g. redis://) shares it between workers.
limiter = Limiter(key_func=get_remote_address, default_limits=[])


@dataclass
class ConsoleUser(UserMixin):
    """What a request knows about the logged-in person (no password hash)."""
    agent_id: int
    username: str
    role: str
    generation: int = 0

    def get_id(self) -> str:
        return f"{self.agent_id}.{self.generation}"

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def create_agent(services, username: str, role: str = "agent", password: str | None = None) -> str:
    """Create an agent; returns the password (generated when none is given)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    username = username.strip()
    if not username or len(username) > 64:
        raise ValueError("username must be 1-64 characters")
    password = password or generate_password()
    if len(password) < 10:
        raise ValueError("password must be at least 10 characters")
    with services.session() as session:
        if session.execute(select(Agent.id).where(Agent.username == username)).first():
            raise ValueError(f"user {username!r} exists already")
        session.add(Agent(username=username, password_hash=hash_password(password), role=role))
    return password


def update_agent(services, username: str, lines: list[str] | None = None,
                 languages: list[str] | None = None, phone: str | None = None) -> None:
    """Which lines and languages someone serves (empty list: all), and their pager number."""
    known_lines = set(services.lines.ids)
    if lines is not None and set(lines) - known_lines:
        raise ValueError(f"unknown line(s): {', '.join(sorted(set(lines) - known_lines))}")
    if languages is not None and set(languages) - {"nl", "en"}:
        raise ValueError("languages are nl and en")
    number = None
    if phone:
        number = e164(phone)
        if number is None:
            raise ValueError(f"not a phone number: {phone!r}")
    with services.session() as session:
        agent = session.execute(select(Agent).where(Agent.username == username)).scalars().first()
        if agent is None:
            raise ValueError(f"no user {username!r}")
        if lines is not None:
            agent.lines = sorted(set(lines))
        if languages is not None:
            agent.languages = sorted(set(languages))
        if phone is not None:
            agent.phone = number


def list_agents(services) -> list[dict]:
    now = utcnow()
    with services.session() as session:
        agents = session.execute(select(Agent).order_by(Agent.username)).scalars().all()
        return [{"username": a.username, "role": a.role, "lines": list(a.lines or []),
                 "languages": list(a.languages or []), "phone": a.phone, "active": a.active,
                 "status": effective_status(a, now)} for a in agents]


def authenticate(services, username: str, password: str) -> ConsoleUser | None:
    with services.session() as session:
        agent = session.execute(select(Agent).where(Agent.username == username)).scalars().first()
        if agent is None or not agent.active:
            _hasher.hash(password)  # same work either way: no user enumeration by timing
            return None
        try:
            _hasher.verify(agent.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if _hasher.check_needs_rehash(agent.password_hash):
            agent.password_hash = hash_password(password)
        agent.last_login_at = utcnow()
        # Logging in to the console is coming to work: available until they say otherwise
        # or their console stops sending heartbeats (bot/presence.py).
        agent.status, agent.last_seen_at = "available", agent.last_login_at
        return ConsoleUser(agent.id, agent.username, agent.role, agent.session_generation or 0)


def end_sessions(services, agent_id: int) -> None:
    """Logout: every session cookie (and remember-me cookie) issued to this agent so far is
    refused from now on, also a copy somebody kept."""
    with services.session() as session:
        session.execute(update(Agent).where(Agent.id == agent_id).values(
            session_generation=Agent.session_generation + 1)
            .execution_options(synchronize_session=False))


def _parse_user_id(user_id: str) -> tuple[int, int] | None:
    agent_id, dot, generation = (user_id or "").partition(".")
    if not (dot and agent_id.isascii() and agent_id.isdigit() and generation.isascii()
            and generation.isdigit() and len(user_id) <= 40):
        return None  # also a cookie from before generations: log in again
    return int(agent_id), int(generation)


def count_agents(services, role: str | None = None) -> int:
    with services.session() as session:
        query = select(Agent.id)
        if role:
            query = query.where(Agent.role == role)
        return len(session.execute(query).all())


def init_app(app, services) -> None:
    cookie_secure = services.config.public_base_url.startswith("https://")
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=cookie_secure, REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SECURE=cookie_secure, REMEMBER_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None, RATELIMIT_STORAGE_URI=services.config.ratelimit_storage_uri,
        RATELIMIT_HEADERS_ENABLED=True)
    login_manager.login_view = "agent.login"
    login_manager.session_protection = "strong"
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)

    @login_manager.user_loader
    def load_user(user_id: str):
        parsed = _parse_user_id(user_id)
        if parsed is None:
            return None
        with services.session() as session:
            agent = session.get(Agent, parsed[0])
            if agent is None or not agent.active or (agent.session_generation or 0) != parsed[1]:
                return None  # unknown, switched off, or a session that was logged out
            return ConsoleUser(agent.id, agent.username, agent.role, agent.session_generation or 0)

    @login_manager.unauthorized_handler
    def unauthorized():
        # JSON callers get 401; a browser goes to the login form.
        if request.path.startswith("/agent/api/") or request.is_json:
            return {"error": "login_required"}, 401
        return redirect(url_for("agent.login", next=request.path))


def supervisor_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_supervisor:
            abort(403)
        return view(*args, **kwargs)
    return wrapped

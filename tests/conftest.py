"""Shared fixtures (the real trained Rasa model, the real action server, a real database) and
the tiers.

The folder a test module lies in is its tier (pytest.ini's markers): tests/unit (pure Python),
tests/db (the real gateway or actions on SQLite, Rasa unreachable), tests/stack (the trained
model and the action server), tests/system (PostgreSQL/Redis servers, the browser, several
processes, load). A test whose fixtures need a heavier tier than its folder is a collection
error, so `make test-fast` (unit and db) never starts Rasa or a server by accident. The one
way up is a parameter that says so: db_url's "postgresql" (and test_identity's) carries the
system marker, so the same db test runs on SQLite in the db tier and on PostgreSQL in the
system tier.

The Rasa server and the action server are started once per test session on free ports (they
take ~30 s to load); the gateway is the real Flask app.
"""
from __future__ import annotations

import shutil
import socket
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from bot import create_app
from bot.migrate import upgrade
from tools.stack import MODEL, ROOT, Stack, free_port

TIERS = ("unit", "db", "stack", "system")
TESTS = Path(__file__).resolve().parent
# What a fixture needs at least (the fixtures that depend on them inherit it: app, client,
# sms_app need the stack; offline_app needs db_url).
FIXTURE_TIER = {"postgres": "system", "stack": "stack", "db_url": "db", "offline_app": "db",
                "closed_port": "db"}


def _rank(tier: str) -> int:
    return TIERS.index(tier)


def _folder_tier(item) -> str | None:
    parts = item.path.resolve().relative_to(TESTS).parts
    return parts[0] if len(parts) > 1 and parts[0] in TIERS else None


def _needed_tier(item) -> str:
    needed = [FIXTURE_TIER[name] for name in getattr(item, "fixturenames", ())
              if name in FIXTURE_TIER]
    params = getattr(getattr(item, "callspec", None), "params", {})
    if "postgresql" in params.values():  # a PostgreSQL server, also one asked for at run time
        needed.append("system")
    return max(needed, key=_rank, default="unit")


def pytest_collection_modifyitems(config, items):
    """Each test gets its folder's marker, or a heavier one its parameter carries; a test
    that needs more than that (by its fixtures) or lies outside the tier folders stops the
    run before anything starts."""
    problems = []
    for item in items:
        folder = _folder_tier(item)
        if folder is None:
            problems.append(f"{item.nodeid}: not in a tier folder ({', '.join(TIERS)})")
            continue
        callspec = getattr(item, "callspec", None)
        raised = [mark.name for mark in getattr(callspec, "marks", ()) if mark.name in TIERS]
        marked = {mark.name for mark in item.iter_markers() if mark.name in TIERS}
        if marked - set(raised):
            problems.append(f"{item.nodeid}: marked {sorted(marked - set(raised))} in "
                            f"tests/{folder}: the folder is the tier")
        if any(_rank(name) < _rank(folder) for name in raised):
            problems.append(f"{item.nodeid}: a parameter marked {raised} in tests/{folder}")
        tier = max([*raised, folder], key=_rank)
        needed = _needed_tier(item)
        if _rank(needed) > _rank(tier):
            problems.append(f"{item.nodeid}: its fixtures need the {needed} tier but it is in "
                            f"tests/{folder}: move it to tests/{needed}")
        if not item.get_closest_marker(tier):
            item.add_marker(getattr(pytest.mark, tier))
    if problems:
        raise pytest.UsageError("tests in the wrong tier:\n  " + "\n  ".join(problems))


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does this)")
    with Stack(tmp_path_factory.mktemp("stack")).serving() as stack:
        yield stack


@pytest.fixture
def app(stack):
    return create_app(stack.app_config())


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def postgres(tmp_path_factory):
    """A real PostgreSQL server (Debian's package; `make test` installs it if missing)."""
    from tools.pg import Postgres
    # its own directory under /tmp: the postgres user cannot enter pytest's private tmp tree
    server = Postgres(free_port()).start()
    yield server
    server.stop()
    shutil.rmtree(server.base, ignore_errors=True)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.system)])
def db_url(request, tmp_path):
    """A fresh, migrated database for tests that need no Rasa: every such test runs on
    SQLite (the embedded default) and on PostgreSQL (the scaled mode)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'gateway.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database()
    upgrade(url)
    return url


@pytest.fixture
def closed_port():
    """A port where nothing answers, held for the whole test: bound but not listening, so a
    connection is refused and no other process can take the port in the meantime."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def offline_app(db_url, closed_port):
    """The real gateway with Rasa and the action server unreachable (a closed port)."""
    return create_app({"database_url": db_url, "rasa_url": f"http://127.0.0.1:{closed_port}",
                       "actions_url": f"http://127.0.0.1:{closed_port}",
                       "lines_file": ROOT / "lines.yml", "testing": True, "rasa_timeout": 1.0})


@pytest.fixture
def twilio_api():
    """A local stand-in of Twilio's Messages API: (base URL, list of received messages)."""
    from tests.support.twilio_util import MessagesStandIn
    server = ThreadingHTTPServer(("127.0.0.1", 0), MessagesStandIn)
    MessagesStandIn.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", MessagesStandIn.received
    server.shutdown()


@pytest.fixture
def sms_app(stack, twilio_api):
    """The real gateway with Twilio's signature checked and SMS sent to the stand-in
    (tests of SMS, verification and self-service)."""
    from tests.support.twilio_util import PUBLIC, TOKEN
    return create_app(stack.app_config(twilio_auth_token=TOKEN, public_base_url=PUBLIC,
                                       twilio_api_base=twilio_api[0]))

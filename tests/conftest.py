"""Shared fixtures: the real trained Rasa model, the real action server, a real database.

The Rasa server and the action server are started once per test session on
free ports (they take ~30 s to load); the gateway is the real Flask app.
"""
from __future__ import annotations

import shutil
import socket
import threading
from http.server import ThreadingHTTPServer

import pytest

from bot import create_app
from bot.migrate import upgrade
from tools.stack import MODEL, RASA_TOKEN, ROOT, Stack, free_port  # noqa: F401 (re-exported)

TIERS = ("unit", "db", "stack", "system")
# Whole modules in the system tier: several processes, a browser or a load run.
SYSTEM_MODULES = {"test_browser", "test_scale", "test_load"}


def _tier(item) -> str:
    marked = [mark.name for mark in item.iter_markers() if mark.name in TIERS]
    if marked:
        return marked[0]
    names = set(getattr(item, "fixturenames", ()))
    params = getattr(getattr(item, "callspec", None), "params", {})
    if (item.module.__name__.rsplit(".", 1)[-1] in SYSTEM_MODULES or "postgres" in names
            or "postgresql" in params.values()):
        return "system"
    if "stack" in names:
        return "stack"
    if names & {"db_url", "offline_app", "closed_port"}:
        return "db"
    return "unit"


def pytest_collection_modifyitems(items):
    """Each test gets its tier's marker (see pytest.ini): `make test-fast` selects by it."""
    for item in items:
        tier = _tier(item)
        if not item.get_closest_marker(tier):
            item.add_marker(getattr(pytest.mark, tier))


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


@pytest.fixture(params=["sqlite", "postgresql"])
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

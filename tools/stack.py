"""Start the real Rasa server and action server on free ports, for tests and tools.

Used by the test suite, `make eval` and `make bench`: each needs the real
trained model behind HTTP, and none should depend on `make run` being up.
"""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import requests

from bot.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent
# Two venvs: .venv (Python 3.12) runs the gateway, the action server, the tests and the tools;
# .venv-rasa (Python 3.10, Rasa 3.6 refuses newer) runs only the `rasa` process.
VENV_BIN = Path(sys.executable).parent
RASA_VENV = ROOT / os.environ.get("RASA_VENV", ".venv-rasa")  # relative: to the repo root
RASA = RASA_VENV / "bin" / "rasa"
RASA_PYTHON = RASA_VENV / "bin" / "python"
MODEL = Path(os.environ.get("MODEL_PATH", ROOT / "models" / "current.tar.gz"))
RASA_TOKEN = "test-token"
# The secret Rasa shows the action server (actions/server.py refuses calls without it).
ACTION_SERVER_TOKEN = secrets.token_hex(16)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"{proc.args[0]} exited with {proc.returncode} before {url} answered")
        try:
            if requests.get(url, timeout=1).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {seconds} s")


def base_env(database_url: str) -> dict:
    env = dict(os.environ)
    env.update({"DATABASE_URL": database_url, "RASA_TELEMETRY_ENABLED": "false",
                "ACTION_SERVER_TOKEN": ACTION_SERVER_TOKEN,
                "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
                "LINES_FILE": str(ROOT / "lines.yml"), "SANIC_HOST": "127.0.0.1"})
    return env


class Stack:
    """A running Rasa server + action server, shared by the tests of one session."""

    def __init__(self, tmp: Path, database_url: str | None = None):
        self.database_url = database_url or f"sqlite:///{tmp / 'test.db'}"
        upgrade(self.database_url)
        self.rasa_port, self.actions_port = free_port(), free_port()
        self.rasa_url = f"http://127.0.0.1:{self.rasa_port}"
        self.actions_url = f"http://127.0.0.1:{self.actions_port}"
        self.logs = tmp
        self.procs: dict[str, subprocess.Popen] = {}

    def _spawn(self, name: str, args: list[str], env: dict) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "wb")
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.procs[name] = proc
        return proc

    def start_actions(self) -> None:
        env = base_env(self.database_url)
        proc = self._spawn("actions", [str(VENV_BIN / "python"), "-m", "actions.server",
                                       "-p", str(self.actions_port)], env)
        wait_for(f"{self.actions_url}/health", 60, proc)

    def start_rasa(self, with_actions: bool = True, name: str = "rasa", port: int | None = None,
                   workers: int = 1, endpoints: str | Path = "endpoints.yml",
                   model: Path = MODEL, **env_extra: str) -> str:
        """Start a Rasa server; returns its URL. `workers` > 1 needs a Redis lock store."""
        env = {**base_env(self.database_url), **env_extra}
        env["ACTION_ENDPOINT_URL"] = f"{self.actions_url}/webhook"
        env["SANIC_WORKERS"] = str(workers)
        env["RASA_TOKEN"] = RASA_TOKEN  # credentials.yml: the gateway channel's shared secret
        if not with_actions:  # NLU only (parse): no action server behind it
            env["ACTION_ENDPOINT_URL"] = f"http://127.0.0.1:{free_port()}/webhook"
        port = port or (self.rasa_port if name == "rasa" else free_port())
        proc = self._spawn(name, [str(RASA), "run", "--enable-api", "--auth-token",
                                  RASA_TOKEN, "-i", "127.0.0.1", "-p", str(port),
                                  "--model", str(model), "--endpoints", str(endpoints),
                                  "--credentials", "credentials.yml"], env)
        url = f"http://127.0.0.1:{port}"
        wait_for(f"{url}/status?token={RASA_TOKEN}", 180, proc)
        return url

    def start_gateway(self, rasa_url: str | None = None, name: str = "gateway", workers: int = 1,
                      threads: int = 16, **env_extra: str) -> str:
        """The gateway under gunicorn, as `make run` starts it; returns its URL."""
        port = free_port()
        env = base_env(self.database_url)
        env.update({"RASA_URL": rasa_url or self.rasa_url, "RASA_TOKEN": RASA_TOKEN,
                    # a load generator is one address standing for many callers
                    "CHAT_RATE_LIMIT": "1000000 per minute",
                    "ACTIONS_URL": self.actions_url,
                    "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}", **env_extra})
        proc = self._spawn(name, [str(VENV_BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}",
                                  "--workers", str(workers), "--threads", str(threads),
                                  "--timeout", "60", "bot:create_app()"], env)
        url = f"http://127.0.0.1:{port}"
        wait_for(f"{url}/healthz", 60, proc)
        return url

    def pid(self, name: str) -> int | None:
        proc = self.procs.get(name)
        return proc.pid if proc and proc.poll() is None else None

    def stop(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()

    @contextmanager
    def serving(self):
        """The action server and Rasa for the duration (test fixtures use it)."""
        try:
            self.start_actions()
            self.start_rasa()
            yield self
        finally:
            self.stop_all()

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.stop(name)

    def app_config(self, **overrides) -> dict:
        config = {"database_url": self.database_url, "rasa_url": self.rasa_url,
                  "rasa_token": RASA_TOKEN, "actions_url": self.actions_url,
                  "lines_file": ROOT / "lines.yml", "testing": True}
        config.update(overrides)
        return config


@contextmanager
def parsing_rasa(timeout: float = 10):
    """A RasaClient for /model/parse: the configured Rasa if it is up, else a Rasa server
    with the trained model started for the duration (tools that score test sets use it)."""
    from bot.road.rasa_client import RasaClient
    from core.config import Config
    cfg = Config()
    rasa = RasaClient(cfg.rasa_url, cfg.rasa_token, timeout=timeout)
    if rasa.rasa_up():
        yield rasa
        return
    print("starting a Rasa server with the trained model for this run ...", file=sys.stderr)
    stack = Stack(Path(tempfile.mkdtemp()))
    try:
        stack.start_rasa(with_actions=False)
        yield RasaClient(stack.rasa_url, RASA_TOKEN, timeout=timeout)
    finally:
        stack.stop_all()

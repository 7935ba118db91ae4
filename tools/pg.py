"""A throw-away PostgreSQL server from Debian's packages, for tests and the scaled mode.

PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres`
user (created by the Debian package). Listens on 127.0.0.1 and a private socket dir.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    return Path(found[-1]).parent if found else None


class Postgres:
    def __init__(self, port: int, base: Path | None = None):
        self.bin = pg_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server not installed (Debian package `postgresql`)")
        self.port = port
        self.base = base or Path(tempfile.mkdtemp(prefix="pg-"))
        self.data = self.base / "data"
        self.proc: subprocess.Popen | None = None

    def _as_owner(self, args: list[str]) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *args]
        return args

    def start(self) -> Postgres:
        self.base.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
            os.chmod(self.base, 0o700)
        if not (self.data / "PG_VERSION").exists():
            subprocess.run(self._as_owner([str(self.bin / "initdb"), "-D", str(self.data),
                                           "-A", "trust", "-U", "postgres", "-E", "UTF8",
                                           "--no-sync"]),
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        log = open(self.base / "server.log", "ab")
        # fsync off: a test and demo server, never production data
        self.proc = subprocess.Popen(self._as_owner([
            str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port),
            "-h", "127.0.0.1", "-k", str(self.base), "-c", "fsync=off", "-c", "max_connections=200",
            "-c", "synchronous_commit=off"]), stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"postgres exited: see {self.base / 'server.log'}")
            try:
                with sa.create_engine(self.url("postgres")).connect():
                    return self
            except sa.exc.OperationalError:
                time.sleep(0.2)
        raise TimeoutError("postgres did not start")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        name = name or "t_" + uuid.uuid4().hex[:12]
        engine = sa.create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                  {"n": name}).first()
            if not exists:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()

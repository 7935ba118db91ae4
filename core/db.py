"""Database engine and sessions (SQLAlchemy 1.4 with the 2.0-style API)."""
from __future__ import annotations

import threading
from contextlib import contextmanager, nullcontext
from functools import lru_cache

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool


def _sqlite_pragmas(dbapi_connection, _record):
    # WAL lets the gateway and the action server read while the other writes;
    # busy_timeout makes a writer wait briefly instead of failing at once.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL stays consistent and survives a crash of the process; only a power
    # loss can lose the last commits. It saves an fsync per message on the embedded default.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    kwargs = {"future": True, "pool_pre_ping": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 5}
        # keep connections open (SQLAlchemy 1.4 opens and closes one per session for files)
        kwargs["poolclass"] = QueuePool
        kwargs["pool_size"], kwargs["max_overflow"] = 5, 20
    else:
        kwargs["connect_args"] = {"connect_timeout": 3}
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@lru_cache(maxsize=8)
def session_factory(url: str) -> sessionmaker:
    return sessionmaker(bind=engine_for(url), future=True, expire_on_commit=False)


@lru_cache(maxsize=8)
def _sqlite_turns(url: str) -> threading.RLock:
    """One unit of work at a time per SQLite file in this process.

    SQLite has one writer; threads that collide wait in its busy handler, which sleeps in
    growing steps (up to 100 ms each) and gave crisis turns a p95 of half a second under
    load. Waiting on this lock instead hands the file over as soon as it is free. Re-entrant,
    so a unit of work inside another one in the same thread does not wait on itself.
    PostgreSQL needs no such lock.
    """
    return threading.RLock()


@contextmanager
def session_scope(url: str):
    """One unit of work: commit on success, roll back on any error."""
    with _sqlite_turns(url) if url.startswith("sqlite") else nullcontext():
        session: Session = session_factory(url)()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

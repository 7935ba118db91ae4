"""The one declarative Base (one metadata, one Alembic history) and the clock the tables use.

core/models.py (conversations, handoffs, agents) and core/records.py (the back office) both
build on it; core/models.py imports core/records.py so that `core.models.Base.metadata`
always holds every table.
"""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import declarative_base

Base = declarative_base()


def utcnow() -> datetime:
    return datetime.now(UTC)

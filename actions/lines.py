"""lines.yml for the action server (same file and loader as the gateway)."""
from __future__ import annotations

import os

from core.config import ROOT
from core.lines import Line, Lines, load_cached


def lines() -> Lines:
    return load_cached(os.environ.get("LINES_FILE", str(ROOT / "lines.yml")))


def line_for(line_id: str | None) -> Line:
    try:
        return lines().get(line_id)
    except KeyError:
        return lines().get(None)

"""The FAQ knowledge base as data: every entry of data/faq/*.yml, for the action server's
answers (actions/faq.py) and for the generator of Rasa's training data (tools/faq.py)."""
from __future__ import annotations

from pathlib import Path

import yaml

from core.config import ROOT

FAQ_DIR = ROOT / "data" / "faq"


def entries(faq_dir: Path = FAQ_DIR) -> list[dict]:
    """Every entry of every line's file, each with its line id and domain."""
    found = []
    for path in sorted(faq_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("entries") or []:
            found.append({**entry, "line": data["line"], "domain": data["domain"],
                          "source": path.name})
    return found

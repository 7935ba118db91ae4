"""Reading a triage case file (text, expect) and scoring a screen on it: recall of the
handoffs and the rate of false handoffs, with the errors (the unit and stack tiers share it)."""
from __future__ import annotations

import csv
from pathlib import Path


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def score(rows, decide) -> tuple[float, float, list]:
    caught = missed = false = routine = 0
    errors = []
    for row in rows:
        decision = decide(row["text"])
        if row["expect"] == "handoff":
            caught += decision.handoff
            missed += not decision.handoff
            if not decision.handoff:
                errors.append(("missed", row["text"]))
        elif row["expect"] == "routine":
            routine += 1
            false += decision.handoff
            if decision.handoff:
                errors.append(("false", row["text"], decision.reason))
    return caught / max(1, caught + missed), false / max(1, routine), errors

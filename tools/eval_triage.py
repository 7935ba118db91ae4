"""`make eval`: recall and false-handoff rate of the safety screen, per category and language.

Scores our own set (tests/triage_cases.tsv) and the shared dev set
(../shared/eval/triage_dev.tsv, a regression check), with the rules alone and
with both layers. Both layers need Rasa: RASA_URL if it answers, otherwise a
Rasa server with the trained model is started for the run. `--sweep` prints
recall/false rate for a range of NLU thresholds (how the threshold was chosen).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from bot.config import Config
from bot.rasa_client import RasaClient
from bot.triage import screen
from bot.triage.__main__ import nlu_from_parse
from tools.stack import RASA_TOKEN, ROOT, Stack

SETS = {"own": ROOT / "tests" / "triage_cases.tsv",
        "shared-dev": ROOT.parent / "shared" / "eval" / "triage_dev.tsv"}


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def table(rows: list[dict], decisions: list) -> tuple[dict, list[str]]:
    """Recall per (category, language) on handoff rows; false rate per language on routine rows."""
    cells = defaultdict(lambda: [0, 0])
    lines = []
    for row, decision in zip(rows, decisions):
        if row["expect"] == "handoff":
            key = ("recall", row["category"], row["lang"])
            cells[key][0] += decision.handoff
            cells[key][1] += 1
            cells[("recall", "all", "all")][0] += decision.handoff
            cells[("recall", "all", "all")][1] += 1
        elif row["expect"] == "routine":
            key = ("false", "routine", row["lang"])
            cells[key][0] += decision.handoff
            cells[key][1] += 1
            cells[("false", "all", "all")][0] += decision.handoff
            cells[("false", "all", "all")][1] += 1
    for (kind, category, language), (hits, total) in sorted(cells.items()):
        label = "recall" if kind == "recall" else "false-handoff rate"
        lines.append(f"  {label:<19}{category:<22}{language:<5}{hits / total:6.3f}  ({hits}/{total})")
    figures = {f"{k[0]}:{k[1]}:{k[2]}": round(v[0] / v[1], 4) for k, v in cells.items()}
    return figures, lines


def parses(rasa: RasaClient, rows: list[dict]) -> list[dict]:
    return [nlu_from_parse(rasa.parse(row["text"])) for row in rows]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every miss and false handoff")
    args = parser.parse_args(argv)

    cfg = Config()
    rasa = RasaClient(cfg.rasa_url, cfg.rasa_token, timeout=10)
    stack = None
    if not rasa.rasa_up():
        print("starting a Rasa server with the trained model for this run ...", file=sys.stderr)
        stack = Stack(Path(tempfile.mkdtemp()))
        stack.start_rasa(with_actions=False)
        rasa = RasaClient(stack.rasa_url, RASA_TOKEN, timeout=10)
    try:
        results = {}
        for name, path in SETS.items():
            if not path.exists():
                continue
            rows = load(path)
            rules_only = [screen.check(row["text"]) for row in rows]
            nlu = parses(rasa, rows)
            both = [screen.combine(r, n) for r, n in zip(rules_only, nlu)]
            for layer, decisions in (("rules", rules_only), ("rules+nlu", both)):
                figures, lines = table(rows, decisions)
                results[f"{name}/{layer}"] = figures
                print(f"\n{name} ({path.name}), {layer}:")
                print("\n".join(lines))
                if args.errors:
                    for row, decision in zip(rows, decisions):
                        if (row["expect"] == "handoff") != decision.handoff:
                            kind = "missed" if decision.handoff is False else "false "
                            print(f"    {kind} {row['text']!r}  [{decision.reason}]")
            if args.sweep:
                print(f"\n{name}: NLU threshold sweep (both layers)")
                for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
                    screen.NLU_THRESHOLD = threshold
                    decisions = [screen.combine(r, n) for r, n in zip(rules_only, nlu)]
                    figures, _ = table(rows, decisions)
                    print(f"  threshold {threshold:.1f}: recall {figures['recall:all:all']:.3f}"
                          f"  false-handoff rate {figures['false:all:all']:.3f}")
        out = ROOT / "results" / "triage_eval.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=2))
        print(f"\nfigures written to {out.relative_to(ROOT)}")
    finally:
        if stack:
            stack.stop_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())

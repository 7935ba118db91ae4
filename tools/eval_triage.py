"""`make eval`: recall and false-handoff rate of the safety screen, per category, language and kind.

Scores our own set (tests/triage_cases.tsv) and the shared dev set
(../shared/eval/triage_dev.tsv, a regression check) with three stacks of layers:
the rules alone, rules + the gateway's risk classifier (what the screen does with
Rasa down), and all three layers. The NLU layer needs Rasa: RASA_URL if it answers,
otherwise a Rasa server with the trained model is started for the run.

`--sweep` prints recall/false rate over a range of thresholds (how they were chosen);
`--errors` lists every miss and false handoff with each layer's verdict.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

from bot.triage import classifier as risk_classifier
from bot.triage import screen
from bot.triage.__main__ import nlu_from_parse
from tools.stack import ROOT, parsing_rasa

SETS = {"own": ROOT / "tests" / "triage_cases.tsv",
        "shared-dev": ROOT.parent / "shared" / "eval" / "triage_dev.tsv"}
LAYERS = ("rules", "rules+classifier", "all")


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def score(rows: list[dict], flags: list[bool]) -> dict:
    """Recall on handoff rows and false-handoff rate on routine rows, overall and per cell."""
    cells = defaultdict(lambda: [0, 0])
    for row, flag in zip(rows, flags, strict=True):
        if row["expect"] == "handoff":
            keys = [("recall", "all"), ("recall", f"{row['category']}/{row['lang']}")]
        elif row["expect"] == "routine":
            keys = [("false", "all"), ("false", f"routine/{row['lang']}")]
        else:
            continue
        if row.get("kind"):
            keys.append((keys[0][0], f"kind:{row['kind']}"))
        for key in keys:
            cells[key][0] += flag
            cells[key][1] += 1
    return {f"{kind}:{name}": (hits, total) for (kind, name), (hits, total) in cells.items()}


def table(figures: dict) -> list[str]:
    lines = []
    for key in sorted(figures, key=lambda k: (k.split(":")[1] == "kind", k)):
        kind, name = key.split(":", 1)
        hits, total = figures[key]
        label = "recall" if kind == "recall" else "false-handoff rate"
        lines.append(f"  {label:<19}{name:<30}{hits / total:6.3f}  ({hits}/{total})")
    return lines


def rate(figures: dict, key: str) -> float:
    hits, total = figures.get(key, (0, 0))
    return hits / total if total else float("nan")


def decide(rows: list[dict], nlu: list[dict]) -> dict[str, list]:
    checked = [screen.check(row["text"]) for row in rows]
    both = [screen.combine(decision, parse) for decision, parse in zip(checked, nlu, strict=True)]
    rules = [bool((d.layers.get("rules") or {}).get("flag")) for d in checked]
    return {"rules": rules, "rules+classifier": [d.handoff for d in checked],
            "all": [d.handoff for d in both], "_decisions": both}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every miss and false handoff")
    args = parser.parse_args(argv)
    if risk_classifier.shared() is None:
        print("no trained safety classifier: run `make train` first", file=sys.stderr)
        return 2

    with parsing_rasa() as rasa:
        results = {}
        for name, path in SETS.items():
            if not path.exists():
                continue
            rows = load(path)
            nlu = [nlu_from_parse(rasa.parse(row["text"])) for row in rows]
            decided = decide(rows, nlu)
            for layer in LAYERS:
                figures = score(rows, decided[layer])
                results[f"{name}/{layer}"] = {k: round(h / t, 4) for k, (h, t) in figures.items()}
                print(f"\n{name} ({path.name}), {layer}:")
                print("\n".join(table(figures)))
            if args.errors:
                print(f"\n{name}: misses and false handoffs (all layers)")
                for row, decision in zip(rows, decided["_decisions"], strict=True):
                    if row["expect"] in ("handoff", "routine") and \
                            (row["expect"] == "handoff") != decision.handoff:
                        kind = "missed" if not decision.handoff else "false "
                        print(f"    {kind} [{row.get('kind', '')}] {row['text']!r}  "
                              f"{json.dumps(decision.layers, ensure_ascii=False)}")
            if args.sweep:
                sweep(rows, nlu, name)
        out = ROOT / "results" / "triage_eval.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=2))
        print(f"\nfigures written to {out.relative_to(ROOT)}")
    return 0


def sweep(rows: list[dict], nlu: list[dict], name: str) -> None:
    saved = (risk_classifier.MEDIUM, screen.NLU_MEDIUM)
    try:
        print(f"\n{name}: classifier middle-band threshold sweep (rules+classifier | all layers)")
        for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
            risk_classifier.MEDIUM = threshold
            decided = decide(rows, nlu)
            alone, both = score(rows, decided["rules+classifier"]), score(rows, decided["all"])
            print(f"  classifier {threshold:.2f}: recall {rate(alone, 'recall:all'):.3f} / "
                  f"{rate(both, 'recall:all'):.3f}  false-handoff rate "
                  f"{rate(alone, 'false:all'):.3f} / {rate(both, 'false:all'):.3f}")
        risk_classifier.MEDIUM = saved[0]
        print(f"\n{name}: NLU middle-band threshold sweep (all layers)")
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            screen.NLU_MEDIUM = threshold
            both = score(rows, decide(rows, nlu)["all"])
            print(f"  nlu {threshold:.2f}: recall {rate(both, 'recall:all'):.3f}  "
                  f"false-handoff rate {rate(both, 'false:all'):.3f}")
    finally:
        risk_classifier.MEDIUM, screen.NLU_MEDIUM = saved


if __name__ == "__main__":
    sys.exit(main())

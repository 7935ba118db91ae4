"""Score the trained model on real-style questions written apart from the training data.

    python -m tools.nlu_questions            # part of `make nlu-report`
    python -m tools.nlu_questions --errors   # also list every miss

tests/nlu_questions.tsv (line, lang, kind, expected, text) was written by someone who did
not write the training data, from other sources, and tests/test_sets_apart.py checks that no
line is in, or a near-copy of, the training data. Each question goes through what the
assistant really does with it:

- the gateway's safety screen (rules + classifier, then NLU): a routine question that is
  handed off is counted (target: none);
- Rasa's NLU on the trained model: below the fallback line (`nlu_fallback`), or a safety
  intent the screen does not act on (the gateway then says it did not understand), is
  "no answer" (target <= 3%); an FAQ question is right when actions/faq.py would answer it with the
  expected entry for that line; a task when the intent is the expected one.

Figures go to results/nlu_questions.json; the exit code is 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import yaml

from actions.faq import FAQ_INTENT, choose
from bot.road.inbound import ASK_HUMAN_CONFIDENCE
from bot.triage import screen
from bot.triage.__main__ import nlu_from_parse
from tools.stack import ROOT, parsing_rasa

QUESTIONS = ROOT / "tests" / "nlu_questions.tsv"
TOPICS = ROOT / "tests" / "nlu_questions_topics.yml"  # the set's FAQ topics -> our answers
LINE_DOMAIN = {"vrienden": "donor", "pomp": "device"}
FALLBACK_INTENT = "nlu_fallback"
# What the assistant must do with each kind of row that is not an intent or FAQ entry.
KIND_ANSWERS = {
    "proxy": {"acting_for_other"},
    "out_of_scope": {"out_of_scope"},
    # a complaint about fundraising or service: the FAQ entries on complaints
    "complaint_nondevice": {"faq:donor_complaint_fundraising", "faq:donor_complaint_procedure",
                            "faq:device_complaint_service"},
}
TARGETS = {"right": 0.92, "no_answer": 0.03, "routine_handoffs": 0}


def load(path: Path = QUESTIONS) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row.get("text")]


def predicted(parse: dict, line: str) -> str:
    """What the assistant answers: 'faq:<id>', an intent name, or nlu_fallback."""
    intent = (parse.get("intent") or {}).get("name") or FALLBACK_INTENT
    if intent == FAQ_INTENT:
        entry = choose(parse, LINE_DOMAIN.get(line))
        return f"faq:{entry}" if entry else "faq:<other line>"
    return intent


@lru_cache(maxsize=1)
def topics() -> dict:
    return yaml.safe_load(TOPICS.read_text(encoding="utf-8"))


def acceptable(row: dict) -> set[str]:
    if row["expected"] in KIND_ANSWERS:
        return KIND_ANSWERS[row["expected"]]
    if row["expected"].startswith("faq:"):
        return set(topics()[row["line"]][row["expected"][4:]])  # KeyError: a topic unmapped
    return {row["expected"]}


def score(rows: list[dict], parses: list[dict]) -> dict:
    per_kind: dict[str, Counter] = defaultdict(Counter)
    errors = []
    handoffs = []
    for row, parse in zip(rows, parses, strict=True):
        answer = predicted(parse, row["line"])
        nlu = nlu_from_parse(parse)
        decision = screen.combine(screen.check(row["text"], row["lang"]), nlu)
        handed_off = decision.handoff or (
            nlu["intent"] == "ask_human" and nlu["confidence"] >= ASK_HUMAN_CONFIDENCE)
        # a safety intent the screen does not act on gets the gateway's "not understood"
        silent = answer.startswith("safety_") and not handed_off
        groups = (row["kind"], f"{row['line']}/{row['lang']}", "all")
        right = answer in acceptable(row)
        for group in groups:
            per_kind[group]["n"] += 1
            per_kind[group]["right"] += right
            per_kind[group]["no_answer"] += answer == FALLBACK_INTENT or silent
            per_kind[group]["handoff"] += handed_off
        if not right:
            errors.append((row, answer))
        if handed_off:
            handoffs.append((row, decision.reason or "intent:ask_human"))
    figures = {group: {"n": c["n"], "right": round(c["right"] / c["n"], 4),
                       "no_answer": round(c["no_answer"] / c["n"], 4), "handoffs": c["handoff"]}
               for group, c in per_kind.items()}
    return {"figures": figures, "errors": errors, "handoffs": handoffs}


def parse_all(rows: list[dict]) -> list[dict]:
    with parsing_rasa() as rasa:
        return [rasa.parse(row["text"]) for row in rows]


def report(result: dict, show_errors: bool) -> bool:
    figures = result["figures"]
    print(f"\nReal-style questions ({QUESTIONS.relative_to(ROOT)}, "
          "written apart from the training data)")
    print(f"{'group':<24}{'n':>5}{'right':>8}{'no answer':>11}{'handoffs':>10}")
    for group in sorted(figures, key=lambda g: (g == "all", "/" not in g, g)):
        f = figures[group]
        print(f"{group:<24}{f['n']:>5}{f['right']:>8.3f}{f['no_answer']:>11.3f}{f['handoffs']:>10}")
    total = figures["all"]
    checks = [("right intent or FAQ answer", total["right"] >= TARGETS["right"],
               f"{total['right']:.3f} (target >= {TARGETS['right']})"),
              ("no answer", total["no_answer"] <= TARGETS["no_answer"],
               f"{total['no_answer']:.3f} (target <= {TARGETS['no_answer']})"),
              ("routine questions handed off", total["handoffs"] <= TARGETS["routine_handoffs"],
               f"{total['handoffs']} (target {TARGETS['routine_handoffs']})")]
    for name, passed, text in checks:
        print(f"  {name}: {text}{'' if passed else '   MISSED'}")
    if show_errors:
        print("\nmisses (expected -> answered):")
        for row, answer in result["errors"]:
            print(f"  [{row['line']}/{row['lang']} {row['kind']}] {row['expected']} -> {answer}: "
                  f"{row['text']}")
        for row, reason in result["handoffs"]:
            print(f"  handed off [{row['line']}/{row['lang']}] {reason}: {row['text']}")
    return all(passed for _, passed, _ in checks)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="list every miss and handoff")
    args = parser.parse_args(argv)
    rows = load()
    result = score(rows, parse_all(rows))
    ok = report(result, args.errors)
    out = ROOT / "results" / "nlu_questions.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"targets": TARGETS, "figures": result["figures"],
                               "misses": [{"text": r["text"], "expected": r["expected"],
                                           "answered": a} for r, a in result["errors"]]},
                              indent=2, ensure_ascii=False))
    print(f"figures written to {out.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""`make nlu-report`: how well the trained model understands routine questions.

1. Real-style questions written apart from the training data (tests/nlu_questions.tsv,
   scored by tools/nlu_questions.py on the trained model: the right intent or FAQ answer,
   no answer, routine questions handed off), results/nlu_questions.json.
2. 3-fold cross-validation of intent classification per language (Rasa's own, on
   data/nlu/<lang>): macro-F1 next to its target, results/nlu_report.json.

    make nlu-report                 # both
    python -m tools.nlu_report --questions-only

Exits non-zero when a figure misses its target.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Rasa runs from its own venv (.venv-rasa, Python 3.10); this tool runs in .venv.
RASA = str(ROOT / os.environ.get("RASA_VENV", ".venv-rasa") / "bin" / "rasa")
TARGETS = {"nl": 0.90, "en": 0.85}
FOLDS = 3


def cross_validate(language: str, out: Path) -> dict:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    started = time.monotonic()
    subprocess.run([RASA, "test", "nlu", "--nlu", f"data/nlu/{language}", "--config", "config.yml",
                    "--cross-validation", "--folds", str(FOLDS), "--out", str(out)],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    report = json.loads((out / "intent_report.json").read_text())
    worst = sorted(((name, values["f1-score"]) for name, values in report.items()
                    if isinstance(values, dict) and "support" in values
                    and name not in ("macro avg", "weighted avg", "micro avg")),
                   key=lambda item: item[1])[:5]
    return {"macro_f1": round(report["macro avg"]["f1-score"], 4),
            "weighted_f1": round(report["weighted avg"]["f1-score"], 4),
            "accuracy": round(report.get("accuracy", 0.0), 4),
            "target": TARGETS[language], "weakest_intents": worst,
            "seconds": round(time.monotonic() - started, 1)}


def main(argv=None) -> int:
    from tools import nlu_questions
    questions_ok = nlu_questions.main([]) == 0
    if "--questions-only" in (sys.argv[1:] if argv is None else argv):
        return 0 if questions_ok else 1
    results_dir = ROOT / "results"
    figures = {lang: cross_validate(lang, results_dir / f"nlu-{lang}") for lang in TARGETS}
    (results_dir / "nlu_report.json").write_text(json.dumps(figures, indent=2))
    print(f"\nIntent classification, {FOLDS}-fold cross-validation (results/nlu_report.json)")
    print(f"{'language':<10}{'macro-F1':>10}{'target':>8}  weakest intents")
    ok = True
    for lang, fig in figures.items():
        passed = fig["macro_f1"] >= fig["target"]
        ok &= passed
        weakest = ", ".join(f"{name} {f1:.2f}" for name, f1 in fig["weakest_intents"][:3])
        print(f"{lang:<10}{fig['macro_f1']:>10.3f}{fig['target']:>8.2f}  {weakest}"
              f"{'' if passed else '   BELOW TARGET'}")
    return 0 if ok and questions_ok else 1


if __name__ == "__main__":
    sys.exit(main())

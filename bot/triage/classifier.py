"""The gateway's own risk classifier: a second opinion on every message that needs no Rasa.

Word n-grams and character n-grams of the normalised text feed a logistic regression
whose probabilities are calibrated (scikit-learn's CalibratedClassifierCV, sigmoid).
It is trained by `make train` on the project's own labelled corpus: every example of
the NLU training data, the three safety intents as their category and every other
intent as `routine`. The model is saved beside the Rasa model
(models/safety_classifier.joblib) and loaded once per process.

Thresholds (chosen for recall first, see `python -m tools.eval_triage --sweep`):
a safety category at or above HIGH hands off with risk `high`; at or above MEDIUM
(the middle band) it hands off with risk `medium`. Below MEDIUM the classifier says
nothing. The thresholds live here, not in the model file, so a retrained model
never silently moves them.

    python -m bot.triage.classifier train [--data data] [--out models/safety_classifier.joblib]
    python -m bot.triage.classifier report   # out-of-fold recall / false rate on the corpus
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import os
import re
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.triage.normalize import normalize

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "models" / "safety_classifier.joblib"
ROUTINE = "routine"
INTENT_CATEGORY = {
    "safety_crisis": "crisis",
    "safety_end_of_life_request": "end_of_life_request",
    "safety_device_emergency": "device_safety",
}
HIGH = 0.75
MEDIUM = 0.50  # why this line: TAXONOMY.md, "The middle band"
MIN_WORDS = 3
FORMAT = 1  # bump when the saved structure changes

# Emoji carry meaning the normaliser drops (it keeps ASCII only): give them words.
EMOJI_WORDS = {
    "\U0001F48A": " pil pill ", "\U0001F489": " spuit needle ", "\U0001F52A": " mes knife ",
    "\U0001FA78": " bloed blood ", "\U0001F480": " dood dead ", "\u2620": " dood dead ",
    "\u26B0": " kist coffin ", "\U0001FAA2": " touw rope ", "\U0001F525": " vuur fire ",
    "\U0001F62D": " huilen crying ", "\U0001F622": " huilen crying ",
    "\U0001F494": " verdriet heartbreak ",
    "\U0001F44B": " doei bye ", "\U0001F56F": " kaars candle ", "\U0001F940": " verwelkt wilted ",
    "\U0001F635": " duizelig dizzy ", "\U0001F92E": " overgeven vomit ",
    "\U0001F922": " misselijk nauseous ",
    "\U0001F4A8": " rook smoke ", "\U0001F321": " heet hot ", "\U0001F975": " heet hot ",
    "\U0001F6D1": " stop stop ", "\U0001F198": " help sos ",
}
_EMOJI = re.compile("|".join(re.escape(e) for e in EMOJI_WORDS))
_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def prepare(text: str) -> str:
    """What the classifier reads: emoji as words, then the screen's own normalisation."""
    return normalize(_EMOJI.sub(lambda m: EMOJI_WORDS[m.group(0)], text or ""))


# --------------------------------------------------------------------------
# The corpus: the NLU training data, labelled by intent
# --------------------------------------------------------------------------
def corpus(data_dir: Path) -> list[tuple[str, str]]:
    """(text, label) for every NLU example under data_dir; label = safety category or routine."""
    rows: list[tuple[str, str]] = []
    for path in sorted(Path(data_dir).rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in document.get("nlu") or []:
            intent = block.get("intent")
            if not intent or not isinstance(block.get("examples"), str):
                continue
            label = INTENT_CATEGORY.get(intent.split("/")[0], ROUTINE)
            for line in block["examples"].splitlines():
                line = line.strip()
                if line.startswith("- "):
                    rows.append((_ANNOTATION.sub(r"\1", line[2:]).strip(), label))
    return rows


def corpus_digest(rows: list[tuple[str, str]]) -> str:
    lines = "\n".join(f"{label}\t{text}" for text, label in rows)
    return hashlib.sha256(lines.encode()).hexdigest()


def _pipeline():
    # scikit-learn is imported here so that a process that only screens with the rules
    # (or loads a saved model) pays for it once, not at every import of the screen.
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    features = FeatureUnion([
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 3), min_df=1,
                                  sublinear_tf=True, token_pattern=r"[a-z0-9]+")),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                  sublinear_tf=True, max_features=120_000)),
    ])
    # A linear SVM with Platt (sigmoid) calibration over 3 folds: as good as a logistic
    # regression on this corpus at a fraction of the training time, and just as cheap to run.
    return Pipeline([("features", features),
                     ("model", CalibratedClassifierCV(LinearSVC(C=1.0), method="sigmoid", cv=3))])


class _Fast:
    """The fitted pipeline's arithmetic without scikit-learn's per-call overhead.

    predict_proba on one short text costs scikit-learn about 2 ms in input checks and
    sparse-matrix bookkeeping; the sums themselves are a few hundred multiply-adds. This
    does the same sums: TF-IDF (sublinear tf, idf, l2 per vectoriser), each calibrated
    linear model's decision values, its sigmoid calibrators, normalisation, the mean over
    the ensemble. `Classifier.check_fast` (and a test) compares it with predict_proba.
    """

    def __init__(self, pipeline):
        import numpy
        self.np = numpy
        self.parts, offset = [], 0
        for _, vectorizer in pipeline.named_steps["features"].transformer_list:
            self.parts.append((vectorizer.build_analyzer(), vectorizer.vocabulary_,
                               vectorizer.idf_, offset))
            offset += len(vectorizer.vocabulary_)
        self.models = []
        for calibrated in pipeline.named_steps["model"].calibrated_classifiers_:
            estimator = getattr(calibrated, "estimator", None) or calibrated.base_estimator
            # features × classes, row-major: one message's columns are a few contiguous rows
            self.models.append((numpy.ascontiguousarray(numpy.asarray(estimator.coef_).T),
                                numpy.asarray(estimator.intercept_),
                                numpy.array([c.a_ for c in calibrated.calibrators]),
                                numpy.array([c.b_ for c in calibrated.calibrators])))

    def proba(self, prepared: str):
        np = self.np
        indices, values = [], []
        for analyzer, vocabulary, idf, offset in self.parts:
            counts: dict[int, int] = {}
            for gram in analyzer(prepared):
                column = vocabulary.get(gram)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if not counts:
                continue
            columns = np.fromiter(counts, dtype=np.int64, count=len(counts))
            weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts))))
            weights *= idf[columns]
            weights /= np.sqrt(weights @ weights)
            indices.append(columns + offset)
            values.append(weights)
        columns = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64)
        weights = np.concatenate(values) if values else np.zeros(0)
        total = 0.0
        for coef, intercept, a, b in self.models:
            decision = weights @ coef[columns] + intercept
            p = 1.0 / (1.0 + np.exp(a * decision + b))
            denominator = p.sum()
            total = total + (p / denominator if denominator else np.full(len(p), 1.0 / len(p)))
        return total / len(self.models)


# --------------------------------------------------------------------------
# The trained model
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    category: str | None   # the most likely safety category, or None when routine wins outright
    score: float           # its calibrated probability
    level: str | None      # 'high', 'medium' or None (below the middle band)

    def as_dict(self) -> dict:
        return {"category": self.category, "score": round(self.score, 4), "level": self.level}


class Classifier:
    def __init__(self, pipeline, digest: str = ""):
        self.pipeline = pipeline
        self.digest = digest
        self.labels = list(pipeline.classes_)
        self._fast = _Fast(pipeline)

    def scores(self, text: str, prepared: str | None = None) -> dict[str, float]:
        probabilities = self._fast.proba(prepare(text) if prepared is None else prepared)
        return {label: float(p) for label, p in zip(self.labels, probabilities, strict=True)}

    def reference_scores(self, text: str) -> dict[str, float]:
        """The same scores through scikit-learn's own predict_proba (slow; for checks)."""
        probabilities = self.pipeline.predict_proba([prepare(text)])[0]
        return {label: float(p) for label, p in zip(self.labels, probabilities, strict=True)}

    def verdict(self, text: str) -> Verdict:
        prepared = prepare(text)
        if len(prepared.split()) < MIN_WORDS:
            # One or two words weigh as much as a whole sentence after l2 normalisation
            # ("ik" alone scores as a crisis): too little to judge; the rules and NLU see them.
            return Verdict(None, 0.0, None)
        scores = self.scores(text, prepared)
        safety = [(score, label) for label, score in scores.items() if label != ROUTINE]
        if not safety:
            return Verdict(None, 0.0, None)
        score, category = max(safety)
        level = "high" if score >= HIGH else "medium" if score >= MEDIUM else None
        return Verdict(category, score, level)


def train(rows: list[tuple[str, str]]) -> Classifier:
    import numpy
    texts = [prepare(text) for text, _ in rows]
    # scikit-learn 1.1 counts classes on arrays
    labels = numpy.asarray([label for _, label in rows])
    pipeline = _pipeline().fit(texts, labels)
    return Classifier(pipeline, corpus_digest(rows))


def save(classifier: Classifier, path: Path) -> None:
    import joblib
    import sklearn
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    joblib.dump({"format": FORMAT, "sklearn": sklearn.__version__, "digest": classifier.digest,
                 "pipeline": classifier.pipeline}, tmp)
    os.replace(tmp, path)


def load(path: Path) -> Classifier:
    import joblib
    saved = joblib.load(path)
    if saved.get("format") != FORMAT:
        raise ValueError(f"{path}: saved format {saved.get('format')}, expected {FORMAT}")
    return Classifier(saved["pipeline"], saved.get("digest", ""))


_loaded: dict[str, Classifier | None] = {}
_lock = threading.Lock()


def model_path() -> Path:
    return Path(os.environ.get("SAFETY_CLASSIFIER_PATH", DEFAULT_PATH))


def shared() -> Classifier | None:
    """The process's classifier (loaded once), or None when no trained model exists.

    A missing model is logged loudly once: the screen then runs on rules (and Rasa) alone.
    """
    path = str(model_path())
    if path in _loaded:
        return _loaded[path]
    with _lock:
        if path not in _loaded:
            try:
                _loaded[path] = load(Path(path))
            except FileNotFoundError:
                log.error("safety classifier missing at %s: run `make train`; screening with "
                          "the rules alone", path)
                _loaded[path] = None
    return _loaded[path]


# --------------------------------------------------------------------------
# Command line (make train calls `train`)
# --------------------------------------------------------------------------
def _report(rows: list[tuple[str, str]]) -> None:
    """Out-of-fold figures on the training corpus itself, for choosing thresholds."""
    import numpy
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    texts = [prepare(text) for text, _ in rows]
    labels = numpy.asarray([label for _, label in rows])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
    probabilities = cross_val_predict(_pipeline(), texts, labels, cv=folds, method="predict_proba")
    classes = sorted(set(labels))
    routine = classes.index(ROUTINE)
    risk = [max(p for i, p in enumerate(row) if i != routine) for row in probabilities]
    for threshold in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        flagged = [r >= threshold for r in risk]
        safety = [f for f, label in zip(flagged, labels, strict=True) if label != ROUTINE]
        other = [f for f, label in zip(flagged, labels, strict=True) if label == ROUTINE]
        print(f"  threshold {threshold:.1f}: out-of-fold recall {sum(safety) / len(safety):.3f}"
              f"  false rate {sum(other) / len(other):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.triage.classifier", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["train", "report"])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    rows = corpus(args.data)
    counts = dict(sorted(Counter(label for _, label in rows).items()))
    print(f"safety classifier corpus: {len(rows)} examples {counts}")
    if args.command == "report":
        _report(rows)
        return 0
    started = time.perf_counter()
    save(train(rows), args.out)
    print(f"safety classifier trained in {time.perf_counter() - started:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

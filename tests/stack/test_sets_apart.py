"""The test sets are written apart from the training data: no test line is in, or a near-copy
of, a training example (the shared checker, ../shared/eval/overlap.py)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tools.stack import ROOT

OVERLAP = ROOT.parent / "shared" / "eval" / "overlap.py"

# The overlap check reads every training line against every test line (a minute or so).


@pytest.mark.parametrize("test_set", ["triage_cases.tsv", "nlu_questions.tsv"])
def test_no_test_line_leaks_into_the_training_data(test_set):
    assert OVERLAP.exists(), f"the shared overlap checker is missing: {OVERLAP} (../shared/eval)"
    result = subprocess.run([sys.executable, str(OVERLAP), str(ROOT / "tests" / test_set),
                             str(ROOT / "data")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.strip().splitlines()[-1].endswith("0 exact, 0 near copies")

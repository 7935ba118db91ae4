"""`make load` in short: locust drives web chat, SMS and voice (about 5% crisis messages) against
the real gateway, Rasa and action server; the run fails on any error or on a crisis message
without a handoff."""
from __future__ import annotations

import subprocess
import sys

from tools.stack import ROOT


def test_mixed_load_has_no_errors_and_every_crisis_gets_a_handoff():
    result = subprocess.run([sys.executable, "-m", "tools.load", "--users", "20", "--time", "30s"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    summary = [line for line in result.stdout.splitlines() if line.startswith("requests:")]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert summary and "errors: 0" in summary[0] and "crisis without a handoff: 0" in summary[0]

"""`make load` in short: locust drives web chat, SMS and voice (about 5% crisis messages) against
the real gateway, Rasa and action server. `make load` fails on any error; this test on a crisis
message without a handoff or any 5xx."""
from __future__ import annotations

import re
import subprocess
import sys

from tools.stack import ROOT


def test_mixed_load_gives_no_server_error_and_every_crisis_gets_a_handoff():
    """Strict where it matters: every crisis among the load has a handoff and no request got
    a 5xx. A connection-level error (status 0, when another stack shares the machine) is
    counted by `make load`, which fails on any error; it does not decide this test."""
    result = subprocess.run([sys.executable, "-m", "tools.load", "--users", "20", "--time", "30s"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    output = result.stdout[-3000:] + result.stderr[-3000:]
    summary = re.search(r"requests: (\d+), errors: (\d+), crisis messages: (\d+), "
                        r"crisis without a handoff: (\d+)", result.stdout)
    assert summary, output
    requests_made, errors, crisis, missing = map(int, summary.groups())
    assert requests_made >= 200 and crisis >= 1, output
    assert missing == 0, output
    assert not re.search(r"status 5\d\d|crisis without handoff", result.stdout), output
    assert errors <= requests_made // 100, output  # a stray reset, never a pattern

"""Where a turn goes: sample running processes with py-spy and write their top frames.

`make bench` calls `start()` and `finish()` on the Rasa server and the action server while a
routine load runs, and writes bench/profile-rasa.txt and bench/profile-actions.txt: the frames that
were on the CPU most often, by their own time (the function itself was running) and by their
total time (the function or anything it called), each as a share of the samples.

    python -m tools.profile bench/profile-rasa.raw      # summarise a raw py-spy file again
"""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from tools.stack import VENV_BIN

PY_SPY = VENV_BIN / "py-spy"
TOP = 30


def start(pid: int, seconds: int, raw: Path) -> subprocess.Popen:
    """py-spy samples the process (and its workers) for `seconds`, only threads holding the
    GIL: without --gil Sanic's event loop waiting in epoll shows as most of the samples. Native
    work that releases the GIL (TensorFlow kernels) is undercounted by that."""
    return subprocess.Popen([str(PY_SPY), "record", "--pid", str(pid), "--duration",
                             str(seconds), "--rate", "200", "--subprocesses", "--format", "raw",
                             "--output", str(raw), "--nonblocking", "--gil"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def read_raw(raw: Path) -> list[tuple[list[str], int]]:
    """py-spy's raw (collapsed) format: 'outer;inner;leaf count' per line."""
    stacks = []
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        frames, _, count = line.rpartition(" ")
        if frames and count.isdigit():
            stacks.append((frames.split(";"), int(count)))
    return stacks


def summarise(stacks: list[tuple[list[str], int]], title: str, top: int = TOP) -> str:
    total = sum(count for _, count in stacks)
    own, inclusive = Counter(), Counter()
    for frames, count in stacks:
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    lines = [f"# {title}",
             f"# {total} samples (py-spy, 200 per second, threads holding the GIL)", ""]
    for heading, counter in (("own time (the frame itself was running)", own),
                             ("total time (the frame or what it called)", inclusive)):
        lines += [f"## top {top} by {heading}", ""]
        for frame, count in counter.most_common(top):
            lines.append(f"{100 * count / max(total, 1):6.1f}%  {frame}")
        lines.append("")
    return "\n".join(lines)


def finish(proc: subprocess.Popen, raw: Path, out: Path, title: str) -> str | None:
    """Wait for py-spy, write the summary to `out`; returns an error text or None."""
    _, err = proc.communicate()
    if proc.returncode != 0 or not raw.exists():
        return f"py-spy exited with {proc.returncode}: {err.decode(errors='replace')[-300:]}"
    out.write_text(summarise(read_raw(raw), title), encoding="utf-8")
    return None


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(summarise(read_raw(Path(name)), name))

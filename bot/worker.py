"""The escalation worker: `flask --app bot worker` (a Procfile process of its own).

It holds no state: due escalations live in the database, so a restarted worker carries on
where the last one stopped, and two workers never do a level twice (bot/escalation.py).
"""
from __future__ import annotations

import logging
import signal
import threading

from bot import escalation

log = logging.getLogger(__name__)


def run(services, interval: float = 1.0, stop: threading.Event | None = None,
        passes: int | None = None, trace: bool = False) -> int:
    """Pass over due escalations every `interval` seconds until stopped; returns passes made."""
    stop = stop or threading.Event()
    made = 0
    while not stop.is_set() and (passes is None or made < passes):
        try:
            done = escalation.run_due(services)
        except Exception:  # the database is down, say: try again on the next pass
            log.exception("escalation pass failed")
            done = []
        made += 1
        if trace:
            print(f"worker pass {made} escalated {done}", flush=True)
        if passes is None or made < passes:
            stop.wait(interval)
    return made


def install_signal_handlers(stop: threading.Event) -> None:
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())

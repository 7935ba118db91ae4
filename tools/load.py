"""`make load`: a bounded mixed load (web chat, SMS, voice; ~5% crisis) with locust against
the real gateway, Rasa and action server on loopback. Fails unless there were no errors and
every crisis message produced a handoff.

    make load                      # 20 users for 60 s
    make load ARGS="--users 50 --time 120s"
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

from core.db import session_scope
from core.models import Conversation, Handoff
from tools.stack import ROOT, VENV_BIN, Stack

TOKEN = "load-twilio-token"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--time", default="60s")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="load-"))
    stack = Stack(tmp)
    try:
        stack.start_actions()
        stack.start_rasa()
        gateway = stack.start_gateway(TWILIO_AUTH_TOKEN=TOKEN, workers=2, threads=8)
        crisis_file = tmp / "crisis_ids.txt"
        env = {**__import__("os").environ, "LOAD_TWILIO_TOKEN": TOKEN,
               "LOAD_CRISIS_FILE": str(crisis_file)}
        subprocess.run([str(VENV_BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"),
                        "WebChatVisitor", "SmsSender", "Caller",  # not bench's PacedCaller
                        "--headless", "-u", str(args.users), "-r", str(max(1, args.users // 5)),
                        "-t", args.time, "--host", gateway, "--csv", str(tmp / "load"),
                        "--only-summary"], env=env, cwd=ROOT, check=False)
        with open(tmp / "load_stats.csv") as handle:
            total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
        requests_made, failures = int(total["Request Count"]), int(total["Failure Count"])
        crisis = [line for line in crisis_file.read_text().splitlines() if line]
        missing = []
        with session_scope(stack.database_url) as session:
            for key in crisis:
                if key.startswith("sms:"):
                    conversation_ids = session.execute(select(Conversation.id).where(
                        Conversation.caller == key[4:], Conversation.channel == "sms")
                    ).scalars().all()
                else:
                    conversation_ids = [key]
                found = conversation_ids and session.execute(select(Handoff.id).where(
                    Handoff.conversation_id.in_(conversation_ids))).first()
                if not found:
                    missing.append(key)
        print(f"\nrequests: {requests_made}, errors: {failures}, crisis messages: {len(crisis)}, "
              f"crisis without a handoff: {len(missing)}")
        return 0 if failures == 0 and not missing and crisis else 1
    finally:
        stack.stop_all()


if __name__ == "__main__":
    sys.exit(main())

"""`python -m bot.triage`: screen one utterance per stdin line, print one JSON line each.

The rules and the gateway's risk classifier always run; with Rasa reachable (RASA_URL
or --rasa-url) its NLU is added, otherwise it says so on stderr. Each line has
`"layers": {"rules": …, "classifier": …, "nlu": …}`: every layer's own verdict and
score (null where a layer did not run), so a miss can be explained.
"""
from __future__ import annotations

import argparse
import json
import sys

from bot.road.rasa_client import RasaClient, RasaUnavailable
from bot.triage.screen import check, combine
from core.config import Config


def nlu_from_parse(parse: dict) -> dict:
    """Rasa's /model/parse answer in the shape the screen reads (as actions/context.py sends it)."""
    intent = parse.get("intent") or {}
    return {"intent": intent.get("name"), "confidence": float(intent.get("confidence") or 0),
            "safety": {item["name"]: float(item.get("confidence") or 0)
                       for item in parse.get("intent_ranking") or []
                       if str(item.get("name", "")).startswith("safety_")}}


def main(argv: list[str] | None = None) -> int:
    cfg = Config()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rasa-url", default=cfg.rasa_url)
    parser.add_argument("--rasa-token", default=cfg.rasa_token)
    parser.add_argument("--rules-only", action="store_true",
                        help="skip the NLU layer (rules and classifier only)")
    args = parser.parse_args(argv)

    rasa = None if args.rules_only else RasaClient(args.rasa_url, args.rasa_token, timeout=5)
    if rasa is not None and not rasa.rasa_up(timeout=2):
        print(f"Rasa not reachable at {args.rasa_url}: using the rules alone", file=sys.stderr)
        rasa = None

    for line in sys.stdin:
        text = line.rstrip("\n")
        decision = check(text)  # one output line per input line, empty ones included
        if rasa is not None and text.strip():
            try:
                decision = combine(decision, nlu_from_parse(rasa.parse(text)))
            except RasaUnavailable as exc:
                print(f"Rasa parse failed ({exc}): rules alone for this line", file=sys.stderr)
        layers = {"rules": None, "classifier": None, "nlu": None, **decision.layers}
        print(json.dumps({"text": text, "handoff": decision.handoff, "category": decision.category,
                          "risk": decision.risk_level if decision.handoff else None,
                          "reason": decision.reason, "review": decision.review,
                          "intent": decision.intent, "confidence": decision.confidence,
                          "language": decision.language, "layers": layers},
                         ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m ivr.simulate`: play Twilio's part against a running gateway, offline.

Signs every request like Twilio, posts the call or SMS webhooks, follows
Gather / Redirect / Say / Dial / Number / Hangup, fetches the whisper as the
agent's phone would, and prints what the caller (and the agent) hear.

    python -m ivr.simulate --say "ik wil mijn adres wijzigen" --say "Kerkstraat 1"
    python -m ivr.simulate --digits 0 --agent-declines --json
    python -m ivr.simulate --sms --say "waar blijft mijn bestelling" --to +3197000000002
    python -m ivr.simulate            # interactive: type what the caller says, or #digits
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import requests
from sqlalchemy import select
from twilio.request_validator import RequestValidator

from core.config import ROOT, Config
from core.db import session_scope
from core.lines import load
from core.models import Conversation, Handoff, utcnow


class Twilio:
    """Signs and posts requests the way Twilio does."""

    def __init__(self, base_url: str, public_base_url: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.public_base_url = public_base_url.rstrip("/")
        self.validator = RequestValidator(token)
        self.http = requests.Session()

    def post(self, url: str, params: dict) -> str:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        signature = self.validator.compute_signature(self.public_base_url + path, params)
        response = self.http.post(self.base_url + path, data=params, timeout=30,
                                  headers={"X-Twilio-Signature": signature})
        response.raise_for_status()
        return response.text


def says(element) -> list[str]:
    return [(say.text or "").strip() for say in element.iter("Say")]


class Call:
    def __init__(self, twilio: Twilio, to: str, caller: str, turns: list, agent_accepts: bool,
                 interactive: bool, echo):
        self.twilio, self.to, self.caller = twilio, to, caller
        self.turns, self.agent_accepts = list(turns), agent_accepts
        self.interactive, self.echo = interactive, echo
        self.sid = "CA" + uuid.uuid4().hex
        self.log: list[dict] = []
        self.handoff: dict | None = None

    def params(self, **extra) -> dict:
        return {"CallSid": self.sid, "AccountSid": "AC" + "0" * 32, "From": self.caller,
                "To": self.to, "CallStatus": "in-progress", "Direction": "inbound", **extra}

    def next_turn(self):
        if self.turns:
            return self.turns.pop(0)
        if self.interactive:
            try:
                typed = input("caller> ").strip()
            except EOFError:
                return None
            if not typed:
                return None
            return ("digits", typed[1:]) if typed.startswith("#") else ("say", typed)
        return None

    def run(self) -> dict:
        url, params, caller_turn = "/twilio/voice", self.params(CallStatus="ringing"), None
        while url:
            twiml = self.twilio.post(url, params)
            url, params, caller_turn = self.follow(url, twiml, caller_turn)
        return {"turns": self.log, "handoff": self.handoff}

    def follow(self, current: str, twiml: str, caller_turn):
        root = ET.fromstring(twiml)
        heard: list[str] = []
        entry = {"caller": caller_turn, "heard": heard, "twiml": twiml}
        self.log.append(entry)
        for element in root:
            if element.tag == "Say":
                heard.append((element.text or "").strip())
                self.echo("assistant", heard[-1])
            elif element.tag == "Gather":
                heard.extend(says(element))
                for text in says(element):
                    self.echo("assistant", text)
                turn = self.next_turn()
                if turn is None:
                    return None, None, None  # the caller hangs up
                kind, value = turn
                self.echo("caller", value if kind == "say" else f"[presses {value}]")
                extra = ({"SpeechResult": value, "Confidence": "0.92"} if kind == "say"
                         else {"Digits": value})
                action = urljoin(current, element.get("action") or current)
                return action, self.params(**extra), (value if kind == "say" else f"#{value}")
            elif element.tag == "Redirect":
                return urljoin(current, (element.text or "").strip()), self.params(), None
            elif element.tag == "Dial":
                return self.dial(current, element)
            elif element.tag == "Hangup":
                return None, None, None
        return None, None, None

    def dial(self, current: str, dial):
        number = dial.find("Number")
        target = (number.text or "").strip() if number is not None else (dial.text or "").strip()
        self.handoff = self.handoff or {"rung": [], "accepted": False, "agent_heard": [],
                                        "connected_to": None}
        if number is None or not number.get("url"):
            self.handoff["connected_to"] = target
            self.echo("system", f"connected to {target}")
            return None, None, None
        self.handoff["rung"].append(target)
        agent_sid = "CA" + uuid.uuid4().hex
        agent_params = {"CallSid": agent_sid, "ParentCallSid": self.sid, "From": self.to,
                        "To": target, "CallStatus": "in-progress", "Direction": "outbound-dial"}
        whisper_url = urljoin(current, number.get("url"))
        whisper = ET.fromstring(self.twilio.post(whisper_url, agent_params))
        gather = whisper.find("Gather")
        # what the agent hears before pressing a key; the <Say> after <Gather> only plays
        # when no key comes, which the simulated agent always presses
        heard = says(gather) if gather is not None else says(whisper)
        self.handoff["agent_heard"].append(heard)
        for text in heard:
            self.echo(f"agent {target}", text)
        bridged = False
        if gather is not None:
            digit = "1" if self.agent_accepts else "2"
            self.echo(f"agent {target}", f"[presses {digit}]")
            result = ET.fromstring(self.twilio.post(urljoin(whisper_url, gather.get("action")),
                                                    {**agent_params, "Digits": digit}))
            bridged = len(result) == 0  # an empty answer bridges the two legs
        if bridged:
            self.handoff["accepted"] = True
            self.handoff["connected_to"] = target
            self.echo("system", f"caller connected with agent {target}")
        status = "completed" if bridged else "no-answer"
        action = urljoin(current, dial.get("action") or current)
        return action, self.params(DialCallStatus=status), None


def sms_handoff(database_url: str | None, caller: str, to: str, since=None) -> dict | None:
    """The handoff an SMS conversation ended in, reported like a call's: by the database
    (an SMS reply carries no Dial to follow). None without a database or a handoff."""
    if not database_url:
        return None

    with session_scope(database_url) as session:
        handoff = session.execute(
            select(Handoff).join(Conversation, Conversation.id == Handoff.conversation_id)
            .where(Conversation.caller == caller, Conversation.channel == "sms",
                   Handoff.created_at >= since)
            .order_by(Handoff.id.desc())).scalars().first()
        if handoff is None:
            return None
        return {"channel": "sms", "category": handoff.category, "reason": handoff.reason,
                "status": handoff.status, "rung": [], "accepted": handoff.status == "accepted",
                "agent_heard": [], "connected_to": None}


def sms(twilio: Twilio, to: str, caller: str, turns: list, echo,
        database_url: str | None = None) -> dict:
    since = utcnow()  # only a handoff of this run counts
    log = []
    for kind, value in turns:
        params = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": "AC" + "0" * 32,
                  "From": caller, "To": to, "Body": value if kind == "say" else value,
                  "NumMedia": "0"}
        echo("texter", value)
        twiml = twilio.post("/twilio/sms", params)
        heard = [(m.text or "").strip() for m in ET.fromstring(twiml).iter("Message")]
        for text in heard:
            echo("assistant", text)
        log.append({"caller": value, "heard": heard, "twiml": twiml})
    return {"turns": log, "handoff": sms_handoff(database_url, caller, to, since)}


def _default_database_url() -> str | None:
    try:
        return Config().database_url
    except Exception:  # noqa: BLE001 - a simulator without the gateway's config still runs
        return None


def main(argv=None) -> int:
    lines = load(os.environ.get("LINES_FILE", ROOT / "lines.yml"))
    port = os.environ.get("GATEWAY_PORT", "5000")
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=f"http://127.0.0.1:{port}")
    parser.add_argument("--public-base-url", default=os.environ.get("PUBLIC_BASE_URL"),
                        help="the URL the gateway checks signatures against (default: --base-url)")
    parser.add_argument("--auth-token", default=os.environ.get("TWILIO_AUTH_TOKEN", ""))
    parser.add_argument("--to", default=lines.lines[0].twilio_number)
    parser.add_argument("--from", dest="caller", default="+31612345678")
    parser.add_argument("--sms", action="store_true")
    parser.add_argument("--say", dest="turns", action="append", type=lambda v: ("say", v),
                        default=[])
    parser.add_argument("--digits", dest="turns", action="append", type=lambda v: ("digits", v))
    parser.add_argument("--agent-accepts", dest="agent_accepts", action="store_true", default=True)
    parser.add_argument("--agent-declines", dest="agent_accepts", action="store_false")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"),
                        help="the gateway's database, read for an SMS handoff (default: "
                             "$DATABASE_URL, else the gateway's own default)")
    args = parser.parse_args(argv)
    if not args.auth_token:
        parser.error("no auth token: set TWILIO_AUTH_TOKEN (make run prints where it is) "
                     "or --auth-token")

    twilio = Twilio(args.base_url, args.public_base_url or args.base_url, args.auth_token)
    echo = ((lambda who, text: None) if args.json
            else (lambda who, text: print(f"{who:>18}: {text}")))
    if args.sms:
        result = sms(twilio, args.to, args.caller, args.turns, echo,
                     args.database_url or _default_database_url())
    else:
        result = Call(twilio, args.to, args.caller, args.turns, args.agent_accepts,
                      interactive=not args.turns, echo=echo).run()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

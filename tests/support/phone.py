"""A caller on the phone line and an SMS sender, signed like Twilio, and lines.yml with other
opening hours."""
from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from tests.support.twilio_util import signed_post
from tools.stack import ROOT

DONOR_LINE, PUMP_LINE = "+3197000000001", "+3197000000002"
CALLER = "+31612345678"
ALWAYS = {day: "00:00-23:59" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def lines_file(tmp_path: Path, hours: dict) -> Path:
    """lines.yml with other opening hours (always open / always closed) for the test."""
    raw = yaml.safe_load((ROOT / "lines.yml").read_text(encoding="utf-8"))
    for line in raw["lines"]:
        line["hours"] = {"timezone": "Europe/Amsterdam", "weekdays": hours, "holidays": []}
    path = tmp_path / "lines.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


class Caller:
    """One call: Twilio's webhooks for it, each signed, each expected to answer 200."""

    def __init__(self, client, to=DONOR_LINE, caller=CALLER):
        self.client, self.sid = client, "CA" + uuid.uuid4().hex
        self.base = {"CallSid": self.sid, "From": caller, "To": to, "AccountSid": "AC" + "0" * 32}

    def post(self, path, **params):
        response = signed_post(self.client, path, {**self.base, **params})
        assert response.status_code == 200, response.get_data(as_text=True)
        return ET.fromstring(response.get_data(as_text=True))

    def call(self):
        return self.post("/twilio/voice", CallStatus="ringing")

    def answer(self, root, **params):
        """Answer the Gather of the last response (its action URL) with speech or digits."""
        action = root.find("Gather").get("action")
        return self.post(action, **params)

    def say(self, root, text, confidence="0.9"):
        return self.answer(root, SpeechResult=text, Confidence=confidence)


def spoken(root) -> str:
    return " ".join((say.text or "") for say in root.iter("Say"))


def text(client, body, sender="+31687654321", to=PUMP_LINE, sid=None, **extra) -> list[str]:
    """Send one SMS to the gateway; the texts of the <Message>s it answers with."""
    params = {"MessageSid": sid or "SM" + uuid.uuid4().hex, "From": sender, "To": to,
              "Body": body, "NumMedia": "0", **extra}
    response = signed_post(client, "/twilio/sms", params)
    assert response.status_code == 200
    return [(m.text or "") for m in ET.fromstring(response.get_data(as_text=True)).iter("Message")]


def sms(client, body, sender, to=PUMP_LINE) -> str:
    """The gateway's answer to one SMS, as one text."""
    return " ".join(text(client, body, sender, to))

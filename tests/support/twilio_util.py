"""Signed Twilio webhooks for tests, and a check of every TwiML name we emit."""
from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs

from twilio.request_validator import RequestValidator

TOKEN = "test-twilio-auth-token"
PUBLIC = "https://bot.example.org"

# Element → attributes, as documented by Twilio for TwiML <Response> verbs and nouns.
ALLOWED = {
    "Response": set(),
    "Say": {"voice", "language", "loop"},
    "Gather": {"action", "method", "input", "language", "hints", "timeout", "speechTimeout",
               "numDigits", "finishOnKey", "actionOnEmptyResult", "profanityFilter",
               "partialResultCallback", "partialResultCallbackMethod", "speechModel",
               "enhanced", "bargeIn", "debug"},
    "Redirect": {"method"},
    "Dial": {"action", "method", "answerOnBridge", "timeout", "callerId", "hangupOnStar",
             "timeLimit", "record", "recordingStatusCallback", "ringTone", "trim", "sequential"},
    "Number": {"url", "method", "sendDigits", "statusCallback", "statusCallbackEvent",
               "statusCallbackMethod", "byoc"},
    "Hangup": set(),
    "Pause": {"length"},
    "Message": {"to", "from", "action", "method", "statusCallback"},
    "Body": set(),
}


def check_twiml(xml: str) -> ET.Element:
    root = ET.fromstring(xml)
    assert root.tag == "Response", root.tag
    for element in root.iter():
        assert element.tag in ALLOWED, f"undocumented TwiML element <{element.tag}>"
        unknown = set(element.attrib) - ALLOWED[element.tag]
        assert not unknown, f"undocumented attributes on <{element.tag}>: {unknown}"
    return root


def sign(url: str, params: dict, token: str = TOKEN) -> str:
    return RequestValidator(token).compute_signature(url, params)


def signed_post(client, path: str, params: dict, token: str = TOKEN):
    headers = {"X-Twilio-Signature": sign(PUBLIC + path, params, token)}
    response = client.post(path, data=params, headers=headers)
    if response.status_code == 200 and response.mimetype == "application/xml":
        check_twiml(response.get_data(as_text=True))
    return response


class MessagesStandIn(BaseHTTPRequestHandler):
    """Just enough of Twilio's POST /2010-04-01/Accounts/{sid}/Messages.json and Calls.json:
    each request is kept in `received` with its kind ("sms" or "call") and its form fields."""
    received: list = []

    def do_POST(self):
        body = {k: v[0] for k, v in parse_qs(
            self.rfile.read(int(self.headers["Content-Length"])).decode()).items()}
        kind = "call" if self.path.endswith("/Calls.json") else "sms"
        self.received.append({"path": self.path, "kind": kind, **body})
        sid = ("CA" if kind == "call" else "SM") + uuid.uuid4().hex
        data = json.dumps({"sid": sid, "status": "queued", "to": body.get("To"),
                           "from": body.get("From"), "body": body.get("Body"),
                           "account_sid": self.path.split("/")[3]}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass

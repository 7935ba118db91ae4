"""Mixed load for `make load`: web chat, SMS and voice webhooks, about 5% crisis messages.

Run by tools/load.py against a gateway on loopback; LOAD_TWILIO_TOKEN signs the Twilio
webhooks like Twilio does. Every crisis conversation id is written to LOAD_CRISIS_FILE so the
run can check afterwards that each one produced a handoff.
"""
from __future__ import annotations

import os
import random
import uuid

from locust import HttpUser, between, constant_pacing, events, task
from twilio.request_validator import RequestValidator

TOKEN = os.environ.get("LOAD_TWILIO_TOKEN", "")
CRISIS_FILE = os.environ.get("LOAD_CRISIS_FILE", "crisis_ids.txt")
CRISIS_SHARE = 0.05
ROUTINE = ["ik wil mijn adres wijzigen", "hoe kan ik vriend worden", "waar blijft mijn bestelling",
           "wanneer krijg ik mijn jaaroverzicht", "how do I pair the app", "bedankt", "hallo",
           "wat betekent dit piepje", "can I take the pump on a plane"]
CRISIS = ["ik wil niet meer leven", "ik zie het niet meer zitten", "I want to kill myself",
          "mijn pomp geeft geen insuline meer en ik moet overgeven", "mijn man wil dood"]
crisis_ids: list[str] = []


def utterance() -> tuple[str, bool]:
    if random.random() < CRISIS_SHARE:
        return random.choice(CRISIS), True
    return random.choice(ROUTINE), False


def signed(user, path: str, params: dict, name: str):
    signature = RequestValidator(TOKEN).compute_signature(user.host + path, params)
    with user.client.post(path, data=params, headers={"X-Twilio-Signature": signature},
                          name=name, catch_response=True) as response:
        if response.status_code != 200 or "<Response" not in response.text:
            response.failure(f"status {response.status_code}")
    return response


class WebChatVisitor(HttpUser):
    weight = 3
    wait_time = between(0.5, 2)

    def on_start(self):
        self.conversation = uuid.uuid4().hex

    @task
    def chat(self):
        text, crisis = utterance()
        if crisis:
            self.conversation = uuid.uuid4().hex
            crisis_ids.append(self.conversation)
        with self.client.post("/api/messages", name="web: /api/messages", catch_response=True,
                              json={"text": text, "conversation_id": self.conversation,
                                    "channel": "web"}) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif crisis and not response.json().get("handoff"):
                response.failure("crisis without handoff")
        self.client.get(f"/api/conversations/{self.conversation}/messages?after=0",
                        name="web: feed")


class SmsSender(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        self.phone = "+3161" + str(random.randint(1000000, 9999999))

    @task
    def sms(self):
        text, crisis = utterance()
        if crisis:  # a new number: its own conversation, so the handoff is attributable
            self.phone = "+3161" + str(random.randint(1000000, 9999999))
        sid = "SM" + uuid.uuid4().hex
        signed(self, "/twilio/sms", {"MessageSid": sid, "From": self.phone, "To": "+3197000000002",
                                     "Body": text, "NumMedia": "0"}, "sms: /twilio/sms")
        if crisis:
            crisis_ids.append("sms:" + self.phone)


class Caller(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    @task
    def call(self):
        call = {"CallSid": "CA" + uuid.uuid4().hex,
                "From": "+3162" + str(random.randint(1000000, 9999999)), "To": "+3197000000001"}
        signed(self, "/twilio/voice", call, "voice: /twilio/voice")
        for _ in range(2):
            text, crisis = utterance()
            signed(self, "/twilio/voice/gather",
                   {**call, "SpeechResult": text, "Confidence": "0.9"}, "voice: /gather")
            if crisis:
                crisis_ids.append(call["CallSid"])
                break


class PacedCaller(HttpUser):
    """`make bench`'s capacity figure (run by name, not part of `make load`): one call per
    user, who says a routine sentence every 8 seconds, as someone on the phone does. (locust
    refuses to run a class of weight 0 even by name; tools/load.py names its own classes.)"""
    wait_time = constant_pacing(8)

    def on_start(self):
        self.call = {"CallSid": "CA" + uuid.uuid4().hex,
                     "From": "+3162" + str(random.randint(1000000, 9999999)),
                     "To": "+3197000000001"}
        signed(self, "/twilio/voice", self.call, "voice: greeting")

    @task
    def speak(self):
        signed(self, "/twilio/voice/gather",
               {**self.call, "SpeechResult": random.choice(ROUTINE), "Confidence": "0.9"},
               "voice: spoken turn")


@events.quitting.add_listener
def write_crisis_ids(environment, **_):
    with open(CRISIS_FILE, "w") as handle:
        handle.write("\n".join(crisis_ids))

"""Under load every crisis still reaches a person: web chat visitors and SMS senders at the
same time against the real gateway (a threaded server), Rasa and the action server, one message
in four a crisis. Strict on what matters for safety: every crisis reply carries a crisis
handoff and the database holds it. How fast, and whether any request failed at all, is
`make load`'s to measure (tools/load.py: locust, fails on any error); it is not in the suite.
"""
from __future__ import annotations

import threading
import uuid
import xml.etree.ElementTree as ET

import requests
from sqlalchemy import select
from werkzeug.serving import make_server

from bot import create_app
from core.db import session_scope
from core.models import Conversation, Handoff
from tests.support.twilio_util import PUBLIC, TOKEN, sign

PUMP_LINE = "+3197000000002"
ROUTINE = ["hoe kan ik eenmalig een gift doen", "wanneer zijn jullie open",
           "can i order new pods", "is mijn gift aftrekbaar", "hoe word ik vriend van de stichting",
           "what is the warranty on the pump"]
CRISIS = ["ik wil niet meer leven", "honestly I just want to kill myself",
          "ik heb net 30 oxazepam ingenomen",
          "ik zie het niet meer zitten, ik maak er een eind aan"]
SENDERS, MESSAGES_EACH = 8, 8  # 64 requests, 16 crises


def web(base, text):
    conversation_id = uuid.uuid4().hex
    response = requests.post(f"{base}/api/messages", timeout=120,
                             json={"text": text, "conversation_id": conversation_id})
    assert response.status_code == 200, response.text
    return conversation_id, response.json()["handoff"]


def sms(base, text):
    sender = "+3168" + str(uuid.uuid4().int)[:7]
    params = {"MessageSid": "SM" + uuid.uuid4().hex, "From": sender, "To": PUMP_LINE,
              "Body": text, "NumMedia": "0"}
    response = requests.post(f"{base}/twilio/sms", data=params, timeout=120,
                             headers={"X-Twilio-Signature": sign(PUBLIC + "/twilio/sms", params)})
    assert response.status_code == 200, response.text
    ET.fromstring(response.text)
    return sender, None


def test_every_crisis_under_load_gets_a_crisis_handoff(stack, twilio_api):
    app = create_app(stack.app_config(twilio_auth_token=TOKEN, public_base_url=PUBLIC,
                                      twilio_api_base=twilio_api[0],
                                      chat_rate_limit="10000 per minute"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    barrier, sent, failures = threading.Barrier(SENDERS), [], []

    def sender(number):
        channel = web if number % 2 == 0 else sms
        barrier.wait(timeout=60)
        for index in range(MESSAGES_EACH):
            crisis = (number + index) % 4 == 0
            pool = CRISIS if crisis else ROUTINE
            text = pool[(number + index) % len(pool)]
            try:
                key, handoff = channel(base, text)
            except Exception as error:  # noqa: BLE001 (reported with the message below)
                failures.append((channel.__name__, text, repr(error)))
                continue
            sent.append((channel.__name__, key, text, crisis, handoff))

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(SENDERS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(600)
    finally:
        server.shutdown()
    assert failures == []
    crises = [(channel, key, text, handoff) for channel, key, text, crisis, handoff in sent
              if crisis]
    assert len(sent) == SENDERS * MESSAGES_EACH and len(crises) == len(sent) // 4
    missing = []
    with session_scope(stack.database_url) as session:
        for channel, key, text, handoff in crises:
            if channel == "web":
                if not handoff or handoff["category"] != "crisis":
                    missing.append((channel, text, handoff))
                conversation_ids = [key]
            else:
                conversation_ids = session.execute(select(Conversation.id).where(
                    Conversation.caller == key, Conversation.channel == "sms")).scalars().all()
            rows = session.execute(select(Handoff.category).where(
                Handoff.conversation_id.in_(conversation_ids))).scalars().all()
            if rows != ["crisis"]:
                missing.append((channel, text, rows))
    assert missing == [], missing

"""SMS through the real gateway, signed like Twilio; agent replies through the twilio REST
client against a local stand-in of Twilio's Messages API (never the real service)."""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from core.db import session_scope
from core.models import Conversation, Handoff, Message, SmsSuppression
from core.records import Donor
from ivr.outbound import Suppressed, send_sms
from ivr.sms_text import segments
from tests.support.phone import DONOR_LINE, PUMP_LINE, text


def conversation_of(db_url, sender, to_line):
    with session_scope(db_url) as session:
        return session.execute(select(Conversation).where(
            Conversation.caller == sender, Conversation.line_id == to_line)).scalars().all()


def test_device_emergency_sms_is_handed_off_on_its_first_message(sms_app, stack):
    client, sender = sms_app.test_client(), "+3161" + str(uuid.uuid4().int)[:7]
    crisis = "help mijn pomp geeft geen insuline meer en mijn suiker is 25 met ketonen"
    [reply] = text(client, crisis, sender)
    assert "112" in reply and "020 000 0004" in reply
    [conversation] = conversation_of(stack.database_url, sender, "pomp")
    with session_scope(stack.database_url) as session:
        handoff = session.execute(select(Handoff).where(
            Handoff.conversation_id == conversation.id)).scalar_one()
    assert (handoff.category, handoff.channel, handoff.risk_level, handoff.line_id) == (
        "device_safety", "sms", "high", "pomp")
    assert text(client, "hallo?", sender) == []  # the person answers now, not the bot


def test_crisis_sms_is_handed_off_on_its_first_message(sms_app, stack):
    client, sender = sms_app.test_client(), "+3161" + str(uuid.uuid4().int)[:7]
    [reply] = text(client, "ik wil niet meer leven, ik heb de pillen al klaarliggen", sender,
                   to=DONOR_LINE)
    assert "113" in reply and "0800-0113" in reply and "112" in reply
    [conversation] = conversation_of(stack.database_url, sender, "vrienden")
    with session_scope(stack.database_url) as session:
        handoff = session.execute(select(Handoff).where(
            Handoff.conversation_id == conversation.id)).scalar_one()
    assert (handoff.category, handoff.channel, handoff.risk_level, handoff.line_id) == (
        "crisis", "sms", "high", "vrienden")


def test_routine_sms_is_answered_and_quick_replies_become_text(sms_app, stack):
    client = sms_app.test_client()
    sender = "+3162" + str(uuid.uuid4().int)[:7]
    with session_scope(stack.database_url) as session:
        session.add(Donor(donor_number="D" + sender[-6:], first_name="Sms", last_name="Test",
                          phone=sender, street="Dorpsstraat", house_number="4",
                          postcode="7411 AB", city="Deventer", iban="NL91ABNA0417164300",
                          amount=Decimal("5"), frequency="maand", start_date=date(2022, 1, 1)))
    replies = text(client, "ik wil mijn bijdrage verhogen", sender, to=DONOR_LINE)
    assert "postcode" in " ".join(replies).lower()  # the sender's number is known: no number asked
    assert "bedrag" in " ".join(text(client, "7411 AB 4", sender, to=DONOR_LINE)).lower()
    [reply] = text(client, "20 euro", sender, to=DONOR_LINE)
    assert "Antwoord met: Per maand / Per kwartaal / Per jaar" in reply
    assert segments(reply) <= 3


def test_duplicate_message_sid_is_answered_the_same_and_stored_once(sms_app, stack):
    client, sid = sms_app.test_client(), "SM" + uuid.uuid4().hex
    sender = "+3163" + str(uuid.uuid4().int)[:7]
    first = text(client, "waar blijft mijn bestelling", sender, sid=sid)
    again = text(client, "waar blijft mijn bestelling", sender, sid=sid)
    assert first == again and first
    with session_scope(stack.database_url) as session:
        count = session.execute(select(func.count()).select_from(Message).where(
            Message.external_id == sid)).scalar_one()
    assert count == 1


def test_stop_is_honoured_for_outbound_and_start_lifts_it(sms_app, stack, twilio_api):
    client = sms_app.test_client()
    sender = "+3164" + str(uuid.uuid4().int)[:7]
    text(client, "mijn pomp wordt heel heet en ruikt verbrand", sender)  # handoff: agent may reply
    [conversation] = conversation_of(stack.database_url, sender, "pomp")
    services = sms_app.extensions["assistant"]
    sid = send_sms(services, conversation.id, "Met Anna van PatchPump, ik bel u nu.")
    assert sid.startswith("SM")
    sent = twilio_api[1][-1]
    assert sent["To"] == sender and sent["From"] == PUMP_LINE and "Anna" in sent["Body"]
    assert sent["path"].endswith("/Messages.json")

    [reply] = text(client, "STOP", sender)
    assert "afgemeld" in reply
    with session_scope(stack.database_url) as session:
        assert session.execute(select(func.count()).select_from(SmsSuppression).where(
            SmsSuppression.phone == sender)).scalar_one() == 1
    with pytest.raises(Suppressed):
        send_sms(services, conversation.id, "nog een bericht")
    assert len(twilio_api[1]) == 1

    [reply] = text(client, "start", sender)
    assert "weer aangemeld" in reply
    send_sms(services, conversation.id, "fijn dat u er weer bent")
    assert len(twilio_api[1]) == 2


def test_media_only_and_empty_messages_get_a_polite_reply(sms_app):
    client = sms_app.test_client()
    [reply] = text(client, "", NumMedia="1", MediaUrl0="https://example.org/photo.jpg")
    assert "alleen tekst" in reply


def test_help_keyword_and_a_crisis_that_starts_with_stop(sms_app):
    client = sms_app.test_client()
    [reply] = text(client, "HELP", to=DONOR_LINE)
    assert "STOP" in reply and "112" in reply
    [reply] = text(client, "stop ik wil niet meer leven", to=DONOR_LINE)
    assert "0800-0113" in reply

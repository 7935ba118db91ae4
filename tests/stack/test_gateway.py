"""The gateway against the real trained model, the real action server and a real database."""
from __future__ import annotations

import logging
import uuid

from sqlalchemy import select

from bot import create_app
from core.db import session_scope
from core.models import Message
from tests.support.gateway import all_text, say


def test_dutch_address_change_gets_a_dutch_answer_about_the_address(client):
    answer = say(client, "ik wil mijn adres wijzigen")
    assert answer["language"] == "nl"
    assert answer["handoff"] is None
    text = all_text(answer)
    # The lead-in, then verification before anything changes (nothing personal is asked first).
    assert "doorgeven" in text and "donateurs- of klantnummer" in text


def test_english_patch_order_gets_an_english_answer_on_the_pump_line(client):
    answer = say(client, "how do I order more patches", line="pomp")
    assert answer["language"] == "en"
    text = all_text(answer)
    assert "order" in text and "patchpump.example.org/bestellen" in text


def test_pump_question_on_the_donor_line_points_to_the_pump_maker(client):
    answer = say(client, "how do I order more patches")  # default line: the foundation
    assert answer["language"] == "en"
    assert "020 000 0003" in all_text(answer)  # PatchPump's number from lines.yml


def test_facts_come_from_lines_yml(client):
    answer = say(client, "wanneer zijn jullie telefonisch bereikbaar", line="pomp")
    text = all_text(answer)
    assert "zaterdag van 10:00 tot 16:00" in text and "020 000 0003" in text
    assert "none" not in text.split()


def test_every_message_is_stored(client, stack):
    conversation_id = uuid.uuid4().hex
    answer = say(client, "hoe kan ik eenmalig een gift overmaken", conversation_id)
    with session_scope(stack.database_url) as session:
        rows = session.execute(select(Message).where(Message.conversation_id == conversation_id)
                               .order_by(Message.id)).scalars().all()
        stored = [(m.direction, m.sender, m.text) for m in rows]
    assert stored[0] == ("in", "user", "hoe kan ik eenmalig een gift overmaken")
    assert [text for _, _, text in stored[1:]] == [r["text"] for r in answer["replies"]]
    assert "NL91 ABNA 0417 1643 00" in answer["replies"][0]["text"]


def test_language_switch_on_request_sticks_for_short_replies(client):
    conversation_id = uuid.uuid4().hex
    first = say(client, "kunnen we in het engels verder praten", conversation_id)
    assert first["language"] == "en"
    assert "english" in all_text(first)
    second = say(client, "ok", conversation_id)
    assert second["language"] == "en"


def test_rasa_too_slow_gives_a_polite_reply(stack):
    client = create_app(stack.app_config(rasa_timeout=0.001)).test_client()
    response = client.post("/api/messages", json={"text": "hoe word ik vriend"})
    assert response.status_code == 200
    assert "medewerker" in all_text(response.get_json())


def test_healthz_reports_every_part(client, offline_app):
    healthy = client.get("/healthz")
    assert healthy.status_code == 200
    assert healthy.get_json() == {"status": "ok", "rasa": "ok", "actions": "ok", "db": "ok"}
    down = offline_app.test_client().get("/healthz").get_json()
    assert down["rasa"] == "down" and down["actions"] == "down" and down["db"] == "ok"
    assert down["status"] != "ok"


def test_logs_hold_ids_and_timings_but_no_message_text(client, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "Mijn naam is Jansen en ik woon op de Geheimlaan 99"
    say(client, secret)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "turn conversation=" in logged
    assert "Jansen" not in logged and "Geheimlaan" not in logged

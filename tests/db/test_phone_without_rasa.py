"""SMS and voice with Rasa and the action server down: a crisis in the very first message
still reaches a person with the right category, channel and risk, a routine message gets a
person too (a system handoff), and every Twilio route refuses a forged signature and stores
nothing. The real gateway on SQLite and PostgreSQL, signed like Twilio."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from bot import create_app
from core.db import session_scope
from core.lines import load
from core.models import Base, Conversation, Handoff
from tests.support.phone import ALWAYS, DONOR_LINE, PUMP_LINE, Caller, lines_file, sms, spoken
from tests.support.twilio_util import PUBLIC, TOKEN, sign


@pytest.fixture
def app(db_url, closed_port, tmp_path):
    return create_app({"database_url": db_url, "rasa_url": f"http://127.0.0.1:{closed_port}",
                       "actions_url": f"http://127.0.0.1:{closed_port}", "rasa_timeout": 1.0,
                       "lines_file": lines_file(tmp_path, ALWAYS), "testing": True,
                       "twilio_auth_token": TOKEN, "public_base_url": PUBLIC})


def number() -> str:
    return "+3161" + str(uuid.uuid4().int)[:7]


def handoffs(db_url, conversation_id=None, caller=None):
    with session_scope(db_url) as session:
        query = select(Handoff.category, Handoff.channel, Handoff.risk_level, Handoff.line_id)
        if conversation_id:
            query = query.where(Handoff.conversation_id == conversation_id)
        else:
            query = query.join(Conversation).where(Conversation.caller == caller)
        return session.execute(query).all()


@pytest.mark.parametrize("to, text, category, line, numbers", [
    (DONOR_LINE, "ik wil niet meer leven, ik heb de pillen al klaarliggen", "crisis",
     "vrienden", ["113", "0800-0113"]),
    (DONOR_LINE, "I don't want to be here anymore, everyone would be better off without me",
     "crisis", "vrienden", ["113", "0800-0113"]),
    (PUMP_LINE, "mijn pomp geeft geen insuline meer, suiker 27 en ik moet overgeven",
     "device_safety", "pomp", ["112"]),
])
def test_a_first_sms_in_danger_reaches_a_person_with_rasa_down(app, db_url, to, text, category,
                                                               line, numbers):
    sender = number()
    reply = sms(app.test_client(), text, sender, to)
    for expected in numbers:
        assert expected in reply
    assert handoffs(db_url, caller=sender) == [(category, "sms", "high", line)]


def test_a_routine_sms_with_rasa_down_gets_a_person_not_silence(app, db_url):
    sender = number()
    reply = sms(app.test_client(), "wanneer krijg ik mijn jaaroverzicht", sender, DONOR_LINE)
    # open (lines.yml always open here) and nobody in the console: the queued system handoff
    assert reply.startswith("Het spijt me, ik kan uw vraag nu niet goed verwerken.")
    assert "u staat in de wachtrij en een medewerker neemt het over" in reply
    assert reply.endswith("Bent u in direct gevaar? Bel 112."), reply
    assert handoffs(db_url, caller=sender) == [("system", "sms", "medium", "vrienden")]


@pytest.mark.parametrize("to, text, category, line, numbers", [
    (DONOR_LINE, "ik zie het niet meer zitten, ik wil er een einde aan maken", "crisis",
     "vrienden", ["112", "113", "0800-0113"]),
    (PUMP_LINE, "the pump gave a bolus I never asked for and I'm shaking and sweating",
     "device_safety", "pomp", ["112", "020 000 0004"]),
])
def test_a_first_utterance_in_danger_on_the_phone_reaches_a_person_with_rasa_down(
        app, db_url, tmp_path, to, text, category, line, numbers):
    caller = Caller(app.test_client(), to=to, caller=number())
    answer = caller.say(caller.call(), text)
    said = spoken(answer)
    for expected in numbers:
        assert expected in said, said
    # the line's first on-call colleague is rung now (the lines are open in this test)
    on_call = load(tmp_path / "lines.yml").get(line).on_call
    assert [n.text for n in answer.find("Dial").iter("Number")] == [on_call[0]]
    assert handoffs(db_url, conversation_id=caller.sid) == [(category, "voice", "high", line)]


def test_a_routine_call_with_rasa_down_gets_a_person(app, db_url):
    caller = Caller(app.test_client(), caller=number())
    caller.say(caller.call(), "ik wil weten hoeveel ik vorig jaar heb gegeven")
    assert handoffs(db_url, conversation_id=caller.sid) == [("system", "voice", "medium",
                                                             "vrienden")]


def _twilio_routes(app) -> list[str]:
    """Every POST route under /twilio from the URL map, with its parameters filled in."""
    paths = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/twilio") and "POST" in (rule.methods or ()):
            path = rule.rule
            for argument in rule.arguments:
                path = path.replace(f"<{argument}>", "abc").replace(
                    f"<string:{argument}>", "abc").replace(f"<int:{argument}>", "1")
            paths.append(path)
    return paths


def _rows(db_url) -> dict[str, int]:
    """Rows in every table of the models (conversations, handoffs, callbacks, SMS opt-outs,
    complaints, audit entries, ...): a refused webhook writes none of them."""
    import core.records  # noqa: F401 (its tables are in the same metadata)
    with session_scope(db_url) as session:
        return {table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
                for table in Base.metadata.sorted_tables}


def test_every_twilio_route_refuses_a_forged_signature_and_stores_nothing(app, db_url):
    client, paths = app.test_client(), _twilio_routes(app)
    assert {"/twilio/sms", "/twilio/voice", "/twilio/voice/gather"} <= set(paths), paths
    params = {"CallSid": "CA" + uuid.uuid4().hex, "MessageSid": "SM" + uuid.uuid4().hex,
              "From": number(), "To": DONOR_LINE, "Body": "ik wil niet meer leven",
              "SpeechResult": "ik wil niet meer leven", "Digits": "1", "CallStatus": "ringing"}
    before = _rows(db_url)
    for path in paths:
        unsigned = client.post(path, data=params)
        forged = client.post(path, data=params, headers={
            "X-Twilio-Signature": sign(PUBLIC + path, params, "not-the-token")})
        # signed for other parameters than the ones sent
        replayed = client.post(path, data={**params, "From": number()}, headers={
            "X-Twilio-Signature": sign(PUBLIC + path, params)})
        codes = (unsigned.status_code, forged.status_code, replayed.status_code)
        assert codes == (403, 403, 403), path
    assert _rows(db_url) == before

"""The agent console through the real gateway and a real database: login, CSRF, rate limit,
the accept race, replies in the conversation's channel, notes, closing, the dashboard.

A crisis is handed off by the rules layer before Rasa, so these tests need no Rasa:
the gateway runs with Rasa unreachable (the real app, a closed port)."""
from __future__ import annotations

import re
import threading
import uuid

import pytest
from sqlalchemy import select

from bot import create_app
from bot.console.auth import create_agent
from core.db import session_scope
from core.models import Agent, Conversation, Handoff, HandoffNote, Message
from tests.support.offline import UNREACHABLE
from tests.support.twilio_util import PUBLIC, TOKEN, signed_post
from tools.stack import ROOT

CRISIS_NL = "ik wil niet meer leven"
PASSWORD = "correct horse battery"


@pytest.fixture
def console_app(db_url, twilio_api):
    return create_app({"database_url": db_url, "rasa_url": UNREACHABLE,
                       "actions_url": UNREACHABLE, "rasa_timeout": 1.0,
                       "lines_file": ROOT / "lines.yml", "twilio_auth_token": TOKEN,
                       "public_base_url": PUBLIC, "twilio_api_base": twilio_api[0],
                       "login_rate_limit": "5 per minute"})


@pytest.fixture
def services(console_app):
    return console_app.extensions["assistant"]


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def log_in(app, username: str, password: str = PASSWORD):
    client = app.test_client()
    token = csrf_of(client.get("/agent/login").get_data(as_text=True))
    response = client.post("/agent/login", data={"username": username, "password": password,
                                                 "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)
    client.csrf = csrf_of(client.get("/agent/").get_data(as_text=True))
    return client


def web_crisis(app, text: str = CRISIS_NL, category: str = "crisis",
               visitor=None) -> tuple[str, int]:
    """A visitor's crisis message in the web chat (with the visitor's own client, if given:
    only the client that started a conversation may read its feed)."""
    conversation_id = uuid.uuid4().hex
    answer = (visitor or app.test_client()).post("/api/messages", json={
        "text": text, "conversation_id": conversation_id, "channel": "web"}).get_json()
    assert answer["handoff"]["category"] == category
    return conversation_id, answer["handoff"]["id"]


def test_agents_are_stored_with_argon2_hashes_and_log_in(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    with session_scope(services.config.database_url) as session:
        agent = session.execute(select(Agent).where(Agent.username == "anna")).scalar_one()
        assert agent.password_hash.startswith("$argon2id$") and PASSWORD not in agent.password_hash
    client = console_app.test_client()
    token = csrf_of(client.get("/agent/login").get_data(as_text=True))
    wrong = client.post("/agent/login", data={"username": "anna", "password": "nope nope nope",
                                              "csrf_token": token})
    assert wrong.status_code == 401 and "verkeerd wachtwoord" in wrong.get_data(as_text=True)
    assert client.get("/agent/").status_code == 302
    right = client.post("/agent/login", data={"username": "anna", "password": PASSWORD,
                                              "csrf_token": token})
    assert right.status_code == 302 and right.headers["Location"].endswith("/agent/")
    assert client.get("/agent/").status_code == 200


def test_session_cookie_is_httponly_and_samesite(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    client = console_app.test_client()
    token = csrf_of(client.get("/agent/login").get_data(as_text=True))
    response = client.post("/agent/login", data={"username": "anna", "password": PASSWORD,
                                                 "csrf_token": token})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    # served over https (PUBLIC_BASE_URL): the cookie is Secure too
    assert "Secure" in cookie


def test_login_without_csrf_token_is_refused(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    client = console_app.test_client()
    response = client.post("/agent/login", data={"username": "anna", "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/agent/").status_code == 302  # still logged out


def test_login_attempts_are_rate_limited(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    client = console_app.test_client()
    token = csrf_of(client.get("/agent/login").get_data(as_text=True))
    codes = [client.post("/agent/login", data={"username": "anna", "password": f"guess {n}",
                                               "csrf_token": token}).status_code
             for n in range(7)]
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]


def test_every_console_route_refuses_unauthenticated_access(console_app, services):
    conversation_id, handoff_id = web_crisis(console_app)
    client = console_app.test_client()
    token = csrf_of(client.get("/agent/login").get_data(as_text=True))
    routes = [r for r in console_app.url_map.iter_rules()
              if r.rule.startswith("/agent") and r.endpoint not in ("agent.login",)]
    assert len(routes) >= 10
    for rule in routes:
        path = rule.rule.replace("<int:handoff_id>", str(handoff_id)).replace(
            "<int:request_id>", "1")
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            if method == "GET":
                response = client.get(path)
            else:
                response = client.post(path, data={"csrf_token": token, "text": "hallo",
                                                   "outcome": "resolved"})
            assert response.status_code in (302, 401), (method, path, response.status_code)
            if response.status_code == 302:
                assert "/agent/login" in response.headers["Location"]
    with session_scope(services.config.database_url) as session:
        handoff = session.get(Handoff, handoff_id)
        assert handoff.status == "open" and not session.execute(
            select(Message).where(Message.sender == "agent")).first()


def test_queue_lists_open_handoffs_most_urgent_first(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    client = console_app.test_client()
    ask = client.post("/api/conversations/" + uuid.uuid4().hex + "/person",
                      json={"line": "vrienden", "language": "nl"}).get_json()
    assert ask["handoff"]["category"] == "request"
    _, crisis_id = web_crisis(console_app)
    agent = log_in(console_app, "anna")
    queue = agent.get("/agent/api/queue").get_json()["handoffs"]
    assert [h["category"] for h in queue] == ["crisis", "request"]
    assert queue[0]["id"] == crisis_id and queue[0]["risk_level"] == "high"
    assert queue[0]["channel"] == "web" and queue[0]["line"] == "vrienden"
    assert queue[1]["waiting_seconds"] >= queue[0]["waiting_seconds"]
    page = agent.get("/agent/").get_data(as_text=True)
    assert "Crisis" in page and "Vraagt medewerker" in page


def test_two_concurrent_accepts_exactly_one_wins(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    create_agent(services, "bram", "agent", PASSWORD)
    _, handoff_id = web_crisis(console_app)
    agents = {name: log_in(console_app, name) for name in ("anna", "bram")}
    barrier, results = threading.Barrier(2), {}

    def accept(name):
        client = agents[name]
        barrier.wait()
        results[name] = client.post(f"/agent/handoffs/{handoff_id}/accept",
                                    data={"csrf_token": client.csrf}).status_code

    threads = [threading.Thread(target=accept, args=(name,)) for name in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results.values()) == [303, 409], results
    winner = next(name for name, code in results.items() if code == 303)
    with session_scope(services.config.database_url) as session:
        handoff = session.get(Handoff, handoff_id)
        assert handoff.status == "accepted" and handoff.accepted_by == winner
        assert handoff.accepted_at is not None


def test_console_post_without_csrf_token_changes_nothing(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    _, handoff_id = web_crisis(console_app)
    agent = log_in(console_app, "anna")
    assert agent.post(f"/agent/handoffs/{handoff_id}/accept").status_code == 400
    with session_scope(services.config.database_url) as session:
        assert session.get(Handoff, handoff_id).status == "open"


def test_agent_accepts_and_replies_in_the_web_chat(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    visitor = console_app.test_client()
    conversation_id, handoff_id = web_crisis(console_app, visitor=visitor)
    feed = visitor.get(f"/api/conversations/{conversation_id}/messages").get_json()
    assert feed["status"] == "waiting"
    assert "113" in feed["messages"][-1]["text"] and "112" in feed["messages"][-1]["text"]

    agent = log_in(console_app, "anna")
    # replying before accepting is refused: who has the conversation must be clear
    early = agent.post(f"/agent/handoffs/{handoff_id}/reply",
                       data={"csrf_token": agent.csrf, "text": "Hallo"})
    assert early.status_code == 409
    assert agent.post(f"/agent/handoffs/{handoff_id}/accept",
                      data={"csrf_token": agent.csrf}).status_code == 303
    sent = agent.post(f"/agent/handoffs/{handoff_id}/reply",
                      data={"csrf_token": agent.csrf, "text": "Met Anna. Ik ben er voor u."})
    assert sent.status_code == 303

    last = feed["messages"][-1]["id"]
    update = visitor.get(f"/api/conversations/{conversation_id}/messages?after={last}").get_json()
    assert update["status"] == "agent"
    assert [(m["sender"], m["text"]) for m in update["messages"]] == [
        ("agent", "Met Anna. Ik ben er voor u.")]

    # the visitor's next message goes to the agent, not the bot
    answer = visitor.post("/api/messages", json={"text": "dank u, ik ben zo bang",
                                                 "conversation_id": conversation_id,
                                                 "channel": "web"}).get_json()
    assert answer["replies"] == []
    transcript = agent.get(f"/agent/api/handoffs/{handoff_id}").get_json()["messages"]
    assert transcript[-1]["sender"] == "user" and transcript[-1]["text"] == "dank u, ik ben zo bang"


def test_notes_stay_internal_and_hand_back_resumes_the_bot(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    visitor = console_app.test_client()
    conversation_id, handoff_id = web_crisis(console_app, visitor=visitor)
    agent = log_in(console_app, "anna")
    agent.post(f"/agent/handoffs/{handoff_id}/accept", data={"csrf_token": agent.csrf})
    agent.post(f"/agent/handoffs/{handoff_id}/note",
               data={"csrf_token": agent.csrf, "text": "Teruggebeld, huisarts ingelicht"})
    page = agent.get(f"/agent/handoffs/{handoff_id}").get_data(as_text=True)
    assert "Teruggebeld, huisarts ingelicht" in page
    visitor_feed = visitor.get(f"/api/conversations/{conversation_id}/messages").get_json()
    assert visitor_feed["messages"]  # the visitor sees the conversation, not the note
    assert not any("huisarts" in m["text"] for m in visitor_feed["messages"])

    done = agent.post(f"/agent/handoffs/{handoff_id}/close",
                      data={"csrf_token": agent.csrf, "outcome": "referred to 113",
                            "back_to_bot": "1"})
    assert done.status_code == 303
    with session_scope(services.config.database_url) as session:
        handoff = session.get(Handoff, handoff_id)
        assert handoff.status == "closed" and handoff.outcome == "returned to bot: referred to 113"
        assert session.get(Conversation, conversation_id).status == "bot"
        assert session.execute(select(HandoffNote)).scalar_one().author == "anna"
    feed = visitor.get(f"/api/conversations/{conversation_id}/messages").get_json()
    assert feed["status"] == "bot" and "digitale assistent" in feed["messages"][-1]["text"]
    # closed is closed: no second close, no replies
    again = agent.post(f"/agent/handoffs/{handoff_id}/close",
                       data={"csrf_token": agent.csrf, "outcome": "resolved"})
    assert again.status_code == 409


def test_transcript_is_escaped_in_the_console(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)> ik wil niet meer leven'
    _, handoff_id = web_crisis(console_app, payload)
    agent = log_in(console_app, "anna")
    page = agent.get(f"/agent/handoffs/{handoff_id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert '<script>alert("x")' not in page and "<img src=x" not in page


def test_agent_reply_to_an_sms_goes_out_through_twilio(console_app, services, twilio_api):
    create_agent(services, "anna", "agent", PASSWORD)
    sender = "+3161" + str(uuid.uuid4().int)[:7]
    response = signed_post(console_app.test_client(), "/twilio/sms", {
        "MessageSid": "SM" + uuid.uuid4().hex, "From": sender, "To": "+3197000000002",
        "Body": "ik wil niet meer leven", "NumMedia": "0"})
    assert response.status_code == 200
    with session_scope(services.config.database_url) as session:
        handoff = session.execute(select(Handoff).where(Handoff.channel == "sms")).scalar_one()
        handoff_id = handoff.id
    agent = log_in(console_app, "anna")
    page = agent.get(f"/agent/handoffs/{handoff_id}").get_data(as_text=True)
    assert sender not in page and sender[-4:] in page  # masked caller
    agent.post(f"/agent/handoffs/{handoff_id}/accept", data={"csrf_token": agent.csrf})
    sent = agent.post(f"/agent/handoffs/{handoff_id}/reply",
                      data={"csrf_token": agent.csrf, "text": "Met Anna, ik bel u nu."})
    assert sent.status_code == 303
    sms = twilio_api[1][-1]
    assert sms["To"] == sender and sms["Body"] == "Met Anna, ik bel u nu."


def test_dashboard_is_for_supervisors_with_figures_and_csv(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    create_agent(services, "sara", "supervisor", PASSWORD)
    _, first = web_crisis(console_app)
    web_crisis(console_app, "mijn pomp is gesmolten en ik heb een brandwond", "device_safety")
    client = console_app.test_client()
    client.post("/api/messages", json={"text": "ik ben niet suïcidaal, ik wil alleen mijn adres "
                                               "wijzigen", "conversation_id": uuid.uuid4().hex,
                                       "channel": "web"})
    agent = log_in(console_app, "anna")
    assert agent.get("/agent/dashboard").status_code == 403
    assert agent.get("/agent/dashboard.csv").status_code == 403
    agent.post(f"/agent/handoffs/{first}/accept", data={"csrf_token": agent.csrf})

    supervisor = log_in(console_app, "sara")
    page = supervisor.get("/agent/dashboard").get_data(as_text=True)
    assert "<svg" in page and "Gemarkeerd voor review" in page and "negated" in page
    # crisis, device, and a system handoff (Rasa is down in this test for the routine turn)
    assert re.search(r'class="figure">3</span><span>overdrachten', page)
    assert re.search(r'class="figure">\d+ s</span><span>tot aannemen \(mediaan\)', page)
    rows = supervisor.get("/agent/dashboard.csv").get_data(as_text=True).strip().splitlines()
    assert rows[0].startswith("handoff_id,created_at,category")
    assert len(rows) == 3 + 1  # crisis, device, and the system handoff of the routine turn
    assert "ik wil" not in "\n".join(rows)  # no transcript in the export


def test_users_cli_creates_agents_with_a_generated_password(console_app, services):
    runner = console_app.test_cli_runner()
    result = runner.invoke(args=["users", "create", "kees", "--role", "supervisor"])
    assert result.exit_code == 0, result.output
    password = re.search(r"password \(shown once\): (\S+)", result.output).group(1)
    assert len(password) >= 12
    log_in(console_app, "kees", password)
    first = runner.invoke(args=["users", "first-supervisor"])
    assert "created" not in first.output  # there is a supervisor already
    duplicate = runner.invoke(args=["users", "create", "kees"])
    assert duplicate.exit_code != 0 and "exists" in duplicate.output


def test_device_emergency_from_a_known_customer_opens_a_complaint_and_shows_the_caller(
        console_app, services):
    from core.records import Complaint, PumpCustomer
    create_agent(services, "anna", "agent", PASSWORD)
    phone = "+3162" + str(uuid.uuid4().int)[:7]
    with session_scope(services.config.database_url) as session:
        session.add(PumpCustomer(customer_number="K-TEST-1", first_name="Fenna", last_name="Smit",
                                 phone=phone, street="Teststraat", house_number="3",
                                 postcode="1011 AB", city="Amsterdam", pump_serial="PP-TEST-0001",
                                 pump_lot="LOT-TEST", under_safety_notice=True))
    response = signed_post(console_app.test_client(), "/twilio/sms", {
        "MessageSid": "SM" + uuid.uuid4().hex, "From": phone, "To": "+3197000000002",
        "Body": "mijn pomp geeft geen insuline meer en ik moet overgeven", "NumMedia": "0"})
    assert response.status_code == 200
    with session_scope(services.config.database_url) as session:
        handoff = session.execute(select(Handoff).where(Handoff.channel == "sms")).scalar_one()
        complaint = session.execute(select(Complaint)).scalar_one()
        assert handoff.category == "device_safety"
        assert complaint.handoff_id == handoff.id and complaint.serial == "PP-TEST-0001"
        # 10 days (MDR art. 87(4)) from the day we became aware (Amsterdam date: may be +1)
        assert (complaint.report_deadline - handoff.created_at.date()).days in (10, 11)
        handoff_id = handoff.id
    page = log_in(console_app, "anna").get(f"/agent/handoffs/{handoff_id}").get_data(as_text=True)
    assert "K-TEST-1" in page and "Fenna Smit" in page
    assert "valt onder de veiligheidsmelding" in page
    assert phone not in page  # the number itself stays masked


def test_staff_see_queued_requests_and_open_complaints_and_finish_a_request(console_app,
                                                                            services):
    from core.models import ChangeRequest
    from core.records import Complaint
    create_agent(services, "anna", "agent", PASSWORD)
    conversation_id = uuid.uuid4().hex
    with services.session() as session:
        request = ChangeRequest(conversation_id=conversation_id, kind="annual_statement",
                                verified=True, details={"donor_number": "D000001", "year": 2025})
        complaint = Complaint(serial="PP2409000042", lot="PPL-2409A", seriousness="other_serious",
                              description="<b>patch piepte</b>", conversation_id=conversation_id)
        session.add_all([request, complaint])
        session.flush()
        request_id, reference = request.id, f"K{complaint.id:06d}"
    assert console_app.test_client().get("/agent/requests").status_code == 302  # login first
    agent = log_in(console_app, "anna")
    page = agent.get("/agent/requests").get_data(as_text=True)
    assert "Jaaroverzicht" in page and "D000001" in page
    assert reference in page and "PP2409000042" in page and "nog 15 dagen" in page
    assert "<b>patch" not in page and "&lt;b&gt;patch" in page  # escaped
    assert agent.post(f"/agent/requests/{request_id}/done").status_code == 400  # no CSRF token
    done = agent.post(f"/agent/requests/{request_id}/done", data={"csrf_token": agent.csrf})
    assert done.status_code == 303
    again = agent.post(f"/agent/requests/{request_id}/done", data={"csrf_token": agent.csrf},
                       follow_redirects=True)
    assert "al afgehandeld" in again.get_data(as_text=True)
    with services.session() as session:
        finished = session.get(ChangeRequest, request_id)
        assert finished.status == "done" and finished.details["done_by"] == "anna"


def test_users_cli_sets_lines_languages_and_pager_and_lists_presence(console_app, services):
    runner = console_app.test_cli_runner()
    made = runner.invoke(args=["users", "create", "joke", "--lines", "pomp", "--languages", "nl",
                               "--phone", "06 12345678"])
    assert made.exit_code == 0, made.output
    listed = runner.invoke(args=["users", "list"]).output
    assert "joke\tagent\tlines=pomp\tlanguages=nl\taway\tpager=yes" in listed
    assert "12345678" not in listed  # the pager number itself is not printed
    changed = runner.invoke(args=["users", "set", "joke", "--lines", "all", "--languages", "nl,en"])
    assert changed.exit_code == 0, changed.output
    listed = runner.invoke(args=["users", "list"]).output
    assert "joke\tagent\tlines=all\tlanguages=en,nl\taway" in listed
    with session_scope(services.config.database_url) as session:
        joke = session.execute(select(Agent).where(Agent.username == "joke")).scalar_one()
        assert (joke.lines, joke.languages, joke.phone) == ([], ["en", "nl"], "+31612345678")
    wrong = runner.invoke(args=["users", "set", "joke", "--lines", "nergens"])
    assert wrong.exit_code != 0 and "unknown line" in wrong.output
    nobody = runner.invoke(args=["users", "set", "niemand", "--languages", "nl"])
    assert nobody.exit_code != 0 and "no user" in nobody.output


def test_queue_header_shows_who_is_available_and_logging_out_is_away(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    create_agent(services, "bram", "agent", PASSWORD)
    anna = log_in(console_app, "anna")
    bram = log_in(console_app, "bram")
    bram.post("/agent/presence", data={"status": "busy", "csrf_token": bram.csrf})
    queue = anna.get("/agent/api/queue").get_json()
    assert [a["username"] for a in queue["available"]] == ["anna"] and queue["alerts"] == []
    page = anna.get("/agent/").get_data(as_text=True)
    assert re.search(r'id="available">anna \(alle lijnen, nl/en\)</span>', page)
    assert '<option value="available" selected>' in page
    assert anna.post("/agent/presence", data={"status": "lunch", "csrf_token": anna.csrf}
                     ).status_code == 400
    anna.post("/agent/logout", data={"csrf_token": anna.csrf})
    assert bram.get("/agent/api/queue").get_json()["available"] == []
    _, handoff_id = web_crisis(console_app)
    with session_scope(services.config.database_url) as session:
        assert session.get(Handoff, handoff_id).cover == "paging"  # nobody available


def test_handoff_events_cli_prints_json_lines_and_refuses_unknown_ids(console_app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    _, handoff_id = web_crisis(console_app)
    agent = log_in(console_app, "anna")
    agent.post(f"/agent/handoffs/{handoff_id}/accept", data={"csrf_token": agent.csrf})
    runner = console_app.test_cli_runner()
    result = runner.invoke(args=["handoffs", "events", str(handoff_id)])
    assert result.exit_code == 0, result.output
    import json
    [row] = [json.loads(line) for line in result.output.splitlines()]
    assert (row["handoff_id"], row["kind"], row["detail"]) == (handoff_id, "accepted_in_console",
                                                              "anna")
    missing = runner.invoke(args=["handoffs", "events", "999999"])
    assert missing.exit_code != 0 and "no handoff 999999" in missing.output


def test_metrics_are_prometheus_text_without_personal_data(console_app, services):
    web_crisis(console_app)
    response = console_app.test_client().get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    body = response.get_data(as_text=True)
    assert "# TYPE assistant_handoff_time_to_accept_seconds histogram" in body
    assert 'assistant_handoffs_total{category="crisis",channel="web",cover="paging"} 1.0' in body
    assert 'assistant_handoffs_open{category="crisis"} 1.0' in body
    assert "niet meer leven" not in body


def test_a_record_locked_after_failed_checks_is_shown_to_staff(console_app, services):
    """Issue 13: the per-record lockout leaves a console notice (and the audit entry)."""
    from datetime import date
    from decimal import Decimal

    from actions import identity
    from core.records import Donor
    create_agent(services, "anna", "agent", PASSWORD)
    with services.session() as session:
        donor = Donor(donor_number="D424242", first_name="Test", last_name="Slot",
                      phone="+31612000042", street="Kade", house_number="5", postcode="2511 AB",
                      city="Den Haag",
                      iban="NL91ABNA0417164300", amount=Decimal("10"), frequency="maand",
                      start_date=date(2021, 1, 1), status="actief")
        session.add(donor)
        session.flush()
        donor_id = donor.id
    page = log_in(console_app, "anna").get("/agent/requests").get_data(as_text=True)
    assert "Zelfservice geblokkeerd" not in page
    with services.session() as session:
        identity.record(session, uuid.uuid4().hex, "donor", donor_id, identity.FAILED,
                        "date_of_birth")
    page = log_in(console_app, "anna").get("/agent/requests").get_data(as_text=True)
    assert "Zelfservice geblokkeerd" not in page  # a failed check alone is no notice
    with services.session() as session:
        identity.record(session, uuid.uuid4().hex, "donor", donor_id, identity.LOCKED,
                        "date_of_birth")
    page = log_in(console_app, "anna").get("/agent/requests").get_data(as_text=True)
    assert "Zelfservice geblokkeerd" in page and 'data-lockout="D424242"' in page
    assert "+31612000042" not in page  # the number tried or the record's phone is not shown

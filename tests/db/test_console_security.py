"""Console security through the real gateway and a real database (SQLite and PostgreSQL):
logout ends the session server-side (a kept copy of the cookie, or a remember-me cookie, is
refused), security headers (Content-Security-Policy, frame protection, HSTS only on https,
no https redirect on a laptop), and who may close a crisis handoff.

A crisis is handed off by the rules layer before Rasa, so no Rasa is needed: the gateway
runs with Rasa unreachable (the real app, a closed port)."""
from __future__ import annotations

import re
import uuid

import pytest
from flask_login.utils import encode_cookie
from sqlalchemy import select

from bot import create_app
from bot.console.auth import create_agent
from core.db import session_scope
from core.models import Agent, Conversation, Handoff, HandoffEvent, HandoffNote, Message
from tests.support.offline import UNREACHABLE
from tests.support.twilio_util import TOKEN, signed_post
from tools.stack import ROOT

PASSWORD = "correct horse battery"
LAPTOP = "http://127.0.0.1:5000"
PUBLIC_HTTPS = "https://bot.example.org"
WIDGET_SITES = "https://www.vrienden.example, https://shop.pomp.example:8443"
# Spelled out here on purpose (not imported): the test says what the browser must get.
CSP_CONSOLE = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
               "font-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; "
               "base-uri 'none'; frame-ancestors 'none'")
CSP_EMBED_LISTED = CSP_CONSOLE.replace(
    "frame-ancestors 'none'",
    "frame-ancestors 'self' https://www.vrienden.example https://shop.pomp.example:8443")
CSP_EMBED_ANY = CSP_CONSOLE.replace("frame-ancestors 'none'", "frame-ancestors *")
HSTS = "max-age=31536000; includeSubDomains"
SAFETY_TEXTS = {  # one web message per safety category (the rules layer, before Rasa)
    "crisis": ("vrienden", "ik wil niet meer leven"),
    "end_of_life_request": ("vrienden", "Ik wil zo snel mogelijk euthanasie, ik houd het niet "
                                        "meer vol"),
    "device_safety": ("pomp", "mijn pomp is gesmolten en ik heb een brandwond"),
}


def make_app(db_url, public=LAPTOP, widget_origins=WIDGET_SITES):
    return create_app({"database_url": db_url, "rasa_url": UNREACHABLE,
                       "actions_url": UNREACHABLE, "rasa_timeout": 1.0,
                       "lines_file": ROOT / "lines.yml", "public_base_url": public,
                       "widget_origins": widget_origins, "twilio_auth_token": TOKEN,
                       "login_rate_limit": "100 per minute"})


@pytest.fixture
def app(db_url):
    return make_app(db_url)


@pytest.fixture
def services(app):
    return app.extensions["assistant"]


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def log_in(app, username: str):
    client = app.test_client()
    token = csrf_of(client.get("/agent/login").get_data(as_text=True))
    response = client.post("/agent/login", data={"username": username, "password": PASSWORD,
                                                 "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)
    client.csrf = csrf_of(client.get("/agent/").get_data(as_text=True))
    return client


def safety_handoff(app, category: str = "crisis") -> int:
    line, text = SAFETY_TEXTS[category]
    answer = app.test_client().post("/api/messages", json={
        "text": text, "conversation_id": uuid.uuid4().hex, "channel": "web",
        "line": line}).get_json()
    assert answer["handoff"]["category"] == category, answer
    return answer["handoff"]["id"]


def snapshot(db_url, handoff_id: int) -> tuple:
    """Everything closing a handoff changes: the handoff, its conversation, messages, events,
    notes."""
    with session_scope(db_url) as session:
        h = session.get(Handoff, handoff_id)
        c = session.get(Conversation, h.conversation_id)
        messages = session.execute(select(Message.id).where(
            Message.conversation_id == c.id)).scalars().all()
        events = session.execute(select(HandoffEvent.kind).where(
            HandoffEvent.handoff_id == handoff_id).order_by(HandoffEvent.id)).scalars().all()
        notes = session.execute(select(HandoffNote.text).where(
            HandoffNote.handoff_id == handoff_id)).scalars().all()
        return (h.status, h.accepted_by, h.accepted_at, h.closed_at, h.outcome, c.status,
                sorted(messages), events, notes)


# --- logout ends the session on the server -------------------------------------------------

def test_a_copy_of_the_session_cookie_is_refused_after_logout(app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    anna = log_in(app, "anna")
    kept = anna.get_cookie("session").value
    thief = app.test_client()
    thief.set_cookie("session", kept)
    assert thief.get("/agent/").status_code == 200  # the copy works while anna is logged in
    assert thief.get("/agent/api/queue").status_code == 200

    assert anna.post("/agent/logout", data={"csrf_token": anna.csrf}).status_code == 302
    assert anna.get("/agent/").status_code == 302

    replay = app.test_client()
    replay.set_cookie("session", kept)
    page = replay.get("/agent/")
    assert page.status_code == 302 and "/agent/login" in page.headers["Location"]
    api = replay.get("/agent/api/queue")
    assert api.status_code == 401 and api.get_json() == {"error": "login_required"}
    assert thief.get("/agent/api/handoffs/1").status_code == 401  # the earlier copy too
    with session_scope(services.config.database_url) as session:
        agent = session.execute(select(Agent).where(Agent.username == "anna")).scalar_one()
        assert agent.session_generation == 1 and agent.status == "away"

    # logging in again gives a new session; the old cookie stays dead
    again = log_in(app, "anna")
    assert again.get("/agent/api/queue").status_code == 200
    assert replay.get("/agent/api/queue").status_code == 401


def test_a_kept_session_cannot_act_after_logout(app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    handoff_id = safety_handoff(app)
    anna = log_in(app, "anna")
    kept, token = anna.get_cookie("session").value, anna.csrf
    anna.post("/agent/logout", data={"csrf_token": anna.csrf})
    replay = app.test_client()
    replay.set_cookie("session", kept)
    answer = replay.post(f"/agent/handoffs/{handoff_id}/accept", data={"csrf_token": token},
                         headers={"Accept": "application/json"})
    assert answer.status_code in (302, 401)
    with session_scope(services.config.database_url) as session:
        assert session.get(Handoff, handoff_id).status == "open"


def test_a_remember_me_cookie_dies_with_the_logout(app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    with session_scope(services.config.database_url) as session:
        agent_id = session.execute(select(Agent.id).where(Agent.username == "anna")).scalar_one()
    with app.test_request_context():
        remember = encode_cookie(f"{agent_id}.0")  # what flask-login would set for anna now
        old_style = encode_cookie(str(agent_id))  # a cookie without the session generation
    fresh = app.test_client()
    fresh.set_cookie("remember_token", remember)
    assert fresh.get("/agent/api/queue").status_code == 200  # remember-me logs in

    legacy = app.test_client()
    legacy.set_cookie("remember_token", old_style)
    assert legacy.get("/agent/api/queue").status_code == 401

    anna = log_in(app, "anna")
    anna.post("/agent/logout", data={"csrf_token": anna.csrf})
    later = app.test_client()
    later.set_cookie("remember_token", remember)
    assert later.get("/agent/api/queue").status_code == 401
    assert later.get("/agent/").status_code == 302


def test_logout_ends_the_agents_other_sessions_and_no_one_elses(app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    create_agent(services, "bram", "agent", PASSWORD)
    laptop, phone, bram = log_in(app, "anna"), log_in(app, "anna"), log_in(app, "bram")
    laptop.post("/agent/logout", data={"csrf_token": laptop.csrf})
    assert phone.get("/agent/api/queue").status_code == 401
    assert bram.get("/agent/api/queue").status_code == 200


def test_a_switched_off_agent_is_refused_at_once(app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    anna = log_in(app, "anna")
    with session_scope(services.config.database_url) as session:
        session.execute(select(Agent).where(Agent.username == "anna")).scalar_one().active = False
    assert anna.get("/agent/api/queue").status_code == 401


# --- security headers ----------------------------------------------------------------------

def inline_scripts(html: str) -> list[str]:
    """<script> elements that would run code written in the page (no src, not a data block)."""
    return [tag for tag in re.findall(r"<script\b[^>]*>", html)
            if "src=" not in tag and 'type="application/json"' not in tag]


def test_console_pages_allow_only_self_and_no_framing(app, services):
    create_agent(services, "sara", "supervisor", PASSWORD)
    handoff_id = safety_handoff(app)
    anonymous = app.test_client()
    sara = log_in(app, "sara")
    pages = [(anonymous, "/agent/login"), (sara, "/agent/"),
             (sara, f"/agent/handoffs/{handoff_id}"), (sara, "/agent/dashboard"),
             (sara, "/agent/requests"), (sara, "/agent/api/queue")]
    for client, path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Content-Security-Policy"] == CSP_CONSOLE, path
        assert response.headers["X-Frame-Options"] == "DENY", path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "same-origin", path
        assert "Strict-Transport-Security" not in response.headers, path  # http laptop
        if response.mimetype == "text/html":
            html = response.get_data(as_text=True)
            assert inline_scripts(html) == [], path
            assert " style=" not in html, path  # style-src 'self': no inline styles either
    # the console's script starts itself from data attributes
    queue = sara.get("/agent/").get_data(as_text=True)
    assert 'data-alerts="/agent/api/alerts"' in queue and 'data-poll="/agent/api/queue"' in queue
    handoff = sara.get(f"/agent/handoffs/{handoff_id}").get_data(as_text=True)
    assert f'data-poll="/agent/api/handoffs/{handoff_id}" data-status="open"' in handoff


def test_chat_page_allows_only_self_and_is_not_framed(app):
    response = app.test_client().get("/chat?line=vrienden")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == CSP_CONSOLE
    assert response.headers["X-Frame-Options"] == "DENY"
    html = response.get_data(as_text=True)
    assert inline_scripts(html) == [] and '<script src="/static/chat.js">' in html


def test_embedded_chat_may_be_framed_by_the_widget_sites_only(app):
    response = app.test_client().get("/chat?embed=1&line=pomp")
    assert response.status_code == 200 and 'class="embedded"' in response.get_data(as_text=True)
    assert response.headers["Content-Security-Policy"] == CSP_EMBED_LISTED
    assert "X-Frame-Options" not in response.headers  # it cannot list sites; CSP does
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # embed=0 or anything else is the plain page
    assert app.test_client().get("/chat?embed=true").headers["X-Frame-Options"] == "DENY"


def test_embedded_chat_with_any_widget_origin(db_url):
    app = make_app(db_url, widget_origins="*")
    response = app.test_client().get("/chat?embed=1")
    assert response.headers["Content-Security-Policy"] == CSP_EMBED_ANY
    assert "X-Frame-Options" not in response.headers
    assert app.test_client().get("/agent/login").headers["Content-Security-Policy"] == CSP_CONSOLE


def test_a_bad_widget_origin_cannot_extend_the_policy(db_url):
    app = make_app(db_url, widget_origins="https://ok.example, https://x.example; script-src *")
    policy = app.test_client().get("/chat?embed=1").headers["Content-Security-Policy"]
    assert policy == CSP_CONSOLE.replace("frame-ancestors 'none'",
                                         "frame-ancestors 'self' https://ok.example")


def test_no_https_redirect_and_no_hsts_on_a_laptop(app):
    client = app.test_client()
    for path in ("/agent/login", "/chat", "/chat?embed=1"):
        plain = client.get(path, base_url="http://127.0.0.1:5000")
        assert plain.status_code == 200, path
        assert "Strict-Transport-Security" not in plain.headers
        # not even when a proxy says it was https: PUBLIC_BASE_URL is plain http here
        forwarded = client.get(path, headers={"X-Forwarded-Proto": "https"},
                               base_url="https://127.0.0.1:5000")
        assert forwarded.status_code == 200 and "Strict-Transport-Security" not in forwarded.headers
    login = client.get("/agent/login")
    assert "Secure" not in login.headers["Set-Cookie"]  # a plain-http laptop keeps its cookie


def test_hsts_when_public_base_url_is_https(db_url):
    app = make_app(db_url, public=PUBLIC_HTTPS)
    client = app.test_client()
    for path in ("/agent/login", "/chat?line=vrienden", "/chat?embed=1"):
        response = client.get(path, base_url=PUBLIC_HTTPS)
        assert response.status_code == 200, path  # served, not redirected
        assert response.headers["Strict-Transport-Security"] == HSTS, path
    assert client.get("/chat?embed=1").headers["Content-Security-Policy"] == CSP_EMBED_LISTED
    assert "Secure" in client.get("/agent/login").headers["Set-Cookie"]


def test_twilio_webhooks_still_answer_twiml(db_url):
    app = make_app(db_url, public="https://bot.example.org")  # what the signatures are over
    call = {"CallSid": "CA" + uuid.uuid4().hex, "From": "+31612345678", "To": "+3197000000001",
            "AccountSid": "AC" + "0" * 32, "CallStatus": "ringing"}
    voice = signed_post(app.test_client(), "/twilio/voice", call)
    assert voice.status_code == 200 and voice.mimetype in ("application/xml", "text/xml")
    assert voice.get_data(as_text=True).lstrip().startswith("<?xml")
    assert "<Response>" in voice.get_data(as_text=True)
    sms = signed_post(app.test_client(), "/twilio/sms", {
        "MessageSid": "SM" + uuid.uuid4().hex, "From": "+31612345679", "To": "+3197000000002",
        "Body": "ik wil niet meer leven", "NumMedia": "0"})
    assert sms.status_code == 200 and "<Response" in sms.get_data(as_text=True)


# --- who may close a safety handoff ---------------------------------------------------------

@pytest.mark.parametrize("category", sorted(SAFETY_TEXTS))
def test_an_agent_cannot_close_a_safety_handoff_they_did_not_accept(app, services, category):
    create_agent(services, "anna", "agent", PASSWORD)
    handoff_id = safety_handoff(app, category)
    db = services.config.database_url
    before = snapshot(db, handoff_id)
    anna = log_in(app, "anna")
    page = anna.get(f"/agent/handoffs/{handoff_id}").get_data(as_text=True)
    assert 'id="accept-first"' in page and "close-form" not in page
    form = anna.post(f"/agent/handoffs/{handoff_id}/close",
                     data={"csrf_token": anna.csrf, "outcome": "resolved"})
    assert form.status_code == 409
    assert "accept this handoff before you close it" in form.get_data(as_text=True)
    as_json = anna.post(f"/agent/handoffs/{handoff_id}/close",
                        data={"csrf_token": anna.csrf, "outcome": "resolved",
                              "reason": "I am not a supervisor"},
                        headers={"Accept": "application/json"})
    assert as_json.status_code == 409 and as_json.get_json()["error"] == "accept_first"
    assert snapshot(db, handoff_id) == before  # nothing changed

    # once accepted, the same agent closes it as before
    anna.post(f"/agent/handoffs/{handoff_id}/accept", data={"csrf_token": anna.csrf})
    done = anna.post(f"/agent/handoffs/{handoff_id}/close",
                     data={"csrf_token": anna.csrf, "outcome": "resolved"})
    assert done.status_code == 303
    with session_scope(db) as session:
        h = session.get(Handoff, handoff_id)
        assert (h.status, h.accepted_by, h.outcome) == ("closed", "anna", "resolved")


def test_another_agent_cannot_close_an_accepted_crisis(app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    create_agent(services, "bram", "agent", PASSWORD)
    handoff_id = safety_handoff(app)
    anna, bram = log_in(app, "anna"), log_in(app, "bram")
    anna.post(f"/agent/handoffs/{handoff_id}/accept", data={"csrf_token": anna.csrf})
    before = snapshot(services.config.database_url, handoff_id)
    answer = bram.post(f"/agent/handoffs/{handoff_id}/close",
                       data={"csrf_token": bram.csrf, "outcome": "resolved"},
                       headers={"Accept": "application/json"})
    assert answer.status_code == 409 and answer.get_json()["error"] == "not_yours"
    assert snapshot(services.config.database_url, handoff_id) == before


def test_a_supervisor_closes_an_unaccepted_crisis_only_with_a_reason(app, services):
    create_agent(services, "sara", "supervisor", PASSWORD)
    handoff_id = safety_handoff(app)
    db = services.config.database_url
    before = snapshot(db, handoff_id)
    sara = log_in(app, "sara")
    page = sara.get(f"/agent/handoffs/{handoff_id}").get_data(as_text=True)
    assert 'name="reason"' in page and "required" in page
    for reason in (None, "", "   ", "ok"):
        data = {"csrf_token": sara.csrf, "outcome": "no contact"}
        if reason is not None:
            data["reason"] = reason
        answer = sara.post(f"/agent/handoffs/{handoff_id}/close", data=data,
                           headers={"Accept": "application/json"})
        assert answer.status_code == 409 and answer.get_json()["error"] == "reason_required"
    form = sara.post(f"/agent/handoffs/{handoff_id}/close",
                     data={"csrf_token": sara.csrf, "outcome": "no contact"})
    assert form.status_code == 409 and "needs a written reason" in form.get_data(as_text=True)
    assert snapshot(db, handoff_id) == before

    reason = "Dubbele melding: dezelfde bezoeker is al gebeld via overdracht 12."
    done = sara.post(f"/agent/handoffs/{handoff_id}/close",
                     data={"csrf_token": sara.csrf, "outcome": "no contact", "reason": reason})
    assert done.status_code == 303
    with session_scope(db) as session:
        h = session.get(Handoff, handoff_id)
        # closed, and not counted as accepted (the dashboard's time to accept stays true)
        assert (h.status, h.outcome, h.accepted_by, h.accepted_at) == ("closed", "no contact",
                                                                       None, None)
        assert h.closed_at is not None
        notes = session.execute(select(HandoffNote).where(
            HandoffNote.handoff_id == handoff_id)).scalars().all()
        assert [(n.author, n.text) for n in notes] == [
            ("sara", f"Afgesloten zonder aannemen (supervisor): {reason}")]
        events = session.execute(select(HandoffEvent.kind, HandoffEvent.detail).where(
            HandoffEvent.handoff_id == handoff_id).order_by(HandoffEvent.id)).all()
        assert [tuple(e) for e in events][-2:] == [("closed_by_supervisor", "sara"),
                                                    ("closed", "sara")]
        assert session.get(Conversation, h.conversation_id).status == "bot"


def test_a_routine_handoff_is_closed_without_accepting_as_before(app, services):
    create_agent(services, "anna", "agent", PASSWORD)
    conversation_id = uuid.uuid4().hex
    visitor = app.test_client()
    asked = visitor.post(f"/api/conversations/{conversation_id}/person",
                         json={"line": "vrienden", "language": "nl"}).get_json()
    handoff_id = asked["handoff"]["id"]
    assert asked["handoff"]["category"] == "request"
    anna = log_in(app, "anna")
    page = anna.get(f"/agent/handoffs/{handoff_id}").get_data(as_text=True)
    assert "close-form" in page and 'name="reason"' not in page
    done = anna.post(f"/agent/handoffs/{handoff_id}/close",
                     data={"csrf_token": anna.csrf, "outcome": "resolved"})
    assert done.status_code == 303
    with session_scope(services.config.database_url) as session:
        h = session.get(Handoff, handoff_id)
        assert (h.status, h.accepted_by) == ("closed", "anna")


# --- in a real browser (Debian's chromium): the policy blocks nothing of ours -------------

"""Web chat and agent console in a real browser: Playwright driving Debian's chromium
(headless), against the real gateway served on loopback with the real Rasa model.

Screenshots of the chat and the console are saved under results/screenshots/."""
from __future__ import annotations

import shutil
import threading
import uuid

import pytest
from playwright import sync_api  # pinned in the lock: a missing browser fails, never skips
from werkzeug.serving import make_server

from bot import create_app
from bot.console.auth import create_agent
from tests.support.browser import ARGS, CHROMIUM
from tools.stack import ROOT

SHOTS = ROOT / "results" / "screenshots"
PASSWORD = "a long enough password"

expect = sync_api.expect


@pytest.fixture(scope="module")
def server(stack):
    app = create_app(stack.app_config())
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert shutil.which(CHROMIUM) or __import__("os").path.exists(CHROMIUM), \
        "Debian's chromium is missing: `make setup` installs it"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def new_agent(app, role="agent") -> str:
    name = f"agent-{uuid.uuid4().hex[:6]}"
    create_agent(app.extensions["assistant"], name, role, PASSWORD)
    return name


def log_in(page, base: str, name: str):
    page.goto(f"{base}/agent/")
    expect(page).to_have_url(f"{base}/agent/login?next=/agent/")
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page).to_have_url(f"{base}/agent/")


def say(page, text: str):
    page.fill("#text", text)
    page.keyboard.press("Enter")  # keyboard only: Enter sends


def say_for_answer(page, text: str) -> dict:
    """Send like `say`, and return the gateway's answer to it (the chat page's own request):
    a test finds its own handoff by its id, never the first row of the shared queue."""
    with page.expect_response(lambda r: r.url.endswith("/api/messages")
                              and r.request.method == "POST") as response:
        say(page, text)
    return response.value.json()


def queue_row(page, handoff_id: int):
    return page.locator(f'#queue-body tr[data-id="{handoff_id}"]')


def test_visitor_chats_crisis_reaches_an_agent_who_replies(server, browser):
    app, base = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    visitor = browser.new_context(viewport={"width": 390, "height": 800})  # a phone
    chat = visitor.new_page()
    chat.goto(f"{base}/chat?line=vrienden")
    expect(chat.locator("#disclosure")).to_contain_text("digitale assistent")
    expect(chat.locator(".msg.bot").first).to_contain_text("Welkom")
    expect(chat.locator("#person")).to_be_visible()

    # a routine question, answered by the bot
    say(chat, "hoe kan ik vriend worden van de stichting")
    expect(chat.locator(".msg.bot")).to_have_count(2, timeout=15000)
    expect(chat.locator(".msg.bot").last).not_to_contain_text("niet begrepen")

    # the conversation survives a reload
    chat.reload()
    expect(chat.locator(".msg.user p")).to_have_text(["hoe kan ik vriend worden van de stichting"])
    expect(chat.locator(".msg.bot")).to_have_count(1)  # the stored answer (greeting not stored)

    # an agent is logged in and watching the queue
    console = browser.new_context(viewport={"width": 1280, "height": 900})
    queue = console.new_page()
    name = new_agent(app)
    log_in(queue, base, name)

    handoff = say_for_answer(chat, "ik wil niet meer leven")["handoff"]
    assert handoff["category"] == "crisis"
    expect(chat.locator(".msg.system").last).to_contain_text("113", timeout=5000)
    expect(chat.locator(".msg.system").last).to_contain_text("0800-0113")
    expect(chat.locator("#status")).to_contain_text("medewerker komt zo")
    chat.screenshot(path=str(SHOTS / "chat-handoff.png"))

    # the agent's queue shows this handoff (the next poll), with its badge; how fast is
    # `make bench`'s to measure, not this test's
    row = queue_row(queue, handoff["id"])
    expect(row.locator(".badge.crisis")).to_be_visible(timeout=15000)
    expect(queue.locator("#new-crisis")).to_be_visible()
    queue.screenshot(path=str(SHOTS / "console-queue.png"))
    row.get_by_role("link", name="Openen").click()
    expect(queue.locator("#reason")).to_contain_text("crisis")
    expect(queue.locator("#transcript")).to_contain_text("ik wil niet meer leven")
    queue.click("#accept")
    expect(queue.locator("#status")).to_contain_text(name)
    queue.fill("#reply-text", "Met Anna van de stichting. Ik ben er nu voor u.")
    queue.click("#send-reply")
    expect(queue.locator("#transcript")).to_contain_text("Ik ben er nu voor u.")

    # the visitor sees the reply live, and their next message goes to the agent
    expect(chat.locator(".msg.agent")).to_contain_text("Ik ben er nu voor u.", timeout=5000)
    expect(chat.locator("#status")).to_contain_text("medewerker is bij het gesprek")
    say(chat, "dank u wel")
    expect(queue.locator("#transcript .msg.user").last).to_have_text(
        __import__("re").compile("dank u wel"), timeout=5000)
    expect(chat.locator(".msg.bot")).to_have_count(1)  # the bot stayed silent
    chat.screenshot(path=str(SHOTS / "chat-agent-reply.png"))
    queue.screenshot(path=str(SHOTS / "console-handoff.png"), full_page=True)
    visitor.close()
    console.close()


def test_xss_in_the_transcript_stays_inert(server, browser):
    app, base = server
    payload = ('<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> '
               'ik wil dood')
    visitor = browser.new_context()
    chat = visitor.new_page()
    chat.goto(f"{base}/chat?line=pomp")
    handoff = say_for_answer(chat, payload)["handoff"]
    expect(chat.locator(".msg.system").last).to_contain_text("112", timeout=5000)
    expect(chat.locator(".msg.user").last).to_contain_text("<script>")  # shown as text
    assert chat.evaluate("window.__pwned") is None

    console = browser.new_context()
    page = console.new_page()
    log_in(page, base, new_agent(app))
    queue_row(page, handoff["id"]).get_by_role("link", name="Openen").click()
    expect(page.locator("#transcript")).to_contain_text('<img src=x onerror="window.__pwned=1">')
    # the live poll renders the transcript again: wait for two of its answers, then look
    for _ in range(2):
        with page.expect_response(lambda r: r.url.endswith(f"/agent/api/handoffs/{handoff['id']}")
                                  and r.ok):
            pass
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#transcript img").count() == 0
    visitor.close()
    console.close()


def test_language_switch_and_quick_replies(server, browser):
    _, base = server
    context = browser.new_context()
    chat = context.new_page()
    chat.goto(f"{base}/chat?line=pomp")
    chat.click("#lang-switch")
    expect(chat.locator("#disclosure")).to_contain_text("digital assistant")
    expect(chat.locator(".msg.bot").first).to_contain_text("Welcome")
    chat.get_by_role("button", name="Order supplies").click()
    # The lead-in, then the check of who is asking before anything is ordered.
    expect(chat.locator(".msg.bot")).to_have_count(3, timeout=15000)
    expect(chat.locator(".msg.bot").nth(1)).to_contain_text("supplies")
    expect(chat.locator(".msg.bot").last).to_contain_text("customer number")
    chat.screenshot(path=str(SHOTS / "chat-english.png"))
    context.close()


def test_console_pages_without_login_redirect_to_the_login_form(server, browser):
    _, base = server
    context = browser.new_context()
    page = context.new_page()
    for path in ("/agent/", "/agent/dashboard", "/agent/handoffs/1"):
        page.goto(base + path)
        expect(page).to_have_url(__import__("re").compile(r"/agent/login\?next="))
        expect(page.locator("#login-form")).to_be_visible()
    context.close()


def test_supervisor_dashboard_renders(server, browser):
    app, base = server
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    log_in(page, base, new_agent(app, "supervisor"))
    page.goto(f"{base}/agent/dashboard")
    expect(page.locator("svg.chart")).to_be_visible()
    expect(page.locator(".tile").first).to_contain_text("overdrachten")
    page.screenshot(path=str(SHOTS / "console-dashboard.png"), full_page=True)
    context.close()


# Notifications and sound, observable: the page's Notification and AudioContext are recorders.
RECORDERS = """
window.__notes = []; window.__beeps = 0;
window.Notification = function (title, options) {
  window.__notes.push({title: title, body: (options || {}).body});
};
window.Notification.permission = "granted";
window.Notification.requestPermission = function () { return Promise.resolve("granted"); };
window.AudioContext = function () {
  window.__beeps += 1;
  return {destination: {}, currentTime: 0, createOscillator: function () {
    return {frequency: {}, connect: function () {}, start: function () {}, stop: function () {}};
  }};
};
"""


@pytest.fixture
def alert_server(stack, twilio_api, tmp_path):
    # a database of its own: escalations due elsewhere in the session stay out of this test
    import yaml

    from bot.migrate import upgrade
    url = f"sqlite:///{tmp_path / 'alerts.db'}"
    upgrade(url)
    # open around the clock, so the on-call colleagues are on duty whenever the test runs
    raw = yaml.safe_load((ROOT / "lines.yml").read_text(encoding="utf-8"))
    for line in raw["lines"]:
        line["hours"] = {"timezone": "Europe/Amsterdam", "holidays": [], "weekdays": {
            day: "00:00-23:59" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}
    lines_file = tmp_path / "lines.yml"
    lines_file.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    from tests.support.twilio_util import TOKEN
    app = create_app(stack.app_config(twilio_api_base=twilio_api[0], twilio_auth_token=TOKEN,
                                      database_url=url, lines_file=lines_file))
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{httpd.server_port}", twilio_api[1]
    httpd.shutdown()


def test_an_escalated_handoff_alerts_every_console_with_banner_sound_and_notification(
        alert_server, browser):
    from datetime import timedelta

    from bot import escalation
    from core.models import utcnow
    app, base, sent = alert_server
    services = app.extensions["assistant"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORDERS)
    page = context.new_page()
    name = new_agent(app)
    log_in(page, base, name)
    expect(page.locator("#available")).to_contain_text(name)  # who is available, in the header
    expect(page.locator("#presence")).to_have_value("available")

    # a device emergency on the pump line; the agent is on another call and does not accept
    answer = app.test_client().post("/api/messages", json={
        "text": "mijn pomp geeft al uren geen insuline en ik moet steeds overgeven",
        "conversation_id": uuid.uuid4().hex, "channel": "web", "line": "pomp"}).get_json()
    handoff_id = answer["handoff"]["id"]
    assert "komt zo bij u" in answer["replies"][0]["text"]  # someone was available
    expect(page.locator("#escalation-alert")).to_be_hidden()
    assert escalation.run_due(services, utcnow() + timedelta(seconds=61)) == [(handoff_id, 1)]

    alert = page.locator("#escalation-alert")
    expect(alert).to_be_visible(timeout=5000)
    expect(alert).to_contain_text("Apparaat-veiligheid op pomp (web)")
    expect(alert.locator(f'a[href="/agent/handoffs/{handoff_id}"]')).to_be_visible()
    notes = page.evaluate("window.__notes")
    assert notes == [{"title": f"Niemand heeft overdracht {handoff_id} aangenomen",
                      "body": "Apparaat-veiligheid op pomp, niveau 1"}]
    assert page.evaluate("window.__beeps") >= 1
    assert sorted(m["To"] for m in sent) == ["+31200000021", "+31200000022"]  # on-call paged
    page.screenshot(path=str(SHOTS / "console-escalation-alert.png"))

    # the alert follows the agent to the handoff; its steps are listed there
    alert.locator(f'a[href="/agent/handoffs/{handoff_id}"]').click()
    expect(page.locator("#events")).to_contain_text("escalated level 1")
    expect(page.locator("#events")).to_contain_text("console_alert level 1")
    expect(page.locator("#escalation-alert")).to_be_visible()
    page.click("#accept")
    expect(page.locator("#status")).to_contain_text(name)
    expect(page.locator("#escalation-alert")).to_be_hidden(timeout=5000)
    assert len(page.evaluate("window.__notes")) == 0  # a fresh page: nothing new to notify
    context.close()

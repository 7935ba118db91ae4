"""Web chat and agent console in a real browser: Playwright driving Debian's chromium
(headless), against the real gateway served on loopback with the real Rasa model.

Screenshots of the chat and the console are saved under results/screenshots/."""
from __future__ import annotations

import shutil
import threading
import uuid

import pytest
from werkzeug.serving import make_server

from bot import create_app
from bot.auth import create_agent
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "results" / "screenshots"
# Chromium in a closed sandbox: no first-run, sync or background connections.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "a long enough password"

sync_api = pytest.importorskip("playwright.sync_api")
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

    say(chat, "ik wil niet meer leven")
    expect(chat.locator(".msg.system").last).to_contain_text("113", timeout=5000)
    expect(chat.locator(".msg.system").last).to_contain_text("0800-0113")
    expect(chat.locator("#status")).to_contain_text("medewerker komt zo")
    chat.screenshot(path=str(SHOTS / "chat-handoff.png"))

    # the agent sees it within 2 seconds, with its badge
    row = queue.locator("#queue-body tr", has=queue.locator(".badge.crisis")).first
    expect(row).to_be_visible(timeout=2000)
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
    say(chat, payload)
    expect(chat.locator(".msg.system").last).to_contain_text("112", timeout=5000)
    expect(chat.locator(".msg.user").last).to_contain_text("<script>")  # shown as text
    assert chat.evaluate("window.__pwned") is None

    console = browser.new_context()
    page = console.new_page()
    log_in(page, base, new_agent(app))
    page.locator("#queue-body tr", has=page.locator(".badge.crisis")).first.get_by_role(
        "link", name="Openen").click()
    expect(page.locator("#transcript")).to_contain_text('<img src=x onerror="window.__pwned=1">')
    page.wait_for_timeout(1500)  # let the live poll render the transcript once more
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

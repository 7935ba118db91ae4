"""In a real browser (Debian's chromium): the organisation's site frames the chat widget, and
nobody frames the agent console (frame-ancestors 'none'); the console's own scripts run
under its Content-Security-Policy. (The headers themselves: tests/db/test_console_security.py.)"""
from __future__ import annotations

from bot import create_app
from bot.console.auth import create_agent
from tests.support.offline import UNREACHABLE
from tests.support.twilio_util import TOKEN
from tools.stack import ROOT

PASSWORD = "correct horse battery"
LAPTOP = "http://127.0.0.1:5000"
WIDGET_SITES = "https://www.vrienden.example, https://shop.pomp.example:8443"


def make_app(db_url, public=LAPTOP, widget_origins=WIDGET_SITES):
    return create_app({"database_url": db_url, "rasa_url": UNREACHABLE,
                       "actions_url": UNREACHABLE, "rasa_timeout": 1.0,
                       "lines_file": ROOT / "lines.yml", "public_base_url": public,
                       "widget_origins": widget_origins, "twilio_auth_token": TOKEN,
                       "login_rate_limit": "100 per minute"})


def test_in_chromium_the_widget_frames_the_chat_but_nobody_frames_the_console(db_url, tmp_path):
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright import sync_api
    from werkzeug.serving import make_server

    from tests.support.browser import ARGS, CHROMIUM

    # the organisation's own site, on another origin (localhost vs 127.0.0.1)
    site = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: SimpleHTTPRequestHandler(
        *a, directory=str(tmp_path)))
    site_origin = f"http://localhost:{site.server_port}"
    app = make_app(db_url, widget_origins=site_origin)
    create_agent(app.extensions["assistant"], "anna", "agent", PASSWORD)
    gateway = make_server("127.0.0.1", 0, app, threaded=True)
    base = f"http://127.0.0.1:{gateway.server_port}"
    (tmp_path / "index.html").write_text(
        f'<!doctype html><title>site</title>'
        f'<iframe id="chat" src="{base}/chat?embed=1&line=vrienden"></iframe>'
        f'<iframe id="console" src="{base}/agent/login"></iframe>')
    servers = [site, gateway]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=ARGS)
            page = browser.new_page()
            blocked = []  # what the console reports as refused by a policy
            page.on("console", lambda m: blocked.append(m.text)
                    if "Content Security Policy" in m.text or "frame-ancestors" in m.text
                    else None)
            # the console itself: live scripts work, nothing of ours is refused
            page.goto(f"{base}/agent/")
            page.fill("#username", "anna")
            page.fill("#password", PASSWORD)
            page.click("#login-form button[type=submit]")
            sync_api.expect(page).to_have_url(f"{base}/agent/")
            sync_api.expect(page.locator("#available")).to_contain_text("anna")
            page.wait_for_function("document.querySelector('#queue-body') !== null")
            with page.expect_response(lambda r: r.url.endswith("/agent/api/queue")):
                pass  # console.js polls the queue (started from data attributes, no inline script)
            page.goto(f"{base}/chat?line=vrienden")
            sync_api.expect(page.locator(".msg.bot").first).to_contain_text("Welkom")
            assert blocked == []

            # the organisation's site: the chat page shows in its frame, the console does not.
            # (The page itself, not the conversation: this headless chromium refuses storage to
            # third-party frames, so chat.js cannot keep its conversation id there.)
            # the console's frame is refused once chromium reports the refusal: wait for it
            with page.expect_console_message(lambda m: "frame-ancestors" in m.text):
                page.goto(f"{site_origin}/index.html")
            chat = page.frame_locator("#chat")
            sync_api.expect(chat.locator("#disclosure")).to_contain_text("digitale assistent")
            console_frame = page.frame(url=lambda u: "/agent/login" in u)
            refused = console_frame is None or console_frame.evaluate(
                "() => { try { return !document.querySelector('#login-form'); }"
                " catch (e) { return true; } }")
            assert refused
            [refusal] = blocked  # one: the console's frame; the chat's frame was allowed
            assert "frame-ancestors 'none'" in refusal and f"{base}/" in refusal
            browser.close()
    finally:
        for server in servers:
            server.shutdown()

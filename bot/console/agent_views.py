"""The agent console (`/agent`): login, live queue, one handoff, supervisor dashboard.

Pages are plain HTML forms (work without JavaScript); small scripts poll the JSON
routes so the queue and the transcript stay live. Every route needs a login.
"""
from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user

from bot import escalation, presence, worklist
from bot.console import dashboard
from bot.console import handoffs as console
from bot.console.auth import authenticate, end_sessions, limiter, supervisor_required
from bot.services import services

blueprint = Blueprint("agent", __name__, url_prefix="/agent")

CATEGORY_LABELS = {"crisis": "Crisis", "end_of_life_request": "Levenseinde-verzoek",
                   "device_safety": "Apparaat-veiligheid", "system": "Systeem",
                   "request": "Vraagt medewerker"}


@blueprint.app_context_processor
def labels():
    return {"category_labels": CATEGORY_LABELS}


def _login_limit() -> str:
    return services().config.login_rate_limit


@blueprint.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if request.method == "POST":
        user = authenticate(services(), request.form.get("username", "").strip(),
                            request.form.get("password", ""))
        if user is None:
            flash("Onbekende gebruiker of verkeerd wachtwoord.", "error")
            return render_template("agent/login.html"), 401
        login_user(user)
        target = request.args.get("next", "")
        # only our own console pages: no open redirect
        if not target.startswith("/agent") or target.startswith("//"):
            target = url_for("agent.queue_page")
        return redirect(target)
    return render_template("agent/login.html")


@blueprint.post("/logout")
@login_required
def logout():
    agent_id = current_user.agent_id
    presence.set_status(services(), agent_id, "away")
    # server-side: a kept copy of this session cookie (or a remember-me cookie) no longer works
    end_sessions(services(), agent_id)
    logout_user()
    session.clear()
    return redirect(url_for("agent.login"))


@blueprint.app_context_processor
def my_presence():
    if not current_user.is_authenticated:
        return {}
    return {"presence_statuses": presence.STATUSES,
            "my_status": presence.status_of(services(), current_user.agent_id)}


@blueprint.get("/")
@login_required
def queue_page():
    return render_template("agent/queue.html", items=console.queue(services()),
                           roster=presence.roster(services()))


@blueprint.get("/api/queue")
@login_required
def queue_json():
    return jsonify({"handoffs": [item.as_dict() for item in console.queue(services())],
                    "available": [a for a in presence.roster(services())
                                  if a["status"] == "available"],
                    "alerts": escalation.alerts(services())})


@blueprint.get("/api/alerts")
@login_required
def alerts_json():
    """Escalated handoffs nobody has accepted: every open console page shows these."""
    return jsonify({"alerts": escalation.alerts(services())})


@blueprint.post("/api/heartbeat")
@login_required
def heartbeat():
    """The open console says it is still there (every 20 s); without it the agent is away."""
    return jsonify({"status": presence.heartbeat(services(), current_user.agent_id)})


@blueprint.post("/presence")
@login_required
def set_presence():
    status = request.form.get("status") or (request.get_json(silent=True) or {}).get("status")
    if status not in presence.STATUSES:
        return jsonify({"error": "bad_status"}), 400
    now = presence.set_status(services(), current_user.agent_id, status)
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"status": now})
    return redirect(request.referrer if (request.referrer or "").startswith(
        request.host_url + "agent") else url_for("agent.queue_page"), 303)


def _detail_or_404(handoff_id: int) -> dict:
    try:
        return console.detail(services(), handoff_id)
    except KeyError:
        abort(404)


@blueprint.get("/handoffs/<int:handoff_id>")
@login_required
def handoff_page(handoff_id: int):
    return render_template("agent/handoff.html", d=_detail_or_404(handoff_id),
                           outcomes=console.OUTCOMES)


@blueprint.get("/api/handoffs/<int:handoff_id>")
@login_required
def handoff_json(handoff_id: int):
    d = _detail_or_404(handoff_id)

    def iso(item):
        return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in item.items()}
    return jsonify({"handoff": iso(d["handoff"]), "conversation": d["conversation"],
                    "messages": [iso(m) for m in d["messages"]],
                    "notes": [iso(n) for n in d["notes"]],
                    "events": [iso(e) for e in d["events"]]})


def _act(handoff_id: int, action, done: str):
    """Run a console action; errors come back to the page as a message (409), never a 500."""
    try:
        action()
    except KeyError:
        abort(404)
    except console.ConsoleError as exc:
        if request.accept_mimetypes.best == "application/json":
            return jsonify({"error": exc.code, "message": str(exc)}), 409
        flash(str(exc), "error")
        return render_template("agent/handoff.html", d=_detail_or_404(handoff_id),
                               outcomes=console.OUTCOMES), 409
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"ok": True})
    flash(done, "ok")
    return redirect(url_for("agent.handoff_page", handoff_id=handoff_id), 303)


@blueprint.post("/handoffs/<int:handoff_id>/accept")
@login_required
def accept(handoff_id: int):
    return _act(handoff_id, lambda: console.accept(services(), handoff_id, current_user.username),
                "U hebt deze overdracht aangenomen.")


@blueprint.post("/handoffs/<int:handoff_id>/reply")
@login_required
def reply(handoff_id: int):
    return _act(handoff_id, lambda: console.reply(services(), handoff_id, current_user.username,
                                                  request.form.get("text", "")),
                "Bericht verstuurd.")


@blueprint.post("/handoffs/<int:handoff_id>/note")
@login_required
def note(handoff_id: int):
    return _act(handoff_id, lambda: console.add_note(services(), handoff_id, current_user.username,
                                                     request.form.get("text", "")),
                "Notitie opgeslagen.")


@blueprint.post("/handoffs/<int:handoff_id>/close")
@login_required
def close(handoff_id: int):
    outcome = request.form.get("outcome", "resolved")
    if outcome not in console.OUTCOMES:
        outcome = "resolved"
    back = request.form.get("back_to_bot") == "1"
    # crisis, end-of-life request, device safety: the agent must have accepted it; a supervisor
    # may close it without accepting, with a written reason (kept as a note and an event)
    reason = request.form.get("reason", "")
    return _act(handoff_id, lambda: console.finish(
                    services(), handoff_id, current_user.username, outcome, back_to_bot=back,
                    supervisor=current_user.is_supervisor, reason=reason),
                "Teruggegeven aan de assistent." if back else "Overdracht afgesloten.")


@blueprint.get("/dashboard")
@supervisor_required
def dashboard_page():
    days = min(max(request.args.get("days", 14, type=int), 1), 90)
    return render_template("agent/dashboard.html", f=dashboard.figures(services(), days), days=days)


@blueprint.get("/dashboard.csv")
@supervisor_required
def dashboard_csv():
    return Response(dashboard.handoffs_csv(services()), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=handoffs.csv"})


@blueprint.get("/requests")
@login_required
def requests_page():
    return render_template("agent/requests.html", requests=worklist.pending_requests(services()),
                           complaints=worklist.open_complaints(services()),
                           lockouts=worklist.recent_lockouts(services()))


@blueprint.post("/requests/<int:request_id>/done")
@login_required
def request_done(request_id: int):
    if worklist.complete_request(services(), request_id, current_user.username):
        flash("Verzoek afgehandeld.", "ok")
    else:
        flash("Dit verzoek was al afgehandeld.", "error")
    return redirect(url_for("agent.requests_page"), 303)

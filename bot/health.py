"""`GET /healthz`: is each part of the assistant up?"""
from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text

from bot.services import services

blueprint = Blueprint("health", __name__)


def _db_ok() -> bool:
    try:
        with services().session() as session:
            session.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


@blueprint.get("/healthz")
def healthz():
    rasa = services().rasa
    parts = {
        "rasa": "ok" if rasa.rasa_up() else "down",
        "actions": "ok" if rasa.actions_up() else "down",
        "db": "ok" if _db_ok() else "down",
    }
    status = "ok" if all(v == "ok" for v in parts.values()) else "degraded"
    return jsonify({"status": status, **parts}), 200 if status == "ok" else 503

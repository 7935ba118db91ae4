"""Website chat: the chat page, the embeddable widget, and the visitor's live feed.

The visitor's browser keeps a random conversation id and the conversation token the
first reply gave it (localStorage), sends turns to `POST /api/messages` (channel "web")
like any other client, and polls its feed for what the bot, the system and an agent
said. The feed and the person button answer only the client the conversation belongs
to (bot.binding): its token, or the session cookie of the page that started it.
"""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request, send_from_directory
from sqlalchemy import select

from bot import binding
from bot.road.inbound import conversation_for, hand_to_person
from bot.road.texts import text_for
from bot.services import services
from core.models import Conversation, Handoff, Message

blueprint = Blueprint("webchat", __name__)

VISIBLE = ("user", "bot", "agent", "system")
# First suggestions per line domain (quick replies); typed or clicked, they go the same road.
SUGGESTIONS = {
    "donor": {"nl": ["Mijn bedrag wijzigen", "Jaaroverzicht voor de belasting",
                     "Mijn adres wijzigen", "Vriend worden"],
              "en": ["Change my amount", "Annual tax statement", "Change my address",
                     "Become a Friend"]},
    "device": {"nl": ["Materialen bestellen", "Waar is mijn bestelling?", "Veiligheidsmelding",
                      "App koppelen"],
               "en": ["Order supplies", "Where is my order?", "Safety notice", "Pair the app"]},
}
UI = {
    "nl": {"title": "Chat", "placeholder": "Typ uw vraag…", "send": "Versturen",
           "person": "Met een medewerker praten", "typing": "De assistent typt…",
           "disclosure": "U chat met een digitale assistent (AI). Een medewerker kan meelezen "
                         "als u daarom vraagt of als het nodig is.",
           "waiting": "Een medewerker komt zo bij u.", "joined": text_for("agent_joined", "nl"),
           # what the status line says while waiting, from who could come at the handoff
           "waiting_paging": "We roepen nu een collega op. In direct gevaar? Bel 112.",
           "waiting_queued": "Alle medewerkers zijn in gesprek. U bent in de wachtrij.",
           "waiting_outside": "Er is nu geen medewerker. "
                              "Het bericht hierboven zegt wie u nu kunt bereiken.",
           "error": "Het versturen lukte niet. Probeer het opnieuw. In direct gevaar? Bel 112.",
           "switch": "English", "new": "Nieuw gesprek", "agent": "Medewerker", "you": "U",
           "assistant": "Assistent"},
    "en": {"title": "Chat", "placeholder": "Type your question…", "send": "Send",
           "person": "Talk to a person", "typing": "The assistant is typing…",
           "disclosure": "You are chatting with a digital assistant (AI). A colleague may read "
                         "along if you ask for it or when it is needed.",
           "waiting": "A colleague will be with you shortly.",
           "joined": text_for("agent_joined", "en"),
           "waiting_paging": "We are calling a colleague now. In immediate danger? Call 112.",
           "waiting_queued": "All colleagues are busy. You are in the queue.",
           "waiting_outside": "No colleague is available now. "
                              "The message above says who you can reach now.",
           "error": "Sending failed. Please try again. In immediate danger? Call 112.",
           "switch": "Nederlands", "new": "New conversation", "agent": "Colleague", "you": "You",
           "assistant": "Assistant"},
}


@blueprint.get("/")
def index():
    return render_template("index.html", lines=services().lines)


@blueprint.get("/chat")
def chat_page():
    lines = services().lines
    line_id = request.args.get("line")
    line = lines.get(line_id if line_id in lines.ids else None)
    return render_template("chat.html", line=line, ui=UI,
                           suggestions=SUGGESTIONS.get(line.domain, SUGGESTIONS["donor"]),
                           embedded=request.args.get("embed") == "1")


@blueprint.get("/widget.js")
def widget():
    response = send_from_directory(blueprint.root_path + "/static", "widget.js",
                                   mimetype="text/javascript", max_age=300)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _feed_status(session, conversation: Conversation) -> tuple[str, str | None]:
    """bot | waiting (handed off, nobody has it yet) | agent (a person has it), and while
    waiting the handoff's cover (available, paging, queued, outside): the status line must
    not promise a person who is not coming."""
    if conversation.status != "handoff":
        return "bot", None
    open_ = session.execute(select(Handoff).where(
        Handoff.conversation_id == conversation.id, Handoff.status != "closed")).scalars().first()
    if open_ is not None and open_.status == "accepted":
        return "agent", None
    return "waiting", (open_.cover if open_ is not None else None)


@blueprint.get("/api/conversations/<conversation_id>/messages")
def feed(conversation_id: str):
    if not binding.CLIENT_ID.match(conversation_id):
        return jsonify({"error": "invalid_conversation_id"}), 400
    after = request.args.get("after", 0, type=int)
    with services().session() as session:
        conversation = session.get(Conversation, conversation_id)
        if conversation is None or conversation.channel != "web" or \
                not binding.holds(conversation_id):
            return jsonify({"messages": [], "status": "bot", "language": None})
        rows = session.execute(select(Message).where(
            Message.conversation_id == conversation_id, Message.id > after,
            Message.sender.in_(VISIBLE)).order_by(Message.id).limit(200)).scalars().all()
        status, cover = _feed_status(session, conversation)
        return jsonify({
            "status": status, "cover": cover,
            "language": conversation.language,
            "messages": [{"id": m.id, "sender": m.sender, "text": m.text,
                          "buttons": (m.meta or {}).get("buttons", []),
                          "created_at": m.created_at.isoformat()} for m in rows],
        })


@blueprint.post("/api/conversations/<conversation_id>/person")
def ask_for_person(conversation_id: str):
    """The visible 'talk to a person' button: a handoff without going through the bot."""
    if not binding.CLIENT_ID.match(conversation_id):
        return jsonify({"error": "invalid_conversation_id"}), 400
    body = request.get_json(silent=True) or {}
    line_id = body.get("line") if body.get("line") in services().lines.ids else None
    with services().session() as session:
        existing = session.get(Conversation, conversation_id)
        if existing is not None and existing.channel != "web":
            return jsonify({"error": "invalid_conversation_id"}), 400
        if existing is not None and not binding.holds(conversation_id, body):
            return jsonify({"error": "conversation_not_yours"}), 403
        if existing is None and body.get("language") in ("nl", "en"):
            conversation_for(services(), session, conversation_id, "web", line_id,
                             language=body["language"])
    outcome = hand_to_person(services(), conversation_id, "web", line_id, "request",
                             "visitor pressed 'talk to a person'")
    return jsonify({"conversation_id": conversation_id, "language": outcome.language,
                    "conversation_token": binding.bind(conversation_id),
                    "replies": [r.as_dict() for r in outcome.replies], "handoff": outcome.handoff})


def allow_widget_origins(response):
    """The widget runs on the organisations' own sites: let them call the chat API (no cookies)."""
    if request.path.startswith("/api/"):
        allowed = [o.strip() for o in services().config.widget_origins.split(",") if o.strip()]
        origin = request.headers.get("Origin")
        if "*" in allowed:
            response.headers["Access-Control-Allow-Origin"] = "*"
        elif origin in allowed:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, X-Conversation-Token"
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    return response

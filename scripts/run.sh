#!/usr/bin/env bash
# Start Rasa, the action server, the gateway and the escalation worker under one supervisor
# (honcho). Ctrl-C stops all four. Called by `make run` after setup, training and migration.
set -euo pipefail
cd "$(dirname "$0")/.."
# Twilio signs every webhook with the account's auth token. For a laptop run without a
# Twilio account, a random token is made once and kept in var/ for the phone simulator.
if [ -z "${TWILIO_AUTH_TOKEN:-}" ]; then
  mkdir -p var
  [ -s var/twilio-dev-token ] || .venv/bin/python -c 'import secrets; print(secrets.token_hex(16))' > var/twilio-dev-token
  TWILIO_AUTH_TOKEN=$(cat var/twilio-dev-token)
  export TWILIO_AUTH_TOKEN
fi
# The secrets between the parts (gateway -> Rasa, Rasa -> action server): there is no working
# default; for a laptop run each is made once and kept in var/. A deployment sets its own.
# RASA_TOKEN guards Rasa's HTTP API and (credentials.yml) the gateway channel.
secret() {
  mkdir -p var
  [ -s "var/$1" ] || .venv/bin/python -c 'import secrets; print(secrets.token_hex(24))' > "var/$1"
  cat "var/$1"
}
RASA_TOKEN=${RASA_TOKEN:-$(secret rasa-token)}
ACTION_SERVER_TOKEN=${ACTION_SERVER_TOKEN:-$(secret action-server-token)}
export RASA_TOKEN ACTION_SERVER_TOKEN
export PUBLIC_BASE_URL=${PUBLIC_BASE_URL:-http://127.0.0.1:${GATEWAY_PORT}}
cat <<TXT

  Triage assistant starting (Rasa needs about half a minute to load its model):
    gateway      http://127.0.0.1:${GATEWAY_PORT}/          (health: /healthz)
    web chat     http://127.0.0.1:${GATEWAY_PORT}/chat   (widget: /widget.js)
    console      http://127.0.0.1:${GATEWAY_PORT}/agent  (agents; supervisor login below)
    chat API     POST http://127.0.0.1:${GATEWAY_PORT}/api/messages
    Rasa         http://127.0.0.1:${RASA_PORT}/   (HTTP API, token in RASA_TOKEN)
    actions      http://127.0.0.1:${ACTIONS_PORT}/health
    metrics      http://127.0.0.1:${GATEWAY_PORT}/metrics (Prometheus)
    worker       escalates handoffs nobody accepts (pages on-call by SMS through Twilio;
                 without a Twilio account the pages fail and the console shows page_failed)

  Try:  curl -s -XPOST localhost:${GATEWAY_PORT}/api/messages -H 'content-type: application/json' \\
          -d '{"text": "ik wil mijn adres wijzigen"}'
  Phone simulator (plays Twilio against the gateway; token from var/twilio-dev-token):
        TWILIO_AUTH_TOKEN=\$(cat var/twilio-dev-token) .venv/bin/python -m ivr.simulate --say "ik wil mijn adres wijzigen"
  Stop with Ctrl-C.

TXT
# Synthetic donors and pump customers (core/demo_data.py) on the first start; quiet afterwards.
.venv/bin/flask --app bot demo load
# The console needs a first supervisor: made once, with a generated password printed once.
.venv/bin/flask --app bot users first-supervisor
# Transcripts older than TRANSCRIPT_RETENTION_DAYS go (in production: daily from cron).
.venv/bin/flask --app bot transcripts purge
exec .venv/bin/honcho start -f Procfile

#!/usr/bin/env bash
# Re-resolve requirements.in into requirements.lock in a throw-away venv.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$(bash scripts/find-python.sh)" -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q --upgrade "pip<24.1"
"$tmp/venv/bin/pip" install -q -r requirements.in
"$tmp/venv/bin/pip" check
{ echo "# Exact pins for .venv (Python 3.10). Regenerate with scripts/lock.sh after editing requirements.in."
  "$tmp/venv/bin/pip" freeze --all --exclude-editable | grep -v "^pip=="; } > requirements.lock
echo "requirements.lock updated"

#!/usr/bin/env bash
# Re-resolve a requirements file into its lock in a throw-away venv:
#   scripts/lock.sh          requirements.in      -> requirements.lock      (.venv, Python 3.12)
#   scripts/lock.sh rasa     requirements-rasa.in -> requirements-rasa.lock (.venv-rasa, Python 3.10)
#   scripts/lock.sh all      both
set -euo pipefail
cd "$(dirname "$0")/.."
lock() {  # lock <python version> <in> <out> <venv name> <pip spec>
  local version=$1 in=$2 out=$3 venv=$4 pip=$5
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "$(bash scripts/find-python.sh "$version")" -m venv "$tmp/venv"
  "$tmp/venv/bin/python" -m pip install -q --upgrade "$pip"
  "$tmp/venv/bin/python" -m pip install -q -r "$in"
  "$tmp/venv/bin/python" -m pip check
  { echo "# Exact pins for $venv (Python $version). Regenerate with scripts/lock.sh after editing $in."
    "$tmp/venv/bin/python" -m pip freeze --all --exclude-editable | grep -v "^pip=="; } > "$out"
  echo "$out updated"
}
case "${1:-app}" in
  app)  lock 3.12 requirements.in requirements.lock .venv "pip" ;;
  # Rasa 3.6's dependency tree has releases with metadata newer pips reject.
  rasa) lock 3.10 requirements-rasa.in requirements-rasa.lock .venv-rasa "pip<24.1" ;;
  all)  "$0" app; "$0" rasa ;;
  *) echo "usage: scripts/lock.sh [app|rasa|all]" >&2; exit 2 ;;
esac

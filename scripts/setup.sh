#!/usr/bin/env bash
# Create a venv (if missing or of the wrong Python) and install the exact pins of its lock:
#   scripts/setup.sh app  [.venv]       Python 3.12, requirements.lock (gateway, worker,
#                                       action server, tests, tools)
#   scripts/setup.sh rasa [.venv-rasa]  Python 3.10, requirements-rasa.lock (the rasa process)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-app}" in
  app)  version=3.12; venv=${2:-.venv};      lock=requirements.lock;      pip="pip" ;;
  # Rasa 3.6's dependency tree has releases with metadata newer pips reject.
  rasa) version=3.10; venv=${2:-.venv-rasa}; lock=requirements-rasa.lock; pip="pip<24.1" ;;
  *) echo "usage: scripts/setup.sh [app|rasa] [venv]" >&2; exit 2 ;;
esac
if [ ! -x "$venv/bin/python" ] \
   || ! "$venv/bin/python" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$version'.split('.'))))"; then
  python=$(bash scripts/find-python.sh "$version")
  echo "creating $venv (Python $version) with $python"
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade "$pip"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$lock"
"$venv/bin/python" -m pip check

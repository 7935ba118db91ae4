#!/usr/bin/env bash
# Create the venv (if missing) and install the exact pins of requirements.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
  python=$(bash scripts/find-python.sh)
  echo "creating $venv with $python"
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade "pip<24.1"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r requirements.lock
"$venv/bin/python" -m pip check

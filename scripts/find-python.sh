#!/usr/bin/env bash
# Print a Python interpreter of the version asked for (3.12 for .venv, 3.10 for .venv-rasa):
# $PYTHON312 / $PYTHON310, else python3.12 / python3.10 on PATH, else pyenv's newest 3.12.x / 3.10.x.
# Rasa 3.6 refuses 3.11 and newer, so only the Rasa process (.venv-rasa) runs on 3.10;
# the gateway, worker, action server, tests and tools run on 3.12 (.venv).
set -euo pipefail
want=${1:-3.12}
case "$want" in
  3.12) var=PYTHON312; why="the gateway, worker, action server and tests (.venv)" ;;
  3.10) var=PYTHON310; why="Rasa 3.6 (.venv-rasa; Rasa 3.6 refuses 3.11 and newer)" ;;
  *) echo "find-python.sh: unknown version '$want' (3.12 or 3.10)" >&2; exit 2 ;;
esac
is_want() { "$1" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$want'.split('.'))))" 2>/dev/null; }
for candidate in "${!var:-}" "$(command -v "python$want" || true)"; do
  if [ -n "$candidate" ] && is_want "$candidate"; then echo "$candidate"; exit 0; fi
done
root=${PYENV_ROOT:-$HOME/.pyenv}
for candidate in $(ls -d "$root"/versions/"$want".*/bin/python 2>/dev/null | sort -V -r); do
  if is_want "$candidate"; then echo "$candidate"; exit 0; fi
done
echo "No Python $want found for $why: install it (e.g. pyenv install $want) or set $var=/path/to/python$want." >&2
exit 1

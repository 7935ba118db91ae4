#!/usr/bin/env bash
# Print a Python 3.10 interpreter: $PYTHON, else python3.10 on PATH, else pyenv's 3.10.
# Rasa 3.6 refuses 3.11 and newer.
set -euo pipefail
is310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }
for candidate in "${PYTHON:-}" "$(command -v python3.10 || true)"; do
  if [ -n "$candidate" ] && is310 "$candidate"; then echo "$candidate"; exit 0; fi
done
root=${PYENV_ROOT:-$HOME/.pyenv}
for candidate in $(ls -d "$root"/versions/3.10.*/bin/python 2>/dev/null | sort -V -r); do
  if is310 "$candidate"; then echo "$candidate"; exit 0; fi
done
echo "No Python 3.10 found: set PYTHON=/path/to/python3.10 (Rasa 3.6 needs 3.10)." >&2
exit 1

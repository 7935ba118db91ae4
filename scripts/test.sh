#!/usr/bin/env bash
# Run every test (pytest). Called by `make test` after setup and training.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest tests -q -p no:cacheprovider "$@"

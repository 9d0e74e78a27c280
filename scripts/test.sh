#!/usr/bin/env bash
# Sets up and runs the whole test suite. With DATABASE_URL pointing at
# PostgreSQL, database tests run there as well as on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest -q "$@"

#!/usr/bin/env bash
# Sets up and runs ClearPost on the embedded default (SQLite, no external
# service): reviews the example drafts, then serves the web console (the local
# review channel) on http://127.0.0.1:3000/ until Ctrl-C, with two console
# accounts (officer and staff; `clearpost users quickstart`). With --no-serve it
# stops after the example review.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CLEARPOST_CONFIG=${CLEARPOST_CONFIG:-examples/config.yml}
cp="$PWD/.venv/bin/clearpost"

echo "== Reviewing the example drafts in examples/drafts.jsonl"
"$cp" check --jsonl examples/drafts.jsonl || [ $? -eq 1 ]   # exit 1 = some drafts are blocked
[ "${1:-}" = "--no-serve" ] && exit 0

echo "== Console accounts (new ones get a random password, printed once)"
"$cp" users quickstart
echo "== Web console on http://127.0.0.1:3000/ (Ctrl-C stops it): sign in as 'staff' and paste a draft,"
echo "   then sign in as 'officer' (another browser or a private window) and clear it from the queue"
exec "$cp" serve

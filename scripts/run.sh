#!/usr/bin/env bash
# Sets up and runs ClearPost on the embedded default (SQLite, no external
# service): reviews the example drafts, then serves the web console (the local
# review channel) on http://127.0.0.1:3000/ until Ctrl-C. With --no-serve it
# stops after the example review.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p clearpost-data
export CLEARPOST_CONFIG=${CLEARPOST_CONFIG:-examples/config.yml}
cp="$PWD/.venv/bin/clearpost"

echo "== Reviewing the example drafts in examples/drafts.jsonl"
"$cp" check --jsonl examples/drafts.jsonl || [ $? -eq 1 ]   # exit 1 = some drafts are blocked
[ "${1:-}" = "--no-serve" ] && exit 0

if ! "$cp" users list 2>/dev/null | grep -qw officer; then
  password=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(12))')
  printf '%s\n' "$password" | "$cp" users add officer --role officer >/dev/null
  echo "== Created the console account 'officer' with password: $password"
fi
echo "== Web console on http://127.0.0.1:3000/ (sign in as 'officer'; Ctrl-C stops it)"
exec "$cp" serve

#!/usr/bin/env bash
# Sets up and runs the main job on the embedded default (SQLite, no external
# service): reviews the example drafts shipped in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p clearpost-data
export CLEARPOST_CONFIG=${CLEARPOST_CONFIG:-examples/config.yml}
.venv/bin/clearpost check --jsonl examples/drafts.jsonl || [ $? -eq 1 ]   # exit 1 = some drafts blocked

#!/usr/bin/env bash
# npm start: install dependencies when absent, then hand over to scripts/start.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec node_modules/.bin/tsx scripts/start.ts

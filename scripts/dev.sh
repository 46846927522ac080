#!/usr/bin/env bash
# npm run dev: hot-reloading web + workers (tsx watch) against the local services.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export NODE_ENV=development
node_modules/.bin/tsx scripts/setup.ts
trap 'kill 0' EXIT
NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=128}" node_modules/.bin/tsx watch workers/index.ts &
node_modules/.bin/next dev -p "${PORT:-3000}"

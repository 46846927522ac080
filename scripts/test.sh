#!/usr/bin/env bash
# npm test: every check, failing on the first failure.
#   1. dependencies (installed from the lockfile when absent)
#   2. services: PostgreSQL and Redis reachable (local ones started), fresh levqor_test database
#   3. typecheck, lint
#   4. vitest: unit, integration (real PostgreSQL + Redis), e2e (Chromium against next start)
# The last lines are vitest's summary with the test counts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium is needed for the browser tests: sudo apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi

export NODE_ENV=test
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/levqor_test}"
export REDIS_URL="${TEST_REDIS_URL:-${REDIS_URL:-redis://127.0.0.1:6379}}"
export REDIS_PREFIX=levqor-test
export AUTH_SECRET=levqor-test-secret-not-for-production-0123456789
export NEXT_TELEMETRY_DISABLED=1

started=$(date +%s)
echo "== services and a fresh test database"
node_modules/.bin/tsx scripts/setup.ts --test --fresh
echo "== typecheck"
node_modules/.bin/tsc --noEmit
echo "== lint"
node_modules/.bin/eslint --max-warnings 0 .
echo "== locked prices, SLAs and trial text (drift check)"
node_modules/.bin/tsx scripts/drift.ts
echo "== tests (unit, integration, e2e, privacy audit)"
mkdir -p logs && : > logs/test-suite.log
node_modules/.bin/vitest run "$@"
echo "npm test finished in $(( $(date +%s) - started )) s"

#!/usr/bin/env bash
# Installs the npm dependencies from the committed lockfile when they are absent or stale.
# (`npm install` rather than `npm ci`: this registry lacks some optional platform binaries that
# the lockfile lists, which `npm ci` refuses; `npm install` keeps the lockfile unchanged.)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20.9+ is required: https://nodejs.org/ (or your package manager)." >&2
  exit 1
fi
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm install; about a minute the first time)..."
  # npm is silent at this log level: say every 15 s that it is still working.
  started=$SECONDS
  ( while sleep 15; do echo "  ...still installing ($((SECONDS - started)) s)"; done ) &
  ticker=$!
  trap 'kill $ticker 2>/dev/null || true' EXIT
  npm install --no-audit --no-fund --loglevel=error
  kill $ticker 2>/dev/null || true
  trap - EXIT
  echo "Dependencies installed in $((SECONDS - started)) s."
fi

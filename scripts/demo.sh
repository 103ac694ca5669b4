#!/usr/bin/env bash
# README command 1: set everything up on a fresh machine and run the main job —
# build the extension, score the sample portfolio, and show the extension working on the demo PSA.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== Installing Chromium from Debian (for the browser tour)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the tour: sudo apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

mkdir -p .demo
AT="${METRONOME_AT:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}"
TZ_NAME="${METRONOME_TZ:-America/New_York}"
echo "== Sample portfolio (40 accounts) as of $AT, time zone $TZ_NAME"
npx tsx scripts/sample.ts --at "$AT" --out .demo/sample-bundle.json
npx tsx scripts/score.ts .demo/sample-bundle.json --at "$AT" --tz "$TZ_NAME" --format table

echo "== Building the extension (Chrome MV3, demo build) and the Firefox build"
METRONOME_DEMO=1 npx wxt build
npx wxt build -b firefox --mv3 >/dev/null

echo "== Touring the demo PSA in Chromium with the extension loaded"
npx tsx scripts/tour.ts "$@"

#!/usr/bin/env bash
# README command 2: every test. Typecheck, unit tests, the three builds (+ Firefox lint), and the
# end-to-end tests in real Chromium with the built extension; ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
status=0
step() { echo; echo "== $*"; }

step "typecheck"
npx tsc --noEmit || status=1

step "unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=1

step "builds: Chrome (store), Chrome (demo), Firefox"
{ npx wxt build >/dev/null && METRONOME_DEMO=1 npx wxt build >/dev/null && npx wxt build -b firefox --mv3 >/dev/null && echo "3 builds ok"; } || status=1
npx tsx scripts/lint-firefox.ts || status=1
npx tsx scripts/check-build.ts || status=1

step "end-to-end tests (Playwright, Chromium + built extension)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e.json npx playwright test --reporter=list,json || status=1

step "summary"
npx tsx scripts/test-summary.ts test-results/unit.json test-results/e2e.json || status=1
exit $status

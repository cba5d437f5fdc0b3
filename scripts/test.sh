#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests, end-to-end tests; fails when any of them fails.
# ESLint (type-aware rules) keeps about one and a half cores busy for half a minute, so it runs in
# the background while the typecheck, the Prettier check and the unit tests run in the foreground;
# its output is printed when both are done. The typecheck is incremental and Prettier remembers
# files by content (both in node_modules/.cache/oj-boten), so a rerun checks again only what changed
# and what depends on it; a fresh clone checks everything. Then the end-to-end tests, over all cores.
set -uo pipefail

cd "$(dirname "$0")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

npx eslint . >"$log" 2>&1 &
eslint=$!
npm run --silent typecheck && npm run --silent format:check && npm run --silent test:unit
foreground_status=$?
wait "$eslint"
eslint_status=$?
cat "$log"
if [ "$eslint_status" -ne 0 ] || [ "$foreground_status" -ne 0 ]; then
	echo "[test] failed (eslint: $eslint_status; typecheck, prettier and unit tests: $foreground_status)" >&2
	exit 1
fi

npm run --silent test:e2e

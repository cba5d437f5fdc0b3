#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests, end-to-end tests; fails when any of them fails.
# ESLint (type-aware rules, about half of the checking time) runs beside the typecheck and the
# Prettier check, so the static checks use two cores instead of one; their output is printed one
# after the other. The typecheck is incremental and Prettier remembers files by content (both in
# node_modules/.cache/oj-boten), so a rerun checks again only what changed and what depends on it; a
# fresh clone checks everything. Then the unit tests and the end-to-end tests, each over all cores.
set -uo pipefail

cd "$(dirname "$0")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Typecheck and Prettier in the background (output kept for later), ESLint in the foreground.
(npm run --silent typecheck && npm run --silent format:check) >"$log" 2>&1 &
checks=$!
npx eslint .
eslint_status=$?
wait "$checks"
checks_status=$?
cat "$log"
if [ "$eslint_status" -ne 0 ] || [ "$checks_status" -ne 0 ]; then
	echo "[test] typecheck/lint failed (eslint: $eslint_status, typecheck + prettier: $checks_status)" >&2
	exit 1
fi

npm run --silent test:unit && npm run --silent test:e2e

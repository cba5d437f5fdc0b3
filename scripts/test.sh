#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests, end-to-end tests; fails when any of them fails.
#
# Order, to keep both cores busy: ESLint (type-aware rules, the longest check) starts at once in the
# background; the typecheck and the Prettier check run beside it, then the unit tests, still beside
# ESLint; the end-to-end tests start once ESLint has passed, since they spawn processes and want the
# machine to themselves. ESLint's output is printed when it ends. The typecheck is incremental and
# Prettier remembers files by content (both in node_modules/.cache/oj-boten), so a rerun checks
# again only what changed and what depends on it; a fresh clone checks everything.
set -uo pipefail

cd "$(dirname "$0")/.."

eslint_log="$(mktemp)"
trap 'rm -f "$eslint_log"' EXIT

npx eslint . >"$eslint_log" 2>&1 &
eslint=$!

eslint_result() {
	wait "$eslint"
	local status=$?
	cat "$eslint_log"
	if [ "$status" -ne 0 ]; then echo "[test] ESLint failed (exit $status)" >&2; fi
	return "$status"
}

if ! { npm run --silent typecheck && npm run --silent format:check; }; then
	echo "[test] typecheck or Prettier check failed" >&2
	eslint_result
	exit 1
fi

npm run --silent test:unit
unit_status=$?
eslint_result
eslint_status=$?
if [ "$unit_status" -ne 0 ] || [ "$eslint_status" -ne 0 ]; then
	echo "[test] failed (unit tests: $unit_status, ESLint: $eslint_status)" >&2
	exit 1
fi

npm run --silent test:e2e

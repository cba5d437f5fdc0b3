#!/usr/bin/env bash
# One-command set-up for a fresh Debian machine with Node 20:
#   1. Debian libraries that `canvas` needs to build from source, plus a font with å ä ö;
#   2. npm dependencies from the lockfile (canvas's install script is approved in package.json);
#   3. a check that the native canvas binding loads and the bundled dataset is present;
#   4. the TypeScript sources compiled once to dist/, which `npm start` and the other scripts run;
#   5. a first Kolada sync into the git-ignored data/local/ when Kolada answers (see the last step).
# Idempotent: every step checks first and is skipped when already done.
# `npm run setup -- --offline` (or OJ_OFFLINE=1) skips the Kolada sync.
set -euo pipefail

cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

sync_args=()
for arg in "$@"; do
	case "$arg" in
	--offline) sync_args+=(--offline) ;;
	*)
		echo "[setup] Okänd flagga: $arg (användning: npm run setup [-- --offline])" >&2
		exit 2
		;;
	esac
done

# --- 1. Node -----------------------------------------------------------------
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
	echo "[setup] Node.js 20 eller senare krävs (hittade: $(node -v 2>/dev/null || echo ingen))." >&2
	exit 1
fi

# --- 2. Debian packages --------------------------------------------------------
# The ChartjsNodeCanvas build list plus fontconfig and DejaVu (å ä ö in charts).
deb_packages=(
	build-essential pkg-config python3
	libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev libpixman-1-dev
	fontconfig fonts-dejavu-core
)
missing=()
for pkg in "${deb_packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$pkg")
	fi
done
if [ ${#missing[@]} -gt 0 ]; then
	say "Installerar Debian-paket: ${missing[*]}"
	sudo_cmd=()
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
			echo "[setup] Behöver root eller sudo för att installera: ${missing[*]}" >&2
			exit 1
		fi
	fi
	export DEBIAN_FRONTEND=noninteractive
	"${sudo_cmd[@]}" apt-get update -qq
	"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
	say "Debian-paket finns redan."
fi

# --- 3. npm dependencies -------------------------------------------------------
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
	say "Installerar npm-beroenden (canvas byggs från källkod, det tar en stund första gången) …"
	npm ci --no-audit --no-fund --loglevel=error
else
	say "npm-beroenden är redan installerade."
fi

# --- 4. Native binding and dataset --------------------------------------------
if ! node -e "require('canvas')" >/dev/null 2>&1; then
	say "canvas-bindningen saknas, bygger om …"
	npm rebuild canvas --loglevel=error
	node -e "require('canvas')"
fi
if [ ! -f data/db.json ]; then
	echo "[setup] data/db.json saknas. Den följer med i repot; hämta om den med 'git checkout -- data/db.json'." >&2
	exit 1
fi

# --- 5. Compiled build ---------------------------------------------------------
# Incremental: only what changed since the last build is compiled again.
say "Kompilerar till dist/ …"
npm run --silent build

# --- 6. First Kolada sync ------------------------------------------------------
# A short reachability check first; unreachable or --offline/OJ_OFFLINE=1: one line, and the bot
# uses the bundled dataset. The synced dataset goes to data/local/ (git-ignored).
npm run --silent setup:sync -- ${sync_args[@]+"${sync_args[@]}"}
say "Klart."

#!/usr/bin/env bash
# Bounded load on loopback through nginx with two app instances (docs/performance.md §Production):
# wrk against the login page, the home page, an institution's score page and the PDF report (signed in
# as the official), then Blazor circuits held open on one instance to measure memory per circuit.
# Starts and stops everything itself. DURATION (default 30s) per run; connections LIGHT_CONNECTIONS (16),
# HEAVY_CONNECTIONS (4), PDF_CONNECTIONS (2); CIRCUIT_STEPS (default 0,20,40,60; empty to skip circuits).
set -euo pipefail
source "$(dirname "$0")/production-stack.sh"
DURATION=${DURATION:-30s}
CIRCUIT_STEPS=${CIRCUIT_STEPS-0,20,40,60}

stack_install wrk chromium
if [[ ! -d "$REPO/scripts/browser/node_modules/playwright-core" ]]; then
  npm install --silent --no-save --no-audit --no-fund --prefix "$REPO/scripts/browser" playwright-core@1.64.1 >&2
fi
stack_publish
trap stack_stop EXIT
stack_start

pg() { psql "host=127.0.0.1 port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$PG_SERVER_CONNECTION") user=postgres dbname=strategygov" -Atc "$1"; }
moh=$(pg "SELECT \"Id\" FROM \"Institutions\" WHERE \"Code\" = 'MOH'")
period=$(pg "SELECT \"Id\" FROM \"Periods\" WHERE \"Code\" = '2026-Q3'")

# Sign in through nginx with curl; wrk sends the same cookies on every request.
jar="$STACK_DIR/cookies.txt"
token=$(curl -s -c "$jar" "$BASE/account/login" | sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "email=official@strategygov.local" --data-urlencode "password=$DEMO_PASSWORD" --data-urlencode "returnUrl=/" "$BASE/account/login"
cookie=$(awk '$6 ~ /^StrategyGov|^\.AspNetCore/ { printf "%s=%s; ", $6, $7 }' "$jar")
[[ $cookie == *StrategyGov.Auth* ]] || { log "Sign-in failed"; exit 1; }

run() {
  local name=$1 connections=$2 path=$3 auth=$4
  local headers=()
  [[ $auth == yes ]] && headers=(-H "Cookie: $cookie")
  local result
  result=$(wrk -t2 -c"$connections" -d"$DURATION" --timeout 30s "${headers[@]}" -s "$REPO/scripts/load/report.lua" "$BASE$path" | grep '^RESULT')
  printf '| %s | %s | %s | %s MB | %s MB |\n' "$name" "$connections" "${result#RESULT }" "$(stack_rss_mb A)" "$(stack_rss_mb B)"
}

echo "## Load through nginx, two instances ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $DURATION per run)"
echo "| endpoint | connections | result (latency in ms) | RSS A | RSS B |"
echo "| --- | --- | --- | --- | --- |"
curl -s -o /dev/null -H "Cookie: $cookie" "$BASE/reports/institutions/$moh/periods/$period/report.pdf?lang=ar"
run "login page (anonymous)" "${LIGHT_CONNECTIONS:-16}" /account/login no
run "home page (official)" "${HEAVY_CONNECTIONS:-4}" / yes
run "score page (MOH, 2026-Q3)" "${HEAVY_CONNECTIONS:-4}" "/institutions/$moh/periods/$period" yes
run "PDF report (MOH, Arabic)" "${PDF_CONNECTIONS:-2}" "/reports/institutions/$moh/periods/$period/report.pdf?lang=ar" yes
[[ -n "$CIRCUIT_STEPS" ]] || exit 0

echo
echo "## Blazor circuits on instance A (director's submission page)"
state="$STACK_DIR/state.json"
saved=$(node "$REPO/scripts/browser/journey.js" save "http://127.0.0.1:$APP_PORT_A" "$state" director.moh@strategygov.local "$DEMO_PASSWORD")
path=$(node -e "process.stdout.write(JSON.parse(process.argv[1]).path)" "$saved")
# The live heap after a full collection, beside RSS: dotnet-gcdump from the repository's tool manifest.
(cd "$REPO" && dotnet tool restore >/dev/null && GCDUMP="dotnet tool run dotnet-gcdump" \
  node "$REPO/scripts/browser/circuits.js" "http://127.0.0.1:$APP_PORT_A" "$state" "$path" "${APP_PID[A]}" "$CIRCUIT_STEPS")

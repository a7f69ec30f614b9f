#!/usr/bin/env bash
# Two app instances behind nginx on one PostgreSQL, on loopback (README, "Several instances"):
# signs in through nginx, saves an answer on the instance that holds the circuit, reads it back on the
# other instance with the same cookie (shared Data Protection keys), kills the first instance and reads
# it again through nginx. Starts and stops everything itself; the exit code is the result.
#   bash scripts/multi-instance-test.sh            (SKIP_PUBLISH=1 reuses artifacts/publish)
set -euo pipefail
source "$(dirname "$0")/production-stack.sh"

failures=0
pass() { log "PASS  $*"; }
fail() { log "FAIL  $*"; failures=$((failures + 1)); }
field() { node -e "process.stdout.write(String(JSON.parse(process.argv[1])['$2'] ?? ''))" "$1"; }

stack_install chromium
if [[ ! -d "$REPO/scripts/browser/node_modules/playwright-core" ]]; then
  npm install --silent --no-save --no-audit --no-fund --prefix "$REPO/scripts/browser" playwright-core@1.64.1 >&2
fi
journey() { node "$REPO/scripts/browser/journey.js" "$@"; }

stack_publish
trap stack_stop EXIT
stack_start

[[ $(curl -s "$BASE/health/live") == Healthy ]] && pass "liveness through nginx" || fail "liveness through nginx"
headers=$(curl -s -D - -o /dev/null -H 'X-Correlation-Id: multi-instance-check' "$BASE/account/login")
grep -qi '^X-Correlation-Id: multi-instance-check' <<<"$headers" && pass "correlation id echoed" || fail "correlation id not echoed"

state="$STACK_DIR/state.json"
saved=$(journey save "$BASE" "$state" director.moh@strategygov.local "$DEMO_PASSWORD") || { fail "sign in and save through nginx"; exit 1; }
path=$(field "$saved" path); comment=$(field "$saved" comment); upstream=$(field "$saved" upstream)
pass "signed in through nginx and saved \"$comment\" on $path (served by $upstream)"
[[ $(field "$saved" websocket) == true ]] && pass "the circuit runs over a WebSocket through nginx" || fail "no WebSocket through nginx"

if [[ $upstream == *":$APP_PORT_A" ]]; then first=A; second=B; second_port=$APP_PORT_B; else first=B; second=A; second_port=$APP_PORT_A; fi

checked=$(journey check "http://127.0.0.1:$second_port" "$state" "$path" "$comment") \
  && pass "instance $second shows the answer saved on $first, and accepts the cookie signed by $first ($checked)" \
  || fail "instance $second does not show the answer saved on $first or refuses the cookie"

psql_count=$(psql "host=127.0.0.1 port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$PG_SERVER_CONNECTION") user=postgres dbname=strategygov" -Atc 'SELECT count(*) FROM "DataProtectionKeys"')
((psql_count >= 1)) && pass "Data Protection keys in PostgreSQL: $psql_count" || fail "no Data Protection key in PostgreSQL"

stack_kill_app "$first"
after=$(journey check "$BASE" "$state" "$path" "$comment") \
  && pass "after instance $first was killed, nginx serves the saved answer from $(field "$after" upstream) with the same sign-in" \
  || fail "after instance $first was killed, the answer or the sign-in is lost"

if ((failures > 0)); then
  log "$failures check(s) failed; app logs: KEEP_STACK_DIR=1 keeps $STACK_DIR"
  exit 1
fi
log "Multi-instance test passed"

#!/usr/bin/env bash
# The national-scale soak (issue 22; docs/performance.md §National-scale soak), bounded and on loopback: two
# published instances behind nginx on PostgreSQL with Redis (scripts/production-stack.sh), seeded with 300
# institutions, a framework of 300 indicators in an open period and 50 directors (the reports harness's
# `soak-seed`), then for DURATION the directors answer at once — through the API with one token per institution,
# TABS of them in real Chromium tabs on the submission page — while OFFICIALS officials load the home page and
# score pages and download PDF reports (scripts/browser/soak.js). Afterwards every save is counted against the
# database, and p50/p95 of each action, the errors and the memory of both instances (RSS and live heap, sampled
# every 30 s) are printed as markdown. Exits non-zero on any error or lost save.
#
#   bash scripts/soak.sh                        # 10 minutes
#   DURATION=1m TABS=1 bash scripts/soak.sh     # a quick run
#
# Variables: DURATION (10m; s/m/h), TABS (2; 0 for no Chromium), OFFICIALS (4), DIRECTOR_THINK_MS (3000),
# TAB_THINK_MS (3000), OFFICIAL_THINK_MS (2000), PDF_EVERY (5: an official's every fifth round downloads a PDF),
# SOAK_INSTITUTIONS (300), SOAK_DIRECTORS (50), HEAP_SAMPLES (1; 0 reads RSS only: dotnet-gcdump forces a full
# collection, a pause of its own, at each sample), SKIP_PUBLISH, KEEP_STACK_DIR and the ports of production-stack.sh
# (here APP_PORT_A=5084, APP_PORT_B=5085, NGINX_PORT=5086, REDIS_PORT=56384 unless set).
set -euo pipefail
# Ports of their own, so that the soak can run beside scripts/load-test.sh (production-stack.sh's defaults).
export APP_PORT_A=${APP_PORT_A:-5084} APP_PORT_B=${APP_PORT_B:-5085} NGINX_PORT=${NGINX_PORT:-5086} REDIS_PORT=${REDIS_PORT:-56384}
source "$(dirname "$0")/production-stack.sh"
DURATION=${DURATION:-10m}
TABS=${TABS:-2}
HEAP_SAMPLES=${HEAP_SAMPLES:-1}
case $DURATION in
  *h) DURATION_S=$((${DURATION%h} * 3600)) ;;
  *m) DURATION_S=$((${DURATION%m} * 60)) ;;
  *s) DURATION_S=${DURATION%s} ;;
  *) DURATION_S=$DURATION ;;
esac
export DURATION_S TABS

stack_install chromium
if [[ ! -d "$REPO/scripts/browser/node_modules/playwright-core" ]]; then
  npm install --silent --no-save --no-audit --no-fund --prefix "$REPO/scripts/browser" playwright-core@1.64.1 >&2
fi
stack_publish
log "Building the seeding tool (tests/StrategyGov.Benchmarks.Reports)"
dotnet build "$REPO/tests/StrategyGov.Benchmarks.Reports" -c Release -nologo -clp:ErrorsOnly -v q >&2
(cd "$REPO" && dotnet tool restore >/dev/null)

sampler=
finish() {
  if [[ -n $sampler ]]; then kill "$sampler" 2>/dev/null || true; fi
  stack_stop
}
trap finish EXIT
stack_start

pg() { psql "host=127.0.0.1 port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$PG_SERVER_CONNECTION") user=postgres dbname=strategygov" -At -F $'\t' -c "$1"; }

log "Seeding the national scale into PostgreSQL"
SOAK_PASSWORD=$DEMO_PASSWORD dotnet run --no-build -c Release --project "$REPO/tests/StrategyGov.Benchmarks.Reports" -- soak-seed "$STACK_DIR/seed.json" >&2
period=$(node -e "process.stdout.write(String(require(process.argv[1]).periodId))" "$STACK_DIR/seed.json")

# One of each page first (not measured): a running platform has compiled its pages and started its browser.
jar="$STACK_DIR/cookies.txt"
token=$(curl -s -c "$jar" "$BASE/account/login" | sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "email=official@strategygov.local" --data-urlencode "password=$DEMO_PASSWORD" --data-urlencode "returnUrl=/" "$BASE/account/login"
first=$(node -e "process.stdout.write(String(require(process.argv[1]).directors[0].institutionId))" "$STACK_DIR/seed.json")
for port in "$APP_PORT_A" "$APP_PORT_B"; do
  for path in / "/institutions/$first/periods/$period" "/reports/institutions/$first/periods/$period/report.pdf?lang=ar"; do
    curl -s -o /dev/null -b "$jar" --max-time 120 "http://127.0.0.1:$port$path" || true
  done
done

# RSS and the live heap (after a full collection) of both instances, now and every 30 s.
memory="$STACK_DIR/memory.tsv"
heap_mb() {
  local file="$STACK_DIR/heap-$1.gcdump"
  if (cd "$REPO" && dotnet tool run dotnet-gcdump collect -p "$2" -o "$file" >/dev/null 2>&1); then
    (cd "$REPO" && dotnet tool run dotnet-gcdump report "$file" 2>/dev/null) | awk '/GC Heap bytes/ { gsub(",", "", $1); printf "%d", $1 / 1048576 }'
  fi
  rm -f "$file"
}
sample() {
  local at=$1 name
  declare -A rss=()
  for name in A B; do rss[$name]=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/${APP_PID[$name]}/status"); done
  if [[ $HEAP_SAMPLES == 1 ]]; then
    local reading=()
    for name in A B; do
      heap_mb "$name" "${APP_PID[$name]}" >"$STACK_DIR/heap-$name.txt" &
      reading+=($!)
    done
    wait "${reading[@]}"
  fi
  for name in A B; do
    printf '%s\t%s\t%s\t%s\n' "$at" "$name" "${rss[$name]}" "$(cat "$STACK_DIR/heap-$name.txt" 2>/dev/null)" >>"$memory"
  done
}
started=$SECONDS
(
  next=0
  while [[ ! -e "$STACK_DIR/stop-sampling" ]]; do
    if ((SECONDS - started >= next)); then
      sample $((SECONDS - started))
      next=$(((SECONDS - started) / 30 * 30 + 30))
    fi
    sleep 1
  done
) &
sampler=$!

log "Soak for $DURATION: $(node -e "const s=require(process.argv[1]);process.stdout.write(s.directors.length+' directors ('+Math.min($TABS,s.directors.length)+' in Chromium), '+s.institutionIds.length+' institutions, '+s.indicators.length+' indicators')" "$STACK_DIR/seed.json"), ${OFFICIALS:-4} officials"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
OFFICIAL_PASSWORD=$DEMO_PASSWORD DIRECTOR_PASSWORD=$DEMO_PASSWORD \
  node "$REPO/scripts/browser/soak.js" run "$BASE" "$STACK_DIR/seed.json" "$STACK_DIR/result.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
# The sample under way is finished (a heap sample takes seconds on a busy machine), then one more.
touch "$STACK_DIR/stop-sampling"
wait "$sampler" 2>/dev/null || true
sampler=
sample $((SECONDS - started))

# Requests the driver gave up on may still be running: let them end before counting.
sleep 10
pg "SELECT s.\"InstitutionId\", i.\"Code\", COALESCE(a.\"Value\"::text, ''), COALESCE(translate(a.\"Comment\", E'\t\n', '  '), ''), a.\"Version\"
    FROM \"Answers\" a JOIN \"Submissions\" s ON s.\"Id\" = a.\"SubmissionId\" JOIN \"Indicators\" i ON i.\"Id\" = a.\"IndicatorId\"
    WHERE s.\"PeriodId\" = $period" >"$STACK_DIR/answers.tsv"

echo "# National-scale soak through nginx, two instances ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $DURATION, load average $load_before before, $load_after after)"
echo
status=0
node "$REPO/scripts/browser/soak.js" report "$STACK_DIR/result.json" "$STACK_DIR/answers.tsv" "$memory" || status=$?
echo
server_errors=$(awk '$9 ~ /^5/ { n++ } END { print n + 0 }' "$STACK_DIR/nginx/access.log")
logged=$(awk '/"LogLevel":"(Error|Critical)"/ { n++ } END { print n + 0 }' "$STACK_DIR"/app-*.log)
echo "nginx: $(wc -l <"$STACK_DIR/nginx/access.log") requests, $server_errors answered 5xx · errors the instances logged: $logged"
awk '/"LogLevel":"(Error|Critical)"/ && n++ < 5 { print "    " substr($0, 1, 400) }' "$STACK_DIR"/app-*.log
exit "$status"

#!/usr/bin/env bash
# The production shape on loopback, for scripts/multi-instance-test.sh and scripts/load-test.sh (sourced,
# not run): a private PostgreSQL cluster, Redis, two published app instances in Production, nginx in
# front with WebSockets and sticky sessions (deploy/nginx/). Everything lives in $STACK_DIR and is
# stopped by stack_stop (the callers trap EXIT).
#
# Ports (override with the variables): app instances APP_PORT_A=5109 APP_PORT_B=5110, nginx NGINX_PORT=5190,
# Redis REDIS_PORT=56379; PostgreSQL takes the first free port from 55432.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
APP_PORT_A=${APP_PORT_A:-5109}
APP_PORT_B=${APP_PORT_B:-5110}
NGINX_PORT=${NGINX_PORT:-5190}
REDIS_PORT=${REDIS_PORT:-56379}
PUBLISH_DIR=${PUBLISH_DIR:-$REPO/artifacts/publish}
STACK_DIR=$(mktemp -d /tmp/strategygov-stack.XXXXXX)
chmod 755 "$STACK_DIR"
declare -A APP_PID=()

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

stack_install() {
  bash "$REPO/scripts/install-deps.sh" --with-postgresql
  local missing=()
  for package in redis-server nginx "$@"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  if ((${#missing[@]} > 0)); then
    log "Installing ${missing[*]}"
    apt-get update -qq
    # Debian starts a packaged service on install; these run privately here instead.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    rm -f /usr/sbin/policy-rc.d
  fi
}

stack_publish() {
  if [[ -z "${SKIP_PUBLISH:-}" || ! -f "$PUBLISH_DIR/StrategyGov.Web.dll" ]]; then
    log "Publishing the app to $PUBLISH_DIR"
    dotnet publish "$REPO/src/StrategyGov.Web" -c Release -o "$PUBLISH_DIR" -nologo -clp:ErrorsOnly >&2
  fi
}

# The app's whole configuration, by environment variables as in production (docs/deployment.md).
stack_env() {
  export ASPNETCORE_ENVIRONMENT=Production
  export Database__Provider=PostgreSql
  export ConnectionStrings__Default="$PG_SERVER_CONNECTION;Database=strategygov"
  export Redis__Configuration="127.0.0.1:$REDIS_PORT"
  export ForwardedHeaders__KnownProxies=127.0.0.1
  export Seed__Directory="$REPO/seed-data"
  export Evidence__Path="$STACK_DIR/evidence"
  export DemoAccounts__Enabled=true
  export DemoAccounts__Password="$DEMO_PASSWORD"
  export Logging__Console__FormatterName=json
}

stack_start() {
  DEMO_PASSWORD="Stack-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')#1"
  mkdir -p "$STACK_DIR/pg" "$STACK_DIR/evidence" "$STACK_DIR/nginx/temp"
  chmod 777 "$STACK_DIR/nginx/temp"

  log "PostgreSQL"
  PG_SERVER_CONNECTION=$(bash "$REPO/scripts/postgres-cluster.sh" start "$STACK_DIR/pg")
  PG_SERVER_CONNECTION=${PG_SERVER_CONNECTION%;Database=postgres}

  log "Redis on $REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$STACK_DIR/redis.pid" --logfile "$STACK_DIR/redis.log" --dir "$STACK_DIR"

  stack_env
  log "Migrating by the explicit command"
  (cd "$PUBLISH_DIR" && dotnet StrategyGov.Web.dll migrate >"$STACK_DIR/migrate.log" 2>&1) \
    || { cat "$STACK_DIR/migrate.log" >&2; return 1; }

  stack_start_app A "$APP_PORT_A"
  stack_start_app B "$APP_PORT_B"
  stack_wait_ready A "$APP_PORT_A"
  stack_wait_ready B "$APP_PORT_B"

  log "nginx on $NGINX_PORT"
  cat >"$STACK_DIR/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $STACK_DIR/nginx/nginx.pid;
error_log $STACK_DIR/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log $STACK_DIR/nginx/access.log;
    client_body_temp_path $STACK_DIR/nginx/temp/body;
    proxy_temp_path $STACK_DIR/nginx/temp/proxy;
    fastcgi_temp_path $STACK_DIR/nginx/temp/fastcgi;
    uwsgi_temp_path $STACK_DIR/nginx/temp/uwsgi;
    scgi_temp_path $STACK_DIR/nginx/temp/scgi;
    include $REPO/deploy/nginx/strategygov-maps.conf;
    upstream strategygov {
        hash \$sg_route_key consistent;
        server 127.0.0.1:$APP_PORT_A max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$APP_PORT_B max_fails=1 fail_timeout=10s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        include $REPO/deploy/nginx/strategygov-proxy.conf;
        # For the tests only: which instance answered (X-Served-By).
        set \$sg_expose_upstream 1;
    }
}
EOF
  nginx -t -c "$STACK_DIR/nginx/nginx.conf" -p "$STACK_DIR/nginx" 2>"$STACK_DIR/nginx/test.log" \
    || { cat "$STACK_DIR/nginx/test.log" >&2; return 1; }
  nginx -c "$STACK_DIR/nginx/nginx.conf" -p "$STACK_DIR/nginx"
  BASE="http://127.0.0.1:$NGINX_PORT"
}

stack_start_app() {
  local name=$1 port=$2
  log "App instance $name on $port"
  (cd "$PUBLISH_DIR" && exec dotnet StrategyGov.Web.dll --urls "http://127.0.0.1:$port" >"$STACK_DIR/app-$name.log" 2>&1) &
  APP_PID[$name]=$!
}

stack_wait_ready() {
  local name=$1 port=$2
  for _ in $(seq 1 120); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready") == 200 ]]; then
      log "App instance $name ready"
      return 0
    fi
    kill -0 "${APP_PID[$name]}" 2>/dev/null || break
    sleep 1
  done
  log "App instance $name did not become ready:"
  tail -n 30 "$STACK_DIR/app-$name.log" >&2
  return 1
}

# A process and everything it started (the app's Playwright driver and Chromium), children first.
descendants() {
  local child
  for child in $(pgrep -P "$1"); do descendants "$child"; done
  echo "$1"
}

# Kills one instance as a crash would (no graceful shutdown), then the Chromium it leaves behind.
stack_kill_app() {
  local name=$1 pids
  pids=$(descendants "${APP_PID[$name]}")
  log "Killing app instance $name (pid ${APP_PID[$name]})"
  kill -KILL "${APP_PID[$name]}" 2>/dev/null || true
  wait "${APP_PID[$name]}" 2>/dev/null || true
  kill $pids 2>/dev/null || true
  unset "APP_PID[$name]"
}

# Resident memory of an instance in MB (the dotnet process; Chromium's own processes are separate).
stack_rss_mb() {
  local pid=${APP_PID[$1]}
  awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status"
}

stack_stop() {
  log "Stopping the stack"
  [[ -f "$STACK_DIR/nginx/nginx.pid" ]] && kill "$(cat "$STACK_DIR/nginx/nginx.pid")" 2>/dev/null
  for name in "${!APP_PID[@]}"; do
    kill "${APP_PID[$name]}" 2>/dev/null
    wait "${APP_PID[$name]}" 2>/dev/null
  done
  [[ -f "$STACK_DIR/redis.pid" ]] && kill "$(cat "$STACK_DIR/redis.pid")" 2>/dev/null
  bash "$REPO/scripts/postgres-cluster.sh" stop "$STACK_DIR/pg"
  if [[ -n "${KEEP_STACK_DIR:-}" ]]; then log "Logs kept in $STACK_DIR"; else rm -rf "$STACK_DIR"; fi
}

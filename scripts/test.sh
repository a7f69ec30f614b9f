#!/usr/bin/env bash
# Runs every test project of the solution: the pure scoring tests, the integration tests on real
# SQLite files and on a private PostgreSQL cluster (started here, stopped on exit), and the browser
# tests in headless Chromium. Extra arguments go to 'dotnet test' (e.g. --filter ...).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --with-postgresql

cluster=$(mktemp -d /tmp/strategygov-pg.XXXXXX)
cleanup() {
  bash scripts/postgres-cluster.sh stop "$cluster"
  rm -rf "$cluster"
}
trap cleanup EXIT
STRATEGYGOV_TEST_POSTGRES=$(bash scripts/postgres-cluster.sh start "$cluster")
export STRATEGYGOV_TEST_POSTGRES

dotnet build StrategyGov.sln -nologo -clp:ErrorsOnly
dotnet test StrategyGov.sln --no-build -nologo --logger "console;verbosity=minimal" "$@"

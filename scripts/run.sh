#!/usr/bin/env bash
# Starts StrategyGov on http://127.0.0.1:${PORT:-5000} with the embedded SQLite database
# (created, migrated and seeded with demo data on first start) and the demo accounts.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/StrategyGov.Web --launch-profile http --urls "http://127.0.0.1:${PORT:-5000}" "$@"

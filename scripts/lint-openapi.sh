#!/usr/bin/env bash
# Lints the API's OpenAPI document with Redocly's recommended ruleset (ADR 0104).
#   scripts/lint-openapi.sh                       # starts nothing: reads the app at $BASE (default http://127.0.0.1:5000)
#   scripts/lint-openapi.sh path/to/v1.json       # or a saved document
# Needs node/npx; the Redocly CLI version is pinned so that a new rule does not fail an old commit.
set -euo pipefail
REDOCLY_VERSION=2.77.0
BASE=${BASE:-http://127.0.0.1:5000}
cd "$(dirname "$0")/.."

if [[ $# -ge 1 ]]; then
  DOCUMENT=$1
else
  DOCUMENT=$(mktemp --suffix=.json)
  trap 'rm -f "$DOCUMENT"' EXIT
  curl -fsS "$BASE/openapi/v1.json" -o "$DOCUMENT"
fi

npx --yes "@redocly/cli@$REDOCLY_VERSION" lint --extends=recommended --format=stylish "$DOCUMENT"

#!/usr/bin/env bash
# Old and new side by side in one run (issue 22): publishes BASE (default: the commit before HEAD) and the
# working tree, then runs scripts/load-test.sh against each in turn, then the old one again, so that drift of
# the machine shows as a difference between the two old runs. Same variables as load-test.sh (DURATION,
# LIGHT_CONNECTIONS, HEAVY_CONNECTIONS, PDF_CONNECTIONS, CIRCUIT_STEPS).
#   bash scripts/load-compare.sh [BASE]      e.g. bash scripts/load-compare.sh main
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BASE=${1:-HEAD~1}
WORK=$(mktemp -d /tmp/strategygov-compare.XXXXXX)
trap 'git -C "$REPO" worktree remove --force "$WORK/base-tree" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

git -C "$REPO" worktree add --detach -q "$WORK/base-tree" "$BASE"
base_commit=$(git -C "$REPO" rev-parse --short "$BASE")
head_commit="$(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src || echo '+changes')"
dotnet publish "$WORK/base-tree/src/StrategyGov.Web" -c Release -o "$WORK/base" -nologo -clp:ErrorsOnly >&2
dotnet publish "$REPO/src/StrategyGov.Web" -c Release -o "$WORK/head" -nologo -clp:ErrorsOnly >&2

measure() {
  echo
  echo "### $1"
  PUBLISH_DIR="$WORK/$2" SKIP_PUBLISH=1 bash "$REPO/scripts/load-test.sh"
}

echo "# Side by side: $base_commit (before) and $head_commit (after), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
measure "before ($base_commit)" base
measure "after ($head_commit)" head
measure "before again ($base_commit)" base

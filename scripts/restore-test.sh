#!/usr/bin/env bash
# Proves that backup.sh + restore.sh lose nothing, for SQLite and for PostgreSQL: builds a database with
# the demo data and an evidence store of files, backs both up, deletes them, restores, and compares
# every table's row count, a hash of all the data, and every evidence file's SHA-256. Exit code = result.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
bash "$REPO/scripts/install-deps.sh" --with-postgresql
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

work=$(mktemp -d /tmp/strategygov-restore.XXXXXX)
chmod 755 "$work"
cleanup() {
  bash "$REPO/scripts/postgres-cluster.sh" stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$REPO/src/StrategyGov.Web" -nologo -clp:ErrorsOnly >&2
app="$REPO/src/StrategyGov.Web/bin/Debug/net10.0/StrategyGov.Web.dll"
export ASPNETCORE_ENVIRONMENT=Development STRATEGYGOV_CONTENT_ROOT="$work/app" BACKUP_DIR="$work/backups"
export Evidence__Path="$work/app/data/evidence" Seed__Directory="$REPO/seed-data" DemoAccounts__Enabled=true
failures=0

make_evidence() {
  mkdir -p "$Evidence__Path/2026-Q4/MOH" "$Evidence__Path/2026-Q4/AMN-EAST"
  head -c 200000 /dev/urandom >"$Evidence__Path/2026-Q4/MOH/تقرير الحملة.pdf"
  head -c 3000 /dev/urandom >"$Evidence__Path/2026-Q4/MOH/photo 1.jpg"
  echo "خطة الاتصال" >"$Evidence__Path/2026-Q4/AMN-EAST/plan.txt"
}

fingerprint() {
  if [[ $Database__Provider == Sqlite ]]; then
    local db="$work/app/data/strategygov.db"
    for table in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
      echo "$table $(sqlite3 "$db" "SELECT count(*) FROM \"$table\"")"
    done
    echo "data $(sqlite3 "$db" .dump | sha256sum | cut -c1-16)"
  else
    for table in $(psql -Atc "SELECT table_name FROM information_schema.tables WHERE table_schema='public' ORDER BY 1"); do
      echo "$table $(psql -Atc "SELECT count(*) FROM \"$table\"")"
    done
    # Rows sorted (order-independent); pg_dump's \restrict lines carry a random key per dump.
    echo "data $(pg_dump --data-only --no-owner 2>/dev/null | grep -v '^\\\(un\)\?restrict ' | sort | sha256sum | cut -c1-16)"
  fi
  (cd "$Evidence__Path" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sed 's/^\(.\{16\}\)[^ ]*/\1/')
}

round_trip() {
  (cd "$work/app" && dotnet "$app" migrate >"$work/migrate.log" 2>&1) || { cat "$work/migrate.log" >&2; exit 1; }
  make_evidence
  fingerprint >"$work/before.txt"
  backup=$(bash "$REPO/scripts/backup.sh")

  # The disaster: database and files gone.
  if [[ $Database__Provider == Sqlite ]]; then rm -f "$work/app/data/strategygov.db"; else dropdb --force "$PGDATABASE"; fi
  rm -rf "$Evidence__Path"

  bash "$REPO/scripts/restore.sh" "$backup" >&2
  fingerprint >"$work/after.txt"
  echo "== $Database__Provider: table rows, data hash, evidence files (before restore | after restore)"
  paste -d'|' "$work/before.txt" "$work/after.txt" | column -t -s'|'
  if diff -q "$work/before.txt" "$work/after.txt" >/dev/null; then
    echo "== $Database__Provider: nothing lost ($(grep -c . "$work/before.txt") lines identical)"
  else
    echo "== $Database__Provider: DIFFERENT after restore"
    failures=$((failures + 1))
  fi
}

mkdir -p "$work/app/data"
export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=data/strategygov.db"
round_trip

mkdir -p "$work/pg"
server=$(bash "$REPO/scripts/postgres-cluster.sh" start "$work/pg")
export Database__Provider=PostgreSql ConnectionStrings__Default="${server%;Database=postgres};Database=strategygov_restore"
rm -rf "$Evidence__Path"
source "$REPO/scripts/backup-common.sh"
round_trip

exit $((failures > 0))

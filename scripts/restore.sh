#!/usr/bin/env bash
# Restores a folder made by backup.sh into the database and evidence store the environment names
# (docs/deployment.md). Stop every app instance first: the database and the files are replaced.
#   bash scripts/restore.sh /var/backups/strategygov/strategygov-20261123T020000Z
set -euo pipefail
source "$(dirname "$0")/backup-common.sh"

backup=${1:?usage: restore.sh BACKUP_FOLDER}
[[ $(cat "$backup/provider") == "$PROVIDER" ]] || { echo "The backup is of $(cat "$backup/provider"); Database__Provider is $PROVIDER" >&2; exit 1; }

if [[ $PROVIDER == Sqlite ]]; then
  mkdir -p "$(dirname "$SQLITE_FILE")"
  rm -f "$SQLITE_FILE" "$SQLITE_FILE-wal" "$SQLITE_FILE-shm"
  sqlite3 "$backup/database.sqlite" ".backup '$SQLITE_FILE'"
else
  # Into an empty database of that name (created when missing): objects and data exactly as dumped.
  createdb "$PGDATABASE" 2>/dev/null || true
  pg_restore --clean --if-exists --no-owner --exit-on-error --dbname="$PGDATABASE" "$backup/database.pgdump"
fi

rm -rf "$EVIDENCE_DIR"
mkdir -p "$EVIDENCE_DIR"
[[ -f "$backup/evidence.tar" ]] && tar -C "$EVIDENCE_DIR" -xf "$backup/evidence.tar"
if ! diff -q <(evidence_manifest "$EVIDENCE_DIR") "$backup/evidence.sha256" >/dev/null; then
  echo "The restored evidence files differ from the backup's manifest" >&2
  exit 1
fi
echo "Restored $backup"

#!/usr/bin/env bash
# Backs up the database and the evidence file store into one new folder under BACKUP_DIR while the app
# runs (docs/deployment.md, "Backup and restore"):
#   SQLite      the online backup API (sqlite3 .backup): a consistent copy even during writes
#   PostgreSQL  pg_dump -Fc (custom format, compressed; restore with pg_restore)
#   evidence    a tar of Evidence__Path, plus a manifest of every file's SHA-256
# Settings: the app's environment variables (see backup-common.sh); BACKUP_DIR (default /var/backups/strategygov);
# KEEP_DAYS (default 14) deletes older backups. Prints the new folder.
set -euo pipefail
source "$(dirname "$0")/backup-common.sh"

BACKUP_DIR=${BACKUP_DIR:-/var/backups/strategygov}
KEEP_DAYS=${KEEP_DAYS:-14}
target="$BACKUP_DIR/strategygov-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target.partial"

if [[ $PROVIDER == Sqlite ]]; then
  [[ -f "$SQLITE_FILE" ]] || { echo "No SQLite database at $SQLITE_FILE" >&2; exit 1; }
  sqlite3 "$SQLITE_FILE" ".timeout 30000" ".backup '$target.partial/database.sqlite'"
  [[ $(sqlite3 "$target.partial/database.sqlite" 'PRAGMA integrity_check') == ok ]] || { echo "The SQLite copy fails its integrity check" >&2; exit 1; }
else
  pg_dump --format=custom --no-owner --file="$target.partial/database.pgdump"
fi

if [[ -d "$EVIDENCE_DIR" ]]; then
  tar -C "$EVIDENCE_DIR" -cf "$target.partial/evidence.tar" .
fi
evidence_manifest "$EVIDENCE_DIR" >"$target.partial/evidence.sha256"
echo "$PROVIDER" >"$target.partial/provider"

# Only a complete backup gets its final name.
mv "$target.partial" "$target"
find "$BACKUP_DIR" -maxdepth 1 -name 'strategygov-*' -type d -mtime "+$KEEP_DAYS" -exec rm -rf {} +
echo "$target"

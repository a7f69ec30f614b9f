#!/usr/bin/env bash
# Shared by backup.sh and restore.sh (sourced): reads the app's own settings from the environment
# (the same variables as the app, e.g. from /etc/strategygov/strategygov.env) and resolves them.
#   Database__Provider          Sqlite (default) or PostgreSql
#   ConnectionStrings__Default  "Data Source=data/strategygov.db" or "Host=...;Port=...;Username=...;Password=...;Database=..."
#   Evidence__Path              the evidence file store (default data/evidence)
#   STRATEGYGOV_CONTENT_ROOT    where relative paths start (the app's folder; default: the current folder)

CONTENT_ROOT=${STRATEGYGOV_CONTENT_ROOT:-$PWD}
PROVIDER=${Database__Provider:-Sqlite}
CONNECTION=${ConnectionStrings__Default:-Data Source=data/strategygov.db}

absolute() { [[ $1 == /* ]] && echo "$1" || echo "$CONTENT_ROOT/$1"; }

EVIDENCE_DIR=$(absolute "${Evidence__Path:-data/evidence}")

# One key of a "Key=Value;Key=Value" connection string (keys compared case-insensitively).
connection_value() {
  local pair key name
  IFS=';' read -ra pairs <<<"$CONNECTION"
  for pair in "${pairs[@]}"; do
    key=${pair%%=*}; key=${key,,}; key=${key// /}
    for name in "${@}"; do [[ $key == "${name,,}" ]] && { echo "${pair#*=}"; return 0; }; done
  done
  return 0
}

case "$PROVIDER" in
  Sqlite)
    SQLITE_FILE=$(absolute "$(connection_value "data source" "datasource" "filename")")
    ;;
  PostgreSql)
    # libpq reads these, so the password never appears on a command line.
    PGHOST=$(connection_value host server); export PGHOST
    PGPORT=$(connection_value port); export PGPORT=${PGPORT:-5432}
    PGUSER=$(connection_value username "user id" userid user); export PGUSER
    PGDATABASE=$(connection_value database); export PGDATABASE
    password=$(connection_value password)
    if [[ -n "$password" ]]; then export PGPASSWORD=$password; fi
    ;;
  *)
    echo "Database__Provider must be Sqlite or PostgreSql (is '$PROVIDER')" >&2
    exit 2
    ;;
esac

# "sha256  relative/path" of every evidence file, sorted: the restore test compares these.
evidence_manifest() {
  local dir=$1
  [[ -d "$dir" ]] || return 0
  (cd "$dir" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
}

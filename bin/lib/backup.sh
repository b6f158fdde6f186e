# shellcheck shell=bash
# Backup and restore of the live database.
# PostgreSQL is the whole truth (Camunda's tables in "public", ours in "dondoc"); Elasticsearch is
# rebuilt from it by a reindex, Keycloak's realm is in docker/keycloak.
pg_client() { PGPASSWORD="$DB_PASSWORD" "$@" -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER"; }

cmd_backup() {
  local file="${1:-}"
  [[ -n $file ]] || die "usage: bin/dondoc backup FILE"
  pg_client pg_dump -d "$DB_NAME" -Fc -f "$file" || die "pg_dump of $DB_NAME failed"
  say "backup of $DB_NAME written to $file ($(du -h "$file" | cut -f1)); a consistent snapshot, taken while running"
}

cmd_restore() {
  local file="${1:-}" into="${2:-dondoc_restored}"
  [[ -f $file ]] || die "usage: bin/dondoc restore FILE [DATABASE]  (DATABASE default dondoc_restored, never $DB_NAME)"
  pg_recreate_db "$into"
  pg_client pg_restore -d "$into" --no-owner --exit-on-error "$file" || die "pg_restore into $into failed"
  say "restored into database $into. Start the app on it (DONDOC_DB_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$into)"
  say "and run 'bin/dondoc reindex' against it to rebuild its search index"
}

# backup the live database, restore it into a scratch one and compare the rows of every table
cmd_backup_check() {
  local file scratch=dondoc_backup_check mismatches=0 table source restored
  file="$(mktemp --suffix=.dump)"
  cmd_backup "$file"
  cmd_restore "$file" "$scratch"
  for table in $(pg_client psql -d "$DB_NAME" -At -c \
    "select table_schema || '.' || table_name from information_schema.tables
       where table_schema in ('public', 'dondoc') and table_type = 'BASE TABLE' order by 1"); do
    source="$(pg_client psql -d "$DB_NAME" -At -c "select count(*) from $table")"
    restored="$(pg_client psql -d "$scratch" -At -c "select count(*) from $table")"
    if [[ $source != "$restored" ]]; then
      printf '%-45s %8s %8s  DIFFERENT\n' "$table" "$source" "$restored"
      mismatches=$((mismatches + 1))
    fi
  done
  rm -f "$file"
  pg_admin >/dev/null 2>&1 <<<"DROP DATABASE IF EXISTS $scratch WITH (FORCE);"
  # rows written between the dump's snapshot and the count are expected on a busy system
  if [[ $mismatches -eq 0 ]]; then
    say "backup check: every table has the same rows in the restored copy"
  else
    say "backup check: $mismatches table(s) differ (new rows since the snapshot on a busy system are expected)"
  fi
}

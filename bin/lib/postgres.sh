# shellcheck shell=bash
# PostgreSQL: the machine's server (Debian's cluster tools), started when down, never stopped by this script; the
# role and databases of the app and the tests.

pg_healthy() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }

# psql as the superuser: peer auth via runuser when root, else TCP as postgres
pg_admin() {
  if is_root && id postgres >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres)
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres
  fi
}

# "version cluster port status owner datadir logfile" of the cluster on PG_PORT (or the first)
pg_cluster() {
  command -v pg_lsclusters >/dev/null || return 1
  local line
  line="$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p' | head -1)"
  [[ -n $line ]] || line="$(pg_lsclusters -h 2>/dev/null | head -1)"
  [[ -n $line ]] && printf '%s\n' "$line"
}

pg_start() {
  provision_postgresql
  local cluster ver name
  if ! cluster="$(pg_cluster)"; then
    is_root || die "no PostgreSQL cluster exists; create one (pg_createcluster) or run as root"
    ver="$(printf '%s\n' /usr/lib/postgresql/* | sed 's#.*/##' | sort -V | tail -1)"
    say "creating PostgreSQL $ver cluster 'main'"
    pg_createcluster "$ver" main -p "$PG_PORT" >>"$LOGS/postgresql-setup.log" 2>&1 \
      || die "pg_createcluster failed — see $LOGS/postgresql-setup.log"
    cluster="$(pg_cluster)"
  fi
  read -r ver name _ <<<"$cluster"
  say "starting PostgreSQL cluster $ver/$name"
  if is_root; then
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start >>"$LOGS/postgresql-setup.log" 2>&1 || true
  else
    pg_ctlcluster "$ver" "$name" start >>"$LOGS/postgresql-setup.log" 2>&1 || true
  fi
}

pg_log_path() {
  local cluster
  cluster="$(pg_cluster)" && awk '{print $7}' <<<"$cluster" || printf '%s\n' "-"
}

pg_ensure_databases() {
  pg_admin >>"$LOGS/postgresql-setup.log" 2>&1 <<SQL || die "creating role/databases failed — see $LOGS/postgresql-setup.log"
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', d, '$DB_USER', 'UTF8')
  FROM unnest(ARRAY['$DB_NAME', '$TEST_DB_NAME']) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)
\gexec
SQL
}

pg_recreate_test_db() {
  pg_recreate_db "$TEST_DB_NAME"
}

pg_recreate_db() {
  local name="$1"
  [[ $name =~ ^[a-z][a-z0-9_]*$ ]] || die "database name '$name': lower-case letters, digits and _ only"
  [[ $name != "$DB_NAME" ]] || die "refusing to overwrite the live database '$DB_NAME'"
  pg_admin >>"$LOGS/postgresql-setup.log" 2>&1 <<SQL || die "recreating database $name failed — see $LOGS/postgresql-setup.log"
DROP DATABASE IF EXISTS $name WITH (FORCE);
CREATE DATABASE $name OWNER $DB_USER ENCODING 'UTF8' TEMPLATE template0;
SQL
}

pg_up() {
  mkdir -p "$LOGS"
  if ! pg_healthy; then
    pg_start
    local log
    log="$(pg_log_path)"
    [[ $log == "-" ]] && log="$LOGS/postgresql-setup.log"
    wait_healthy postgresql "$PG_TIMEOUT" "$log" pg_healthy
  fi
  pg_ensure_databases
}

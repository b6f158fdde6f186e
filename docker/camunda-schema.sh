#!/bin/sh
# Camunda's tables for the prod profile, where the engine does not touch its own schema
# (camunda.bpm.database.schema-update: false). Run before the app starts (docker/compose.yaml runs it as
# the one-shot service camunda-schema; by hand: docs/OPERATIONS.md "Production profile"):
# - on a database without Camunda's tables, Camunda's create scripts;
# - on one at an older minor version, Camunda's upgrade scripts from that version to the app's, in order.
# The scripts are the ones inside the app's camunda-engine jar, extracted to $CAMUNDA_SQL.
# Patch-level scripts (postgres_engine_7.x_patch_*) are not applied: read Camunda's update guide for those.
set -eu

CAMUNDA_SQL=${CAMUNDA_SQL:-/app/camunda-sql}
# jdbc:postgresql://host:port/database
url=${DONDOC_DB_URL#jdbc:postgresql://}
export PGHOST=${url%%[:/]*}
port=${url#*:}
port=${port%%/*}
case $port in '' | *[!0-9]*) port=5432 ;; esac
export PGPORT=$port
export PGDATABASE=${url##*/}
export PGUSER=${DONDOC_DB_USER:-dondoc}
export PGPASSWORD=${DONDOC_DB_PASSWORD:-dondoc}
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

target=$(cat "$CAMUNDA_SQL/VERSION") # e.g. 7.24.0, written when the image is built
if [ "$(sql -t -A -c "select to_regclass('public.act_ge_property') is null")" = t ]; then
  echo "camunda-schema: no Camunda tables; creating them at $target"
  for part in engine case.engine decision.engine history case.history decision.history identity; do
    sql -c "set search_path to public" -f "$CAMUNDA_SQL/create/activiti.postgres.create.$part.sql"
  done
  exit 0
fi
# the newest row of Camunda's schema log names the version its tables are at
current=$(sql -t -A -c "select version_ from public.act_ge_schema_log order by cast(id_ as integer) desc limit 1")

minor() { echo "$1" | cut -d. -f1,2; }
from=$(minor "$current")
to=$(minor "$target")
while [ "$from" != "$to" ]; do
  next="${from%.*}.$((${from#*.} + 1))"
  script="$CAMUNDA_SQL/upgrade/postgres_engine_${from}_to_${next}.sql"
  [ -f "$script" ] || {
    echo "camunda-schema: no upgrade script $script (schema $current, app $target)" >&2
    exit 1
  }
  echo "camunda-schema: upgrading $from -> $next"
  sql -c "set search_path to public" -f "$script"
  from=$next
done
echo "camunda-schema: tables at $(minor "$target") (were $current)"

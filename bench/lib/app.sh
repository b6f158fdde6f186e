# Sourced by the bench scripts that drive the running app (bench/outbox-lag, bench/throughput): starts the
# app jar on a database and an alias of their own and removes both at the end. Set before sourcing:
#   DB, PORT, ALIAS, LOG, TAG (log prefix); optional APP_JAVA_OPTS (e.g. -Xmx512m) and APP_ENV (extra
#   VAR=value words for the app's environment).
ES=${DONDOC_ES_URL:-http://127.0.0.1:9200}
APP_JAVA_OPTS=${APP_JAVA_OPTS:--Xmx1g}
APP_ENV=${APP_ENV:-}
app_pid=""

# The environment the app (or the in-process baseline, which runs the app's context) runs with.
bench_app_env() {
  echo "DONDOC_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB DONDOC_PORT=$PORT DONDOC_SEARCH_ALIAS=$ALIAS DONDOC_RATE_LIMIT=0 $APP_ENV"
}

# Waits (at most 5 minutes, or BENCH_QUIET_WAIT seconds) for the machine to be quiet, a one-minute load average under 1: on two cores a
# build or test run still winding down would be measured as the app's slowness (a run of 01/12/2026 began at
# a load of 6.3 and its figures were the slowest of the day). Goes on after the wait, saying so.
bench_wait_quiet() {
  # BENCH_QUIET_WAIT: how many seconds to wait at most (default 300; 0 for trial runs on a busy machine)
  for _ in $(seq 1 $((${BENCH_QUIET_WAIT:-300} / 5))); do
    awk '{exit !($1 < 1.0)}' /proc/loadavg && return 0
    sleep 5
  done
  echo "[$TAG] the machine is still busy (load $(cut -d' ' -f1-3 /proc/loadavg)); measuring anyway" >&2
}

bench_db_create() {
  runuser -u postgres -- psql -q -c "drop database if exists $DB"
  runuser -u postgres -- psql -q -c "create database $DB owner dondoc"
}

# PostgreSQL with autovacuum on for the run, as a production server has it (the default; docker/compose.yaml).
# CI images turn it off (here /etc/postgresql/15/main/conf.d/90-ci.conf), and then the planner keeps the
# statistics of the engine's tables from when they were small: a job's variables were fetched in 120 ms instead
# of under 1 at 900,000 variables (docs/OPERATIONS.md, "Job executor"). bench_cleanup turns it back.
bench_autovacuum_on() {
  autovacuum_was=$(runuser -u postgres -- psql -tAc "show autovacuum")
  if [ "$autovacuum_was" != on ]; then
    runuser -u postgres -- psql -q -c "alter system set autovacuum = on" -c "select pg_reload_conf()" >/dev/null
    echo "[$TAG] autovacuum on for the run (the server has it $autovacuum_was)"
  fi
}

bench_autovacuum_restore() {
  if [ -n "${autovacuum_was:-}" ] && [ "$autovacuum_was" != on ]; then
    runuser -u postgres -- psql -q -c "alter system reset autovacuum" -c "select pg_reload_conf()" >/dev/null || true
  fi
}

bench_app_start() {
  # shellcheck disable=SC2046
  env $(bench_app_env) java $APP_JAVA_OPTS -jar app/target/dondoc-app.jar >"$LOG" 2>&1 &
  app_pid=$!
  echo "[$TAG] app started (pid $app_pid, log $LOG); waiting for it to answer"
  bench_app_wait
  sleep 5
}

bench_app_wait() {
  # BENCH_APP_WAIT: seconds to wait at most (default 240; a machine busy with other builds may need more)
  for _ in $(seq 1 "${BENCH_APP_WAIT:-240}"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health" || true)
    if [ "$code" = 200 ] || [ "$code" = 503 ]; then return 0; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
      echo "[$TAG] the app stopped; see $LOG" >&2
      exit 1
    fi
    sleep 1
  done
  echo "[$TAG] the app did not answer within ${BENCH_APP_WAIT:-240} s; see $LOG" >&2
  exit 1
}

bench_app_stop() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
  fi
}

# The run's index, of the current mapping version (CaseIndex.MAPPING_VERSION), by exact name.
bench_index() {
  echo "$ES/$ALIAS-v$(bench_mapping_version)"
}

# The index of its unanswered feedback items (CaseIndex.UNANSWERED_SUFFIX), by exact name.
bench_unanswered_index() {
  echo "$ES/$ALIAS-unanswered-v$(bench_mapping_version)"
}

bench_mapping_version() {
  sed -n 's/.*int MAPPING_VERSION = \([0-9]*\);.*/\1/p' search/src/main/java/vn/dondoc/search/CaseIndex.java
}

bench_cleanup() {
  bench_app_stop
  bench_autovacuum_restore
  runuser -u postgres -- psql -q -c "drop database if exists $DB" || true
  curl -s -o /dev/null -X DELETE "$(bench_index)" || true
  curl -s -o /dev/null -X DELETE "$(bench_unanswered_index)" || true
}

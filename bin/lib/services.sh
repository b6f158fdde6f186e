# shellcheck shell=bash
# The three services together: status, up, down, one of them stopped or started, their logs.

status_line() { # NAME STATE URL PID LOG
  printf '%-14s %-5s %-42s pid %-8s %s\n' "$1" "$2" "$3" "${4:--}" "$5"
}

services_status() {
  local all_up=0 state pid datadir
  if pg_healthy; then state=up; else
    state=down
    all_up=1
  fi
  datadir="$(pg_cluster | awk '{print $6}' || true)"
  pid="$(head -1 "$datadir/postmaster.pid" 2>/dev/null || true)"
  status_line postgresql "$state" "postgresql://$PG_HOST:$PG_PORT/$DB_NAME" "$pid" "$(pg_log_path)"
  if es_healthy; then state=up; else
    state=down
    all_up=1
  fi
  status_line elasticsearch "$state" "$ES_URL" "$(live_pid elasticsearch || true)" "$LOGS/elasticsearch.log"
  if kc_realm_up; then state=up; else
    state=down
    all_up=1
  fi
  status_line keycloak "$state" "$KC_URL/realms/$KC_REALM" "$(live_pid keycloak || true)" "$LOGS/keycloak.log"
  return "$all_up"
}

services_up() {
  mkdir -p "$CACHE" "$STATE" "$LOGS" "$RUN"
  provision_ocr
  pg_up
  # start Elasticsearch and Keycloak in parallel, then wait for each
  if ! es_healthy && ! live_pid elasticsearch >/dev/null; then es_start; fi
  if ! kc_server_up && ! live_pid keycloak >/dev/null; then kc_start; fi
  es_healthy || wait_healthy elasticsearch "$ES_TIMEOUT" "$LOGS/elasticsearch.log" es_healthy
  kc_up
  services_status || die "not all services are up"
}

services_down() {
  stop_service elasticsearch
  stop_service keycloak
  say "postgresql: left running (it is the machine's service)"
}

# one_service NAME : normalise a service name given on the command line
one_service() {
  case "${1:-}" in
    elasticsearch | es) echo elasticsearch ;;
    keycloak | kc) echo keycloak ;;
    *) die "name elasticsearch or keycloak (PostgreSQL is the machine's service)" ;;
  esac
}

service_start() {
  mkdir -p "$CACHE" "$STATE" "$LOGS" "$RUN"
  case "$(one_service "$1")" in
    elasticsearch)
      es_healthy || live_pid elasticsearch >/dev/null || es_start
      es_healthy || wait_healthy elasticsearch "$ES_TIMEOUT" "$LOGS/elasticsearch.log" es_healthy
      say "elasticsearch: up at $ES_URL"
      ;;
    keycloak)
      kc_up
      say "keycloak: up at $KC_URL/realms/$KC_REALM"
      ;;
  esac
}

cmd_services() {
  case "${1:-}" in
    up) services_up ;;
    down) services_down ;;
    status) services_status ;;
    stop) stop_service "$(one_service "${2:-}")" ;;
    start) service_start "${2:-}" ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

cmd_logs() {
  local -a files=()
  case "${1:-all}" in
    postgresql | pg) files=("$(pg_log_path)") ;;
    elasticsearch | es) files=("$LOGS/elasticsearch.log") ;;
    keycloak | kc) files=("$LOGS/keycloak.log") ;;
    all) files=("$(pg_log_path)" "$LOGS/elasticsearch.log" "$LOGS/keycloak.log") ;;
    *) die "unknown service '$1' (postgresql, elasticsearch, keycloak)" ;;
  esac
  exec tail -n 50 -F "${files[@]}"
}

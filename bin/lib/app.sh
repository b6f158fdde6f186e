# shellcheck shell=bash
# Running the app: one node (run), two nodes behind nginx (run --nodes 2), and a reindex through the
# running app.

print_urls() {
  cat <<EOF

Dondoc
  app            http://localhost:8080/
  Tasklist       http://localhost:8080/camunda/app/tasklist/
  Cockpit        http://localhost:8080/camunda/app/cockpit/
  REST (engine)  http://localhost:8080/engine-rest
  search API     http://localhost:8080/api/v1/search?q=...
  Keycloak       http://localhost:8180/admin  (admin/admin)
  Elasticsearch  $ES_URL

Demo logins (password: demo)
  thuongtruc     Trần Minh Đức      Cơ quan Thường trực (VPTW)
  canbo.bkhcn    Lê Thị Hương       cán bộ, Bộ Khoa học và Công nghệ
  lanhdao.bkhcn  Phạm Quốc Hùng     lãnh đạo, Bộ Khoa học và Công nghệ
  lanhdao.hanoi  Trịnh Thị Hạnh     lãnh đạo, Thành phố Hà Nội
  canbo.hanoi    Nguyễn Văn Bình    cán bộ, Thành phố Hà Nội
  thamdinh       Vũ Thị Lan         thẩm định minh chứng (VPTW)
  chuyengia      Hoàng Văn Nam      chuyên gia Hội đồng Tư vấn (also chuyengia2, chuyengia3, chuyengia4)
  giamsat        Đỗ Thị Mai         giám sát (VPTW)
  sangkien       Ngô Thanh Tùng     người đề xuất sáng kiến
  congdan        Bùi Thị Thu        người dân
  quantri        Đặng Quang Minh    quản trị hệ thống

EOF
}

cmd_run() {
  if [[ ${1:-} == --nodes ]]; then
    [[ ${2:-} =~ ^[0-9]+$ ]] || die "--nodes needs a number"
    if [[ $2 != 1 ]]; then
      cmd_run_nodes "$2" "${@:3}"
      return
    fi
    shift 2
  fi
  local build=true
  if [[ ${1:-} == --no-build ]]; then
    build=false
    shift
  fi
  services_up
  if $build; then
    provision_build_tools
    say "building (mvn -B -q -DskipTests package)"
    mvn -B -q -DskipTests package
  fi
  local jar="$ROOT/app/target/dondoc-app.jar"
  [[ -f $jar ]] || die "$jar not found — build first (bin/dondoc run without --no-build)"
  print_urls
  exec java -jar "$jar" --spring.profiles.active=demo "$@"
}

# --- several app nodes behind nginx (run --nodes 2) ------------------------------------------
node_ready() { [[ $(http_code "http://127.0.0.1:$1/actuator/health/readiness") == 200 ]]; }

CLUSTER_NODES=0
cluster_stop() {
  trap - EXIT
  local i
  stop_service nginx
  for ((i = CLUSTER_NODES; i >= 1; i--)); do stop_service "app-$i"; done
}

# run --nodes 2 [--port P] [--node-ports P1,P2] [--no-build] [app args...]
cmd_run_nodes() {
  local nodes=$1 port=8080 node_ports="8081,8082" build=true jar="$ROOT/app/target/dondoc-app.jar" i
  shift
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port)
        port=$2
        shift 2
        ;;
      --node-ports)
        node_ports=$2
        shift 2
        ;;
      --no-build)
        build=false
        shift
        ;;
      *) break ;;
    esac
  done
  [[ $nodes == 2 ]] || die "--nodes: 1 or 2 (the nginx configuration names two nodes)"
  local -a ports
  IFS=, read -r -a ports <<<"$node_ports"
  [[ ${#ports[@]} -eq 2 ]] || die "--node-ports: two ports, e.g. 8081,8082"
  services_up
  provision_nginx
  if $build; then
    say "building (mvn -B -q -DskipTests package)"
    mvn -B -q -DskipTests package
  fi
  [[ -f $jar ]] || die "$jar not found — build first (bin/dondoc run without --no-build)"
  CLUSTER_NODES=$nodes
  trap cluster_stop EXIT
  trap 'exit 130' INT TERM
  # One after the other: the first node creates or updates the schema and the demo data alone.
  for ((i = 1; i <= nodes; i++)); do
    local node_port=${ports[$((i - 1))]}
    say "starting app node $i on 127.0.0.1:$node_port (log: $LOGS/app-$i.log)"
    # nginx connects from 127.0.0.1: its X-Forwarded-* headers are the only ones the nodes believe
    start_background "app-$i" "$ROOT" "$LOGS/app-$i.log" env DONDOC_NODE_ROUTE="n$i" DONDOC_TRUSTED_PROXIES=127.0.0.1 \
      DONDOC_PUBLIC_URL="${DONDOC_PUBLIC_URL:-http://localhost:$port}" \
      java -jar "$jar" --spring.profiles.active=demo --server.address=127.0.0.1 --server.port="$node_port" "$@"
    until node_ready "$node_port"; do
      live_pid "app-$i" >/dev/null || die "app node $i exited during startup — see $LOGS/app-$i.log"
      sleep 2
    done
  done
  nginx_configure "$port" "127.0.0.1:${ports[0]}" "127.0.0.1:${ports[1]}"
  nginx_start
  until [[ $(http_code "http://127.0.0.1:$port/actuator/health/readiness") == 200 ]]; do
    live_pid nginx >/dev/null || die "nginx exited — see $LOGS/nginx-error.log"
    sleep 1
  done
  print_urls | sed "s#localhost:8080#localhost:$port#g"
  say "$nodes app nodes (127.0.0.1:${ports[0]}, 127.0.0.1:${ports[1]}) behind nginx at http://localhost:$port; Ctrl-C stops them"
  while live_pid nginx >/dev/null; do sleep 2; done
  die "nginx exited — see $LOGS/nginx-error.log"
}

# rebuild the search index through the running app's admin endpoint, as the demo admin by default
cmd_reindex() {
  local token body code
  token="$(password_token "$KC_REALM" dondoc-api "$APP_ADMIN_USER" "$APP_ADMIN_PASSWORD")"
  [[ -n $token ]] || die "no token for $APP_ADMIN_USER from $KC_URL/realms/$KC_REALM (is Keycloak up? bin/dondoc services status)"
  say "rebuilding the search index through $APP_URL (search keeps answering meanwhile)"
  body="$(mktemp)"
  code="$(curl -s -o "$body" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    "$APP_URL/api/v1/admin/search/reindex" || true)"
  cat "$body"
  printf '\n'
  rm -f "$body"
  [[ $code == 200 ]] || die "reindex failed (HTTP ${code:-none}; is the app running at $APP_URL?)"
  say "reindex done: the alias now points at the index named above, the old one is deleted"
}

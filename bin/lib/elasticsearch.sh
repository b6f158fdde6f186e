# shellcheck shell=bash
# Elasticsearch: the distribution from Maven Central (cached), its configuration written on every start, run as
# $ES_USER (a system user when root: it refuses to run as root).

es_healthy() {
  curl -s --max-time 3 "$ES_URL/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

es_install() {
  [[ -x $ES_HOME/bin/elasticsearch ]] && return 0
  fetch_artifact "$ES_ARTIFACT" "elasticsearch-${ES_VERSION}.zip"
  local tmp
  tmp="$(mktemp -d "$CACHE/.unpack.XXXXXX")"
  unpack_zip "$CACHE/downloads/elasticsearch-${ES_VERSION}.zip" "$tmp"
  chmod -R a+rX "$tmp"
  chmod a+x "$tmp/elasticsearch-${ES_VERSION}"/bin/*
  mv "$tmp/elasticsearch-${ES_VERSION}" "$ES_HOME"
  rm -rf "$tmp"
}

es_configure() {
  mkdir -p "$ES_STATE"/{config,data,tmp} "$LOGS/elasticsearch"
  # the distribution's defaults (jvm.options, log4j2.properties, ...) refreshed on every start
  cp -R "$ES_HOME/config/." "$ES_STATE/config/"
  cat >"$ES_STATE/config/elasticsearch.yml" <<EOF
# written by bin/dondoc on every start — edit the script, not this file
cluster.name: dondoc
node.name: dondoc-local
path.data: $ES_STATE/data
path.logs: $LOGS/elasticsearch
network.host: 127.0.0.1
http.port: $ES_PORT
discovery.type: single-node
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  chmod 755 "$STATE" "$LOGS"
  if is_root; then chown -R "$ES_USER:" "$ES_STATE" "$LOGS/elasticsearch"; fi
}

es_start() {
  es_install
  provision_es_user
  es_configure
  local jh
  jh="$(java_home)"
  local -a es_cmd=(env ES_JAVA_HOME="$jh" ES_PATH_CONF="$ES_STATE/config" ES_TMPDIR="$ES_STATE/tmp"
    ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}" "$ES_HOME/bin/elasticsearch")
  if is_root; then es_cmd=(runuser -u "$ES_USER" -- "${es_cmd[@]}"); fi
  say "starting Elasticsearch $ES_VERSION"
  start_background elasticsearch "$ES_STATE" "$LOGS/elasticsearch.log" "${es_cmd[@]}"
}

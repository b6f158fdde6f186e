# shellcheck shell=bash
# Versions, ports, credentials and paths (env overrides: DONDOC_*). Sourced by bin/dondoc first.

# --- versions, ports, timeouts ---------------------------------------------------------------
ES_VERSION=8.19.21
KC_VERSION=26.7.3
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
KC_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KC_VERSION}:tar.gz"
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

# DONDOC_PG_PORT / DONDOC_ES_PORT / DONDOC_KC_PORT point at a second set of services (give it a
# DONDOC_STATE of its own), e.g. for failure drills that must not stop the usual ones.
PG_HOST=127.0.0.1 PG_PORT="${DONDOC_PG_PORT:-5432}"
ES_PORT="${DONDOC_ES_PORT:-9200}"
ES_URL="http://127.0.0.1:${ES_PORT}"
KC_PORT="${DONDOC_KC_PORT:-8180}"
KC_URL="http://127.0.0.1:${KC_PORT}"
KC_REALM=dondoc
KC_ADMIN_USER=admin KC_ADMIN_PASSWORD=admin
REALM_FILE="$ROOT/docker/keycloak/realm-dondoc.json"

PG_TIMEOUT=30 ES_TIMEOUT=90 KC_TIMEOUT=180 STOP_TIMEOUT=30

DB_NAME=dondoc DB_USER=dondoc DB_PASSWORD=dondoc
# A second checkout (a git worktree) tests against a database of its own: DONDOC_TEST_DB=dondoc_test_x.
TEST_DB_NAME="${DONDOC_TEST_DB:-dondoc_test}"

APP_URL="${DONDOC_URL:-http://localhost:8080}"
APP_ADMIN_USER="${DONDOC_ADMIN_USER:-quantri}" APP_ADMIN_PASSWORD="${DONDOC_ADMIN_PASSWORD:-demo}"

if [[ $(id -u) -eq 0 ]]; then
  CACHE="${DONDOC_CACHE:-/var/cache/dondoc}"
  STATE="${DONDOC_STATE:-/var/lib/dondoc}"
  ES_USER=dondoc-es # Elasticsearch refuses to run as root
else
  CACHE="${DONDOC_CACHE:-$HOME/.cache/dondoc}"
  STATE="${DONDOC_STATE:-${XDG_STATE_HOME:-$HOME/.local/state}/dondoc}"
  ES_USER="$(id -un)"
fi
LOGS="$STATE/logs"
RUN="$STATE/run"
ES_HOME="$CACHE/elasticsearch-${ES_VERSION}"     # read-only distribution
ES_STATE="$STATE/elasticsearch"                  # config, data, tmp (owned by ES_USER)
KC_HOME="$STATE/keycloak/keycloak-${KC_VERSION}" # Keycloak writes into its home (build, H2 data)
KC_REALM_HASH="$STATE/keycloak/realm-dondoc.sha256"

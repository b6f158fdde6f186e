# shellcheck shell=bash
# Keycloak: the Quarkus distribution from Maven Central, in dev mode on its own H2 database, and the realm
# docker/keycloak/realm-dondoc.json kept in step with the running server.

kc_server_up() { [[ $(http_code "$KC_URL/realms/master/.well-known/openid-configuration") == 200 ]]; }
kc_realm_up() { [[ $(http_code "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration") == 200 ]]; }
realm_hash() { sha256sum "$REALM_FILE" | cut -d' ' -f1; }

kc_install() {
  [[ -x $KC_HOME/bin/kc.sh ]] && return 0
  fetch_artifact "$KC_ARTIFACT" "keycloak-quarkus-dist-${KC_VERSION}.tar.gz"
  mkdir -p "$STATE/keycloak"
  local tmp
  tmp="$(mktemp -d "$STATE/keycloak/.unpack.XXXXXX")"
  tar -xzf "$CACHE/downloads/keycloak-quarkus-dist-${KC_VERSION}.tar.gz" -C "$tmp"
  mv "$tmp/keycloak-${KC_VERSION}" "$KC_HOME"
  rm -rf "$tmp"
}

KC_FRESH_DB=false
kc_start() {
  [[ -f $REALM_FILE ]] || die "realm file missing: $REALM_FILE"
  kc_install
  [[ -d $KC_HOME/data/h2 ]] || KC_FRESH_DB=true
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/realm-dondoc.json"
  if [[ $KC_FRESH_DB == true ]]; then
    say "starting Keycloak $KC_VERSION (first start: build and realm import take about a minute)"
  else
    say "starting Keycloak $KC_VERSION"
  fi
  # --hostname: tokens carry one issuer whatever Host header a client sends (DONDOC_KC_HOSTNAME: the public URL)
  start_background keycloak "$KC_HOME" "$LOGS/keycloak.log" \
    env JAVA_HOME="$(java_home)" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
    "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" --import-realm \
    --hostname="${DONDOC_KC_HOSTNAME:-$KC_URL}"
}

# healthy enough to reconcile the realm: the realm is served, or the server is up on an
# existing database (the realm may then have to be imported through the admin API)
kc_ready() {
  if [[ $KC_FRESH_DB == true ]]; then kc_realm_up; else kc_server_up; fi
}

# password_token REALM CLIENT USER PASSWORD : an access token by password grant (empty on failure)
password_token() {
  curl -s --max-time 10 -d grant_type=password --data-urlencode "client_id=$2" \
    --data-urlencode "username=$3" --data-urlencode "password=$4" \
    "$KC_URL/realms/$1/protocol/openid-connect/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

kc_admin_token() { password_token master admin-cli "$KC_ADMIN_USER" "$KC_ADMIN_PASSWORD"; }

# delete (if present) and import the realm through the admin REST API
kc_reimport_realm() {
  local token code log="$LOGS/keycloak-import.log" body="$STATE/keycloak/admin-response.json"
  token="$(kc_admin_token)"
  [[ -n $token ]] || die "keycloak: could not get an admin token (admin/admin on realm master) — see $LOGS/keycloak.log"
  printf '\n===== %s: re-importing realm %s =====\n' "$(date -Is)" "$KC_REALM" >>"$log"
  if kc_realm_up; then
    code="$(curl -s -o "$body" -w '%{http_code}' --max-time 60 -X DELETE \
      -H "Authorization: Bearer $token" "$KC_URL/admin/realms/$KC_REALM" || true)"
    printf 'DELETE realm: HTTP %s %s\n' "$code" "$(cat "$body" 2>/dev/null)" >>"$log"
    [[ $code == 204 ]] || die "keycloak: deleting realm $KC_REALM failed (HTTP $code) — see $log"
  fi
  code="$(curl -s -o "$body" -w '%{http_code}' --max-time 120 -X POST \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "@$REALM_FILE" "$KC_URL/admin/realms" || true)"
  printf 'POST realm: HTTP %s %s\n' "$code" "$(cat "$body" 2>/dev/null)" >>"$log"
  rm -f "$body"
  [[ $code == 201 ]] || die "keycloak: importing realm $KC_REALM failed (HTTP $code) — see $log"
}

# make the running Keycloak serve the current realm file
kc_sync_realm() {
  local current recorded=""
  current="$(realm_hash)"
  [[ -f $KC_REALM_HASH ]] && recorded="$(cat "$KC_REALM_HASH")"
  # a fresh database imported the copy kc_start made: the file may have changed since (a merge meanwhile)
  if kc_realm_up && { [[ $current == "$recorded" ]] \
    || { [[ $KC_FRESH_DB == true ]] && cmp -s "$KC_HOME/data/import/realm-dondoc.json" "$REALM_FILE"; }; }; then
    : # imported by --import-realm on a fresh database, or unchanged since the last import
  else
    say "keycloak: realm file changed since the last import (or realm missing) — re-importing realm $KC_REALM"
    kc_reimport_realm
  fi
  printf '%s\n' "$current" >"$KC_REALM_HASH"
}

# The realm file asks the deciding roles for a one-time code (browser flow "dondoc browser"). On this
# machine's demo and test runs the demo users have no authenticator, so unless DONDOC_STAFF_OTP=on the realm
# served here signs in with the password alone (Keycloak's own "browser" flow). A deployment imports the file
# as it is and keeps the code.
kc_staff_otp() {
  local flow=browser token code
  [[ ${DONDOC_STAFF_OTP:-off} == on ]] && flow="dondoc browser"
  token="$(kc_admin_token)"
  [[ -n $token ]] || die "keycloak: could not get an admin token to set the login flow"
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X PUT -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data "{\"browserFlow\":\"$flow\"}" "$KC_URL/admin/realms/$KC_REALM" || true)"
  [[ $code == 204 ]] || die "keycloak: setting the login flow to '$flow' failed (HTTP $code)"
  [[ $flow == browser ]] && say "keycloak: staff sign in without a one-time code here (DONDOC_STAFF_OTP=on asks for it, as a deployment does)"
  return 0
}

kc_up() {
  if ! kc_server_up; then
    live_pid keycloak >/dev/null || kc_start
    wait_healthy keycloak "$KC_TIMEOUT" "$LOGS/keycloak.log" kc_ready
  fi
  kc_sync_realm
  kc_realm_up || die "keycloak: realm $KC_REALM is not served — see $LOGS/keycloak.log"
  kc_staff_otp
}

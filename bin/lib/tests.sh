# shellcheck shell=bash
# The test command (what CI runs, .ci/run): the shell scripts linted, the services up, the test database recreated,
# then Maven.

# Lints this script and its libraries (following what they source) and the CI entry point
lint_shell() {
  provision_shellcheck
  shellcheck -x "$ROOT/bin/dondoc" "$ROOT/.ci/run" || die "shellcheck found problems in bin/ (see above)"
}

# The formatter's check (bin/dondoc format --check) in the test command; DONDOC_FORMAT_CHECK=false skips it for
# one run (e.g. while a branch is in the middle of a change), never in CI.
FORMAT_CHECK="${DONDOC_FORMAT_CHECK:-true}"

cmd_test() {
  lint_shell
  if [[ $FORMAT_CHECK == true ]]; then
    cmd_format --check
  fi
  services_up
  provision_browser
  provision_build_tools
  pg_recreate_test_db
  pg_recreate_db "${TEST_DB_NAME}_cluster" # ClusterFaultsIT's app nodes run on a database of their own
  say "database $TEST_DB_NAME recreated; running mvn -B -Pbench verify $*"
  # the app under test uses the services started above (DONDOC_ES_PORT / DONDOC_KC_PORT included);
  # the profile bench adds the benchmarks' module, so that its unit tests run with the others
  DONDOC_TEST_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$TEST_DB_NAME" DONDOC_ES_URL="${DONDOC_ES_URL:-$ES_URL}" \
    DONDOC_KEYCLOAK_URL="${DONDOC_KEYCLOAK_URL:-$KC_URL}" exec mvn -B -Pbench verify "$@"
}

# the browser tests alone, their screenshots replacing docs/screenshots/ (by default they stay in target/)
cmd_screenshots() {
  cmd_test -pl app -am -Dit.test='*BrowserIT' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false -Ddondoc.screenshots=docs "$@"
}

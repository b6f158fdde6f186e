# shellcheck shell=bash
# The formatter (CONTRIBUTING.md "Style"): Spotless from the root pom (mvn -N) for the Java sources
# (palantir-java-format) and the XML, BPMN, DMN, form, JSON and YAML files (no trailing whitespace, a final
# newline); Debian's shfmt for the shell scripts, which shellcheck lints as well (tests.sh).

# shfmt's style: two spaces, case items indented, && and | starting continuation lines
SHFMT_STYLE=(-i 2 -ci -bn)

# the bash scripts: this script and its libraries, the CI entry point, the benchmarks' scripts
bash_scripts() {
  printf '%s\n' "$ROOT/bin/dondoc" "$ROOT"/bin/lib/*.sh "$ROOT/.ci/run" "$ROOT/bench/run" "$ROOT/bench/throughput" \
    "$ROOT/bench/sla-board" "$ROOT/bench/sla-clocks" "$ROOT/bench/outbox-lag" "$ROOT/bench/staff-pages" \
    "$ROOT/bench/submission-scale" "$ROOT/bench/history-soak" "$ROOT"/bench/lib/*.sh
}

# the POSIX sh scripts (the app image's)
posix_scripts() {
  printf '%s\n' "$ROOT"/docker/*.sh
}

# bin/dondoc format: rewrites the files in the project's style. --check: changes nothing, fails listing what differs.
cmd_format() {
  local goal=apply
  case "${1:-}" in
    --check) goal=check ;;
    '') ;;
    *) die "usage: bin/dondoc format [--check]" ;;
  esac
  provision_shfmt
  local bash_files posix_files
  mapfile -t bash_files < <(bash_scripts)
  mapfile -t posix_files < <(posix_scripts)
  say "mvn -N spotless:$goal (Java, XML, BPMN, DMN, forms, JSON, YAML); shfmt (${#bash_files[@]} + ${#posix_files[@]} shell scripts)"
  mvn -B -q -N "spotless:$goal" || die "spotless:$goal failed (run bin/dondoc format to apply it)"
  if [[ $goal == apply ]]; then
    shfmt -ln bash "${SHFMT_STYLE[@]}" -w "${bash_files[@]}"
    shfmt -ln posix "${SHFMT_STYLE[@]}" -w "${posix_files[@]}"
  else
    shfmt -ln bash "${SHFMT_STYLE[@]}" -d "${bash_files[@]}" \
      && shfmt -ln posix "${SHFMT_STYLE[@]}" -d "${posix_files[@]}" \
      || die "shell scripts not in shfmt's style (see above; bin/dondoc format applies it)"
  fi
}

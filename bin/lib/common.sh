# shellcheck shell=bash
# Output, processes started in the background (pid files, health waits, stopping) and downloads.

# --- output helpers --------------------------------------------------------------------------
say() { printf 'dondoc: %s\n' "$*" >&2; }
die() {
  printf 'dondoc: %s\n' "$*" >&2
  exit 1
}
is_root() { [[ $(id -u) -eq 0 ]]; }

# --- generic helpers -------------------------------------------------------------------------
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null || true; }

java_home() {
  local java
  java="$(command -v java)" || die "java not found on PATH (Java 17 is required)"
  java="$(readlink -f "$java")"
  printf '%s\n' "${java%/bin/java}"
}

pid_file() { printf '%s/%s.pid\n' "$RUN" "$1"; }

# pid of a service we started, if it is still alive
live_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f $file ]] || return 1
  pid="$(cat "$file")"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

# start_background NAME WORKDIR LOG CMD... : own session (so the process group can be stopped
# as a whole), no stdin, output appended to LOG, pid recorded in the state dir
start_background() {
  local name=$1 workdir=$2 log=$3
  shift 3
  mkdir -p "$RUN" "$(dirname "$log")"
  printf '\n===== %s: starting %s =====\n' "$(date -Is)" "$name" >>"$log"
  (cd "$workdir" && exec setsid nohup "$@" >>"$log" 2>&1 </dev/null) &
  echo $! >"$(pid_file "$name")"
}

# wait_healthy NAME TIMEOUT LOG CHECK_FN : poll CHECK_FN; fail fast if our process died
wait_healthy() {
  local name=$1 timeout=$2 log=$3 check=$4 deadline pidfile
  deadline=$((SECONDS + timeout))
  pidfile="$(pid_file "$name")"
  until "$check"; do
    if [[ -f $pidfile ]] && ! live_pid "$name" >/dev/null; then
      rm -f "$pidfile"
      die "$name exited during startup — see $log"
    fi
    ((SECONDS < deadline)) || die "$name failed to become healthy within ${timeout}s — see $log"
    sleep 1
  done
}

# stop_service NAME : TERM the process group, KILL it after STOP_TIMEOUT
stop_service() {
  local name=$1 pid target i
  if ! pid="$(live_pid "$name")"; then
    rm -f "$(pid_file "$name")"
    say "$name: not running (no live process started by dondoc)"
    return 0
  fi
  target="$pid"
  [[ "$(ps -o pgid= -p "$pid" | tr -d ' ')" == "$pid" ]] && target="-$pid"
  kill -TERM -- "$target" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$name: did not stop within ${STOP_TIMEOUT}s, killing"
    kill -KILL -- "$target" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
  say "$name: stopped (pid $pid)"
}

# fetch_artifact GROUP:ARTIFACT:VERSION:TYPE FILE : download once from Maven (Central) into the cache
fetch_artifact() {
  local coords=$1 file=$2 dir="$CACHE/downloads" tmp
  [[ -s $dir/$file ]] && return 0
  mkdir -p "$dir" "$LOGS"
  tmp="$(mktemp -d "$dir/.download.XXXXXX")"
  say "downloading $coords (once; cached in $dir)"
  if command -v mvn >/dev/null; then
    # run outside the repo so a half-written pom.xml cannot interfere
    (cd "$tmp" && mvn -B -q -Dstyle.color=never "$DEPENDENCY_PLUGIN:copy" \
      -Dartifact="$coords" -DoutputDirectory="$tmp") >>"$LOGS/downloads.log" 2>&1 \
      || {
        rm -rf "$tmp"
        die "download of $coords failed — see $LOGS/downloads.log"
      }
  else
    local g a v t
    IFS=: read -r g a v t <<<"$coords"
    curl -fsSL -o "$tmp/$file" "https://repo.maven.apache.org/maven2/${g//.//}/$a/$v/$a-$v.$t" \
      2>>"$LOGS/downloads.log" || {
      rm -rf "$tmp"
      die "download of $coords failed — see $LOGS/downloads.log"
    }
  fi
  mv "$tmp/$file" "$dir/$file"
  rm -rf "$tmp"
}

unpack_zip() { # ZIP DESTDIR
  provision_unzip
  if command -v unzip >/dev/null; then
    unzip -q "$1" -d "$2"
  else
    python3 -m zipfile -e "$1" "$2"
  fi
}

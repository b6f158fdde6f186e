# shellcheck shell=bash
# Provisioning the machine, as root: Debian packages (apt-get) and the system user Elasticsearch runs as.
# Each step is quick when what it provides is there; as an ordinary user a missing package is an error.

apt_install() {
  is_root || die "$* is missing; install it (apt-get install -y $*) or run as root"
  say "installing $* with apt-get (log: $LOGS/apt.log)"
  mkdir -p "$LOGS"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; } \
    >>"$LOGS/apt.log" 2>&1 || die "apt-get install $* failed — see $LOGS/apt.log"
}

# the system user Elasticsearch runs as when this script runs as root (Elasticsearch refuses root)
provision_es_user() {
  is_root || return 0
  id -u "$ES_USER" >/dev/null 2>&1 && return 0
  useradd --system --user-group --no-create-home --home-dir "$ES_STATE" \
    --shell /usr/sbin/nologin "$ES_USER" || die "could not create system user $ES_USER"
}

provision_postgresql() {
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
}

# OCR of scanned directives (directive desk), Vietnamese model from Debian
provision_ocr() {
  if ! { command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie; }; then
    apt_install tesseract-ocr tesseract-ocr-vie
  fi
}

# The build runs the machine's node and npm for the browser libraries (app/src/main/frontend); Debian's
# nodejs and npm packages do (Node 18 or later).
provision_build_tools() {
  # Official documents (reports, letters) embed Liberation Serif 2 (Times New Roman's metrics; Liberation 1 lacks
  # Vietnamese letters); their tests read the PDFs back with poppler-utils (pdftotext, pdftoppm).
  if ! { [[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ]] && command -v pdftotext >/dev/null; }; then
    apt_install fonts-liberation2 poppler-utils
  fi
  command -v node >/dev/null && command -v npm >/dev/null && return 0
  apt_install nodejs npm
}

# Chromium and chromedriver from Debian for the *BrowserIT tests (Selenium drives these; it downloads
# no driver).
provision_browser() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && return 0
  apt_install chromium chromium-driver
}

provision_nginx() {
  command -v nginx >/dev/null && return 0
  apt_install nginx
  # Debian's package starts its own nginx on port 80; that one is not ours and is left alone.
}

# unzip for the Elasticsearch distribution when root; otherwise unpack_zip falls back to Python's zipfile
provision_unzip() {
  command -v unzip >/dev/null && return 0
  if is_root; then apt_install unzip; fi
}

# the linter of bin/ that the test command runs
provision_shellcheck() {
  command -v shellcheck >/dev/null && return 0
  apt_install shellcheck
}

# the shell formatter of bin/dondoc format (Debian's shfmt)
provision_shfmt() {
  command -v shfmt >/dev/null && return 0
  apt_install shfmt
}

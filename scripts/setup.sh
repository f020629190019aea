#!/usr/bin/env bash
# Sets up everything webaudit needs on a fresh Debian/Ubuntu machine with Python 3.11+:
#   .venv with the package (and test tools with --dev), a Chromium that Playwright can drive,
#   and (with --postgres) PostgreSQL server binaries for the team-mode tests.
# Idempotent and quick when nothing changed. Uses sudo only when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0; POSTGRES=0
for arg in "$@"; do
  case "$arg" in
    --dev) DEV=1 ;;
    --postgres) POSTGRES=1 ;;
    *) echo "setup.sh: okänt argument: $arg" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() {
  command -v apt-get >/dev/null || return 1
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 ||
    { as_root apt-get update -q >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
}

# 1. Python 3.11+ and a virtual environment.
PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null ||
  { echo "setup.sh: Python 3.11 eller senare krävs ($PY)." >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  say "skapar .venv"
  if ! "$PY" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    ver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install "python${ver}-venv" || apt_install python3-venv
    "$PY" -m venv .venv
  fi
fi

# 2. The package; reinstalled only when pyproject.toml changed.
extras=""; [ "$DEV" = 1 ] && extras="[dev]"
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)${extras:+-dev}"
if [ ! -f "$stamp" ]; then
  say "installerar webaudit$extras"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".$extras"
  rm -f .venv/.installed-*; touch "$stamp"
fi

# 3. A browser: Playwright's own build first, the distribution's chromium where that is unreachable.
if ! .venv/bin/python -m webaudit.crawl.browser --check >/dev/null 2>&1; then
  say "hämtar Playwrights Chromium"
  deps=""; as_root true 2>/dev/null && deps="--with-deps"
  if ! timeout 600 .venv/bin/python -m playwright install $deps chromium >/dev/null 2>&1 ||
     ! .venv/bin/python -m webaudit.crawl.browser --check >/dev/null 2>&1; then
    say "Playwrights nedladdning gick inte; installerar distributionens chromium"
    apt_install chromium || apt_install chromium-browser || true
  fi
fi
.venv/bin/python -m webaudit.crawl.browser --check

# 4. PostgreSQL server binaries for the team-mode tests (the tests start their own cluster).
if [ "$POSTGRES" = 1 ]; then
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null; then
    apt_install postgresql || { echo "setup.sh: kunde inte installera PostgreSQL (behövs för testerna)." >&2; exit 1; }
  fi
fi
say "klart"

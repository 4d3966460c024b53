#!/usr/bin/env bash
# Sets up what the tests need that this machine lacks, then runs every test.
#
#   bash tests/run.sh            # install what is missing, then cargo test
#   bash tests/run.sh -- ARGS    # passes ARGS to cargo test
#   bash tests/run.sh --setup    # only installs
#
# Installs, only when missing: the Debian packages the external suites use
# (xmllint, Java for the Nu HTML checker, poppler for the printed PDFs,
# Chromium and CJK fonts for the browser suite, wrk for the load test, Node
# and npm), the npm packages of package-lock.json (`npm ci`), and
# cargo-fuzz. Packages are installed with apt-get as root, or through sudo.
# The tests then run with CI=true, so a suite that would be skipped for a
# missing program fails instead.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '%s\n' "$*" >&2; }

# Debian packages, by the program that shows they are there.
need=()
have() { command -v "$1" >/dev/null 2>&1; }
have cc || need+=(gcc)
have make || need+=(make)
have xmllint || need+=(libxml2-utils)
have java || need+=(default-jre-headless)
have pdftotext || need+=(poppler-utils)
have chromium || [ -x "${KEPU_CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK*' >/dev/null || need+=(fonts-noto-cjk)
have wrk || need+=(wrk)
have node || need+=(nodejs)
have npm || need+=(npm)

if [ ${#need[@]} -gt 0 ]; then
  if ! have apt-get; then
    say "missing: ${need[*]}; this machine has no apt-get: install them by hand, then run this again"
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if have sudo; then
      sudo=(sudo)
    else
      say "missing: ${need[*]}; run this as root (or install sudo)"
      exit 1
    fi
  fi
  say "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# npm packages: when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  say "installing the npm packages (npm ci)"
  npm ci --ignore-scripts --no-audit --no-fund >/dev/null
  touch node_modules
fi

# cargo-fuzz, for the fuzz smoke run.
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi

case "${1:-}" in
  --setup) exit 0 ;;
  --) shift ;;
esac
CI=true exec cargo test "$@"

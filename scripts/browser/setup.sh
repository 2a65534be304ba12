#!/usr/bin/env bash
# Installs headless Chromium + chromedriver (Debian packages) and a Python venv
# with selenium + axe-selenium-python, and a current axe-core (4.x) taken from the
# axe-playwright-python wheel (installed without Playwright): axe-selenium-python
# bundles axe-core 3.1.1 (2018), which does not know autocomplete="one-time-code".
# Idempotent; quick when already set up.
# Last line of stdout: path of the venv's python. Everything else goes to stderr.
set -euo pipefail

VENV="${BILIM_BROWSER_VENV:-.build/browser-venv}"

log() { echo "[browser-setup] $*" >&2; }

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    log "installing chromium and chromium-driver via apt"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
else
    log "chromium and chromedriver already installed"
fi

PY="$VENV/bin/python"
if [[ -x "$PY" ]] && "$PY" -c 'import selenium, axe_selenium_python, axe_playwright_python' >/dev/null 2>&1; then
    log "venv $VENV already has selenium, axe-selenium-python and axe-core 4"
else
    log "creating venv $VENV"
    mkdir -p "$(dirname "$VENV")"
    [[ -x "$PY" ]] || python3 -m venv "$VENV" >&2
    "$PY" -m pip install -q --disable-pip-version-check selenium axe-selenium-python >&2
    "$PY" -m pip install -q --disable-pip-version-check --no-deps axe-playwright-python >&2
fi

# Absolute path so callers can use it from any directory.
echo "$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")"

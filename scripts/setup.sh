#!/usr/bin/env bash
# First-use setup, run by `make`: a virtual environment with minutebook installed, and a
# Chromium to print PDFs with. Safe to run again; each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

apt_install() {
    command -v apt-get >/dev/null || return 1
    echo "setup: installing Debian packages: $*"
    if [ ! -f /tmp/.minutebook-apt-updated ]; then
        as_root apt-get update -qq && touch /tmp/.minutebook-apt-updated
    fi
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating $VENV"
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        apt_install python3-venv python3-pip || { echo "setup: install python3-venv first" >&2; exit 1; }
        "$PYTHON" -m venv "$VENV"
    fi
fi

echo "setup: installing minutebook and its dependencies into $VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[dev]'

# The font the minutes are set in (full Swedish coverage), so a PDF looks the same anywhere.
if ! (command -v fc-list >/dev/null && fc-list | grep -q "Liberation Sans"); then
    apt_install fonts-liberation2 fontconfig \
        || echo "setup: font Liberation Sans missing: PDFs use another font (apt-get install fonts-liberation2)" >&2
fi

# Chromium for the PDF: Playwright's own download first, else Debian's package.
if "$VENV/bin/python" -m minutebook.build.browser >/dev/null 2>&1; then
    echo "setup: Chromium: $("$VENV/bin/python" -m minutebook.build.browser)"
elif timeout 600 "$VENV/bin/playwright" install chromium >/dev/null 2>&1 \
        && "$VENV/bin/python" -m minutebook.build.browser >/dev/null 2>&1; then
    echo "setup: Chromium installed by Playwright"
elif apt_install chromium fonts-liberation2 fonts-dejavu-core \
        && "$VENV/bin/python" -m minutebook.build.browser >/dev/null 2>&1; then
    echo "setup: Chromium installed from Debian: $("$VENV/bin/python" -m minutebook.build.browser)"
else
    echo "setup: no Chromium: PDFs cannot be printed. Install one (apt-get install chromium)" \
         "or set MINUTEBOOK_CHROMIUM to a Chromium or Chrome executable." >&2
    exit 1
fi

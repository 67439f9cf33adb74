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

# The versions requirements.lock pins (checked against its hashes), then minutebook itself.
# The second install adds only what the lock lacks: a dependency added to pyproject.toml
# since the lock was last made, which the check after it reports (make lock pins it).
echo "setup: installing minutebook and the versions requirements.lock pins into $VENV"
pip() { "$VENV/bin/python" -m pip --quiet --disable-pip-version-check "$@"; }
pip install --upgrade pip >/dev/null
pip install -r requirements.lock
pip install -e '.[dev]'
"$VENV/bin/python" -m minutebook.build.environment requirements.lock \
    || echo "setup: so minutes built here may differ from those built elsewhere" >&2

# The fonts the minutes are set in, so that a PDF looks the same anywhere and every name
# prints in its own script: Liberation Sans (Latin, Greek, Cyrillic, Hebrew), Noto Naskh
# Arabic, and WenQuanYi Micro Hei for Chinese, Japanese and Korean (TrueType: Chromium
# embeds those as fonts; Debian's Noto CJK is OpenType-CFF, which it can only draw as
# outlines). Chromium finds them through fontconfig and embeds the glyphs it uses.
# poppler-utils (pdftotext, pdffonts) is what the tests read the PDFs with; librsvg2-bin
# (rsvg-convert) lets pandoc give each chart in a Word copy the PNG older Word draws.
# (grep reads the whole list: with -q it would stop early, fc-list would die of SIGPIPE, and
# pipefail would call the font missing)
has_font() { command -v fc-list >/dev/null && fc-list : family | grep "$1" >/dev/null; }
fonts=()
has_font "Liberation Sans" || fonts+=(fonts-liberation2)
has_font "Noto Naskh Arabic" || fonts+=(fonts-noto-core)
has_font "WenQuanYi Micro Hei" || fonts+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null || fonts+=(poppler-utils)
command -v rsvg-convert >/dev/null || fonts+=(librsvg2-bin)
if [ ${#fonts[@]} -gt 0 ]; then
    apt_install fontconfig "${fonts[@]}" \
        || echo "setup: missing (apt-get install ${fonts[*]}): names in some scripts may" \
                "print as empty boxes, and Word copies' charts have no PNG" >&2
fi

# Chromium for the PDF: Playwright's own download first, else Debian's package. Of Debian's,
# the headless shell (chromium-headless-shell): the same Blink, started in two thirds of the
# time on half the CPU; the whole browser where a release has no shell. A Debian Chromium
# found already gets its shell added beside it, where that needs no password.
# (found, and started: one that cannot run here, for want of a library, does not count)
chromium() { "$VENV/bin/python" -m minutebook.build.chromium --start 2>/dev/null; }
unasked_root() { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }
if found=$(chromium); then
    if [ "$found" = /usr/bin/chromium ]; then
        if ! { unasked_root && apt_install chromium-headless-shell 2>/dev/null; }; then
            echo "setup: PDFs print sooner with Chromium's headless shell:" \
                 "apt-get install chromium-headless-shell"
        elif ! found=$(chromium); then
            echo "setup: Chromium's headless shell does not start here ($found):" \
                 "set MINUTEBOOK_CHROMIUM=/usr/bin/chromium" >&2
            found=/usr/bin/chromium
        fi
    fi
    echo "setup: Chromium: $found"
elif timeout 600 "$VENV/bin/playwright" install chromium >/dev/null 2>&1 && chromium >/dev/null; then
    echo "setup: Chromium installed by Playwright"
elif { apt_install chromium-headless-shell fonts-liberation2 fonts-dejavu-core \
        || apt_install chromium fonts-liberation2 fonts-dejavu-core; } && chromium >/dev/null; then
    echo "setup: Chromium installed from Debian: $(chromium)"
else
    echo "setup: no Chromium that runs here ($(chromium || true)): PDFs cannot be printed." \
         "Install one (apt-get install chromium) or set MINUTEBOOK_CHROMIUM to a Chromium or" \
         "Chrome executable." >&2
    exit 1
fi

"""Which Chromium prints the PDFs, and how it is started.

It is looked for in this order: a configured path (``MINUTEBOOK_CHROMIUM`` or the
exporter's ``chromium_path``), the one ``playwright install chromium`` put in place, then a
system one (``/usr/bin/chromium``). Of Playwright's and of the system's, the *headless shell*
is taken where it is installed beside the browser (Playwright's own choice for headless
pages; Debian's ``chromium-headless-shell``): the same Blink printing the same PDF, pixel for
pixel, started in 0.48 s and half a CPU-second instead of 0.7 s and 0.9 — on two cores, a
cold build's kernel shares them with it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
from pathlib import Path
from typing import Any

from ..errors import ChromiumNotFound
from ..i18n import say
from ..settings import settings

SYSTEM_CHROMIUMS = (
    "chromium-headless-shell",
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
)
# Without these, Chromium on a closed network spends its start-up failing to reach Google.
QUIET_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--mute-audio",
]


# Debian's headless shell, run directly: its /usr/bin wrapper runs it without ``exec``, which
# leaves the browser a grandchild that a kill of the wrapper does not reach.
DEBIAN_SHELL = "/usr/lib/chromium/chromium-headless-shell"


def system_chromium() -> str | None:
    """A Chromium or Chrome installed on the system, if any; a headless shell first."""
    if os.access(DEBIAN_SHELL, os.X_OK):
        return DEBIAN_SHELL
    for name in SYSTEM_CHROMIUMS:
        if found := shutil.which(name):
            return found
    return None


def find_chromium(configured: str | None, playwright_path: str | None) -> str:
    """The Chromium to start, in the documented order of preference.

    Raises:
        ChromiumNotFound: nothing usable is installed, or the configured path is wrong.

    """
    configured = configured or settings().chromium
    if configured:
        if os.access(configured, os.X_OK) and Path(configured).is_file():
            return configured
        raise ChromiumNotFound(
            say("pdf.configured_wrong", path=configured, how=say("pdf.how_to_get"))
        )
    if playwright_path:  # the shell alone may be installed (`playwright install --only-shell`)
        if shell := playwright_shell(Path(playwright_path)):
            return shell
        if Path(playwright_path).is_file():
            return playwright_path
    if found := system_chromium():
        return found
    raise ChromiumNotFound(say("pdf.not_found", how=say("pdf.how_to_get")))


def playwright_shell(chromium: Path) -> str | None:
    """The headless shell ``playwright install chromium`` put beside its Chromium, if any.

    Playwright keeps each browser in a folder of its own under one root
    (``chromium-1200/chrome-linux64/chrome``, ``chromium_headless_shell-1200/…``); the
    shell's executable is named ``headless_shell`` or ``chrome-headless-shell``.
    """
    folder = next((p for p in chromium.parents if p.name.startswith("chromium-")), None)
    if folder is None:
        return None
    revision = folder.name.removeprefix("chromium-")
    shells = folder.parent / f"chromium_headless_shell-{revision}"
    for name in ("chrome-headless-shell", "headless_shell", "chrome-headless-shell.exe"):
        for found in sorted(shells.glob(f"*/{name}")):
            if found.is_file() and os.access(found, os.X_OK):
                return str(found)
    return None


def sandboxed() -> bool:
    """Whether Chromium keeps its sandbox: always, except as root, where it cannot start."""
    return hasattr(os, "geteuid") and os.geteuid() != 0


def launch(playwright: Any) -> Any:
    """A headless Chromium from a synchronous Playwright, for checks and pictures."""
    return playwright.chromium.launch(
        executable_path=find_chromium(None, playwright.chromium.executable_path),
        args=QUIET_ARGS,
        chromium_sandbox=sandboxed(),
    )


# How far below the kernels Chromium runs (nice values), as they start while it does.
BACKGROUND = 5


def yield_to_kernels() -> None:
    """Lower this thread's priority, and so that of Playwright and Chromium it starts.

    Chromium has until a template has run to be ready, but on two cores it starts in the
    very second the meeting's kernel starts and imports (half a CPU-second against one): at
    a lower priority it takes what the kernel leaves, and a cold build ends 0.1 s sooner.
    Linux gives each thread its own nice value and a child process the value of the thread
    that started it, so nothing else of this process is slowed; elsewhere it is left alone.
    """
    if sys.platform == "linux":
        thread = threading.get_native_id()
        with contextlib.suppress(OSError):
            now = os.getpriority(os.PRIO_PROCESS, thread)  # a build run under nice stays below
            os.setpriority(os.PRIO_PROCESS, thread, min(now + BACKGROUND, 19))


def _main(argv: list[str]) -> int:
    """``python -m minutebook.build.chromium [--start]``: the Chromium a build would use.

    For setup. With ``--start`` it is also started and stopped: a browser that is there but
    cannot run (a server without the libraries it needs) is no Chromium for the PDFs.
    """
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            bundled = playwright.chromium.executable_path
            found = find_chromium(None, bundled)
            if "--start" in argv:
                launch(playwright).close()
    except ChromiumNotFound as error:
        print(error)
        return 1
    except Exception as error:  # it did not start: say why, in a line
        from .browser import first_line

        print(first_line(error))
        return 1
    print(found)
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))

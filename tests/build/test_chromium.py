"""Which Chromium prints, and at what priority: unit tests of the choice, on fake installs."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from minutebook.build.chromium import BACKGROUND, find_chromium, yield_to_kernels


@pytest.fixture(autouse=True)
def nothing_configured(monkeypatch):
    monkeypatch.delenv("MINUTEBOOK_CHROMIUM", raising=False)  # it would be chosen first


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize(
    "shell",
    [
        "chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell",
        "chromium_headless_shell-1255/chrome-linux/headless_shell",  # Playwright before 1.57
    ],
)
def test_playwrights_headless_shell_is_taken_before_its_chromium(tmp_path, shell):
    chrome = executable(tmp_path / "chromium-1255/chrome-linux64/chrome")
    assert find_chromium(None, str(chrome)) == str(chrome)  # no shell installed: the browser
    executable(tmp_path / shell)
    assert find_chromium(None, str(chrome)) == str(tmp_path / shell)


def test_the_shell_alone_is_found_where_playwright_would_put_its_chromium(tmp_path):
    # `playwright install --only-shell`: Playwright still names the browser it did not install
    shell = executable(tmp_path / "chromium_headless_shell-1255/chrome-linux/headless_shell")
    assert find_chromium(None, str(tmp_path / "chromium-1255/chrome-linux64/chrome")) == str(shell)


def test_a_shell_of_another_revision_is_not_taken(tmp_path):
    chrome = executable(tmp_path / "chromium-1255/chrome-linux64/chrome")
    executable(tmp_path / "chromium_headless_shell-1200/chrome-linux/headless_shell")
    assert find_chromium(None, str(chrome)) == str(chrome)


def test_a_configured_chromium_is_taken_as_it_is(tmp_path):
    chrome = executable(tmp_path / "chromium-1255/chrome-linux64/chrome")
    executable(tmp_path / "chromium_headless_shell-1255/chrome-linux/headless_shell")
    assert find_chromium(str(chrome), None) == str(chrome)


@pytest.mark.skipif(sys.platform != "linux", reason="a thread's own nice value is Linux's")
def test_chromium_yields_to_the_kernels_and_nothing_else_does():
    before = os.getpriority(os.PRIO_PROCESS, 0)
    seen: dict[str, int] = {}

    def printer_thread() -> None:
        yield_to_kernels()
        seen["thread"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        # what the thread starts (Playwright's driver, and the Chromium it starts) inherits it
        child = subprocess.run(["nice"], capture_output=True, text=True, check=True)
        seen["child"] = int(child.stdout)

    thread = threading.Thread(target=printer_thread)
    thread.start()
    thread.join()
    lower = min(before + BACKGROUND, 19)
    assert seen == {"thread": lower, "child": lower}
    assert os.getpriority(os.PRIO_PROCESS, 0) == before  # the rest of the process is not slowed
    here = subprocess.run(["nice"], capture_output=True, text=True, check=True)
    assert int(here.stdout) == before


def test_setup_takes_a_chromium_that_does_not_start_for_none(tmp_path):
    broken = executable(tmp_path / "chromium")  # there, executable, and ends at once
    env = {**os.environ, "MINUTEBOOK_CHROMIUM": str(broken)}
    command = [sys.executable, "-m", "minutebook.build.chromium"]
    found = subprocess.run(command, env=env, capture_output=True, text=True)
    assert (found.returncode, found.stdout.strip()) == (0, str(broken))
    started = subprocess.run([*command, "--start"], env=env, capture_output=True, text=True)
    assert started.returncode == 1
    assert len(started.stdout.splitlines()) == 1 and "Traceback" not in started.stderr

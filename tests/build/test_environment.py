"""The packages a build runs on: their versions are inputs, and requirements.lock pins them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutebook.build import environment, inputs

ROOT = Path(__file__).resolve().parents[2]


def test_the_run_time_packages_are_those_minutebook_needs_to_build():
    packages = environment.runtime_packages()
    for needed in ("pandas", "matplotlib", "nbconvert", "papermill", "markdown-it-py", "nh3"):
        assert needed in packages
    assert "pagefind-bin" in packages  # asked for as pagefind[bin]: extras are followed
    assert "numpy" in packages  # and what they need in turn
    for tool in ("pytest", "ruff", "mypy", "uv"):  # the dev extra does not shape an output
        assert tool not in packages


def test_a_package_upgrade_changes_the_code_fingerprint(monkeypatch):
    inputs.code_fingerprint.cache_clear()
    try:
        before = inputs.code_fingerprint()
        now = environment.fingerprint()
        monkeypatch.setattr(
            environment, "fingerprint", lambda: now.replace("\npandas==", "\npandas==0")
        )
        inputs.code_fingerprint.cache_clear()
        assert inputs.code_fingerprint() != before
    finally:
        inputs.code_fingerprint.cache_clear()


def test_the_fingerprint_is_kept_until_a_package_is_installed(tmp_path, monkeypatch):
    monkeypatch.setattr(environment, "_CACHE", tmp_path / "environment.json")
    first = environment.fingerprint()
    assert first.startswith("CPython ") or first.startswith("PyPy ")
    assert "\npandas==" in first

    def read_again() -> dict[str, str]:
        raise AssertionError("read every package's metadata again")

    monkeypatch.setattr(environment, "runtime_packages", read_again)
    assert environment.fingerprint() == first  # nothing installed since: from the cache

    monkeypatch.setattr(environment, "_installed", lambda: "a package was installed")
    monkeypatch.setattr(environment, "runtime_packages", lambda: {"pandas": "9.0"})
    assert environment.fingerprint().endswith("\npandas==9.0")


def test_installing_a_package_changes_what_is_installed(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    before = environment._installed()
    (tmp_path / "example-1.0.dist-info").mkdir()
    assert environment._installed() != before


def test_how_python_was_started_does_not_change_what_is_installed(tmp_path, monkeypatch):
    # the console script puts its own folder first, "python -m" the current one: neither
    # holds a package, and the kept fingerprint must serve both
    before = environment._installed()
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend("")
    assert environment._installed() == before


LOCK = """\
# made by make lock
pandas==3.0.0 \\
    --hash=sha256:00
    # via minutebook
appnope==1.0.0 ; sys_platform == 'darwin' \\
    --hash=sha256:00
colorama==0.4.6 ; sys_platform == 'win32' or sys_platform == 'linux' \\
    --hash=sha256:00
"""


def test_a_lock_pins_what_applies_here(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    lock = tmp_path / "requirements.lock"
    lock.write_text(LOCK, encoding="utf-8")
    pins = environment.locked(lock)
    assert pins["pandas"] == "3.0.0"
    assert "appnope" not in pins  # for macOS only
    assert pins["colorama"] == "0.4.6"


def test_a_stale_lock_says_to_lock_again(tmp_path):
    current = (ROOT / environment.LOCK_FILE).read_text(encoding="utf-8")
    lines = current.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("pandas=="))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    lock = tmp_path / environment.LOCK_FILE
    lock.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    assert "pandas is not in requirements.lock: run make lock" in environment.differences(lock)

    lock.write_text(re.sub(r"\npandas==\S+", "\npandas==1.5.3", current), encoding="utf-8")
    problems = environment.differences(lock)
    assert any(
        p.startswith("requirements.lock pins pandas 1.5.3, outside") and "run make lock" in p
        for p in problems
    )
    assert any(p.startswith("pandas ") and "is installed" in p for p in problems)


def test_this_environment_is_what_the_lock_pins():
    """Every dependency in pyproject.toml is pinned, and installed at the pinned version.

    Fails after a dependency was added without ``make lock``, or when packages were
    installed or upgraded by hand (``make setup`` puts the pinned ones back).
    """
    problems = environment.differences(ROOT / environment.LOCK_FILE)
    if problems:
        pytest.fail("\n".join(problems))

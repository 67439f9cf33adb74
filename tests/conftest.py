from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REFERENCE = "params/umebra/2022-06-14.yaml"
EXAMPLE = "params/example-board/2024-03-12.yaml"


@dataclass
class Run:
    status: int
    out: str
    err: str


def minutebook(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run the real command line, as a user would, in ``cwd``."""
    environment = {**os.environ, **(env or {})}
    environment.pop("MINUTEBOOK_ROOT", None)
    done = subprocess.run(
        [sys.executable, "-m", "minutebook", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def make_project(where: Path) -> Path:
    """A copy of this project's meetings and templates: tests never write to the real one."""
    for name in ("params", "notebooks"):
        shutil.copytree(ROOT / name, where / name)
    return where


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both example meetings built once, with the real kernel, nbconvert and Chromium."""
    root = make_project(tmp_path_factory.mktemp("built"))
    run = minutebook("build", cwd=root)
    assert run.status == 0, run.err
    return root

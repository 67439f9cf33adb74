"""Faults: a kernel that dies, a cell that hangs, a Chromium that crashes, a reports/ that
cannot be written. Each ends with a clear message and a non-zero exit, and nothing already
published changes."""

from __future__ import annotations

import os
import stat
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest

from conftest import REFERENCE, minutebook, publish_drafts
from minutebook.build.chromium import system_chromium

pytestmark = pytest.mark.e2e

UMEBRA = Path("reports/umebra/2022-06-14")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def published(project: Path) -> tuple[Path, dict[str, bytes]]:
    """A project whose reference meeting is published, and the bytes of what is published.

    It is a draft, so that making it final is a change that publishes (final minutes keep
    their text).
    """
    meeting = project / REFERENCE
    meeting.write_text(meeting.read_text("utf-8").replace("status: final", "status: draft"))
    publish_drafts(project)
    run = minutebook("build", cwd=project)
    assert run.status == 0, run.err
    return project, snapshot(project / "reports")


def break_template(project: Path, source: str) -> None:
    path = project / "notebooks/umebra.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell(source))
    nbformat.write(nb, path)


def test_a_kernel_that_dies(published):
    project, before = published
    break_template(project, "import os\n\nos._exit(3)")
    run = minutebook("build", REFERENCE, cwd=project)
    assert run.status == 1
    assert "notebooks/umebra.ipynb: the kernel died while running the template" in run.err
    assert "Traceback" not in run.err
    assert snapshot(project / "reports") == before


def test_a_cell_that_hangs_is_stopped(published):
    project, before = published
    break_template(project, "import time\n\ntime.sleep(600)")
    run = minutebook("build", "--timeout", "3", REFERENCE, cwd=project)
    assert run.status == 1
    assert (
        "params/umebra/2022-06-14.yaml: notebooks/umebra.ipynb: cell 4 (import time) ran "
        "longer than 3 s and was stopped" in run.err
    )
    assert snapshot(project / "reports") == before


def test_a_template_sets_its_own_cell_timeout(published):
    project, before = published
    break_template(project, "import time\n\ntime.sleep(600)")
    path = project / "notebooks/umebra.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.metadata["minutebook"] = {"timeout": 2}
    nbformat.write(nb, path)
    started = time.perf_counter()
    run = minutebook("build", "--no-pdf", REFERENCE, cwd=project)
    assert run.status == 1 and time.perf_counter() - started < 60
    assert "cell 4 (import time) ran longer than 2 s and was stopped" in run.err
    assert snapshot(project / "reports") == before


def test_chromium_crashing_while_the_pdf_is_made(published, tmp_path):
    project, before = published
    real = os.environ.get("MINUTEBOOK_CHROMIUM") or system_chromium()
    crashing = tmp_path / "chromium"
    # starts the real browser, and kills it while the kernel is still running
    crashing.write_text(f'#!/bin/sh\n"{real}" "$@" &\nsleep 1.5\nkill -9 $!\nwait\n')
    crashing.chmod(crashing.stat().st_mode | stat.S_IEXEC)
    text = (project / REFERENCE).read_text("utf-8")
    (project / REFERENCE).write_text(text.replace("status: draft", "status: final"), "utf-8")
    template = project / "notebooks/umebra.ipynb"  # a kernel still running when it is killed
    nb = nbformat.read(template, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import time\n\ntime.sleep(4)"))
    nbformat.write(nb, template)
    run = minutebook("build", REFERENCE, cwd=project, env={"MINUTEBOOK_CHROMIUM": str(crashing)})
    assert run.status == 1
    assert "Chromium failed to print the PDF" in run.err
    assert "Traceback" not in run.err
    assert snapshot(project / "reports") == before


@contextmanager
def read_only(folder: Path):
    """A folder nothing can be written to (as root: immutable, since root ignores modes)."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_a_read_only_reports_folder(published):
    project, before = published
    text = (project / REFERENCE).read_text("utf-8")
    (project / REFERENCE).write_text(text.replace("status: draft", "status: final"), "utf-8")
    with read_only(project / "reports/umebra"):
        run = minutebook("build", "--no-pdf", REFERENCE, cwd=project)
    assert run.status == 1
    assert (
        "cannot write to reports/umebra/: not permitted" in run.err
        or "cannot write to reports/umebra/: permission denied" in run.err
    )
    assert "Traceback" not in run.err
    assert snapshot(project / "reports") == before

"""Kill a running batch build (SIGKILL, the whole process group) at several moments: every
meeting folder must be its complete old version or its complete new one, and every index
must parse."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLE, REFERENCE, add_meeting, minutebook, publish_drafts
from minutebook.archive.nav import fill_nav
from minutebook.build.inputs import Stamp, output_folder
from minutebook.build.plan import make_plan
from minutebook.paths import Project

pytestmark = pytest.mark.e2e


def digest_now(project: Project, meeting: Path) -> str:
    return make_plan(meeting, project, pdf=True).digest


def assert_whole(project: Project, allowed: dict[Path, set[str]]) -> None:
    for meeting, digests in allowed.items():
        folder = output_folder(project, meeting)
        stamp = Stamp.read(folder)
        assert stamp is not None, folder
        assert stamp.inputs in digests, folder
        present = {
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            # a page being rewritten atomically (its navigation) when the build was killed:
            # hidden, never read, and cleared by the next build (asserted at the end)
            if p.is_file() and not (p.name.startswith(".") and p.name.endswith(".tmp"))
        }
        assert present == {*stamp.files, ".build.json"}, folder
        for name, sha in stamp.files.items():
            data = (folder / name).read_bytes()
            if name == "minutes.html":  # the archive fills in the navigation afterwards
                data = fill_nav(data.decode("utf-8"), "").encode("utf-8")
            assert hashlib.sha256(data).hexdigest() == sha, (folder, name)
    reports = project.reports
    if (reports / "index.json").exists():
        json.loads((reports / "index.json").read_text(encoding="utf-8"))
        ET.parse(reports / "feed.xml")
        for page in (reports / "index.html", reports / "search.html"):
            assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")


def start_build(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "minutebook", "build"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its kernels and Chromium die with it
    )


def kill_after(process: subprocess.Popen[bytes], seconds: float) -> bool:
    """SIGKILL the build's whole process group after ``seconds``; False if it had finished."""
    try:
        process.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True


def test_killed_builds_leave_old_or_new_never_a_mix(project):
    root, proj = project, Project(project)
    meetings = [
        root / REFERENCE,
        root / EXAMPLE,
        add_meeting(root, REFERENCE, "2022-09-20"),
        add_meeting(root, EXAMPLE, "2024-04-09"),
    ]
    # drafts: every version publishes (final minutes would keep their first text)
    publish_drafts(root)
    publish_drafts(root, "example-board")
    originals = {
        m: m.read_text("utf-8").replace("status: final", "status: draft") for m in meetings
    }
    known: dict[Path, set[str]] = {m: set() for m in meetings}

    def new_version(k: int) -> None:
        """Version k of every meeting: a visible change, so every run rebuilds them all."""
        for m, text in originals.items():
            m.write_text(re.sub(r"(?m)^place: (.*)$", rf"place: \1 (v{k})", text), "utf-8")
            known[m].add(digest_now(proj, m))

    new_version(0)
    assert minutebook("build", cwd=root).status == 0  # a cold first run: caches filled
    new_version(1)
    started = time.perf_counter()
    assert minutebook("build", cwd=root).status == 0
    duration = time.perf_counter() - started  # as long as the builds killed below take

    kills, steps = 0, 6  # kills spread over the run, from its start to its end
    for step in range(1, steps + 1):
        new_version(step + 1)
        kills += kill_after(start_build(root), duration * (step - 0.5) / steps)
        assert_whole(proj, known)  # each folder: some complete version, never a mix
    assert kills >= steps - 1
    # the archive step alone, killed early and late
    for seconds in (0.15, 0.4, 0.8):
        (proj.reports / ".archive.json").unlink(missing_ok=True)
        kill_after(start_build(root), seconds)
        assert_whole(proj, known)

    run = minutebook("build", cwd=root)
    assert run.status == 0, run.err
    assert_whole(proj, {m: {digest_now(proj, m)} for m in meetings})
    leftovers = [
        p
        for p in proj.reports.rglob(".*")
        if p.name not in (".build.json", ".archive.json", ".board.json")  # the stamps
    ]
    assert leftovers == []
    index = json.loads((proj.reports / "index.json").read_text("utf-8"))
    assert len(index["meetings"]) == 4

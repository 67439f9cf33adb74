"""Meetings built on a Dask cluster: the same bytes as built here, and a lost worker costs
only its own meeting. Real worker processes (a LocalCluster of two), real kernels and a
Chromium in each worker."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import psutil
import pytest

from conftest import add_meeting, make_project, minutebook
from minutebook.paths import OUTPUTS, STAMP

pytestmark = pytest.mark.e2e

SERIES = ("example-board", "kommunstyrelsen", "umebra")


def outputs(root: Path) -> dict[str, bytes]:
    """Every published file of every meeting, public and internal, but the stamps' clock."""
    found = {}
    for top in ("reports", "internal"):
        for stamp in sorted((root / top).rglob(STAMP)):
            for path in sorted(stamp.parent.rglob("*")):
                if path.is_file() and path.name != STAMP:
                    found[str(path.relative_to(root))] = path.read_bytes()
    return found


def leftovers(before: set[int]) -> list[str]:
    """Processes a build started and left behind: kernels, browsers, Dask workers."""
    words = ("ipykernel", "chromium", "distributed", "multiprocessing")
    left = []
    for p in psutil.process_iter(["pid", "cmdline", "status"]):
        line = " ".join(p.info["cmdline"] or [])
        new = p.info["pid"] not in before and p.info["status"] != psutil.STATUS_ZOMBIE
        if new and any(word in line for word in words):
            left.append(line[:100])
    return left


SECRET = """items:
  - title: Staff matter
    confidential: "OSL 39:3"
    notes: Withheld from the public version.
"""


def with_a_confidential_item(root: Path) -> Path:
    path = root / "params/example-board/2024-03-12.yaml"
    path.write_text(path.read_text("utf-8").replace("items:\n", SECRET, 1), "utf-8")
    return with_history(root)


def with_history(root: Path) -> Path:
    """A series whose template reads the earlier meetings: one of them names a file.

    Only the earlier meeting files travel to a worker, not the files they name.
    """
    folder = root / "params/example-board"
    (folder / "budget.csv").write_text("item,amount\nbooks,100\n", "utf-8")
    earlier = (folder / "2024-03-12.yaml").read_text("utf-8").replace("2024-03-12", "2024-02-13")
    earlier = earlier.replace("items:\n", "data:\n  budget: budget.csv\nitems:\n", 1)
    (folder / "2024-02-13.yaml").write_text(earlier, "utf-8")
    template = root / "notebooks/example-board.ipynb"
    source = template if template.is_file() else root / "notebooks/default.ipynb"
    nb = nbformat.read(source, as_version=4)
    cell = nbformat.v4.new_code_cell("print([e.date for e in m.earlier()])")
    cell.id = "look-back"  # the same template in both projects, not a new random id
    nb.cells.append(cell)
    nbformat.write(nb, template)
    return root


def test_a_cluster_of_two_workers_builds_the_same_bytes(tmp_path):
    # a data section with a chart, a protokoll, an internal version, a template reading the
    # earlier meetings: each path there is
    here = with_a_confidential_item(make_project(tmp_path / "here", SERIES))
    there = with_a_confidential_item(make_project(tmp_path / "there", SERIES))
    assert minutebook("build", cwd=here).status == 0
    before = {p.pid for p in psutil.process_iter()}
    run = minutebook("build", "--executor", "dask", "--workers", "2", cwd=there)
    assert run.status == 0, run.err
    assert "4 built" in run.out
    mine, theirs = outputs(here), outputs(there)
    assert sorted(mine) == sorted(theirs) and any(n.endswith("minutes.pdf") for n in mine)
    assert any(n.startswith("internal/") for n in mine)  # the internal version travels too
    assert [n for n in mine if mine[n] != theirs[n]] == []
    assert set(OUTPUTS) & {Path(n).name for n in theirs} >= {"minutes.html", "minutes.pdf"}
    assert leftovers(before) == []


def test_a_worker_lost_mid_build_fails_only_its_meeting(tmp_path):
    project = make_project(tmp_path / "project", ("umebra",))
    shutil.rmtree(project / "params/umebra/2022-06-14.data", ignore_errors=True)
    add_meeting(project, "params/umebra/2022-06-14.yaml", "2022-09-13")
    template = project / "notebooks/umebra.ipynb"
    nb = nbformat.read(template, as_version=4)
    killer = (  # its worker process dies, as when a machine goes away: twice, as retried
        "import psutil\n\n"
        "if meeting['date'] == '2022-09-13':\n"
        "    worker = psutil.Process().parent()\n"
        "    while 'spawn_main' not in ' '.join(worker.cmdline()):  # past the zygote\n"
        "        worker = worker.parent()\n"
        "    worker.kill()"
    )
    nb.cells.append(nbformat.v4.new_code_cell(killer))
    nbformat.write(nb, template)
    run = minutebook("build", "--no-pdf", "--executor", "dask", "--workers", "2", cwd=project)
    assert run.status == 1
    assert "1 built, 0 up to date, 1 failed" in run.out
    assert "params/umebra/2022-09-13.yaml" in run.err and "were lost as often as" in run.err
    assert "Traceback" not in run.err
    assert (project / "reports/umebra/2022-06-14/minutes.html").is_file()
    assert not (project / "reports/umebra/2022-09-13").exists()


def test_an_unreachable_scheduler_is_one_line(project):
    quick = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}  # Dask's own setting
    run = minutebook("build", "--scheduler", "tcp://127.0.0.1:9", cwd=project, env=quick)
    assert run.status == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in run.err
    assert "Traceback" not in run.err and not (project / "reports").exists()


def test_a_worker_running_other_code_is_refused_by_name(project, tmp_path):
    """A worker whose minutebook differs (here: one comment more) could build other minutes."""
    from distributed import Client, LocalCluster

    other = tmp_path / "lib"
    shutil.copytree(Path(__file__).parents[2] / "lib/minutebook", other / "minutebook")
    with (other / "minutebook/build/word.py").open("a", encoding="utf-8") as code:
        code.write("# a change on one machine only\n")
    env = {**os.environ, "PYTHONPATH": str(other)}  # found before the installed one
    with LocalCluster(n_workers=0, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        command = [sys.executable, "-m", "distributed.cli.dask_worker", address]
        worker = subprocess.Popen([*command, "--nthreads", "1", "--no-dashboard"], env=env)
        try:
            with Client(address) as client:
                client.wait_for_workers(1, timeout=60)
                [name] = client.scheduler_info()["workers"]
            run = minutebook("build", "--scheduler", address, cwd=project)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    assert run.status == 1
    assert "these workers run another minutebook or other packages" in run.err
    assert name in run.err and "Traceback" not in run.err
    assert not (project / "reports").exists()

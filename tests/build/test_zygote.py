"""Kernels forked from the run's zygote: the same pages as fresh kernels, their own random
numbers, and no process left behind."""

from __future__ import annotations

from pathlib import Path

import nbformat.v4 as v4
import psutil
import pytest

from conftest import REFERENCE, minutebook
from minutebook.build.execute import run_template
from minutebook.build.given import parameters
from minutebook.build.plan import make_plan
from minutebook.build.render import render_html
from minutebook.build.zygote import Zygote
from minutebook.paths import Project

pytestmark = pytest.mark.e2e


def zygotes() -> set[int]:
    return {
        p.pid
        for p in psutil.process_iter(["cmdline"])
        if "minutebook.build.zygote" in " ".join(p.info["cmdline"] or [])
    }


def test_a_page_from_a_forked_kernel_is_the_page_from_a_fresh_one(project, tmp_path):
    path = project / REFERENCE  # pandas and a matplotlib chart, imported by the zygote
    plan = make_plan(path, Project(project), pdf=False)
    version = plan.versions[-1]
    pages = []
    try:
        for fork in (False, True):
            nb = run_template(
                plan.template,
                parameters(plan, version),
                tmp_path / f"{fork}.ipynb",
                cwd=path.parent,
                fork=fork,
            )
            pages.append(render_html(nb)[0])
    finally:
        Zygote.stop_shared()
    assert pages[0] == pages[1]


def test_each_forked_kernel_draws_its_own_random_numbers(tmp_path):
    nb = v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "language": "python",
        "display_name": "Python 3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [
        v4.new_code_cell("meeting = {}", metadata={"tags": ["parameters"]}),
        v4.new_code_cell("import random, os\nprint(random.random(), os.getcwd())"),
    ]
    template = tmp_path / "t.ipynb"
    template.write_text(nbformat_text(nb), encoding="utf-8")
    printed = []
    try:
        for n in range(2):
            out = run_template(template, {}, tmp_path / f"{n}.ipynb", cwd=tmp_path, fork=True)
            printed.append(out.cells[-1].outputs[0]["text"].split())
    finally:
        Zygote.stop_shared()
    assert printed[0][0] != printed[1][0]  # as two fresh kernels would
    assert printed[0][1] == printed[1][1] == str(tmp_path)  # each in the meeting's folder


def test_a_build_of_many_meetings_leaves_no_zygote_and_no_history(project, tmp_path):
    before = zygotes()
    ipython = tmp_path / "ipython"
    # two meetings: forked kernels
    run = minutebook("build", "--no-pdf", cwd=project, env={"IPYTHONDIR": str(ipython)})
    assert run.status == 0, run.err
    assert zygotes() <= before
    assert not list(ipython.rglob("history.sqlite"))  # no cell of theirs in IPython's history


def nbformat_text(nb) -> str:
    import nbformat

    return nbformat.writes(nb)


def test_the_zygote_ends_when_its_build_is_gone(tmp_path):
    import subprocess
    import sys
    import time

    code = (
        "from minutebook.build.zygote import Zygote; z = Zygote.shared(); "
        "assert z._ready.wait(60); print(z.process.pid, flush=True); import os; os._exit(0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    pid = int(done.stdout.split()[0])
    for _ in range(50):  # it looks for its parent every second
        if not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the zygote outlived the process that started it")
    assert Path(tmp_path).exists()


def kernels() -> set[int]:
    return {
        p.pid
        for p in psutil.process_iter(["cmdline"])
        if "ipykernel_launcher" in " ".join(p.info["cmdline"] or [])
    }


def test_a_spare_kernel_closed_while_it_starts_is_stopped_not_waited_for(project):
    from minutebook.build.warm import kernel_for

    before = kernels()
    spare = kernel_for(project / REFERENCE, Project(project))
    assert spare is not None
    spare.close()  # a build that ended at once: the meeting was up to date, or invalid
    assert kernels() - before == set()


def test_a_build_with_nothing_to_do_loads_neither_the_pages_nor_the_model(project):
    # a no-op over a large archive is mostly imports: the archive's pages and the meeting
    # model are loaded only when something is built or the archive is rewritten
    assert minutebook("build", "--no-pdf", cwd=project).status == 0
    code = (
        "import sys; from minutebook.cli import main; main(['build', '--no-pdf']); "
        "print(sorted(m for m in ('minutebook.archive.pages', 'minutebook.meeting.model')"
        " if m in sys.modules))"
    )
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=True
    )
    assert "up to date" in done.stdout and done.stdout.rstrip().endswith("[]")


def test_a_killed_batch_leaves_no_forked_kernel(project):
    import os
    import signal
    import subprocess
    import sys
    import time

    import nbformat

    template = project / "notebooks/umebra.ipynb"
    nb = nbformat.read(template, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import time\n\ntime.sleep(60)"))
    nbformat.write(nb, template)
    add = project / "params/umebra/2022-09-13.yaml"
    add.write_text(
        (project / REFERENCE).read_text("utf-8").replace("2022-06-14", "2022-09-13"), "utf-8"
    )
    before = zygotes()
    build = subprocess.Popen(
        [sys.executable, "-m", "minutebook", "build", "--no-pdf", "--series", "umebra"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    forked: set[int] = set()
    for _ in range(300):  # the kernels forked for its meetings, running their cells
        forked = {p.pid for p in psutil.process_iter(["pid"]) if p.pid in zygotes() - before} - {
            z.pid for z in psutil.Process(build.pid).children()
        }
        if forked:
            break
        time.sleep(0.1)
    assert forked, "no kernel was forked"
    # a forked kernel writes nowhere the zygote's reader must drain
    assert all(os.readlink(f"/proc/{pid}/fd/1") == os.devnull for pid in forked)
    build.send_signal(signal.SIGKILL)
    build.wait()
    for _ in range(100):  # the zygote looks for its parent every second, its kernels too
        if not (zygotes() - before):
            break
        time.sleep(0.1)
    assert zygotes() - before == set(), "a forked kernel outlived its build"

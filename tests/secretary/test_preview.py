"""`minutebook preview` as a secretary uses it, in a real Chromium: open the page, save a
change and see it, save a broken file and see the error, fix it and see the minutes again;
then Ctrl-C leaves nothing running and nothing written."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request

import psutil
import pytest

from conftest import EXAMPLE, REFERENCE
from minutebook.build.chromium import launch
from minutebook.build.warm import template_imports

pytestmark = pytest.mark.e2e

WAIT = 30_000  # ms: a first render on a busy CI machine can be slow; the bench times it


def test_preview_shows_each_save_then_stops_cleanly(project):
    from playwright.sync_api import sync_playwright

    meeting = project / EXAMPLE
    original = meeting.read_text(encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "minutebook", "preview", EXAMPLE, "--port", "0", "--no-browser"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        address = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        # the page carries the minutes' text itself, not a script that fetches it
        served = urllib.request.urlopen(address).read().decode()
        assert "Spending is on plan" in served
        # another site reaching 127.0.0.1 by a name of its own reads nothing
        port = address.rsplit(":", 1)[1].strip("/")
        rebound = urllib.request.Request(address, headers={"Host": f"evil.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(rebound)
        assert refused.value.code == 403
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            problems: list[str] = []
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(address)
            assert "Riverside Library Board" in page.locator("h1").inner_text()
            meeting.write_text(original.replace("Spending is on", "Spending is well on"), "utf-8")
            page.get_by_text("Spending is well on plan").wait_for(timeout=WAIT)
            meeting.write_text(original.replace("date: 2024-03-12", "date: 2024-02-30"), "utf-8")
            errors = page.locator(".mb-errors")
            errors.wait_for(timeout=WAIT)
            assert errors.inner_text().startswith("params/example-board/2024-03-12.yaml:10:")
            assert page.request.get(f"{address}minutes.pdf").status == 409
            meeting.write_text(original, "utf-8")
            page.get_by_text("Spending is on plan").wait_for(timeout=WAIT)
            pdf = page.request.get(f"{address}minutes.pdf")
            assert pdf.ok and pdf.body().startswith(b"%PDF")
            assert problems == []
            browser.close()
        running = psutil.Process(process.pid).children(recursive=True)
        assert any("ipykernel" in " ".join(p.cmdline()) for p in running)  # the spare
    finally:
        process.send_signal(signal.SIGINT)
        status = process.wait(timeout=60)
    assert status == 0, process.stderr.read()
    left = [p for p in running if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert left == []
    assert not (project / "reports").exists() and not (project / "internal").exists()


def test_the_spare_kernel_imports_what_the_template_imports(tmp_path):
    import nbformat.v4 as v4

    nb = v4.new_notebook()
    nb.cells = [
        v4.new_code_cell("import pandas as pd\nfrom matplotlib import pyplot\nimport os.path"),
        v4.new_code_cell("def f():\n    import numpy\n%matplotlib inline"),  # not run ahead
        v4.new_code_cell("from . import local\nimport pandas"),
    ]
    path = tmp_path / "t.ipynb"
    path.write_text(nbformat_json(nb), encoding="utf-8")
    assert template_imports(path) == ["pandas", "matplotlib", "os.path"]


def test_a_page_from_a_spare_kernel_is_the_page_from_a_fresh_one(project):
    from minutebook.build.look import look
    from minutebook.build.warm import Spare
    from minutebook.paths import Project

    here = Project(project)
    path = project / REFERENCE  # pandas and a matplotlib chart: the imports done ahead
    fresh = look(path, here)
    spare = Spare(path.parent, here.template_for("umebra"))
    try:
        warm = look(path, here, spare)
    finally:
        spare.close()
    assert fresh.errors == [] and warm.errors == []
    assert warm.html == fresh.html


def nbformat_json(nb) -> str:
    import nbformat

    return nbformat.writes(nb)

"""WCAG 2.1 AA in a real Chromium (axe-core), and the PDF's accessibility structure."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfWriter

from conftest import minutebook
from minutebook.secretary.a11y import axe_violations, browser_page, pdf_problems
from minutebook.template.minutes import Minutes

pytestmark = pytest.mark.e2e

MINUTES = [
    ("archive", "umebra/2022-06-14"),  # Swedish
    ("archive", "example-board/2024-03-12"),  # English
    ("archive", "umebra/2022-09-20"),  # a draft
    ("council", "ks/2024-03-05"),  # a protocol with confidential notices
    ("council", "ks/2024-02-01"),  # a protocol with justering and anslagsbevis
    ("examples", "kommunstyrelsen/2024-03-12"),  # the second version: a whole protokoll
    ("examples", "trust-board/2024-05-14"),  # the second version: a board's minutes
    ("every_script", "world/2024-06-11"),  # names and notes in seven scripts
]


@pytest.fixture(scope="module")
def axe():
    with browser_page() as page:
        yield page


@pytest.mark.parametrize("fixture,meeting", MINUTES)
def test_minutes_pages_pass_axe(request, axe, fixture, meeting):
    root = request.getfixturevalue(fixture)
    page = root / "reports" / meeting / "minutes.html"
    assert axe_violations(axe, page.as_uri()) == []


@pytest.mark.parametrize("page", ["index.html", "umebra/index.html", "example-board/index.html"])
def test_archive_pages_pass_axe(archive, axe, page):
    assert axe_violations(axe, (archive / "reports" / page).as_uri()) == []


def test_the_search_page_with_results_passes_axe(server, axe):
    url = f"{server}search.html?q=budget&lang=en"
    assert axe_violations(axe, url, ready="#mb-results li") == []


def test_axe_does_find_violations(axe, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<html><body><img src="x.png"><h3>skipped</h3>'
        '<p style="color:#bbb;background:#fff">faint</p></body></html>'
    )
    found = " ".join(axe_violations(axe, bad.as_uri()))
    assert "image-alt" in found and "html-has-lang" in found and "color-contrast" in found


@pytest.mark.parametrize("fixture,meeting", MINUTES)
def test_pdf_is_tagged_titled_bookmarked_and_embeds_its_fonts(request, fixture, meeting):
    folder = request.getfixturevalue(fixture) / "reports" / meeting
    data = json.loads((folder / "meeting.json").read_text(encoding="utf-8"))
    items = [item["title"] for item in data["items"]]
    assert pdf_problems(folder / "minutes.pdf", items, data["language"], Minutes(data).title) == []


def test_pdf_check_finds_what_is_missing(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(buffer.getvalue())
    assert pdf_problems(plain, ["Budget"], "sv", "Protokoll") == [
        "not tagged: no structure tree",
        "/Lang is None, not 'sv'",
        "/Title is None, not 'Protokoll'",
        "/DisplayDocTitle is not set: viewers show the file name",
        "no bookmark for the item 'Budget'",
    ]


def test_check_a11y_command(archive):
    run = minutebook("check", "--a11y", cwd=archive)
    assert run.status == 0, run.out
    assert run.out.splitlines()[-1] == "accessibility: 0 problems"


def test_check_a11y_reports_an_unbuilt_meeting(project: Path):
    run = minutebook("check", "--a11y", "params/umebra/2022-06-14.yaml", cwd=project)
    assert run.status == 1
    assert "reports/umebra/2022-06-14/: not built yet; run `.venv/bin/minutebook build`" in run.out


def test_check_a11y_names_the_cell_of_a_published_image_without_alt(project: Path):
    """Minutes published before the build refused such images are found, by their cell."""
    import nbformat
    from nbformat.v4 import new_output

    assert minutebook("build", "--no-pdf", "params/umebra/2022-06-14.yaml", cwd=project).status == 0
    path = project / "reports/umebra/2022-06-14/minutes.ipynb"
    nb = nbformat.read(path, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if c.source.startswith("m.header()"))
    figure = {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure size 640x480>"}
    nb.cells[index].outputs.append(new_output("display_data", data=figure))
    nbformat.write(nb, path)
    run = minutebook("check", "--a11y", "params/umebra/2022-06-14.yaml", cwd=project)
    assert run.status == 1
    assert (
        "reports/umebra/2022-06-14/minutes.ipynb: notebooks/umebra.ipynb: cell 4 (m.header())"
        " shows an image without alternative text" in run.out
    )

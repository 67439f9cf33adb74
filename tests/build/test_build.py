"""End to end: the real command, kernel, nbconvert and Chromium, on copies of the project."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

import reference
from conftest import REFERENCE, correct, minutebook
from minutebook.archive.nav import fill_nav
from minutebook.site import LICENCES

pytestmark = pytest.mark.e2e

UMEBRA = Path("reports/umebra/2022-06-14")
BOARD = Path("reports/example-board/2024-03-12")
A4 = (595.28, 841.89)


class Page(HTMLParser):
    """What a reader's browser would see and fetch."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[str, str]] = []
        self._heading: str | None = None
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading, self._text = tag, []

    def handle_endtag(self, tag):
        if tag == self._heading:
            self.headings.append((tag, reference.normalise("".join(self._text))))
            self._heading = None

    def handle_data(self, data):
        if self._heading:
            self._text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


# -- the reference meeting ----------------------------------------------------------------


def test_build_writes_notebook_html_and_pdf(built):
    for name in ("minutes.ipynb", "minutes.html", "minutes.pdf", "meeting.json", ".build.json"):
        assert (built / UMEBRA / name).stat().st_size > 0
    # nothing half-written is left beside the outputs
    assert sorted(p.name for p in (built / "reports/umebra").iterdir()) == [
        "2022-06-14",
        "decisions.html",  # its decisions by year
        "feed.xml",  # the body's own feed
        "index.html",
    ]


def test_html_is_the_reference_minutes(built):
    html = (built / UMEBRA / "minutes.html").read_text(encoding="utf-8")
    page = Page(html)
    assert page.all("html")[0]["lang"] == "sv"
    levels = [tag for tag, _ in page.headings]
    assert levels.count("h1") == 1
    titles = [text for tag, text in page.headings if tag == "h2"]
    assert titles == [
        "Deltagare",  # the attendance (issue 13: an absentee was invisible)
        "Föregående mötesanteckningar",
        "Rapport från verksamheterna",
        "Medborgarlöftet: Polisen och Umeå kommun lovar att vidta åtgärder mot prostitution "
        "och människohandel",
        "Medborgardialogen om segregation.",
        "Aktuellt Umebrå",
        "Övriga frågor",
        "Brottsutveckling",  # the template's data section (fictional figures)
    ]
    assert ("h3", "VÅLD") in page.headings
    assert ("h3", "KRAFTTAG MOT NARKOTIKA") in page.headings
    text = reference.normalise(re.sub(r"<[^>]+>", " ", html))
    for presenter in (
        "Hans Lindberg",
        "Michael Rystedt",
        "Eva Norlin, Maria Svanström",
        "Cecilia Ravry",
        "Umebrå kansli",
    ):
        assert presenter in text
    assert "Noterat av: Elin Lindqvist, Sekreterare" in text
    # the presenter stands under the item's title, where the reference had a third column
    assert reference.missing_in_order(text, anywhere=reference.PRESENTERS) == []
    # the principles and the KRAFTTAG bullets are real lists
    assert re.search(r"<ol>\s*<li>Angelägenhet, vad är viktigast</li>", html)
    assert len(re.findall(r"<li>", html.split("KRAFTTAG MOT NARKOTIKA")[1].split("</ul>")[0])) == 4
    links = [a["href"] for a in page.all("a")]
    assert links[-2:] == [reference.SOURCE_URL, LICENCES["CC0-1.0"]]  # the source; the terms


def test_html_shows_no_code_and_loads_nothing(built):
    html = (built / UMEBRA / "minutes.html").read_text(encoding="utf-8")
    for code in ("import", "Minutes(meeting)", "m.header()", "In [", "In&nbsp;[", "Out["):
        assert code not in html
    page = Page(html)
    assert page.all("script") == []
    assert page.all("iframe") == [] and page.all("img") == []
    for attrs in page.all("link"):
        assert "stylesheet" not in (attrs.get("rel") or "")
    styles = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)
    assert styles, "the stylesheet is inline"
    assert not re.search(r"@import|url\(|@font-face", "".join(styles))
    assert not re.search(r"(require\.?js|require\(|mathjax)", html, re.I)
    assert len(html.encode()) < 60_000


def test_pdf_is_the_reference_minutes_on_a4(built):
    pdf = built / UMEBRA / "minutes.pdf"
    reader = PdfReader(pdf)
    text = pdf_text(pdf)
    assert reference.missing_in_order(text, anywhere=reference.PRESENTERS) == []
    assert reference.SOURCE_URL in re.sub(r"\s+", "", text)
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2
        page_text = reference.normalise(page.extract_text())
        assert f"Sida {number} av {pages}" in page_text
        assert "Umebrå – Umeå kommuns brotts- och drogförebyggande råd · 14 juni 2022" in page_text
    assert "åäö" not in text and "Föregående" in text  # Swedish letters are real text
    # the items begin on page 1, under the attendance: no half page left empty
    assert "Föregående mötesanteckningar" in reference.normalise(reader.pages[0].extract_text())
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "sv"
    assert reader.metadata.title == (
        "Mötesanteckningar 14 juni 2022 – Umebrå – Umeå kommuns brotts- och drogförebyggande råd"
    )


def test_executed_notebook_records_the_meeting(built):
    nb = nbformat.read(built / UMEBRA / "minutes.ipynb", as_version=4)
    meeting = nb.metadata.papermill.parameters.meeting
    assert meeting["date"] == "2022-06-14" and meeting["series"] == "umebra"
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    json.dumps(meeting)  # JSON-typed values only


# -- the English example --------------------------------------------------------------------


def test_english_meeting_has_english_labels(built):
    html = (built / BOARD / "minutes.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    text = reference.normalise(re.sub(r"<[^>]+>", " ", html))
    for label in (
        "Meeting notes",
        "Present",
        "Absent",
        "Decisions",
        "Action items",
        "Reservation: Jonas Berg",
        "Recorded by: Hannah Cole, Secretary",
        "12 March 2024",
    ):
        assert label in text
    for swedish in ("Närvarande", "Frånvarande", "Beslut", "Åtgärder", "Noterat av", "Sida"):
        assert swedish not in text
    absent = html.split(">Absent<")[1].split("</ul>")[0]
    assert "Tom Okafor" in absent and "Grace Lindholm" in absent
    pdf = pdf_text(built / BOARD / "minutes.pdf")
    assert "Page 1 of" in pdf and "Sida" not in pdf


# -- failures --------------------------------------------------------------------------------


def test_bad_meeting_file_exits_2_with_lines_and_writes_nothing(project):
    bad = project / "params/umebra/2022-06-14.yaml"
    text = bad.read_text(encoding="utf-8").replace("presenters: [Hans Lindberg]", "presenters: 5")
    bad.write_text(text.replace("kind: notes", "kind: notes\nlanguge: sv"), encoding="utf-8")
    run = minutebook("build", REFERENCE, cwd=project)
    assert run.status == 2
    assert run.err.splitlines() == [
        "params/umebra/2022-06-14.yaml:11:1: languge: unknown key (did you mean 'language'?)",
        'params/umebra/2022-06-14.yaml:28:17: item 1 "Föregående mötesanteckningar": '
        "presenters: expected a list of names, got a number",
    ]
    assert "Traceback" not in run.err
    assert not (project / "reports").exists()


def test_failing_template_keeps_last_good_output(project):
    assert minutebook("build", "--no-pdf", REFERENCE, cwd=project).status == 0
    good = (project / UMEBRA / "minutes.html").read_bytes()
    template = project / "notebooks/umebra.ipynb"
    nb = nbformat.read(template, as_version=4)
    nb.cells.insert(4, nbformat.v4.new_code_cell("# the analyst's section\n1 / 0"))
    nbformat.write(nb, template)
    run = minutebook("build", "--no-pdf", REFERENCE, cwd=project)
    assert run.status == 1
    assert run.err.splitlines()[0] == (
        "params/umebra/2022-06-14.yaml: notebooks/umebra.ipynb: cell 5 (1 / 0) failed: "
        "ZeroDivisionError: division by zero"
    )
    assert run.err.splitlines()[1] == (
        "  The meeting file is not at fault: notebooks/umebra.ipynb must be fixed by whoever "
        "keeps it (name them as owner in its metadata, or template_owner in series.yaml, and "
        "this message will)."
    )
    # kept for the analyst, never under reports/: its traceback names the machine's paths
    assert "the failed notebook is kept in internal/umebra/2022-06-14.failed.ipynb" in run.err
    assert "Traceback" not in run.err
    assert (project / UMEBRA / "minutes.html").read_bytes() == good
    failed_path = project / "internal/umebra/2022-06-14.failed.ipynb"
    assert oct(failed_path.stat().st_mode & 0o777) == "0o600"
    failed = nbformat.read(failed_path, as_version=4)
    assert any(
        o.get("ename") == "ZeroDivisionError" for c in failed.cells for o in c.get("outputs", [])
    )
    assert not list((project / "reports/umebra").glob(".*"))  # no staging left behind
    assert not list((project / "reports").rglob("*.failed.ipynb"))
    # the series names who keeps the template; the template's own metadata comes first
    (project / "params/umebra/series.yaml").write_text("template_owner: Ada Analys\n")
    run = minutebook("build", "--no-pdf", REFERENCE, cwd=project)
    assert "ask Ada Analys, who keeps notebooks/umebra.ipynb, to fix it." in run.err
    nb.metadata["minutebook"] = {"owner": "Bo Bok <bo@example.org>"}
    nbformat.write(nb, template)
    run = minutebook("build", "--no-pdf", REFERENCE, cwd=project)
    assert "ask Bo Bok <bo@example.org>, who keeps notebooks/umebra.ipynb" in run.err
    # a good build again removes it
    nb.cells.pop(4)
    nbformat.write(nb, template)
    assert minutebook("build", "--no-pdf", REFERENCE, cwd=project).status == 0
    assert not failed_path.exists()


def test_without_chromium_the_html_is_still_written(project):
    run = minutebook(
        "build",
        REFERENCE,
        cwd=project,
        env={"MINUTEBOOK_CHROMIUM": str(project / "no-such-chromium")},
    )
    assert run.status == 1
    assert "Chromium not found" in run.err and "make setup-pdf" in run.err
    assert "Traceback" not in run.err
    assert (project / UMEBRA / "minutes.html").exists()
    assert not (project / UMEBRA / "minutes.pdf").exists()


def test_a_build_writes_nothing_to_the_users_ipython_history(project, tmp_path):
    ipython = tmp_path / "ipython"  # IPython keeps every cell a kernel runs in history.sqlite
    run = minutebook("build", "--no-pdf", REFERENCE, cwd=project, env={"IPYTHONDIR": str(ipython)})
    assert run.status == 0, run.err
    assert not list(ipython.rglob("history.sqlite"))


# -- nbconvert entry points ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "exporter,suffix", [("minutebook_html", ".html"), ("minutebook_pdf", ".pdf")]
)
def test_jupyter_nbconvert_knows_our_exporters(built, tmp_path, exporter, suffix):
    import subprocess
    import sys

    notebook = tmp_path / "minutes.ipynb"
    shutil.copy(built / UMEBRA / "minutes.ipynb", notebook)
    done = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", exporter, str(notebook)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = notebook.with_suffix(suffix)
    if suffix == ".pdf":
        assert "Sida 1 av" in pdf_text(out)
    else:
        published = (built / UMEBRA / "minutes.html").read_text(encoding="utf-8")
        # the same page, but for the navigation the archive adds to published pages
        assert out.read_text(encoding="utf-8") == fill_nav(published, "")


def test_attached_files_are_published_beside_the_minutes(project):
    meeting = project / REFERENCE
    (project / "params/umebra/bilagor").mkdir()
    (project / "params/umebra/bilagor/rapport.pdf").write_bytes(b"%PDF-1.4 rapport")
    text = meeting.read_text(encoding="utf-8").replace(
        "    notes: Föregående mötesanteckningar läggs till handlingarna.\n",
        "    notes: Föregående mötesanteckningar läggs till handlingarna.\n"
        "    attachments: [{title: Rapport, href: bilagor/rapport.pdf}]\n",
    )
    meeting.write_text(text, encoding="utf-8")
    assert minutebook("build", "--no-pdf", REFERENCE, cwd=project).status == 0
    published = project / UMEBRA / "files/bilagor/rapport.pdf"
    assert published.read_bytes() == b"%PDF-1.4 rapport"
    html = (project / UMEBRA / "minutes.html").read_text(encoding="utf-8")
    assert '<a href="files/bilagor/rapport.pdf">Rapport</a>' in html
    # the attachment is an input, and part of the record: final minutes keep theirs …
    (project / "params/umebra/bilagor/rapport.pdf").write_bytes(b"%PDF-1.4 ny rapport")
    run = minutebook("build", "--no-pdf", REFERENCE, cwd=project)
    assert "kept (final minutes)" in run.out
    assert published.read_bytes() == b"%PDF-1.4 rapport"
    # … until a correction says why it changed
    correct(meeting, "Föregående mötesanteckningar läggs", "Föregående anteckningar läggs")
    run = minutebook("build", "--no-pdf", REFERENCE, cwd=project)
    assert "1 built" in run.out
    assert published.read_bytes() == b"%PDF-1.4 ny rapport"

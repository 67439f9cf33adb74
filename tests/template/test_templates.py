"""Every template builds with a sample meeting; tags work; analysts' tools and helpers."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, minutebook
from minutebook.paths import SLUG, series_meetings

TEMPLATES = [p for p in sorted((ROOT / "notebooks").glob("*.ipynb")) if re.fullmatch(SLUG, p.stem)]


def sample_meeting(project: Path, template: str) -> str:
    """The meeting a template is tried with: its series' latest, or the English example."""
    own = series_meetings(project / "params" / template)
    return str(own[-1].relative_to(project)) if own else "params/example-board/2024-03-12.yaml"


@pytest.mark.e2e
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_every_template_builds_its_sample_meeting(project, template):
    meeting = sample_meeting(project, template.stem)
    if template.stem == "default":  # try the default on a series that has no template
        (project / "params/example-board").rename(project / "params/board")
        path = project / "params/board/2024-03-12.yaml"
        path.write_text(
            path.read_text("utf-8").replace("series: example-board", "series: board"), "utf-8"
        )
        meeting = "params/board/2024-03-12.yaml"
    run = minutebook("build", "--no-pdf", meeting, cwd=project)
    assert run.status == 0, run.err
    assert "<h1>" in (
        project / "reports" / Path(meeting).parent.name / Path(meeting).stem / "minutes.html"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_every_template_passes_ruff(template):
    done = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "check", str(template)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout


@pytest.mark.e2e
def test_the_example_section_shows_the_csv(archive):
    html = (archive / "reports/umebra/2022-06-14/minutes.html").read_text(encoding="utf-8")
    section = html.split('aria-labelledby="data-brott">')[1].split("</section>")[0]
    assert "Fiktiva siffror" in section  # the page says the figures are made up
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", section)
    cells = {name: re.findall(r"<td[^>]*>(.*?)</td>", rest) for name, rest in rows}
    with (ROOT / "params/umebra/data/brott.csv").open(encoding="utf-8") as f:
        data = list(csv.DictReader(f))
    for row in data:
        before, after = int(row["2021"]), int(row["2022"])
        change = (after - before) / before * 100
        expected = [
            f"{before:,}".replace(",", "\u00a0"),
            f"{after:,}".replace(",", "\u00a0"),
            f"{change:.1f}".replace("-", "\u2212").replace(".", ",") + "\u00a0%",
        ]
        assert cells[row["kategori"]] == expected
    total_before = sum(int(r["2021"]) for r in data)
    total_after = sum(int(r["2022"]) for r in data)
    assert cells["Totalt"][:2] == [
        f"{total_before:,}".replace(",", "\u00a0"),
        f"{total_after:,}".replace(",", "\u00a0"),
    ]
    assert "<svg" in section and "Stapeldiagram: Brottsutveckling" in section


@pytest.mark.e2e
def test_cell_tags_are_honoured(project):
    template = project / "notebooks/umebra.ipynb"
    nb = nbformat.read(template, as_version=4)
    for source, tags in (
        ('print("TAG-REMOVED")', ["remove-cell"]),
        ('print("TAG-HIDDEN-OUTPUT")', ["hide-output"]),
        ('"TAG-SHOWN"', ["hide-input"]),
    ):
        nb.cells.insert(3, nbformat.v4.new_code_cell(source, metadata={"tags": tags}))
    nbformat.write(nb, template)
    assert minutebook("build", "--no-pdf", "params/umebra/2022-06-14.yaml", cwd=project).status == 0
    html = (project / "reports/umebra/2022-06-14/minutes.html").read_text(encoding="utf-8")
    assert "TAG-REMOVED" not in html and "TAG-HIDDEN-OUTPUT" not in html
    assert "TAG-SHOWN" in html and "print(" not in html


def run_by_hand(project: Path, template: str, out: Path) -> Path:
    """Run a template as an analyst does in JupyterLab: in notebooks/, with its own meeting."""
    import papermill

    papermill.execute_notebook(
        str(project / "notebooks" / f"{template}.ipynb"),
        str(out),
        cwd=str(project / "notebooks"),
        progress_bar=False,
    )
    return out


def test_template_new_copies_the_default(project):
    run = minutebook("template", "new", "umebra-2", cwd=project)
    assert run.status == 0
    nb = nbformat.read(project / "notebooks/umebra-2.ipynb", as_version=4)
    default = nbformat.read(project / "notebooks/default.ipynb", as_version=4)
    assert len(nb.cells) == len(default.cells)
    for cell, original in zip(nb.cells, default.cells, strict=True):
        if "parameters" not in cell.metadata.get("tags", []):
            assert cell.source == original.source
    again = minutebook("template", "new", "umebra-2", cwd=project)
    assert again.status == 1 and "exists already" in again.err


@pytest.mark.e2e
def test_template_new_before_the_first_meeting_shows_a_sample_of_the_series(project, tmp_path):
    """Not another series' meeting: a sample of this one, which no build publishes."""
    (project / "params/kultur").mkdir(parents=True)
    settings = "language: en\norganisation: Exampleton Council\n"
    (project / "params/kultur/series.yaml").write_text(settings, encoding="utf-8")
    run = minutebook("template", "new", "kultur", cwd=project)
    assert run.status == 0, run.err
    assert "params/kultur/sample.yaml, a sample meeting that is never published" in run.out
    assert "warning" not in run.err  # the sample validates with the series' settings
    nb = nbformat.read(project / "notebooks/kultur.ipynb", as_version=4)
    assert 'meeting = "params/kultur/sample.yaml"' in nb.cells[1].source
    assert "example-board" not in nb.cells[1].source

    shown = run_by_hand(project, "kultur", tmp_path / "by-hand.ipynb").read_text("utf-8")
    assert "Kultur (example)" in shown and "Exampleton Council" in shown
    assert "Review of the year" in shown
    assert "Recorded by" in shown and "Uppföljning" not in shown  # in the series' language

    assert minutebook("check", cwd=project).status == 0  # the sample is no meeting to check
    assert minutebook("build", "--no-pdf", cwd=project).status == 0
    assert not (project / "reports/kultur").exists()
    index = (project / "reports/index.json").read_text(encoding="utf-8")
    assert "kultur" not in index and "exempel" not in index


def test_template_new_points_at_the_series_latest_meeting(project):
    (project / "notebooks/umebra.ipynb").unlink()
    assert minutebook("template", "new", "umebra", cwd=project).status == 0
    nb = nbformat.read(project / "notebooks/umebra.ipynb", as_version=4)
    assert 'meeting = "params/umebra/2022-06-14.yaml"' in nb.cells[1].source


@pytest.mark.e2e
def test_run_by_hand_in_jupyterlab_shows_the_same_minutes(project, tmp_path):
    """An analyst runs a template top to bottom: the default meeting, the same page."""
    from minutebook.build.render import render_html

    out = run_by_hand(project, "umebra", tmp_path / "by-hand.ipynb")
    by_hand, _ = render_html(nbformat.read(out, as_version=4))
    assert minutebook("build", "--no-pdf", "params/umebra/2022-06-14.yaml", cwd=project).status == 0
    built = (project / "reports/umebra/2022-06-14/minutes.html").read_text(encoding="utf-8")

    def main(page: str) -> str:
        return page.split("<main")[1].split("</main>")[0]

    assert main(by_hand) == main(built)


def test_data_paths_must_stay_in_the_series_folder(tmp_path):
    from minutebook.errors import MeetingFileError
    from minutebook.meeting.read import load_meeting

    folder = tmp_path / "s"
    folder.mkdir()
    base = "series: s\nbody: B\ndate: 2024-01-02\nitems: [{title: T}]\n"
    for data, message in (
        ("../secret.csv", "must stay inside the series folder"),
        ("/etc/passwd.csv", "must stay inside the series folder"),
        ("notes.txt", "must be a .csv or .xlsx file"),
        ("missing.csv", "no file 'missing.csv' in s/"),
    ):
        path = folder / "2024-01-02.yaml"
        path.write_text(base + f"data: {{x: {data!r}}}\n", encoding="utf-8")
        with pytest.raises(MeetingFileError, match=re.escape(message)):
            load_meeting(path)

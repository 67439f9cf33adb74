"""Data files in real builds: shared by series, confidential, Swedish, and refused clearly."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from conftest import REFERENCE, minutebook, publish_drafts
from minutebook.meeting.read import load_meeting

SECTION = """\
for name, caption in [("befolkning", "Befolkning"), ("hemligt", "Internt underlag")]:
    if m.has_data(name):
        display(m.table(m.data(name), caption=caption))
"""
POPULATION = "område;2022;2023\nCentrum;1 250,5;1 300\nTeg;980;1 020,25\n"


@pytest.fixture
def data_project(project: Path) -> Path:
    shared = project / "params/_data"
    shared.mkdir()
    (shared / "befolkning.csv").write_text(POPULATION, encoding="utf-8")
    (project / "params/umebra/data/hemligt.csv").write_text(
        "kategori,antal\nMARK-CONFIDENTIAL-DATA,3\n", encoding="utf-8"
    )
    meeting = project / REFERENCE
    publish_drafts(project)
    text = meeting.read_text("utf-8").replace("status: final", "status: draft")
    text = text.replace(
        "  brott: data/brott.csv\n",
        "  brott: data/brott.csv\n"
        "  befolkning: ../_data/befolkning.csv\n"
        "  hemligt: {file: data/hemligt.csv, confidential: true}\n",
    )
    meeting.write_text(text, encoding="utf-8")
    path = project / "notebooks/umebra.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(-2, nbformat.v4.new_code_cell(SECTION))
    nbformat.write(nb, path)
    return project


def _build(project: Path):
    return minutebook("build", "--no-pdf", REFERENCE, cwd=project)


def test_shared_and_confidential_data_files(data_project):
    run = _build(data_project)
    assert run.status == 0, run.err
    public = (data_project / "reports/umebra/2022-06-14/minutes.html").read_text("utf-8")
    internal = (data_project / "internal/umebra/2022-06-14/minutes.html").read_text("utf-8")
    # the Swedish CSV in params/_data/ read as numbers, and written back the Swedish way
    assert "<caption>Befolkning</caption>" in public
    assert "1\u00a0250,5" in public and '<th scope="row">Centrum</th>' in public
    # the confidential file only in the internal version; not even its name is published
    assert "MARK-CONFIDENTIAL-DATA" in internal and "Internt underlag" in internal
    for path in (data_project / "reports").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"MARK-CONFIDENTIAL" not in data and b"hemligt.csv" not in data, path
    # the shared file is an input: changing it rebuilds the meeting
    shared = data_project / "params/_data/befolkning.csv"
    shared.write_text(POPULATION.replace("1 300", "1 400"), encoding="utf-8")
    assert "1 built" in _build(data_project).out


def test_a_latin1_file_without_its_encoding_fails_the_build_with_the_fix(data_project):
    (data_project / "params/_data/befolkning.csv").write_bytes(POPULATION.encode("latin-1"))
    run = _build(data_project)
    assert run.status == 1
    assert (
        "DataFileError: ../_data/befolkning.csv is not UTF-8 (byte 0xe5 in line 1): give its "
        "encoding in the meeting file, e.g. {file: ../_data/befolkning.csv, encoding: cp1252}"
    ) in run.err


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("../other/x.csv", "a relative path must stay inside the series folder"),
        ("../_data/missing.csv", "no file '../_data/missing.csv' in params/_data/"),
        ("{file: data/brott.csv, sep: ':'}", "data.brott.sep: "),
        ("{file: data/brott.csv, encoding: klingon}", "unknown encoding 'klingon'"),
    ],
)
def test_bad_data_entries_are_refused_at_their_line(project, entry, message):
    meeting = project / REFERENCE
    text = meeting.read_text("utf-8").replace("  brott: data/brott.csv", f"  brott: {entry}")
    meeting.write_text(text, encoding="utf-8")
    run = minutebook("check", REFERENCE, cwd=project)
    assert run.status == 2
    assert message in run.err or message in run.out, run.err + run.out


def test_the_short_form_and_the_long_form_are_the_same_file(project):
    meeting = load_meeting(project / REFERENCE)
    assert meeting.data_files()["brott"].file == "data/brott.csv"
    assert meeting.data_files()["brott"].options() == {}

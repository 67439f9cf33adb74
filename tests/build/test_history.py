"""m.earlier(): a template reads the series' earlier meetings, public only, as inputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from conftest import correct, make_project, minutebook, publish_drafts
from minutebook.meeting.history import earlier_meetings

HEAD = """\
series: board
body: Harbour Trust Board
kind: notes
language: en
date: {date}
status: {status}
"""

JANUARY = (
    HEAD.format(date="2024-01-10", status="final")
    + """\
participants:
  - {name: Ada Open, role: chair}
  - {name: Hemlig Person, role: member, publish_name: false}
items:
  - title: Budget 2024
    notes: Hemlig Person presented the budget.
    decisions: [to adopt the budget]
  - title: Sale of the old boathouse MARK-SECRET-TITLE
    notes: The buyer offered MARK-SECRET-PRICE.
    confidential: "OSL 19:1"
"""
)
FEBRUARY = (
    HEAD.format(date="2024-02-14", status="draft")
    + """\
items:
  - {title: Draft only MARK-DRAFT}
"""
)
MARCH = (
    HEAD.format(date="2024-03-12", status="draft")
    + """\
items:
  - {title: Harbour fees}
"""
)

LOOK_BACK = """\
import pandas as pd

rows = [
    {"Date": e.date.isoformat(), "Item": i.title, "Notes": i.notes or ""}
    for e in m.earlier()
    for i in e.items
]
m.table(pd.DataFrame(rows, columns=["Date", "Item", "Notes"]), caption="Earlier meetings")
"""


def _project(root: Path) -> Path:
    make_project(root, series=())
    folder = root / "params/board"
    folder.mkdir(parents=True)
    for text in (JANUARY, FEBRUARY, MARCH):
        date = text.split("date: ")[1].split("\n")[0]
        (folder / f"{date}.yaml").write_text(text, encoding="utf-8")
    publish_drafts(root, "board")  # February and March are drafts, on the web
    nb = nbformat.read(root / "notebooks/default.ipynb", as_version=4)
    nb.cells.insert(-4, nbformat.v4.new_code_cell(LOOK_BACK))
    nbformat.write(nb, root / "notebooks/board.ipynb")
    return root


def test_earlier_meetings_are_public_final_and_oldest_first(tmp_path):
    folder = _project(tmp_path / "p") / "params/board"
    found = earlier_meetings(folder, "2024-03-12")
    assert [m.date.isoformat() for m in found] == ["2024-01-10"]  # the draft is left out
    january = found[0]
    assert january.items[0].notes == "A member presented the budget."
    assert "MARK" not in january.model_dump_json() and "Hemlig" not in january.model_dump_json()
    assert [m.date.isoformat() for m in earlier_meetings(folder, "2024-03-12", drafts=True)] == [
        "2024-01-10",
        "2024-02-14",
    ]
    assert len(earlier_meetings(folder, "2024-03-12", n=1, drafts=True)) == 1
    assert earlier_meetings(folder, "2024-01-10") == []


@pytest.fixture
def built(tmp_path: Path) -> Path:
    root = _project(tmp_path / "p")
    run = minutebook("build", "--no-pdf", cwd=root)
    assert run.status == 0, run.err
    return root


def test_a_later_meeting_shows_the_earlier_ones_and_nothing_they_withhold(built):
    page = (built / "reports/board/2024-03-12/minutes.html").read_text("utf-8")
    assert "<caption>Earlier meetings</caption>" in page
    assert "Budget 2024" in page and "A member presented the budget." in page
    for path in (built / "reports").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (b"MARK-SECRET", b"Hemlig"):
                # January's internal version is in internal/, never under reports/
                assert secret not in data, (path, secret)
    for path in (built / "reports/board/2024-03-12").iterdir():
        assert b"MARK-DRAFT" not in path.read_bytes(), path  # drafts are not history
    assert "MARK-SECRET-PRICE" in (built / "internal/board/2024-01-10/minutes.html").read_text()


def test_an_edit_to_an_earlier_meeting_rebuilds_those_that_read_it(built):
    correct(built / "params/board/2024-01-10.yaml", "presented the budget", "explained it")
    run = minutebook("build", "--no-pdf", cwd=built)
    assert "built params/board/2024-01-10.yaml" in run.out
    assert "built params/board/2024-03-12.yaml" in run.out
    # February's template read January too (no rows: only January, and it is final)
    page = (built / "reports/board/2024-03-12/minutes.html").read_text("utf-8")
    assert "A member explained it." in page
    assert "0 built, 3 up to date" in minutebook("build", "--no-pdf", cwd=built).out


def test_a_new_earlier_meeting_rebuilds_those_that_read_them(built):
    folder = built / "params/board"
    (folder / "2024-02-20.yaml").write_text(
        HEAD.format(date="2024-02-20", status="final") + "items:\n  - {title: Extra meeting}\n",
        "utf-8",
    )
    run = minutebook("build", "--no-pdf", cwd=built)
    assert "built params/board/2024-03-12.yaml" in run.out
    assert "Extra meeting" in (built / "reports/board/2024-03-12/minutes.html").read_text()

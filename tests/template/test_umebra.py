"""The Umebrå template's own section, as docs/analysts.md shows how to test one."""

from __future__ import annotations

from conftest import make_project, minutebook


def test_the_crime_section_shows_both_years(tmp_path):
    root = make_project(tmp_path, series=("umebra",))
    assert minutebook("build", "--no-pdf", cwd=root).status == 0
    page = (root / "reports/umebra/2022-06-14/minutes.html").read_text("utf-8")
    assert "<caption>Brottsutveckling 2021–2022</caption>" in page

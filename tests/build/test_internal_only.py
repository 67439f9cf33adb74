"""Sections for the internal version only: a cell tag, or m.internal."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell

from conftest import EXAMPLE, minutebook


def test_internal_only_sections_never_reach_reports(project):
    path = project / "notebooks/default.ipynb"
    nb = nbformat.read(path, as_version=4)
    tagged = new_code_cell('m.text("MARK-INTERNAL-CELL staff costs per head")')
    tagged.metadata["tags"] = ["internal-only"]
    flagged = new_code_cell('if m.internal:\n    display(m.text("MARK-INTERNAL-FLAG"))')
    nb.cells[-3:-3] = [tagged, flagged, new_code_cell('m.heading("Our own section")')]
    nbformat.write(nb, path)
    # nothing in the meeting is withheld: the template's internal cells make an internal version
    run = minutebook("build", "--no-pdf", EXAMPLE, cwd=project)
    assert run.status == 0, run.err
    internal = (project / "internal/example-board/2024-03-12/minutes.html").read_text("utf-8")
    assert "MARK-INTERNAL-CELL" in internal and "MARK-INTERNAL-FLAG" in internal
    public = (project / "reports/example-board/2024-03-12/minutes.html").read_text("utf-8")
    assert "<h2>Our own section</h2>" in public
    for file in (project / "reports").rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            # a tagged cell is emptied before the public kernel runs: its code stays out too
            assert b"MARK-INTERNAL-CELL" not in data, file
            # m.internal hides what a cell shows; its code is the template's, in the notebook
            if file.name != "minutes.ipynb":
                assert b"MARK-INTERNAL-FLAG" not in data, file

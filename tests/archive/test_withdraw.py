"""What is published follows the meeting files: a deleted or renamed file takes its minutes
with it; a file named twice is built once; a failed meeting is never called built; a quick
build without a PDF keeps the last one."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLE, REFERENCE, add_meeting, correct, minutebook

pytestmark = pytest.mark.e2e


def test_a_deleted_meeting_file_takes_its_minutes_off_the_archive(project):
    secret = add_meeting(
        project,
        EXAMPLE,
        "2024-04-09",
        {"name: Hannah Cole": "name: Hannah Cole, publish_name: false", "Spending": "Withdrawn"},
    )
    assert minutebook("build", "--no-pdf", cwd=project).status == 0
    reports = project / "reports"
    assert (reports / "example-board/2024-04-09/minutes.html").is_file()
    assert (project / "internal/example-board/2024-04-09/minutes.html").is_file()
    # published by mistake: the secretary deletes the file (and a whole series goes too)
    secret.unlink()
    (project / REFERENCE).unlink()
    run = minutebook("build", "--no-pdf", cwd=project)
    assert run.status == 0, run.err
    assert run.out.splitlines()[:4] == [
        "removed reports/example-board/2024-04-09: its meeting file "
        "params/example-board/2024-04-09.yaml is gone",
        "removed reports/umebra/2022-06-14: its meeting file params/umebra/2022-06-14.yaml is gone",
        "removed internal/example-board/2024-04-09: its meeting file "
        "params/example-board/2024-04-09.yaml is gone",
        "0 built, 1 up to date; archive updated",
    ]
    assert not (reports / "example-board/2024-04-09").exists()
    assert not (reports / "umebra").exists()  # its series page too
    assert not (project / "internal/example-board/2024-04-09").exists()
    everything = b"".join(p.read_bytes() for p in reports.rglob("*") if p.is_file())
    assert b"2024-04-09" not in everything and b"Withdrawn" not in everything
    assert b"umebra" not in everything
    index = json.loads((reports / "index.json").read_text("utf-8"))
    assert [m["date"] for m in index["meetings"]] == ["2024-03-12"]
    # nothing else is touched, and a second run has nothing to do
    assert (reports / "example-board/2024-03-12/minutes.html").is_file()
    again = minutebook("build", "--no-pdf", cwd=project)
    assert "removed" not in again.out and "archive updated" not in again.out


def test_a_meeting_named_twice_is_built_once(project):
    run = minutebook("build", "--no-pdf", EXAMPLE, f"./{EXAMPLE}", EXAMPLE, cwd=project)
    assert run.status == 0, run.err
    assert run.out.splitlines()[0] == f"[1/1] built {EXAMPLE}"
    assert "1 built, 0 up to date" in run.out


def test_a_failed_meeting_is_never_reported_as_built(project):
    add_meeting(project, REFERENCE, "2022-09-20")
    template = project / "notebooks/umebra.ipynb"
    template.write_text(
        template.read_text("utf-8").replace("m.signature()", "m.signature(), 1 / 0"), "utf-8"
    )
    run = minutebook("build", "--no-pdf", cwd=project)
    assert run.status == 1
    lines = run.out.splitlines()
    assert sorted(line.split("] ", 1)[1] for line in lines if line.startswith("[")) == [
        "built params/example-board/2024-03-12.yaml",
        "failed params/umebra/2022-06-14.yaml",
        "failed params/umebra/2022-09-20.yaml",
    ]
    assert "1 built, 0 up to date, 2 failed" in run.out


def test_a_build_without_pdf_keeps_the_last_pdf_and_says_so(project):
    assert minutebook("build", EXAMPLE, cwd=project).status == 0
    pdf = project / "reports/example-board/2024-03-12/minutes.pdf"
    before = pdf.read_bytes()
    correct(project / EXAMPLE, "Spending", "Outlay")
    run = minutebook("build", "--no-pdf", EXAMPLE, cwd=project)
    assert run.status == 0
    assert pdf.read_bytes() == before
    assert f"[1/1] built (the PDF is an earlier build's) {EXAMPLE}" in run.out
    assert run.err.strip().splitlines()[-1] == (
        "1 built without a PDF kept the PDF of an earlier build, which may not match the web "
        "page: build without --no-pdf to renew it"
    )
    # the next full build renews it
    run = minutebook("build", EXAMPLE, cwd=project)
    assert "[1/1] built params/example-board/2024-03-12.yaml" in run.out
    assert pdf.read_bytes() != before


def test_an_old_meeting_json_the_model_no_longer_reads_is_left_out(project):
    assert minutebook("build", "--no-pdf", cwd=project).status == 0
    folder = project / "reports/example-board/2024-03-12"
    published = json.loads((folder / "meeting.json").read_text("utf-8"))
    (folder / "meeting.json").write_text(json.dumps({**published, "legacy_key": 1}), "utf-8")
    (project / EXAMPLE).write_text("series: [broken\n", "utf-8")  # it fails to build again
    correct(project / REFERENCE, "Övriga frågor", "Övrigt")
    run = minutebook("build", "--no-pdf", cwd=project)
    assert run.status == 1 and "internal error" not in run.err
    assert "archive updated" in run.out
    index = json.loads((project / "reports/index.json").read_text("utf-8"))
    assert [m["series"] for m in index["meetings"]] == ["umebra"]

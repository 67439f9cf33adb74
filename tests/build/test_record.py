"""Final minutes are records: frozen data, text that only a visible correction changes."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from conftest import REFERENCE, correct, minutebook
from minutebook.build import record
from minutebook.build.inputs import Stamp
from minutebook.meeting.model import Meeting

PAGE = "reports/umebra/2022-06-14/minutes.html"
CSV = "params/umebra/data/brott.csv"

# -- the text of a page ------------------------------------------------------------------------


def test_the_text_of_a_page_is_what_its_main_says():
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        '<nav class="mb-nav">Föregående</nav><main><style>.x{}</style><p>Beslut:\n  ja</p>'
        '<nav>Nästa</nav><img alt="Diagram"><svg aria-label="Stapel"><text>12</text></svg>'
        '<a class="mb-permalink" href="#p5" aria-label="Länk till § 5"></a>'
        "<script>x()</script></main></body></html>"
    )
    # (the link to copy beside a heading is not what the minutes say: adding it to the
    # pages left every final minutes' text as it was)
    assert record.page_text(html) == "Beslut: ja 12 Diagram Stapel"


def test_layout_is_not_text_but_words_and_attached_files_are(tmp_path):
    attached = tmp_path / "bilaga.pdf"
    attached.write_bytes(b"%PDF one")
    page = "<main><p>Beslut</p></main>"
    same = record.text_digest(['<main class="new"><div><p>Beslut</p></div></main>'], [attached])
    assert record.text_digest([page], [attached]) == same
    assert record.text_digest(["<main><p>Beslut!</p></main>"], [attached]) != same
    attached.write_bytes(b"%PDF two")
    assert record.text_digest([page], [attached]) != same


# -- the verdict ---------------------------------------------------------------------------------

MEETING = {"series": "s", "body": "B", "date": "2024-01-01", "items": [{"title": "T"}]}
FIX = {"date": "2024-02-01", "text": "rättat"}


def _stamp(**values) -> Stamp:
    return Stamp(inputs="i", **{"final": True, "text": "old", "source": "src", **values})


def _judge(published, corrections=0, source="src", text="new"):
    meeting = Meeting.model_validate({**MEETING, "corrections": [FIX] * corrections})
    return record.judge(published, meeting, source, text, file="f.yaml")


@pytest.mark.parametrize(
    "published",
    [None, _stamp(final=False), _stamp(text=None), _stamp(text="new")],
    ids=["never published", "a draft", "before records", "same text"],
)
def test_new_minutes_are_published_when_nothing_final_would_change(published):
    assert _judge(published).publish


def test_a_change_from_elsewhere_is_held_and_says_how_to_republish():
    verdict = _judge(_stamp())
    assert not verdict.publish
    assert "the template, its data, series.yaml or minutebook" in verdict.why
    assert "minutebook build --republish f.yaml" in verdict.why
    # a correction without a change of the meeting file is no correction of this change
    assert not _judge(_stamp(corrections=1), corrections=1).publish


def test_the_secretarys_change_needs_a_new_correction():
    verdict = _judge(_stamp(), source="edited")
    assert not verdict.publish and "Add a corrections: entry" in verdict.why
    assert _judge(_stamp(), corrections=1, source="edited").publish
    assert not _judge(_stamp(corrections=1), corrections=1, source="edited").publish


def test_each_republishing_needs_a_correction_of_its_own():
    meeting = Meeting.model_validate({**MEETING, "corrections": [FIX]})
    assert record.may_republish(meeting, None)
    assert record.may_republish(meeting, _stamp(final=False, republished=5))
    assert record.may_republish(meeting, _stamp(corrections=1, republished=0))
    assert not record.may_republish(meeting, _stamp(corrections=1, republished=1))


# -- frozen data -------------------------------------------------------------------------------


def _meeting(tmp_path: Path, status: str = "final", **data: str) -> tuple[Path, Meeting]:
    folder = tmp_path / "params" / "s"
    (folder / "data").mkdir(parents=True, exist_ok=True)
    for relative in data.values():
        path = folder / relative
        if not path.exists():
            path.write_text("a;b\n1;2\n", encoding="utf-8")
    meeting = Meeting.model_validate({**MEETING, "status": status, "data": data})
    return folder / "2024-01-01.yaml", meeting


def test_a_final_meeting_reads_copies_made_the_first_time(tmp_path):
    path, meeting = _meeting(tmp_path, q="data/q.csv", x="data/x.xlsx")
    assert record.freeze(path, meeting) == {
        "q": {"file": "2024-01-01.data/q.csv"},
        "x": {"file": "2024-01-01.data/x.xlsx"},
    }
    copy = path.parent / "2024-01-01.data/q.csv"
    (path.parent / "data/q.csv").write_text("a;b\n1;2\n3;4\n", encoding="utf-8")
    record.freeze(path, meeting)
    assert copy.read_text("utf-8") == "a;b\n1;2\n"  # the original grew, the copy did not
    record.freeze(path, meeting, refresh=True)
    assert copy.read_text("utf-8") == "a;b\n1;2\n3;4\n"
    sources = json.loads((path.parent / "2024-01-01.data/sources.json").read_text("utf-8"))
    assert sources["q"]["from"] == "data/q.csv" and len(sources["q"]["sha256"]) == 64


def test_the_options_go_with_the_copy(tmp_path):
    path, _ = _meeting(tmp_path, q="data/q.csv")
    meeting = Meeting.model_validate(
        {**MEETING, "data": {"q": {"file": "data/q.csv", "sep": ";", "decimal": ","}}}
    )
    assert record.freeze(path, meeting) == {
        "q": {"file": "2024-01-01.data/q.csv", "sep": ";", "decimal": ","}
    }


def test_a_draft_reads_the_files_themselves(tmp_path):
    path, meeting = _meeting(tmp_path, "draft", q="data/q.csv")
    assert record.freeze(path, meeting) == {"q": {"file": "data/q.csv"}}
    assert not (path.parent / "2024-01-01.data").exists()


def test_naming_another_file_copies_it_and_a_name_dropped_goes(tmp_path):
    path, meeting = _meeting(tmp_path, q="data/q.csv", r="data/r.csv")
    record.freeze(path, meeting)
    (path.parent / "data/q2.csv").write_text("new\n", encoding="utf-8")
    _, edited = _meeting(tmp_path, q="data/q2.csv")
    assert record.freeze(path, edited) == {"q": {"file": "2024-01-01.data/q.csv"}}
    frozen = path.parent / "2024-01-01.data"
    assert (frozen / "q.csv").read_text("utf-8") == "new\n"
    assert sorted(p.name for p in frozen.iterdir()) == ["q.csv", "sources.json"]


def test_a_changed_original_is_told_once_per_change(tmp_path):
    path, meeting = _meeting(tmp_path, q="data/q.csv")
    record.freeze(path, meeting)
    assert record.changed_data([path]) == []
    original = path.parent / "data/q.csv"
    original.write_text("grown\n", encoding="utf-8")
    assert record.changed_data([path]) == [(path, "data/q.csv")]
    assert record.changed_data([path]) == []
    original.write_text("grown again\n", encoding="utf-8")
    assert record.changed_data([path]) == [(path, "data/q.csv")]


# -- with real builds ------------------------------------------------------------------------


def _build(project: Path, *args: str):
    return minutebook("build", "--no-pdf", *args, "--series", "umebra", cwd=project)


def test_grown_data_leave_final_minutes_as_they_were_until_republished(project):
    assert _build(project).status == 0
    before = (project / PAGE).read_bytes()
    assert (project / "params/umebra/2022-06-14.data/brott.csv").is_file()
    csv = project / CSV
    csv.write_text(csv.read_text("utf-8").replace("1250,1110", "1250,1999"), "utf-8")
    run = _build(project)
    assert "0 built, 1 up to date" in run.out
    assert "params/umebra/2022-06-14.yaml is final and keeps the copy of data/brott.csv" in (
        run.err
    )
    assert (project / PAGE).read_bytes() == before
    refused = _build(project, "--republish", REFERENCE)
    assert refused.status == 1
    assert "--republish changes final minutes only with a new corrections: entry" in refused.err
    assert (project / PAGE).read_bytes() == before
    path = project / REFERENCE
    path.write_text(
        path.read_text("utf-8")
        + "corrections:\n  - {date: 2022-09-01, text: Polisens slutliga siffror för 2022.}\n",
        "utf-8",
    )
    run = _build(project, "--republish", REFERENCE)
    assert run.status == 0 and "1 built" in run.out
    page = (project / PAGE).read_text("utf-8")
    assert "1\u00a0999" in page and "Polisens slutliga siffror för 2022." in page
    again = _build(project, "--republish", REFERENCE)  # that correction is spent
    assert again.status == 1 and "new corrections: entry" in again.err


def _edit_template(project: Path, change) -> None:
    path = project / "notebooks/umebra.ipynb"
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)


def test_a_template_edit_reaches_final_minutes_only_when_their_text_stays(project):
    assert _build(project).status == 0
    before = (project / PAGE).read_bytes()

    def code_only(nb):
        next(c for c in nb.cells if c.cell_type == "code").source += "\n# a quiet change"

    _edit_template(project, code_only)
    assert "1 built" in _build(project).out
    assert "a quiet change" in (project / "reports/umebra/2022-06-14/minutes.ipynb").read_text()
    assert (project / PAGE).read_bytes() == before

    def new_words(nb):
        nb.cells.append(nbformat.v4.new_markdown_cell("Ett nytt stycke från mallen."))

    published = (project / PAGE).read_bytes()
    _edit_template(project, new_words)
    run = _build(project)
    assert "kept (final minutes) params/umebra/2022-06-14.yaml" in run.out
    assert "changed what they would say" in run.err
    assert (project / PAGE).read_bytes() == published
    again = _build(project)  # held, not tried again, and still said
    assert "0 built, 1 up to date, 1 final minutes kept as published" in again.out
    assert "minutebook build --republish params/umebra/2022-06-14.yaml" in again.err


def test_the_secretarys_own_change_to_final_minutes_needs_a_correction(project):
    assert _build(project).status == 0
    path = project / REFERENCE
    before = (project / PAGE).read_bytes()
    path.write_text(path.read_text("utf-8").replace("Övriga frågor", "Övrigt"), "utf-8")
    run = _build(project)
    assert "Add a corrections: entry (date and what changed) and build again" in run.err
    assert (project / PAGE).read_bytes() == before
    path.write_text(path.read_text("utf-8").replace("Övrigt", "Övriga frågor"), "utf-8")
    correct(path, "Övriga frågor", "Övrigt")
    run = _build(project)
    assert "1 built" in run.out and "Övrigt" in (project / PAGE).read_text("utf-8")

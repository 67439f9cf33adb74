"""Hostile and broken meeting files: each gets its exact lines, exit status 2, nothing
written, and an answer within a second. Each file in tests/adversarial/ is named for what it
tries; the line or lines it must produce are below (after ``params/council/2024-03-12.yaml:``).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from conftest import minutebook
from minutebook.errors import MeetingFileError
from minutebook.meeting.read import load_meeting

HERE = Path(__file__).resolve().parents[1] / "adversarial"
NAME = "params/council/2024-03-12.yaml"

CASES: dict[str, list[str]] = {
    "alias-bomb.yaml": [
        "1:37: more than 10000 values (anchors and aliases expanded)",
    ],
    "alias-wrong-type.yaml": [  # the alias is where the value is used: both are reported
        "2:7: body: expected text, got a list",
        "4:8: place: expected text, got a list",
    ],
    "attachment-javascript.yaml": [
        '7:30: item 1 "Opening", attachment 1 "Click": href: must be an https:// URL or a relative path',
    ],
    "attachment-traversal.yaml": [
        '7:31: item 1 "Opening", attachment 1 "Secret": href: a relative path must stay inside the series folder',
    ],
    "bad-date-month.yaml": [
        "3:7: date: '2024-13-12' is not a date that exists (year-month-day, like 2024-09-10)",
    ],
    "bad-date-text.yaml": [
        "3:7: date: expected a date like 2022-06-14, got the text 'next tuesday'",
    ],
    "bad-kind.yaml": [
        "3:7: kind: expected one of 'notes' or 'protocol', got the text 'minutes'",
    ],
    "bad-role.yaml": [
        "7:23: participant 1 (Ann): role: expected one of 'chair', 'vice_chair', 'secretary', 'adjuster', 'member', 'deputy', 'officer' or 'guest', got the text 'king'",
    ],
    "bad-time.yaml": [
        "6:15: time.start: expected a time like \"13:00\", got the text '25:00'",
    ],
    "bool-tag-maybe.yaml": [
        "5:12: item 1: title: 'maybe' is not a valid !!bool",
    ],
    "control-character.yaml": [
        "5:12: item 1: title: contains the control character U+0007, which cannot be "
        "published; remove it",
    ],
    "custom-tag.yaml": [
        '6:12: item 1 "Opening": notes: the tag !include is not allowed (a text that starts with ! goes in quotes)',
    ],
    "data-absolute.yaml": [
        "6:11: data.x: a relative path must stay inside the series folder",
    ],
    "date-not-file-name.yaml": [
        "3:7: date: 2024-03-13 does not match the file name '2024-03-12.yaml'; rename the file 2024-03-13.yaml",
    ],
    "date-with-time.yaml": [
        "3:7: date: expected a date like 2022-06-14 (without a time), got the text '2024-03-12 18:00'",
    ],
    "deep-nesting.yaml": [
        "5:69: nested more than 60 levels deep",
    ],
    "duplicate-key-in-item.yaml": [
        '6:5: item 1 "Opening": title: duplicate key (first at line 5): remove one of them',
    ],
    "duplicate-key.yaml": [
        "6:1: body: duplicate key (first at line 2): remove one of them",
    ],
    "empty.yaml": [
        "1:1: expected a mapping of meeting keys (series, body, …), got an empty file",
    ],
    "int-tag-text.yaml": [
        "5:12: item 1: title: 'abc' is not a valid !!int",
    ],
    "item-is-text.yaml": [
        "5:5: item 1: expected a mapping (key: value), got the text 'Opening'",
    ],
    "list-at-top.yaml": [
        "1:1: expected a mapping of meeting keys (series, body, …), got a list",
    ],
    "merge-key.yaml": [
        "1:1: base: unknown key (known keys: actions, adjusted_on, adjusters, adjustment, body, corrections, data, date, first_paragraph, items, kept_at, kind, language, links, next_meeting, notice_posted_on, organisation, participants, place, posted_on, recorded_by, series, source, status, time)",
        "6:5: item 1: keys must be plain words (no merge keys << or lists)",
        "6:5: item 1: title: required key is missing",
    ],
    "missing-required.yaml": [
        "1:1: body: required key is missing",
        "1:1: items: required key is missing",
    ],
    "multiple-documents.yaml": [
        "6:1: line 6: a second document starts here (---), but a meeting file holds one "
        "meeting: remove the line, or move the second meeting to a file of its own",
    ],
    "negative-paragraph.yaml": [
        "5:18: first_paragraph: must be at least 1",
    ],
    "no-items.yaml": [
        "4:8: items: needs at least one entry",
    ],
    "not-utf8.yaml": [
        "5:12: not UTF-8 text; save the file as UTF-8",
    ],
    "only-comment.yaml": [
        "1:1: expected a mapping of meeting keys (series, body, …), got an empty file",
    ],
    "python-object-tag.yaml": [
        '6:12: item 1 "Opening": notes: the tag !!python/object/apply:os.system is not allowed (a text that starts with ! goes in quotes)',
    ],
    "scalar-at-top.yaml": [
        "1:1: expected a mapping of meeting keys (series, body, …), got the text 'just some text'",
    ],
    "series-bad-slug.yaml": [
        "1:9: series: expected a short name of lowercase letters, digits and hyphens (like umebra), got the text '../../etc'",
    ],
    "series-not-folder.yaml": [
        "1:9: series: 'board' does not match the folder 'council'; a meeting of 'board' belongs in params/board/",
    ],
    "syntax-bad-indent.yaml": [
        "3:2: date starts in column 2, but body on line 2 above starts in column 1: line them "
        "up, with the same number of spaces before each",
    ],
    "syntax-unclosed-flow.yaml": [
        "6:12: line 6: the [ that opens here is never closed: end it with ]",
    ],
    "tab-indent.yaml": [
        "5:1: a tab character on line 5: indent with spaces",
    ],
    "time-end-before-start.yaml": [
        "6:7: time: end is before start",
    ],
    "time-sexagesimal.yaml": [
        "6:15: time.start: expected a time like \"13:00\", got the text '13:00:00:00'",
    ],
    "unknown-key-item.yaml": [
        "6:5: item 1 \"Opening\": presenter: unknown key (did you mean 'presenters'?)",
    ],
    "unknown-key-participant.yaml": [
        "7:17: participant 1 (Ann): roll: unknown key: the keys are English words: write role",
    ],
    "unknown-key-top.yaml": [
        "6:1: titel: unknown key (did you mean 'time'?)",
    ],
    "wrong-type-body-number.yaml": [
        "2:7: body: expected text, got a number",
    ],
    "wrong-type-items-mapping.yaml": [
        "5:3: items: expected a list of agenda items, got a mapping",
    ],
    "wrong-type-present.yaml": [
        "7:26: participant 1 (Ann): present: expected true or false, got the text 'maybe'",
    ],
    "wrong-type-presenters.yaml": [
        '6:17: item 1 "Opening": presenters: expected a list of names, got a number',
    ],
    "wrong-type-title.yaml": [
        "5:12: item 1: title: expected text, got a list",
    ],
}


def test_there_are_enough_cases():
    assert sorted(p.name for p in HERE.glob("*.yaml")) == sorted(CASES)
    assert len(CASES) >= 30


def place(root: Path, data: bytes) -> Path:
    target = root / NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_gets_its_exact_lines_quickly(tmp_path, case):
    path = place(tmp_path, (HERE / case).read_bytes())
    started = time.perf_counter()
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path, NAME)
    assert time.perf_counter() - started < 1.0
    assert str(caught.value).splitlines() == [f"{NAME}:{line}" for line in CASES[case]]


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_command_exits_2_without_a_traceback_and_writes_nothing(tmp_path, case):
    place(tmp_path, (HERE / case).read_bytes())
    run = minutebook("build", NAME, cwd=tmp_path)
    assert run.status == 2
    assert run.err.splitlines() == [f"{NAME}:{line}" for line in CASES[case]]
    assert "Traceback" not in run.err + run.out
    assert not (tmp_path / "reports").exists()


def test_a_ten_megabyte_file(tmp_path):
    path = place(tmp_path, b"series: council\nnotes: |\n" + b"  " + b"x" * (10 * 1024 * 1024))
    started = time.perf_counter()
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path, NAME)
    assert time.perf_counter() - started < 1.0
    assert str(caught.value) == (
        f"{NAME}:1:1: the file is larger than 1024 KiB; is it a meeting file?"
    )


def test_a_megabyte_of_tiny_values_is_refused_while_reading(tmp_path):
    """The size limit holds while the YAML is composed, not after it is all in memory."""
    import tracemalloc

    values = ", ".join(["1"] * 340_000)
    path = place(
        tmp_path, f"series: council\nbody: B\ndate: 2024-03-12\nitems: [{values}]\n".encode()
    )
    assert path.stat().st_size > 1_000_000
    started = time.perf_counter()
    with pytest.raises(MeetingFileError, match="more than 10000 values"):
        load_meeting(path, NAME)
    # refused early: composing all of it takes many times longer; the bound is loose so
    # that a busy machine (a parallel build, CI's neighbours) does not fail it
    assert time.perf_counter() - started < 5.0
    tracemalloc.start()  # (it slows the run: measured on its own)
    with pytest.raises(MeetingFileError):
        load_meeting(path, NAME)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # the file's own text is 1 MB of it


def test_check_reports_the_other_files_too(tmp_path):
    place(tmp_path, (HERE / "deep-nesting.yaml").read_bytes())
    good = tmp_path / "params/council/2024-03-19.yaml"
    good.write_text("series: council\nbody: B\ndate: 2024-03-19\nitems: [{title: T}]\n")
    run = minutebook("check", cwd=tmp_path)
    assert run.status == 2 and "Traceback" not in run.out + run.err
    assert run.out.splitlines() == [
        f"{NAME}:5:69: nested more than 60 levels deep",
        "2 checked: 1 valid, 1 with errors, 0 warnings",
    ]


def test_a_byte_order_mark_is_fine(tmp_path):
    text = (HERE / "empty.yaml").read_bytes()  # nothing: then a valid meeting after a BOM
    assert text == b""
    path = place(
        tmp_path, b"\xef\xbb\xbfseries: council\nbody: B\ndate: 2024-03-12\nitems: [{title: T}]\n"
    )
    assert load_meeting(path).body == "B"


def test_a_symlinked_meeting_file_is_read_where_it_points(tmp_path):
    """The folder that names the series is the link's, not the target's: a link cannot
    publish a meeting as another series'."""
    elsewhere = tmp_path / "elsewhere" / "board"
    elsewhere.mkdir(parents=True)
    real = elsewhere / "2024-03-12.yaml"
    real.write_text("series: council\nbody: B\ndate: 2024-03-12\nitems: [{title: T}]\n")
    link = tmp_path / NAME
    link.parent.mkdir(parents=True)
    link.symlink_to(real)
    with pytest.raises(MeetingFileError, match="does not match the folder 'board'"):
        load_meeting(link, NAME)
    shutil.rmtree(tmp_path / "elsewhere")

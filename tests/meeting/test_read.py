"""Every problem a secretary can make gets one exact line: file:line:col: field: message."""

from dataclasses import replace
from pathlib import Path
from textwrap import dedent

import pytest

from minutebook.errors import MeetingFileError
from minutebook.meeting.read import MAX_BYTES, load_meeting

GOOD = """\
series: council
body: Town council
date: 2024-03-12
items:
  - title: Opening
"""


def problems(tmp_path: Path, text: str | bytes, name: str = "council/2024-03-12.yaml") -> list[str]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(dedent(text), encoding="utf-8")
    else:
        path.write_bytes(text)
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path, file=name)
    assert caught.value.exit_status == 2
    # each field as its data path, as tools read it (the slips' tests read it as people do)
    return [str(replace(p, where="")) for p in caught.value.problems]


def test_a_good_file_loads(tmp_path):
    path = tmp_path / "council" / "2024-03-12.yaml"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    meeting = load_meeting(path)
    assert meeting.items[0].title == "Opening"
    assert meeting.date.isoformat() == "2024-03-12"


def test_the_reference_meeting_loads():
    root = Path(__file__).resolve().parents[2]
    meeting = load_meeting(root / "params/umebra/2022-06-14.yaml")
    assert len(meeting.items) == 6
    assert next(p for p in meeting.participants if p.name == "Elin Lindqvist").role == "secretary"


def test_yaml_syntax_error(tmp_path):
    assert problems(tmp_path, GOOD + "  - title: [unclosed\n") == [
        "council/2024-03-12.yaml:6:12: line 6: the [ that opens here is never closed: end it with ]"
    ]


def test_missing_required_keys(tmp_path):
    assert problems(tmp_path, "series: council\ndate: 2024-03-12\n") == [
        "council/2024-03-12.yaml:1:1: body: required key is missing",
        "council/2024-03-12.yaml:1:1: items: required key is missing",
    ]


def test_missing_key_in_an_item_points_at_the_item(tmp_path):
    text = GOOD + "  - presenters: [A]\n"
    assert problems(tmp_path, text) == [
        "council/2024-03-12.yaml:6:5: items[1].title: required key is missing"
    ]


def test_wrong_type_as_in_the_format_docs(tmp_path):
    text = GOOD + "  - title: Report\n    presenters: 12\n"
    assert problems(tmp_path, text) == [
        "council/2024-03-12.yaml:7:17: items[1].presenters: expected a list of names, got a number"
    ]


def test_unknown_key_suggests_the_nearest(tmp_path):
    text = GOOD.replace("  - title: Opening", "  - title: Opening\n    presenter: [A]")
    assert problems(tmp_path, text) == [
        "council/2024-03-12.yaml:6:5: items[0].presenter: unknown key (did you mean 'presenters'?)"
    ]


def test_unknown_top_level_key_without_a_near_one_lists_the_known(tmp_path):
    lines = problems(tmp_path, GOOD + "zzz: 1\n")
    assert lines[0].startswith("council/2024-03-12.yaml:6:1: zzz: unknown key (known keys: ")
    assert "participants" in lines[0]


def test_date_must_match_the_file_name(tmp_path):
    assert problems(tmp_path, GOOD.replace("2024-03-12", "2024-03-13")) == [
        "council/2024-03-12.yaml:3:7: date: 2024-03-13 does not match the file name "
        "'2024-03-12.yaml'; rename the file 2024-03-13.yaml"
    ]


def test_series_must_match_the_folder(tmp_path):
    assert problems(tmp_path, GOOD.replace("series: council", "series: board")) == [
        "council/2024-03-12.yaml:1:9: series: 'board' does not match the folder 'council'; "
        "a meeting of 'board' belongs in params/board/"
    ]


def test_every_problem_at_once_in_file_order(tmp_path):
    text = """\
    series: council
    body: Town council
    date: 2024-03-12
    language: fi
    time: {start: "25:00"}
    participants:
      - {name: A, role: boss, present: maybe}
    items:
      - title: A
        confidential: 5
        decisions: [ok, 3]
        actions: [{task: x, due: tomorrow}]
    """
    assert problems(tmp_path, text) == [
        "council/2024-03-12.yaml:4:11: language: expected one of 'sv' or 'en', got the text 'fi'",
        'council/2024-03-12.yaml:5:15: time.start: expected a time like "13:00", '
        "got the text '25:00'",
        "council/2024-03-12.yaml:7:21: participants[0].role: expected one of 'chair', "
        "'vice_chair', 'secretary', 'adjuster', 'member', 'deputy', 'officer' or 'guest', "
        "got the text 'boss'",
        "council/2024-03-12.yaml:7:36: participants[0].present: expected true or false, "
        "got the text 'maybe'",
        "council/2024-03-12.yaml:10:19: items[0].confidential: expected true or a reason such as "
        '"OSL 26:1", got a number',
        "council/2024-03-12.yaml:11:21: items[0].decisions[1]: expected a decision text or "
        "{text: …, reservations: […]}, got a number",
        "council/2024-03-12.yaml:12:30: items[0].actions[0].due: expected a date like "
        "2022-06-14, got the text 'tomorrow'",
    ]


def test_duplicate_keys_are_errors(tmp_path):
    assert problems(tmp_path, GOOD + "body: Again\n") == [
        "council/2024-03-12.yaml:6:1: body: duplicate key (first at line 2): remove one of them"
    ]


def test_python_object_tags_are_refused(tmp_path):
    text = GOOD + "    notes: !!python/object/apply:os.system [echo hi]\n"
    assert problems(tmp_path, text) == [
        "council/2024-03-12.yaml:6:12: items[0].notes: the tag !!python/object/apply:os.system "
        "is not allowed (a text that starts with ! goes in quotes)"
    ]


def test_empty_file(tmp_path):
    assert problems(tmp_path, "") == [
        "council/2024-03-12.yaml:1:1: expected a mapping of meeting keys (series, body, …), "
        "got an empty file"
    ]


def test_a_list_where_the_meeting_belongs(tmp_path):
    assert problems(tmp_path, "- a\n- b\n") == [
        "council/2024-03-12.yaml:1:1: expected a mapping of meeting keys (series, body, …), "
        "got a list"
    ]


def test_not_utf8(tmp_path):
    assert problems(tmp_path, GOOD.encode() + b"  - title: \xe5\n") == [
        "council/2024-03-12.yaml:6:12: not UTF-8 text; save the file as UTF-8"
    ]


def test_too_big(tmp_path):
    assert problems(tmp_path, GOOD + "#" * MAX_BYTES) == [
        "council/2024-03-12.yaml:1:1: the file is larger than 1024 KiB; is it a meeting file?"
    ]


def test_alias_bomb(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    (line,) = problems(tmp_path, bomb)
    assert "more than 10000 values (anchors and aliases expanded)" in line


def test_empty_title(tmp_path):
    assert problems(tmp_path, GOOD.replace("title: Opening", 'title: "  "')) == [
        "council/2024-03-12.yaml:5:12: items[0].title: must not be empty"
    ]


def test_no_items(tmp_path):
    assert problems(
        tmp_path, GOOD.replace("  - title: Opening\n", "").replace("items:", "items: []")
    ) == ["council/2024-03-12.yaml:4:8: items: needs at least one entry"]


def test_attachments_must_be_files_inside_the_series_folder(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    folder = tmp_path / "council"
    folder.mkdir()
    (folder / "agenda.pdf").write_bytes(b"%PDF")
    (folder / "link.pdf").symlink_to(outside)
    text = GOOD + (
        "    attachments:\n"
        "      - {title: Agenda, href: agenda.pdf}\n"
        "      - {title: Missing, href: missing.pdf}\n"
        "      - {title: Escape, href: link.pdf}\n"
        "      - {title: Web, href: 'https://example.org/x.pdf'}\n"
    )
    assert problems(tmp_path, text) == [
        "council/2024-03-12.yaml:8:32: items[0].attachments[1].href: no file 'missing.pdf' "
        "in council/",
        "council/2024-03-12.yaml:9:31: items[0].attachments[2].href: links outside the series "
        "folder (through a symbolic link)",
    ]


def test_a_quoted_date_must_match_the_file_name_too(tmp_path):
    assert problems(tmp_path, GOOD.replace("date: 2024-03-12", 'date: "2024-03-13"')) == [
        "council/2024-03-12.yaml:3:7: date: 2024-03-13 does not match the file name "
        "'2024-03-12.yaml'; rename the file 2024-03-13.yaml"
    ]


def test_columns_count_characters_not_bytes(tmp_path):
    assert problems(
        tmp_path, GOOD.encode() + "  - title: åäö \xe5\n".encode()[:-3] + b"\xe5\n"
    ) == ["council/2024-03-12.yaml:6:16: not UTF-8 text; save the file as UTF-8"]
    assert problems(tmp_path, GOOD + "  - {title: Öl, bad: 1}\n") == [
        "council/2024-03-12.yaml:6:17: items[1].bad: unknown key (known keys: actions, "
        "adjusted_immediately, answered_by, asked_by, attachments, case, confidential, "
        "decisions, dispatch, documents, notes, number, outcome, presenters, proposals, "
        "recommended_to, recused, section, standing, statements, time, title, votes)"
    ]


def test_an_error_in_an_aliased_value_points_at_the_alias(tmp_path):
    text = (
        "series: council\nbody: &b Town council\ndate: 2024-03-12\n"
        "items:\n  - title: *b\n    presenters: *b\n"
    )
    assert problems(tmp_path, text) == [
        "council/2024-03-12.yaml:6:17: items[0].presenters: expected a list of names, got the "
        "text 'Town council': write a list: presenters: [Town council]"
    ]


def test_a_rename_that_would_overwrite_a_meeting_is_never_suggested(tmp_path):
    (tmp_path / "council").mkdir()
    (tmp_path / "council/2024-03-13.yaml").write_text(GOOD.replace("12", "13"), encoding="utf-8")
    assert problems(tmp_path, GOOD.replace("date: 2024-03-12", "date: 2024-03-13")) == [
        "council/2024-03-12.yaml:3:7: date: 2024-03-13 does not match the file name "
        "'2024-03-12.yaml'; 2024-03-13.yaml is another meeting: correct the date"
    ]


def test_attendance_and_present_together_are_an_error(tmp_path):
    text = GOOD.replace(
        "items:", "participants:\n  - {name: A, present: false, attendance: absent}\nitems:"
    )
    assert problems(tmp_path, text) == [
        "council/2024-03-12.yaml:5:5: participants[0]: give attendance or present, not both "
        "(present: false is attendance: absent)"
    ]


def test_an_unquoted_item_number_is_an_error(tmp_path):
    assert problems(
        tmp_path, GOOD.replace("  - title: Opening\n", "  - {title: Opening, number: 3.10}\n")
    ) == [
        'council/2024-03-12.yaml:5:30: items[0].number: expected text in quotes, like "3.10" '
        "(unquoted, 3.10 is the number 3.1), got a number"
    ]


def test_a_document_file_must_exist(tmp_path):
    text = GOOD + "    documents: [{title: Underlag, href: underlag.pdf}]\n"
    assert problems(tmp_path, text) == [
        "council/2024-03-12.yaml:6:41: items[0].documents[0].href: no file 'underlag.pdf' in "
        "council/"
    ]

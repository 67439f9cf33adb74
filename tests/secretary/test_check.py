"""`minutebook check`: every error at once, and every kind of warning."""

from pathlib import Path

from conftest import REFERENCE, minutebook
from minutebook.secretary.check import check_file

MEETING = """\
series: council
body: Council
date: 2024-03-12
participants:
  - {name: Ann Ek, role: chair}
  - {name: Bo Ek, role: secretary}
items:
  - title: Budget
    presenters: [Ann Ek, Anne Ek]
    actions:
      - {task: Report, owner: Bo Ek, due: 2024-04-01}
      - {task: No owner, due: 2024-04-01}
      - {task: No date, owner: Bo Ek}
      - {task: Late, owner: Bo Ek, due: 2024-03-01}
      - {task: Done long ago, owner: Bo Ek, due: 2024-01-01, done: true}
recorded_by: Bo Eck
"""


def write(root: Path, text: str, name: str = "council/2024-03-12.yaml") -> Path:
    path = root / "params" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_warning(tmp_path):
    path = write(tmp_path, MEETING)
    result = check_file(path, "params/council/2024-03-12.yaml")
    assert result.errors == []
    assert result.lines() == [
        "params/council/2024-03-12.yaml:9:26: warning: item 1 \"Budget\": presenters: 'Anne Ek' "
        "is not among the participants (did you mean 'Ann Ek'?)",
        'params/council/2024-03-12.yaml:12:9: warning: item 1 "Budget", action 2: the action '
        "item has no owner: fill in owner",
        'params/council/2024-03-12.yaml:13:9: warning: item 1 "Budget", action 3: the action '
        "item has no due date: fill in due",
        'params/council/2024-03-12.yaml:14:41: warning: item 1 "Budget", action 4: due: '
        "2024-03-01 is before the meeting (2024-03-12)",
        "params/council/2024-03-12.yaml:16:14: warning: recorded_by: 'Bo Eck' is not among the "
        "participants (did you mean 'Bo Ek'?)",
    ]


def test_the_examples_are_clean(project):
    run = minutebook("check", cwd=project)
    assert run.status == 0
    assert run.out.strip() == "2 checked: 2 valid, 0 with errors, 0 warnings"


def test_errors_in_every_file_at_once_exit_2(tmp_path):
    write(tmp_path, MEETING.replace("body: Council\n", ""))
    write(
        tmp_path,
        MEETING.replace("2024-03-12", "2024-04-09").replace("Budget", "[x"),
        "council/2024-04-09.yaml",
    )
    run = minutebook("check", cwd=tmp_path)
    assert run.status == 2
    assert "params/council/2024-03-12.yaml:1:1: body: required key is missing" in run.out
    assert "params/council/2024-04-09.yaml:8:12: line 8: the [ that opens here is never " in run.out
    assert "2 checked: 0 valid, 2 with errors" in run.out
    assert not (tmp_path / "reports").exists()


def test_warnings_alone_exit_0(project):
    path = project / REFERENCE
    path.write_text(
        path.read_text("utf-8").replace(
            "presenters: [Cecilia Ravry]", "presenters: [Cecilia Ravri]"
        ),
        "utf-8",
    )
    run = minutebook("check", REFERENCE, cwd=project)
    assert run.status == 0
    assert (
        "warning: item 4 \"Medborgardialogen om segregation.\": presenters: 'Cecilia Ravri' is "
        "not among the participants" in run.out
    )


def test_notes_on_withheld_names_in_the_users_language(tmp_path, monkeypatch):
    """The replacements shown are the meeting's words; what check says of them, the user's."""
    text = MEETING.replace(
        "{name: Bo Ek, role: secretary}", "{name: Bo Ek, role: secretary, publish_name: false}"
    ).replace("[Ann Ek, Anne Ek]", "[Ann Ek]")
    english = write(tmp_path, text.replace("date: 2024-03-12", "language: en\ndate: 2024-03-12"))
    result = check_file(english, "params/council/2024-03-12.yaml")
    assert [line for line in result.lines() if ": note: " in line] == [
        'params/council/2024-03-12.yaml:12:31: note: item 1 "Budget", action 1: owner: '
        "'Bo Ek' is "
        "published as 'Secretary'",
        'params/council/2024-03-12.yaml:14:32: note: item 1 "Budget", action 3: owner: '
        "'Bo Ek' is "
        "published as 'Secretary'",
        'params/council/2024-03-12.yaml:15:29: note: item 1 "Budget", action 4: owner: '
        "'Bo Ek' is "
        "published as 'Secretary'",
        'params/council/2024-03-12.yaml:16:38: note: item 1 "Budget", action 5: owner: '
        "'Bo Ek' is "
        "published as 'Secretary'",
        # a slip for the same person: still caught by the given name
        "params/council/2024-03-12.yaml:17:14: note: recorded_by: 'Bo' is published as "
        "'The secretary'",
    ]
    swedish = write(tmp_path, text)
    lines = check_file(swedish, "params/council/2024-03-12.yaml").lines()
    assert (
        'params/council/2024-03-12.yaml:11:31: note: item 1 "Budget", action 1: owner: '
        "'Bo Ek' is published as 'Sekreterare'" in lines
    )
    monkeypatch.setenv("LANGUAGE", "sv")
    english = write(tmp_path, text.replace("date: 2024-03-12", "language: en\ndate: 2024-03-12"))
    lines = check_file(english, "params/council/2024-03-12.yaml").lines()
    assert (
        'params/council/2024-03-12.yaml:12:31: notering: punkt 1 "Budget", åtgärd 1: owner: '
        "'Bo Ek' publiceras som 'Secretary'" in lines
    )


SECOND = """\
series: council
body: Council
kind: protocol
date: 2024-03-12
participants:
  - {name: Ann Ek, role: chair}
  - {name: Bo Ek, role: member}
  - {name: Cy Ek, role: secretary}
items:
  - title: Budget
    proposals:
      - {id: A, text: att anta, by: Ann Ek, seconded_by: [Nobody One]}
    recused: [Bo Ek]
    statements: [{by: Nobody Two, text: Noterat.}]
    votes:
      - {yes_for: A, method: roll_call, yes: [Ann Ek, Bo Ek], no: [Nobody Three], result: adopted}
      - {method: show_of_hands, yes: 5, no: 1}
      - {method: roll_call, yes: 1, no: 1}
    decisions: [{text: att anta, reservations: [{name: Nobody Four, text: Nej.}]}]
  - title: Tabled
    outcome: tabled
    decisions: [att bordlägga]
"""


def test_the_warnings_of_the_second_version(tmp_path):
    path = write(tmp_path, SECOND)
    result = check_file(path, "params/council/2024-03-12.yaml")
    assert result.errors == []
    assert [line.split(": warning: ")[1] for line in result.lines()] == [
        "kind: a protocol without adjusters: fill in adjusters: [name, …]",
        "kind: a protocol without adjustment (where and when it is justerat): fill in "
        "adjustment or adjusted_on",
        "item 1 \"Budget\", proposal 1: seconded_by: 'Nobody One' is not among the participants",
        "item 1 \"Budget\", statement 1: by: 'Nobody Two' is not among the participants",
        "item 1 \"Budget\", vote 1: 'Bo Ek' is recused from this item but voted",
        'item 1 "Budget", vote 1: 3 votes, but 2 members are serving',
        "item 1 \"Budget\", vote 1: no: 'Nobody Three' is not among the participants",
        'item 1 "Budget", vote 2: 6 votes, but 2 members are serving',
        'item 1 "Budget", vote 3: a roll call without the names of those who voted',
        "item 1 \"Budget\", decision 1: reservations: 'Nobody Four' is not among the participants",
        'item 2 "Tabled": decisions: the item is tabled, yet has decisions',
    ]


def test_a_planned_meeting_with_decisions_is_a_likely_slip(tmp_path):
    planned = MEETING.replace("date: 2024-03-12\n", "date: 2024-03-12\nstatus: planned\n")
    planned = planned.replace(
        "    actions:\n", "    decisions: [to adopt the budget]\n    actions:\n"
    )
    result = check_file(write(tmp_path, planned), "params/council/2024-03-12.yaml")
    assert (
        'item 1 "Budget": decisions: the meeting is planned, yet the item has decisions: the '
        "kallelse "
        "leaves them out; once the meeting is held, set status: draft"
        in [line.split(": warning: ")[1] for line in result.lines()]
    )


def test_a_planned_meeting_whose_day_has_passed(tmp_path, monkeypatch):
    planned = MEETING.replace("date: 2024-03-12\n", "date: 2024-03-12\nstatus: planned\n")
    path = write(tmp_path, planned)
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2024-03-13")
    found = [line.split(": warning: ")[-1] for line in check_file(path, "x.yaml").lines()]
    assert (
        "status: the meeting was to be held on 2024-03-12: once it has been, set status: draft "
        "(or cancelled, if it was not)" in found
    )
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2024-03-12")
    assert not any("was to be held" in line for line in check_file(path, "x.yaml").lines())


def test_a_text_cut_short_by_a_hash_is_a_likely_slip(tmp_path):
    """``#`` after a space starts a comment: a title "Rapport #2" is "Rapport", a heading on
    the notes' line leaves them empty. Comments written as comments (``# like this``), and
    a ``#`` inside quotes or an address, are left alone."""
    text = (
        "series: council\nbody: Council\ndate: 2024-03-12\n"
        'recorded_by: Bo Ek   # "Noterat av"\n'
        "items:\n  - title: Rapport #2\n    notes: # Bakgrund\n"
        '  - title: "Quoted #3" #ok\n    notes: Ja # en kommentar\n'
        "  - title: Sista\n    notes: Se https://example.org/#a\n"
    )
    result = check_file(write(tmp_path, text), "params/council/2024-03-12.yaml")
    assert [line.split(": warning: ")[1] for line in result.lines()] == [
        'item 1 "Rapport": title: the text stops before #2: after a space, # starts a comment. '
        'If it belongs to the text, put the text in quotes: title: "Rapport #2"',
        'item 1 "Rapport": notes: # Bakgrund on the line of notes: is read as a comment and '
        "left out: write notes: | and the notes, the heading too, on the lines below",
    ]
    assert result.lines()[0].startswith("params/council/2024-03-12.yaml:6:20: ")


def test_a_lone_quote_and_names_nearly_a_participants_are_likely_slips(tmp_path):
    text = MEETING.replace("[Ann Ek, Anne Ek]", "[Ann\u00a0Ek, Bo Eek]").replace(
        "body: Council\n", 'body: Council\nplace: Town hall, Umeå"\n'
    )
    lines = check_file(write(tmp_path, text), "params/council/2024-03-12.yaml").lines()
    found = [line.split(": warning: ")[1] for line in lines]
    assert (
        'place: a lone " is published as it stands: remove it, or put the whole text in quotes: '
        'place: "Town hall, Umeå"' in found
    )
    assert (
        "item 1 \"Budget\": presenters: 'Ann\\xa0Ek' is written with a no-break space (U+00A0, "
        "as Word writes), the participant with an ordinary one: delete the space and type it "
        "again" in found
    )
    assert (
        "item 1 \"Budget\": presenters: 'Bo Eek' is not among the participants (did you "
        "mean 'Bo Ek'?)" in found
    )

"""`minutebook new`: the next meeting from the latest one, as a round trip of the YAML."""

import datetime as dt

import pytest

from conftest import REFERENCE, minutebook
from minutebook.errors import MinutebookError
from minutebook.meeting.read import load_meeting
from minutebook.paths import Project
from minutebook.secretary.check import check_file
from minutebook.secretary.new import SCHEMA_HINT, new_meeting, next_meeting_text


def test_next_meeting_carries_what_belongs_to_the_next_meeting(project):
    path = new_meeting(Project(project), "example-board", dt.date(2024, 4, 9))
    assert path == project / "params/example-board/2024-04-09.yaml"
    meeting = load_meeting(path)  # a valid meeting, ready to fill in
    assert meeting.status == "planned"
    assert meeting.body == "Riverside Library Board" and meeting.language == "en"
    assert meeting.place == "Meeting room 2, Riverside Library"
    assert meeting.time.start == dt.time(18, 30)
    assert all(p.present for p in meeting.participants)  # attendance reset
    assert len(meeting.participants) == 7
    assert [i.title for i in meeting.items] == [
        "Opening of the meeting",
        "Minutes of the previous meeting",
        "Follow-up of actions",
        "Any other business",
    ]
    opening = meeting.items[0]
    assert opening.presenters == ["Amelia Hart"] and opening.notes is None and opening.standing
    assert meeting.items[1].decisions == []
    follow_up = meeting.items[2]
    assert [(a.task, a.owner, a.due) for a in follow_up.actions] == [
        (
            "Publish the new opening hours on the website and in the library",
            "Samuel Reyes",
            dt.date(2024, 3, 29),
        ),
        (
            "Agree a new time for the homework club with its volunteers",
            "Priya Natarajan",
            dt.date(2024, 4, 5),
        ),
        ("Propose how e-book licences are funded from 2025", "Samuel Reyes", dt.date(2024, 6, 11)),
    ]  # the one already done is not carried
    assert meeting.recorded_by == "Hannah Cole"


def test_comments_and_key_order_survive(project):
    previous = (project / REFERENCE).read_text(encoding="utf-8")
    path = new_meeting(Project(project), "umebra", dt.date(2022, 9, 20))
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# {SCHEMA_HINT}"
    # an end-of-line comment spoke of the old value: it goes with it
    assert "# the source shows no date: an assumed one" not in text
    assert "date: 2022-09-20\n" in text
    assert 'recorded_by: Elin Lindqvist   # "Noterat av: Elin Lindqvist, Sekreterare"' in text
    keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    old_keys = [line.split(":")[0] for line in previous.splitlines() if line[:1].isalpha()]
    assert keys == [k for k in old_keys if k not in ("source", "data")]
    assert 'time: {start: "13:00", end: "15:00"}' in text  # quoting and flow style kept
    meeting = load_meeting(path)
    assert meeting.source is None
    assert [i.title for i in meeting.items] == [
        "Föregående mötesanteckningar",
        "Rapport från verksamheterna",
        "Aktuellt Umebrå",
        "Övriga frågor",
    ]
    assert "I hela regionen har anmälda brott" not in text  # last notes are not carried


def test_swedish_follow_up_title(project):
    previous = project / REFERENCE
    text = previous.read_text(encoding="utf-8").replace(
        "    notes: Inga övriga frågor uppkom under mötet\n",
        "    notes: Inga övriga frågor uppkom under mötet\n"
        "    actions: [{task: Kalla till dialog, owner: Umebrå, due: 2022-09-19}]\n",
    )
    previous.write_text(text, encoding="utf-8")
    meeting = load_meeting(new_meeting(Project(project), "umebra", dt.date(2022, 9, 20)))
    follow_up = meeting.items[-2]
    assert follow_up.title == "Uppföljning av åtgärder"
    assert follow_up.actions[0].task == "Kalla till dialog"


def test_never_overwrites(project):
    target = project / REFERENCE
    before = target.read_bytes()
    with pytest.raises(MinutebookError, match="exists already"):
        new_meeting(Project(project), "umebra", dt.date(2022, 6, 14))
    assert target.read_bytes() == before
    run = minutebook("new", "umebra", "--date", "2022-06-14", cwd=project)
    assert run.status == 1 and "exists already" in run.err
    assert target.read_bytes() == before


def test_a_series_without_meetings_gets_a_commented_skeleton(project):
    run = minutebook("new", "valnamnd", "--date", "2025-02-03", cwd=project)
    assert run.status == 0
    path = project / "params/valnamnd/2025-02-03.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# {SCHEMA_HINT}\n")
    assert "series: valnamnd" in text and "date: 2025-02-03" in text
    check = minutebook("check", "params/valnamnd/2025-02-03.yaml", cwd=project)
    assert check.status == 2  # until it is filled in
    assert "params/valnamnd/2025-02-03.yaml:7:1: body: empty: fill in text" in check.out
    assert (
        "params/valnamnd/2025-02-03.yaml:22:12: item 1: notes: fill in the notes, or delete the "
        "line until there are any: it still says 'Write the notes here, in Markdown.', the text "
        "a new file starts with" in check.out
    )


def test_a_first_meeting_leaves_what_the_series_settings_give_to_them(project):
    (project / "params/valnamnd").mkdir(parents=True)
    settings = "body: Valnämnden\nlanguage: en\nkind: protocol\n"
    (project / "params/valnamnd/series.yaml").write_text(settings, encoding="utf-8")
    assert minutebook("new", "valnamnd", "--date", "2025-02-03", cwd=project).status == 0
    text = (project / "params/valnamnd/2025-02-03.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# {SCHEMA_HINT}\n")
    assert "\nlanguage:" not in text and "\nkind:" not in text and "\nbody:" not in text
    assert "organisation:               # e.g." in text  # what the settings leave, to fill in


def test_the_sample_of_a_new_template_is_a_valid_first_meeting(tmp_path):
    from minutebook.secretary.template import sample_text

    folder = tmp_path / "params/kultur"
    folder.mkdir(parents=True)
    (folder / "sample.yaml").write_text(sample_text("kultur", dt.date(2026, 1, 8)), "utf-8")
    meeting = load_meeting(folder / "sample.yaml")  # its name may differ from its date
    assert meeting.series == "kultur" and meeting.status == "draft"
    assert [p.name for p in meeting.participants][:2] == ["Anna Andersson", "Bo Berg"]


def test_bad_series_name(project):
    run = minutebook("new", "../etc", cwd=project)
    assert run.status == 1 and "is not a series name" in run.err
    assert minutebook("new", "umebra", "--date", "14/6", cwd=project).status == 2


def test_without_a_date_new_refuses_off_a_terminal_and_suggests_one(project):
    before = sorted((project / "params/example-board").iterdir())
    run = minutebook("new", "example-board", cwd=project)  # no terminal: never today
    assert run.status == 1
    assert run.err.strip() == (
        "give the new meeting's date: .venv/bin/minutebook new example-board --date "
        "2024-04-09 (the same weekday four weeks after the last meeting)"
    )
    assert sorted((project / "params/example-board").iterdir()) == before
    run = minutebook("new", "example-board", cwd=project, env={"LANGUAGE": "sv"})
    assert run.err.startswith("ange det nya mötets datum: ")


def test_on_a_terminal_new_asks_and_takes_the_suggestion_on_enter(project, monkeypatch):
    from minutebook.secretary.dates import ask_date

    answers = iter(["14/6", ""])  # a slip, then Enter
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
    assert ask_date(Project(project), "example-board") == dt.date(2024, 4, 9)
    assert asked[0] == "Date of the new meeting of example-board [2024-04-09]: "


PREVIOUS = """\
# yaml-language-server: $schema=../../meeting.schema.json
series: ks
body: Kommunstyrelsen
kind: protocol
date: 2024-03-05
status: final  # approved at the meeting of 2024-03-20
participants:
  - {name: Anna Ordf, role: chair}
  - {name: Gus Gäst, role: guest}   # came once, for item 2
  - name: Bo Ledamot
    role: member
    present: no
# the adjusters of this meeting
adjusters: [Bo Ledamot]
adjusted_on: 2024-03-10
# figures from the police, for the section on crime
data:
  brott: brott.csv
recorded_by: Anna Ordf
items:
  - title: Budget
    actions:
      - task: |
          Ring kommunen
          och fråga om budgeten
        owner: Anna Ordf
        due: 2024-04-01
      - {task: Klar sak, owner: Anna Ordf, due: 2024-04-01, done: yes}
      - {task: Inte klar, owner: Bo Ledamot, due: 2024-04-01, done: no}
  - title: Personalärende
    confidential: "OSL 39:3"
    actions:
      - {task: Samtal med MARK-SECRET, owner: Anna Ordf, due: 2024-04-02}
  - title: Ett öppet ärende
    confidential: no
    actions:
      - {task: Öppen sak, owner: Anna Ordf, due: 2024-04-03}
  # always last
  - title: Övriga frågor
    standing: yes
    notes: Inga.
kept_at: Kommunhuset
"""


def test_what_belongs_to_the_last_meeting_stays_with_it(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2024-04-01")  # the new meeting is still to come
    text = next_meeting_text(PREVIOUS, dt.date(2024, 4, 9))
    for gone in (
        "approved at the meeting",  # a comment on a value that changed
        "Gus Gäst",  # a guest
        "came once",
        "adjusters",
        "the adjusters of this meeting",  # a comment above a dropped key
        "adjusted_on",
        "data:",
        "brott.csv",
        "figures from the police",
        "Klar sak",
        "Inga.",
    ):
        assert gone not in text, gone
    assert "status: planned\n" in text
    assert "kept_at: Kommunhuset" in text
    # a task of several lines stays a block
    assert "      - task: |\n          Ring kommunen\n          och fråga om budgeten\n" in text
    path = tmp_path / "params/ks/2024-04-09.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    meeting = load_meeting(path)
    assert meeting.participants[1].present  # reset, "present: no" gone
    assert [(i.title, i.confidential) for i in meeting.items] == [
        ("Uppföljning av åtgärder", False),
        ("Uppföljning av åtgärder", "OSL 39:3"),
        ("Övriga frågor", False),
    ]
    public, secret = meeting.items[0], meeting.items[1]
    assert [a.task for a in public.actions] == [
        "Ring kommunen\noch fråga om budgeten",
        "Inte klar",  # done: no is not done
        "Öppen sak",  # confidential: no is not confidential
    ]
    assert [a.task for a in secret.actions] == ["Samtal med MARK-SECRET"]
    assert "  # always last\n  - title: Övriga frågor" in text
    check = check_file(path, "params/ks/2024-04-09.yaml")
    assert check.errors == []  # warnings at most: the carried actions are overdue
    assert {w.message.split(" is ")[1] for w in check.warnings} == {
        "before the meeting (2024-04-09)"
    }


def test_with_one_standing_item_the_follow_up_comes_before_it():
    text = next_meeting_text(
        PREVIOUS.replace("    standing: yes\n", "    standing: true\n"), dt.date(2024, 4, 9)
    )
    titles = [line for line in text.splitlines() if line.startswith("  - title:")]
    assert titles[-1] == "  - title: Övriga frågor"
    opening = PREVIOUS.replace(
        "items:\n", "items:\n  - title: Mötets öppnande\n    standing: true\n"
    ).replace("    standing: yes\n", "")
    titles = [
        line
        for line in next_meeting_text(opening, dt.date(2024, 4, 9)).splitlines()
        if line.startswith("  - title:")
    ]
    assert titles[0] == "  - title: Mötets öppnande"  # it opened the meeting: it stays first


def test_a_comment_under_a_confidential_last_item_stays_behind():
    previous = PREVIOUS.replace(
        "  # always last\n  - title: Övriga frågor\n    standing: yes\n    notes: Inga.\n", ""
    ).replace(
        "      - {task: Öppen sak, owner: Anna Ordf, due: 2024-04-03}\n",
        "      - {task: Öppen sak, owner: Anna Ordf, due: 2024-04-03}\n"
        "  - title: Sist och hemligt\n    confidential: true\n    notes: x\n"
        "    # MARK-COMMENT about the secret\n# about kept_at\n",
    )
    text = next_meeting_text(previous, dt.date(2024, 4, 9))
    assert "MARK-COMMENT" not in text
    assert "# about kept_at\nkept_at: Kommunhuset" in text


SECOND = """\
series: ks
body: Kommunstyrelsen
kind: protocol
date: 2024-03-05
time: {start: "13:00", breaks: [{start: "14:30", end: "14:45"}]}
participants:
  - {name: Anna Ordf, role: chair, attendance: remote, left: "§ 5"}
links: [{title: Dagordning, href: "https://example.org/a.pdf", kind: agenda}]
adjustment: {place: Kommunhuset, date: 2024-03-12}
next_meeting: {date: 2024-04-16, place: Rådhuset}
actions:
  - {task: Skicka protokollet, owner: Anna Ordf, due: 2024-03-12, done: true}
  - {task: Boka lokal, owner: Anna Ordf, due: 2024-04-01}
items:
  - title: Budget
    section: Beslutsärenden
    number: "12"
    case: KS 2024/0456
    documents: [{title: Tjänsteskrivelse}]
    proposals: [{text: att bordlägga, kind: table, outcome: adopted}]
    outcome: tabled
    notes: Bordlades.
  - title: Detaljplan
    outcome: referred
    case: KS 2024/0100
  - title: Avgjort
    outcome: decided
  - title: Övriga frågor
    standing: true
"""


def test_new_carries_tabled_and_referred_items_open_actions_and_the_next_date(tmp_path):
    folder = tmp_path / "params/ks"
    folder.mkdir(parents=True)
    (folder / "2024-03-05.yaml").write_text(SECOND, encoding="utf-8")
    path = new_meeting(Project(tmp_path), "ks")
    assert path.name == "2024-04-16.yaml"  # the date the last meeting set
    meeting = load_meeting(path)
    assert [(i.title, i.case) for i in meeting.items] == [
        ("Budget", "KS 2024/0456"),
        ("Detaljplan", "KS 2024/0100"),
        ("Övriga frågor", None),
    ]
    budget = meeting.items[0]
    assert (
        budget.section.title == "Beslutsärenden" and budget.documents[0].title == "Tjänsteskrivelse"
    )
    assert (budget.number, budget.outcome, budget.proposals, budget.notes) == (None, None, [], None)
    assert [a.task for a in meeting.actions] == ["Boka lokal"]
    assert meeting.links == [] and meeting.adjustment is None and meeting.next_meeting is None
    assert meeting.time.breaks == [] and meeting.time.start is not None
    person = meeting.participants[0]
    assert (person.status, person.left) == ("present", None)

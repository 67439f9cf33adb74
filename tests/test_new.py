"""`minutebook new`: the next meeting from the latest one, as a round trip of the YAML."""

import datetime as dt

import pytest

from conftest import EXAMPLE, REFERENCE, minutebook
from minutebook.errors import MinutebookError
from minutebook.new import SCHEMA_HINT, new_meeting
from minutebook.params import load_meeting
from minutebook.paths import Project


def test_next_meeting_carries_what_belongs_to_the_next_meeting(project):
    path = new_meeting(Project(project), "example-board", dt.date(2024, 4, 9))
    assert path == project / "params/example-board/2024-04-09.yaml"
    meeting = load_meeting(path)  # a valid meeting, ready to fill in
    assert meeting.status == "draft"
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
    assert "# the source shows no date: an assumed one" in text
    assert 'recorded_by: Elin Lindqvist   # "Noterat av: Elin Lindqvist, Sekreterare"' in text
    keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    old_keys = [line.split(":")[0] for line in previous.splitlines() if line[:1].isalpha()]
    assert keys == [k for k in old_keys if k != "source"]
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
    assert "params/valnamnd/2025-02-03.yaml:6:1: body: expected text, got nothing" in check.out


def test_bad_series_name(project):
    run = minutebook("new", "../etc", cwd=project)
    assert run.status == 1 and "is not a series name" in run.err
    assert minutebook("new", "umebra", "--date", "14/6", cwd=project).status == 2


def test_default_date_is_today(project):
    run = minutebook("new", "example-board", cwd=project)
    assert run.status == 0
    assert (project / f"params/example-board/{dt.date.today().isoformat()}.yaml").is_file()
    assert EXAMPLE in [
        f"params/example-board/{p.name}" for p in (project / "params/example-board").iterdir()
    ]

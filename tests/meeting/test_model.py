import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from minutebook.meeting.model import Decision, Meeting, Participant, json_schema

ROOT = Path(__file__).resolve().parents[2]

EVERY_KEY = {
    "series": "council",
    "body": "Council",
    "organisation": "Town",
    "kind": "protocol",
    "language": "en",
    "date": "2024-01-02",
    "time": {"start": "09:00", "end": "10:30"},
    "place": "Hall",
    "status": "draft",
    "participants": [
        {
            "name": "A",
            "role": "chair",
            "organisation": "X",
            "present": False,
            "publish_name": False,
        }
    ],
    "items": [
        {
            "title": "T",
            "presenters": ["A"],
            "notes": "**n**",
            "decisions": ["att x", {"text": "att y", "reservations": ["A"]}],
            "actions": [{"task": "t", "owner": "A", "due": "2024-02-01", "done": True}],
            "attachments": [{"title": "a", "href": "docs/a.pdf"}],
            "standing": True,
            "confidential": "OSL 26:1",
        }
    ],
    "recorded_by": "A",
    "adjusters": ["A"],
    "adjusted_on": "2024-01-05",
    "first_paragraph": 12,
    "source": "https://example.org/x",
    "corrections": [{"date": "2024-01-10", "text": "fixed"}],
}


def test_every_documented_key_is_accepted():
    meeting = Meeting.model_validate(EVERY_KEY)
    dumped = meeting.model_dump(mode="json")
    assert dumped["items"][0]["decisions"][0] == {"text": "att x", "reservations": []}
    assert dumped["items"][0]["confidential"] == "OSL 26:1"
    assert dumped["time"] == {"start": "09:00:00", "end": "10:30:00"}


def test_defaults_follow_the_format():
    meeting = Meeting.model_validate(
        {"series": "s", "body": "B", "date": "2024-01-02", "items": [{"title": "T"}]}
    )
    assert (meeting.kind, meeting.language, meeting.status) == ("notes", "sv", "final")
    assert meeting.items[0].confidential is False


@pytest.mark.parametrize(
    "href", ["../secret.pdf", "/etc/passwd", "javascript:alert(1)", "http://x/y", "a/../../b"]
)
def test_attachment_links_stay_inside_the_series_or_on_https(href):
    data = {**EVERY_KEY, "items": [{"title": "T", "attachments": [{"title": "a", "href": href}]}]}
    with pytest.raises(ValidationError):
        Meeting.model_validate(data)


def test_a_decision_may_be_plain_text():
    assert Decision.model_validate({"text": "att"}).reservations == []


def test_the_committed_schema_is_current():
    committed = json.loads((ROOT / "meeting.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `make schema` and commit meeting.schema.json"


def test_the_schema_knows_every_key_of_the_example():
    props = json_schema()["properties"]
    assert set(EVERY_KEY) <= set(props)


SECOND = {
    "name": "Bo Vice",
    "role": ["vice_chair", "adjuster"],
    "position": "Kassör",
    "party": "M",
    "organisation": "Org",
    "attendance": "remote",
    "serving": True,
    "serving_for": "(M)",
    "during": "§§ 170, 172–184",
    "joined": "15:30",
    "left": "§ 5",
    "group": "Also attending",
}


def test_every_participant_key_of_the_second_version_round_trips():
    meeting = Meeting.model_validate(
        {
            "series": "s",
            "body": "B",
            "date": "2024-01-02",
            "items": [{"title": "T"}],
            "participants": [SECOND],
        }
    )
    person = meeting.participants[0]
    assert (person.roles, person.status, person.is_serving, person.present) == (
        ["vice_chair", "adjuster"],
        "remote",
        True,
        True,
    )
    dumped = json.loads(meeting.model_dump_json())["participants"][0]
    assert dumped == {**SECOND, "publish_name": True}  # present follows from attendance
    again = Meeting.model_validate_json(meeting.model_dump_json())
    assert again == meeting


def test_a_first_version_participant_dumps_as_it_always_did():
    meeting = Meeting.model_validate(
        {
            "series": "s",
            "body": "B",
            "date": "2024-01-02",
            "items": [{"title": "T"}],
            "participants": [{"name": "A", "role": "chair"}],
        }
    )
    assert json.loads(meeting.model_dump_json())["participants"] == [
        {"name": "A", "role": "chair", "organisation": None, "present": True, "publish_name": True}
    ]


def test_who_serves_by_default():
    def serving(**person: object) -> bool:
        return Participant.model_validate({"name": "X", **person}).is_serving

    assert serving(role="member") and serving(role="chair") and serving(role=["vice_chair"])
    assert not serving(role="deputy") and not serving(role="officer") and not serving()
    assert serving(role="deputy", serving_for="Y") and not serving(role="member", serving=False)


ITEM = {
    "section": {"title": "Beslutsärenden", "notes": "Ärenden för beslut."},
    "number": "3.10",
    "title": "Budget",
    "case": ["KS 2023/0456", "KS 2023/0457"],
    "time": "14:10",
    "documents": [{"title": "Tjänsteskrivelse", "date": "2024-02-20", "href": "ts.pdf"}],
}


def test_every_item_key_of_the_second_version_round_trips():
    meeting = Meeting.model_validate(
        {
            "series": "s",
            "body": "B",
            "date": "2024-01-02",
            "items": [ITEM, {"title": "Nästa", "section": "Övrigt"}],
        }
    )
    dumped = json.loads(meeting.model_dump_json())["items"]
    assert {k: v for k, v in dumped[0].items() if k in ITEM} == {**ITEM, "time": "14:10:00"}
    assert dumped[1]["section"] == {"title": "Övrigt"}
    assert Meeting.model_validate_json(meeting.model_dump_json()) == meeting
    first_version = json.loads(
        Meeting.model_validate(
            {"series": "s", "body": "B", "date": "2024-01-02", "items": [{"title": "T"}]}
        ).model_dump_json()
    )["items"][0]
    assert set(first_version) == {
        "title",
        "presenters",
        "notes",
        "decisions",
        "actions",
        "attachments",
        "standing",
        "confidential",
    }


WHOLE = {
    "series": "s",
    "body": "B",
    "date": "2024-01-02",
    "time": {"start": "13:00", "breaks": [{"start": "14:30", "end": "14:45", "note": "kaffe"}]},
    "links": [{"title": "Inspelning", "href": "https://example.org/rec", "kind": "recording"}],
    "actions": [{"task": "Skicka protokollet", "owner": "Anna", "due": "2024-01-09"}],
    "next_meeting": {"date": "2024-02-06", "time": "18:30", "place": "Rådhuset"},
    "adjustment": {"place": "Kommunhuset", "date": "2024-01-09", "time": "10:00"},
    "items": [
        {
            "title": "Budget",
            "decisions": [
                {
                    "text": "att anta",
                    "reservations": ["Bo", {"name": "Cia", "text": "Jag yrkade avslag."}],
                },
                {"text": "att tacka", "unanimous": True},
            ],
            "recused": ["Dan", {"name": "Eva", "reason": "styrelseledamot i bolaget"}],
            "statements": [{"by": ["Fia", "Gun"], "text": "Vi noterar."}],
            "asked_by": "Hal",
            "answered_by": "Ida",
            "recommended_to": "Kommunfullmäktige",
            "adjusted_immediately": True,
            "outcome": "decided",
            "dispatch": ["Ekonomikontoret"],
        }
    ],
}


def test_the_whole_meeting_and_item_keys_round_trip():
    meeting = Meeting.model_validate(WHOLE)
    assert Meeting.model_validate_json(meeting.model_dump_json()) == meeting
    dumped = json.loads(meeting.model_dump_json())
    for key in ("links", "actions", "next_meeting", "adjustment"):
        assert dumped[key], key
    assert meeting.items[0].decisions[0].dissenters == ["Bo", "Cia"]


def test_a_unanimous_decision_has_no_reservations():
    with pytest.raises(ValidationError, match="a unanimous decision has no reservations"):
        Decision.model_validate({"text": "att", "unanimous": True, "reservations": ["Bo"]})


VOTED = {
    "title": "Budget",
    "proposals": [
        {
            "id": "A",
            "text": "att anta budgeten",
            "by": "Anna",
            "kind": "main",
            "outcome": "adopted",
        },
        {
            "id": "B",
            "text": "att avslå",
            "by": ["Bo", "Cia"],
            "seconded_by": "Dan",
            "kind": "reject",
            "outcome": "rejected",
        },
    ],
    "votes": [
        {
            "question": "Bifall till A eller B?",
            "yes_for": "A",
            "no_for": "B",
            "method": "roll_call",
            "yes": ["Anna", "Eva"],
            "no": ["Bo", "Cia"],
            "abstain": 1,
            "result": "adopted",
            "casting_vote": "Anna",
        }
    ],
}


def meeting_with(item: dict) -> Meeting:
    return Meeting.model_validate(
        {"series": "s", "body": "B", "date": "2024-01-02", "items": [item]}
    )


def test_proposals_and_votes_round_trip():
    meeting = meeting_with(VOTED)
    assert Meeting.model_validate_json(meeting.model_dump_json()) == meeting
    vote = meeting.items[0].votes[0]
    assert (vote.count("yes"), vote.count("no"), vote.count("abstain"), vote.count("absent")) == (
        2,
        2,
        1,
        None,
    )


def test_a_ballot_is_secret():
    item = {**VOTED, "votes": [{**VOTED["votes"][0], "method": "ballot"}]}
    with pytest.raises(ValidationError, match="a ballot is secret: give counts, not names"):
        meeting_with(item)


def test_a_proposal_outcome_must_agree_with_the_last_vote_on_it():
    item = {**VOTED, "proposals": [{**VOTED["proposals"][0], "outcome": "rejected"}]}
    with pytest.raises(
        ValidationError, match="proposal A: outcome 'rejected', but the votes say 'adopted'"
    ):
        meeting_with(item)

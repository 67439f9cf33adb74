"""popolo.json: the meeting, its motions and its votes as civic-tech tools read them."""

from minutebook.meeting.model import Meeting
from minutebook.meeting.popolo import popolo
from minutebook.meeting.redact import public

MEETING = {
    "series": "ks",
    "body": "Kommunstyrelsen",
    "kind": "protocol",
    "date": "2024-03-05",
    "time": {"start": "13:00", "end": "15:30"},
    "place": "Rådhuset",
    "participants": [
        {"name": "Anna Ordf", "role": "chair", "party": "S"},
        {"name": "Bo Led", "role": "member", "party": "M", "attendance": "remote"},
        {"name": "Hemlig Person", "role": "member", "publish_name": False},
    ],
    "items": [
        {
            "title": "Budget",
            "number": "12",
            "proposals": [
                {
                    "id": "A",
                    "text": "att anta",
                    "by": "Anna Ordf",
                    "kind": "main",
                    "outcome": "adopted",
                },
                {
                    "id": "B",
                    "text": "att avslå",
                    "by": ["Bo Led"],
                    "kind": "reject",
                    "outcome": "rejected",
                },
            ],
            "votes": [
                {
                    "yes_for": "A",
                    "no_for": "B",
                    "method": "roll_call",
                    "yes": ["Anna Ordf", "Hemlig Person"],
                    "no": ["Bo Led"],
                    "abstain": 0,
                    "result": "adopted",
                }
            ],
        },
        {"title": "Hemligt", "confidential": True, "proposals": [{"text": "MARK"}]},
    ],
}


def test_event_motions_and_vote_events():
    out = popolo(public(Meeting.model_validate(MEETING)))
    event = out["events"][0]
    assert (event["id"], event["start_date"], event["end_date"], event["location"]) == (
        "ks/2024-03-05",
        "2024-03-05T13:00",
        "2024-03-05T15:30",
        "Rådhuset",
    )
    assert event["name"] == "Protokoll 5 mars 2024 – Kommunstyrelsen"
    assert [a["name"] for a in event["attendees"]] == ["Anna Ordf", "Bo Led", "Namn ej publicerat"]
    assert event["attendees"][1] == {
        "name": "Bo Led",
        "role": ["member"],
        "attendance": "remote",
        "party": "M",
    }
    assert [(m["id"], m["classification"], m["result"]) for m in out["motions"]] == [
        ("ks/2024-03-05/12/A", "main", "pass"),
        ("ks/2024-03-05/12/B", "reject", "fail"),
    ]
    (vote,) = out["vote_events"]
    assert vote["motion_id"] == "ks/2024-03-05/12/A" and vote["result"] == "pass"
    assert vote["counts"] == [
        {"option": "yes", "value": 2},
        {"option": "no", "value": 1},
        {"option": "abstain", "value": 0},
    ]
    assert vote["votes"] == [
        {"voter": {"name": "Anna Ordf"}, "option": "yes", "group": {"name": "S"}},
        {"voter": {"name": "Ledamot"}, "option": "yes"},
        {"voter": {"name": "Bo Led"}, "option": "no", "group": {"name": "M"}},
    ]
    assert "MARK" not in str(out) and "Hemlig Person" not in str(out)

from minutebook.model import Meeting
from minutebook.redact import needs_redaction, public

BASE = {
    "series": "s",
    "body": "B",
    "date": "2024-01-02",
    "language": "sv",
    "participants": [
        {"name": "Anna Hemlig", "role": "member", "publish_name": False},
        {"name": "Per Öppen", "role": "chair"},
        {"name": "Eva Dold", "publish_name": False},
    ],
    "items": [
        {"title": "Open", "presenters": ["Anna Hemlig"], "notes": "Anna Hemlig and Eva Dold spoke"},
        {
            "title": "Secret SECRET-1",
            "notes": "SECRET-2",
            "confidential": "OSL 26:1",
            "decisions": ["SECRET-3"],
            "actions": [{"task": "SECRET-4", "owner": "Per Öppen"}],
        },
        {"title": "Other secret", "confidential": True},
    ],
    "recorded_by": "Anna Hemlig",
}


def test_nothing_to_redact_returns_the_same_meeting():
    meeting = Meeting.model_validate({**BASE, "participants": [], "items": [{"title": "x"}]})
    assert not needs_redaction(meeting) and public(meeting) is meeting


def test_confidential_items_keep_their_place_and_nothing_else():
    out = public(Meeting.model_validate(BASE))
    assert [i.title for i in out.items] == [
        "Open",
        "Sekretessbelagd punkt (OSL 26:1)",
        "Sekretessbelagd punkt",
    ]
    assert "SECRET" not in out.model_dump_json()


def test_withheld_names_become_role_or_notice_everywhere():
    out = public(Meeting.model_validate(BASE))
    dumped = out.model_dump_json()
    assert "Anna Hemlig" not in dumped and "Eva Dold" not in dumped
    assert out.recorded_by == "Ledamot"
    assert out.items[0].presenters == ["Ledamot"]
    assert out.items[0].notes == "Ledamot and namn ej publicerat spoke"
    assert "Per Öppen" in dumped

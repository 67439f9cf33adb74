from minutebook.template.minutes import Fragment, Minutes

MEETING = {
    "series": "board",
    "body": "Board <&>",
    "organisation": "Town",
    "kind": "notes",
    "language": "en",
    "date": "2024-03-12",
    "time": {"start": "18:30:00", "end": "20:15:00"},
    "place": "Room 2",
    "status": "final",
    "participants": [
        {"name": "Ann", "role": "chair", "organisation": None, "present": True},
        {"name": "Bo", "role": None, "organisation": "X", "present": False},
        {"name": "Cy", "role": "secretary", "organisation": None, "present": True},
    ],
    "items": [
        {
            "title": "Budget",
            "presenters": ["Ann"],
            "notes": "Spending <b>on plan</b>.",
            "decisions": [{"text": "to approve", "reservations": ["Bo"]}],
            "actions": [{"task": "Report", "owner": "Cy", "due": "2024-04-01", "done": False}],
            "attachments": [{"title": "Budget.pdf", "href": "files/budget.pdf"}],
            "standing": False,
            "confidential": False,
        }
    ],
    "recorded_by": "Cy",
    "corrections": [{"date": "2024-04-02", "text": "Fixed a name"}],
}


def test_header_has_every_fact_and_escapes():
    header = Minutes(MEETING).header()
    assert "<h1>Board &lt;&amp;&gt;</h1>" in header.html
    assert "<dd>12 March 2024</dd>" in header.html and "<dd>18:30–20:15</dd>" in header.html
    assert "Date: 12 March 2024" in repr(header)


def test_attendance_splits_present_and_absent():
    html = Minutes(MEETING).attendance().html
    present, absent = html.split("<h3>Absent</h3>")
    assert "Ann, chair" in present and "Cy, secretary" in present
    assert "Bo, X" in absent


def test_items_are_numbered_sections_with_everything():
    html = Minutes(MEETING).items().html
    assert '<h2 id="item-1-title"><span class="mb-num">1.</span> Budget</h2>' in html
    assert "Presented by:</span> Ann" in html
    assert "&lt;b&gt;on plan&lt;/b&gt;" in html  # raw HTML in notes is text
    assert "<h3>Decisions</h3>" in html and "Reservation: Bo" in html
    assert "<td>Report</td><td>Cy</td><td>1 April 2024</td><td>Open</td>" in html
    assert '<a href="files/budget.pdf">Budget.pdf</a>' in html


def test_table_layout_puts_presenter_after_notes():
    html = Minutes(MEETING).items(layout="table", numbered=False).html
    assert html.index("Spending") < html.index("Presented by")
    assert "mb-num" not in html


def test_signature_shows_the_role():
    assert repr(Minutes(MEETING).signature()) == "Recorded by: Cy, Secretary"
    sv = Minutes({**MEETING, "language": "sv"}).signature()
    assert repr(sv) == "Noterat av: Cy, Sekreterare"


def test_missing_parts_are_empty_fragments():
    bare = {**MEETING, "participants": [], "recorded_by": None, "corrections": []}
    m = Minutes(bare)
    assert not m.attendance() and not m.signature() and not m.corrections() and not m.source()
    assert isinstance(m.attendance(), Fragment)


def test_draft_is_marked():
    assert "DRAFT" in Minutes({**MEETING, "status": "draft"}).header().html
    assert "DRAFT" not in Minutes(MEETING).header().html


def test_a_meeting_file_can_be_named_instead(tmp_path, monkeypatch):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root / "notebooks")  # where JupyterLab starts a template's kernel
    m = Minutes("params/umebra/2022-06-14.yaml")
    assert m.title.startswith("Mötesanteckningar 14 juni 2022")


def test_a_protocol_numbers_paragraphs_and_is_signed():
    protocol = {
        **MEETING,
        "kind": "protocol",
        "first_paragraph": 7,
        "adjusters": ["Bo"],
        "adjusted_on": "2024-03-20",
        "posted_on": None,
        "kept_at": "Town hall",
    }
    m = Minutes(protocol)
    assert '<span class="mb-num">§ 7</span> Budget' in m.items(numbered=False).html
    signature = repr(m.signature())
    assert signature.splitlines() == ["Approved", "Recorded by: Cy", "Chair: Ann", "Adjuster: Bo"]
    notice = repr(m.notice())
    assert "Notice posted on: 20 March 2024" in notice
    assert "Notice taken down on: 10 April 2024" in notice
    assert "The minutes are kept at: Town hall" in notice


def test_the_same_meeting_as_notes_keeps_the_simple_layout():
    m = Minutes({**MEETING, "kind": "notes", "first_paragraph": 7, "adjusters": ["Bo"]})
    assert "§" not in m.items().html
    assert repr(m.signature()) == "Recorded by: Cy, Secretary"
    assert not m.notice()


def test_pieces_are_plain_html_strings_from_plain_dicts():
    """An analyst may add to a piece's HTML; a hand-made dict needs only the required keys."""
    m = Minutes({"series": "x", "date": "2024-01-02", "body": "B & C", "items": [{"title": "T"}]})
    header = m.header().html
    assert type(header) is str
    assert (header + "<hr>").endswith("<hr>")
    assert "<h1>B &amp; C</h1>" in header and "mb-draft" not in header

import re

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
    assert '<dd><time datetime="2024-03-12">12 March 2024</time></dd>' in header.html
    assert (
        '<dd><span class="mb-nowrap"><time datetime="18:30">18:30</time>–'
        '<time datetime="20:15">20:15</time></span></dd>'
    ) in header.html
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
    # a new action has no status, and no Status column while none is done
    assert (
        '<tr><td data-label="Action">Report</td><td data-label="Owner">Cy</td>'
        '<td data-label="Due"><time datetime="2024-04-01">1 April 2024</time></td></tr>'
    ) in html
    assert '<a href="files/budget.pdf">Budget.pdf</a>' in html


def test_table_layout_puts_the_presenter_under_the_title_beside_the_notes():
    html = Minutes(MEETING).items(layout="table", numbered=False).html
    topic = re.search(r'<div class="mb-topic">(.*?)</div>', html).group(1)
    assert "Budget</h2>" in topic and "Presented by:</span> Ann" in topic
    assert html.index("Presented by") < html.index("Spending")
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


COUNCIL = {
    "series": "ks",
    "body": "Kommunstyrelsen",
    "kind": "protocol",
    "language": "sv",
    "date": "2024-03-05",
    "items": [{"title": "T"}],
    "participants": [
        {"name": "Anna Ordf", "role": "chair", "party": "S"},
        {"name": "Bo Vice", "role": ["vice_chair", "adjuster"], "party": "M", "left": "§ 5"},
        {"name": "Cia Ers", "role": "deputy", "party": "S", "serving_for": "Dan Led"},
        {"name": "Dan Led", "role": "member", "party": "S", "attendance": "excused"},
        {"name": "Eva Ers", "role": "deputy", "party": "C", "joined": "15:30"},
        {"name": "Fia Tjm", "role": "officer", "position": "Kommundirektör"},
        {"name": "Gun Led", "role": "member", "party": "V", "attendance": "absent"},
        {"name": "Hal Sekr", "role": "secretary", "attendance": "remote"},
    ],
}


def undated(html: str) -> str:
    """``html`` without the marks that keep dates and times on one line."""
    html = re.sub(r'<span class="mb-nowrap">(.*?)</span>', r"\1", html)
    return re.sub(r"</?time[^>]*>", "", html)


def attendance_lists(meeting: dict) -> list[tuple[str, list[str]]]:
    html = Minutes(meeting).attendance().html
    return [
        (title, [undated(li) for li in re.findall(r"<li>(.*?)</li>", block)])
        for title, block in re.findall(r"<h3>(.*?)</h3><ul class=\"mb-people\">(.*?)</ul>", html)
    ]


def test_a_protocol_lists_attendance_as_a_swedish_protokoll_does():
    assert attendance_lists(COUNCIL) == [
        (
            "Beslutande",
            [
                "Anna Ordf (S), ordförande",
                "Bo Vice (M), vice ordförande, justerare, lämnar efter § 5",
                "Cia Ers (S), tjänstgörande ersättare för Dan Led",
            ],
        ),
        ("Ej tjänstgörande ersättare", ["Eva Ers (C), ersättare, från kl. 15.30"]),
        (
            "Övriga närvarande",
            ["Fia Tjm, Kommundirektör, tjänsteperson", "Hal Sekr, sekreterare, på distans"],
        ),
        ("Anmält förhinder", ["Dan Led (S), ledamot"]),
        ("Frånvarande", ["Gun Led (V), ledamot"]),
    ]


def test_notes_list_present_their_own_groups_regrets_and_absent_in_english():
    meeting = {
        **COUNCIL,
        "kind": "notes",
        "language": "en",
        "participants": [
            {"name": "Amelia Hart", "role": "chair", "position": "Treasurer"},
            {"name": "Bo Remote", "attendance": "remote", "joined": "3.1"},
            {"name": "Guest Speaker", "group": "Also attending", "organisation": "City"},
            {"name": "Cy Regrets", "attendance": "excused"},
        ],
    }
    assert attendance_lists(meeting) == [
        ("Present", ["Amelia Hart, Treasurer, chair", "Bo Remote, remotely, from 3.1"]),
        ("Also attending", ["Guest Speaker, City"]),
        ("Regrets", ["Cy Regrets"]),
    ]


def test_a_first_version_list_reads_as_it_always_did():
    meeting = {
        **COUNCIL,
        "participants": [{"name": "A", "role": "chair"}, {"name": "B", "present": False}],
    }
    assert attendance_lists(meeting) == [("Närvarande", ["A, ordförande"]), ("Frånvarande", ["B"])]


def test_sections_own_numbers_case_references_times_and_documents():
    meeting = {
        **COUNCIL,
        "participants": [],
        "items": [
            {"title": "Upprop", "section": "Formalia"},
            {
                "title": "Budget 2025",
                "section": {"title": "Beslutsärenden", "notes": "Ärenden för beslut."},
                "number": "12 a",
                "case": "KS 2024/0456",
                "time": "14:10:00",
                "documents": [
                    {"title": "Tjänsteskrivelse", "date": "2024-02-20", "href": "files/ts.pdf"},
                    {"title": "Protokollsutdrag"},
                ],
                "decisions": [{"text": "att anta budgeten"}],
            },
        ],
    }
    html = Minutes(meeting).items().html
    assert re.findall(r"<h(\d)[^>]*>(.*?)</h\1>", html) == [
        ("2", "Formalia"),
        ("3", '<span class="mb-num">§ 1</span> Upprop'),
        ("2", "Beslutsärenden"),
        ("3", '<span class="mb-num">§ 12 a</span> Budget 2025'),
        ("4", "Beslutsunderlag"),
        ("4", "Beslut"),
    ]
    assert "<p>Ärenden för beslut.</p>" in html
    assert '<p class="mb-meta">Dnr KS 2024/0456 · kl. 14.10</p>' in undated(html)
    assert (
        '<li><a href="files/ts.pdf">Tjänsteskrivelse</a>, '
        '<time datetime="2024-02-20">20 februari 2024</time></li>'
    ) in html
    assert "<li>Protokollsutdrag</li>" in html


def test_the_rest_of_an_item_as_a_protokoll_says_it():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "meeting"))
    from test_model import WHOLE

    from minutebook.meeting.model import Meeting

    meeting = Meeting.model_validate({**WHOLE, "kind": "protocol"}).model_dump(mode="json")
    m = Minutes(meeting)
    text = re.sub(r"<[^>]+>", "|", undated(m.items().html))
    for expected in (
        "Frågeställare:| Hal",
        "Svar:| Ida",
        "Dan anmäler jäv och deltar inte i handläggningen av ärendet.",
        "Eva anmäler jäv (styrelseledamot i bolaget) och deltar inte i handläggningen av ärendet.",
        "Förslag till Kommunfullmäktige",
        "Reservation: Bo, Cia",
        "Skriftlig reservation, Cia:| Jag yrkade avslag.",
        "Beslutet är enhälligt.",
        "Paragrafen förklaras omedelbart justerad.",
        "Protokollsanteckningar",
        "Fia, Gun:| Vi noterar.",
        "Expediering:| Ekonomikontoret",
        "Åtgärder",
        "Skicka protokollet",
        "Nästa möte",
        "6 februari 2024 kl. 18.30, Rådhuset",
    ):
        assert expected in text, expected
    header = re.sub(r"<[^>]+>", "|", undated(m.header().html))
    assert "Ajournering||14.30–14.45 (kaffe)" in header
    assert "Justeringens plats och tid||Kommunhuset, 9 januari 2024, kl. 10.00" in header
    assert 'Inspelning: <a href="https://example.org/rec">Inspelning</a>' in m.header().html


def test_a_tabled_item_says_so_in_its_decision():
    meeting = {**COUNCIL, "participants": [], "items": [{"title": "T", "outcome": "tabled"}]}
    assert "Ärendet bordläggs." in Minutes(meeting).items().html


def test_proposals_the_order_of_questions_and_how_each_member_voted():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "meeting"))
    from test_model import VOTED

    from minutebook.meeting.model import Meeting

    data = {
        **COUNCIL,
        "items": [VOTED],
        "participants": [
            {"name": "Anna", "role": "chair", "party": "S"},
            {"name": "Bo", "role": "member", "party": "M"},
        ],
    }
    meeting = Meeting.model_validate(data).model_dump(mode="json")
    html = Minutes(meeting).items().html
    text = re.sub(r"<[^>]+>", "|", html)
    for expected in (
        "Yrkanden",
        "A. Anna (S):| att anta budgeten (huvudyrkande) |Bifalls.",
        "B. Bo (M), Cia:| att avslå (avslag) Instämmer: Dan. |Avslås.",
        "Propositionsordning och omröstning",
        "Bifall till A eller B?",
        "Ja för A, Nej för B · öppen omröstning",
        "Ja 2, Nej 2, Avstår 1",
        "Ja-sidan vann.| Annas utslagsröst avgjorde.",
    ):
        assert expected in text, expected
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", html)
    assert [(name, re.findall(r"<td>(X?)</td>", cells)) for name, cells in rows] == [
        ("Anna (S)", ["X", ""]),
        ("Eva", ["X", ""]),
        ("Bo (M)", ["", "X"]),
        ("Cia", ["", "X"]),
    ]


def test_the_series_settles_who_signs_and_whether_there_is_an_anslagsbevis():
    meeting = {
        **COUNCIL,
        "recorded_by": "Hal Sekr",
        "adjusters": [],
        "settings": {"posting": False, "signatures": ["chair", "vice_chair"]},
    }
    m = Minutes(meeting)
    assert m.notice().html == ""
    signers = re.findall(
        r'<p class="mb-sign-role">(.*?)</p>.*?<p class="mb-sign-name">(.*?)</p>', m.signature().html
    )
    assert signers == [
        ("Vid protokollet", "Hal Sekr"),
        ("Ordförande", "Anna Ordf"),
        ("Vice ordförande", "Bo Vice"),
    ]

"""The examples of the second version of the format: a Swedish kommunstyrelse protokoll and an
English trust board's minutes, built with PDFs, read as their readers would."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import minutebook
from protocol_meetings import pdf_text

pytestmark = pytest.mark.e2e

KS = "reports/kommunstyrelsen/2024-03-12"
TRUST = "reports/trust-board/2024-05-14"


def text_of(root: Path, folder: str) -> str:
    html = (root / folder / "minutes.html").read_text("utf-8")
    main = html[html.index("<main") :]
    # a date or time is part of its sentence
    main = re.sub(r'<span class="mb-nowrap">(.*?)</span>', r"\1", main)
    main = re.sub(r"</?time[^>]*>", "", main)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_every_example_is_clean(examples):
    run = minutebook("check", cwd=examples)
    assert run.status == 0
    # the four meetings, and the archive's settings
    assert run.out.strip() == "5 checked: 5 valid, 0 with errors, 0 warnings"


KS_READS = [
    "Utses att justera Erik Sandberg",
    "Paragrafer §§ 34–38",
    "Justeringens plats och tid Kommunkansliet, 15 mars 2024, kl. 10.00",
    "Ajournering 14.30–14.45 (kaffe)",
    "Beslutande Karin Holm (S), ordförande",
    "Jonas Lund (C), ledamot, lämnar efter § 36",
    "Sara Lindgren (M), tjänstgörande ersättare för Per Nyström",
    "Ej tjänstgörande ersättare Anders Ek (S), ersättare",
    "Övriga närvarande Helena Strand, Kommundirektör, tjänsteperson",
    "Anmält förhinder Per Nyström (M), ledamot",
    "Formalia",
    "§ 34 Val av justerare",
    "Beslutet är enhälligt.",
    "§ 35 Budget 2025 och plan för 2026–2027",
    "Dnr KS 2023/0456 · kl. 13.10",
    "Beslutsunderlag Förslag till budget 2025, 27 februari 2024",
    "A. Karin Holm (S): att bifalla förslaget till budget (huvudyrkande) Instämmer: Lena Berglund.",
    "B. Erik Sandberg (M): att sänka skatten med 10 öre (ändringsyrkande, ändrar A)",
    "Propositionsordning och omröstning",
    "Ja för A, Nej för B · öppen omröstning",
    "Ja 4, Nej 2",
    "Ja-sidan vann.",
    "Förslag till Kommunfullmäktige",
    "Reservation: Erik Sandberg, Sara Lindgren",
    "Skriftlig reservation, Erik Sandberg: Vi reserverar oss",
    "Protokollsanteckningar Maria Öberg: Vi vill se en ökad satsning",
    "Expediering: Kommunfullmäktige, Ekonomiavdelningen",
    "Jonas Lund anmäler jäv (styrelseledamot i exploateringsbolaget) och deltar inte i "
    "handläggningen av ärendet.",
    "Paragrafen förklaras omedelbart justerad.",
    "§ 37 Motion om fler laddstolpar",
    "Ärendet bordläggs.",
    "Informationsärenden",
    "Informationen läggs till handlingarna.",
]


def test_the_protokoll_reads_as_a_swedish_protokoll(examples):
    text = text_of(examples, KS)
    for expected in KS_READS:
        assert expected in text, expected
    table = re.findall(
        r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>",
        (examples / KS / "minutes.html").read_text("utf-8"),
    )
    assert [(name, re.findall(r"<td>(X?)</td>", cells)) for name, cells in table] == [
        ("Karin Holm (S)", ["X", ""]),
        ("Lena Berglund (S)", ["X", ""]),
        ("Jonas Lund (C)", ["X", ""]),
        ("Maria Öberg (V)", ["X", ""]),
        ("Erik Sandberg (M)", ["", "X"]),
        ("Sara Lindgren (M)", ["", "X"]),
    ]


def test_the_protokoll_pdf_says_the_same(examples):
    pdf = pdf_text(examples / KS / "minutes.pdf")
    for expected in (
        "Beslutande",
        "tjänstgörande ersättare för Per Nyström",
        "§ 35 Budget 2025",
        "Dnr KS 2023/0456",
        "Propositionsordning och omröstning",
        "Ja för A, Nej för B",
        "Skriftlig reservation",
        "anmäler jäv",
        "Ärendet bordläggs.",
        "Anslagsbevis",
    ):
        assert expected in pdf, expected


def test_the_board_minutes_read_as_a_boards(examples):
    text = text_of(examples, TRUST)
    for expected in (
        "Agenda: Agenda and papers",
        "Recording: Recording",
        "Present Margaret Okafor, Chair of Trustees, chair",
        "David Chen, Treasurer, member, remotely",
        "Tom Whitaker, member, from 18:20",
        "In attendance Sam Patel, Trust Manager, officer",
        "Regrets Ines Kovač, member",
        "Opening business",
        "1 Welcome and apologies",
        "Reports",
        "3.1 Finance report",
        "3.2 Community garden project",
        "The decision was unanimous.",
        "Action items Action Owner Due Circulate the draft annual report to trustees",
        "Next meeting 9 July 2024 at 18:00, The Old School Room. Annual report for approval.",
    ):
        assert expected in text, expected
    pdf = pdf_text(examples / TRUST / "minutes.pdf")
    for expected in ("3.1 Finance report", "Regrets", "Next meeting", "9 July 2024"):
        assert expected in pdf, expected


def test_the_examples_publish_their_votes_as_open_data(examples):
    data = json.loads((examples / KS / "popolo.json").read_text("utf-8"))
    (vote,) = data["vote_events"]
    assert vote["result"] == "pass" and vote["counts"][:2] == [
        {"option": "yes", "value": 4},
        {"option": "no", "value": 2},
    ]
    meeting = json.loads((examples / KS / "meeting.json").read_text("utf-8"))
    assert meeting["items"][1]["case"] == "KS 2023/0456"


def test_the_search_index_holds_the_case_references(examples):
    from protocol_meetings import published_bytes

    indexed = [
        path
        for path, data in published_bytes(examples)
        if "_search" in path.parts and b"KS 2023/0456" in data
    ]
    assert indexed, "a search for the case reference would find nothing"

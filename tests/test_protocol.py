"""Formal protokoll and confidential content: § numbers, justering, anslagsbevis, and a
public version from which nothing confidential can leak."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import Run, correct, make_project, minutebook, publish_drafts
from protocol_meetings import FEBRUARY, HEAD, MARKERS, pdf_text, published_bytes

pytestmark = pytest.mark.e2e


def page(root: Path, date: str, where: str = "reports") -> str:
    return (root / where / "ks" / date / "minutes.html").read_text(encoding="utf-8")


def headings(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>|\s+", " ", h).strip().replace("  ", " ")
        for h in re.findall(r"<h2 id=\"(?:item-|p)[\w.-]+-title\">(.*?)</h2>", html)
    ]


def test_paragraphs_run_on_through_the_year_and_restart_in_a_new_one(council):
    assert headings(page(council, "2024-02-01")) == [
        "§ 1 Val av justerare",
        "§ 2 Budget 2024",
        "§ 3 Övriga frågor",
    ]
    assert headings(page(council, "2024-03-05")) == [
        "§ 4 Sekretessbelagd punkt (OSL 19:3)",
        "§ 5 Information om bredband",
        "§ 6 Sekretessbelagd punkt",
    ]
    assert headings(page(council, "2025-01-15")) == ["§ 1 Årets första ärende"]
    # the anslag of the justering goes up on the day of justering, in the JSON as on the page
    published = json.loads((council / "reports/ks/2024-02-01/meeting.json").read_text("utf-8"))
    assert published["adjusted_on"] == published["posted_on"] == "2024-02-12"
    # each § is cited by its number: #p5, with a link to copy beside its heading
    html = page(council, "2024-03-05")
    assert '<section class="mb-item" id="p5" aria-labelledby="p5-title">' in html
    assert '<a class="mb-permalink" href="#p5" aria-label="Länk till § 5"></a>' in html


def test_justering_and_anslagsbevis(council):
    html = re.sub(r"<[^>]+>", " ", page(council, "2024-02-01"))
    text = re.sub(r"\s+", " ", html)
    for expected in (
        "Justeras",
        "Vid protokollet Cecilia Sekr",
        "Ordförande Anna Ordf",
        "Justerare Bertil Just",
        "Justeringsdatum: 12 februari 2024",
        "Anslagsbevis",
        "Organ Kommunstyrelsen",
        "Sammanträdesdatum 1 februari 2024",
        "Datum då anslaget sätts upp 12 februari 2024",
        "Datum då anslaget tas ned 4 mars 2024",
        "Förvaringsplats för protokollet Kommunledningskontoret, Kommunhuset",
        "Beslut",
        "Reservation: Anna Ordf",
    ):
        assert expected in text, expected
    pdf = pdf_text(council / "reports/ks/2024-02-01/minutes.pdf")
    for expected in (
        "§ 1",
        "Justeras",
        "Vid protokollet",
        "Anslagsbevis",
        "Datum då anslaget tas ned",
        "4 mars 2024",
    ):
        assert expected in pdf, expected
    not_yet = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page(council, "2025-01-15")))
    assert "Justeringsdatum: ännu inte justerat" in not_yet


def test_nothing_confidential_reaches_any_published_byte(council):
    found = published_bytes(council)
    leaks = [(str(path), m) for path, data in found for m in MARKERS if m.encode() in data]
    assert leaks == []
    # the same search does see public text inside the search index, PDF, JSON and notebook
    seen = {
        path.parts[-3] if "_search" in path.parts else path.suffix
        for path, data in found
        if b"utbyggnaden" in data
    }
    assert {"sv", ".pdf", ".html", ".json", ".ipynb"} <= seen
    # and the public version says what it left out
    public = page(council, "2024-03-05")
    assert "Sekretessbelagd punkt (OSL 19:3)" in public
    assert "En ledamot redogjorde för utbyggnaden." in public
    assert "Noterat av" not in public and "Vid protokollet" in public


def test_the_internal_version_has_everything_and_says_so(council):
    internal = council / "internal/ks/2024-03-05"
    html = (internal / "minutes.html").read_text(encoding="utf-8")
    pdf = pdf_text(internal / "minutes.pdf")
    for marker in MARKERS:
        assert marker in html or marker == "MARK-FILE", marker
    assert 'href="files/anbud-MARK-FILE.pdf"' in html
    assert (internal / "files/anbud-MARK-FILE.pdf").is_file()
    for marker in ("MARK-TITLE", "MARK-NOTES", "MARK-TASK", "Markörsdotter"):
        assert marker in pdf, marker
    assert "Internt – innehåller uppgifter som inte publiceras" in html
    pages = [p.extract_text() for p in PdfReader(internal / "minutes.pdf").pages]
    assert all("INTERNT ·" in p for p in pages)
    assert "internal" not in {p.name for p in (council / "reports").iterdir()}


def test_no_internal_version_without_confidential_content(council, tmp_path):
    assert sorted(p.name for p in (council / "internal").iterdir()) == ["ks"]  # not umebra
    # a withheld name alone makes one; once nothing is withheld, it goes
    root = make_project(tmp_path)
    (root / "params/ks").mkdir()
    path = root / "params/ks/2024-02-01.yaml"
    path.write_text(FEBRUARY, encoding="utf-8")
    assert minutebook("build", "--no-pdf", "--series", "ks", cwd=root).status == 0
    assert (root / "internal/ks/2024-02-01/minutes.html").is_file()
    correct(path, ", publish_name: false", "")
    assert minutebook("build", "--no-pdf", "--series", "ks", cwd=root).status == 0
    assert not (root / "internal/ks/2024-02-01").exists()


def _january_added_after_february(root: Path, february: str) -> Run:
    """Build February's protocol, then add a January meeting; the second build's run."""
    (root / "params/ks").mkdir(exist_ok=True)
    (root / "params/ks/2024-02-01.yaml").write_text(february, encoding="utf-8")
    assert minutebook("build", "--no-pdf", "--series", "ks", cwd=root).status == 0
    (root / "params/ks/2024-01-10.yaml").write_text(
        HEAD.format(date="2024-01-10") + "items:\n  - title: A\n  - title: B\n", "utf-8"
    )
    return minutebook("build", "--no-pdf", "--series", "ks", cwd=root)


def test_an_earlier_meeting_added_later_renumbers_the_year(council, tmp_path):
    root = make_project(tmp_path)
    draft = FEBRUARY.replace("status: final", "status: draft")
    publish_drafts(root, "ks")
    assert "2 built, 0 up to date" in _january_added_after_february(root, draft).out
    assert headings(page(root, "2024-02-01"))[0] == "§ 3 Val av justerare"
    # an explicit first_paragraph wins
    path = root / "params/ks/2024-02-01.yaml"
    path.write_text(
        path.read_text("utf-8").replace("adjusted_on:", "first_paragraph: 10\nadjusted_on:"),
        "utf-8",
    )
    assert minutebook("build", "--no-pdf", "--series", "ks", cwd=root).status == 0
    assert headings(page(root, "2024-02-01"))[0] == "§ 10 Val av justerare"


def test_an_earlier_meeting_added_later_does_not_renumber_final_minutes(council, tmp_path):
    root = make_project(tmp_path)
    run = _january_added_after_february(root, FEBRUARY)
    assert "kept (final minutes) params/ks/2024-02-01.yaml" in run.out
    assert "1 built, 0 up to date, 1 final minutes kept as published" in run.out
    assert "minutebook build --republish params/ks/2024-02-01.yaml" in run.err
    assert headings(page(root, "2024-02-01"))[0] == "§ 1 Val av justerare"

"""Every word the outputs add is in the meeting's language: drafts, corrections, labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REFERENCE, minutebook
from minutebook.meeting.labels import LABELS

pytestmark = pytest.mark.e2e


def text_of(html: str) -> str:
    html = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def own_words(language: str) -> set[str]:
    """Label texts of one language that the other language words differently."""
    other = "en" if language == "sv" else "sv"
    return {
        part
        for texts in LABELS.values()
        if texts[language].casefold() != texts[other].casefold()
        for part in re.split(r"\{\w+\}", texts[language])
        if len(part.strip()) > 3
    }


@pytest.mark.parametrize(
    "page,language",
    [
        ("example-board/2024-03-12/minutes.html", "en"),
        ("example-board/2023-10-10/minutes.html", "en"),
        ("example-board/index.html", "en"),
        ("umebra/2022-06-14/minutes.html", "sv"),
        ("umebra/2022-09-20/minutes.html", "sv"),
        ("umebra/index.html", "sv"),
    ],
)
def test_no_label_of_the_other_language(archive, page, language):
    text = text_of((archive / "reports" / page).read_text(encoding="utf-8"))
    other = "en" if language == "sv" else "sv"
    found = [
        w for w in own_words(other) if re.search(rf"(?<!\w){re.escape(w.strip())}(?!\w)", text)
    ]
    assert found == []


def pdf_pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(path).pages]


def test_a_draft_is_marked_on_every_page_and_a_final_nowhere(archive):
    reports = archive / "reports"
    draft = (reports / "umebra/2022-09-20/minutes.html").read_text(encoding="utf-8")
    assert "UTKAST – mötesanteckningarna är inte fastställda." in text_of(draft)
    pages = pdf_pages(reports / "umebra/2022-09-20/minutes.pdf")
    assert len(pages) > 1 and all("UTKAST ·" in page for page in pages)
    final = (reports / "umebra/2022-06-14/minutes.html").read_text(encoding="utf-8")
    assert not re.search("utkast", text_of(final), re.I)
    assert not any(
        re.search("utkast", page, re.I)
        for page in pdf_pages(reports / "umebra/2022-06-14/minutes.pdf")
    )


def test_corrections_are_logged_with_dates(project):
    path = project / REFERENCE
    path.write_text(
        path.read_text("utf-8") + "corrections:\n"
        "  - {date: 2022-06-20, text: Stavningen av Maria Svanströms namn rättad.}\n"
        "  - {date: 2022-07-01, text: Punkt 4 kompletterad med principerna.}\n",
        "utf-8",
    )
    assert minutebook("build", "--no-pdf", REFERENCE, cwd=project).status == 0
    html = (project / "reports/umebra/2022-06-14/minutes.html").read_text(encoding="utf-8")
    text = text_of(html)
    assert "Rättelser" in text
    assert "20 juni 2022 : Stavningen av Maria Svanströms namn rättad." in text
    assert '<time datetime="2022-07-01">1 juli 2022</time>' in html
    assert html.index("Rättelser") > html.index("Noterat av")  # at the end of the minutes

"""Names and notes in other scripts: marked in the HTML, set and embedded in the PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from minutebook.meeting.markdown import render
from minutebook.meeting.scripts import isolate, language

MEETING = "reports/world/2024-06-11"

# Everything the fixture writes in another script, as it must come out of the PDF.
NAMES = [
    "Antonín Dvořák-Núñez",
    "Shinya Takami (高見真也)",
    "Λένα Παππά",
    "Олена Коваль",
    "ليلى حداد",
    "عبد الله الأحمد",
    "נועה כהן",
    "王秀英",
    "김민준",
    "Zoë Ångström",
]
NOTES = [
    "Καλημέρα από τη Θεσσαλονίκη.",
    "Привіт із Харкова.",
    "سلام من عمان شكرا لكم على الدعوة",
    "שלום מחיפה",
    "札幌からこんにちは。",
    "来自成都的问候。",
    "부산에서 인사드립니다.",
    "The exchange of 2025 goes to 札幌, hosted by 王秀英 and 김민준.",
]
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("高見真也", "und-Hani"),
        ("たなか さん", "ja"),
        ("高見 まや", "ja"),
        ("김민준", "ko"),
        ("Λένα Παππά", "und-Grek"),
        ("Олена Коваль", "und-Cyrl"),
        ("ليلى حداد", "und-Arab"),
        ("נועה כהן", "und-Hebr"),
    ],
)
def test_a_run_gets_the_tag_of_its_script(text, tag):
    assert isolate(text) == f'<bdi lang="{tag}">{text}</bdi>'
    assert language(text) == tag


def test_only_the_text_between_tags_is_marked():
    html = '<p title="高見"><a href="/x">Shinya Takami (高見真也)</a> och Åsa</p>'
    assert isolate(html) == (
        '<p title="高見"><a href="/x">Shinya Takami (<bdi lang="und-Hani">高見真也</bdi>)</a>'
        " och Åsa</p>"
    )


def test_latin_text_and_raw_elements_are_left_as_they_are():
    latin = "<p>Åsa Öberg, Dvořák, Núñez, Ørsted, Łukasz</p>"
    assert isolate(latin) is latin
    raw = "<title>高見</title><style>q::before{content:'高'}</style><svg><text>高</text></svg>"
    assert isolate(raw) == raw


def test_marking_twice_changes_nothing():
    once = isolate("<p>ليلى حداد (S) och 高見真也</p>")
    assert isolate(once) == once
    assert once.count("<bdi") == 2


def test_a_run_spans_the_spaces_between_its_words_but_not_latin():
    assert isolate("ليلى حداد (S)") == '<bdi lang="und-Arab">ليلى حداد</bdi> (S)'


def test_a_note_paragraph_in_arabic_reads_from_the_right():
    html = render("سلام من عمان\n\nAnna sa: سلام\n\n- שלום\n- hej")
    assert '<p dir="rtl">سلام من عمان</p>' in html
    assert "<p>Anna sa: سلام</p>" in html
    assert '<li dir="rtl">שלום</li>' in html and "<li>hej</li>" in html


@pytest.fixture(scope="module")
def page(every_script: Path) -> str:
    return (every_script / MEETING / "minutes.html").read_text(encoding="utf-8")


def test_names_in_the_page_carry_their_script(page):
    assert 'Shinya Takami (<bdi lang="und-Hani">高見真也</bdi>)' in page
    assert '<bdi lang="und-Arab">عبد الله الأحمد</bdi> (S)' in page
    assert '<bdi lang="ko">김민준</bdi>' in page
    assert '<p dir="rtl"><bdi lang="und-Arab">سلام من عمان' in page


def test_the_font_stack_names_a_font_for_every_script(page):
    for font in ("Liberation Sans", "Noto Naskh Arabic", "WenQuanYi Micro Hei", "Noto Sans CJK"):
        assert f'"{font}' in page, font


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pdf_text(every_script: Path) -> str:
    text = _run("pdftotext", str(every_script / MEETING / "minutes.pdf"), "-")
    # pdftotext marks right-to-left runs with embedding controls and places the space
    # next to them by its own reckoning; the letters are what must be right.
    return re.sub(r"\s+", " ", BIDI_CONTROLS.sub(" ", text))


@pytest.mark.parametrize("text", NAMES + NOTES)
def test_every_script_comes_out_of_the_pdf_letter_for_letter(pdf_text, text):
    assert re.sub(r"\s+", " ", text) in pdf_text


def test_every_font_in_the_pdf_is_embedded_as_a_font(every_script):
    listing = _run("pdffonts", str(every_script / MEETING / "minutes.pdf")).splitlines()[2:]
    fonts = {line.split()[0].split("+")[-1]: line.split() for line in listing}
    assert {"LiberationSans", "NotoNaskhArabic-Regular", "WenQuanYiMicroHei"} <= set(fonts)
    for name, columns in fonts.items():
        # name, type…, encoding, emb, sub, uni: embedded, subset, with a text mapping
        assert columns[-5:-2] == ["yes", "yes", "yes"], name
        assert "Type 3" not in " ".join(columns), name

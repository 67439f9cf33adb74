"""The printed minutes, read page by page from the PDF's text: a heading is never the last
thing on a page, and no page holds only a heading or only the signature block."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

PRINTED = [
    ("examples", "reports/umebra/2022-06-14/minutes.pdf"),  # the reference
    ("examples", "reports/kommunstyrelsen/2024-03-12/minutes.pdf"),  # the protokoll example
    ("examples", "reports/trust-board/2024-05-14/minutes.pdf"),
    ("examples", "reports/example-board/2024-03-12/minutes.pdf"),
    ("stress", "reports/stress-sv/2024-09-30/minutes.pdf"),
    ("stress", "internal/stress-sv/2024-09-30/minutes.pdf"),
    ("stress", "reports/stress-en/2024-09-30/minutes.pdf"),
]


FOOTER = re.compile(r"(Sida|Page) \d+ (av|of) \d+$")


def words(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def headings(page: str) -> set[str]:
    return {words(h) for h in re.findall(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]>", page, re.S)}


def signature(page: str) -> str:
    """The first words of the signature: "Noterat av:", or the justering's heading."""
    found = re.search(r'<(p|section)\b[^>]*class="mb-(signature|adjustment)".*?</\1>', page, re.S)
    assert found, "the minutes have a signature"
    return words(found.group(0))


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, one space between words, without the running footer."""
    out = []
    for page in PdfReader(pdf).pages:
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        out.append(" ".join(line for line in lines if line and not FOOTER.search(line)))
    return out


@pytest.mark.parametrize(("fixture", "pdf"), PRINTED)
def test_no_page_ends_in_a_heading_or_holds_only_a_signature(fixture, pdf, request):
    root = request.getfixturevalue(fixture)
    page = (root / pdf).with_suffix(".html").read_text(encoding="utf-8")
    titles, signed = headings(page), signature(page)
    texts = page_texts(root / pdf)
    assert len(texts) > 1  # else there is nothing to test
    for number, text in enumerate(texts, 1):
        assert text, f"page {number} is empty"
        ending = [t for t in titles if text.endswith(t)]
        assert number == len(texts) or not ending, f"page {number} ends in a heading: {ending}"
        assert text not in titles, f"page {number} holds only a heading: {text!r}"
    # the signature starts on a page after the lines before it, never at a page's top
    start = signed[:20]
    first = next(n for n, text in enumerate(texts) if start in text)
    assert texts[first].index(start) > 0, f"page {first + 1} starts with the signature"

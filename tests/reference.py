"""The reference minutes (text extracted from Umeå's published PDF) as ordered text blocks.

The extraction keeps the PDF's table layout: a blank line (or a run of spaces) separates
cells and paragraphs, single line breaks are the PDF's own wrapping. Each block is one run of
words that must appear, in this order, in the minutes we print.
"""

from __future__ import annotations

import re
from pathlib import Path

FILE = Path(__file__).resolve().parent / "fixtures" / "umebra-motesanteckningar.txt"
# Printed by the browser that made the reference PDF, not part of the minutes: the page's
# title as a running head, and its address as a running foot.
PRINT_HEADER = "Mötesanteckningar - Umeå kommun (umea.se)"
SOURCE_URL = (
    "https://www.umea.se/kommunochpolitik/organisation/radgivandeorgan/"
    "umebrabrottsochdrogforebygganderadet/motesanteckningar.4.27a2de8b172da059ace2e9b.html"
)
ARTEFACTS = (PRINT_HEADER, SOURCE_URL)
PRESENTERS = (
    "Hans Lindberg",
    "Michael Rystedt",
    "Eva Norlin, Maria Svanström",
    "Cecilia Ravry",
    "Umebrå kansli",
)


def normalise(text: str) -> str:
    """One space between words, whatever the line breaks."""
    return re.sub(r"\s+", " ", text).strip()


def blocks() -> list[str]:
    text = FILE.read_text(encoding="utf-8")
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [line for line in paragraph.splitlines() if line.strip() not in ARTEFACTS]
        # a list item starts a block of its own; its marker is ours to draw, not text
        cells = re.split(r"\n(?=\s*(?:\d+\.|-) )", "\n".join(lines))
        for cell in (c for part in cells for c in re.split(r" {2,}", part)):
            cell = re.sub(r"^(\d+\.|-) ", "", normalise(cell))
            if cell:
                out.append(cell)
    return out


def missing_in_order(found: str, anywhere: tuple[str, ...] = ()) -> list[str]:
    """The blocks not found in ``found`` in reference order (empty when all are there).

    Blocks in ``anywhere`` need only be present: a presenter stands under its item's title,
    where the reference has a third column after the notes.
    """
    haystack = normalise(found)
    at, missing = 0, []
    for block in blocks():
        if block in anywhere:
            if block not in haystack:
                missing.append(block)
            continue
        where = haystack.find(block, at)
        if where < 0:
            missing.append(block)
        else:
            at = where + len(block)
    return missing

"""What keeps a page within a phone's width: a wide table scrolls in a region of its own.

At 320 CSS px (WCAG 2.1, 1.4.10 Reflow) the page itself must never scroll sideways. Text
wraps (the stylesheet breaks even a long compound word or address anywhere), and a table
of few columns narrows with it; a table of many columns — a secretary's six-column table,
an analyst's data table — keeps its words whole instead and scrolls inside a region that a
keyboard can reach and a screen reader names. Tables that stack on a phone (``mb-stack``:
the action list, the archive's) need no region.
"""

from __future__ import annotations

import html as html_module
import re

from ..meeting.markdown import escape

# From this many columns a table scrolls rather than break its words at 320 px.
WIDE = 4

_TABLE = re.compile(r"<table\b([^>]*)>.*?</table>", re.S)
_FIRST_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[hd]\b")
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)
_TAG = re.compile(r"<[^>]+>")


def scroll_tables(page: str, label: str) -> str:
    """``page`` with each wide table in a focusable region named by its caption, or ``label``.

    ``page`` is HTML made by minutebook or sanitised by it, so its tables are whole
    elements, never nested in one another.
    """

    def wrap(match: re.Match[str]) -> str:
        table = match.group(0)
        if "mb-stack" in match.group(1):
            return table
        row = _FIRST_ROW.search(table)
        if not row or len(_CELL.findall(row.group(1))) < WIDE:
            return table
        caption = _CAPTION.search(table)
        text = caption and " ".join(html_module.unescape(_TAG.sub(" ", caption.group(1))).split())
        name = text or label
        # attributes in the order the built page's serialiser writes them
        return (
            f'<div aria-label="{escape(name)}" class="mb-scroll" role="region" tabindex="0">'
            f"{table}</div>"
        )

    return _TABLE.sub(wrap, page)

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

_TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.S)
_FIRST_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.S)
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)
_CLASS = re.compile(r'\bclass="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def _text(html: str) -> str:
    return " ".join(html_module.unescape(_TAG.sub(" ", html)).split())


def scroll_tables(page: str, label: str) -> str:
    """``page`` with each wide table in a focusable region a screen reader can name.

    The region is named by the table's caption, else by ``label`` and the table's column
    heads ("Tabell: Ledamot, Ja, Nej, Avstår"), numbered where two would share a name:
    each region is a landmark, and landmarks are told apart by their names. ``page`` is
    HTML made by minutebook or sanitised by it; a table inside another (which only an
    analyst's own HTML can hold) is left as it is.
    """
    names: dict[str, int] = {}

    def wrap(match: re.Match[str]) -> str:
        """The table in its region, or as it was."""
        table, inside = match.group(0), match.group(2)
        classes = _CLASS.search(match.group(1))
        if "<table" in inside or (classes and "mb-stack" in classes.group(1).split()):
            return table
        row = _FIRST_ROW.search(inside)
        cells = _CELL.findall(row.group(1)) if row else []
        if len(cells) < WIDE:
            return table
        caption = _CAPTION.search(inside)
        name = _text(caption.group(1)) if caption else ""
        if not name:
            heads = ", ".join(t for t in (_text(c) for c in cells) if t)
            name = f"{label}: {heads}" if heads else label
        names[name] = names.get(name, 0) + 1
        if names[name] > 1:
            name = f"{name} ({names[name]})"
        # attributes in the order the built page's serialiser writes them
        return (
            f'<div aria-label="{escape(name)}" class="mb-scroll" role="region" tabindex="0">'
            f"{table}</div>"
        )

    return _TABLE.sub(wrap, page)

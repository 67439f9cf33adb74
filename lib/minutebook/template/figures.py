"""Data sections for templates: tables and charts that are accessible and print well.

:class:`~minutebook.nb.Minutes` exposes these as ``m.data(name)``, ``m.table(df, caption=…)``
and ``m.chart(fig, alt=…)``, so that numbers come out in the meeting's language — a space
between thousands and a decimal comma in Swedish (``12 345,6``), commas and a point in
English (``12,345.6``). pandas and matplotlib are imported only when a template uses them:
a kernel without a data section starts no faster for their being installed.
"""

from __future__ import annotations

import hashlib
import io
import math
import numbers
import re
from html import escape
from typing import Any

from ..meeting.labels import Language

NBSP, MINUS = "\u00a0", "\u2212"


def number(value: Any, language: Language, decimals: int | None = None) -> str:
    """A number as the meeting's language writes it; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return "" if value is None else str(value)
    if isinstance(value, float) and math.isnan(value):
        return ""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{abs(value):,.{decimals}f}"
    if language == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return (MINUS if value < 0 else "") + text


def percent(value: Any, language: Language, decimals: int = 1) -> str:
    """A percentage: ``−10,9 %`` in Swedish, ``−10.9%`` in English."""
    text = number(value, language, decimals)
    if not text:
        return ""
    return f"{text}{NBSP}%" if language == "sv" else f"{text}%"


def _numeric_class(column: Any) -> str:
    return ' class="mb-number"' if getattr(column.dtype, "kind", "") in "iuf" else ""


def table_html(
    frame: Any,
    caption: str,
    language: Language,
    *,
    row_headers: bool = True,
    formats: dict[str, Any] | None = None,
) -> str:
    """An HTML table with a caption and header cells, its numbers in ``language``.

    Args:
        frame: a pandas DataFrame; its column names become the header row.
        caption: what the table shows (read first by screen readers).
        language: the meeting's language.
        row_headers: the first column names each row (``<th scope="row">``).
        formats: per column, a function from value to text (e.g. a percentage).
    """
    formats = formats or {}
    head = "".join(
        f'<th scope="col"{_numeric_class(frame[c])}>{escape(str(c))}</th>' for c in frame.columns
    )
    rows = []
    for values in frame.itertuples(index=False):
        cells = []
        for position, (column, value) in enumerate(zip(frame.columns, values, strict=True)):
            fmt = formats.get(column)
            text = fmt(value) if fmt else number(value, language)
            numeric = isinstance(value, numbers.Real) and not isinstance(value, bool)
            css = ' class="mb-number"' if numeric else ""
            if position == 0 and row_headers:
                cells.append(f'<th scope="row"{css}>{escape(text)}</th>')
            else:
                cells.append(f"<td{css}>{escape(text)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table class="mb-data"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def chart_svg(fig: Any, alt: str, caption: str = "") -> str:
    """A matplotlib figure as inline SVG, described by ``alt`` for those who cannot see it.

    A ``caption`` stands above the chart, as a table's does, and prints on its page.

    Text stays text (selectable, searchable, sharp in print), and ids are derived from the
    description, so the same chart gives the same bytes and two charts never share an id.
    """
    import matplotlib

    salt = hashlib.sha256(alt.encode()).hexdigest()[:12]
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # no XML prolog or DOCTYPE inside HTML
    title_id = f"chart-{salt}"
    svg = re.sub(
        r"<svg\b([^>]*)>",
        lambda m: (
            f'<svg{m.group(1)} role="img" aria-labelledby="{title_id}">'
            f'<title id="{title_id}">{escape(alt)}</title>'
        ),
        svg,
        count=1,
    )
    shown = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="mb-figure">{shown}{svg}</figure>'

"""Text whose dates and times stay whole on a line, in the page and in print.

"30 / september / 2022" wrapped onto three lines of a narrow column reads badly. Joining
its words with no-break spaces would change the text that search, screen readers and PDF
extraction see, so the page marks a date or time as ``<time>`` (``white-space: nowrap`` in
the stylesheet) instead, and the text stays as written.

A :class:`Phrase` is that text twice: as a ``str`` it is the plain text (for search, the
notebook's plain-text output, messages), and its ``__html__`` is the markup, which the
minutes' macros print as it is (see :func:`minutebook.template.pieces.compact_environment`).
Anything a phrase is built from that is not a phrase — a place, a note — is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from string import Formatter
from typing import Any

from markupsafe import Markup

from ..meeting.labels import Language, long_date
from ..meeting.markdown import escape


class Phrase(str):
    """Plain text that knows its HTML: dates and times in it marked to stay whole."""

    _html: str

    def __new__(cls, text: str, html: str) -> Phrase:
        """``text`` as a string, ``html`` its markup (escaped already)."""
        self = super().__new__(cls, text)
        self._html = html
        return self

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        """Copied or pickled (a date in an analyst's DataFrame), a phrase keeps its HTML."""
        return str(self), self._html

    def __html__(self) -> Markup:
        """The markup, which Jinja and MarkupSafe print as it is."""
        return Markup(self._html)


def html_of(value: Any) -> str:
    """The HTML of ``value``: a phrase's (or Markup's) own, anything else escaped."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return escape("" if value is None else str(value))


def when(text: str, machine: str) -> Phrase:
    """A date or time as written (``14 juni 2022``, ``13.00``), ``machine`` its ISO form."""
    return Phrase(text, f'<time datetime="{escape(machine)}">{escape(text)}</time>')


def dated(day: dt.date | str, language: Language) -> Phrase:
    """A date as running text writes it (``14 juni 2022``), kept whole."""
    iso = day if isinstance(day, str) else day.isoformat()
    return when(long_date(day, language), iso)


def unbroken(phrase: Phrase) -> Phrase:
    """``phrase`` kept on one line: a span of times ("13.00–15.00"), "kl. 14.30"."""
    return Phrase(str(phrase), f'<span class="mb-nowrap">{html_of(phrase)}</span>')


def join(separator: str, parts: Iterable[Any]) -> Phrase:
    """``separator.join(parts)`` of the parts that are not empty, each part's HTML kept."""
    shown = [p for p in parts if p]
    return Phrase(
        separator.join(str(p) for p in shown), escape(separator).join(html_of(p) for p in shown)
    )


def fill(pattern: str, **values: Any) -> Phrase:
    """``pattern.format(**values)`` (a label: ``kl. {time}``), each value's HTML kept.

    The pattern's fields are plain names, as the labels write them: no format specs.
    """
    html = []
    for literal, field, _, _ in Formatter().parse(pattern):
        html.append(escape(literal))
        if field is not None:
            html.append(html_of(values[field]))
    return Phrase(pattern.format(**values), "".join(html))

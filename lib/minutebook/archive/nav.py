"""Navigation between meetings, filled into each published minutes page.

Added by the archive rather than by the meeting's build: a meeting's previous and next
depend on the other meetings, and keeping them out of the build keeps each meeting's outputs
a function of its own inputs. The minutes page carries an empty ``<!--mb-nav-->`` slot that
this step fills in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from html import escape
from itertools import groupby
from typing import Any

from ..build import publish
from ..paths import AGENDA_HTML
from ..template.pieces import compact_environment
from .entries import Entry

NAV = re.compile(r"<!--mb-nav-->.*?<!--/mb-nav-->", re.S)


@cache
def macros() -> Any:
    """The navigation's template, compiled once a process."""
    return compact_environment("archive", escape).get_template("nav.html.j2").module


def nav(entry: Entry, previous: Entry | None, following: Entry | None) -> str:
    """The links at the top of a minutes page: the archive, the series, its neighbours."""
    return str(macros().nav(entry, previous, following))


def fill_nav(html: str, links: str) -> str:
    """The page with its navigation slot holding ``links`` (empty: the page as built)."""
    return NAV.sub(lambda _: f"<!--mb-nav-->{links}<!--/mb-nav-->", html, count=1)


def link_pages(entries: Sequence[Entry]) -> None:
    """Fill each minutes page's navigation slot (rewriting only pages that change)."""
    for _, group in groupby(entries, key=lambda e: e.series):
        series = list(group)
        for i, entry in enumerate(series):
            publish.clean(entry.folder)  # what a killed run of this left
            links = nav(
                entry, series[i - 1] if i else None, series[i + 1] if i + 1 < len(series) else None
            )
            # its page, and the kallelse kept beside the minutes
            for name in (entry.page, *([AGENDA_HTML] if entry.kallelse else [])):
                page = entry.folder / name
                try:
                    html = page.read_text(encoding="utf-8")
                except OSError:
                    continue
                linked = fill_nav(html, links)
                if linked != html:
                    publish.write_atomic(page, linked.encode("utf-8"))

"""What the search indexes: a record per item (§) of each published page, and one for the rest.

Readers ask "what was decided about X", so a hit is an item — its heading, its anchor on the
page, its decision — not a whole meeting that mentions X somewhere. Each record is cut
from the published page itself (the public version, redactions applied), so the search can
find nothing the page does not show. The rest of the page (its header, attendance, an
analyst's tables) is one more record that links to the page's top.

Each record becomes a small page for Pagefind with the facts a result shows and filters on
(body, date, kind, status, case) in its metadata. Its text is the item's words spaced as
they read ("Datum: 14 mars 2024", not "Datum14 mars 2024") with the ends of long words
after it: Pagefind matches the start of a word only, and Swedish joins words
("kamerabevakning"), so each word of eight letters or more is indexed again from each
later letter that leaves five or more ("bevakning" finds it). The reader never sees those
ends: the excerpt is cut before :data:`TAIL`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..build.record import minutes_main
from ..meeting import labels
from ..meeting.labels import NOT_HELD
from ..meeting.numbering import cited

if TYPE_CHECKING:
    from ..meeting.model import Meeting
    from .entries import Entry

TAIL = "¶¶"  # where a record's own words end and the indexed ends of long words begin
LONG_WORD = 8  # a word this long may be a compound
SHORTEST_END = 5  # the shortest end of a compound indexed on its own
SHORTEST_START = 3  # … and the shortest start cut from it
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Record:
    """One search hit: an item of a page, or the rest of the page."""

    link: str  # relative to reports/, with the item's anchor
    title: str
    text: str
    decision: str = ""
    cases: tuple[str, ...] = ()
    facts: dict[str, str] = field(default_factory=dict)  # shown: body, when, kind, draft
    filters: dict[str, str] = field(default_factory=dict)  # body, year, kind, status
    date: str = ""
    order: int = 0  # its place on the page: the meeting's top is 0, its items from 1


def compound_ends(text: str) -> list[str]:
    """The ends of the long words of ``text`` that Pagefind should find them by, in order.

    ``kamerabevakning`` → ``merabevakning``, ``erabevakning``, …, ``kning``: a search
    matches the start of a word, so a part inside a compound is found through its end.
    """
    seen: set[str] = set()
    out: list[str] = []
    for word in WORD.findall(text.casefold()):
        if len(word) < LONG_WORD or word in seen:
            continue
        seen.add(word)
        out.extend(word[i:] for i in range(SHORTEST_START, len(word) - SHORTEST_END + 1))
    return out


def _text(element: object) -> str:
    """An element's words as they read: each piece apart, a term before its description."""
    import lxml.html

    assert isinstance(element, lxml.html.HtmlElement)
    for term in element.iter("dt"):
        words = (term.text_content() or "").strip()
        if words and not words.endswith(":"):
            term.append(lxml.html.fromstring("<span>:</span>"))
    return " ".join(" ".join(element.itertext()).split()).replace(" :", ":")


def page_records(entry: Entry, page: str) -> Iterator[Record]:
    """The records of ``entry``'s published ``page`` (its HTML)."""
    main = minutes_main(page)  # what the minutes say, as their text digest reads it
    meeting = entry.meeting
    language = entry.language
    document = labels.document(meeting.kind, meeting.status)
    status = "" if meeting.status in NOT_HELD else meeting.status
    facts = {
        "body": meeting.body,
        "when": entry.long_date,
        "kind": entry.kind,
        "draft": labels.label("draft_tag", language) if entry.draft else "",
    }
    filters = {"body": entry.series, "year": entry.date[:4], "kind": document}
    if status:
        filters["status"] = status
    cases = item_cases(meeting)
    items = [s for s in main.iter("section") if "mb-item" in s.classes and s.get("id")]
    records = []
    for n, section in enumerate(items, start=1):
        heading = next(section.iter("h2", "h3", "h4"), None)
        title = ""
        if heading is not None:
            title = _text(heading)
            heading.drop_tree()  # the title is the record's own, not its text's start
        decision = " ".join(_text(d) for d in section.find_class("mb-decisions"))
        records.append(
            Record(
                link=f"{entry.html}#{section.get('id')}",
                title=title,
                text=_text(section),
                decision=decision,
                cases=cases.get(section.get("id", ""), ()),
                facts=facts,
                filters=filters,
                date=entry.date,
                order=n,
            )
        )
        section.drop_tree()
    # the rest of the page (its header, attendance, tables) first: it is the meeting's top
    yield Record(
        link=entry.html,
        title=entry.title,
        text=_text(main),
        facts=facts,
        filters=filters,
        date=entry.date,
    )
    yield from records


def item_cases(meeting: Meeting) -> dict[str, tuple[str, ...]]:
    """Each item's case references (diarienummer), by the item's anchor on the page."""
    out = {}
    for (_, anchor), item in zip(cited(meeting), meeting.items, strict=True):
        out[anchor] = tuple(item.case_refs)
    return out


def record_page(record: Record, language: str) -> str:
    """The page Pagefind indexes for ``record``: its text, then the ends of its long words."""
    e = html.escape
    when, order = e(record.date), min(record.order, 9999)
    head = [
        f'<meta data-pagefind-meta="link[content]" content="{e(record.link)}">',
        f'<meta data-pagefind-meta="title[content]" content="{e(record.title)}">',
        f'<meta data-pagefind-meta="date[content]" content="{e(record.date)}">',
        # newest meeting first (descending) but its items in order, and the other way round
        f'<meta data-pagefind-sort="newest[content]" content="{when}-{9999 - order:04}">',
        f'<meta data-pagefind-sort="oldest[content]" content="{when}-{order:04}">',
    ]
    if record.decision:
        meta = f'<meta data-pagefind-meta="decision[content]" content="{e(record.decision)}">'
        head.append(meta)
    for key, value in record.facts.items():
        if value:
            head.append(f'<meta data-pagefind-meta="{key}[content]" content="{e(value)}">')
    for key, value in record.filters.items():
        head.append(f'<meta data-pagefind-filter="{key}[content]" content="{e(value)}">')
    for case in record.cases:
        head.append(f'<meta data-pagefind-filter="case[content]" content="{e(case)}">')
    ends = " ".join(compound_ends(f"{record.title} {record.text}"))
    return (
        f'<!DOCTYPE html><html lang="{e(language)}"><head><meta charset="utf-8">'
        f"<title>{e(record.title)}</title>{''.join(head)}</head><body><main data-pagefind-body>"
        f"<h1>{e(record.title)}</h1><p>{e(record.text)}</p><p>{TAIL} {e(ends)}</p>"
        "</main></body></html>"
    )

"""The archive for machines: ``index.json`` and the Atom feeds, one per body and one for all.

An entry is dated by the meeting, never by the build: ``published`` is when the meeting
was held (when its kallelse went up, for a meeting still to come), ``updated`` the last day
its content changed as the file records it — justering, posting, a correction. A rebuild,
``--force`` or not, leaves every date as it was, so a reader is not told of news that is
none. Ids are tag URIs from the archive's base URL, which no other installation shares (a
name-based UUID of the organisation and the meeting without one). Links are absolute when
the base URL is set, as feed readers need them; the build warns when it is not.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from .. import __version__
from ..meeting import labels
from ..meeting.numbering import item_numbers
from ..paths import FEED, INDEX
from ..site import Site
from .entries import Entry

FEED_SIZE = 50
FORMAT_VERSION = "2"  # of index.json: 2 added licence and format_version
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def index_json(entries: Sequence[Entry], site: Site) -> bytes:
    """``index.json``: every meeting with its URLs (relative to the archive's root)."""
    meetings = [
        {
            "series": e.series,
            "date": e.date,
            "body": e.meeting.body,
            "organisation": e.meeting.organisation,
            "kind": e.meeting.kind,
            "language": e.language,
            "status": e.meeting.status,
            "title": e.title,
            "html": e.html,
            "pdf": e.pdf,
            "json": e.json,
            "built": e.built,
        }
        for e in sorted(entries, key=lambda e: (e.order, e.series), reverse=True)
    ]
    data = {**site.about(FORMAT_VERSION), "meetings": meetings}
    return json.dumps(data, indent=2, ensure_ascii=False).encode()


def published(e: Entry, site: Site) -> dt.datetime:
    """When the entry's document came out: the meeting, or the kallelse of one to come."""
    meeting = e.meeting
    if meeting.status in labels.NOT_HELD:
        day = dt.date.fromisoformat(e.notice) if e.notice else meeting.notice_posted_on
        if day is not None:
            return dt.datetime.combine(day, dt.time(), site.zone)
    start = meeting.time.start if meeting.time and meeting.time.start else dt.time()
    return dt.datetime.combine(meeting.date, start, site.zone)


def updated(e: Entry, site: Site) -> dt.datetime:
    """The last day the meeting's content changed, as its file records it."""
    meeting = e.meeting
    days = [meeting.adjusted_on, meeting.posted_on, *(c.date for c in meeting.corrections)]
    later = [dt.datetime.combine(d, dt.time(), site.zone) for d in days if d is not None]
    return max([published(e, site), *later])


def entry_id(e: Entry, site: Site) -> str:
    """An id no other archive's entry has: a tag URI from the base URL, else a UUID."""
    if site.url:
        parts = urlsplit(site.url)
        return f"tag:{parts.hostname},{e.date}:{parts.path}{e.series}/{e.slug}"
    who = e.meeting.organisation or e.meeting.body
    return uuid.uuid5(uuid.NAMESPACE_URL, f"minutebook:{who}:{e.series}/{e.slug}").urn


def summary(e: Entry) -> str:
    """What was decided, item by item; the agenda when nothing was (yet)."""
    numbers = item_numbers(e.meeting)
    decided = [
        f"{number} {item.title}: " + "; ".join(d.text for d in item.decisions)
        for number, item in zip(numbers, e.meeting.items, strict=True)
        if item.decisions
    ]
    if decided:
        return "\n".join(decided)
    return "\n".join(f"{n} {i.title}" for n, i in zip(numbers, e.meeting.items, strict=True))


def feed_xml(
    entries: Sequence[Entry],
    language: labels.Language,
    site: Site,
    *,
    title: str | None = None,
    path: str = FEED,
) -> bytes:
    """An Atom feed of ``entries`` (newest first), published at ``path`` in ``reports/``.

    Built as an lxml tree, which cannot be serialised ill-formed: a character XML cannot
    carry is refused (``ValueError``) rather than published in a feed no reader can parse.
    (feedgen, made for this, drops the ``rel`` and ``type`` of an entry's links.)
    """
    from lxml import etree

    here = posixpath.dirname(path)

    def href(target: str) -> str:
        return site.absolute(target) if site.url else posixpath.relpath(target, here or ".")

    def add(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
        element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    dated = [(published(e, site), updated(e, site), e) for e in entries]
    newest = sorted(dated, key=lambda d: d[0], reverse=True)[:FEED_SIZE]
    feed = etree.Element(f"{{{ATOM}}}feed", {XML_LANG: language}, nsmap={None: ATOM})
    add(feed, "title", title or labels.label("archive", language))
    who = site.publisher or next((e.meeting.organisation or e.meeting.body for e in entries), "")
    feed_id = site.url and site.absolute(path)
    feed_id = feed_id or uuid.uuid5(uuid.NAMESPACE_URL, f"minutebook:{who}:{path}").urn
    add(feed, "id", feed_id)
    last = max((changed for _, changed, _ in newest), default=None)
    add(feed, "updated", (last or dt.datetime(1970, 1, 1, tzinfo=dt.UTC)).isoformat())
    add(feed, "link", rel="self", type="application/atom+xml", href=href(path))
    add(feed, "link", rel="alternate", type="text/html", href=href(posixpath.join(here, INDEX)))
    add(feed, "rights", f"{site.licence} {site.licence_link}".strip())
    add(feed, "generator", "minutebook", version=__version__)
    for when, changed, e in newest:
        entry = add(feed, "entry")
        entry.set(XML_LANG, e.language)
        shown = e.title if not e.draft else f"{e.title} ({e.label('draft')})"
        add(entry, "title", shown)
        add(entry, "id", entry_id(e, site))
        add(entry, "published", when.isoformat())
        add(entry, "updated", changed.isoformat())
        add(entry, "link", rel="alternate", type="text/html", href=href(e.html))
        if e.pdf:
            add(entry, "link", rel="enclosure", type="application/pdf", href=href(e.pdf))
        add(entry, "link", rel="describedby", type="application/json", href=href(e.json))
        add(add(entry, "author"), "name", e.meeting.body)
        add(entry, "category", term=e.document, label=e.kind)
        add(entry, "summary", summary(e))
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True))

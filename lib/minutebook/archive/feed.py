"""The archive for machines: ``index.json`` and the Atom feed of the newest minutes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..meeting import labels
from ..paths import FEED, INDEX
from ..settings import settings
from .entries import Entry

FEED_SIZE = 20
EPOCH = "1970-01-01T00:00:00+00:00"


def index_json(entries: Sequence[Entry]) -> bytes:
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
        for e in sorted(entries, key=lambda e: (e.date, e.series), reverse=True)
    ]
    return json.dumps(
        {"generator": f"minutebook {__version__}", "meetings": meetings},
        indent=2,
        ensure_ascii=False,
    ).encode("utf-8")


def feed_xml(entries: Sequence[Entry], language: labels.Language) -> bytes:
    """An Atom feed of the newest minutes (links relative to the feed, or to a base URL).

    Built as an lxml tree, which cannot be serialised ill-formed: a character XML cannot
    carry is refused (``ValueError``) rather than published in a feed no reader can parse.
    (feedgen, made for this, drops the ``rel`` and ``type`` of an entry's links.)
    """
    from lxml import etree

    atom = "http://www.w3.org/2005/Atom"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    newest = sorted(entries, key=lambda e: (e.date, e.built), reverse=True)[:FEED_SIZE]
    base = settings().base_url

    def add(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
        element = etree.SubElement(parent, f"{{{atom}}}{tag}", attributes)
        element.text = text
        return element

    feed = etree.Element(f"{{{atom}}}feed", {lang: language}, nsmap={None: atom})
    if base:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base)
    add(feed, "title", labels.label("archive", language))
    add(feed, "id", "urn:minutebook:archive")
    add(feed, "updated", max((e.built for e in newest if e.built), default=EPOCH))
    add(feed, "link", rel="self", href=FEED)
    add(feed, "link", rel="alternate", type="text/html", href=INDEX)
    add(feed, "generator", "minutebook", version=__version__)
    for e in newest:
        entry = add(feed, "entry")
        add(entry, "title", e.title)
        add(entry, "id", f"urn:minutebook:{e.series}:{e.date}")
        add(entry, "updated", e.built or f"{e.date}T00:00:00+00:00")
        add(entry, "link", rel="alternate", type="text/html", href=e.html)
        if e.pdf:
            add(entry, "link", rel="enclosure", type="application/pdf", href=e.pdf)
        add(add(entry, "author"), "name", e.meeting.body)
        summary = add(entry, "summary", "; ".join(i.title for i in e.meeting.items))
        summary.set(lang, e.language)
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True))

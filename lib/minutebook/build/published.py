"""``meeting.json`` as published: the meeting, and how to cite each item and reuse the file.

The meeting file's keys say what happened; a reader of the JSON also needs what the page
shows and the archive promises: each item's number as the minutes show it (``§ 35``), its
anchor on the page, an id that stays the same across rebuilds and versions of minutebook
(``kommunstyrelsen/2024-03-12/p35``) and its URL — and, for the file as a whole, its
format's version and the licence it is published under. :class:`PublishedMeeting` is the
meeting model with those fields added, so the published file has a JSON Schema generated
like the meeting file's, and reads back (the archive reads it) into a
:class:`~minutebook.meeting.model.Meeting` that every stage already knows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field

from .. import __version__
from ..meeting.items import Item
from ..meeting.model import Meeting
from ..meeting.numbering import cited

FORMAT_VERSION = "2"  # 1: the meeting's keys only, no licence, no item ids
POPOLO_VERSION = "2"  # popolo.json's own keys beside Popolo's: 1 had none


class PublishedItem(Item):
    """An item as ``meeting.json`` publishes it: with how to cite it."""

    shown_number: str = Field(
        default="", description='its number as the minutes show it: "§ 35", "3", "3.10"'
    )
    anchor: str = Field(default="", description='its fragment on the page: "p35", "item-3"')
    uid: str = Field(
        default="",
        description="stable across rebuilds: series/meeting/anchor, "
        '"kommunstyrelsen/2024-03-12/p35"',
    )
    url: str = Field(
        default="", description="the item on its page: absolute with the site's base URL"
    )


class PublishedMeeting(Meeting):
    """``meeting.json``: the meeting (its public version) and what a reuser needs to know."""

    items: list[PublishedItem] = Field(  # type: ignore[assignment]
        min_length=1, description="the agenda, in order: each item with how to cite it"
    )
    generator: str | None = Field(default=None, description="the minutebook that wrote it")
    format_version: str | None = Field(
        default=None, description=f'"{FORMAT_VERSION}"; absent in files of version 1'
    )
    licence: str | None = Field(default=None, description="SPDX id of the terms of reuse")
    licence_url: str | None = Field(default=None, description="where the licence is written")


def published(meeting: Meeting, folder: str, page: str, site: dict[str, str]) -> PublishedMeeting:
    """``meeting`` with its items' numbers, anchors, ids and URLs, and the file's licence.

    ``folder`` is the meeting's below ``reports/`` (``kommunstyrelsen/2024-03-12``), ``page``
    the page its items are on.
    """
    base = site.get("url") or ""
    items: list[dict[str, Any]] = []
    for item, (number, anchor) in zip(meeting.items, cited(meeting), strict=True):
        items.append(
            {
                **item.model_dump(),
                "shown_number": number,
                "anchor": anchor,
                "uid": f"{folder}/{anchor}",
                "url": f"{base}{folder}/{page}#{anchor}",
            }
        )
    data = {**meeting.model_dump(), "items": items, **file_about(site, FORMAT_VERSION)}
    return PublishedMeeting.model_validate(data)


def file_about(site: dict[str, str], format_version: str) -> dict[str, Any]:
    """What a published data file says of itself: its maker, format and licence."""
    return {
        "generator": f"minutebook {__version__}",
        "format_version": format_version,
        "licence": site.get("licence"),
        "licence_url": site.get("licence_url"),
    }


def meeting_json(path: Path, meeting: Meeting, page: str, site: dict[str, str]) -> str:
    """``meeting.json`` of the meeting file at ``path``: its items citable, its licence said."""
    folder = f"{path.parent.name}/{path.stem}"
    return published(meeting, folder, page, site).model_dump_json(indent=2)

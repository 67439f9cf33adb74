"""The number each item goes by, as the minutes show it and as readers cite it.

A held protokoll numbers its items as paragraphs through the year (``§ 34``, from
``first_paragraph``); a kallelse and minutes of other kinds number them 1, 2, 3; an item's
own ``number`` ("3.10", "§ 12 a") stands instead. The archive's decision lists, its data
files, its feeds and the anchors on the minutes' pages all use these, so that "§ 34" and
``#p34`` mean the same everywhere — and a link to § 34 stays one to § 34 when an item is
added before it in a later edit of notes, as long as the numbers themselves stand.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from typing import TYPE_CHECKING, Any

from .labels import NOT_HELD

if TYPE_CHECKING:  # (the template imports this module in the kernel: no pydantic there)
    from .model import Meeting


def numbers(
    kind: str, status: str | None, first: int | None, own: Sequence[str | None]
) -> list[str]:
    """The items' numbers, from the meeting's kind, status and first §, and their own."""
    paragraphs = kind == "protocol" and status not in NOT_HELD
    out = []
    for index, number in enumerate(own):
        shown = f"§ {(first or 1) + index}" if paragraphs else str(index + 1)
        if number:
            shown = f"§ {number}" if paragraphs and not number.startswith("§") else number
        out.append(shown)
    return out


def item_numbers(meeting: Meeting) -> list[str]:
    """Each item's number: ``§ 34`` in a held protokoll, ``3`` otherwise, or its own."""
    own = [item.number for item in meeting.items]
    return numbers(meeting.kind, meeting.status, meeting.first_paragraph, own)


def cited(meeting: Meeting) -> list[tuple[str, str]]:
    """Each item's number as the minutes show it and its anchor: ``("§ 35", "p35")``."""
    shown = item_numbers(meeting)
    return list(zip(shown, anchors(shown), strict=True))


def numbers_of(meeting: dict[str, Any]) -> list[str]:
    """:func:`item_numbers` of a meeting as the template has it (its JSON form)."""
    own = [item.get("number") for item in meeting.get("items", [])]
    return numbers(
        meeting.get("kind", "notes"), meeting.get("status"), meeting.get("first_paragraph"), own
    )


def anchors(shown: Sequence[str]) -> list[str]:
    """The fragments of the items' headings, from their numbers: ``p34``, ``item-3.10``.

    A paragraph is ``p`` and its number, as protokoll are cited; any other item is
    ``item-`` and its number. A number used twice gets ``-2``, ``-3`` after it.
    """
    out: list[str] = []
    for number in shown:
        paragraph = number.startswith("§")
        text = re.sub(r"[^\w.]+", "-", number.removeprefix("§").strip()).strip("-") or "x"
        out.append(unique(f"p{text}" if paragraph else f"item-{text}", out))
    return out


def unique(name: str, taken: Container[str]) -> str:
    """``name``, or ``name-2``, ``name-3``… : the first that is not ``taken``."""
    found, n = name, 1
    while found in taken:
        n += 1
        found = f"{name}-{n}"
    return found

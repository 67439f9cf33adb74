"""The number each item goes by, as the minutes show it and as readers cite it.

A held protokoll numbers its items as paragraphs through the year (``§ 34``, from
``first_paragraph``); a kallelse and minutes of other kinds number them 1, 2, 3; an item's
own ``number`` ("3.10", "§ 12 a") stands instead. The archive's decision lists, its data
files and its feeds use these, so that "§ 34" means the same everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .labels import NOT_HELD

if TYPE_CHECKING:  # (the template imports this module in the kernel: no pydantic there)
    from .model import Meeting


def item_numbers(meeting: Meeting) -> list[str]:
    """Each item's number: ``§ 34`` in a held protokoll, ``3`` otherwise, or its own."""
    paragraphs = meeting.kind == "protocol" and meeting.status not in NOT_HELD
    first = meeting.first_paragraph or 1
    out = []
    for index, item in enumerate(meeting.items):
        shown = f"§ {first + index}" if paragraphs else str(index + 1)
        if item.number:
            own = item.number
            shown = f"§ {own}" if paragraphs and not own.startswith("§") else own
        out.append(shown)
    return out


def item_anchor(index: int) -> str:
    """The fragment an item's heading has on the minutes' page: ``item-3``."""
    return f"item-{index + 1}"

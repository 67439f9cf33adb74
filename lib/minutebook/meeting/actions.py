"""Action items keep an identity from the meeting that set them to the one that closes them.

"Pågår" in April and "Klar" in October are the same action only if something says so. An
action is known by its ``id:`` when it has one, and otherwise by the day of the meeting that
recorded it and its place among that meeting's actions (``2024-03-12-2``): the items'
actions in order, then the meeting's own. ``minutebook new`` writes that id into every open
action it carries to the next meeting, so its later states join its history in the archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .items import Action
    from .model import Meeting


def derived_id(date: str, place: int) -> str:
    """The id of the ``place``-th action (from 1) of the meeting on ``date``."""
    return f"{date}-{place}"


def actions(meeting: Meeting, name: str = "") -> Iterator[tuple[str, Action, int | None]]:
    """Each action of ``meeting`` with its id and its item's index (None: the meeting's own).

    ``name`` is its file's (``2024-03-14-2``): the date, unless it was the second that day.
    """
    date = name or meeting.date.isoformat()
    found: list[tuple[Action, int | None]] = [
        (action, index) for index, item in enumerate(meeting.items) for action in item.actions
    ]
    found += [(action, None) for action in meeting.actions]
    for place, (action, index) in enumerate(found, start=1):
        yield action.id or derived_id(date, place), action, index

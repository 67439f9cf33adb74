"""The archive by what it is about: a body's decisions by year, its action items, each case.

Readers follow a topic, not a meeting: "what has the board decided since 2022", "is the
action on the website done", "what happened to KS 2024/0102". Each page is built from the
published meetings (their ``meeting.json``, the public version), linked to the items on
their pages, and in the meetings' own words. A kallelse or a cancelled meeting decides
nothing and is left out; a draft is listed, marked as one, as it is everywhere else.

There is no page per person on purpose: a list of everything one named person said and
did across years is a profile, which the GDPR asks a reason for (docs/open-data.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING

from ..meeting.actions import actions
from ..meeting.labels import NOT_HELD
from ..meeting.numbering import cited, unique
from ..paths import CASES
from .entries import Entry

if TYPE_CHECKING:
    from ..meeting.items import Item


@dataclass
class Decided:
    """An item of a meeting, as a topic page lists it."""

    entry: Entry
    number: str
    title: str
    anchor: str
    decisions: list[tuple[str, str]] = field(default_factory=list)  # text, reservations

    def href(self, root: str) -> str:
        """Its link from a page ``root`` (``../``) below ``reports/``."""
        return f"{root}{self.entry.html}#{self.anchor}"


def _held(entries: Sequence[Entry]) -> list[Entry]:
    return [e for e in entries if e.meeting.status not in NOT_HELD]


def _items(entry: Entry) -> list[tuple[Decided, Item]]:
    meeting = entry.meeting
    out: list[tuple[Decided, Item]] = []
    for (number, anchor), item in zip(cited(meeting), meeting.items, strict=True):
        decided = Decided(entry, number, item.title, anchor)
        decided.decisions = [(d.text, ", ".join(d.dissenters)) for d in item.decisions]
        out.append((decided, item))
    return out


def decisions_by_year(entries: Sequence[Entry]) -> list[tuple[str, list[list[Decided]]]]:
    """A body's decisions: by year, newest first; by meeting, newest first; items in order."""
    meetings = []
    for e in sorted(_held(entries), key=lambda e: e.order, reverse=True):
        decided = [d for d, _ in _items(e) if d.decisions]
        if decided:
            meetings.append(decided)
    return [
        (year, list(group))
        for year, group in groupby(meetings, key=lambda ds: ds[0].entry.date[:4])
    ]


Step = tuple[Decided, bool, "str | None", "str | None"]  # where, done, owner, due


@dataclass
class Followed:
    """An action item through the meetings that recorded it."""

    id: str
    task: str  # as the latest meeting words it
    history: list[Step] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """Its fragment on the actions page: ``action-2024-03-12-1``."""
        return "action-" + re.sub(r"[^\w-]+", "-", self.id).strip("-")

    @property
    def latest(self) -> Step:
        """Where it was last recorded, and as what."""
        return self.history[-1]

    @property
    def done(self) -> bool:
        """Whether the latest meeting that recorded it marked it done."""
        return self.latest[1]


def followed_actions(entries: Sequence[Entry]) -> list[Followed]:
    """A body's action items with their history: open ones first, by when they are due."""
    by_id: dict[str, Followed] = {}
    for e in sorted(_held(entries), key=lambda e: e.order):
        items = _items(e)
        for action_id, action, index in actions(e.meeting, e.slug):
            if index is not None and index < len(items):
                where = items[index][0]
            else:  # the meeting's own list: the meeting, not an item
                where = Decided(e, "", e.long_date, "")
            followed = by_id.setdefault(action_id, Followed(action_id, action.task))
            followed.task = action.task
            due = action.due.isoformat() if action.due else None
            followed.history.append((where, action.done, action.owner, due))
    return sorted(
        by_id.values(), key=lambda f: (f.done, f.latest[3] or "9999", f.history[0][0].entry.date)
    )


def case_slug(case: str, taken: set[str]) -> str:
    """A file name for a case reference: ``KS 2024/0102`` → ``ks-2024-0102``."""
    plain = unicodedata.normalize("NFKD", case).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "case"
    name = unique(slug, taken)
    taken.add(name)
    return name


def cases(entries: Sequence[Entry]) -> dict[str, tuple[str, list[Decided]]]:
    """Every case reference, by its page's name: the reference and its items, oldest first."""
    found: dict[str, list[Decided]] = {}
    for e in sorted(_held(entries), key=lambda e: (e.order, e.series)):
        for decided, item in _items(e):
            for ref in item.case_refs:
                found.setdefault(" ".join(ref.split()), []).append(decided)
    taken: set[str] = set()
    return {
        case_slug(ref, taken): (ref, items)
        for ref, items in sorted(found.items(), key=lambda kv: kv[0].casefold())
    }


def case_href(slug: str) -> str:
    """A case page's path below ``reports/``."""
    return f"{CASES}/{slug}.html"

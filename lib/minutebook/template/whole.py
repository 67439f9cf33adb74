"""What belongs to the whole meeting rather than to an item.

Adjournments, where the justering is done, the meeting's own documents, its action list,
the next meeting: shown in the header and after the items.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .phrase import Phrase, fill, join, unbroken, when

if TYPE_CHECKING:
    from .minutes import Minutes


def clock(label: Callable[[str], str], value: str | None) -> Phrase:
    """A time ("14:30", "14.30", "14:30:00") as the language writes it: "14.30", "14:30".

    Swedish writes the hours and minutes with a point (Språkrådet: "kl. 13.00"); English
    (en-GB) with a colon on the 24-hour clock ("13:00"), never "1:00 pm". Nothing for no time.
    """
    if not value:
        return Phrase("", "")
    hours, minutes = re.split(r"[:.]", value)[:2]
    return when(
        f"{int(hours):02d}{label('time_separator')}{minutes}", f"{int(hours):02d}:{minutes}"
    )


def at(m: Minutes, value: str) -> Phrase:
    """The time something was taken up, kept on one line: "kl. 14.30", "at 14:30"."""
    return unbroken(fill(m.label("taken_up"), time=clock(m.label, value)))


def action_rows(m: Minutes, actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Action items as the minutes show them, an item's or the whole meeting's."""
    return [
        {
            "task": a["task"],
            "owner": a.get("owner"),
            "due": m.date(a["due"]) if a.get("due") else None,
            # an action has no status until it is done: "Pågår" would say someone started it
            "status": m.label("done") if a.get("done") else "",
        }
        for a in actions
    ]


def facts(m: Minutes) -> list[tuple[str, str]]:
    """The header's facts of the second version: adjournments, the justering's place and time."""
    out: list[tuple[str, str]] = []
    for pause in (m.meeting.get("time") or {}).get("breaks") or []:
        times = (clock(m.label, t) for t in (pause.get("start"), pause.get("end")))
        span = unbroken(join("–", times))
        note = fill(" ({note})", note=pause["note"]) if pause.get("note") else ""
        out.append((m.label("breaks"), join("", (span, note))))
    adjustment = m.meeting.get("adjustment")
    if adjustment and m.is_protocol:  # a protokoll's front page, as kommunallagen has it
        out += _front_page(m)
    if adjustment:
        if isinstance(adjustment, str):
            out.append((m.label("adjustment_when"), adjustment))
        else:
            parts = [adjustment.get("place")]
            if adjustment.get("date"):
                parts.append(m.date(adjustment["date"]))
            if adjustment.get("time"):
                parts.append(at(m, adjustment["time"]))
            out.append((m.label("adjustment_when"), join(", ", parts)))
    return out


def _front_page(m: Minutes) -> list[tuple[str, str]]:
    """Who is appointed to justera, and the paragraphs the protokoll holds."""
    from .agenda import number, planned

    out = []
    adjusters = m.meeting.get("adjusters") or []
    if adjusters:
        out.append((m.label("adjusters_appointed"), f" {m.label('and_')} ".join(adjusters)))
    items = m.meeting.get("items") or []
    if items and not planned(m):  # a kallelse's items are not paragraphs yet
        first = number(m, items[0], 0, True).removeprefix("§ ")
        last = number(m, items[-1], len(items) - 1, True).removeprefix("§ ")
        span = f"§ {first}" if first == last else f"§§ {first}–{last}"
        out.append((m.label("paragraphs"), span))
    return out


def links(m: Minutes) -> list[dict[str, Any]]:
    """The meeting's own documents (agenda, recording, transcript) with what each is."""
    return [
        {**link, "kind": m.label(f"link.{link.get('kind') or 'other'}")}
        for link in m.meeting.get("links") or []
    ]


def actions(m: Minutes) -> list[dict[str, Any]]:
    """The meeting-wide action list, as an item's actions are shown."""
    return action_rows(m, m.meeting.get("actions") or [])


def next_meeting(m: Minutes) -> Phrase:
    """The next meeting in a line ("12 mars 2024 kl. 18.30, Rådhuset. Budget."), or nothing."""
    following = m.meeting.get("next_meeting") or {}
    day = m.date(following["date"]) if following.get("date") else ""
    time = following.get("time")
    at_time = at(m, time) if time else ""
    text = join(", ", (join(" ", (day, at_time)), following.get("place")))
    return join(". ", (text, following.get("note")))

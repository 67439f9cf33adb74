"""What belongs to the whole meeting rather than to an item.

Adjournments, where the justering is done, the meeting's own documents, its action list,
the next meeting: shown in the header and after the items.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .minutes import Minutes


def clock(label: Callable[[str], str], value: str) -> str:
    """A time ("14:30", "14.30", "14:30:00") as the language writes it: "14.30", "14:30"."""
    hours, minutes = re.split(r"[:.]", value)[:2]
    return f"{int(hours):02d}{label('time_separator')}{minutes}"


def action_rows(m: Minutes, actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Action items as the minutes show them, an item's or the whole meeting's."""
    return [
        {
            "task": a["task"],
            "owner": a.get("owner"),
            "due": m.date(a["due"]) if a.get("due") else None,
            "status": m.label("done" if a.get("done") else "open"),
        }
        for a in actions
    ]


def facts(m: Minutes) -> list[tuple[str, str]]:
    """The header's facts of the second version: adjournments, the justering's place and time."""
    out = []
    for pause in (m.meeting.get("time") or {}).get("breaks") or []:
        span = "–".join(clock(m.label, t) for t in (pause.get("start"), pause.get("end")) if t)
        out.append((m.label("breaks"), span + (f" ({pause['note']})" if pause.get("note") else "")))
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
                parts.append(m.label("taken_up").format(time=clock(m.label, adjustment["time"])))
            out.append((m.label("adjustment_when"), ", ".join(p for p in parts if p)))
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


def next_meeting(m: Minutes) -> str:
    """The next meeting in a line ("12 mars 2024 kl. 18.30, Rådhuset. Budget."), or nothing."""
    following = m.meeting.get("next_meeting") or {}
    when = []
    if following.get("date"):
        when.append(m.date(following["date"]))
    if following.get("time"):
        when.append(m.label("taken_up").format(time=clock(m.label, following["time"])))
    text = ", ".join(p for p in (" ".join(when), following.get("place")) if p)
    if following.get("note"):
        text = f"{text}. {following['note']}" if text else following["note"]
    return text

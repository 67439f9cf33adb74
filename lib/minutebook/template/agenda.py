"""An agenda item as the minutes show it: the data its macro gets (see pieces.html.j2)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..meeting.markdown import render
from .pieces import markup

if TYPE_CHECKING:
    from .minutes import Minutes


def number(m: Minutes, item: dict[str, Any], index: int, numbered: bool) -> str:
    """The number in the item's heading: "3.", "§ 12", or the minutes' own ("3.10")."""
    shown = f"{index + 1}." if numbered else ""
    if m.is_protocol:  # a protokoll's paragraphs are numbered whatever the layout
        shown = f"§ {(m.meeting.get('first_paragraph') or 1) + index}"
    if item.get("number"):
        own = item["number"]
        shown = f"§ {own}" if m.is_protocol and not own.startswith("§") else own
    return shown


def meta(m: Minutes, item: dict[str, Any]) -> str:
    """The case reference and the time the item was taken up: "Dnr KS 2023/0456 · kl. 14.10"."""
    parts: list[str] = []
    case = item.get("case")
    if case:
        cases = [case] if isinstance(case, str) else case
        parts.append(f"{m.label('case')} {', '.join(cases)}")
    if item.get("time"):
        hours, minutes = item["time"][:5].split(":")
        clock = f"{hours}{m.label('time_separator')}{minutes}"
        parts.append(m.label("taken_up").format(time=clock))
    return " · ".join(parts)


def secrecy(m: Minutes, item: dict[str, Any]) -> str | bool:
    """In the internal version, a confidential item says so, with its reason.

    The public version shows only the notice that stands in the item's place (its title),
    so there is nothing to add: ``False``.
    """
    reason = item.get("confidential")
    if not reason:
        return False
    notice = m.label("confidential")
    if item["title"] in (notice, f"{notice} ({reason})"):
        return False  # the public notice
    return reason if isinstance(reason, str) else True


def item_view(m: Minutes, index: int, *, numbered: bool, level: int) -> tuple[dict[str, Any], str]:
    """The item's data for its macro, and its plain text."""
    item = m.meeting["items"][index]
    shown = number(m, item, index, numbered)
    presenters = ", ".join(item.get("presenters") or [])
    view = {
        "anchor": f"item-{index + 1}",
        "level": level,
        "meta": meta(m, item),
        "number": shown,
        "title": item["title"],
        "presenters": presenters,
        "confidential": bool(item.get("confidential")),
        "secrecy": secrecy(m, item),
        "notes": markup(render(item.get("notes"), top_heading=level + 1)),
        "documents": [
            {
                "title": d["title"],
                "href": d.get("href"),
                "date": m.date(d["date"]) if d.get("date") else None,
            }
            for d in item.get("documents") or []
        ],
        "decisions": [
            {"text": d["text"], "reservations": ", ".join(d.get("reservations") or [])}
            for d in item.get("decisions") or []
        ],
        "actions": [
            {
                "task": a["task"],
                "owner": a.get("owner"),
                "due": m.date(a["due"]) if a.get("due") else None,
                "status": m.label("done" if a.get("done") else "open"),
            }
            for a in item.get("actions") or []
        ],
        "attachments": item.get("attachments") or [],
    }
    text = " ".join(filter(None, (shown, item["title"])))
    if presenters:
        text += f" ({presenters})"
    return view, text

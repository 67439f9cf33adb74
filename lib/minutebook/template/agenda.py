"""An agenda item as the minutes show it: the data its macro gets (see pieces.html.j2)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..meeting import labels
from ..meeting.markdown import render
from ..meeting.numbering import anchors, numbers_of
from . import votes, whole
from .phrase import Phrase, join
from .pieces import markup

if TYPE_CHECKING:
    from .minutes import Minutes


def planned(m: Minutes) -> bool:
    """Whether the page is the meeting's kallelse: items to come, proposals to decide on."""
    return m.meeting.get("status") in labels.NOT_HELD


def number(m: Minutes, item: dict[str, Any], index: int, numbered: bool) -> str:
    """The number in the item's heading: "3.", "§ 12", or the minutes' own ("3.10")."""
    own = item.get("number")
    if own:  # (in a protokoll's kallelse too, unlike numbering.numbers: shown as a §)
        return f"§ {own}" if m.is_protocol and not own.startswith("§") else own
    # a protokoll's paragraphs are numbered whatever the layout; its kallelse's items are
    # not paragraphs yet (the § numbers come with the minutes)
    shown = numbers_of(m.meeting)[index]
    return shown if shown.startswith("§") else f"{shown}." if numbered else ""


def meta(m: Minutes, item: dict[str, Any]) -> Phrase:
    """The case reference and the time the item was taken up: "Dnr KS 2023/0456 · kl. 14.10"."""
    parts: list[str] = []
    case = item.get("case")
    if case:
        cases = [case] if isinstance(case, str) else case
        parts.append(f"{m.label('case')} {', '.join(cases)}")
    if item.get("time"):
        parts.append(whole.at(m, item["time"]))
    return join(" · ", parts)


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


def decision(m: Minutes, d: dict[str, Any]) -> dict[str, Any]:
    """A decision: its text, who reserved themselves, the written reservations."""
    reservations = d.get("reservations") or []
    return {
        "text": d["text"],
        "reservations": ", ".join(r if isinstance(r, str) else r["name"] for r in reservations),
        "written": [r for r in reservations if isinstance(r, dict)],
        "unanimous": bool(d.get("unanimous")),
    }


def recusal(m: Minutes, r: str | dict[str, Any]) -> str:
    """A conflict of interest in words: "X anmäler jäv och deltar inte i …"."""
    if isinstance(r, str):
        return m.label("recusal").format(name=r)
    if r.get("reason"):
        return m.label("recusal_because").format(name=r["name"], reason=r["reason"])
    return m.label("recusal").format(name=r["name"])


def item_view(m: Minutes, index: int, *, numbered: bool, level: int) -> tuple[dict[str, Any], str]:
    """The item's data for its macro, and its plain text."""
    item = m.meeting["items"][index]
    shown = number(m, item, index, numbered)
    presenters = ", ".join(item.get("presenters") or [])
    view = {
        "anchor": anchors(numbers_of(m.meeting))[index],
        "level": level,
        "meta": meta(m, item),
        "number": shown,
        "title": item["title"],
        "presenters": presenters,
        "confidential": bool(item.get("confidential")),
        "secrecy": secrecy(m, item),
        # the public notice says why the item is empty (and its heading has a line to keep)
        "withheld": m.label("confidential_public")
        if item.get("confidential") and secrecy(m, item) is False
        else "",
        "notes": markup(render(item.get("notes"), top_heading=level + 1)),
        "documents": [
            {
                "title": d["title"],
                "href": d.get("href"),
                "date": m.date(d["date"]) if d.get("date") else None,
            }
            for d in item.get("documents") or []
        ],
        # a kallelse's proposals are what the body is asked to decide, not yrkanden yet
        "proposals": [
            {**p, "details": "", "seconded": "", "outcome": ""} if planned(m) else p
            for p in votes.proposals(m, item)
        ],
        "proposals_title": m.label("proposed_decision" if planned(m) else "proposals"),
        "votes": votes.votes(m, item),
        "decisions": [decision(m, d) for d in item.get("decisions") or []],
        "decisions_title": m.label("recommendation").format(body=item["recommended_to"])
        if item.get("recommended_to")
        else m.label("decisions"),
        "outcome": m.label(f"outcome.{item['outcome']}")
        if item.get("outcome") not in (None, "decided")
        else "",
        "adjusted_immediately": bool(item.get("adjusted_immediately")),
        "recused": [recusal(m, r) for r in item.get("recused") or []],
        "statements": [
            {"by": votes.names(s["by"]), "text": s["text"]} for s in item.get("statements") or []
        ],
        "questions": [
            (m.label(key), votes.names(item[key]))
            for key in ("asked_by", "answered_by")
            if item.get(key)
        ],
        "dispatch": ", ".join(item.get("dispatch") or []),
        "actions": whole.action_rows(m, item.get("actions") or []),
        "attachments": item.get("attachments") or [],
    }
    text = " ".join(filter(None, (shown, item["title"])))
    if presenters:
        text += f" ({presenters})"
    return view, text

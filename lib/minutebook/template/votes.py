"""Proposals and votes as a protokoll shows them.

Yrkanden, then each question the chair put ("Ja för A, Nej för B"), its count, and — when
the votes are named — how each member voted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .minutes import Minutes

SIDES = ("yes", "no", "abstain", "absent")


def names(value: str | list[str] | None) -> str:
    """One name or several, as a line: "Bo, Cia"."""
    if not value:
        return ""
    return value if isinstance(value, str) else ", ".join(value)


def _party(m: Minutes, name: str) -> str:
    person = next((p for p in m.meeting.get("participants") or [] if p["name"] == name), None)
    return f"{name} ({person['party']})" if person and person.get("party") else name


def proposals(m: Minutes, item: dict[str, Any]) -> list[dict[str, str]]:
    """Each proposal: its label, who made it, the text, its kind, who seconded, its fate."""
    out = []
    for p in item.get("proposals") or []:
        by = ", ".join(
            _party(m, n) for n in ([p["by"]] if isinstance(p.get("by"), str) else p.get("by") or [])
        )
        details = [m.label(f"proposal.{p['kind']}")] if p.get("kind") else []
        if p.get("amends"):
            details.append(m.label("amends").format(id=p["amends"]))
        out.append(
            {
                "who": " ".join(x for x in (f"{p['id']}." if p.get("id") else "", by) if x),
                "text": p["text"],
                "details": ", ".join(details),
                "seconded": names(p.get("seconded_by")),
                "outcome": m.label(f"proposal.{p['outcome']}") if p.get("outcome") else "",
            }
        )
    return out


def _side(value: int | list[str] | None) -> int | None:
    return len(value) if isinstance(value, list) else value


def votes(m: Minutes, item: dict[str, Any]) -> list[dict[str, Any]]:
    """Each question put, in order, with what it took to decide it."""
    out = []
    for v in item.get("votes") or []:
        sides = [
            m.label(key).format(x=v[field])
            for key, field in (("yes_for", "yes_for"), ("no_for", "no_for"))
            if v.get(field)
        ]
        counts = [
            f"{m.label('vote.' + side)} {_side(v[side])}"
            for side in SIDES
            if v.get(side) is not None
        ]
        named = [
            (_party(m, name), side)
            for side in SIDES
            if isinstance(v.get(side), list)
            for name in v[side]
        ]
        out.append(
            {
                "question": v.get("question") or "",
                "sides": ", ".join(sides),
                "method": m.label(f"method.{v['method']}") if v.get("method") else "",
                "counts": ", ".join(counts),
                "options": [(k, _side(n)) for k, n in (v.get("options") or {}).items()],
                "result": m.label(f"vote.{v['result']}") if v.get("result") else "",
                "casting": m.label("casting_vote").format(name=v["casting_vote"])
                if v.get("casting_vote")
                else "",
                "lot": bool(v.get("lot")),
                "requirement": m.label("requirement").format(text=v["requirement"])
                if v.get("requirement")
                else "",
                "named": named,
                "sides_shown": [s for s in SIDES if any(side == s for _, side in named)],
            }
        )
    return out

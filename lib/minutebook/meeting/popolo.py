"""The meeting in the Popolo vocabulary that civic-tech tools read (``popolo.json``).

An Event for the meeting (body, dates, place, status, attendees), a Motion per proposal
(creator, text, classification from its kind, result ``pass``/``fail``) and a VoteEvent per
vote (counts by option, and each named vote with the voter's party as its group). Made from
the public version, so confidential items and withheld names are left out here as from
every public output.
"""

from __future__ import annotations

from typing import Any

from .labels import title
from .model import Meeting
from .votes import SIDES

_RESULT = {"adopted": "pass", "rejected": "fail"}
_OPTION = {"yes": "yes", "no": "no", "abstain": "abstain", "absent": "absent"}


def _when(meeting: Meeting, clock: Any) -> str:
    day = meeting.date.isoformat()
    return f"{day}T{clock.strftime('%H:%M')}" if clock else day


def popolo(meeting: Meeting, name: str = "") -> dict[str, Any]:
    """The meeting as Popolo: organizations, events, motions, vote events.

    ``name`` is its file's, as its folder's (``2024-03-14-2``): the date by default.
    """
    base = f"{meeting.series}/{name or meeting.date.isoformat()}"
    parties = {p.name: p.party for p in meeting.participants if p.party}
    event = {
        "id": base,
        "name": title(
            meeting.kind, meeting.date, meeting.body, meeting.language, meeting.organisation
        ),
        "classification": meeting.kind,
        "organization_id": meeting.series,
        "start_date": _when(meeting, meeting.time.start if meeting.time else None),
        "end_date": _when(meeting, meeting.time.end if meeting.time else None),
        "location": meeting.place,
        "status": meeting.status,
        "attendees": [
            {
                "name": p.name,
                "role": p.roles,
                "attendance": p.status,
                **({"party": p.party} if p.party else {}),
            }
            for p in meeting.participants
        ],
    }
    motions: list[dict[str, Any]] = []
    vote_events: list[dict[str, Any]] = []
    for number, item in enumerate(meeting.items, start=1):
        if item.confidential:
            continue
        here = f"{base}/{item.number or number}"
        for k, proposal in enumerate(item.proposals, start=1):
            by = [proposal.by] if isinstance(proposal.by, str) else proposal.by or []
            motions.append(
                {
                    "id": f"{here}/{proposal.id or k}",
                    "organization_id": meeting.series,
                    "creator": [{"name": name} for name in by],
                    "text": proposal.text,
                    "classification": proposal.kind,
                    "date": meeting.date.isoformat(),
                    "result": _RESULT.get(proposal.outcome or ""),
                }
            )
        for k, vote in enumerate(item.votes, start=1):
            counts = [
                {"option": _OPTION[side], "value": vote.count(side)}
                for side in SIDES
                if vote.count(side) is not None
            ]
            counts += [
                {"option": option, "value": len(v) if isinstance(v, list) else v}
                for option, v in (vote.options or {}).items()
            ]
            named = [
                {
                    "voter": {"name": name},
                    "option": _OPTION[side],
                    **({"group": {"name": parties[name]}} if name in parties else {}),
                }
                for side in SIDES
                if isinstance(getattr(vote, side), list)
                for name in getattr(vote, side)
            ]
            vote_events.append(
                {
                    "id": f"{here}/vote-{k}",
                    "motion_id": f"{here}/{vote.yes_for}" if vote.yes_for else None,
                    "identifier": vote.question,
                    "start_date": meeting.date.isoformat(),
                    "result": _RESULT.get(vote.result or ""),
                    "counts": counts,
                    "votes": named,
                }
            )
    return {
        "organizations": [{"id": meeting.series, "name": meeting.body}],
        "events": [event],
        "motions": motions,
        "vote_events": vote_events,
    }

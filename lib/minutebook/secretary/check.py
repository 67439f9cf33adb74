"""``minutebook check``: every problem in every meeting file, and the likely slips.

Errors are what :func:`~minutebook.meeting.read.load_meeting` rejects, and what the build would
refuse to publish (a withheld name where it cannot be replaced). Notes show each place where
a withheld name will read otherwise in the public version. Warnings are what it
accepts but a careful reader would query: a presenter or ``recorded_by`` who is not among
the participants (a typo in a name is the usual cause), an action item without an owner or
a due date, and a due date before the meeting itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MeetingFileError, Problem
from ..i18n import say, say_n
from ..meeting.messages import Loc, field_path, placed, position
from ..meeting.model import Meeting
from ..meeting.read import load_with_positions
from ..meeting.redact import Unsafe, redact
from ..meeting.series import load_series
from ..meeting.syntax import cut_by_comments
from ..paths import KALLELSE_RECORD, SERIES_FILE, SITE_FILE
from ..settings import settings


@dataclass
class Checked:
    """What ``check`` found in one file."""

    file: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # what the public will read instead

    def lines(self) -> list[str]:
        """Every finding, in file order, warnings and notes marked as such."""
        kinds = [(p, "") for p in self.errors]
        kinds += [(p, say("check.warning")) for p in self.warnings]
        kinds += [(p, say("check.note")) for p in self.notes]
        in_order = sorted(kinds, key=lambda pk: (pk[0].line, pk[0].column))
        return [p.shown(kind) for p, kind in in_order]

    def as_json(self) -> dict[str, Any]:
        """What ``check --json`` prints for the file: each finding with its data path.

        ``path`` is the field as the model has it (``items[1].presenters``, counted from 0),
        for an editor or a script to find the value; ``where`` is the same field as a
        person counts it (``item 2 "Budget": presenters``), as the plain output shows it.
        """

        def found(problems: list[Problem]) -> list[dict[str, Any]]:
            return [
                {
                    "line": p.line,
                    "column": p.column,
                    "path": p.field,
                    "where": p.where or p.field,
                    "message": p.message,
                }
                for p in sorted(problems, key=lambda p: (p.line, p.column))
            ]

        return {
            "file": self.file,
            "valid": not self.errors,
            "errors": found(self.errors),
            "warnings": found(self.warnings),
            "notes": found(self.notes),
        }


def warnings(meeting: Meeting, positions: dict[Loc, tuple[int, int]], file: str) -> list[Problem]:
    """The likely slips in a valid meeting."""
    found: list[Problem] = []

    def warn(loc: Loc, message: str) -> None:
        line, column = positions.get(loc, positions.get(loc[:-1], (1, 1)))
        found.append(Problem(line, column, field_path(loc), message, file))

    names = {p.name for p in meeting.participants}
    for i, item in enumerate(meeting.items):
        for j, name in enumerate(item.presenters):
            if meeting.participants and name not in names:
                warn(("items", i, "presenters", j), _stranger(name, names))
        for j, action in enumerate(item.actions):
            if action.done:
                continue
            if action.owner is None:
                warn(("items", i, "actions", j), say("warn.no_owner"))
            if action.due is None:
                warn(("items", i, "actions", j), say("warn.no_due"))
            elif action.due < meeting.date:
                warn(
                    ("items", i, "actions", j, "due"),
                    say("warn.due_before", due=action.due, date=meeting.date),
                )
    if meeting.recorded_by and meeting.participants and meeting.recorded_by not in names:
        warn(("recorded_by",), _stranger(meeting.recorded_by, names))
    # (a kallelse kept as sent stays planned: only the meeting file itself moves on)
    record = file.endswith(KALLELSE_RECORD)
    if meeting.status == "planned" and not record and meeting.date < settings().today:
        warn(("status",), say("warn.still_planned", date=meeting.date))
    _second_version(meeting, names, warn)
    return found


def _stranger(name: str, names: set[str]) -> str:
    """Why ``name`` is not a participant's: a no-break space, a near spelling, or unknown."""
    if name.replace("\u00a0", " ") in names:
        return say("warn.hard_space_name", name=name)
    if near := difflib.get_close_matches(name, sorted(names), 1, 0.8):
        return say("warn.stranger_near", name=name, near=near[0])
    return say("warn.stranger", name=name)


def _listed(value: str | list[str] | None) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def _second_version(meeting: Meeting, names: set[str], warn: Callable[[Loc, str], None]) -> None:
    """The slips the second version's keys make possible.

    Names that are nobody's, counts above who could vote, a recused member who voted, a
    decision on a tabled item, a protocol nobody is to justera.
    """

    def check_names(loc: Loc, value: str | list[str] | None) -> None:
        for k, name in enumerate(_listed(value)):
            if meeting.participants and name not in names:
                warn((*loc, k) if isinstance(value, list) else loc, _stranger(name, names))

    serving = [p for p in meeting.participants if p.is_serving and p.status != "absent"]
    for i, item in enumerate(meeting.items):
        at: Loc = ("items", i)
        for j, proposal in enumerate(item.proposals):
            check_names((*at, "proposals", j, "by"), proposal.by)
            check_names((*at, "proposals", j, "seconded_by"), proposal.seconded_by)
        recused = {r if isinstance(r, str) else r.name for r in item.recused}
        for j, r in enumerate(item.recused):
            check_names((*at, "recused", j), r if isinstance(r, str) else r.name)
        for j, statement in enumerate(item.statements):
            check_names((*at, "statements", j, "by"), statement.by)
        for j, decision in enumerate(item.decisions):
            for k, name in enumerate(decision.dissenters):
                if meeting.participants and name not in names:
                    warn((*at, "decisions", j, "reservations", k), _stranger(name, names))
        for j, action in enumerate(item.actions):
            check_names((*at, "actions", j, "owner"), action.owner)
        for j, vote in enumerate(item.votes):
            here: Loc = (*at, "votes", j)
            voted = [n for side in ("yes", "no", "abstain") for n in _listed_votes(vote, side)]
            for side in ("yes", "no", "abstain", "absent"):
                check_names((*here, side), _listed_votes(vote, side) or None)
            for name in sorted(set(voted) & recused):
                warn(here, say("warn.recused_voted", name=name))
            counted = sum(vote.count(side) or 0 for side in ("yes", "no", "abstain"))
            if serving and counted > len(serving):
                warn(here, say_n("warn.too_many_votes", len(serving), counted=counted))
            if meeting.kind == "protocol" and vote.method == "roll_call" and not voted:
                warn(here, say("warn.roll_call_names"))
        if item.outcome == "tabled" and item.decisions:
            warn((*at, "decisions"), say("warn.tabled_decided"))
        if meeting.status == "planned" and (item.decisions or item.votes):
            key = "decisions" if item.decisions else "votes"
            warn((*at, key), say("warn.planned_decided", key=key))
    if meeting.kind == "protocol" and meeting.status == "final":
        if not meeting.adjusters:
            warn(("kind",), say("warn.no_adjusters"))
        if meeting.adjustment is None and meeting.adjusted_on is None:
            warn(("kind",), say("warn.no_adjustment"))


def _listed_votes(vote: Any, side: str) -> list[str]:
    value = getattr(vote, side)
    return list(value) if isinstance(value, list) else []


def public_notes(
    meeting: Meeting, positions: dict[Loc, tuple[int, int]], file: str, folder: Path
) -> tuple[list[Problem], list[Problem]]:
    """Where the public version will read otherwise than the file, and what may identify.

    Returns:
        The notes (each withheld name replaced, with what replaces it) and the warnings
        (an organisation of a withheld participant, named elsewhere).

    Raises:
        MeetingFileError: the public version cannot be made (see :mod:`minutebook.meeting.redact`).
    """
    try:
        redacted = redact(meeting, folder)
    except Unsafe as unsafe:
        raise unsafe.error(positions, file) from None
    notes = []
    for r in redacted.replacements:
        if r.loc[:1] == ("participants",) and r.loc[-1] == "name":
            continue
        text = meeting_text(meeting, r.loc)
        line, column = position(positions, r.loc, text, r.offset)
        found = " ".join(r.found.split())  # as it reads, whatever spaces or breaks it had
        message = say("public.replaced", found=found, shown=r.shown)
        notes.append(Problem(line, column, field_path(r.loc), message, file))
    warned = [
        Problem(*position(positions, n.loc), field_path(n.loc), n.message, file)
        for n in redacted.notes
    ]
    return notes, warned


def meeting_text(meeting: Meeting, loc: Loc) -> str:
    """The text at ``loc`` in the meeting as written."""
    value: object = meeting.model_dump(mode="json")
    for part in loc:
        value = value[part]  # type: ignore[index]
    return value if isinstance(value, str) else ""


def check_file(path: Path, file: str) -> Checked:
    """Check one meeting file; ``file`` is its name in messages."""
    result = Checked(file)
    if path.name == SITE_FILE and path.parent.name == "params":  # the archive's settings
        from ..site import load_site

        try:
            load_site(path.parent)
        except MeetingFileError as error:
            result.errors = error.problems
        return result
    if path.name == SERIES_FILE:  # a series' settings, checked as such
        try:
            load_series(path.with_name("meeting.yaml"), file)
        except MeetingFileError as error:
            result.errors = error.problems
        return result
    try:
        meeting, positions = load_with_positions(path, file)
        result.notes, more = public_notes(meeting, positions, file, path.parent)
    except MeetingFileError as error:
        result.errors = error.problems
        return result
    data = meeting.model_dump(mode="json")
    lines = path.read_text(encoding="utf-8").split("\n")  # read once already: UTF-8
    more += [
        Problem(line, column, field_path(loc), message, file)
        for loc, line, column, message in cut_by_comments(positions, lines)
    ]
    result.notes = placed(result.notes, data)
    result.warnings = placed(warnings(meeting, positions, file) + more, data)
    return result

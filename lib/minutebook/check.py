"""``minutebook check``: every problem in every meeting file, and the likely slips.

Errors are what :func:`~minutebook.params.load_meeting` rejects. Warnings are what it
accepts but a careful reader would query: a presenter or ``recorded_by`` who is not among
the participants (a typo in a name is the usual cause), an action item without an owner or
a due date, and a due date before the meeting itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import MeetingFileError, Problem
from .model import Meeting
from .params import Loc, field_path, load_with_positions


@dataclass
class Checked:
    """What ``check`` found in one file."""

    file: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Every finding, in file order, warnings marked as such."""
        found = sorted([*self.errors, *self.warnings], key=lambda p: (p.line, p.column))
        return [
            f"{p.file}:{p.line}:{p.column}: warning: {p.field}: {p.message}"
            if p in self.warnings
            else str(p)
            for p in found
        ]


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
                warn(("items", i, "presenters", j), f"{name!r} is not among the participants")
        for j, action in enumerate(item.actions):
            if action.done:
                continue
            if action.owner is None:
                warn(("items", i, "actions", j), "the action item has no owner")
            if action.due is None:
                warn(("items", i, "actions", j), "the action item has no due date")
            elif action.due < meeting.date:
                warn(
                    ("items", i, "actions", j, "due"),
                    f"{action.due.isoformat()} is before the meeting ({meeting.date.isoformat()})",
                )
    if meeting.recorded_by and meeting.participants and meeting.recorded_by not in names:
        warn(("recorded_by",), f"{meeting.recorded_by!r} is not among the participants")
    return found


def check_file(path: Path, file: str) -> Checked:
    """Check one meeting file; ``file`` is its name in messages."""
    result = Checked(file)
    try:
        meeting, positions = load_with_positions(path, file)
    except MeetingFileError as error:
        result.errors = error.problems
        return result
    result.warnings = warnings(meeting, positions, file)
    return result

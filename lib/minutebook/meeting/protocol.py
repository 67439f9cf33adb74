"""The § numbers of a protokoll.

Paragraphs run on through a body's calendar year: a protocol's first item continues from
its series' previous protocol of the same year, or starts at § 1 in a new year, unless the
meeting file sets ``first_paragraph``. The number is therefore an input of the build that
comes from other meeting files; :func:`paragraph_start` returns them too, so the build can
count them among its inputs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import MeetingFileError, MinutebookError
from ..i18n import say
from ..paths import earlier_files
from .labels import NOT_HELD
from .model import Meeting
from .read import load_meeting


def earlier_this_year(path: Path, date: dt.date) -> list[Path]:
    """The meeting files of the same series and year before the one in ``path``, oldest first.

    Only meeting files: not a kallelse kept beside one (``<date>.kallelse.yaml``). A second
    meeting on a day (``2024-03-14-2``) numbers on from the first.
    """
    name = path.name.split(".", 1)[0]
    if not name.startswith(date.isoformat()):  # a file not named for its meeting (a sample)
        name = date.isoformat()
    return [p for p in earlier_files(path.parent, name) if p.stem[:4] == str(date.year)]


def paragraph_start(path: Path, meeting: Meeting) -> tuple[int, list[Path]]:
    """The § number of the meeting's first item, and the earlier files it depends on.

    Raises:
        MinutebookError: an earlier meeting the numbering depends on has errors.
    """
    if meeting.kind != "protocol":
        return 1, []
    if meeting.first_paragraph is not None:
        return meeting.first_paragraph, []
    earlier = earlier_this_year(path, meeting.date)
    for previous in reversed(earlier):
        try:
            before = load_meeting(previous)
        except MeetingFileError:
            here, there = f"{path.parent.name}/{path.name}", f"{path.parent.name}/{previous.name}"
            raise MinutebookError(
                say("series.numbering_broken", file=here, previous=there)
            ) from None
        # a meeting not (yet) held numbers no paragraphs: a cancelled one never will
        if before.kind == "protocol" and before.status not in NOT_HELD:
            start, _ = paragraph_start(previous, before)
            return start + len(before.items), earlier
    return 1, earlier

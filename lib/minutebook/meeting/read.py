"""Read a meeting file into a validated :class:`~minutebook.meeting.model.Meeting`.

The YAML is read safely, with positions (:mod:`minutebook.meeting.yamlfile`), validated by
the model, and checked for what only the file's place can tell (its name is its date, its
folder its series; attached files exist inside the series folder). A secretary gets
``file:line:col: field.path: message`` for every problem at once, in milliseconds, before
any kernel starts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import MeetingFileError, Problem
from ..i18n import say
from ..paths import KALLELSE_RECORD, MEETING_NAME, SAMPLE_FILE, SLUG
from .labels import LABELS
from .messages import Loc, describe, field_path, placed, pydantic_problems
from .model import Meeting
from .series import SeriesSettings, load_series, merge, series_file
from .types import SHARED_DATA
from .yamlfile import MAX_BYTES, read_yaml

PLACEHOLDERS = set(LABELS["skeleton.notes"].values())

__all__ = [
    "MAX_BYTES",
    "attachment_path",
    "load_meeting",
    "load_with_positions",
    "load_with_settings",
    "read_yaml",
]


def load_meeting(path: Path, file: str | None = None) -> Meeting:
    """Read and validate one meeting file.

    ``file`` is the name used in messages (the path as the user typed it).

    Raises:
        MeetingFileError: with one :class:`Problem` per problem found.

    """
    return load_with_positions(path, file)[0]


def load_with_positions(
    path: Path, file: str | None = None
) -> tuple[Meeting, dict[Loc, tuple[int, int]]]:
    """Like :func:`load_meeting`, with the (line, column) of every value, for later checks."""
    meeting, positions, _ = load_with_settings(path, file)
    return meeting, positions


def load_with_settings(
    path: Path, file: str | None = None, *, files: bool = True
) -> tuple[Meeting, dict[Loc, tuple[int, int]], SeriesSettings | None]:
    """Like :func:`load_with_positions`, with the series' settings it was read with.

    ``files``: check that the files it names exist (not for an earlier meeting read for
    its history, whose files are its own build's to check).
    """
    name = file or str(path)
    data, positions, problems = read_yaml(path, name)
    if not isinstance(data, dict):
        got = say("model.empty_file") if data is None else describe(data)
        raise MeetingFileError([Problem(1, 1, "", say("model.not_mapping", got=got), name)])
    series_name = str(Path(name).with_name(series_file(path).name))
    settings = load_series(path, series_name)
    meeting: Meeting | None = None
    try:
        meeting = Meeting.model_validate(merge(data, settings) if settings else data)
    except ValidationError as error:
        reported = {p.field for p in problems}
        lines = path.read_text(encoding="utf-8").split("\n")  # read once already: UTF-8
        problems += [
            p
            for p in pydantic_problems(error, positions, name, lines=lines)
            if p.field not in reported
        ]
    problems += _check_location(path, data, positions, name)
    problems += _placeholders(data, positions, name)
    if meeting is not None and files:
        problems += _check_attachments(path, meeting, positions, name)
    if problems or meeting is None:
        raise MeetingFileError(placed(problems, data))
    return meeting, positions, settings


def _placeholders(
    data: Any, positions: dict[Loc, tuple[int, int]], file: str, loc: Loc = ()
) -> list[Problem]:
    """Texts still as a new series' first meeting wrote them, for the secretary to replace."""
    if isinstance(data, dict):
        pairs: Any = data.items()
    elif isinstance(data, list):
        pairs = enumerate(data)
    else:
        if not isinstance(data, str) or data.strip() not in PLACEHOLDERS:
            return []
        line, column = positions.get(loc, (1, 1))
        message = say("new.placeholder", text=data.strip())
        return [Problem(line, column, field_path(loc), message, file)]
    return [p for k, v in pairs for p in _placeholders(v, positions, file, (*loc, k))]


def _check_location(
    path: Path, data: dict[str, Any], positions: dict[Loc, tuple[int, int]], file: str
) -> list[Problem]:
    """The file's name and folder must agree with its date and series: they are its address."""
    problems = []
    date, series = data.get("date"), data.get("series")
    if isinstance(date, str):  # quoted: the model accepts it, so check it too
        with contextlib.suppress(ValueError):
            date = dt.date.fromisoformat(date)
    # (a date with a time is not a date; the model reports that one)
    # (a sample meeting, made for a new template, is named so that no build takes it; a
    # kallelse kept beside its meeting is named for the meeting's date)
    sample = path.name == SAMPLE_FILE
    named = path.name.removesuffix(KALLELSE_RECORD).removesuffix(".yaml")
    same_day = MEETING_NAME.fullmatch(named)  # a second meeting that day: <date>-2
    if type(date) is dt.date and not sample and not (same_day and same_day[1] == date.isoformat()):
        line, col = positions[("date",)]
        other = path.with_name(f"{date.isoformat()}.yaml")
        # renaming would overwrite another meeting
        key = "file.date_mismatch_other" if other.exists() else "file.date_mismatch"
        message = say(key, date=date.isoformat(), name=path.name, other=other.name)
        problems.append(Problem(line, col, "date", message, file))
    folder = path.resolve().parent.name
    # (a series that is no slug at all is reported by the model)
    if isinstance(series, str) and re.match(SLUG, series) and folder != series:
        line, col = positions[("series",)]
        problems.append(
            Problem(
                line,
                col,
                "series",
                say("file.series_mismatch", series=series, folder=folder),
                file,
            )
        )
    return problems


def attachment_path(series_folder: Path, href: str) -> Path | None:
    """The file a relative attachment link names, or None for a web link."""
    if href.startswith("https://"):
        return None
    return series_folder / href


def _check_attachments(
    path: Path, meeting: Meeting, positions: dict[Loc, tuple[int, int]], file: str
) -> list[Problem]:
    """Attached, document and data files must exist inside the series folder, links included."""
    problems = []
    folder = path.resolve().parent
    named: list[tuple[Loc, str]] = [
        (("items", i, "attachments", j, "href"), attachment.href)
        for i, item in enumerate(meeting.items)
        for j, attachment in enumerate(item.attachments)
    ]
    named += [
        (("items", i, "documents", j, "href"), document.href)
        for i, item in enumerate(meeting.items)
        for j, document in enumerate(item.documents)
        if document.href
    ]
    named += [
        (("data", name) if isinstance(meeting.data[name], str) else ("data", name, "file"), f.file)
        for name, f in meeting.data_files().items()
    ]
    shared = folder.parent / "_data"  # params/_data/: data several series share
    for loc, href in named:
        target = attachment_path(folder, href)
        if target is None:
            continue
        message = ""
        inside = shared if href.startswith(SHARED_DATA) else folder
        if not target.resolve().is_relative_to(inside):
            message = say("file.outside")
        elif not target.is_file():
            where = "params/_data" if inside == shared else path.parent.name
            message = say("file.missing", href=href, where=where)
        if message:
            line, col = positions.get(loc, (1, 1))
            problems.append(Problem(line, col, field_path(loc), message, file))
    return problems

"""A series' own settings: ``params/<series>/series.yaml``, merged under each meeting's keys.

What stays the same from meeting to meeting — who meets, where, in which language, who the
members are and their parties — is written once. A meeting's own keys win; a participant
with a member's name takes the member's role, party and position unless the meeting gives
them. The file is an input of every meeting of the series: changing it rebuilds them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError

from ..errors import MeetingFileError, Problem
from ..i18n import say
from ..paths import SERIES_FILE, SLUG
from .messages import describe, pydantic_problems
from .model import Time
from .types import Flag, Kind, Role, Text, _Strict
from .yamlfile import read_yaml

# Meeting keys a series may give defaults for.
DEFAULTS = ("body", "organisation", "language", "kind", "place", "time", "kept_at")
# What a member's entry gives a participant of the same name.
MEMBER_KEYS = ("role", "party", "position")


_S = TypeVar("_S", bound=BaseModel)


class Member(_Strict):
    """One of the body's members, as the roster lists them."""

    name: Text
    role: Role | list[Role] | None = None
    party: Text | None = None
    position: Text | None = None


class SeriesSettings(_Strict):
    """The whole ``series.yaml``."""

    body: Text | None = None
    organisation: Text | None = None
    language: Literal["sv", "en"] | None = None
    kind: Kind | None = None
    place: Text | None = None
    time: Time | None = None
    kept_at: Text | None = None
    template: Text | None = Field(
        default=None,
        pattern=SLUG,
        description="the series' template, notebooks/<template>.ipynb "
        "(default: notebooks/<series>.ipynb, else the default one)",
    )
    template_owner: Text | None = Field(
        default=None,
        description="who keeps the series' template: named when it fails, so that the "
        "secretary knows whom to ask",
    )
    posting: Flag = Field(
        default=True, description="protocol: an anslagsbevis (and a notice) for the minutes"
    )
    publish_drafts: Flag = Field(
        default=False,
        description="whether draft minutes are published under reports/ (marked as drafts) "
        "or built into internal/ only, for the secretary",
    )
    signatures: list[Role] | None = Field(
        default=None, description="who signs besides the secretary (default: chair, adjusters)"
    )
    show_confidential_case: Flag = Field(
        default=False,
        description="whether a confidential item's public notice keeps its case reference "
        "(diarienummer), as registers that are public themselves do",
    )
    members: list[Member] = Field(default=[], description="the body's roster")


def series_file(meeting_file: Path) -> Path:
    """Where the settings of a meeting file's series are."""
    return meeting_file.parent / SERIES_FILE


def load_series(meeting_file: Path, name: str) -> SeriesSettings | None:
    """The settings of the series of ``meeting_file``, or None when it has none.

    Raises:
        MeetingFileError: ``series.yaml`` has errors (reported at its own lines).
    """
    path = series_file(meeting_file)
    if not path.is_file():
        return None
    return load_settings(path, name, SeriesSettings, "series.not_mapping")[0]


def load_settings(
    path: Path, name: str, model: type[_S], not_mapping: str
) -> tuple[_S, dict[Any, tuple[int, int]]]:
    """A settings file read into ``model``, with the positions of its values.

    Raises:
        MeetingFileError: the file has errors, each at its line (``not_mapping``: the
            message for a file that is not keys with values).
    """
    data, positions, problems = read_yaml(path, name)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        message = say(not_mapping, got=describe(data))
        raise MeetingFileError([Problem(1, 1, "", message, name)])
    try:
        settings = model.model_validate(data)
    except ValidationError as error:
        reported = {p.field for p in problems}
        found = pydantic_problems(error, positions, name, model)
        raise MeetingFileError(problems + [p for p in found if p.field not in reported]) from None
    if problems:
        raise MeetingFileError(problems)
    return settings, positions


def merge(data: dict[str, Any], settings: SeriesSettings) -> dict[str, Any]:
    """The meeting's data with the series' defaults under it (the meeting's own keys win)."""
    given = settings.model_dump(mode="json", include=set(DEFAULTS), exclude_none=True)
    merged = {**given, **data}
    roster = {member.name: member for member in settings.members}
    people = merged.get("participants")
    if roster and isinstance(people, list):
        merged["participants"] = [
            _with_member(person, roster) if isinstance(person, dict) else person
            for person in people
        ]
    return merged


def _with_member(person: dict[str, Any], roster: dict[str, Member]) -> dict[str, Any]:
    member = roster.get(str(person.get("name")))
    if member is None:
        return person
    known = member.model_dump(mode="json", include=set(MEMBER_KEYS), exclude_none=True)
    return {**known, **person}

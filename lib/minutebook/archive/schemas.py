"""A JSON Schema for each JSON file the archive publishes, generated from models.

Programs that read the archive need to know what they will get, and that it will not
change under them unnoticed. ``meeting.json`` has its model already (the meeting's, with
what a reuser needs: :mod:`minutebook.build.published`); ``index.json``, ``decisions.json``
and ``popolo.json`` are written from plain dicts, and these models say what those dicts
are. The schemas are published under ``reports/_schema/``; a test checks every published
file against them, so a key added to a file and not here fails (each model forbids keys it
does not name).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..build.published import PublishedMeeting

SCHEMA = "_schema"  # under reports/: no series slug starts with "_"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _About(_Closed):
    generator: str = Field(description='"minutebook" and its version')
    format_version: str = Field(description="the version of this file's format")
    licence: str = Field(description="SPDX id of the terms of reuse: CC0-1.0 by default")
    licence_url: str = Field(description="where the licence is written")


class IndexEntry(_Closed):
    """A published meeting, as ``index.json`` lists it."""

    series: str
    date: str = Field(description="YYYY-MM-DD")
    body: str
    organisation: str | None
    kind: str = Field(description='"notes" or "protocol"')
    language: str
    status: str = Field(description="planned, draft, final or cancelled")
    title: str
    html: str = Field(description="its page, relative to the archive's root")
    pdf: str | None
    json_: str = Field(alias="json", description="its meeting.json")
    built: str = Field(description="when its folder was built (ISO time)")


class IndexFile(_About):
    """``index.json``: every published meeting, newest first."""

    meetings: list[IndexEntry]


class DecisionRow(_Closed):
    """A decision, as ``decisions.json`` and ``decisions.csv`` give it."""

    series: str
    body: str
    organisation: str | None
    date: str
    kind: str
    status: str
    language: str
    number: str = Field(description='the item\'s number as the minutes show it: "§ 35"')
    case: str = Field(description='its case references, "; " between several')
    title: str
    decision: str
    unanimous: bool | None
    reservations: str = Field(description='who entered a reservation, "; " between names')
    url: str = Field(description="the item on its page")


class DecisionsFile(_About):
    """``decisions.json``: every decision of every held meeting, oldest first."""

    decisions: list[DecisionRow]


class _Named(_Closed):
    name: str


class _Organization(_Closed):
    id: str
    name: str


class _Attendee(_Closed):
    name: str
    role: list[str]
    attendance: str
    party: str | None = None


class _Event(_Closed):
    id: str
    name: str
    classification: str
    organization_id: str
    start_date: str
    end_date: str
    location: str | None
    status: str
    attendees: list[_Attendee]


class _Motion(_Closed):
    id: str
    organization_id: str
    creator: list[_Named]
    text: str
    classification: str | None
    date: str
    result: str | None = Field(description='"pass", "fail" or null')


class _Count(_Closed):
    option: str
    value: int


class _Vote(_Closed):
    voter: _Named
    option: str
    group: _Named | None = None


class _VoteEvent(_Closed):
    id: str
    motion_id: str | None
    identifier: str
    start_date: str
    result: str | None
    counts: list[_Count]
    votes: list[_Vote]


class PopoloFile(_About):
    """``popolo.json``: the meeting in the Popolo vocabulary (popoloproject.com)."""

    organizations: list[_Organization]
    events: list[_Event]
    motions: list[_Motion]
    vote_events: list[_VoteEvent]


MODELS: dict[str, type[BaseModel]] = {
    "meeting": PublishedMeeting,
    "index": IndexFile,
    "decisions": DecisionsFile,
    "popolo": PopoloFile,
}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of the published file ``name`` (``meeting``, ``index``, …)."""
    model = MODELS[name]
    out = model.model_json_schema(mode="serialization", by_alias=True)
    out["$schema"] = DIALECT
    out["$id"] = f"{name}.schema.json"
    return out


def schema_files() -> dict[str, bytes]:
    """Every schema as its file under ``reports/_schema/``."""
    return dict(_schema_files())


@cache
def _schema_files() -> tuple[tuple[str, bytes], ...]:
    """Made once a process: the models do not change while it runs."""
    return tuple(
        (
            f"{SCHEMA}/{name}.schema.json",
            (json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n").encode(),
        )
        for name in MODELS
    )

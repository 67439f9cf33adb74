"""The meeting file as pydantic models: the one definition of what a secretary may write.

Every key of ``docs/meeting-format.md`` is declared here; unknown keys are rejected
(``extra="forbid"``) because a typo must never silently drop a field. The JSON Schema that
editors use for autocompletion (``meeting.schema.json``) is generated from these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, model_validator

from ..i18n import say
from ..paths import SLUG
from .items import Action, Attachment, Decision, DecisionEntry, Item
from .people import SERVING_ROLES, Attendance, Participant
from .types import (
    BOOLEAN_WORDS,
    ClockTime,
    DataEntry,
    DataFile,
    DataName,
    Flag,
    Kind,
    Role,
    Text,
    _safe_href,
    _Strict,
    both_languages,
    in_english,
    is_true,
    yaml_bool,
)

__all__ = [
    "BOOLEAN_WORDS",
    "SERVING_ROLES",
    "Action",
    "Attachment",
    "Attendance",
    "ClockTime",
    "Correction",
    "Decision",
    "DecisionEntry",
    "Flag",
    "Item",
    "Meeting",
    "Participant",
    "Role",
    "Text",
    "Time",
    "is_true",
    "json_schema",
    "yaml_bool",
]


LinkKindWord = Literal["agenda", "recording", "transcript", "other"]
LinkKind = Annotated[LinkKindWord, in_english(LinkKindWord), both_languages(LinkKindWord)]
StatusWord = Literal["planned", "draft", "final", "cancelled"]
Status = Annotated[StatusWord, in_english(StatusWord), both_languages(StatusWord)]


class Break(_Strict):
    """An adjournment (ajournering)."""

    _second_version = frozenset({"end", "note"})

    start: ClockTime
    end: ClockTime | None = None
    note: Text | None = None


class Time(_Strict):
    """When the meeting started and ended (shown in the header)."""

    _second_version = frozenset({"breaks"})

    start: ClockTime | None = None
    end: ClockTime | None = None
    breaks: list[Break] = Field(default=[], description="ajourneringar: start, end, note")

    @model_validator(mode="after")
    def _end_after_start(self) -> Time:
        if self.start and self.end and self.end < self.start:
            raise ValueError(say("rule.end_before_start"))
        return self


class Correction(_Strict):
    """A change made after the minutes became final, shown in a visible log."""

    date: dt.date
    text: Text


class Link(_Strict):
    """A document of the whole meeting: its agenda, recording, transcript."""

    title: Text
    href: Annotated[Text, AfterValidator(_safe_href)]
    kind: LinkKind = "other"


class NextMeeting(_Strict):
    """When and where the body meets next."""

    _second_version = frozenset({"date", "time", "place", "note"})

    date: dt.date | None = None
    time: ClockTime | None = None
    place: Text | None = None
    note: Text | None = None


class Adjustment(_Strict):
    """Where and when the justering will be done (justeringens plats och tid)."""

    _second_version = frozenset({"place", "date", "time"})

    place: Text | None = None
    date: dt.date | None = None
    time: ClockTime | None = None


class Meeting(_Strict):
    """One meeting: the whole meeting file."""

    _second_version = frozenset({"links", "actions", "next_meeting", "adjustment"})
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="minutebook meeting",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    series: Annotated[str, StringConstraints(pattern=SLUG)] = Field(
        description="slug; must match the folder the file is in"
    )
    body: Text = Field(description="who meets")
    organisation: Text | None = None
    kind: Kind = Field(
        default="notes", description="notes = mötesanteckningar, protocol = protokoll"
    )
    language: Literal["sv", "en"] = Field(
        default="sv", description="the labels, dates and page texts of the output"
    )
    date: dt.date = Field(description="the meeting's date; must match the file name")
    time: Time | None = None
    place: Text | None = None
    status: Status = Field(
        default="final",
        description="planned: not yet held, the file is the agenda and a build gives the "
        "kallelse; draft: minutes being written, marked as such (published only with the "
        "series setting publish_drafts); final; cancelled: a notice says it will not be held",
    )
    notice_posted_on: dt.date | None = Field(
        default=None,
        description="the day the kallelse (or the notice of cancellation) is posted on the "
        "notice board (default: the day its first build published it)",
    )
    participants: list[Participant] = []
    items: list[Item] = Field(min_length=1, description="the agenda, in order")
    recorded_by: Text | None = Field(
        default=None, description='the name behind "Noterat av" / "Recorded by"'
    )
    adjusters: list[Text] = Field(default=[], description="protocol only: justerare")
    adjusted_on: dt.date | None = Field(
        default=None, description="protocol only: the date of justering"
    )
    first_paragraph: int | None = Field(
        default=None, ge=1, description="protocol only: the § number of the first item"
    )
    posted_on: dt.date | None = Field(
        default=None,
        description="protocol only: the day the notice of justering is posted "
        "(default: the day of justering)",
    )
    kept_at: Text | None = Field(
        default=None, description="protocol only: where the signed protokoll is kept"
    )
    data: dict[DataName, DataEntry] = Field(
        default={},
        description="data files for the template's own sections: name -> a CSV or Excel file "
        "relative to the series folder (../_data/ for data several series share), or "
        "{file, sep, decimal, thousands, encoding, sheet, confidential}",
    )
    source: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="where the original is published"
    )
    corrections: list[Correction] = Field(
        default=[], description="changes after the minutes became final, shown in a log"
    )
    links: list[Link] = Field(
        default=[], description="documents of the whole meeting: title, href, kind"
    )
    actions: list[Action] = Field(
        default=[], description="action items of the whole meeting, shown after the items"
    )
    next_meeting: NextMeeting | None = Field(
        default=None, description="date, time, place, note: shown at the end"
    )
    adjustment: Adjustment | Text | None = Field(
        default=None,
        description="protocol: where and when the justering will be done: place, date, time, "
        "or one line of text",
    )

    def data_files(self) -> dict[str, DataFile]:
        """Every data file the meeting names, with how to read it."""
        return {
            name: entry if isinstance(entry, DataFile) else DataFile(file=entry)
            for name, entry in self.data.items()
        }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a meeting file, as written to ``meeting.schema.json``."""
    return Meeting.model_json_schema(mode="validation")

"""The meeting file as pydantic models: the one definition of what a secretary may write.

Every key of ``docs/meeting-format.md`` is declared here; unknown keys are rejected
(``extra="forbid"``) because a typo must never silently drop a field. The JSON Schema that
editors use for autocompletion (``meeting.schema.json``) is generated from these models.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    WithJsonSchema,
    model_serializer,
    model_validator,
)

from ..paths import SLUG

Role = Literal[
    "chair", "vice_chair", "secretary", "adjuster", "member", "deputy", "officer", "guest"
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Editors check "format: time" as RFC 3339 (13:00:00+01:00); secretaries write "13:00".
ClockTime = Annotated[
    dt.time,
    WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$"}),
]


# YAML 1.2 reads only true/false as booleans; secretaries also write yes/no/on/off, which
# YAML 1.1 (and most editors' highlighting) calls booleans. They mean the same everywhere
# in the format: a flag, never text ("confidential: no" is not a reason called "no").
BOOLEAN_WORDS = {
    **dict.fromkeys(("true", "yes", "on", "y"), True),
    **dict.fromkeys(("false", "no", "off", "n"), False),
}


def yaml_bool(value: Any) -> Any:
    """A boolean word as the boolean it means; anything else as it is."""
    if isinstance(value, str) and value.strip().lower() in BOOLEAN_WORDS:
        return BOOLEAN_WORDS[value.strip().lower()]
    return value


def is_true(value: Any) -> bool:
    """Whether a flag as read from YAML (``true``, ``yes``, ``no``, nothing …) is set."""
    return yaml_bool(value) is True


Flag = Annotated[bool, BeforeValidator(yaml_bool)]


class _Strict(BaseModel):
    """Base of every part of a meeting: unknown keys are errors, values are frozen.

    Keys of the second version of the format are left out of the dumped meeting (its
    ``meeting.json``, the template's parameters) when they are not set, so that a file of
    the first version publishes exactly what it always did.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    _second_version: ClassVar[frozenset[str]] = frozenset()

    @model_serializer(mode="wrap")
    def _without_unset(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for key in self._second_version:
                if data.get(key) is None:
                    data.pop(key, None)
            self._dumped(data)
        return data

    def _dumped(self, data: dict[str, Any]) -> None:
        """Adjust the dumped keys of this part (see :class:`Participant`)."""


class Time(_Strict):
    """When the meeting started and ended (shown in the header)."""

    start: ClockTime | None = None
    end: ClockTime | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Time:
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        return self


Attendance = Literal["present", "remote", "absent", "excused"]
# Who takes part in decisions unless told otherwise (beslutande).
SERVING_ROLES = ("chair", "vice_chair", "member")


class Participant(_Strict):
    """One person at (or invited to) the meeting."""

    _second_version = frozenset(
        {"position", "party", "attendance", "serving", "serving_for", "during", "joined", "left"}
        | {"group"}
    )

    name: Text
    role: Role | list[Role] | None = Field(
        default=None, description="one role, or a list: [vice_chair, adjuster]"
    )
    position: Text | None = Field(
        default=None, description='shown with the name: "Kassör", "Förvaltningschef"'
    )
    party: Text | None = Field(default=None, description='shown after the name: "(S)"')
    organisation: Text | None = None
    attendance: Attendance | None = Field(
        default=None,
        description="present (default), remote, absent, or excused (anmält förhinder); "
        "instead of present",
    )
    present: Flag = True
    publish_name: Flag = Field(
        default=True, description="false: the name is withheld from every public output"
    )
    serving: Flag | None = Field(
        default=None,
        description="takes part in decisions (beslutande); default: chair, vice chair, member",
    )
    serving_for: Text | None = Field(
        default=None,
        description='a deputy serving in a member\'s place: the member, or a seat "(M)"',
    )
    during: Text | None = Field(
        default=None, description='the items attended, when not all: "§§ 170, 172–184"'
    )
    joined: Text | None = Field(default=None, description='arrived late: "15:30" or "§ 5"')
    left: Text | None = Field(default=None, description='left early: "15:30" or "§ 5"')
    group: Text | None = Field(
        default=None, description='the heading the person is listed under: "Also attending"'
    )

    @model_validator(mode="before")
    @classmethod
    def _attendance_or_present(cls, data: Any) -> Any:
        """``present`` is the first version's word for attendance: one of them, not both."""
        if isinstance(data, dict) and data.get("attendance") is not None:
            if "present" in data:
                raise ValueError(
                    "give attendance or present, not both (present: false is attendance: absent)"
                )
            data = {**data, "present": data["attendance"] in ("present", "remote")}
        return data

    def _dumped(self, data: dict[str, Any]) -> None:
        # ``present`` follows from ``attendance``; both in a file would be an error
        if data.get("attendance") is not None:
            data.pop("present", None)

    @property
    def roles(self) -> list[str]:
        """Every role, as a list."""
        if self.role is None:
            return []
        return [self.role] if isinstance(self.role, str) else list(self.role)

    @property
    def status(self) -> Attendance:
        """Present, remote, absent or excused, whichever version of the format said it."""
        return self.attendance or ("present" if self.present else "absent")

    @property
    def is_serving(self) -> bool:
        """Whether the person takes part in decisions (beslutande)."""
        if self.serving is not None:
            return self.serving
        return self.serving_for is not None or any(r in SERVING_ROLES for r in self.roles)


class Decision(_Strict):
    """A decision, with the names of those who entered a reservation against it."""

    text: Text
    reservations: list[Text] = []


def _decision_from_text(value: Any) -> Any:
    """A bare string is the common case: ``- att godkänna …``."""
    return {"text": value} if isinstance(value, str) else value


DecisionEntry = Annotated[
    Decision,
    BeforeValidator(_decision_from_text, json_schema_input_type=str | Decision),
]


class Action(_Strict):
    """An action item: who does what by when."""

    task: Text
    owner: Text | None = None
    due: dt.date | None = None
    done: Flag = False


def _safe_href(href: str) -> str:
    """Attachments link to https URLs or to files inside the series folder, nowhere else."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href):
        if not href.startswith("https://"):
            raise ValueError("must be an https:// URL or a relative path")
        return href
    parts = href.replace("\\", "/").split("/")
    if href.startswith(("/", "\\")) or ".." in parts:
        raise ValueError("a relative path must stay inside the series folder")
    return href


def _data_file(path: str) -> str:
    """Data files are CSV or Excel files inside the series folder."""
    _safe_href(path)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path):
        raise ValueError("must be a relative path to a file in the series folder")
    if not path.lower().endswith((".csv", ".xlsx")):
        raise ValueError("must be a .csv or .xlsx file")
    return path


DataName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_-]*$")]
DataPath = Annotated[Text, AfterValidator(_data_file)]


class Attachment(_Strict):
    """A document attached to an item."""

    title: Text
    href: Annotated[Text, AfterValidator(_safe_href)]


class Item(_Strict):
    """One agenda item, in the order of the agenda."""

    title: Text
    presenters: list[Text] = []
    notes: str | None = Field(default=None, description="Markdown; raw HTML is not passed through")
    decisions: list[DecisionEntry] = []
    actions: list[Action] = []
    attachments: list[Attachment] = []
    standing: Flag = Field(default=False, description="carried into the next meeting")
    confidential: Annotated[bool | Text, BeforeValidator(yaml_bool)] = Field(
        default=False, description='true or a reason such as "OSL 26:1"'
    )


class Correction(_Strict):
    """A change made after the minutes became final, shown in a visible log."""

    date: dt.date
    text: Text


class Meeting(_Strict):
    """One meeting: the whole meeting file."""

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
    kind: Literal["notes", "protocol"] = Field(
        default="notes", description="notes = mötesanteckningar, protocol = protokoll"
    )
    language: Literal["sv", "en"] = Field(
        default="sv", description="the labels, dates and page texts of the output"
    )
    date: dt.date = Field(description="the meeting's date; must match the file name")
    time: Time | None = None
    place: Text | None = None
    status: Literal["draft", "final"] = Field(
        default="final", description="a draft is marked as such on every page"
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
    data: dict[DataName, DataPath] = Field(
        default={},
        description="data files for the template's own sections: name -> CSV or Excel file, "
        "relative to the series folder",
    )
    source: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="where the original is published"
    )
    corrections: list[Correction] = Field(
        default=[], description="changes after the minutes became final, shown in a log"
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a meeting file, as written to ``meeting.schema.json``."""
    return Meeting.model_json_schema(mode="validation")

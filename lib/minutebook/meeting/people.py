"""Who was at the meeting: a participant, in both versions of the format."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from ..i18n import say
from .types import Flag, Role, Text, _Strict, both_languages, english_word, in_english

AttendanceWord = Literal["present", "remote", "absent", "excused"]
Attendance = Annotated[AttendanceWord, in_english(AttendanceWord), both_languages(AttendanceWord)]
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
                raise ValueError(say("rule.attendance_and_present"))
            attendance = english_word(data["attendance"])
            data = {**data, "present": attendance in ("present", "remote")}
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

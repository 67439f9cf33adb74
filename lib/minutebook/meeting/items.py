"""An agenda item and what it holds: decisions, action items, attachments."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from .types import ClockTime, Flag, Text, _safe_href, _Strict, yaml_bool


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


class Attachment(_Strict):
    """A document attached to an item."""

    title: Text
    href: Annotated[Text, AfterValidator(_safe_href)]


class Document(_Strict):
    """A document an item was decided on (beslutsunderlag), unlike an attachment (bilaga)."""

    _second_version = frozenset({"date", "href"})

    title: Text
    date: dt.date | None = None
    href: Annotated[Text, AfterValidator(_safe_href)] | None = None


class Section(_Strict):
    """A heading over an item and those after it, with a text of its own if it has one."""

    _second_version = frozenset({"notes"})

    title: Text
    notes: str | None = Field(default=None, description="Markdown")


def _section_from_text(value: Any) -> Any:
    """A bare string is the common case: ``section: Beslutsärenden``."""
    return {"title": value} if isinstance(value, str) else value


SectionEntry = Annotated[
    Section, BeforeValidator(_section_from_text, json_schema_input_type=str | Section)
]


class Item(_Strict):
    """One agenda item, in the order of the agenda."""

    _second_version = frozenset({"section", "number", "case", "time", "documents"})

    section: SectionEntry | None = Field(
        default=None, description="a heading over this item and those after it"
    )
    number: str | None = Field(
        default=None,
        description='the number shown, as text: "3.10" (in a protocol, instead of its §)',
    )
    title: Text
    presenters: list[Text] = []
    notes: str | None = Field(default=None, description="Markdown; raw HTML is not passed through")
    decisions: list[DecisionEntry] = []
    actions: list[Action] = []
    attachments: list[Attachment] = []
    case: Text | list[Text] | None = Field(
        default=None, description='the case reference (diarienummer): "KS 2023/0456"'
    )
    time: ClockTime | None = Field(default=None, description='when it was taken up: "14:10"')
    documents: list[Document] = Field(default=[], description="beslutsunderlag: title, date, href")
    standing: Flag = Field(default=False, description="carried into the next meeting")
    confidential: Annotated[bool | Text, BeforeValidator(yaml_bool)] = Field(
        default=False, description='true or a reason such as "OSL 26:1"'
    )

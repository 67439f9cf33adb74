"""An agenda item and what it holds: decisions, action items, attachments."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from ..i18n import say
from .types import (
    ClockTime,
    Flag,
    Text,
    _safe_href,
    _Strict,
    both_languages,
    in_english,
    in_user_words,
    yaml_bool,
)
from .votes import Proposal, Vote, expected_outcomes


class Reservation(_Strict):
    """A written reservation: who, and the text they handed in."""

    name: Text
    text: Text


class Decision(_Strict):
    """A decision, with the names of those who entered a reservation against it."""

    _second_version = frozenset({"unanimous"})

    text: Text
    reservations: list[Text | Reservation] = Field(
        default=[], description="names, or {name, text} for a written reservation"
    )
    unanimous: Flag | None = Field(default=None, description="true: decided without dissent")

    @model_validator(mode="after")
    def _unanimous_without_reservations(self) -> Decision:
        if self.unanimous and self.reservations:
            raise ValueError(say("rule.unanimous"))
        return self

    @property
    def dissenters(self) -> list[str]:
        """Who entered a reservation, written or not."""
        return [r if isinstance(r, str) else r.name for r in self.reservations]


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
    id: Text | None = Field(
        default=None,
        description="the same action in later meetings (minutebook new writes it): "
        "without one, the date of the meeting and its place among the meeting's actions",
    )


class Attachment(_Strict):
    """A document attached to an item."""

    title: Text
    href: Annotated[Text, AfterValidator(_safe_href)]


class Recusal(_Strict):
    """A conflict of interest (jäv), with its reason."""

    name: Text
    reason: Text | None = None


class Statement(_Strict):
    """A statement for the record (protokollsanteckning)."""

    by: Text | list[Text]
    text: Text


OutcomeWord = Literal["decided", "noted", "tabled", "referred", "answered", "withdrawn"]
Outcome = Annotated[OutcomeWord, in_english(OutcomeWord), both_languages(OutcomeWord)]


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

    _second_version = frozenset(
        {"section", "number", "case", "time", "documents", "recused", "statements"}
        | {"proposals", "votes"}
        | {"asked_by", "answered_by", "recommended_to", "adjusted_immediately", "outcome"}
        | {"dispatch"}
    )

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
    proposals: list[Proposal] = Field(
        default=[], description="yrkanden: text, id, by, seconded_by, kind, amends, outcome"
    )
    votes: list[Vote] = Field(
        default=[], description="the propositionsordning, in order: each question put"
    )
    decisions: list[DecisionEntry] = []
    actions: list[Action] = []
    attachments: list[Attachment] = []
    case: Text | list[Text] | None = Field(
        default=None, description='the case reference (diarienummer): "KS 2023/0456"'
    )
    time: ClockTime | None = Field(default=None, description='when it was taken up: "14:10"')
    documents: list[Document] = Field(default=[], description="beslutsunderlag: title, date, href")
    recused: list[Text | Recusal] = Field(
        default=[], description="names, or {name, reason}: jäv; they took no part in the item"
    )
    statements: list[Statement] = Field(default=[], description="protokollsanteckningar: by, text")
    asked_by: Text | list[Text] | None = Field(
        default=None, description="an interpellation or question: who asked"
    )
    answered_by: Text | list[Text] | None = Field(default=None, description="who answered")
    recommended_to: Text | None = Field(
        default=None, description="the body the decision is a proposal to"
    )
    adjusted_immediately: Flag | None = Field(
        default=None, description="true: the § is justerad at once (omedelbar justering)"
    )
    outcome: Outcome | None = Field(
        default=None,
        description="decided, noted, tabled, referred, answered or withdrawn; "
        "new carries tabled and referred items",
    )
    dispatch: list[Text] = Field(default=[], description="expediering: who is sent the decision")
    standing: Flag = Field(default=False, description="carried into the next meeting")
    confidential: Annotated[bool | Text, BeforeValidator(yaml_bool)] = Field(
        default=False, description='true or a reason such as "OSL 26:1"'
    )

    @property
    def case_refs(self) -> list[str]:
        """Its case references as a list: ``case:`` gives one, or several."""
        return [self.case] if isinstance(self.case, str) else list(self.case or [])

    @model_validator(mode="after")
    def _outcomes_agree_with_votes(self) -> Item:
        expected = expected_outcomes(self.votes)
        for proposal in self.proposals:
            want = expected.get(proposal.id or "")
            if want and proposal.outcome in ("adopted", "rejected") and proposal.outcome != want:
                outcome, want = in_user_words(proposal.outcome), in_user_words(want)
                raise ValueError(say("rule.outcome", id=proposal.id, outcome=outcome, want=want))
        return self

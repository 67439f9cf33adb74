"""Motions and votes: yrkanden and the propositionsordning, as the second version writes them.

A proposal has an ``id`` the votes refer to ("Ja för A, Nej för B"). A vote's counts are
numbers, or lists of names — a list gives the count, and the table of how each member voted
that the law asks for in open votes. A secret ballot (``method: ballot``) has no names.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, NonNegativeInt, model_validator

from ..i18n import say
from .types import Flag, Text, _Strict, both_languages, in_english

ProposalKindWord = Literal["main", "approve", "reject", "amend", "add", "refer", "table", "other"]
ProposalKind = Annotated[
    ProposalKindWord, in_english(ProposalKindWord), both_languages(ProposalKindWord)
]
ProposalOutcomeWord = Literal["adopted", "rejected", "withdrawn", "lapsed"]
ProposalOutcome = Annotated[
    ProposalOutcomeWord, in_english(ProposalOutcomeWord), both_languages(ProposalOutcomeWord)
]
MethodWord = Literal["acclamation", "show_of_hands", "roll_call", "ballot"]
Method = Annotated[MethodWord, in_english(MethodWord), both_languages(MethodWord)]
ResultWord = Literal["adopted", "rejected"]
Result = Annotated[ResultWord, in_english(ResultWord), both_languages(ResultWord)]
Names = Text | list[Text]
Count = Annotated[NonNegativeInt | list[Text], Field(description="a count, or the names")]
SIDES = ("yes", "no", "abstain", "absent")


class Proposal(_Strict):
    """A proposal (yrkande, motion): what was proposed, by whom, and what became of it."""

    _second_version = frozenset({"id", "by", "seconded_by", "kind", "amends", "outcome"})

    text: Text
    id: Text | None = Field(default=None, description='a short label the votes use: "A"')
    by: Names | None = Field(default=None, description="a name, names, or a body")
    seconded_by: Names | None = Field(default=None, description="who seconded it")
    kind: ProposalKind | None = Field(
        default=None,
        description="main, approve (bifall), reject (avslag), amend (ändring), add (tillägg), "
        "refer (återremiss), table (bordläggning), other",
    )
    amends: Text | None = Field(default=None, description="the id of the proposal it changes")
    outcome: ProposalOutcome | None = None


class Vote(_Strict):
    """A question the chair put, and how it was decided."""

    _second_version = frozenset(
        {"question", "yes_for", "no_for", "method", *SIDES, "options", "result"}
        | {"casting_vote", "lot", "requirement"}
    )

    question: Text | None = None
    yes_for: Text | None = Field(default=None, description="what Ja stands for: an id or text")
    no_for: Text | None = Field(default=None, description="what Nej stands for: an id or text")
    method: Method | None = None
    yes: Count | None = None
    no: Count | None = None
    abstain: Count | None = None
    absent: Count | None = None
    options: dict[Text, Count] | None = Field(
        default=None, description="an election: {candidate or choice: count or names}"
    )
    result: Result | None = Field(default=None, description="for the yes side")
    casting_vote: Text | None = Field(
        default=None, description="the chair, when the chair's vote decided a tie"
    )
    lot: Flag | None = Field(default=None, description="true: decided by drawing lots")
    requirement: Text | None = Field(default=None, description='"två tredjedels majoritet"')

    @model_validator(mode="after")
    def _a_ballot_is_secret(self) -> Vote:
        named = [side for side in SIDES if isinstance(getattr(self, side), list)]
        named += [k for k, v in (self.options or {}).items() if isinstance(v, list)]
        if self.method == "ballot" and named:
            raise ValueError(say("rule.secret_ballot"))
        return self

    def count(self, side: str) -> int | None:
        """The number on one side, whether counted or named."""
        value = getattr(self, side)
        return len(value) if isinstance(value, list) else value


def expected_outcomes(votes: list[Vote]) -> dict[str, str]:
    """What the votes say became of each proposal they name: the last vote on it decides."""
    out: dict[str, str] = {}
    for vote in votes:
        if vote.result is None:
            continue
        won, lost = (vote.yes_for, vote.no_for)
        if vote.result == "rejected":
            won, lost = lost, won
        for proposal, outcome in ((won, "adopted"), (lost, "rejected")):
            if proposal:
                out[proposal] = outcome
    return out

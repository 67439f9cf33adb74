"""The public version of a meeting: confidential items and withheld names taken out.

Redaction happens on the validated model, before the template runs, so the text that must
not be published never reaches the public notebook, its outputs, or anything built from
them. A confidential item keeps its place (and so its number); everything in it is
replaced by a notice. A withheld name, found however it is written (see
:mod:`minutebook.meeting.names`), is replaced by words that read well where it stood ("en ledamot"
mid-sentence, "En ledamot" at the start of one, "Ledamot" in a field that is a name), and
the person's organisation goes with it.

Where the public copy cannot be made safely, it is refused rather than guessed at: a
withheld name in a link, an e-mail address, a file name, the ``source`` address or a data
file the template reads (none of which can be rewritten); a lone name part shared with a
participant whose name is published ("Lindberg" when one Lindberg is withheld and another is
not); a withheld participant whose name a published one has too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import MeetingFileError, Problem
from ..i18n import say
from .addresses import addresses, in_address_message, in_file
from .labels import label
from .messages import Loc, field_path, position
from .model import Item, Meeting
from .names import Finder, Found, capital, key, normal

# What is withheld with the name: these can point at the person as surely as it does.
PERSONAL = ("organisation", "position", "party")
# Fields that hold one name and nothing else: a withheld one becomes a label, "Ledamot".
NAME_FIELDS = {"presenters", "reservations", "owner", "recorded_by", "adjusters", "serving_for"}
NAME_FIELDS |= {"name", "by", "recused", "asked_by", "answered_by", "candidate"}
NAME_FIELDS |= {
    "seconded_by",
    "casting_vote",
    "yes",
    "no",
    "abstain",
    "absent",
}  # (a participant's own
# name is replaced whole before, with the rest of what is withheld of them)
# Addresses and file names: never rewritten (a link must keep working), only checked.
ADDRESS_FIELDS = {"href", "source", "data"}
# Text that is an address though not a link: published as written, so never rewritten.
_BARE_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[^\s<>()\[\]]+")


@dataclass(frozen=True)
class Replacement:
    """One place where a withheld name is replaced, for ``check`` to show."""

    loc: Loc
    found: str
    shown: str
    offset: int = 0  # where in the field's text it starts


@dataclass(frozen=True)
class Finding:
    """Something found at one place: why the public version cannot be made, or a note on it."""

    loc: Loc
    message: str


class Unsafe(Exception):
    """The public version of a meeting cannot be made safely; carries every reason."""

    def __init__(self, refusals: list[Finding]) -> None:
        super().__init__("; ".join(r.message for r in refusals))
        self.refusals = refusals

    def error(self, positions: dict[Loc, tuple[int, int]], file: str) -> MeetingFileError:
        """The refusals as a meeting file's errors, each at its line and column."""
        return MeetingFileError(
            [
                Problem(*position(positions, r.loc), field_path(r.loc), r.message, file)
                for r in self.refusals
            ]
        )


def _replace(
    finder: Finder, text: str, loc: Loc, whole: bool, language: str
) -> tuple[str, list[Replacement]]:
    """``text`` with every withheld name replaced, and where.

    Args:
        finder: the meeting's withheld names.
        text: the field's text.
        loc: where the field is, for the replacements and refusals.
        whole: the field holds one name (a presenter): a name there becomes "Ledamot", and
            a name part counts in any letter case.
        language: the meeting's language (the genitive).

    Raises:
        Unsafe: a lone name part is also part of a published name.
    """
    text = normal(text)
    out: list[str] = []
    done: list[Replacement] = []
    refusals: list[Finding] = []
    last = 0
    for found in finder.find(text, loose=whole):
        if found.ambiguous:
            refusals.append(Finding(loc, _ambiguous(found)))
            continue
        if whole and found.start == 0 and found.end == len(text):
            shown = found.person.listed
        else:
            shown = found.person.text
            if _starts_sentence(text[: found.start]):
                shown = capital(shown)
        if found.genitive:
            shown += "s" if language == "sv" else "'s"
        out += [text[last : found.start], shown]
        last = found.end
        done.append(Replacement(loc, found.text, shown, found.start))
    if refusals:
        raise Unsafe(refusals)
    out.append(text[last:])
    return "".join(out), done


def _ambiguous(found: Found) -> str:
    return say("public.ambiguous", text=found.text)


def _starts_sentence(before: str) -> bool:
    """Whether a name after ``before`` starts a sentence, a list entry or a table cell.

    (Without regular expressions: a line of markup before a name must cost nothing.)
    """
    line = before.rsplit("\n", 1)[-1]
    marks = line.lstrip(" \t-*+>#|[_")
    number = marks.rstrip(" \t")
    if not marks or (number[:-1].isdigit() and number[-1:] in ".)"):
        return True
    stripped = before.rstrip()
    closed = stripped.rstrip("'’\")]")
    return len(stripped) < len(before) and closed[-1:] in (".", "!", "?", ":")


@dataclass(frozen=True)
class Redacted:
    """The public version of a meeting, and every withheld name it replaced."""

    meeting: Meeting
    replacements: list[Replacement]
    notes: list[Finding]  # worth a look, not wrong: an organisation that may identify


def needs_redaction(meeting: Meeting) -> bool:
    """Whether the public version differs from the meeting as written."""
    return (
        any(item.confidential for item in meeting.items)
        or any(not p.publish_name for p in meeting.participants)
        or any(f.confidential for f in meeting.data_files().values())
    )


def confidential_notice(item: Item, meeting: Meeting) -> str:
    """What stands in place of a confidential item: ``Sekretessbelagd punkt (OSL 26:1)``."""
    notice = label("confidential", meeting.language)
    reason = item.confidential
    return f"{notice} ({reason})" if isinstance(reason, str) else notice


def public(
    meeting: Meeting, series_folder: Path | None = None, *, show_case: bool = False
) -> Meeting:
    """The meeting as it may be published (see :func:`redact`)."""
    return redact(meeting, series_folder, show_case=show_case).meeting


def redact(
    meeting: Meeting, series_folder: Path | None = None, *, show_case: bool = False
) -> Redacted:
    """The meeting as it may be published, with what was replaced.

    Args:
        meeting: the meeting as written.
        series_folder: where its data files are, to check them for withheld names.
        show_case: a confidential item's notice keeps its case reference (the series'
            ``show_confidential_case``): many registers are public, and the notice then
            says which case was handled without saying anything of it.

    Raises:
        Unsafe: a withheld name stands where it cannot be replaced, or is ambiguous.
    """
    if not needs_redaction(meeting):
        return Redacted(meeting, [], [])
    items = [
        # its place in the agenda stays (section, number); its case reference goes with it
        # unless the series says otherwise
        Item(
            title=confidential_notice(item, meeting),
            confidential=item.confidential,
            section=item.section,
            number=item.number,
            case=item.case if show_case else None,
        )
        if item.confidential
        else item
        for item in meeting.items
    ]
    # a confidential data file is read only by the internal version's template
    shown = {k: v for k, v in meeting.data.items() if not meeting.data_files()[k].confidential}
    names = Finder(meeting.participants, meeting.language)
    data = meeting.model_copy(update={"items": items, "data": shown}).model_dump(mode="json")
    if not names:
        return Redacted(Meeting.model_validate(data), [], [])
    published = {key(p.name) for p in meeting.participants if p.publish_name}
    twins = [
        Finding(
            ("participants", i, "name"),
            say("public.twins", name=p.name),
        )
        for i, p in enumerate(meeting.participants)
        if not p.publish_name and key(p.name) in published
    ]
    if twins:
        raise Unsafe(twins)
    for person, entry in zip(meeting.participants, data["participants"], strict=True):
        if not person.publish_name:
            entry["name"] = capital(label("name_withheld", meeting.language))
            entry.update(dict.fromkeys(PERSONAL))
    organisations = {
        normal(p.organisation).casefold(): p.organisation
        for p in meeting.participants
        if not p.publish_name
        and p.organisation
        and p.organisation != meeting.organisation
        and p.organisation not in {q.organisation for q in meeting.participants if q.publish_name}
    }
    replacements: list[Replacement] = []
    refusals: list[Finding] = []
    notes: list[Finding] = []

    def fix(value: Any, loc: Loc) -> Any:
        if isinstance(value, dict) and loc[-1:] == ("options",):
            # an election: the candidates are the keys (their votes, the values)
            return {fix(k, (*loc, "candidate")): fix(v, (*loc, k)) for k, v in value.items()}
        if isinstance(value, dict):
            return {k: fix(v, (*loc, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v, (*loc, i)) for i, v in enumerate(value)]
        if not isinstance(value, str) or (loc[:1] == ("participants",) and loc[-1] == "name"):
            return value
        field = next((p for p in reversed(loc) if isinstance(p, str)), "")
        if field in ADDRESS_FIELDS or loc[:1] == ("data",):
            if name := names.in_address(value):
                what = (
                    "file_name"
                    if loc[:1] == ("data",) or not value.startswith("http")
                    else "address"
                )
                refusals.append(Finding(loc, in_address_message(value, name, what)))
            return value
        links = addresses(value) if field == "notes" else []
        bare = [m.group() for m in _BARE_ADDRESS.finditer(value)]
        for address in dict.fromkeys([*links, *bare]):  # (a link is written out too)
            if name := names.in_address(address):
                refusals.append(Finding(loc, in_address_message(address, name, "link")))
        try:
            text, done = _replace(names, value, loc, field in NAME_FIELDS, meeting.language)
        except Unsafe as error:
            refusals.extend(error.refusals)
            return value
        replacements.extend(done)
        folded = normal(value).casefold()
        notes.extend(
            Finding(
                loc,
                say("public.organisation", organisation=shown),
            )
            for org, shown in organisations.items()
            if re.search(rf"(?<!\w){re.escape(org)}(?!\w)", folded)
        )
        return text

    data = fix(data, ())
    if series_folder is not None:
        for data_name, entry in meeting.data_files().items():
            file = entry.file
            if entry.confidential:
                continue  # never read for the public version
            if name := in_file(names, series_folder / file):
                refusals.append(
                    Finding(
                        ("data", data_name),
                        say("public.in_data", file=file, name=name),
                    )
                )
    if refusals:
        raise Unsafe(refusals)
    return Redacted(Meeting.model_validate(data), replacements, notes)

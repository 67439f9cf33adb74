"""The public version of a meeting: confidential items and withheld names taken out.

Redaction happens on the validated model, before the template runs, so the text that must
not be published never reaches the public notebook, its outputs, or anything built from
them. A confidential item keeps its place (and so its number); everything in it is
replaced by a notice.

A withheld name (``publish_name: false``) is looked for the way people write names, not
only the way the participant list spells it: in any letter case, with any whitespace
between its parts (a line break inside a block, a no-break space), in either Unicode form,
in the genitive ("Annas", "Anna's"), as initial and surname ("A. Hemlig"), as the surname
or the given name alone. It is replaced by words that read well where it stood ("en
ledamot" mid-sentence, "En ledamot" at the start of one, "Ledamot" in a list of names). A
single name part is taken for a name only when it is capitalised, as names are written:
"Will Smith" withheld must not turn every "will" into "a member".

Where the public copy cannot be made safely, the build is refused rather than guessed at:
a withheld name in a link, a file name, the ``source`` address or a data file the template
reads (none of which can be rewritten), and a lone name part shared with a participant
whose name is published ("Lindberg" when one Lindberg is withheld and another is not).
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .errors import MeetingFileError, Problem
from .labels import Language, label
from .model import Item, Meeting, Participant
from .params import Loc, field_path, position

# What is withheld with the name: these can point at the person as surely as it does.
PERSONAL = ("organisation",)
# Fields that hold one name and nothing else: a withheld one becomes a label, "Ledamot".
NAME_FIELDS = {"presenters", "reservations", "owner", "recorded_by", "adjusters"}
# Addresses and file names: never rewritten (a link must keep working), only checked.
ADDRESS_FIELDS = {"href", "source", "data"}
# Invisible characters that would split a name without showing: dropped from public text.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_GENITIVE = r"(?P<gen>['’]s|['’]|s)?"


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


def normal(text: str) -> str:
    """Text as it is compared and published: NFC, without invisible characters."""
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def _parts(name: str) -> list[str]:
    """The words of a name that can stand alone: "Anna-Karin Ek" → Anna-Karin, Anna, Karin, Ek."""
    words = normal(name).split()
    out = []
    for word in words:
        for part in (word, *word.split("-")):
            part = part.strip(".,")
            if len(part) >= 2 and part not in out:
                out.append(part)
    return out


def _sequence(words: list[str], separator: str) -> str:
    return separator.join(re.escape(w) for w in words)


@dataclass(frozen=True)
class _Person:
    participant: Participant
    text: str  # the stand-in in running text: "en ledamot"
    listed: str  # the stand-in as a name in a list: "Ledamot"


@dataclass(frozen=True)
class _Form:
    """One way a name can be written, and what to do where it is found."""

    pattern: str
    person: _Person | None  # None: a published name, kept as written
    word: str = ""  # for a lone part: the part
    capitalised: bool = False  # counts only where written with a capital
    ambiguous: bool = False  # also part of a published name


class Names:
    """Finds and replaces the withheld names of one meeting."""

    def __init__(self, meeting: Meeting) -> None:
        self.language: Language = meeting.language
        withheld = [p for p in meeting.participants if not p.publish_name]
        published = [p for p in meeting.participants if p.publish_name]
        self.people = [self._person(p) for p in withheld]
        self.organisations = {
            normal(p.organisation).casefold(): p.organisation
            for p in withheld
            if p.organisation
            and p.organisation not in {q.organisation for q in published}
            and p.organisation != meeting.organisation
        }
        published_parts = {part.casefold() for p in published for part in _parts(p.name)}
        forms: list[_Form] = []
        space = r"[\s._]+"
        # whole names first: at one place, the longest reading wins
        for p in published:
            forms.append(_Form(_sequence(normal(p.name).split(), space), None))
        singles: list[_Form] = []
        for person in self.people:
            words = normal(person.participant.name).split()
            forms.append(_Form(_sequence(words, space), person))
            if len(words) >= 2:
                given, surname = words[:-1], words[-1]
                # "Hemlig, Anna" and "Hemlig Anna", as lists and registers write them
                forms.append(_Form(_sequence([surname, *given], r",?" + space), person))
                initials = "".join(sorted({w[0] for w in given}))
                initial = f"[{re.escape(initials)}]"
                forms.append(
                    _Form(rf"(?:{initial}\.?[\s-]*)+{re.escape(surname)}", person, capitalised=True)
                )
            for part in _parts(person.participant.name):
                owners = [
                    q
                    for q in self.people
                    if part.casefold() in map(str.casefold, _parts(q.participant.name))
                ]
                shared = owners[0] if len(owners) == 1 else self._nobody()
                singles.append(
                    _Form(
                        re.escape(part),
                        shared,
                        word=part,
                        capitalised=True,
                        ambiguous=part.casefold() in published_parts,
                    )
                )
        forms += sorted(singles, key=lambda f: -len(f.word))
        self.forms = forms
        self.pattern = re.compile(
            "|".join(
                rf"(?<!\w)(?P<f{i}>{f.pattern}){_GENITIVE if f.person else ''}(?!\w)".replace(
                    "(?P<gen>", f"(?P<g{i}>"
                )
                for i, f in enumerate(forms)
            ),
            re.IGNORECASE,
        )

    def _person(self, p: Participant) -> _Person:
        role = p.role or "person"
        listed = label(f"role.{p.role}", self.language) if p.role else None
        return _Person(
            p,
            label(f"withheld.{role}", self.language),
            listed or _capital(label("name_withheld", self.language)),
        )

    def _nobody(self) -> _Person:
        """The stand-in for a part two withheld people share: it cannot say which."""
        return _Person(
            Participant(name="?"),
            label("withheld.person", self.language),
            _capital(label("name_withheld", self.language)),
        )

    def __bool__(self) -> bool:
        return bool(self.people)

    def found(self, text: str) -> Iterator[tuple[re.Match[str], _Form]]:
        """Every withheld name form in ``text`` (already :func:`normal`), in order."""
        for match in self.pattern.finditer(text):
            index = int(next(k for k, v in match.groupdict().items() if v and k[0] == "f")[1:])
            form = self.forms[index]
            if form.person is None:
                continue  # a published name, written out
            if form.capitalised and not match.group()[0].isupper():
                continue  # a word, not a name: "will", "ek"
            yield match, form

    def in_address(self, address: str) -> str | None:
        """The withheld name a link or file name contains, if any, in any case or spelling."""
        text = normal(unquote(address)).casefold()
        for person in self.people:
            name = person.participant.name
            for part in _parts(name):
                if re.search(rf"(?<![^\W_]){re.escape(part.casefold())}(?![^\W_])", text):
                    return name
        return None

    def replace(self, text: str, loc: Loc, whole: bool) -> tuple[str, list[Replacement]]:
        """``text`` with every withheld name replaced, and where.

        Args:
            text: the field's text.
            loc: where the field is, for the replacements and refusals.
            whole: the field holds one name (a presenter): a name there becomes "Ledamot".

        Raises:
            Unsafe: a lone name part is also part of a published name.
        """
        text = normal(text)
        out: list[str] = []
        done: list[Replacement] = []
        refusals: list[Finding] = []
        last = 0
        for match, form in self.found(text):
            assert form.person is not None
            if form.ambiguous:
                refusals.append(
                    Finding(
                        loc,
                        f"{match.group()!r} is part of a withheld name and of a published one; "
                        "write the name in full",
                    )
                )
                continue
            start, end = match.span()
            genitive = match.group(f"g{self.forms.index(form)}")
            if whole and start == 0 and end == len(text):
                shown = form.person.listed
            else:
                shown = form.person.text
                if _starts_sentence(text[:start]):
                    shown = _capital(shown)
            if genitive:
                shown += "s" if self.language == "sv" else "'s"
            out += [text[last:start], shown]
            last = end
            done.append(Replacement(loc, match.group(), shown, start))
        if refusals:
            raise Unsafe(refusals)
        out.append(text[last:])
        return "".join(out), done


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _starts_sentence(before: str) -> bool:
    """Whether a name after ``before`` starts a sentence, a list entry or a table cell."""
    line = before.rsplit("\n", 1)[-1]
    if re.fullmatch(r"\s*(?:[-*+>#|\[_]+\s*|\d+[.)]\s*)*", line):
        return True
    return bool(re.search(r"[.!?:]['’\")\]]*\s+$", before))


@dataclass(frozen=True)
class Redacted:
    """The public version of a meeting, and every withheld name it replaced."""

    meeting: Meeting
    replacements: list[Replacement]
    notes: list[Finding]  # worth a look, not wrong: an organisation that may identify


def needs_redaction(meeting: Meeting) -> bool:
    """Whether the public version differs from the meeting as written."""
    return any(item.confidential for item in meeting.items) or any(
        not p.publish_name for p in meeting.participants
    )


def confidential_notice(item: Item, meeting: Meeting) -> str:
    """What stands in place of a confidential item: ``Sekretessbelagd punkt (OSL 26:1)``."""
    notice = label("confidential", meeting.language)
    reason = item.confidential
    return f"{notice} ({reason})" if isinstance(reason, str) else notice


def public(meeting: Meeting, series_folder: Path | None = None) -> Meeting:
    """The meeting as it may be published (see :func:`redact`)."""
    return redact(meeting, series_folder).meeting


def redact(meeting: Meeting, series_folder: Path | None = None) -> Redacted:
    """The meeting as it may be published, with what was replaced.

    Args:
        meeting: the meeting as written.
        series_folder: where its data files are, to check them for withheld names.

    Raises:
        Unsafe: a withheld name stands where it cannot be replaced, or is ambiguous.
    """
    if not needs_redaction(meeting):
        return Redacted(meeting, [], [])
    items = [
        Item(title=confidential_notice(item, meeting), confidential=item.confidential)
        if item.confidential
        else item
        for item in meeting.items
    ]
    names = Names(meeting)
    data = meeting.model_copy(update={"items": items}).model_dump(mode="json")
    if not names:
        return Redacted(Meeting.model_validate(data), [], [])
    for person, entry in zip(meeting.participants, data["participants"], strict=True):
        if not person.publish_name:
            entry["name"] = _capital(label("name_withheld", meeting.language))
            for key in PERSONAL:
                entry[key] = None
    replacements: list[Replacement] = []
    refusals: list[Finding] = []
    notes: list[Finding] = []

    def fix(value: Any, loc: Loc) -> Any:
        if isinstance(value, dict):
            return {k: fix(v, (*loc, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v, (*loc, i)) for i, v in enumerate(value)]
        if not isinstance(value, str) or (loc[:1] == ("participants",) and loc[-1] == "name"):
            return value
        key = next((p for p in reversed(loc) if isinstance(p, str)), "")
        if key in ADDRESS_FIELDS or loc[:1] == ("data",):
            if name := names.in_address(value):
                what = (
                    "file name"
                    if loc[:1] == ("data",) or not value.startswith("http")
                    else "address"
                )
                refusals.append(Finding(loc, _in_address(value, name, what)))
            return value
        if key == "notes":
            for href in _addresses(value):
                if name := names.in_address(href):
                    refusals.append(Finding(loc, _in_address(href, name, "link")))
        try:
            text, done = names.replace(value, loc, whole=key in NAME_FIELDS)
        except Unsafe as error:
            refusals.extend(error.refusals)
            return value
        replacements.extend(done)
        folded = text.casefold()
        notes.extend(
            Finding(
                loc,
                label("check.organisation", meeting.language).format(organisation=repr(shown)),
            )
            for org, shown in names.organisations.items()
            if re.search(rf"(?<!\w){re.escape(org)}(?!\w)", folded)
        )
        return text

    data = fix(data, ())
    if series_folder is not None:
        for key, file in meeting.data.items():
            if name := _in_file(names, series_folder / file):
                refusals.append(
                    Finding(
                        ("data", key),
                        f"the data file {file} contains the withheld name {name!r}; "
                        "the template would publish it",
                    )
                )
    if refusals:
        raise Unsafe(refusals)
    return Redacted(Meeting.model_validate(data), replacements, notes)


def _in_address(address: str, name: str, what: str) -> str:
    return (
        f"the {what} {address!r} contains the withheld name {name!r}; {what}s are published "
        "as written, so change it"
    )


def _addresses(markdown: str) -> list[str]:
    """Every link and image address in a note, as markdown-it reads them."""
    from .markdown import tokens

    found = []
    for token in tokens(markdown):
        for child in [token, *(token.children or [])]:
            for attribute in ("href", "src"):
                if value := child.attrGet(attribute):
                    found.append(str(value))
    return found


def _in_file(names: Names, path: Path) -> str | None:
    """The withheld name a data file's text contains, if any."""
    try:
        if path.suffix.lower() == ".xlsx":
            with zipfile.ZipFile(path) as book:
                text = " ".join(
                    unescape(re.sub(r"<[^>]+>", " ", book.read(n).decode("utf-8", "replace")))
                    for n in book.namelist()
                    if n.endswith(".xml")
                )
        else:
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", "replace")
    except (OSError, zipfile.BadZipFile):
        return None  # an unreadable file is the template's error to report
    for match, form in names.found(normal(text)):
        assert form.person is not None
        return (
            form.person.participant.name if form.person.participant.name != "?" else match.group()
        )
    return None

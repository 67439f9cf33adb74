"""Finding a person's name the way people write it, and the words that stand in for it.

A withheld name (``publish_name: false``) is looked for not only as the participant list
spells it, but as secretaries write it: in any letter case; with any whitespace between its
parts (a line break inside a block, a no-break space, ``&nbsp;``); with invisible characters
inside it (a soft hyphen, a zero-width space); in either Unicode form; in the genitive
("Annas", "Anna's", "Anna’s"); as initials and surname ("A. Hemlig", "A.-K. Ek"); surname
first ("Hemlig, Anna"); with a particle ("van der Berg"); and as the surname or a given name
alone. A single name part — or an initial — counts only where it is written with a capital,
as names are: "Will Smith" withheld must not turn every "will" into "a member", nor the
Swedish "I" before "Hemligs rapport" into an initial.

The published participants' names are found too, whole, and win where they are the longer
reading ("Maria Andersson Lind" published beside "Maria Andersson" withheld): they are kept
as written. A lone part shared by a withheld and a published name cannot be told apart and
is reported as ambiguous rather than guessed at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from urllib.parse import unquote

from .labels import Language, label
from .model import Participant

_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z]+\d*);")
_GENITIVE = r"(?:['’]s|['’]|s)"
# Letters that are words of their own, so not taken for an initial without its full stop.
_WORD_LETTERS = {"sv": "IÅÖ", "en": "AI"}
# Particles that belong to a surname ("van der Berg", "af Klint"): written in lowercase.
_PARTICLE = re.compile(r"^[a-zà-ÿ]+$")


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or char in "\u034f\u180e\u115f\u1160\u3164"


def normal(text: str) -> str:
    """Text as it is searched and published.

    NFC; invisible characters, and entities for them, removed; entities for spaces as the
    spaces they are; a no-break hyphen a hyphen.
    """

    def entity(match: re.Match[str]) -> str:
        char = unescape(match.group())
        if len(char) == 1 and _invisible(char):
            return ""
        return char if char.isspace() else match.group()

    text = _ENTITY.sub(entity, text) if "&" in text else text
    text = "".join(c for c in text if not _invisible(c)).replace("\u2011", "-")
    return unicodedata.normalize("NFC", text)


def key(name: str) -> str:
    """A name as compared with another: "anna  EK" is "Anna Ek"."""
    return " ".join(normal(name).split()).casefold()


def _words(name: str) -> list[str]:
    return normal(name).split()


def parts(name: str) -> list[str]:
    """The words of a name that can stand alone.

    "Anna-Karin (Nisse) Ek" → Anna-Karin, Anna, Karin, Nisse, Ek; not particles ("van"),
    not initials.
    """
    out: list[str] = []
    for word in _words(name):
        for part in (word, *word.split("-")):
            part = part.strip(".,()[]\"'“”’")
            if len(part) >= 2 and not _PARTICLE.match(part) and part not in out:
                out.append(part)
    return out


def _letters(word: str, capital: bool) -> str:
    """A pattern for ``word``: either apostrophe; with ``capital``, its first letter upper."""
    pattern = "".join("['’]" if c in "'’" else re.escape(c) for c in word)
    if capital and word[:1].isalpha():
        pattern = f"(?-i:{re.escape(word[0].upper())})" + pattern[len(re.escape(word[0])) :]
    return pattern


@dataclass(frozen=True)
class Person:
    """Whom a name form stands for, and the words that replace it."""

    participant: Participant
    text: str  # in running text: "en ledamot"
    listed: str  # where a field is the name alone: "Ledamot"


@dataclass(frozen=True)
class Form:
    """One way a name can be written."""

    pattern: str  # with named groups s (the surname) and g (the given name) where reversed
    person: Person | None  # None: a published name, kept as written
    size: int  # the longer reading wins at one place
    part: bool = False  # a lone name part
    ambiguous: bool = False  # also part of a published name


def _spaced(words: list[str]) -> str:
    """Words with any whitespace between them."""
    return r"\s+".join(_letters(w, False) for w in words)


def _initial(letters: str, loose: bool) -> str:
    """One of ``letters``, as a capital unless ``loose``."""
    one = f"[{re.escape(letters)}]"
    return one if loose else f"(?-i:{one})"


def _numbered(form: Form, i: int) -> str:
    """The form as alternative ``i`` of one pattern: its groups named apart from the rest."""
    pattern = form.pattern.replace("(?P<s>", f"(?P<s{i}>").replace("(?P<g>", f"(?P<g{i}>")
    return rf"(?<!\w)(?P<f{i}>{pattern})(?P<e{i}>{_GENITIVE})?(?!\w)"


def _forms(name: str, person: Person | None, language: str, loose: bool) -> list[Form]:
    """Every way of writing ``name`` but its lone parts."""
    words = _words(name)
    if not words:
        return []
    forms = [Form(_spaced(words), person, len(" ".join(words)))]
    if len(words) < 2:
        return forms
    first = next((i for i in range(1, len(words)) if _PARTICLE.match(words[i])), len(words) - 1)
    given, surnames = words[:first], {" ".join(words[first:]), words[-1]}
    surnames |= {p for p in words[-1].split("-") if len(p) >= 2}
    initials = "".join(sorted({p[0].upper() for w in given for p in w.split("-") if p}))
    bare = "".join(c for c in initials if c not in _WORD_LETTERS.get(language, ""))
    for surname in sorted(surnames, key=len, reverse=True):
        pattern = _spaced(surname.split())
        forms.append(
            Form(rf"(?P<s>{pattern}),?\s+(?P<g>{_spaced(given)})", person, len(" ".join(words)))
        )
        dotted = rf"(?:{_initial(initials, loose)}\.[\s-]*)+"
        forms.append(Form(dotted + pattern, person, len(surname) + 2))
        if bare or loose:
            single = _initial(initials if loose else bare, loose)
            forms.append(Form(rf"{single}\s+{pattern}", person, len(surname) + 2))
    return forms


@dataclass(frozen=True)
class Found:
    """A withheld name found in a text."""

    start: int
    end: int
    text: str
    person: Person
    genitive: bool
    ambiguous: bool


class Finder:
    """Finds the withheld names of one meeting in a text."""

    def __init__(self, participants: list[Participant], language: Language) -> None:
        self.language = language
        self.people = [self._person(p) for p in participants if not p.publish_name]
        published = [p for p in participants if p.publish_name]
        published_parts = {part.casefold() for p in published for part in parts(p.name)}
        self._patterns: dict[bool, re.Pattern[str]] = {}
        self._forms: dict[bool, list[Form]] = {}
        for loose in (False, True):
            whole: list[Form] = []
            for p in published:
                whole += _forms(p.name, None, language, loose)
            for person in self.people:
                whole += _forms(person.participant.name, person, language, loose)
            singles = [
                Form(
                    _letters(part, capital=not loose),
                    self._owner(part),
                    len(part),
                    part=True,
                    ambiguous=part.casefold() in published_parts,
                )
                for person in self.people
                for part in parts(person.participant.name)
            ]
            forms = sorted(whole, key=lambda f: -f.size) + sorted(singles, key=lambda f: -f.size)
            self._forms[loose] = forms
            self._patterns[loose] = re.compile(
                "|".join(_numbered(f, i) for i, f in enumerate(forms)) or r"(?!)",
                re.IGNORECASE,
            )

    def _person(self, p: Participant) -> Person:
        role = p.roles[0] if p.roles else None  # the first role names the person
        listed = label(f"role.{role}", self.language) if role else None
        return Person(
            p,
            label(f"withheld.{role or 'person'}", self.language),
            listed or capital(label("name_withheld", self.language)),
        )

    def _owner(self, part: str) -> Person:
        """Whose part it is; a part two withheld people share stands for "a person"."""
        owners = [
            p
            for p in self.people
            if part.casefold() in map(str.casefold, parts(p.participant.name))
        ]
        if len(owners) == 1:
            return owners[0]
        return Person(
            Participant(name=part),
            label("withheld.person", self.language),
            capital(label("name_withheld", self.language)),
        )

    def __bool__(self) -> bool:
        return bool(self.people)

    def find(self, text: str, loose: bool = False) -> Iterator[Found]:
        """Every withheld name in ``text`` (already :func:`normal`), in order.

        ``loose``: every part in any letter case, for a field that is a name and nothing
        else, or a data file.
        """
        forms = self._forms[loose]
        for match in self._patterns[loose].finditer(text):
            i = int(next(k for k, v in match.groupdict().items() if v and k[0] == "f")[1:])
            form = forms[i]
            start, end = match.span()
            groups = match.groupdict()
            if groups.get(f"g{i}") is not None and form.person is not None:
                # "Hemlig, Anna Öppen": the given name starts a published name
                given = match.start(f"g{i}")
                if self._published_at(text, given):
                    end = match.end(f"s{i}")
            if form.person is None:
                continue  # a published name, as written
            yield Found(
                start,
                end,
                text[start:end],
                form.person,
                bool(groups.get(f"e{i}")) and end == match.end(),
                form.ambiguous,
            )

    def _published_at(self, text: str, position: int) -> bool:
        match = self._patterns[False].match(text, position)
        if match is None:
            return False
        i = int(next(k for k, v in match.groupdict().items() if v and k[0] == "f")[1:])
        return self._forms[False][i].person is None

    def in_address(self, address: str) -> str | None:
        """The withheld name in a link, file name or e-mail address, if any.

        In any letter case, joined in any way: "anna-hemlig.pdf", "AnnaHemlig.pdf",
        "ahemlig.pdf", "hemlig2024.pdf", "a.hemlig@kommun.se".
        """
        tokens: set[str] = set()
        for chunk in re.findall(r"[^\W\d_]+", normal(unquote(address))):
            tokens.add(chunk.casefold())
            tokens.update(p.casefold() for p in _camel(chunk))
        for person in self.people:
            name = person.participant.name
            own = [p.casefold() for p in parts(name)]
            words = [w.casefold() for w in _words(name) if w.strip(".")]
            joined = {"".join(words), "".join(reversed(words))}
            joined |= {w[0] + own[-1] for w in words[:-1]} if own else set()
            if tokens & (set(own) | joined):
                return name
        return None


def _camel(word: str) -> list[str]:
    """Split where a word's letter case says a new word starts: "AHemlig" → A, Hemlig."""
    out, current = [], ""
    for i, char in enumerate(word):
        following = word[i + 1] if i + 1 < len(word) else ""
        if current and char.isupper() and (current[-1].islower() or following.islower()):
            out.append(current)
            current = ""
        current += char
    return [*out, current] if current else out


def capital(text: str) -> str:
    """The text with its first letter a capital: "En ledamot"."""
    return text[:1].upper() + text[1:]

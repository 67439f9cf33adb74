"""Read a meeting file safely into a validated :class:`~minutebook.model.Meeting`.

The YAML is composed into nodes and turned into plain data here, rather than by a YAML
constructor, so that (a) only plain types are ever built — no Python object tags, no custom
tags, no merge keys — (b) duplicate keys are errors, and (c) every value keeps its line and
column, which pydantic's error locations are mapped back to. A secretary gets
``file:line:col: field.path: message`` for every problem at once, in milliseconds, before
any kernel starts.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import difflib
import io
import re
import types
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import MeetingFileError, Problem
from ..paths import SLUG
from .model import Meeting

MAX_BYTES = 1024 * 1024
# Far above any real meeting (a council's year of roll-call votes is a few thousand values),
# low enough that a hostile file is refused in a fraction of a second.
MAX_NODES = 10_000
MAX_DEPTH = 60
# Characters that XML (the feed, the PDF's metadata) cannot carry: C0 controls but tab and
# line breaks, and the two non-characters.
_UNPUBLISHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
Loc = tuple[str | int, ...]


class _Reader:
    """Turns composed YAML nodes into plain data, remembering where each value stood."""

    def __init__(self, file: str, yaml: YAML, lines: list[str] | None = None) -> None:
        self.file = file
        self.lines = lines or []
        self.positions: dict[Loc, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.nodes = 0
        self._scalars = yaml.constructor

    def problem(self, node: Node, loc: Loc, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(mark.line + 1, mark.column + 1, field_path(loc), message, self.file)
        )

    def read(self, node: Node, loc: Loc = ()) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooBig(node)
        if len(loc) > MAX_DEPTH:  # aliases inside aliases nest deeper than the text does
            raise _TooDeep(node)
        self.positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _PLAIN_TAGS:
            self.problem(node, loc, f"the tag {_short(str(node.tag))} is not allowed")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, SequenceNode):
            return [self.read(child, (*loc, i)) for i, child in enumerate(node.value)]
        # Where the text itself starts, where its characters are the file's, so that a note
        # can point inside it: a literal block, or a value on one line.
        style = getattr(node, "style", None)
        if style == "|":
            line = node.start_mark.line + 1
            while line < len(self.lines) and not self.lines[line].strip():
                line += 1
            if line < len(self.lines):
                indent = len(self.lines[line]) - len(self.lines[line].lstrip(" "))
                self.positions[(*loc, "text")] = (line + 1, indent + 1)
        elif style in (None, "'", '"') and node.start_mark.line == node.end_mark.line:
            quote = 1 if style else 0
            self.positions[(*loc, "text")] = (
                node.start_mark.line + 1,
                node.start_mark.column + 1 + quote,
            )
        try:
            value = self._scalars.construct_object(node)
        except Exception as error:  # !!int abc, !!bool maybe, a timestamp like 2024-13-12
            self.problem(node, loc, _bad_scalar(node, error))
            return None
        if isinstance(value, str) and (bad := _UNPUBLISHABLE.search(value)):
            self.problem(
                node,
                loc,
                f"contains the control character U+{ord(bad.group()):04X}, which cannot be "
                "published; remove it",
            )
            return None
        return value

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, loc, "keys must be plain words (no merge keys << or lists)")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.positions[(*loc, key, "key")][0]
                self.problem(key_node, (*loc, key), f"duplicate key (first at line {first})")
                continue
            self.positions[(*loc, key, "key")] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[key] = self.read(value_node, (*loc, key))
            if (
                isinstance(value_node, ScalarNode)
                and value_node.value == ""
                and not value_node.style
            ):
                # an empty value has no place of its own (its mark is the next token's)
                self.positions[(*loc, key)] = self.positions[(*loc, key, "key")]
        return result


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _bad_scalar(node: Node, error: Exception) -> str:
    """Why a scalar with a tag (explicit or implied) could not be read."""
    if node.tag == "tag:yaml.org,2002:timestamp":
        return f"{node.value!r} is not a valid date: {error}"
    return f"{node.value!r} is not a valid {_short(str(node.tag))}"


class _TooBig(Exception):
    def __init__(self, node: Node) -> None:
        self.node = node


class _TooDeep(_TooBig):
    pass


class _Composer(Composer):
    """ruamel's composer, counting nodes as they are made and keeping where aliases stand.

    Counting while composing refuses a file of a million tiny values before it is all in
    memory (the reader's own count comes after). An alias is returned as a copy of its
    anchor's node that carries the alias's position, so an error in an aliased value points
    at the alias the secretary wrote there, not at the anchor.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.count = getattr(self, "count", 0) + 1
        alias = self.parser.peek_event() if self.parser.check_event(AliasEvent) else None
        node = super().compose_node(parent, index)
        if self.count > MAX_NODES:
            raise _TooBig(node)
        if alias is not None:
            node = copy.copy(node)
            node.start_mark = alias.start_mark
        return node


def position(
    positions: dict[Loc, tuple[int, int]], loc: Loc, text: str = "", offset: int = 0
) -> tuple[int, int]:
    """Where ``loc`` stands in the file (or the nearest value around it that has a place).

    With ``text`` and ``offset``, the place of that character of the value, where the value
    is a literal block (``|``) or stands on one line, so that its characters are the file's.
    """
    if text and (block := positions.get((*loc, "text"))):
        before = text[:offset]
        line_start = before.rfind("\n") + 1
        return block[0] + before.count("\n"), block[1] + offset - line_start
    for n in range(len(loc), -1, -1):
        if loc[:n] in positions:
            return positions[loc[:n]]
    return 1, 1


def field_path(loc: Loc) -> str:
    """``("items", 1, "presenters")`` → ``items[1].presenters``, as the user reads it."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(
    path: Path, file: str | None = None
) -> tuple[Any, dict[Loc, tuple[int, int]], list[Problem]]:
    """Read a YAML file into plain data.

    Returns the data, the (line, column) of every value in it, and the problems of values
    that were left out (a disallowed tag, a duplicate key).

    Raises:
        MeetingFileError: the file is unreadable, too big, not UTF-8 or not valid YAML.

    """
    name = file or str(path)

    def fail(message: str, line: int = 1, column: int = 1) -> MeetingFileError:
        return MeetingFileError([Problem(line, column, "", message, name)])

    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise fail(f"cannot read the file: {error.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise fail(f"the file is larger than {MAX_BYTES // 1024} KiB; is it a meeting file?")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        # columns count characters, as an editor shows them, not bytes
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise fail("not UTF-8 text; save the file as UTF-8", line, column) from None
    yaml = YAML(typ="safe", pure=True)
    yaml.Composer = _Composer
    yaml.max_depth = MAX_DEPTH
    reader = _Reader(name, yaml, text.split("\n"))
    try:
        node = yaml.compose(io.StringIO(text))
        data = None if node is None else reader.read(node)
    except MaxDepthExceededError as error:
        mark = error.problem_mark
        raise fail(
            f"nested more than {MAX_DEPTH} levels deep",
            mark.line + 1 if mark else 1,
            mark.column + 1 if mark else 1,
        ) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(str(m) for m in (error.context, error.problem) if m)
        raise fail(
            f"YAML syntax error: {message}",
            mark.line + 1 if mark else 1,
            mark.column + 1 if mark else 1,
        ) from None
    except _TooBig as error:
        mark = error.node.start_mark
        message = (
            f"nested more than {MAX_DEPTH} levels deep"
            if isinstance(error, _TooDeep)
            else f"more than {MAX_NODES} values (anchors and aliases expanded)"
        )
        raise fail(message, mark.line + 1, mark.column + 1) from None
    except YAMLError as error:
        raise fail(f"YAML error: {error}") from None
    except RecursionError:  # a last guard: the limits above should come first
        raise fail(f"nested more than {MAX_DEPTH} levels deep") from None
    return data, reader.positions, reader.problems


def load_meeting(path: Path, file: str | None = None) -> Meeting:
    """Read and validate one meeting file.

    ``file`` is the name used in messages (the path as the user typed it).

    Raises:
        MeetingFileError: with one :class:`Problem` per problem found.

    """
    return load_with_positions(path, file)[0]


def load_with_positions(
    path: Path, file: str | None = None
) -> tuple[Meeting, dict[Loc, tuple[int, int]]]:
    """Like :func:`load_meeting`, with the (line, column) of every value, for later checks."""
    name = file or str(path)
    data, positions, problems = read_yaml(path, name)
    if not isinstance(data, dict):
        got = "an empty file" if data is None else describe(data)
        raise MeetingFileError(
            [
                Problem(
                    1,
                    1,
                    "",
                    f"expected a mapping of meeting keys (series, body, …), got {got}",
                    name,
                )
            ]
        )
    meeting: Meeting | None = None
    try:
        meeting = Meeting.model_validate(data)
    except ValidationError as error:
        reported = {p.field for p in problems}
        problems += [p for p in _problems(error, positions, name) if p.field not in reported]
    problems += _check_location(path, data, positions, name)
    if meeting is not None:
        problems += _check_attachments(path, meeting, positions, name)
    if problems or meeting is None:
        raise MeetingFileError(problems)
    return meeting, positions


def _check_location(
    path: Path, data: dict[str, Any], positions: dict[Loc, tuple[int, int]], file: str
) -> list[Problem]:
    """The file's name and folder must agree with its date and series: they are its address."""
    problems = []
    date, series = data.get("date"), data.get("series")
    if isinstance(date, str):  # quoted: the model accepts it, so check it too
        with contextlib.suppress(ValueError):
            date = dt.date.fromisoformat(date)
    # (a date with a time is not a date; the model reports that one)
    if type(date) is dt.date and path.stem != date.isoformat():
        line, col = positions[("date",)]
        message = f"{date.isoformat()} does not match the file name {path.name!r}; "
        other = path.with_name(f"{date.isoformat()}.yaml")
        if other.exists():  # renaming would overwrite that meeting
            message += f"{other.name} is another meeting: correct the date"
        else:
            message += f"rename the file {other.name}"
        problems.append(Problem(line, col, "date", message, file))
    folder = path.resolve().parent.name
    # (a series that is no slug at all is reported by the model)
    if isinstance(series, str) and re.match(SLUG, series) and folder != series:
        line, col = positions[("series",)]
        problems.append(
            Problem(
                line,
                col,
                "series",
                f"{series!r} does not match the folder {folder!r}; "
                f"a meeting of {series!r} belongs in params/{series}/",
                file,
            )
        )
    return problems


def attachment_path(series_folder: Path, href: str) -> Path | None:
    """The file a relative attachment link names, or None for a web link."""
    if href.startswith("https://"):
        return None
    return series_folder / href


def _check_attachments(
    path: Path, meeting: Meeting, positions: dict[Loc, tuple[int, int]], file: str
) -> list[Problem]:
    """Attached and data files must exist inside the series folder, symbolic links included."""
    problems = []
    folder = path.resolve().parent
    named: list[tuple[Loc, str]] = [
        (("items", i, "attachments", j, "href"), attachment.href)
        for i, item in enumerate(meeting.items)
        for j, attachment in enumerate(item.attachments)
    ]
    named += [(("data", name), file) for name, file in meeting.data.items()]
    for loc, href in named:
        target = attachment_path(folder, href)
        if target is None:
            continue
        message = ""
        if not target.resolve().is_relative_to(folder):
            message = "links outside the series folder (through a symbolic link)"
        elif not target.is_file():
            message = f"no file {href!r} in {path.parent.name}/"
        if message:
            line, col = positions.get(loc, (1, 1))
            problems.append(Problem(line, col, field_path(loc), message, file))
    return problems


# -- pydantic errors as a secretary reads them ------------------------------------------------

_LIST_OF = {
    "presenters": "a list of names",
    "reservations": "a list of names",
    "adjusters": "a list of names",
    "participants": "a list of participants",
    "items": "a list of agenda items",
    "decisions": "a list of decisions",
    "actions": "a list of action items",
    "attachments": "a list of attachments",
    "corrections": "a list of corrections",
}
_FIELD_EXPECTED = {
    "confidential": 'true or a reason such as "OSL 26:1"',
    "time": 'a mapping like {start: "13:00", end: "15:00"}',
    "series": "a short name of lowercase letters, digits and hyphens (like umebra)",
    "source": "a web address starting with https:// or http://",
}
_TYPE_EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "date_type": "a date like 2022-06-14",
    "date_parsing": "a date like 2022-06-14",
    "date_from_datetime_parsing": "a date like 2022-06-14",
    "date_from_datetime_inexact": "a date like 2022-06-14 (without a time)",
    "time_type": 'a time like "13:00"',
    "time_parsing": 'a time like "13:00"',
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "dict_type": "a mapping (key: value)",
    "list_type": "a list",
}


def describe(value: Any) -> str:
    """What a value is, in the words of the YAML a secretary wrote."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, str):
        return f"the text {value[:40]!r}" if value.strip() else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _unwrap(tp: Any) -> Any:
    origin = get_origin(tp)
    if origin is Annotated:
        return _unwrap(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else tp
    return tp


def _walk(loc: tuple[Any, ...]) -> tuple[Loc, type[BaseModel] | None]:
    """Clean a pydantic error location.

    Returns the part that names keys and indexes (union member names dropped), and the
    model the last key belongs to.
    """
    tp: Any = Meeting
    clean: list[str | int] = []
    owner: type[BaseModel] | None = None
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(part, int) and get_origin(tp) is list:
            tp = get_args(tp)[0]
        elif isinstance(part, str) and get_origin(tp) is dict and part != "[key]":
            tp = get_args(tp)[1]
        elif isinstance(part, str) and isinstance(tp, type) and issubclass(tp, BaseModel):
            owner = tp
            if part not in tp.model_fields:
                clean.append(part)  # an unknown key
                break
            tp = tp.model_fields[part].annotation
        else:
            break
        clean.append(part)
    return tuple(clean), owner


def _message(error: Any, clean: Loc, owner: type[BaseModel] | None) -> str:
    kind, value = error["type"], error.get("input")
    field = next((p for p in reversed(clean) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        known = sorted(owner.model_fields) if owner else []
        near = difflib.get_close_matches(str(clean[-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean {near[0]!r}?" if near else "known keys: " + ", ".join(known)
        return f"unknown key ({hint})"
    if kind == "missing":
        return "required key is missing"
    if kind == "too_short" and isinstance(value, list):
        return "needs at least one entry"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "literal_error":
        return f"expected one of {error['ctx']['expected']}, got {describe(value)}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {error['ctx'].get('ge', error['ctx'].get('gt'))}"
    if kind == "value_error":
        return re.sub(r"^Value error, ", "", error["msg"])
    if kind == "list_type" and field in _LIST_OF and clean[-1] == field:
        return f"expected {_LIST_OF[field]}, got {describe(value)}"
    if field == "decisions" and isinstance(clean[-1], int) and kind in _TYPE_EXPECTED:
        return f"expected a decision text or {{text: …, reservations: […]}}, got {describe(value)}"
    if field in _FIELD_EXPECTED and clean[-1] == field:
        return f"expected {_FIELD_EXPECTED[field]}, got {describe(value)}"
    if kind in _TYPE_EXPECTED:
        return f"expected {_TYPE_EXPECTED[kind]}, got {describe(value)}"
    return str(error["msg"])


def _problems(
    error: ValidationError, positions: dict[Loc, tuple[int, int]], file: str
) -> list[Problem]:
    seen: set[Loc] = set()
    problems = []
    for item in error.errors():
        clean, owner = _walk(item["loc"])
        if clean in seen:
            continue  # several members of a union failed on the same value
        seen.add(clean)
        if item["type"] == "extra_forbidden":
            where = positions.get((*clean, "key"))
        else:
            where = next(
                (positions[clean[:n]] for n in range(len(clean), -1, -1) if clean[:n] in positions),
                None,
            )
        line, col = where or (1, 1)
        problems.append(Problem(line, col, field_path(clean), _message(item, clean, owner), file))
    return problems

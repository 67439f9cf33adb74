"""YAML read safely into plain data, with the line and column of every value.

The YAML is composed into nodes and turned into plain data here, rather than by a YAML
constructor, so that (a) only plain types are ever built — no Python object tags, no custom
tags, no merge keys — (b) duplicate keys are errors, and (c) every value keeps its line and
column, which pydantic's error locations are mapped back to. Limits on size, values and
nesting hold while the file is read, so a hostile file costs a fraction of a second.
"""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import MeetingFileError, Problem
from ..i18n import reason, say
from .messages import Loc, field_path
from .syntax import explain

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
            self.problem(node, loc, say("yaml.tag", tag=_short(str(node.tag))))
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
            self.problem(node, loc, say("yaml.control", code=f"{ord(bad.group()):04X}"))
            return None
        return value

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, loc, say("yaml.plain_keys"))
                continue
            key = str(key_node.value)
            if key in result:
                first = self.positions[(*loc, key, "key")][0]
                self.problem(key_node, (*loc, key), say("yaml.duplicate", line=first))
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
        return say("yaml.bad_date", value=node.value)
    return say("yaml.bad_scalar", value=node.value, tag=_short(str(node.tag)))


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

    def at(message: str, mark: Any) -> MeetingFileError:
        """The error at a YAML mark (0-based), or at the top when there is none."""
        return fail(message, mark.line + 1, mark.column + 1) if mark else fail(message)

    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise fail(say("yaml.unreadable", error=reason(error))) from None
    if len(raw) > MAX_BYTES:
        raise fail(say("yaml.too_large", size=MAX_BYTES // 1024))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        # columns count characters, as an editor shows them, not bytes
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise fail(say("yaml.not_utf8"), line, column) from None
    yaml = YAML(typ="safe", pure=True)
    yaml.Composer = _Composer
    yaml.max_depth = MAX_DEPTH
    reader = _Reader(name, yaml, text.split("\n"))
    try:
        node = yaml.compose(io.StringIO(text))
        data = None if node is None else reader.read(node)
    except MaxDepthExceededError as error:
        raise at(say("yaml.too_deep", depth=MAX_DEPTH), error.problem_mark) from None
    except MarkedYAMLError as error:
        line, column, message = explain(error, reader.lines)
        raise fail(message, line, column) from None
    except _TooBig as error:
        message = (
            say("yaml.too_deep", depth=MAX_DEPTH)
            if isinstance(error, _TooDeep)
            else say("yaml.too_many", count=MAX_NODES)
        )
        raise at(message, error.node.start_mark) from None
    except YAMLError as error:
        raise fail(say("yaml.other", detail=error)) from None
    except RecursionError:  # a last guard: the limits above should come first
        raise fail(say("yaml.too_deep", depth=MAX_DEPTH)) from None
    return data, reader.positions, reader.problems

"""Where a value stands in a meeting file, and pydantic's errors as a secretary reads them.

``item 2 "Budget": presenters: expected a list of names, got a number`` rather than
``items.1.presenters: Input should be a valid list``, in the user's language (see :func:`place`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..i18n import say, user_language
from . import misspelt
from .model import Meeting
from .types import SWEDISH

Loc = tuple[str | int, ...]


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


def place(loc: Loc, data: Any) -> str:
    """A field as a person counts and names it, in the user's language.

    ``("items", 1, "presentrs")`` → ``punkt 2 "Rapport från verksamheterna": presentrs``:
    entries of a list counted from 1, named by their title or name where they have one;
    keys as the file spells them.
    """
    context: list[str] = []
    keys: list[str] = []
    value = data
    for part in loc:
        if isinstance(part, int):
            key = keys.pop() if keys else ""
            value = value[part] if isinstance(value, list) and part < len(value) else None
            if key == "reservations" or (
                f"where.{key}" not in _WHERE and not isinstance(value, dict)
            ):
                keys.append(key)  # a name in a list of names: the message names it
                continue
            entry = (
                say(f"where.{key}", n=part + 1)
                if f"where.{key}" in _WHERE
                else say("where.other", key=key, n=part + 1)  # a list of mappings
            )
            if isinstance(value, dict) and isinstance(value.get("title"), str):
                entry += f' "{_short(value["title"])}"'
            elif isinstance(value, dict) and isinstance(value.get("name"), str):
                entry += f" ({_short(value['name'])})"
            context.append(".".join([*keys, entry]))
            keys = []
        else:
            keys.append(str(part))
            value = value.get(part) if isinstance(value, dict) else None
    return ": ".join(p for p in (", ".join(context), ".".join(keys)) if p)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def loc_of(field: str) -> Loc:
    """``items[1].presenters`` → ``("items", 1, "presenters")`` (see :func:`field_path`)."""
    return tuple(
        int(index) if index else key for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field)
    )


def placed(problems: list[Problem], data: Any) -> list[Problem]:
    """``problems`` with each field also named as a person counts it (see :func:`place`)."""
    return [
        dataclasses.replace(p, where=place(loc_of(p.field), data)) if p.field else p
        for p in problems
    ]


def field_path(loc: Loc) -> str:
    """``("items", 1, "presenters")`` → ``items[1].presenters``, as the user reads it."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_WHERE = {
    f"where.{k}"
    for k in (
        "items",
        "participants",
        "decisions",
        "actions",
        "votes",
        "proposals",
        "documents",
        "attachments",
        "corrections",
        "statements",
        "links",
    )
}
# What a field or a type expects, as keys of the catalogue (minutebook.catalog)
_LIST_OF = {
    "presenters": "expect.names",
    "reservations": "expect.names",
    "adjusters": "expect.names",
    "participants": "expect.participants",
    "items": "expect.items",
    "decisions": "expect.decisions",
    "actions": "expect.actions",
    "attachments": "expect.attachments",
    "corrections": "expect.corrections",
}
_FIELD_EXPECTED = {
    "confidential": "expect.confidential",
    "time": "expect.time_span",
    "number": "expect.number",
    "series": "expect.series",
    "source": "expect.source",
}
_TYPE_EXPECTED = {
    "string_type": "expect.text",
    "bool_type": "expect.bool",
    "bool_parsing": "expect.bool",
    "int_type": "expect.int",
    "int_parsing": "expect.int",
    "int_from_float": "expect.int",
    "date_type": "expect.date",
    "date_parsing": "expect.date",
    "date_from_datetime_parsing": "expect.date",
    "date_from_datetime_inexact": "expect.date_only",
    "time_type": "expect.time",
    "time_parsing": "expect.time",
    "model_type": "expect.mapping",
    "model_attributes_type": "expect.mapping",
    "dict_type": "expect.mapping",
    "list_type": "expect.list",
}


def describe(value: Any) -> str:
    """What a value is, in the words of the YAML a secretary wrote."""
    if value is None:
        return say("value.none")
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return say("value.number")
    if isinstance(value, dt.datetime):
        return say("value.datetime")
    if isinstance(value, dt.date):
        return say("value.date")
    if isinstance(value, str):
        return say("value.text", text=value[:40]) if value.strip() else say("value.empty_text")
    if isinstance(value, list):
        return say("value.list")
    if isinstance(value, dict):
        return say("value.mapping")
    return type(value).__name__


def _unwrap(tp: Any) -> Any:
    origin = get_origin(tp)
    if origin is Annotated:
        return _unwrap(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else tp
    return tp


def _tagged(tp: Any, tag: str) -> Any:
    """The member of a tagged union (``Tag(tag)``) that ``tag`` names, else None."""
    if get_origin(tp) not in (Union, types.UnionType):
        return None
    for member in get_args(tp):
        marks = get_args(member)[1:] if get_origin(member) is Annotated else ()
        if any(getattr(mark, "tag", None) == tag for mark in marks):
            return member
    return None


def _walk(
    loc: tuple[Any, ...], root: type[BaseModel] = Meeting
) -> tuple[Loc, type[BaseModel] | None]:
    """Clean a pydantic error location.

    Returns the part that names keys and indexes (union member names dropped), and the
    model the last key belongs to.
    """
    tp: Any = root
    clean: list[str | int] = []
    owner: type[BaseModel] | None = None
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(part, int) and get_origin(tp) is list:
            tp = get_args(tp)[0]
        elif isinstance(part, str) and get_origin(tp) is dict and part != "[key]":
            tp = get_args(tp)[1]
        elif isinstance(part, str) and (member := _tagged(tp, part)) is not None:
            tp = member  # a tagged union's member: its tag names no key
            continue
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


def _choices(expected: str) -> str:
    """The choices ``'a', 'b' or 'c'`` as pydantic lists them, in the user's words (sv too)."""
    if user_language() == "sv":
        expected = re.sub(r"'([^']*)'", lambda m: f"'{SWEDISH.get(m[1], m[1])}'", expected)
    return re.sub(r" or (?=')", f" {say('or')} ", expected)


def _message(error: Any, clean: Loc, owner: type[BaseModel] | None) -> str:
    kind, value = error["type"], error.get("input")
    field = next((p for p in reversed(clean) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        known = sorted(owner.model_fields) if owner else []
        written = str(clean[-1])
        if told := misspelt.key_meant(written, known):  # titel:, name:Eva
            return told[1]
        if near := difflib.get_close_matches(written, known, 1, 0.6):
            return say("model.unknown_key_near", near=near[0])
        return say("model.unknown_key", known=", ".join(known))
    if kind == "missing":
        return say("model.missing")
    if kind == "too_short" and isinstance(value, list):
        return say("model.too_short")
    if kind == "string_too_short":
        return say("model.empty")
    if kind == "literal_error":
        return say("model.one_of", expected=_choices(error["ctx"]["expected"]), got=describe(value))
    if kind in ("greater_than_equal", "greater_than"):
        return say("model.at_least", limit=error["ctx"].get("ge", error["ctx"].get("gt")))
    if kind == "value_error":
        return re.sub(r"^Value error, ", "", error["msg"])
    if kind == "list_type" and field in _LIST_OF and clean[-1] == field:
        what, got = say(_LIST_OF[field]), describe(value)
        if isinstance(value, str) and value.strip():  # a name where a list of names goes
            return say("model.write_list", what=what, got=got, key=field, value=value)
        return say("model.expected", what=what, got=got)
    item_time = field == "time" and len(clean) > 1  # an item's time is a clock time
    if field == "decisions" and isinstance(clean[-1], int) and kind in _TYPE_EXPECTED:
        return say("model.decision", got=describe(value))
    wanted = _FIELD_EXPECTED.get(field) if clean[-1] == field and not item_time else None
    if value is None and clean[-1] == field and kind in _TYPE_EXPECTED:  # left empty
        return say("model.fill_in", what=say(_LIST_OF.get(field) or wanted or _TYPE_EXPECTED[kind]))
    if wanted:
        return say("model.expected", what=say(wanted), got=describe(value))
    if kind in _TYPE_EXPECTED:
        return say("model.expected", what=say(_TYPE_EXPECTED[kind]), got=describe(value))
    return str(error["msg"])


def pydantic_problems(
    error: ValidationError,
    positions: dict[Loc, tuple[int, int]],
    file: str,
    root: type[BaseModel] = Meeting,
    lines: list[str] | None = None,
) -> list[Problem]:
    """Each of pydantic's errors once, at the place of the value it is about.

    ``lines``, the file's text, lets a message show the fix on the line as written.
    """
    seen: set[Loc] = set()
    problems = []
    errors = [(item, *_walk(item["loc"], root)) for item in error.errors()]
    for item, clean, owner in errors:  # a key written otherwise is not missing as well
        known = list(owner.model_fields) if owner else []
        if item["type"] == "extra_forbidden" and (
            told := misspelt.key_meant(str(clean[-1]), known)
        ):
            seen.add((*clean[:-1], told[0]))
    for item, clean, owner in errors:
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
        text = lines[line - 1] if lines and 0 < line <= len(lines) else ""
        unknown = item["type"] == "extra_forbidden"
        comma = misspelt.comma_in_value(str(clean[-1]), text) if unknown else None
        if comma:  # the problem is the value before the comma: name its key
            problems.append(Problem(line, col, field_path((*clean[:-1], comma[0])), comma[1], file))
            continue
        problems.append(Problem(line, col, field_path(clean), _message(item, clean, owner), file))
    return problems

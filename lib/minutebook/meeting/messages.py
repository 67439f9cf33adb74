"""Where a value stands in a meeting file, and pydantic's errors as a secretary reads them.

``items[1].presenters: expected a list of names, got a number`` rather than pydantic's
``Input should be a valid list``: every message names the field as the YAML spells it and
says what was expected in the words of the format.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from .model import Meeting

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


def field_path(loc: Loc) -> str:
    """``("items", 1, "presenters")`` → ``items[1].presenters``, as the user reads it."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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
    "number": 'text in quotes, like "3.10" (unquoted, 3.10 is the number 3.1)',
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
    item_time = field == "time" and len(clean) > 1  # an item's time is a clock time
    if field in _FIELD_EXPECTED and clean[-1] == field and not item_time:
        return f"expected {_FIELD_EXPECTED[field]}, got {describe(value)}"
    if kind in _TYPE_EXPECTED:
        return f"expected {_TYPE_EXPECTED[kind]}, got {describe(value)}"
    return str(error["msg"])


def pydantic_problems(
    error: ValidationError,
    positions: dict[Loc, tuple[int, int]],
    file: str,
    root: type[BaseModel] = Meeting,
) -> list[Problem]:
    """Each of pydantic's errors once, at the place of the value it is about."""
    seen: set[Loc] = set()
    problems = []
    for item in error.errors():
        clean, owner = _walk(item["loc"], root)
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

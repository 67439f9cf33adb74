"""Editing a YAML file in place with its comments: what ruamel.yaml's round trip leaves to us.

ruamel keeps the comment lines above a key at the end of the value before it (and, after a
flow collection that ends a block one, among that collection's end comments). Dropping a key,
changing a value or keeping only some entries of a list must move those lines with the key
they describe, or they end up above another one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken


@dataclass
class _Tail:
    """Where the comment after a value is kept.

    ruamel puts it on the innermost collection the value ends, in a slot of its last entry,
    or (after a flow collection that ends a block one) among that collection's end comments.
    """

    owner: Any
    slot: list[Any]
    index: int
    block: bool  # the value is a block scalar: no end-of-line comment

    @classmethod
    def of(cls, node: Any, key: Any) -> _Tail:
        value = node[key]
        nested = isinstance(value, CommentedMap | CommentedSeq) and len(value)
        if nested and not value.fa.flow_style():
            return cls.of(value, list(value)[-1] if isinstance(value, dict) else len(value) - 1)
        mapping = isinstance(node, CommentedMap)
        slot = node.ca.items.setdefault(key, [None, None, None, None] if mapping else [None, None])
        block = isinstance(value, LiteralScalarString | FoldedScalarString)
        return cls(node, slot, 2 if mapping else 0, block)

    def get(self) -> tuple[str, str]:
        """The end-of-line part, and the lines below it."""
        token = self.slot[self.index]
        text = token.value if token is not None else ""
        # (an end comment's text starts at its column; a slot's, at the start of its line)
        end = "".join(" " * t.column + t.value for t in self.owner.ca.end or [])
        if self.block or not text:
            return "", text + end
        eol, _, below = text.partition("\n")
        return eol + "\n", below + end

    def set(self, eol: str, below: str) -> None:
        self.owner.ca.end = []  # (now in the slot)
        text = (eol or ("" if self.block else "\n")) + below
        if not below and not eol.strip():
            self.slot[self.index] = None
        elif self.slot[self.index] is None:
            self.slot[self.index] = CommentToken(text, CommentMark(0))
        else:
            self.slot[self.index].value = text


def comment(node: Any, key: Any) -> tuple[str, str]:
    """The comment after ``node[key]``: its end-of-line part, and the lines below it."""
    return _Tail.of(node, key).get()


def set_comment(node: Any, key: Any, eol: str | None = None, below: str | None = None) -> None:
    """Replace the end-of-line part or the lines below of the comment after ``node[key]``."""
    tail = _Tail.of(node, key)
    old_eol, old_below = tail.get()
    tail.set(old_eol if eol is None else eol, old_below if below is None else below)


def drop(mapping: CommentedMap, key: str) -> None:
    """Remove ``key`` with the comment lines above it; the lines below it stay."""
    if key not in mapping:
        return
    keys = list(mapping)
    index = keys.index(key)
    _, below = comment(mapping, key)
    if index > 0:  # the lines above ``key`` are those after the value before it
        set_comment(mapping, keys[index - 1], below=below)
    mapping.pop(key)


def change(mapping: CommentedMap, key: str, value: object) -> None:
    """Change a value; its end-of-line comment spoke of the old one, so it goes."""
    mapping[key] = value
    if not isinstance(value, CommentedMap | CommentedSeq):
        set_comment(mapping, key, eol="")


def keep_items(old: CommentedSeq, keep: list[int], extra: list[tuple[int, Any]]) -> CommentedSeq:
    """The items of ``old`` at ``keep``, plus new ones, each with the comment lines above it.

    Args:
        old: the previous meeting's items.
        keep: the indexes of those that carry over.
        extra: (position in the result, item) of the new items.
    """
    above = {j: comment(old, j - 1)[1] for j in range(1, len(old))}
    after_last = comment(old, len(old) - 1)[1] if len(old) else ""
    for j in range(len(old)):
        set_comment(old, j, below="")
    items = CommentedSeq(old[j] for j in keep)
    origin: list[int | None] = list(keep)
    for position, item in extra:
        items.insert(position, item)
        origin.insert(position, None)
    for k in range(1, len(items)):
        source = origin[k]
        if source is not None and source in above:
            set_comment(items, k - 1, below=above[source])
    if items:
        set_comment(items, len(items) - 1, below=after_last)
    return items

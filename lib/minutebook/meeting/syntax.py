"""YAML the secretary wrote wrong, explained in plain words with the fix to type.

ruamel's parser reports what it expected in its own terms ("while parsing a block
collection expected <block end>, but found '<block mapping start>'"), often lines after the
slip. The slips people make are few — a tab, a line indented one space off, a colon or a
bracket at the start of a text, an unclosed quote or bracket, a dash without its space —
and each leaves a recognisable trace in the parser's error and the text around it. This
module reads that trace and names the line the person edited and what to type there.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.error import MarkedYAMLError

from ..i18n import say

_KEY_LINE = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):(?:\s|$)")
_SPECIAL = "[{*&!%@`|>?"
_GLUED = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):([^\s/].*)$")  # key:value, not a URL
_HARD_SPACE = re.compile(r"^[ \u00a0]*\u00a0|[:-]\u00a0")  # Word's no-break space, as YAML's


def explain(error: MarkedYAMLError, lines: list[str]) -> tuple[int, int, str]:
    """The line and column (1-based) to report, and the message, for a YAML syntax error."""
    problem, context = error.problem or "", error.context or ""
    lines = [lines[0].lstrip("\ufeff"), *lines[1:]] if lines else lines
    mark = error.problem_mark or error.context_mark
    start = error.context_mark
    if mark is None:
        return 1, 1, say("yaml.other", detail=f"{context} {problem}".strip())
    line, column = mark.line, mark.column
    text = lines[line] if line < len(lines) else ""

    def at(where: int, message: str, col: int = 0) -> tuple[int, int, str]:
        return where + 1, col + 1, message

    if "'\\t'" in problem:
        return at(line, say("yaml.tab", line=line + 1), column)
    for n in range(min(line, len(lines) - 1), max(line - 3, -1), -1):  # this line or just above
        if hard := _HARD_SPACE.search(lines[n]):
            return at(n, say("yaml.hard_space", line=n + 1), hard.end() - 1)
    if "found another document" in problem:
        return at(line, say("yaml.two_documents", line=line + 1), column)
    dash = _dash_without_space(lines, line) if "found '?'" in problem else None
    if dash is not None:
        message = say("yaml.dash", line=dash + 1, rest=lines[dash].strip()[1:])
        return at(dash, message, lines[dash].index("-"))
    if context.startswith("while parsing a flow") and start is not None:
        if start.line == line and problem.endswith("':'"):
            if missing := _missing_comma(text, column):
                return at(line, missing, column)
            return at(line, _quote("yaml.colon_in_value", text, column), column)
        opener = lines[start.line]
        if (opener.count('"') - opener.count('\\"')) % 2:  # a quote left open inside {…}
            quote = opener.rfind('"') if opener.count('"') == 1 else _open_quote(opener)
            return at(start.line, say("yaml.unclosed_quote", line=start.line + 1, quote='"'), quote)
        opened = lines[start.line][start.column]
        closer = {"[": "]", "{": "}"}.get(opened, "]")
        message = say("yaml.unclosed_bracket", line=start.line + 1, bracket=opened, closer=closer)
        return at(start.line, message, start.column)
    if context.startswith("while scanning a quoted") and start is not None:
        mark = lines[start.line][start.column : start.column + 1] or '"'
        message = say("yaml.unclosed_quote", line=start.line + 1, quote=mark)
        return at(start.line, message, start.column)
    if context == "while scanning a simple key" and start is not None:
        return _simple_key(lines, start.line)
    marks = ("while scanning a block scalar", "while scanning an anchor", "while scanning an alias")
    special = _special_start(text)  # > 5 %, ? …, & Co: marks YAML keeps for itself
    if special and (problem == "mapping keys are not allowed here" or context.startswith(marks)):
        return at(line, special, text.find(":") + 2)
    glued = _glued(lines, line) if "expected '<document start>'" not in problem else None
    if glued is not None and problem in ("mapping values are not allowed here", ""):
        return glued
    if problem == "mapping values are not allowed here":
        if bare := _text_without_bar(lines, line):
            return bare
        first = text.find(":")
        if 0 <= first < column and _KEY_LINE.match(text):
            return at(line, _quote("yaml.colon_in_value", text, column), column)
        return _indentation(lines, line)
    if "found undefined alias" in problem or "found character" in problem:
        special = _special_start(text)  # *text, @text, `text`: marks YAML keeps for itself
        if special:
            return at(line, special, text.find(":") + 2)
    if "found '<scalar>'" in problem:
        special = _special_start(text)
        if special:
            return at(line, special, text.find(":") + 2)
        opened = _unclosed_quote(lines, line)
        if opened is not None:
            return at(opened, say("yaml.unclosed_quote", line=opened + 1, quote='"'))
    if "expected <block end>" in problem or "expected '<document start>'" in problem:
        return _indentation(lines, line)
    return at(line, say("yaml.other", detail=f"{context} {problem}".strip()), column)


def quoted(value: str) -> str:
    """``value`` in the quotes that keep it whole: double, or single when it holds a double."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _key_value(text: str) -> tuple[str, str]:
    """The key a line (or a ``{…}`` entry) starts with, and the rest of it, as written."""
    found = _KEY_LINE.match(text)
    if not found:
        return text.strip().lstrip("- ").split(":")[0], ""
    return found.group(2), text[found.end() :].strip()


def _quote(message: str, text: str, column: int) -> str:
    """``message`` for a value whose character at ``column`` YAML reads as markup.

    It names the key and the value, which the fix puts in quotes.
    """
    opened = text.rfind("{", 0, column)
    if opened != -1:  # inside {…}: the entry that holds the column
        entry_start = max(text.rfind(",", 0, column), opened) + 1
        before = text[entry_start:column]
        if ":" not in before:  # the column is in the key's value, past an earlier entry
            entry_start = max(text.rfind(",", 0, text.rfind(":", 0, entry_start)), opened) + 1
        entry_end = text.find("}", column)
        entry = text[entry_start : entry_end if entry_end != -1 else len(text)]
        name, _, value = entry.partition(":")
        return say(message, key=name.strip(), value=quoted(value.strip()))
    name, value = _key_value(text)
    return say(message, key=name, value=quoted(value))


def _dash_without_space(lines: list[str], line: int) -> int | None:
    """``line`` if it is written ``-title:`` instead of ``- title:``."""
    if 0 <= line < len(lines) and re.match(r"^\s*-[^\s\d-]", lines[line]):
        return line
    return None


def _special_start(text: str) -> str:
    """The message for a value that starts with a character YAML reads as markup."""
    name, value = _key_value(text)
    if value and value[0] in _SPECIAL:
        return say("yaml.special_start", key=name, char=value[0], value=quoted(value))
    return ""


def _unclosed_quote(lines: list[str], line: int) -> int | None:
    """The first line up to ``line`` whose value opens a quote it never closes."""
    for at in range(min(line, len(lines) - 1) + 1):
        _, value = _key_value(lines[at])
        if value.startswith('"') and (value.count('"') - value.count('\\"')) % 2 == 1:
            return at
    return None


def _simple_key(lines: list[str], line: int) -> tuple[int, int, str]:
    """A line read as the start of a key.

    Either ``key:value`` without its space, or a line of a ``|`` text indented less than the
    text above it.
    """
    text = lines[line]
    if (glued := _glued(lines, line, 1)) is not None:
        return glued
    indent = len(text) - len(text.lstrip(" "))
    for above in range(line - 1, -1, -1):
        if re.search(r":\s*[|>][-+0-9]*\s*(#.*)?$", lines[above]):
            first = next((n for n in range(above + 1, line) if lines[n].strip()), None)
            if first is not None:
                expected = len(lines[first]) - len(lines[first].lstrip(" "))
                if indent < expected:
                    message = say(
                        "yaml.block_indent", line=line + 1, expected=expected + 1, first=first + 1
                    )
                    return line + 1, indent + 1, message
            break
        if _KEY_LINE.match(lines[above]) and not lines[above].startswith(" " * (indent + 1)):
            break
    return _indentation(lines, line)


def _glued(lines: list[str], line: int, back: int = 3) -> tuple[int, int, str] | None:
    """``key:value`` without its space, on ``line`` or one of the ``back`` lines above it."""
    for n in range(min(line, len(lines) - 1), max(line - back, -1), -1):
        if glued := _GLUED.match(lines[n]):
            message = say("yaml.no_space", key=glued.group(2), value=glued.group(3).strip())
            return n + 1, len(glued.group(1)) + 1, message
    return None


def _missing_comma(text: str, column: int) -> str:
    """``{name: Per Olsson organisation: Polisen}``: a key after a value, without its comma."""
    before = re.search(r"(\S)\s+([a-z_]+)$", text[:column])
    if before is None or before.group(2) not in _keys() or before.group(1) in ",{":
        return ""
    gap = before.start(2)
    fixed = (text[: before.start(1) + 1] + ", " + text[gap:]).strip()
    return say("yaml.missing_comma", key=before.group(2), fixed=fixed)


def _keys() -> set[str]:
    """Every key of the format, at any depth."""
    from .model import Meeting

    schema = Meeting.model_json_schema()
    models = [schema, *schema.get("$defs", {}).values()]
    return {key for model in models for key in model.get("properties", {})}


def _open_quote(text: str) -> int:
    """The column of the quote that is never closed on ``text``: the last one opened."""
    opened = -1
    for i, char in enumerate(text):
        if char == '"' and text[i - 1 : i] != "\\":
            opened = i if opened == -1 else -1
    return max(opened, 0)


def _in_block(lines: list[str], line: int) -> tuple[int, int] | None:
    """(first line, its indent) of the ``key: |`` text ``line`` is a mis-indented line of."""
    indent = len(lines[line]) - len(lines[line].lstrip(" "))
    for above in range(line - 1, -1, -1):
        if not lines[above].strip():
            continue
        head = re.match(r"^(\s*)(?:-\s+)?[A-Za-z_][\w-]*:\s*[|>][-+0-9]*\s*(#.*)?$", lines[above])
        if head:
            first = next((n for n in range(above + 1, line) if lines[n].strip()), None)
            if first is None:
                return None
            expected = len(lines[first]) - len(lines[first].lstrip(" "))
            return (first, expected) if len(head.group(1)) < indent < expected else None
        if len(lines[above]) - len(lines[above].lstrip(" ")) <= indent:
            return None
    return None


def _text_without_bar(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """``notes:`` and the text on the lines below, without ``|``: a colon in it then breaks."""
    indent = len(lines[line]) - len(lines[line].lstrip(" "))
    for above in range(line - 1, -1, -1):
        text = lines[above]
        if not text.strip():
            continue
        key = re.match(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):\s*$", text)
        if key and len(key.group(1)) < indent:
            name = key.group(2)
            return above + 1, key.start(2) + 1, say("yaml.needs_bar", key=name)
        if len(text) - len(text.lstrip(" ")) < indent or _KEY_LINE.match(text):
            return None
    return None


def _indentation(lines: list[str], line: int) -> tuple[int, int, str]:
    """A line indented differently from the key it belongs beside, and which key that is."""
    text = lines[line] if line < len(lines) else ""
    block = _in_block(lines, line) if line < len(lines) else None
    if block is not None:
        first, expected = block
        indent = len(text) - len(text.lstrip(" "))
        message = say("yaml.block_indent", line=line + 1, expected=expected + 1, first=first + 1)
        return line + 1, indent + 1, message
    if line < len(lines) and (bare := _text_without_bar(lines, line)):
        return bare
    found = _KEY_LINE.match(text)
    indent = len(text) - len(text.lstrip(" "))
    if found:
        indent = found.start(2)
        for above in range(line - 1, -1, -1):
            other = _KEY_LINE.match(lines[above])
            if not other or not lines[above].strip():
                continue
            expected = other.start(2)
            if expected != indent and abs(expected - indent) <= 2:
                message = say(
                    "yaml.indent",
                    key=found.group(2),
                    column=indent + 1,
                    other=other.group(2),
                    other_line=above + 1,
                    expected=expected + 1,
                )
                return line + 1, indent + 1, message
            break
    return line + 1, indent + 1, say("yaml.indent_line", line=line + 1)


def cut_by_comments(
    positions: dict[Any, tuple[int, int]], lines: list[str]
) -> list[tuple[Any, int, int, str]]:
    """Texts a ``#`` cut short, or a lone ``"`` left in: valid YAML, not what was meant.

    After a space, ``#`` starts a comment, so ``title: Rapport #2`` is the title "Rapport",
    and a Markdown heading on the notes' own line (``notes: # Bakgrund``, ``notes: | #
    Bakgrund``) is left out. A comment that starts right after its ``#`` (``#2``) is taken
    for part of the text; one written ``# like this`` after a value is a comment meant, and
    left alone. A text with one ``"`` in it (``Umeå"``) publishes the quote. Returns
    (where, line, column, message) for each.
    """
    found = []
    for loc, (line, column) in positions.items():
        if not loc or loc[-1] in ("key", "text") or not 0 < line <= len(lines):
            continue
        key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        key_line = positions.get((*loc, "key"), (0, 0))[0]
        heading = re.match(
            r"^\s*(?:-\s+)?notes:\s*(?:[|>][-+]?\s+)?(#+\s*\S.*)$", lines[key_line - 1]
        )
        if key == "notes" and key_line and heading:
            message = say("yaml.heading_as_comment", heading=heading.group(1).strip())
            found.append((loc, key_line, heading.start(1) + 1, message))
            continue
        text = lines[line - 1]
        if positions.get((*loc, "text")) != (line, column) or text[column - 1 : column] in "\"'|>":
            continue  # not a plain text on one line
        whole = text[column - 1 :].strip()
        if cut := re.search(r"\s#\S", text[column - 1 :]):
            comment = whole[whole.index("#", cut.start()) :]
            message = say("yaml.comment_cut", comment=comment, key=key, value=quoted(whole))
            found.append((loc, line, column + cut.start() + 1, message))
        elif whole.split(" #")[0].count('"') == 1:
            value = whole.split(" #")[0].replace('"', "")
            message = say("warn.stray_quote", key=key, value=quoted(value))
            found.append((loc, line, column + text[column - 1 :].index('"'), message))
    return found

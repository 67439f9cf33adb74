"""Keys written otherwise than the format spells them, and what the secretary meant.

A Swedish key (``titel:``, ``anteckningar:``), a key glued to its value inside ``{…}``
(``{name:Eva Norlin}``, which YAML reads as one key) and the rest of a text a comma cut in
two inside ``{…}`` (``organisation: Holmsunds IK, Umeå`` reads ``Umeå`` as a key) all reach
the model as "unknown key". Each is named here as the slip it is, with the key meant, so
that the message says what to type — and the key meant is not reported missing as well.
"""

from __future__ import annotations

import re

from ..i18n import say
from .syntax import quoted
from .types import SWEDISH_KEYS

_NEXT_KEY = re.compile(r",\s*[a-z_]+:\s|\}")  # the next key inside {…}, or its end


def key_meant(written: str, known: list[str]) -> tuple[str, str] | None:
    """The key meant by an unknown key ``written``, and the message, if it is a known slip."""
    name, glued, value = written.partition(":")
    if glued and name in known and value.strip():
        return name, say("model.no_space", key=name, value=value.strip())
    meant = SWEDISH_KEYS.get(written.casefold(), "")
    if meant in known:
        return meant, say("model.swedish_key", near=meant)
    return None


def comma_in_value(key: str, line: str) -> tuple[str, str] | None:
    """An "unknown key" that is the rest of a text a comma cut in two inside ``{…}``.

    ``{name: Eva, organisation: Holmsunds IK, Umeå}`` reads ``Umeå`` as a key. A key is a
    word of lowercase letters; this is the text after a comma, and the fix is quotes round
    the text up to the next key. Returns the key the text belongs to, and the message.
    """
    if re.fullmatch(r"[a-z_]+", key) or "{" not in line:
        return None
    at = line.find(key)
    comma = line.rfind(",", 0, at)
    colon = line.rfind(":", 0, comma)
    if at == -1 or comma == -1 or colon == -1:
        return None
    start = max(line.rfind(",", 0, colon), line.rfind("{", 0, colon)) + 1
    end = _NEXT_KEY.search(line, at)
    name = line[start:colon].strip()
    value = line[colon + 1 : end.start() if end else len(line)].strip()
    return name, say("model.comma_in_value", key=name, value=quoted(value))

"""The language minutebook speaks to its user in, and its messages in that language.

The language is chosen as gettext chooses it — ``LANGUAGE``, then ``LC_ALL``,
``LC_MESSAGES`` and ``LANG``, the first that is set deciding — but read from the environment
only, never through ``setlocale()``: a machine without a Swedish locale installed still
gets Swedish from ``LANG=sv_SE.UTF-8``. ``minutebook --lang sv|en`` overrides it.

The messages themselves are in :mod:`minutebook.catalog`, both languages side by side, in
the way :mod:`minutebook.meeting.labels` holds the minutes' own words. A catalogue in Python
rather than gettext's ``.po``/``.mo`` files: two languages kept together are reviewed
together, a test sees at once that every message has both, and there is nothing to compile
and no binary file in the repository (see the catalogue's docstring).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Literal

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "en")
_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: list[Language] = []  # set by --lang


def choose(language: Language | None) -> None:
    """Speak ``language`` from now on (``minutebook --lang``); None: as the environment says."""
    _chosen[:] = [language] if language else []


@contextmanager
def speaking(language: Language) -> Iterator[None]:
    """Speak ``language`` for a while: the Swedish workbook, whatever the kernel's ``LANG``."""
    before = _chosen[:]
    choose(language)
    try:
        yield
    finally:
        _chosen[:] = before


def user_language(environ: Mapping[str, str] | None = None) -> Language:
    """The user's language: ``--lang``, else the environment as gettext reads it, else English.

    The first of ``LANGUAGE`` (a list: ``sv:en``), ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``
    that is set decides; ``C`` and ``POSIX`` are English, and so is a language minutebook
    does not speak.
    """
    if _chosen:
        return _chosen[0]
    environ = os.environ if environ is None else environ
    for variable in _VARIABLES:
        value = environ.get(variable, "")
        if not value:
            continue
        for entry in value.split(":"):
            code = entry.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
            if code in LANGUAGES:
                return code
        return "en"
    return "en"


def say(key: str, /, **values: Any) -> str:
    """The message ``key`` in the user's language, its ``{fields}`` filled in."""
    from .catalog import MESSAGES

    return MESSAGES[key][user_language()].format(**values)


def say_n(key: str, n: int, /, **values: Any) -> str:
    """A message that counts: ``key.one`` for 1, ``key.other`` for any other ``n``."""
    return say(f"{key}.{'one' if n == 1 else 'other'}", n=n, **values)


def reason(error: OSError) -> str:
    """Why an operating-system call failed, in the user's language (``os.ENOENT`` …).

    The system's own text (``strerror``) is in the C library's language, English on most
    machines: the common reasons have messages of their own, the rarer keep the system's.
    """
    from .catalog import MESSAGES

    name = errno.errorcode.get(error.errno or 0, "")
    if f"os.{name}" in MESSAGES:
        return say(f"os.{name}")
    return error.strerror or str(error)


def language_asked(argv: list[str]) -> Language | None:
    """The language ``--lang`` asks for, read before the parser (an unknown one: none)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGUAGES:
            return value
    return None


def argparse_words(text: str) -> str:
    """Argparse's own words (usage, errors) in the user's language, through its gettext hook."""
    from .catalog import MESSAGES

    words = MESSAGES.get(f"argparse.{text}")
    return words[user_language()] if words else text

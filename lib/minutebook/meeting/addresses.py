"""Where a withheld name cannot be rewritten: addresses, file names, data files.

A link must keep working and a file keep its name, so a withheld name in one of them cannot
be replaced in the public version; neither can the contents of a data file the template
reads. These find such names, so that the public version is refused instead.
"""

from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path

from ..i18n import say
from .names import Finder, normal


def in_address_message(address: str, name: str, what: str) -> str:
    """Why the public version of a meeting is refused for a name in an address.

    ``what`` is ``address``, ``link`` or ``file_name``.
    """
    return say(f"public.in_{what}", address=address, name=name)


def addresses(markdown: str) -> list[str]:
    """Every link and image address in a note, as markdown-it reads them."""
    from .markdown import tokens

    found = []
    for token in tokens(markdown):
        for child in [token, *(token.children or [])]:
            for attribute in ("href", "src"):
                if value := child.attrGet(attribute):
                    found.append(str(value))
    return found


def in_file(names: Finder, path: Path) -> str | None:
    """The withheld name a data file's text contains, if any, in any letter case."""
    try:
        if path.suffix.lower() == ".xlsx":
            with zipfile.ZipFile(path) as book:
                text = " ".join(
                    unescape(re.sub(r"<[^>]+>", " ", book.read(n).decode("utf-8", "replace")))
                    for n in book.namelist()
                    if n.endswith(".xml")
                )
        else:
            text = decode(path.read_bytes())
    except (OSError, zipfile.BadZipFile):
        return None  # an unreadable file is the template's error to report
    for found in names.find(normal(text), loose=True):
        return found.person.participant.name
    return None


def decode(raw: bytes) -> str:
    """A text file's text as pandas would read it.

    UTF-8, or UTF-16 with its byte order mark, else the Windows encoding Excel writes.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")

"""Data files as analysts have them: read into pandas, or refused with the option that fixes it.

A Swedish CSV exported from Excel is separated by semicolons, writes decimals with a comma
and thousands with a space, and is often not UTF-8. pandas' defaults would read such a file
into one column — silently. So a file without options is looked at first: its separator,
decimal mark and thousands separator are recognised when the file leaves no doubt, and
otherwise the file is refused with one line that says which option to give. Options given
in the meeting file (``sep``, ``decimal``, ``thousands``, ``encoding``, ``sheet``) are
passed to pandas as they are.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from ..i18n import say

SEPARATORS = (",", ";", "\t", "|")
EXCEL = (".xlsx",)
# a number written the Swedish way: 1 250,5 (space or no-break space between thousands)
_DECIMAL_COMMA = re.compile(r"^-?\d{1,3}(?:[ \u00a0]?\d{3})*,\d+$")
_GROUPED = re.compile(r"^-?\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?$")


class DataFileError(ValueError):
    """A data file that cannot be read as it is, and what to write to read it."""


def read_data(
    series_folder: Path,
    relative: str,
    *,
    sep: str | None = None,
    decimal: str | None = None,
    thousands: str | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
) -> Any:
    """A data file of the meeting as a pandas DataFrame (``sheet="all"``: a dict of them).

    Raises:
        DataFileError: the file cannot be read without an option, or the option is wrong.
    """
    import pandas as pd

    path = series_folder / relative
    if path.suffix.lower() in EXCEL:
        return _excel(pd, path, relative, sheet)
    text = _text(path.read_bytes(), relative, encoding)
    if sep is None:
        sep = _separator(text, relative)
    fields = _fields(text, sep)
    if decimal is None:
        decimal = _decimal(fields, sep, relative)
    if thousands is None and any(_GROUPED.match(f) for f in fields):
        thousands = "\u00a0" if any("\u00a0" in f for f in fields) else " "
    return pd.read_csv(io.StringIO(text), sep=sep, decimal=decimal, thousands=thousands)


def _excel(pd: Any, path: Path, relative: str, sheet: str | int | None) -> Any:
    wanted = None if sheet == "all" else (0 if sheet is None else sheet)
    try:
        return pd.read_excel(path, sheet_name=wanted)
    except (ValueError, IndexError) as error:
        if isinstance(wanted, str) and "not found" in str(error):
            raise DataFileError(say("data.no_sheet", file=relative, sheet=wanted)) from None
        raise DataFileError(f"{relative}: {error}") from None


def _text(data: bytes, relative: str, encoding: str | None) -> str:
    if encoding is not None:
        return data.decode(encoding)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = f"{data[error.start]:02x}"
        raise DataFileError(say("data.not_utf8", file=relative, byte=byte, line=line)) from None


def _rows(text: str, sep: str) -> list[list[str]]:
    sample = "\n".join(text.splitlines()[:50])
    return [row for row in csv.reader(io.StringIO(sample), delimiter=sep) if row]


def _separator(text: str, relative: str) -> str:
    """The one separator that splits every line of the file's start into as many columns."""
    fitting = []
    for sep in SEPARATORS:
        widths = {len(row) for row in _rows(text, sep)}
        if len(widths) == 1 and widths != {1}:
            fitting.append(sep)
    if len(fitting) == 1:
        return fitting[0]
    if not fitting and len({len(r) for r in _rows(text, ",")}) <= 1:
        return ","  # one column: nothing to tell apart
    named = f" {say('or')} ".join(repr(s) for s in (fitting or SEPARATORS))
    raise DataFileError(say("data.separator", file=relative, named=named))


def _fields(text: str, sep: str) -> list[str]:
    return [field.strip() for row in _rows(text, sep)[1:] for field in row]


def _decimal(fields: list[str], sep: str, relative: str) -> str:
    """A comma when the numbers are written with decimal commas (which a comma cannot part)."""
    if not any(_DECIMAL_COMMA.match(f) for f in fields):
        return "."
    if sep == ",":
        raise DataFileError(say("data.decimal_comma", file=relative))
    return ","

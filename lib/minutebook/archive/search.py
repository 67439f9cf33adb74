"""The archive's full-text search: a Pagefind index, one bundle per language.

Pagefind stems words by language (Swedish included) and keeps one index per language; a
bundle per language (``reports/_search/<lang>/``) lets each be built with its own stemmer
and lets the search page query them all at once. Only the published minutes pages are
indexed — their ``data-pagefind-body`` part, not navigation — and the whole bundle folder is
swapped in atomically like a meeting's.

The Pagefind binary is run directly on a folder of links to the pages to index: its Python
wrapper polls for every answer with a 0.1 s sleep, which would cost a second per ten
meetings on every archive update.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..build import publish
from ..errors import MinutebookError
from ..i18n import say
from ..paths import SEARCH
from .entries import Entry
from .records import page_records, record_page


def pagefind() -> str:
    """The Pagefind executable (``$PAGEFIND_BINARY_PATH``, the PyPI package's, or PATH's).

    Raises:
        MinutebookError: there is none.
    """
    try:
        from pagefind.service import get_executable

        found = get_executable()
    except ImportError:
        found = None
    path = str(found) if found else shutil.which("pagefind")
    if not path:
        raise MinutebookError(say("archive.no_pagefind"))
    return path


def write_records(entries: Sequence[Entry], sites: Path) -> dict[str, int]:
    """Each entry's records as pages under ``sites/<language>/``; how many per language."""
    counts: dict[str, int] = {}
    for e in entries:
        page = (e.folder / e.page).read_text(encoding="utf-8")
        site = sites / e.language / e.series / e.slug
        site.mkdir(parents=True, exist_ok=True)
        for n, record in enumerate(page_records(e, page)):
            (site / f"{n}.html").write_text(record_page(record, e.language), encoding="utf-8")
            counts[e.language] = counts.get(e.language, 0) + 1
    return counts


def build_index(reports: Path, entries: Sequence[Entry]) -> None:
    """Index every published minutes page into ``reports/_search/``.

    Raises:
        MinutebookError: Pagefind is missing or failed.
    """
    executable = pagefind()
    final = reports / SEARCH
    staging = publish.staging(final)
    sites = Path(tempfile.mkdtemp(prefix=".pagefind-sites.", suffix=".tmp", dir=reports))
    try:
        runs = []
        for language in sorted(write_records(entries, sites)):
            site = sites / language
            runs.append(
                subprocess.Popen(
                    [
                        executable,
                        "--site",
                        str(site),
                        "--output-path",
                        str(staging / language),
                        "--force-language",
                        language,
                        "--silent",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        errors = [err.strip() for run in runs if (err := run.communicate()[1]) or run.returncode]
        if any(run.returncode for run in runs):
            raise MinutebookError(say("archive.pagefind_failed", errors="; ".join(errors)))
        publish.publish(staging, final)
    except BaseException:
        publish.discard(staging)
        raise
    finally:
        shutil.rmtree(sites, ignore_errors=True)

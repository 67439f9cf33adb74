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

import os
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


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


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
        for language in sorted({e.language for e in entries}):
            site = sites / language
            for e in entries:
                if e.language == language:
                    _link(e.folder / e.page, site / e.html)
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

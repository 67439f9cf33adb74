"""The archive's full-text search: a Pagefind index, one bundle per language.

Pagefind stems words by language (Swedish included) and keeps one index per language; a
bundle per language (``reports/pagefind/<lang>/``) lets each be built with its own stemmer
and lets the search page query them all at once. Only the published minutes pages are
indexed — their ``data-pagefind-body`` part, not navigation — and the whole bundle folder is
swapped in atomically like a meeting's.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import publish
from .errors import MinutebookError

if TYPE_CHECKING:
    from .archive import Entry

FOLDER = "pagefind"


async def _write(folder: Path, entries: Sequence[Entry]) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    for language in sorted({e.language for e in entries}):
        config = IndexConfig(force_language=language, output_path=str(folder / language))
        async with PagefindIndex(config=config) as index:
            for entry in entries:
                if entry.language == language:
                    html = (entry.folder / "minutes.html").read_text(encoding="utf-8")
                    await index.add_html_file(content=html, url=f"/{entry.html}")


def build_index(reports: Path, entries: Sequence[Entry]) -> None:
    """Index every published minutes page into ``reports/pagefind/``.

    Raises:
        MinutebookError: Pagefind is missing or failed.
    """
    logging.getLogger("pagefind").setLevel(logging.WARNING)
    final = reports / FOLDER
    staging = publish.staging(final)
    try:
        asyncio.run(_write(staging, entries))
        publish.publish(staging, final)
    except ImportError:
        publish.discard(staging)
        raise MinutebookError(
            "search index not built: Pagefind is missing; run `make setup`"
        ) from None
    except Exception as error:
        publish.discard(staging)
        raise MinutebookError(f"search index not built: Pagefind failed: {error}") from None

"""Taking minutes back: what was published for a meeting file that is gone goes too."""

from __future__ import annotations

import re
from pathlib import Path

from ..build import publish
from ..paths import ACTIONS_PAGE, DECISIONS_PAGE, FEED, INDEX, SLUG, STAMP, Project, year_pages


def withdraw(project: Project) -> list[Path]:
    """Remove what was published for meeting files that no longer exist; what went.

    Deleting (or renaming) a meeting file is how minutes published by mistake are taken
    back: its folder goes from ``reports/`` and ``internal/`` (and so, with the next archive
    update, from the index pages, ``index.json``, the feed and the search index), and a
    series with no meetings left loses its page. Only folders a build made are touched:
    those with a build stamp.
    """
    removed: list[Path] = []
    for top in (project.reports, project.internal):
        if not top.is_dir():
            continue
        for series in sorted(p for p in top.iterdir() if p.is_dir() and re.match(SLUG, p.name)):
            params = project.params / series.name
            for folder in sorted(p for p in series.iterdir() if (p / STAMP).is_file()):
                if not (params / f"{folder.name}.yaml").exists():
                    publish.remove(folder)
                    removed.append(folder)
            for failed in series.glob("*.failed.ipynb"):
                date = failed.name.removesuffix(".failed.ipynb")
                if not (params / f"{date}.yaml").exists():
                    failed.unlink()
            # what is left besides the archive's own pages of it (its years' pages too)
            left = {p.name for p in series.iterdir()} - {p.name for p in year_pages(series)}
            if left <= {INDEX, FEED, DECISIONS_PAGE, ACTIONS_PAGE}:  # a series that is gone
                publish.remove(series)
    return removed

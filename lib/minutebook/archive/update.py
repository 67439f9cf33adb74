"""Bring the archive up to date: at once when nothing changed, in full when anything did.

Run after every build, and most builds of a large archive change nothing: deciding that
from the stamps reads no meeting and loads neither the page templates nor the models
(:mod:`minutebook.archive.pages`, imported only when the archive is rewritten), so a
build with nothing to do stays well under a third of a second for a hundred meetings.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..build import publish
from ..errors import MinutebookError
from ..i18n import reason, say
from ..paths import Project
from . import board
from .entries import collect, is_current


def update(project: Project, files: Sequence[Path], *, force: bool = False) -> bool:
    """Bring the archive up to date with what is published; False when it already was."""
    try:
        return _update(project, files, force)
    except OSError as error:
        where = project.relative(project.reports)
        raise MinutebookError(
            say("archive.cannot_update", where=where, error=reason(error))
        ) from None


def _update(project: Project, files: Sequence[Path], force: bool) -> bool:
    reports = project.reports
    for folder in (reports, *(p for p in reports.glob("*") if p.is_dir())):
        publish.clean(folder)
    entries = collect(project, files)
    if not force and is_current(project, entries):
        # what is posted changes with the day, not only with what is published
        return board.update(project, entries)
    from .pages import rewrite

    return rewrite(project, entries)


def warm_up() -> None:
    """Load what rewriting the archive needs, on a thread while a build runs."""
    from .pages import warm_up as load

    load()

"""A series' earlier meetings, as a template may read them: validated, public, oldest first.

An analyst's section often looks back ("decisions this year", "attendance over the last
four meetings"). Reading the earlier YAML files directly would publish what they withhold:
a confidential item's text, a withheld name. Here each earlier meeting is read as a build
reads it (``series.yaml`` merged, every check) and reduced to its *public* version before
the template sees it, whichever version of the later meeting is being built. The build
counts every earlier meeting file as an input of a meeting whose template read them, so an
edit to an earlier meeting rebuilds the later ones (see :mod:`minutebook.build.meeting`).
"""

from __future__ import annotations

from pathlib import Path

from ..paths import earlier_files
from .model import Meeting
from .read import load_with_settings
from .redact import Unsafe, public


def earlier_meetings(
    series_folder: Path, date: str, n: int | None = None, *, drafts: bool = False
) -> list[Meeting]:
    """The public versions of the series' meetings before ``date``, oldest first.

    Args:
        series_folder: ``params/<series>/``.
        date: the meeting's own date (ISO); it and later meetings are not included.
        n: at most this many, the latest ones.
        drafts: include drafts (by default only final minutes, which say what was decided).

    Raises:
        MeetingFileError: an earlier meeting file is invalid, or its public version cannot
            be made (a message with its own file and line).
    """
    found: list[Meeting] = []
    for path in reversed(earlier_files(series_folder, date)):
        if n is not None and len(found) >= n:
            break
        name = f"params/{series_folder.name}/{path.name}"
        # what it says, not the files it names: those are checked by its own build, and
        # are not sent with a build on a cluster (minutebook.build.cluster)
        meeting, positions, settings = load_with_settings(path, name, files=False)
        if meeting.status != "final" and not drafts:
            continue
        show_case = bool(settings and settings.show_confidential_case)
        try:
            found.append(public(meeting, series_folder, show_case=show_case))
        except Unsafe as unsafe:
            raise unsafe.error(positions, name) from None
    return found[::-1]

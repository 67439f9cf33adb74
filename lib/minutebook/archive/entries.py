"""The published meetings the archive lists, read back from what was published.

An entry knows its folder, stamp and PDF from the file system; the meeting itself is
``meeting.json`` read back into the :class:`~minutebook.meeting.model.Meeting` it was
written from, and only when a page needs it — deciding that the archive is current needs
no more than the stamps, so a no-op build stays fast.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..build.inputs import Stamp, code_fingerprint, output_folder
from ..meeting import labels
from ..paths import (
    AGENDA_DOCX,
    AGENDA_HTML,
    AGENDA_PDF,
    ARCHIVE_STAMP,
    DOCX,
    HTML,
    JSON,
    PDF,
    SIGNATURES,
    SITE_FILE,
    Project,
    meeting_order,
)
from ..settings import settings
from ..template.phrase import dated, fill, join, unbroken
from ..template.whole import clock

if TYPE_CHECKING:
    from ..meeting.model import Meeting


def published_meeting(folder: Path) -> Meeting:
    """The meeting a published folder shows, as the model (raises OSError, ValueError)."""
    from ..build.published import PublishedMeeting

    return PublishedMeeting.model_validate_json((folder / JSON).read_bytes())


@dataclass(frozen=True)
class Entry:
    """One published meeting, as the archive lists it."""

    series: str
    slug: str  # its folder's name: the date, "-2" after it for a second meeting that day
    folder: Path
    pdf_exists: bool  # the PDF of its page
    built: str
    page: str = HTML  # its page: the minutes, or the kallelse while there are none public
    agenda: bool = False  # a kallelse (or a cancellation) is published in its folder
    posting: bool = True  # its notices go on the notice board
    word: bool = False  # its page has a Word copy
    notice: str | None = None  # the day its kallelse was first posted

    @property
    def date(self) -> str:
        """The meeting's day (ISO)."""
        return self.slug[:10]

    @property
    def order(self) -> tuple[str, int]:
        """Where it comes among its body's meetings: by day, then its number that day."""
        return meeting_order(self.slug)

    @cached_property
    def meeting(self) -> Meeting:
        """The meeting as published (its public version)."""
        return published_meeting(self.folder)

    @cached_property
    def signed(self) -> list[tuple[str, str, str]]:
        """Who signed the minutes, as what and when, once all who must have signed; or []."""
        from ..build.signing import Record

        record = Record.read(self.folder / SIGNATURES) if self.page == HTML else None
        if record is None or record.missing():
            return []
        return [
            (
                s.name,
                self.label(f"role.{s.role}").lower(),
                dated(s.signed[:10], self.language),
            )
            for s in record.signatures
        ]

    @property
    def readable(self) -> bool:
        """Whether its ``meeting.json`` reads into the model as it is now."""
        try:
            return self.meeting is not None
        except (OSError, ValueError):
            return False

    @property
    def language(self) -> labels.Language:
        """The meeting's language: its labels in the archive."""
        return self.meeting.language

    def label(self, key: str, **values: Any) -> str:
        """A label in the meeting's language."""
        return labels.label(key, self.language).format(**values)

    @property
    def long_date(self) -> str:
        """``14 juni 2022``; a second meeting that day with its time: ``…, kl. 18.00``."""
        day = dated(self.date, self.language)
        start = self.meeting.time.start if self.meeting.time else None
        if self.order[1] == 1 or start is None:
            return day
        time = clock(self.label, start.strftime("%H:%M"))
        at = labels.label("taken_up", self.language)
        return join(", ", [day, unbroken(fill(at, time=time))])

    @property
    def document(self) -> str:
        """What its page is: its kind of minutes, ``planned`` (a kallelse), ``cancelled``."""
        return labels.document(self.meeting.kind, self.meeting.status)

    @property
    def kind(self) -> str:
        """What its page is in words: Mötesanteckningar, Protokoll, Kallelse, …."""
        return self.label(self.document)

    @property
    def title(self) -> str:
        """The page's title, as on the page itself."""
        m = self.meeting
        return labels.title(self.document, self.date, m.body, self.language, m.organisation)

    @property
    def draft(self) -> bool:
        """Whether the meeting is marked as a draft."""
        return self.meeting.status == "draft"

    # URLs relative to reports/
    @property
    def html(self) -> str:
        """The meeting's page: its minutes, or its kallelse."""
        return f"{self.series}/{self.slug}/{self.page}"

    @property
    def pdf_name(self) -> str:
        """The name of its page's PDF."""
        return PDF if self.page == HTML else AGENDA_PDF

    @property
    def pdf(self) -> str | None:
        """The PDF, if there is one."""
        return f"{self.series}/{self.slug}/{self.pdf_name}" if self.pdf_exists else None

    @property
    def docx(self) -> str | None:
        """The Word copy of its page, if there is one."""
        name = DOCX if self.page == HTML else AGENDA_DOCX
        return f"{self.series}/{self.slug}/{name}" if self.word else None

    @property
    def kallelse(self) -> str | None:
        """The kallelse kept beside the minutes, if there is one."""
        return (
            f"{self.series}/{self.slug}/{AGENDA_HTML}"
            if self.agenda and self.page == HTML
            else None
        )

    @property
    def json(self) -> str:
        """The machine-readable meeting."""
        return f"{self.series}/{self.slug}/{JSON}"


def collect(project: Project, files: Iterable[Path]) -> list[Entry]:
    """The published meetings among ``files``, oldest first within each series."""
    entries = []
    for path in files:
        folder = output_folder(project, path)
        if not (folder / JSON).is_file():
            continue  # never built, or failed before it was ever published
        stamp = Stamp.read(folder)
        page = HTML if (folder / HTML).is_file() else AGENDA_HTML
        entries.append(
            Entry(
                path.parent.name,
                path.stem,
                folder,
                (folder / (PDF if page == HTML else AGENDA_PDF)).is_file(),
                stamp.built if stamp else "",
                page=page,
                agenda=(folder / AGENDA_HTML).is_file(),
                posting=stamp.posting if stamp else True,
                word=(folder / (DOCX if page == HTML else AGENDA_DOCX)).is_file(),
                notice=stamp.notice if stamp else None,
            )
        )
    return sorted(entries, key=lambda e: (e.series, e.order))


def site_text(project: Project) -> str:
    """The archive's settings as written (``params/site.yaml``), for :func:`digest`."""
    try:
        return (project.params / SITE_FILE).read_text(encoding="utf-8")
    except OSError:
        return ""


def digest(entries: Sequence[Entry], site: str = "") -> str:
    """What the archive's pages depend on: the code, its settings, each entry's build."""
    out = hashlib.sha256(code_fingerprint().encode())
    out.update(settings().base_url.encode())
    out.update(site.encode())
    for e in entries:
        out.update(f"{e.series}/{e.slug}/{e.built}/{e.pdf_exists}/{e.page}/{e.agenda}".encode())
        out.update(f"/{e.word}".encode())
    return out.hexdigest()


def is_current(project: Project, entries: Sequence[Entry]) -> bool:
    """Whether the archive already shows exactly these meetings as they are published."""
    try:
        stamp = json.loads((project.reports / ARCHIVE_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(stamp.get("inputs") == digest(entries, site_text(project)))

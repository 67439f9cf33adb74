"""What one build of a meeting reads and will make, worked out before anything runs.

Reading the meeting file, making its public version, numbering a protocol's paragraphs,
resolving the template and listing the inputs all happen here, once, in milliseconds: a
meeting that cannot be built fails before a kernel or a browser starts.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MinutebookError
from ..i18n import say
from ..meeting import redact
from ..meeting.model import Meeting
from ..meeting.protocol import paragraph_start
from ..meeting.read import attachment_path, load_with_settings
from ..meeting.series import SeriesSettings
from ..paths import FILES, Project
from ..settings import settings as settings_now
from . import kallelse, record, signing
from .execute import has_internal_cells, template_settings
from .inputs import Inputs, Stamp, file_hash


@dataclass(frozen=True)
class Version:
    """One version of a meeting to make: the public one, or the internal one."""

    meeting: Meeting  # as its template sees it
    final: Path  # where it is published
    internal: bool
    names: tuple[str, ...]  # the files it names (project-relative), listed in its stamp
    minutes: bool = True  # it has minutes (a planned meeting, an unpublished draft: not)
    kallelse: Meeting | None = None  # the kallelse (or cancellation) beside them, as sent


@dataclass(frozen=True)
class Plan:
    """One build: the meeting, its template, the hash of its inputs, its versions."""

    path: Path
    file: str  # the meeting file as messages name it
    meeting: Meeting  # as written (a protocol: with its first § number)
    template: Path
    template_settings: dict[str, Any]  # what it says of itself: owner, timeout
    inputs: Inputs  # every input known before anything runs (the internal version's)
    digest: str  # their hash, taken before anything runs
    numbering: list[str] | None  # a protocol's numbers depend on these earlier files
    settings: SeriesSettings | None  # the series' own settings, if it has them
    chosen: str | None  # the template the series chose (its path in the stamp), if any
    data: dict[str, dict[str, Any]]  # the data files the template reads, and how
    republish: bool  # final minutes may change: asked for, with a new correction
    published: Stamp | None  # the stamp of what is published now
    source: str  # SHA-256 of the meeting file
    public: Version
    internal: Version | None  # only when something is withheld from the public
    posting: bool  # its notices go on the notice board (series.yaml: posting)
    signed: Path | None = None  # the signed copy of its minutes.pdf, kept beside it
    site: dict[str, str] = field(default_factory=dict)  # the archive's: base URL, licence

    @property
    def shown(self) -> Version:
        """The version a build opens.

        Its public minutes (a draft kept back: the internal ones), or the kallelse while
        there are no minutes yet.
        """
        return next((v for v in reversed(self.versions) if v.minutes), self.versions[-1])

    @property
    def versions(self) -> tuple[Version, ...]:
        """Every version to make, the internal one first; not a public one with nothing in it."""
        shown = (self.public,) if self.public.minutes or self.public.kallelse else ()
        return (self.internal, *shown) if self.internal else shown

    @property
    def attached(self) -> list[Path]:
        """Every file attached to any version of the minutes."""
        folder = self.path.parent
        return sorted({p for v in self.versions for _, p in attached_files(v.meeting, folder)})

    @property
    def alone(self) -> bool:
        """Nothing of the meeting is public: its internal version is all there is."""
        return self.public not in self.versions


def attached_files(meeting: Meeting, series_folder: Path) -> list[tuple[str, Path]]:
    """(href, file) of every attachment and document that is a file in the series folder."""
    hrefs = [a.href for item in meeting.items for a in item.attachments]
    hrefs += [d.href for item in meeting.items for d in item.documents if d.href]
    return [
        (href, path)
        for href in dict.fromkeys(hrefs)
        if (path := attachment_path(series_folder, href)) is not None
    ]


def copy_attached(meeting: Meeting, series_folder: Path, folder: Path) -> None:
    """The files a page links to, under ``files/`` beside it."""
    for href, source in attached_files(meeting, series_folder):
        target = folder / FILES / href
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def _published(href: str) -> str:
    return href if href.startswith("https://") else f"{FILES}/{href}"


def as_published(meeting: Meeting) -> Meeting:
    """Relative attachment and document links as they resolve from the published minutes."""
    items = [
        item.model_copy(
            update={
                "attachments": [
                    a.model_copy(update={"href": _published(a.href)}) for a in item.attachments
                ],
                "documents": [
                    d.model_copy(update={"href": _published(d.href)}) if d.href else d
                    for d in item.documents
                ],
            }
        )
        for item in meeting.items
    ]
    return meeting.model_copy(update={"items": items})


def with_posting_days(meeting: Meeting, sent: Meeting | None) -> Meeting:
    """The meeting with the days its notices went up, as its pages show them.

    The page of a final protokoll shows the anslag of its justering on the day of justering
    unless the file gives another (``posted_on``), and the kallelse's day is the one its
    record kept: the meeting's JSON says the same, rather than ``null``.
    """
    update: dict[str, Any] = {}
    if meeting.kind == "protocol" and meeting.status == "final" and meeting.posted_on is None:
        update["posted_on"] = meeting.adjusted_on
    if meeting.notice_posted_on is None and sent is not None:
        update["notice_posted_on"] = sent.notice_posted_on
    return meeting.model_copy(update=update) if update else meeting


def meeting_inputs(
    path: Path,
    project: Project,
    meeting: Meeting,
    pdf: bool,
    numbering: list[Path] | None = None,
    template: Path | None = None,
    data: dict[str, dict[str, Any]] | None = None,
    sent: Sequence[Path] = (),
) -> Inputs:
    """Everything the outputs of the meeting in ``path`` depend on.

    ``numbering``: the earlier meetings its § numbers depend on, when already known;
    ``template``: the one the series chose, if it chose one; ``data``: the data files the
    template reads, when not those the meeting names (a final meeting's copies).
    """
    if numbering is None:
        _, numbering = paragraph_start(path, meeting)
    if data is None:
        data = {name: {"file": f.file} for name, f in meeting.data_files().items()}
    data_files = [path.parent / entry["file"] for entry in data.values()]
    attached = [f for _, f in attached_files(meeting, path.parent)]
    attached += [f for f in sent if f not in attached]  # the kallelse's record, documents
    template = template or project.template_for(meeting.series)
    return Inputs(path, template, (*numbering, *data_files, *attached), pdf)


def make_plan(path: Path, project: Project, pdf: bool, *, republish: bool = False) -> Plan:
    """Read the meeting in ``path`` and work out its build.

    A final meeting's data files are copied beside it first, if they were not yet (see
    :mod:`minutebook.build.record`); ``republish`` copies them again and lets the minutes
    change.

    Raises:
        MeetingFileError: the file is invalid, or its public version cannot be made.
        MinutebookError: there is no template, an earlier protocol it is numbered after
            has errors, or ``republish`` lacks a new correction.
    """
    file = project.relative(path)
    meeting, positions, settings = load_with_settings(path, file)
    try:
        show_case = bool(settings and settings.show_confidential_case)
        public = redact.public(meeting, path.parent, show_case=show_case)
    except redact.Unsafe as unsafe:
        raise unsafe.error(positions, file) from None
    chosen = settings.template if settings else None
    template = (
        project.notebooks / f"{chosen}.ipynb" if chosen else project.template_for(meeting.series)
    )
    if not template.is_file():
        raise MinutebookError(
            say("template.none_named", file=file, name=chosen)
            if chosen
            else say("template.none", file=file, series=meeting.series)
        )
    start, earlier = paragraph_start(path, meeting)
    published = Stamp.read(project.meeting_dir(meeting.series, path.stem))
    if republish and not record.may_republish(meeting, published):
        raise MinutebookError(say("final.republish_needs_correction", file=file))
    data = record.freeze(path, meeting, refresh=republish)
    sent = _kallelse(path, project, meeting, show_case)
    # its signed copy, present or not: signing it (which changes no other file) rebuilds it
    signed = list(signing.record_paths(path))
    # Hashed now: an input edited during the build makes the stamp stale, not wrong.
    inputs = meeting_inputs(
        path,
        project,
        meeting,
        pdf,
        earlier,
        template,
        data,
        [*(sent.files(False) if sent else ()), *signed],
    )
    # only what the public version shows: a confidential attachment's name stays out
    public_data = {name: entry for name, entry in data.items() if name in public.data}
    shown = meeting_inputs(
        path,
        project,
        public,
        pdf,
        earlier,
        template,
        public_data,
        [*(sent.files(True) if sent else ()), *signed],
    )
    minutes = not kallelse.is_sent(meeting)
    drafts = bool(settings and settings.publish_drafts)
    public_minutes = minutes and (meeting.status != "draft" or drafts)
    # an internal version when something is withheld, or the template has cells for it, or
    # the minutes are a draft kept from the public
    withheld = public is not meeting or has_internal_cells(template)
    if sent is not None:
        withheld = withheld or sent.public is not sent.meeting
    withheld = withheld or (minutes and not public_minutes)
    numbering = None
    if meeting.kind == "protocol":
        if meeting.first_paragraph is None:  # set by hand, it depends on no other file
            numbering = [project.relative(p) for p in earlier]
        meeting = meeting.model_copy(update={"first_paragraph": start})
        public = public.model_copy(update={"first_paragraph": start})

    def names(found: Inputs) -> tuple[str, ...]:
        return tuple(project.relative(p) for p in found.extra)

    return Plan(
        path=path,
        file=file,
        meeting=meeting,
        template=template,
        template_settings=template_settings(template),
        inputs=inputs,
        digest=inputs.digest(project),
        numbering=numbering,
        settings=settings,
        chosen=project.relative(template) if chosen else None,
        data=data,
        republish=republish,
        published=published,
        source=file_hash(path),
        public=Version(
            public,
            project.meeting_dir(meeting.series, path.stem),
            False,
            names(shown),
            minutes=public_minutes,
            kallelse=kallelse.as_sent(sent.public) if sent else None,
        ),
        internal=Version(
            meeting,
            project.internal_dir(meeting.series, path.stem),
            True,
            names(inputs),
            minutes=minutes,
            kallelse=kallelse.as_sent(sent.meeting) if sent else None,
        )
        if withheld
        else None,
        posting=settings.posting if settings else True,
        signed=signed[0] if signed[0].is_file() else None,
        site=_site(project),
    )


def _site(project: Project) -> dict[str, str]:
    """What the pages say of the archive they are in: its address and licence."""
    from ..site import load_site

    site = load_site(project.params)
    return {"url": site.url, "licence": site.licence, "licence_url": site.licence_link}


@dataclass(frozen=True)
class Sent:
    """The kallelse a build makes, as sent: from its record beside the meeting file."""

    file: Path  # params/<series>/<date>.kallelse.yaml
    meeting: Meeting
    public: Meeting  # redacted: what the public kallelse shows

    def files(self, public: bool) -> list[Path]:
        """The record, and the documents the (public) kallelse links to: inputs."""
        shown = self.public if public else self.meeting
        return [self.file, *(f for _, f in attached_files(shown, self.file.parent))]


def _kallelse(path: Path, project: Project, meeting: Meeting, show_case: bool) -> Sent | None:
    """The kallelse to make beside the minutes, or instead of them; None when there is none.

    A planned or cancelled meeting writes its record first (see
    :mod:`minutebook.build.kallelse`); a held one has one only if it was built as planned.

    Raises:
        MeetingFileError: the record has errors, or its public version cannot be made.
    """
    if kallelse.is_sent(meeting):
        file = kallelse.keep(path, meeting, settings_now().today)
    elif (file := kallelse.record_path(path)).is_file():
        pass
    else:
        return None
    name = project.relative(file)
    sent, positions, _ = load_with_settings(file, name)
    try:
        public = redact.public(sent, path.parent, show_case=show_case)
    except redact.Unsafe as unsafe:
        raise unsafe.error(positions, name) from None
    return Sent(file, sent, public)

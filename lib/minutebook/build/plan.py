"""What one build of a meeting reads and will make, worked out before anything runs.

Reading the meeting file, making its public version, numbering a protocol's paragraphs,
resolving the template and listing the inputs all happen here, once, in milliseconds: a
meeting that cannot be built fails before a kernel or a browser starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import MinutebookError
from ..meeting import redact
from ..meeting.model import Meeting
from ..meeting.protocol import paragraph_start
from ..meeting.read import attachment_path, load_with_settings
from ..meeting.series import SeriesSettings
from ..paths import FILES, Project
from .inputs import Inputs


@dataclass(frozen=True)
class Version:
    """One version of a meeting to make: the public one, or the internal one."""

    meeting: Meeting  # as its template sees it
    final: Path  # where it is published
    internal: bool
    names: tuple[str, ...]  # the files it names (project-relative), listed in its stamp


@dataclass(frozen=True)
class Plan:
    """One build: the meeting, its template, the hash of its inputs, its versions."""

    path: Path
    file: str  # the meeting file as messages name it
    meeting: Meeting  # as written (a protocol: with its first § number)
    template: Path
    digest: str  # of every input, taken before anything runs
    numbering: list[str] | None  # a protocol's numbers depend on these earlier files
    settings: SeriesSettings | None  # the series' own settings, if it has them
    chosen: str | None  # the template the series chose (its path in the stamp), if any
    public: Version
    internal: Version | None  # only when something is withheld from the public

    @property
    def versions(self) -> tuple[Version, ...]:
        """Every version to make, the internal one first."""
        return (self.internal, self.public) if self.internal else (self.public,)


def attached_files(meeting: Meeting, series_folder: Path) -> list[tuple[str, Path]]:
    """(href, file) of every attachment and document that is a file in the series folder."""
    hrefs = [a.href for item in meeting.items for a in item.attachments]
    hrefs += [d.href for item in meeting.items for d in item.documents if d.href]
    return [
        (href, path)
        for href in dict.fromkeys(hrefs)
        if (path := attachment_path(series_folder, href)) is not None
    ]


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


def meeting_inputs(
    path: Path,
    project: Project,
    meeting: Meeting,
    pdf: bool,
    numbering: list[Path] | None = None,
    template: Path | None = None,
) -> Inputs:
    """Everything the outputs of the meeting in ``path`` depend on.

    ``numbering``: the earlier meetings its § numbers depend on, when already known;
    ``template``: the one the series chose, if it chose one.
    """
    if numbering is None:
        _, numbering = paragraph_start(path, meeting)
    data = [path.parent / file for file in meeting.data.values()]
    attached = [f for _, f in attached_files(meeting, path.parent)]
    template = template or project.template_for(meeting.series)
    return Inputs(path, template, (*numbering, *data, *attached), pdf)


def make_plan(path: Path, project: Project, pdf: bool) -> Plan:
    """Read the meeting in ``path`` and work out its build.

    Raises:
        MeetingFileError: the file is invalid, or its public version cannot be made.
        MinutebookError: there is no template, or an earlier protocol it is numbered after
            has errors.
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
        wanted = (
            f"notebooks/{chosen}.ipynb (series.yaml: template)"
            if chosen
            else (f"neither notebooks/{meeting.series}.ipynb nor notebooks/default.ipynb exists")
        )
        raise MinutebookError(f"{file}: no template: {wanted}")
    start, earlier = paragraph_start(path, meeting)
    # Hashed now: an input edited during the build makes the stamp stale, not wrong.
    inputs = meeting_inputs(path, project, meeting, pdf, numbering=earlier, template=template)
    # only what the public version shows: a confidential attachment's name stays out
    shown = meeting_inputs(path, project, public, pdf, numbering=earlier, template=template)
    withheld = public is not meeting
    numbering = None
    if meeting.kind == "protocol":
        if meeting.first_paragraph is None:  # set by hand, it depends on no other file
            numbering = [project.relative(p) for p in earlier]
        meeting = meeting.model_copy(update={"first_paragraph": start})
        public = public.model_copy(update={"first_paragraph": start})
    date = meeting.date.isoformat()

    def names(found: Inputs) -> tuple[str, ...]:
        return tuple(project.relative(p) for p in found.extra)

    return Plan(
        path=path,
        file=file,
        meeting=meeting,
        template=template,
        digest=inputs.digest(project),
        numbering=numbering,
        settings=settings,
        chosen=project.relative(template) if chosen else None,
        public=Version(public, project.meeting_dir(meeting.series, date), False, names(shown)),
        internal=Version(meeting, project.internal_dir(meeting.series, date), True, names(inputs))
        if withheld
        else None,
    )

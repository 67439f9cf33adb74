"""Build one meeting: its inputs in, a folder of published minutes out.

:func:`build_meeting` is the one way outputs are made. It reads nothing but its inputs (see
:mod:`minutebook.inputs`) and writes nothing but the meeting's folder under ``reports/`` —
staged beside it and swapped in only when every output succeeded — so a failed build leaves
the last good minutes as they were, and the same function serves single builds, parallel
batch builds and (on a redacted meeting) the public version.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import publish

from ..meeting import redact
from .browser import Printer
from ..errors import ChromiumNotFound, MinutebookError, MissingPDF, TemplateError
from ..settings import CELL_TIMEOUT
from .execute import run_template
from .inputs import Inputs, Stamp, file_hash
from ..meeting.model import Attachment, Meeting
from ..meeting.read import attachment_path, load_with_positions
from ..paths import FILES, HTML, JSON, NOTEBOOK, OUTPUTS, PDF, STAMP, Project
from ..meeting.protocol import paragraph_start



@dataclass(frozen=True)
class Built:
    """A published meeting: where its outputs are, and which."""

    meeting: Meeting
    folder: Path
    files: tuple[str, ...]
    older_pdf: bool = False  # built without a PDF: the one there is an earlier build's


def _published_attachments(meeting: Meeting) -> Meeting:
    """Relative attachment links as they resolve from the published minutes."""
    items = [
        item.model_copy(
            update={
                "attachments": [
                    a
                    if a.href.startswith("https://")
                    else Attachment(title=a.title, href=f"{FILES}/{a.href}")
                    for a in item.attachments
                ]
            }
        )
        for item in meeting.items
    ]
    return meeting.model_copy(update={"items": items})


def _attached_files(meeting: Meeting, series_folder: Path) -> list[tuple[str, Path]]:
    """(href, file) of every attachment that is a file in the series folder."""
    return [
        (a.href, path)
        for item in meeting.items
        for a in item.attachments
        if (path := attachment_path(series_folder, a.href)) is not None
    ]


@dataclass(frozen=True)
class _Version:
    """One version of a meeting to make: the public one, or the internal one."""

    meeting: Meeting  # as the template sees it
    final: Path  # where it is published
    internal: bool


def private(path: Path) -> None:
    """Make ``path`` (a file, or a folder and all in it) readable by its owner only."""
    if path.is_dir():
        path.chmod(0o700)
        for inner in path.rglob("*"):
            inner.chmod(0o700 if inner.is_dir() else 0o600)
    elif path.exists():
        path.chmod(0o600)


def _private_folders(project: Project, series: str) -> None:
    """``internal/`` and its series folder: 0700, whatever the umask made of them."""
    for folder in (project.internal, project.internal / series):
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)


def _make(
    version: _Version,
    folder: Path,
    *,
    template: Path,
    series_folder: Path,
    printer: Printer | None,
    timeout: int,
    project: Project,
) -> ChromiumNotFound | None:
    """Run, render and print one version into ``folder``; the missing-PDF error, if any."""
    copies = _attached_files(version.meeting, series_folder)
    meeting = _published_attachments(version.meeting)
    try:
        nb = run_template(
            template,
            meeting.model_dump(mode="json"),
            folder / NOTEBOOK,
            cwd=series_folder,
            timeout=timeout,
            name=project.relative(template),
            # marks every page of the internal version (see render.page_info)
            metadata={"version": "internal"} if version.internal else None,
        )
    except TemplateError as error:
        if not (folder / NOTEBOOK).exists():
            raise
        failed = project.failed_notebook(version.final.parent.name, version.final.name)
        _private_folders(project, version.final.parent.name)
        os.replace(folder / NOTEBOOK, failed)
        private(failed)
        raise TemplateError(
            f"{error}\n  the failed notebook is kept in {project.relative(failed)}"
        ) from None
    from .render import render_html  # made ready by batch.build_many

    html, setup = render_html(nb)
    (folder / HTML).write_text(html, encoding="utf-8")
    (folder / JSON).write_text(meeting.model_dump_json(indent=2), encoding="utf-8")
    for href, source in copies:
        target = folder / FILES / href
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    if printer is not None:
        try:
            (folder / PDF).write_bytes(printer.pdf(html, setup))
        except ChromiumNotFound as error:
            return error
    elif (version.final / PDF).is_file():
        # A quick build without a PDF keeps the last one rather than leave readers without
        # it; the stamp says it was built without a PDF, so the next full build renews it.
        shutil.copyfile(version.final / PDF, folder / PDF)
    return None


def _stamp(folder: Path, digest: str | None, extra: list[str], **more: object) -> None:
    files = {
        p.relative_to(folder).as_posix(): file_hash(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
    built = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    stamp = Stamp(inputs=digest, extra=extra, files=files, built=built, **more)  # type: ignore[arg-type]
    (folder / STAMP).write_bytes(stamp.dumps())


@contextlib.contextmanager
def _writing(project: Project, final: Path) -> Iterator[None]:
    """A folder that cannot be written is the user's to fix: say which, no traceback."""
    try:
        yield
    except OSError as error:
        where = project.relative(final.parent)
        raise MinutebookError(f"cannot write to {where}/: {error.strerror or error}") from None


def meeting_inputs(
    path: Path,
    project: Project,
    meeting: Meeting,
    pdf: bool,
    numbering: list[Path] | None = None,
) -> Inputs:
    """Everything the outputs of the meeting in ``path`` depend on.

    ``numbering``: the earlier meetings its § numbers depend on, when already known.
    """
    if numbering is None:
        _, numbering = paragraph_start(path, meeting)
    data = [path.parent / file for file in meeting.data.values()]
    attached = [f for _, f in _attached_files(meeting, path.parent)]
    return Inputs(path, project.template_for(meeting.series), (*numbering, *data, *attached), pdf)


def build_meeting(
    path: Path, project: Project, printer: Printer | None, *, timeout: int = CELL_TIMEOUT
) -> Built:
    """Validate, execute, render and publish the meeting in ``path``.

    The public version goes to ``reports/``. A meeting with confidential items or withheld
    names also gets an internal version, with everything, in ``internal/`` — never under
    ``reports/``; the public one is made from the redacted meeting, so what must not be
    published never reaches its kernel.

    Args:
        path: the meeting file.
        project: the project it belongs to (templates, reports).
        printer: the Chromium to print the PDF with; ``None`` builds without a PDF.
        timeout: seconds a single template cell may run.

    Raises:
        MeetingFileError: the meeting file is invalid; nothing is written.
        TemplateError: the template failed; the last good outputs are untouched and the
            failed notebook is kept as ``internal/<series>/<date>.failed.ipynb``.
        MissingPDF: no Chromium; the HTML and notebook are published without a PDF.
    """
    file = project.relative(path)
    meeting, positions = load_with_positions(path, file)
    try:  # before anything starts: a meeting that cannot be made public fails at once
        redacted = redact.public(meeting, path.parent)
    except redact.Unsafe as unsafe:
        raise unsafe.error(positions, file) from None
    if printer is not None:
        printer.start()  # Chromium starts while the kernel runs (once per run)
    template = project.template_for(meeting.series)
    if not template.is_file():
        raise MinutebookError(
            f"{file}: no template: neither notebooks/{meeting.series}.ipynb "
            "nor notebooks/default.ipynb exists"
        )
    start, numbering = paragraph_start(path, meeting)
    # Hashed before the run: an input edited during the build makes the stamp stale, not wrong.
    inputs = meeting_inputs(path, project, meeting, printer is not None, numbering=numbering)
    digest = inputs.digest(project)
    internal = redacted is not meeting
    # A protocol's numbers depend on the earlier files of its year, unless it sets its own.
    numbered = None
    if meeting.kind == "protocol":
        if meeting.first_paragraph is None:
            numbered = [project.relative(p) for p in numbering]
        meeting = meeting.model_copy(update={"first_paragraph": start})
        redacted = redacted.model_copy(update={"first_paragraph": start})
    date = meeting.date.isoformat()
    versions = [_Version(redacted, project.meeting_dir(meeting.series, date), internal=False)]
    if internal:
        versions.insert(0, _Version(meeting, project.internal_dir(meeting.series, date), True))

    folders: list[Path] = []
    missing: ChromiumNotFound | None = None
    try:
        for version in versions:
            with _writing(project, version.final):
                if version.internal:
                    _private_folders(project, meeting.series)
                folder = publish.staging(version.final)
            folders.append(folder)
            missing = (
                _make(
                    version,
                    folder,
                    template=template,
                    series_folder=path.parent,
                    printer=printer,
                    timeout=timeout,
                    project=project,
                )
                or missing
            )
        complete = None if missing else digest
        if internal:  # every file the meeting names, confidential attachments too
            _stamp(folders[0], complete, [project.relative(p) for p in inputs.extra])
            private(folders[0])
        # only what the public version shows: a confidential attachment's name stays out
        public = meeting_inputs(path, project, redacted, inputs.pdf, numbering=numbering)
        _stamp(
            folders[-1],
            complete,
            [project.relative(p) for p in public.extra],
            internal=internal,
            numbering=numbered,
        )
        for version, folder in zip(versions, folders, strict=True):
            with _writing(project, version.final):
                publish.publish(folder, version.final)
    except BaseException:
        for folder in folders:
            publish.discard(folder)
        raise
    for version in versions:  # superseded by a good build
        project.failed_notebook(version.final.parent.name, version.final.name).unlink(
            missing_ok=True
        )
    final = versions[-1].final
    if not internal:  # no confidential content (any more): no internal version either
        shutil.rmtree(project.internal_dir(meeting.series, date), ignore_errors=True)
    if missing is not None:
        raise MissingPDF(
            f"{file}: published {project.relative(final / HTML)} without a PDF: {missing}",
            final,
        )
    files = tuple(name for name in OUTPUTS if (final / name).exists())
    return Built(meeting, final, files, older_pdf=printer is None and PDF in files)

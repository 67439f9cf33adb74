"""Build one meeting: its inputs in, a folder of published minutes out.

:func:`build_meeting` is the one way outputs are made, and reads as its steps: plan (read,
redact, list the inputs), then for each version stage a folder, run the template, render
the page, print the PDF; then stamp and publish every version at once. It reads nothing
but its inputs (see :mod:`minutebook.build.inputs`) and writes nothing but the meeting's
folders — staged beside them and swapped in only when every output succeeded — so a failed
build leaves the last good minutes as they were, and the same function serves single
builds, parallel batch builds, and the public and internal versions.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import ChromiumNotFound, MinutebookError, MissingPDF, TemplateError
from ..meeting.model import Meeting
from ..meeting.popolo import popolo
from ..paths import FILES, HTML, JSON, NOTEBOOK, OUTPUTS, PDF, POPOLO, STAMP, Project, earlier_files
from ..settings import CELL_TIMEOUT
from ..template.reads import HISTORY
from . import publish, record
from .browser import PageSetup, Printer
from .displays import check_displays
from .execute import run_template, take_reads, who_fixes
from .inputs import Stamp, file_hash
from .plan import Plan, Version, as_published, attached_files, make_plan


@dataclass(frozen=True)
class Built:
    """A published meeting: where its outputs are, and which."""

    meeting: Meeting
    folder: Path
    files: tuple[str, ...]
    older_pdf: bool = False  # built without a PDF: the one there is an earlier build's
    held: str = ""  # final minutes kept as published: why (see minutebook.build.record)


def build_meeting(
    path: Path,
    project: Project,
    printer: Printer | None,
    *,
    timeout: int | None = None,
    republish: bool = False,
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
        timeout: seconds a single template cell may run (default: the template's own
            ``minutebook.timeout``, else :data:`CELL_TIMEOUT`).
        republish: final minutes may change, with a new correction (see
            :mod:`minutebook.build.record`), and read their data files afresh.

    Raises:
        MeetingFileError: the meeting file is invalid; nothing is written.
        TemplateError: the template failed; the last good outputs are untouched and the
            failed notebook is kept as ``internal/<series>/<date>.failed.ipynb``.
        MissingPDF: no Chromium; the HTML and notebook are published without a PDF.
    """
    plan = make_plan(path, project, pdf=printer is not None, republish=republish)
    if printer is not None:
        printer.start()  # Chromium starts while the kernel runs (once per run)
    staged: list[tuple[Version, Path]] = []
    pages: list[tuple[str, PageSetup]] = []
    reads: set[str] = set()
    missing: ChromiumNotFound | None = None
    try:
        for version in plan.versions:
            folder = _stage(project, version)
            staged.append((version, folder))
            nb = _run(plan, version, folder, project, timeout)
            reads |= take_reads(nb)
            pages.append(_render(plan, version, folder, nb))
        read = _read(plan, project, reads)
        text = record.text_digest([html for html, _ in pages], _attached(plan))
        verdict = record.judge(plan.published, plan.meeting, plan.source, text, file=plan.file)
        if not (verdict.publish or plan.republish):
            for _, folder in staged:
                publish.discard(folder)
            return _hold(plan, project, read, verdict.why)
        for (version, folder), (html, setup) in zip(staged, pages, strict=True):
            missing = _print(version, folder, html, setup, printer) or missing
        _stamp_all(plan, staged, read, text, complete=missing is None)
        for version, folder in staged:
            with _writing(project, version.final):
                publish.publish(folder, version.final)
    except BaseException:
        for _, folder in staged:
            publish.discard(folder)
        raise
    _tidy(plan, project)
    final = plan.public.final
    if missing is not None:
        raise MissingPDF(
            f"{plan.file}: published {project.relative(final / HTML)} without a PDF: {missing}",
            final,
        )
    files = tuple(name for name in OUTPUTS if (final / name).exists())
    return Built(plan.meeting, final, files, older_pdf=printer is None and PDF in files)


# -- the steps -------------------------------------------------------------------------------


def _stage(project: Project, version: Version) -> Path:
    """A new, empty folder beside the version's final place."""
    with _writing(project, version.final):
        if version.internal:
            _private_folders(project, version.final.parent.name)
        return publish.staging(version.final)


def _run(plan: Plan, version: Version, folder: Path, project: Project, timeout: int | None) -> Any:
    """Execute the template for the version; the executed notebook.

    A cell may run for ``timeout`` seconds, else as long as the template's metadata says
    (``minutebook.timeout``), else :data:`CELL_TIMEOUT`. A failed run's notebook is kept
    for the analyst, owner-only and out of ``reports/``; the message names the meeting, the
    template and its cell, and who must fix it.
    """
    own = plan.template_settings
    limit = timeout or own.get("timeout") or CELL_TIMEOUT
    try:
        nb = run_template(
            plan.template,
            _parameters(plan, version),
            folder / NOTEBOOK,
            cwd=plan.path.parent,
            timeout=limit,
            name=project.relative(plan.template),
            # marks every page of the internal version (see render.page_info)
            metadata={"version": "internal"} if version.internal else None,
            internal=version.internal,
        )
        check_displays(nb, project.relative(plan.template))
        return nb
    except TemplateError as error:
        owner = own.get("owner") or (plan.settings.template_owner if plan.settings else None)
        lines = [f"{plan.file}: {error}", who_fixes(project.relative(plan.template), owner)]
        if (folder / NOTEBOOK).exists():
            failed = project.failed_notebook(version.final.parent.name, version.final.name)
            _private_folders(project, version.final.parent.name)
            os.replace(folder / NOTEBOOK, failed)
            private(failed)
            lines.append(f"the failed notebook is kept in {project.relative(failed)}")
        raise TemplateError("\n  ".join(lines)) from None


def _parameters(plan: Plan, version: Version) -> dict[str, Any]:
    """The meeting as its template gets it, with what the series settles for the pieces.

    Its ``data:`` are the files the template reads: a final meeting's frozen copies.
    """
    meeting = as_published(version.meeting).model_dump(mode="json")
    if version.internal:
        meeting["internal"] = True  # m.internal
    if plan.data:  # a confidential data file only for the internal version
        meeting["data"] = {k: v for k, v in plan.data.items() if k in version.meeting.data}
    if plan.settings is not None:
        meeting["settings"] = plan.settings.model_dump(
            mode="json", include={"posting", "signatures"}
        )
    return meeting


def _render(plan: Plan, version: Version, folder: Path, nb: Any) -> tuple[str, PageSetup]:
    """The page, the meeting's JSON and its attached files, written into ``folder``."""
    from .render import render_html  # made ready by batch.build_many

    html, setup = render_html(nb)
    (folder / HTML).write_text(html, encoding="utf-8")
    meeting = as_published(version.meeting)
    (folder / JSON).write_text(meeting.model_dump_json(indent=2), encoding="utf-8")
    (folder / POPOLO).write_text(
        json.dumps(popolo(meeting), indent=2, ensure_ascii=False), encoding="utf-8"
    )
    for href, source in attached_files(version.meeting, plan.path.parent):
        target = folder / FILES / href
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return html, setup


def _print(
    version: Version, folder: Path, html: str, setup: PageSetup, printer: Printer | None
) -> ChromiumNotFound | None:
    """The PDF, printed into ``folder``; why it could not be, if Chromium is missing."""
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


@dataclass(frozen=True)
class Read:
    """What the build read, the template's own reads included: the stamp's inputs."""

    digest: str
    history: list[str] | None  # the earlier meeting files, when the template read them


def _read(plan: Plan, project: Project, reads: set[str]) -> Read:
    """The plan's inputs, and the earlier meetings if the template read them."""
    if HISTORY not in reads:
        return Read(plan.digest, None)
    earlier = earlier_files(plan.path.parent, plan.meeting.date.isoformat())
    inputs = replace(plan.inputs, extra=(*plan.inputs.extra, *earlier))
    return Read(inputs.digest(project), [project.relative(p) for p in earlier])


def _attached(plan: Plan) -> list[Path]:
    """Every file attached to any version of the minutes."""
    found = {p for v in plan.versions for _, p in attached_files(v.meeting, plan.path.parent)}
    return sorted(found)


def _hold(plan: Plan, project: Project, read: Read, why: str) -> Built:
    """Keep the published final minutes; their stamp remembers the inputs held back."""
    final = plan.public.final
    assert plan.published is not None  # only published final minutes are held
    stamp = replace(plan.published, held=read.digest, held_why=why)
    with _writing(project, final):
        publish.write_atomic(final / STAMP, stamp.dumps())
    files = tuple(name for name in OUTPUTS if (final / name).exists())
    return Built(plan.meeting, final, files, held=why)


def _stamp_all(
    plan: Plan, staged: list[tuple[Version, Path]], read: Read, text: str, complete: bool
) -> None:
    """Each staged folder's stamp: the input hash (none when incomplete) and its files.

    The public one also records what the minutes say, for :func:`record.judge` next time.
    """
    digest = read.digest if complete else None
    for version, folder in staged:
        names = [*version.names, *(read.history or [])]
        if version.internal:
            _stamp(folder, digest, names)
            private(folder)
        else:
            _stamp(
                folder,
                digest,
                names,
                internal=plan.internal is not None,
                numbering=plan.numbering,
                history=read.history,
                template=plan.chosen,
                final=plan.meeting.status == "final",
                text=text,
                source=plan.source,
                corrections=len(plan.meeting.corrections),
                republished=len(plan.meeting.corrections)
                if plan.republish
                else (plan.published.republished if plan.published else 0),
            )


def _tidy(plan: Plan, project: Project) -> None:
    """What a good build makes obsolete: failed notebooks, an internal version no longer due."""
    for version in plan.versions:
        project.failed_notebook(version.final.parent.name, version.final.name).unlink(
            missing_ok=True
        )
    if plan.internal is None:  # no confidential content (any more): no internal version
        shutil.rmtree(
            project.internal_dir(plan.meeting.series, plan.meeting.date.isoformat()),
            ignore_errors=True,
        )


# -- helpers ---------------------------------------------------------------------------------


def _stamp(folder: Path, digest: str | None, extra: list[str], **more: Any) -> None:
    files = {
        p.relative_to(folder).as_posix(): file_hash(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
    built = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    stamp = Stamp(inputs=digest, extra=extra, files=files, built=built, **more)
    (folder / STAMP).write_bytes(stamp.dumps())


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


@contextlib.contextmanager
def _writing(project: Project, final: Path) -> Iterator[None]:
    """A folder that cannot be written is the user's to fix: say which, no traceback."""
    try:
        yield
    except OSError as error:
        where = project.relative(final.parent)
        raise MinutebookError(f"cannot write to {where}/: {error.strerror or error}") from None

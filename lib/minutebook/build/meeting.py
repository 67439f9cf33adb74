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
import json
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import ChromiumNotFound, MinutebookError, MissingPDF, TemplateError
from ..i18n import reason, say
from ..meeting.model import Meeting
from ..meeting.popolo import popolo
from ..paths import (
    AGENDA_DOCX,
    AGENDA_HTML,
    AGENDA_PDF,
    DOCX,
    HTML,
    JSON,
    NOTEBOOK,
    OUTPUTS,
    PDF,
    POPOLO,
    SIGNATURES,
    STAMP,
    Project,
    earlier_files,
)
from ..settings import CELL_TIMEOUT
from ..template.reads import HISTORY
from . import kallelse, publish, record, signing, stamps, word
from .browser import PageSetup, Printer
from .cluster import Cluster, inputs_of
from .displays import check_displays
from .execute import run_template, take_reads, who_fixes
from .given import notebook_metadata, parameters
from .plan import (
    Plan,
    Version,
    as_published,
    copy_attached,
    make_plan,
    with_posting_days,
)
from .published import POPOLO_VERSION, file_about, meeting_json
from .warm import Spare


@dataclass(frozen=True)
class Built:
    """A published meeting: where its outputs are, and which."""

    meeting: Meeting
    folder: Path
    files: tuple[str, ...]
    older_pdf: bool = False  # built without a PDF: the one there is an earlier build's
    held: str = ""  # final minutes kept as published: why (see minutebook.build.record)
    page: Path | None = None  # the page to open: the minutes, or the kallelse


@dataclass(frozen=True)
class Page:
    """A page made for a version, to be printed beside it."""

    version: Version
    folder: Path  # where it was staged
    pdf: str  # the PDF's name: the minutes', or the kallelse's
    html: str
    setup: PageSetup
    docx: str  # its Word copy's name
    meeting: Meeting  # the meeting it shows


def build_meeting(
    path: Path,
    project: Project,
    printer: Printer | None,
    *,
    timeout: int | None = None,
    republish: bool = False,
    resign: bool = False,
    fork: bool = False,
    spare: Spare | None = None,
    remote: Cluster | None = None,
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
        resign: signed minutes may change: their signed copy is set aside (see
            :mod:`minutebook.build.signing`).
        fork: fork its kernels from the run's zygote (:mod:`minutebook.build.zygote`).
        spare: a kernel started while the meeting was read, its template's imports done,
            for the first version that runs the template (:mod:`minutebook.build.warm`).
        remote: run the template on a Dask cluster's worker instead of here
            (:mod:`minutebook.build.cluster`); the printer given then prints there too.

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
    pages: list[Page] = []
    reads: set[str] = set()
    missing: ChromiumNotFound | None = None
    try:
        for version in plan.versions:
            folder = _stage(project, version)
            staged.append((version, folder))
            if version.minutes:
                kernel = spare.take(plan.template) if spare is not None else None
                nb = _run(plan, version, folder, project, timeout, fork, kernel, remote)
                reads |= take_reads(nb)
                pages.append(_render(plan, version, folder, nb))
            if version.kallelse is not None:
                pages.append(_render_kallelse(plan, version, folder))
        read = _read(plan, project, reads)
        text = record.text_digest([page.html for page in pages], plan.attached)
        verdict = record.judge(plan.published, plan.meeting, plan.source, text, file=plan.file)
        if not (verdict.publish or plan.republish):
            for _, folder in staged:
                publish.discard(folder)
            return _hold(plan, project, read, verdict.why)
        signed = signing.to_publish(plan.path, plan.file, text, resign) if plan.signed else None
        # the copies, made only of what is published: pandoc writes them while Chromium prints
        with ThreadPoolExecutor(len(pages) or 1, thread_name_prefix="word") as copying:
            copies = [
                copying.submit(word.write_copy, page.html, page.meeting, page.folder / page.docx)
                for page in pages
            ]
            for page in pages:
                if signed is not None and page.pdf == PDF and not page.version.internal:
                    shutil.copyfile(signed, page.folder / PDF)  # the record, not a new print
                    shutil.copyfile(signing.record_paths(plan.path)[1], page.folder / SIGNATURES)
                    continue
                missing = _print(page, printer) or missing
            for copy in copies:
                copy.result()
        stamps.stamp_all(plan, staged, read, text, complete=missing is None)
        for version, folder in staged:
            with _writing(project, version.final):
                publish.publish(folder, version.final)
        if plan.alone:  # a draft kept from the public: what was published of it goes
            with _writing(project, plan.public.final):
                publish.withdraw(plan.public.final)
    except BaseException:
        for _, folder in staged:
            publish.discard(folder)
        raise
    _tidy(plan, project)
    shown = plan.shown  # the page to open
    final = shown.final
    opened = final / (HTML if shown.minutes else AGENDA_HTML)
    if missing is not None:
        shown_page = project.relative(opened)
        raise MissingPDF(say("pdf.missing", file=plan.file, page=shown_page, why=missing), final)
    files = tuple(name for name in OUTPUTS if (final / name).exists())
    older = printer is None and (PDF in files or AGENDA_PDF in files)
    return Built(plan.meeting, final, files, older_pdf=older, page=opened)


# -- the steps -------------------------------------------------------------------------------


def _stage(project: Project, version: Version) -> Path:
    """A new, empty folder beside the version's final place."""
    with _writing(project, version.final):
        if version.internal:
            stamps.private_folders(project, version.final.parent.name)
        return publish.staging(version.final)


def _run(
    plan: Plan,
    version: Version,
    folder: Path,
    project: Project,
    timeout: int | None,
    fork: bool = False,
    kernel: Any = None,
    remote: Cluster | None = None,
) -> Any:
    """Execute the template for the version; the executed notebook.

    A cell may run for ``timeout`` seconds, else as long as the template's metadata says
    (``minutebook.timeout``), else :data:`CELL_TIMEOUT`. A failed run's notebook is kept
    for the analyst, owner-only and out of ``reports/``; the message names the meeting, the
    template and its cell, and who must fix it.
    """
    own = plan.template_settings
    limit = timeout or own.get("timeout") or CELL_TIMEOUT
    here = partial(run_template, fork=fork, kernel=kernel)
    run = partial(remote.run, project, inputs_of(plan, project)) if remote else here
    try:
        nb = run(
            plan.template,
            parameters(plan, version),
            folder / NOTEBOOK,
            cwd=plan.path.parent,
            timeout=limit,
            name=project.relative(plan.template),
            metadata=notebook_metadata(plan, version),
            internal=version.internal,
        )
        check_displays(nb, project.relative(plan.template))
        return nb
    except TemplateError as error:
        owner = own.get("owner") or (plan.settings.template_owner if plan.settings else None)
        lines = [f"{plan.file}: {error}", who_fixes(project.relative(plan.template), owner)]
        if (folder / NOTEBOOK).exists():
            failed = project.failed_notebook(version.final.parent.name, version.final.name)
            stamps.private_folders(project, version.final.parent.name)
            os.replace(folder / NOTEBOOK, failed)
            stamps.private(failed)
            lines.append(say("template.failed_kept", path=project.relative(failed)))
        raise TemplateError("\n  ".join(lines)) from None


def _render(plan: Plan, version: Version, folder: Path, nb: Any) -> Page:
    """The page, the meeting's JSON and its attached files, written into ``folder``."""
    from .render import render_html  # made ready by batch.build_many

    html, setup = render_html(nb)
    (folder / HTML).write_text(html, encoding="utf-8")
    meeting = with_posting_days(as_published(version.meeting), version.kallelse)
    (folder / JSON).write_text(meeting_json(plan.path, meeting, HTML, plan.site), encoding="utf-8")
    about = file_about(plan.site, POPOLO_VERSION)
    (folder / POPOLO).write_text(
        json.dumps({**popolo(meeting, plan.path.stem), **about}, indent=2, ensure_ascii=False),
        encoding="utf-8",
    )
    copy_attached(version.meeting, plan.path.parent, folder)
    return Page(version, folder, PDF, html, setup, DOCX, version.meeting)


def _render_kallelse(plan: Plan, version: Version, folder: Path) -> Page:
    """The kallelse (or cancellation) beside the minutes, or as all there is of them yet.

    Without minutes, the meeting's JSON is the kallelse's: what the public knows so far.
    """
    assert version.kallelse is not None
    sent = as_published(version.kallelse)
    meeting = sent.model_dump(mode="json")
    html, setup = kallelse.render(meeting, notebook_metadata(plan, version))
    (folder / AGENDA_HTML).write_text(html, encoding="utf-8")
    if not version.minutes:
        (folder / JSON).write_text(
            meeting_json(plan.path, sent, AGENDA_HTML, plan.site), encoding="utf-8"
        )
    copy_attached(version.kallelse, plan.path.parent, folder)
    return Page(version, folder, AGENDA_PDF, html, setup, AGENDA_DOCX, version.kallelse)


def _print(page: Page, printer: Printer | None) -> ChromiumNotFound | None:
    """The page's PDF, printed into its folder; why it could not be, if Chromium is missing."""
    if printer is not None:
        try:
            (page.folder / page.pdf).write_bytes(printer.pdf(page.html, page.setup))
        except ChromiumNotFound as error:
            return error
    elif (page.version.final / page.pdf).is_file():
        # A quick build without a PDF keeps the last one rather than leave readers without
        # it; the stamp says it was built without a PDF, so the next full build renews it.
        shutil.copyfile(page.version.final / page.pdf, page.folder / page.pdf)
    return None


def _read(plan: Plan, project: Project, reads: set[str]) -> stamps.Read:
    """The plan's inputs, and the earlier meetings if the template read them."""
    if HISTORY not in reads:
        return stamps.Read(plan.digest, None)
    earlier = earlier_files(plan.path.parent, plan.meeting.date.isoformat())
    inputs = replace(plan.inputs, extra=(*plan.inputs.extra, *earlier))
    return stamps.Read(inputs.digest(project), [project.relative(p) for p in earlier])


def _hold(plan: Plan, project: Project, read: stamps.Read, why: str) -> Built:
    """Keep the published final minutes; their stamp remembers the inputs held back."""
    final = plan.public.final
    assert plan.published is not None  # only published final minutes are held
    stamp = replace(plan.published, held=read.digest, held_why=why)
    with _writing(project, final):
        publish.write_atomic(final / STAMP, stamp.dumps())
    files = tuple(name for name in OUTPUTS if (final / name).exists())
    return Built(plan.meeting, final, files, held=why)


def _tidy(plan: Plan, project: Project) -> None:
    """What a good build makes obsolete: failed notebooks, an internal version no longer due."""
    for version in plan.versions:
        project.failed_notebook(version.final.parent.name, version.final.name).unlink(
            missing_ok=True
        )
    if plan.internal is None:  # no confidential content (any more): no internal version
        shutil.rmtree(
            project.internal_dir(plan.path.parent.name, plan.path.stem),
            ignore_errors=True,
        )


@contextlib.contextmanager
def _writing(project: Project, final: Path) -> Iterator[None]:
    """A folder that cannot be written is the user's to fix: say which, no traceback."""
    try:
        yield
    except OSError as error:
        where = project.relative(final.parent)
        raise MinutebookError(say("run.cannot_write", where=where, error=reason(error))) from None

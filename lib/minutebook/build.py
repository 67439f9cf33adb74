"""Build one meeting: its file, template and minutebook's own code in; a folder of minutes out.

:func:`build_meeting` is the one way outputs are made. It reads nothing but its inputs and
writes nothing but the meeting's folder under ``reports/`` — staged beside it and swapped in
only when every output succeeded — so a failed build leaves the last good minutes as they
were, and the same function serves single builds, batch builds and (on a redacted meeting)
the public version.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import publish, redact
from .browser import Printer
from .errors import ChromiumNotFound, MinutebookError, TemplateError
from .execute import DEFAULT_TIMEOUT, run_template
from .model import Meeting
from .params import load_meeting
from .paths import Project
from .render import html_exporter, page_setup

NOTEBOOK, HTML, PDF = "minutes.ipynb", "minutes.html", "minutes.pdf"


@dataclass(frozen=True)
class Built:
    """A published meeting: where its outputs are, and which."""

    meeting: Meeting
    folder: Path
    files: tuple[str, ...]


class MissingPDF(ChromiumNotFound):
    """The minutes were published without their PDF, for want of a Chromium."""


def build_meeting(
    path: Path, project: Project, printer: Printer | None, *, timeout: int = DEFAULT_TIMEOUT
) -> Built:
    """Validate, execute, render and publish the meeting in ``path``.

    Args:
        path: the meeting file.
        project: the project it belongs to (templates, reports).
        printer: the Chromium to print the PDF with; ``None`` builds without a PDF.
        timeout: seconds a single template cell may run.

    Raises:
        MeetingFileError: the meeting file is invalid; nothing is written.
        TemplateError: the template failed; the last good outputs are untouched and the
            failed notebook is kept beside them as ``<date>.failed.ipynb``.
        MissingPDF: no Chromium; the HTML and notebook are published without a PDF.

    """
    file = project.relative(path)
    meeting = load_meeting(path, file)
    template = project.template_for(meeting.series)
    if not template.is_file():
        raise MinutebookError(
            f"{file}: no template: neither notebooks/{meeting.series}.ipynb "
            "nor notebooks/default.ipynb exists"
        )
    final = project.meeting_dir(meeting.series, meeting.date.isoformat())
    failed = final.with_name(f"{final.name}.failed.ipynb")
    folder = publish.staging(final)
    try:
        try:
            nb = run_template(
                template,
                redact.public(meeting).model_dump(mode="json"),
                folder / NOTEBOOK,
                cwd=path.parent,
                timeout=timeout,
                name=project.relative(template),
            )
        except TemplateError as error:
            if (folder / NOTEBOOK).exists():
                os.replace(folder / NOTEBOOK, failed)
                raise TemplateError(
                    f"{error}\n  the failed notebook is kept in {project.relative(failed)}"
                ) from None
            raise
        html, _ = html_exporter().from_notebook_node(nb)
        (folder / HTML).write_text(html, encoding="utf-8")
        missing: ChromiumNotFound | None = None
        if printer is not None:
            try:
                (folder / PDF).write_bytes(printer.pdf(html, page_setup(nb)))
            except ChromiumNotFound as error:
                missing = error
        publish.publish(folder, final)
    except BaseException:
        publish.discard(folder)
        raise
    failed.unlink(missing_ok=True)  # superseded by a good build
    if missing is not None:
        raise MissingPDF(
            f"{file}: published {project.relative(final / HTML)} without a PDF: {missing}"
        )
    files = tuple(name for name in (NOTEBOOK, HTML, PDF) if (final / name).exists())
    return Built(meeting, final, files)

"""What ``notebooks/Sekreterare.ipynb`` calls: the secretary's cycle from JupyterLab.

Each function returns a :class:`~minutebook.nb.Fragment`, so a cell shows its result as a
small page: the meetings there are, what ``check`` found, or links to the built minutes.
The build runs the ``minutebook`` command in a process of its own, exactly as from a
terminal, so a notebook never holds a second kernel or a browser.

The meeting worked on is asked for when the notebook runs (:func:`choose`) and remembered
in ``.minutebook/arbetsbok.json``, which git ignores: the secretary never edits the
notebook, and with ``make lab`` saving it without outputs (:mod:`.saving`) the tracked file
stays as committed. The workbook speaks Swedish, whatever the kernel's ``LANG``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import subprocess
import sys
from html import escape
from pathlib import Path
from typing import NamedTuple

from ..i18n import speaking
from ..paths import AGENDA_PDF, HTML, INDEX, PDF, Project, series_meetings
from ..template.minutes import Fragment
from .check import check_file


def _project() -> Project:
    return Project.find()


def _link(target: Path, text: str) -> str:
    """A link that works from the notebook's folder (JupyterLab opens it in a tab)."""
    href = os.path.relpath(target, Path.cwd())
    return f'<a href="{escape(href)}" target="_blank">{escape(text)}</a>'


def _file(series: str, date: str) -> Path:
    return _project().params / series / f"{date}.yaml"


def meetings() -> Fragment:
    """Every series and the dates of its meetings, newest first."""
    project = _project()
    rows, lines = [], []
    for folder in sorted(p for p in project.params.iterdir() if p.is_dir()):
        dates = [f.stem for f in reversed(series_meetings(folder))]  # not series.yaml, a sample
        if not dates:  # params/_data, or a series whose first meeting is still to come
            continue
        rows.append(f"<li><strong>{escape(folder.name)}</strong>: {escape(', '.join(dates))}</li>")
        lines.append(f"{folder.name}: {', '.join(dates)}")
    return Fragment(f"<ul>{''.join(rows)}</ul>", "\n".join(lines))


CHOICE = ".minutebook/arbetsbok.json"  # the meeting last worked on, beside params/


class Chosen(NamedTuple):
    """The meeting the workbook works on: ``secretary.check(*valt)``."""

    series: str
    date: str

    def _repr_html_(self) -> str:
        return f"<p>Mötet: <strong>{escape(self.series)} {escape(self.date)}</strong></p>"


def _newest(project: Project) -> Chosen | None:
    """The meeting with the latest date of all series, to offer the first time."""
    found = [
        (meeting.stem, folder.name)
        for folder in project.params.iterdir()
        if folder.is_dir()
        for meeting in series_meetings(folder)
    ]
    return Chosen(*max(found)[::-1]) if found else None


def _ask(question: str, default: str) -> str:
    """An answer typed in the notebook, or ``default`` (also where nobody can type: papermill)."""
    try:
        answer = input(f"{question} [{default}]: ").strip()
    except (EOFError, NotImplementedError, OSError):  # no stdin: run headless
        return default
    return answer or default


def choose(series: str = "", date: str = "") -> Chosen:
    """The meeting to work on: as given (papermill's parameters), else asked, else remembered.

    Asked with the last choice as the default — the newest meeting the first time — and
    remembered for next time, outside the notebook and outside git.
    """
    project = _project()
    remembered = project.root / CHOICE
    try:
        last = Chosen(**json.loads(remembered.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        last = _newest(project) or Chosen("", "")
    if not (series and date):
        series = series or _ask("Serie", last.series)
        date = date or _ask("Datum (ÅÅÅÅ-MM-DD)", last.date)
    with contextlib.suppress(ValueError):  # not a date: check() says there is no such file
        date = dt.date.fromisoformat(date).isoformat()
    chosen = Chosen(series, date)
    remembered.parent.mkdir(exist_ok=True)
    remembered.write_text(json.dumps(chosen._asdict()) + "\n", encoding="utf-8")
    return chosen


def check(series: str, date: str) -> Fragment:
    """Check one meeting file: its errors and warnings, or that it is fine."""
    project = _project()
    path = _file(series, date)
    if not path.is_file():
        message = f"Det finns ingen fil {project.relative(path)}."
        return Fragment(f"<p><strong>{escape(message)}</strong></p>", message)
    with speaking("sv"):
        result = check_file(path, project.relative(path))
    lines = result.lines()
    if not lines:
        message = f"{project.relative(path)}: inga fel, inga varningar."
        return Fragment(f"<p>✔ {escape(message)}</p>", message)
    head = "Fel att rätta" if result.errors else "Varningar att se över"
    items = "".join(f"<li><code>{escape(line)}</code></li>" for line in lines)
    return Fragment(f"<p><strong>{head}:</strong></p><ul>{items}</ul>", "\n".join(lines))


def build(series: str, date: str) -> Fragment:
    """Build one meeting with the ``minutebook`` command; links to the minutes, or the errors."""
    project = _project()
    path = _file(series, date)
    done = subprocess.run(
        [sys.executable, "-m", "minutebook", "--lang", "sv", "build", str(path)],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    folder = project.meeting_dir(series, date)
    if done.returncode != 0:
        errors = "".join(
            f"<li><code>{escape(line)}</code></li>" for line in done.stderr.splitlines()
        )
        html = f"<p><strong>Mötet kunde inte byggas:</strong></p><ul>{errors}</ul>"
        if (folder / HTML).exists():
            html += f"<p>Senaste fungerande version: {_link(folder / HTML, 'HTML')}</p>"
        return Fragment(html, done.stderr)
    # the page the build names: the minutes, a draft's in internal/, or the kallelse
    opened = re.search(r"^öppna (.+)$", done.stdout, re.M)
    page = project.root / opened.group(1) if opened else folder / HTML
    pdf = page.with_name(PDF if page.name == HTML else AGENDA_PDF)
    links = [
        _link(path, label)
        for path, label in (
            (page, "Webbsidan" if page.name == HTML else "Kallelsen"),
            (pdf, "PDF"),
            (project.reports / INDEX, "Arkivet"),
        )
        if path.exists()
    ]
    return Fragment(f"<p>✔ Klart: {' · '.join(links)}</p>", done.stdout)

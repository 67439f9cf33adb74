"""What ``notebooks/Sekreterare.ipynb`` calls: the secretary's cycle from JupyterLab.

Each function returns a :class:`~minutebook.nb.Fragment`, so a cell shows its result as a
small page: the meetings there are, what ``check`` found, or links to the built minutes.
The build runs the ``minutebook`` command in a process of its own, exactly as from a
terminal, so a notebook never holds a second kernel or a browser.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import escape
from pathlib import Path

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


def check(series: str, date: str) -> Fragment:
    """Check one meeting file: its errors and warnings, or that it is fine."""
    project = _project()
    path = _file(series, date)
    if not path.is_file():
        message = f"Det finns ingen fil {project.relative(path)}."
        return Fragment(f"<p><strong>{escape(message)}</strong></p>", message)
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
        [sys.executable, "-m", "minutebook", "build", str(path)],
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
    opened = re.search(r"^open (.+)$", done.stdout, re.M)
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

"""Where things live: the project's folders, and nothing else.

A project is the folder holding ``params/``; commands find it from the current directory
upwards (as git finds ``.git``), so they work from any subfolder, including ``notebooks/``
where JupyterLab starts a template's kernel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .settings import settings

# A series' name: its folder under params/ and reports/ ("_search" can never be one).
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# What a published meeting's folder holds, and the archive around the folders: every name
# an output is written under, here and nowhere else.
NOTEBOOK = "minutes.ipynb"
HTML = "minutes.html"
PDF = "minutes.pdf"
JSON = "meeting.json"
SERIES_FILE = "series.yaml"  # a series' own settings, beside its meeting files
SITE_FILE = "site.yaml"  # params/site.yaml: the archive's own settings (base URL, licence)
SAMPLE_FILE = "sample.yaml"  # a sample meeting to run a new template with: never built
POPOLO = "popolo.json"  # the same meeting in the Popolo vocabulary
AGENDA_HTML = "agenda.html"  # the kallelse (or the notice of a cancelled meeting)
AGENDA_PDF = "agenda.pdf"
DOCX = "minutes.docx"  # the Word copies of the minutes and the kallelse
AGENDA_DOCX = "agenda.docx"
KALLELSE_RECORD = ".kallelse.yaml"  # params/<series>/<date>.kallelse.yaml: as it was sent
SIGNATURES = "signatures.json"  # who signed the published minutes.pdf, and when
BOARD = "_anslagstavla"  # the notice board, under reports/: no series slug starts with "_"
FILES = "files"  # the attached files, beside the minutes
STAMP = ".build.json"  # how a folder was made (see build.inputs)
ARCHIVE_STAMP = ".archive.json"
INDEX = "index.html"
SEARCH_PAGE = "search.html"
SEARCH = "_search"  # the search index: no series slug can start with "_"
CASES = "_cases"  # a page per case reference, across bodies
DECISIONS_PAGE = "decisions.html"  # a body's decisions by year, in its folder
ACTIONS_PAGE = "actions.html"  # a body's action items and their history
INDEX_JSON = "index.json"
FEED = "feed.xml"
OUTPUTS = (NOTEBOOK, HTML, PDF, DOCX, JSON, POPOLO, AGENDA_HTML, AGENDA_PDF, AGENDA_DOCX)
# The same names as templates see them (``{{ names.html }}``).
NAMES = {
    "html": HTML,
    "pdf": PDF,
    "json": JSON,
    "popolo": POPOLO,
    "agenda": AGENDA_HTML,
    "board": BOARD,
    "index": INDEX,
    "search_page": SEARCH_PAGE,
    "search": SEARCH,
    "cases": CASES,
    "decisions_page": DECISIONS_PAGE,
    "actions_page": ACTIONS_PAGE,
    "index_json": INDEX_JSON,
    "feed": FEED,
    "decisions_csv": "decisions.csv",
    "decisions_json": "decisions.json",
}
PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
HOUSE_CSS = TEMPLATES_DIR / "minutes" / "static" / "minutes.css"  # every page's look


def find_root(start: Path | None = None) -> Path:
    """The project root: ``$MINUTEBOOK_ROOT``, or the nearest folder upwards with ``params/``.

    Falls back to the current directory so that ``minutebook schema`` works anywhere.
    """
    if root := settings().root:
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "params").is_dir():
            return folder
    return here


# A meeting file is named for its date; a body's second meeting that day adds "-2" (a third
# "-3", …): params/<series>/2024-03-14-2.yaml. The name is the meeting's folder too.
MEETING_NAME = re.compile(r"(\d{4}-\d\d-\d\d)(?:-([2-9]|[1-9]\d+))?")


def meeting_order(name: str) -> tuple[str, int]:
    """Where a meeting named ``name`` (a file's stem) comes: by date, then its number that day."""
    found = MEETING_NAME.fullmatch(name)
    return (found[1], int(found[2] or 1)) if found else (name, 0)


def series_meetings(folder: Path) -> list[Path]:
    """The meeting files of a series folder, oldest first: those named for a date."""
    named = (p for p in folder.glob("*.yaml") if MEETING_NAME.fullmatch(p.stem))
    return sorted(named, key=lambda p: meeting_order(p.stem))


def beside(meeting_file: Path, suffix: str) -> Path:
    """A file a meeting keeps beside its own: ``params/<series>/<date><suffix>``."""
    return meeting_file.with_name(meeting_file.stem + suffix)


def year_page(year: str, page: str = INDEX) -> str:
    """An earlier year's page beside a body's ``page``: ``2019.html``, ``decisions-2019.html``."""
    return f"{year}.html" if page == INDEX else f"{page.removesuffix('.html')}-{year}.html"


def year_pages(series: Path) -> list[Path]:
    """The earlier years' pages of a body's folder in ``reports/``, of meetings and decisions."""
    year = "[0-9]" * 4
    return [page for kind in (INDEX, DECISIONS_PAGE) for page in series.glob(year_page(year, kind))]


def earlier_files(series_folder: Path, name: str) -> list[Path]:
    """The meeting files of the series before the one named ``name``, oldest first.

    ``name`` is a meeting's (``2024-03-14-2``: the day's first meeting is earlier) or a date
    (``2024-03-14``: every meeting of that day is not).
    """
    key = meeting_order(name)
    return [p for p in series_meetings(series_folder) if meeting_order(p.stem) < key]


@dataclass(frozen=True)
class Project:
    """The folders of one project, all derived from its root."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project around ``start`` (default: the current directory)."""
        return cls(find_root(start))

    @property
    def params(self) -> Path:
        """Meeting files: ``params/<series>/<date>.yaml``."""
        return self.root / "params"

    @property
    def notebooks(self) -> Path:
        """Template notebooks: ``notebooks/<series>.ipynb`` and ``default.ipynb``."""
        return self.root / "notebooks"

    @property
    def reports(self) -> Path:
        """The published archive."""
        return self.root / "reports"

    def meeting_files(self) -> list[Path]:
        """Every meeting file, ``params/<series>/<date>.yaml``, in order.

        (Not ``series.yaml``, nor any other file that is not named for a date.)
        """
        return sorted(p for folder in self.params.glob("*/") for p in series_meetings(folder))

    def template_for(self, series: str) -> Path:
        """The series' own template if it has one, else the default template."""
        own = self.notebooks / f"{series}.ipynb"
        return own if own.is_file() else self.notebooks / "default.ipynb"

    @property
    def internal(self) -> Path:
        """Internal versions of meetings with confidential content: never published."""
        return self.root / "internal"

    def internal_dir(self, series: str, date: str) -> Path:
        """Where the internal version of one meeting goes."""
        return self.internal / series / date

    def failed_notebook(self, series: str, date: str) -> Path:
        """Where the notebook of a failed run is kept for whoever maintains the template.

        Never under ``reports/``: its traceback names the machine's paths.
        """
        return self.internal / series / f"{date}.failed.ipynb"

    def meeting_dir(self, series: str, date: str) -> Path:
        """Where one meeting's outputs are published."""
        return self.reports / series / date

    def relative(self, path: Path) -> str:
        """``path`` as the user would type it from the project root, for messages."""
        try:
            return str(path.resolve().relative_to(self.root))
        except ValueError:
            return str(path)

"""The archive: index pages, navigation between meetings, search, JSON and a feed.

Built from what is published (each meeting's ``meeting.json`` and stamp), never from the
YAML, so it only ever shows public versions. Every file is replaced atomically, and the
whole step is skipped when nothing it depends on changed (its own stamp, ``.archive.json``).

Navigation is added here rather than by the meeting build: a meeting's previous and next
depend on the other meetings, and keeping them out of the build keeps each meeting's outputs
a function of its own inputs. The minutes page carries an empty ``<!--mb-nav-->`` slot that
this step fills in place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import groupby
from pathlib import Path
from typing import Any

from .. import __version__
from ..build import publish
from ..build.inputs import STAMP, Stamp, code_fingerprint, output_folder
from ..errors import MinutebookError
from ..meeting import labels
from ..paths import SLUG, TEMPLATES_DIR, Project

ARCHIVE_STAMP = ".archive.json"
NAV = re.compile(r"<!--mb-nav-->.*?<!--/mb-nav-->", re.S)
FEED_SIZE = 20
EPOCH = "1970-01-01T00:00:00+00:00"


@dataclass(frozen=True)
class Entry:
    """One published meeting, as the archive lists it."""

    series: str
    date: str
    meeting: dict[str, Any]
    folder: Path
    pdf_exists: bool
    built: str

    @property
    def language(self) -> labels.Language:
        """The meeting's language: its labels in the archive."""
        lang: labels.Language = self.meeting.get("language", "sv")
        return lang

    def label(self, key: str, **values: Any) -> str:
        """A label in the meeting's language."""
        return labels.label(key, self.language).format(**values)

    @property
    def long_date(self) -> str:
        """``14 juni 2022``."""
        return labels.long_date(dt.date.fromisoformat(self.date), self.language)

    @property
    def kind(self) -> str:
        """The kind of minutes in words: Mötesanteckningar, Protokoll, …."""
        return self.label(self.meeting.get("kind", "notes"))

    @property
    def title(self) -> str:
        """The minutes' title, as on the page itself."""
        return f"{self.kind} {self.long_date} – {self.meeting['body']}"

    @property
    def draft(self) -> bool:
        """Whether the meeting is marked as a draft."""
        return bool(self.meeting.get("status") == "draft")

    # URLs relative to reports/
    @property
    def html(self) -> str:
        """The minutes page."""
        return f"{self.series}/{self.date}/minutes.html"

    @property
    def pdf(self) -> str | None:
        """The PDF, if there is one."""
        return f"{self.series}/{self.date}/minutes.pdf" if self.pdf_exists else None

    @property
    def json(self) -> str:
        """The machine-readable meeting."""
        return f"{self.series}/{self.date}/meeting.json"


def collect(project: Project, files: Iterable[Path]) -> list[Entry]:
    """The published meetings among ``files``, oldest first within each series."""
    entries = []
    for path in files:
        folder = output_folder(project, path)
        stamp = Stamp.read(folder)
        try:
            meeting = json.loads((folder / "meeting.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # never built, or failed before it was ever published
        entries.append(
            Entry(
                path.parent.name,
                path.stem,
                meeting,
                folder,
                (folder / "minutes.pdf").is_file(),
                stamp.built if stamp else "",
            )
        )
    return sorted(entries, key=lambda e: (e.series, e.date))


def _digest(entries: Sequence[Entry]) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(os.environ.get("MINUTEBOOK_BASE_URL", "").encode())
    for e in entries:
        digest.update(f"{e.series}/{e.date}/{e.built}/{e.pdf_exists}".encode())
    return digest.hexdigest()


def is_current(project: Project, entries: Sequence[Entry]) -> bool:
    """Whether the archive already shows exactly these meetings as they are published."""
    try:
        stamp = json.loads((project.reports / ARCHIVE_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(stamp.get("inputs") == _digest(entries))


# -- pages ------------------------------------------------------------------------------------


def _language(entries: Sequence[Entry]) -> labels.Language:
    """The language of pages about every series: the one most meetings are in."""
    counts: dict[labels.Language, int] = {"sv": 0}  # a tie goes to the format's default
    for e in entries:
        counts[e.language] = counts.get(e.language, 0) + 1
    return max(counts, key=lambda k: (counts[k], k == "sv"))


def _labeller(language: labels.Language) -> Callable[..., str]:
    def label(key: str, **values: Any) -> str:
        return labels.label(key, language).format(**values)

    return label


def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "archive"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _series(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """Each series with its meetings by year, newest first."""
    out = []
    for slug, group in groupby(entries, key=lambda e: e.series):
        meetings = sorted(group, key=lambda e: e.date, reverse=True)
        newest = meetings[0]
        years = [(year, list(ms)) for year, ms in groupby(meetings, key=lambda e: e.date[:4])]
        out.append(
            {
                "slug": slug,
                "body": newest.meeting["body"],
                "organisation": newest.meeting.get("organisation"),
                "language": newest.language,
                "L": _labeller(newest.language),
                "years": years,
            }
        )
    return sorted(out, key=lambda s: str(s["body"]).casefold())


def _nav(entry: Entry, previous: Entry | None, following: Entry | None) -> str:
    """The links at the top of a minutes page: the archive, the series, its neighbours."""
    parts = [
        f'<a href="../../index.html">{escape(entry.label("all_meetings"))}</a>',
        f'<a href="../index.html">'
        f"{escape(entry.label('series_meetings', body=entry.meeting['body']))}</a>",
    ]
    if previous:
        parts.append(
            f'<a class="mb-prev" rel="prev" href="../{previous.date}/minutes.html">'
            f"← {escape(entry.label('previous'))}: {escape(previous.long_date)}</a>"
        )
    if entry.pdf_exists:
        parts.append('<a href="minutes.pdf">PDF</a>')
    if following:
        parts.append(
            f'<a class="mb-next" rel="next" href="../{following.date}/minutes.html">'
            f"{escape(entry.label('next'))}: {escape(following.long_date)} →</a>"
        )
    return (
        f'<nav class="mb-nav" aria-label="{escape(entry.label("meeting_nav"))}">'
        + "".join(parts)
        + "</nav>"
    )


def fill_nav(html: str, nav: str) -> str:
    """The page with its navigation slot holding ``nav`` (empty: the page as built)."""
    return NAV.sub(lambda _: f"<!--mb-nav-->{nav}<!--/mb-nav-->", html, count=1)


def link_pages(entries: Sequence[Entry]) -> None:
    """Fill each minutes page's navigation slot (rewriting only pages that change)."""
    for _, group in groupby(entries, key=lambda e: e.series):
        series = list(group)
        for i, entry in enumerate(series):
            page = entry.folder / "minutes.html"
            try:
                html = page.read_text(encoding="utf-8")
            except OSError:
                continue
            nav = _nav(
                entry, series[i - 1] if i else None, series[i + 1] if i + 1 < len(series) else None
            )
            linked = fill_nav(html, nav)
            if linked != html:
                publish.write_atomic(page, linked.encode("utf-8"))


def index_json(entries: Sequence[Entry]) -> bytes:
    """``index.json``: every meeting with its URLs (relative to the archive's root)."""
    meetings = [
        {
            "series": e.series,
            "date": e.date,
            "body": e.meeting["body"],
            "organisation": e.meeting.get("organisation"),
            "kind": e.meeting.get("kind", "notes"),
            "language": e.language,
            "status": e.meeting.get("status", "final"),
            "title": e.title,
            "html": e.html,
            "pdf": e.pdf,
            "json": e.json,
            "built": e.built,
        }
        for e in sorted(entries, key=lambda e: (e.date, e.series), reverse=True)
    ]
    return json.dumps(
        {"generator": f"minutebook {__version__}", "meetings": meetings},
        indent=2,
        ensure_ascii=False,
    ).encode("utf-8")


def feed_xml(entries: Sequence[Entry], language: labels.Language) -> bytes:
    """An Atom feed of the newest minutes (links relative to the feed, or to a base URL).

    Built as an lxml tree, which cannot be serialised ill-formed: a character XML cannot
    carry is refused (``ValueError``) rather than published in a feed no reader can parse.
    (feedgen, made for this, drops the ``rel`` and ``type`` of an entry's links.)
    """
    from lxml import etree

    atom = "http://www.w3.org/2005/Atom"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    newest = sorted(entries, key=lambda e: (e.date, e.built), reverse=True)[:FEED_SIZE]
    base = os.environ.get("MINUTEBOOK_BASE_URL", "")

    def add(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
        element = etree.SubElement(parent, f"{{{atom}}}{tag}", attributes)
        element.text = text
        return element

    feed = etree.Element(f"{{{atom}}}feed", {lang: language}, nsmap={None: atom})
    if base:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base)
    add(feed, "title", labels.label("archive", language))
    add(feed, "id", "urn:minutebook:archive")
    add(feed, "updated", max((e.built for e in newest if e.built), default=EPOCH))
    add(feed, "link", rel="self", href="feed.xml")
    add(feed, "link", rel="alternate", type="text/html", href="index.html")
    add(feed, "generator", "minutebook", version=__version__)
    for e in newest:
        entry = add(feed, "entry")
        add(entry, "title", e.title)
        add(entry, "id", f"urn:minutebook:{e.series}:{e.date}")
        add(entry, "updated", e.built or f"{e.date}T00:00:00+00:00")
        add(entry, "link", rel="alternate", type="text/html", href=e.html)
        if e.pdf:
            add(entry, "link", rel="enclosure", type="application/pdf", href=e.pdf)
        add(add(entry, "author"), "name", e.meeting["body"])
        summary = add(entry, "summary", "; ".join(i["title"] for i in e.meeting.get("items", [])))
        summary.set(lang, e.language)
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _css() -> str:
    return (TEMPLATES_DIR / "minutes" / "static" / "minutes.css").read_text(encoding="utf-8")


def pages(entries: Sequence[Entry]) -> dict[str, bytes]:
    """Every HTML page of the archive, by path relative to ``reports/``."""
    env = _environment()
    lang = _language(entries)
    series = _series(entries)
    common = {"css": _css(), "version": __version__, "lang": lang, "L": _labeller(lang)}
    out = {
        "index.html": env.get_template("index.html.j2").render(
            title=labels.label("archive", lang), root="", series=series, **common
        ),
        "search.html": env.get_template("search.html.j2").render(
            title=labels.label("search", lang),
            root="",
            **common,
            script=(TEMPLATES_DIR / "archive" / "search.js").read_text(encoding="utf-8"),
            config={
                "languages": sorted({e.language for e in entries}),
                "labels": {
                    key: labels.label(f"search_{key}", lang) for key in ("hits", "none", "offline")
                },
            },
        ),
    }
    for s in series:
        out[f"{s['slug']}/index.html"] = env.get_template("series.html.j2").render(
            **{**common, "lang": s["language"], "L": s["L"]},
            title=s["body"],
            root="../",
            s=s,
        )
    return {path: html.encode("utf-8") for path, html in out.items()}


def withdraw(project: Project) -> list[Path]:
    """Remove what was published for meeting files that no longer exist; what went.

    Deleting (or renaming) a meeting file is how minutes published by mistake are taken
    back: its folder goes from ``reports/`` and ``internal/`` (and so, with the next archive
    update, from the index pages, ``index.json``, the feed and the search index), and a
    series with no meetings left loses its page. Only folders a build made are touched:
    those with a build stamp.
    """
    removed: list[Path] = []
    for top in (project.reports, project.internal):
        if not top.is_dir():
            continue
        for series in sorted(p for p in top.iterdir() if p.is_dir() and re.match(SLUG, p.name)):
            params = project.params / series.name
            for folder in sorted(p for p in series.iterdir() if (p / STAMP).is_file()):
                if not (params / f"{folder.name}.yaml").exists():
                    _remove(folder)
                    removed.append(folder)
            for failed in series.glob("*.failed.ipynb"):
                if not (params / f"{failed.name.removesuffix('.failed.ipynb')}.yaml").exists():
                    failed.unlink()
            left = {p.name for p in series.iterdir()}
            if left <= {"index.html"}:  # nothing but the page of a series that is gone
                _remove(series)
    return removed


def _remove(folder: Path) -> None:
    """Take a folder away at once (a rename), then delete it: readers never see half of it."""
    aside = folder.with_name(f".{folder.name}.withdrawn.tmp")
    os.rename(folder, aside)
    shutil.rmtree(aside)


def update(project: Project, files: Sequence[Path], *, force: bool = False) -> bool:
    """Bring the archive up to date with what is published; False when it already was."""
    try:
        return _update(project, files, force)
    except OSError as error:
        raise MinutebookError(
            f"cannot update the archive in {project.relative(project.reports)}/: "
            f"{error.strerror or error}"
        ) from None


def _update(project: Project, files: Sequence[Path], force: bool) -> bool:
    from .search import build_index

    reports = project.reports
    for folder in (reports, *(p for p in reports.glob("*") if p.is_dir())):
        publish.clean(folder)
    entries = collect(project, files)
    if not force and is_current(project, entries):
        return False
    link_pages(entries)
    for path, data in pages(entries).items():
        publish.write_atomic(reports / path, data)
    publish.write_atomic(reports / "index.json", index_json(entries))
    publish.write_atomic(reports / "feed.xml", feed_xml(entries, _language(entries)))
    build_index(reports, entries)
    # Written last: a run killed before this point redoes the archive next time.
    stamp = {"inputs": _digest(entries), "meetings": len(entries)}
    publish.write_atomic(reports / ARCHIVE_STAMP, json.dumps(stamp).encode())
    return True

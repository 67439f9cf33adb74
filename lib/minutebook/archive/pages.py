"""The archive's pages: the index by body and year, a page per series, the search page.

Built from what is published (each meeting's ``meeting.json`` and stamp), never from the
YAML, so it only ever shows public versions. Every file is replaced atomically, and the
whole step is skipped when nothing it depends on changed (its own stamp, ``.archive.json``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any

from .. import __version__
from ..build import publish
from ..meeting import labels
from ..meeting.scripts import isolate
from ..paths import (
    ACTIONS_PAGE,
    ARCHIVE_STAMP,
    CASES,
    DECISIONS_PAGE,
    FEED,
    HOUSE_CSS,
    INDEX,
    INDEX_JSON,
    NAMES,
    SEARCH,
    SEARCH_PAGE,
    TEMPLATES_DIR,
    Project,
    year_page,
    year_pages,
)
from ..site import Site, load_site
from ..template.phrase import fill
from . import board
from .decisions import DECISIONS_CSV, DECISIONS_JSON, decisions_csv, decisions_json, rows
from .entries import Entry, digest, site_text
from .feed import feed_xml, index_json
from .nav import link_pages, macros
from .records import TAIL
from .schemas import SCHEMA, schema_files
from .search import build_index
from .topics import case_href, cases, decisions_by_year, followed_actions


def _language(entries: Sequence[Entry]) -> labels.Language:
    """The language of pages about every series: the one most meetings are in."""
    counts: dict[labels.Language, int] = {"sv": 0}  # a tie goes to the format's default
    for e in entries:
        counts[e.language] = counts.get(e.language, 0) + 1
    return max(counts, key=lambda k: (counts[k], k == "sv"))


def _labeller(language: labels.Language) -> Callable[..., str]:
    def label(key: str, **values: Any) -> str:
        return fill(labels.label(key, language), **values)  # a date in it stays whole

    return label


def warm_up() -> None:
    """Load what an update of the archive needs, on a thread while a build runs.

    Compiling its templates and making its schemas take a tenth of a second that would
    otherwise come after the meeting is published (see ``minutebook build``).
    """
    env = _environment()
    for name in env.list_templates(filter_func=lambda name: name.endswith(".html.j2")):
        env.get_template(name)
    macros()
    schema_files()


@cache
def _environment() -> Any:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "archive"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,  # a misspelt name is an error, not a blank
    )
    environment.globals["names"] = NAMES
    return environment


INDEX_ROWS = 3  # a body's newest meetings on the archive's front page
SERIES_ROWS = 60  # meetings on a body's page (whole years); earlier years have pages of their own


def newest_years(years: Sequence[tuple[str, list[Any]]]) -> int:
    """How many of the newest ``years`` a body's page shows whole: up to :data:`SERIES_ROWS`."""
    count, rows = 0, 0
    for _, rows_of_year in years:
        if count and rows + len(rows_of_year) > SERIES_ROWS:
            break
        count, rows = count + 1, rows + len(rows_of_year)
    return count


def year_links(
    slug: str, years: Sequence[tuple[str, list[Any]]], shown: int, page: str = INDEX
) -> list[tuple[str, str, int]]:
    """(year, its href from ``reports/``, how many) for every year of a body's ``page``."""
    return [
        (y, f"{slug}/{page}#year-{y}" if n < shown else f"{slug}/{year_page(y, page)}", len(ms))
        for n, (y, ms) in enumerate(years)
    ]


def _series(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """Each series with its meetings by year, newest first.

    A body's page shows its newest years, whole, up to :data:`SERIES_ROWS` meetings (at least
    one year); each earlier year has a page of its own. The archive's front page shows each
    body's :data:`INDEX_ROWS` newest meetings and a link to every year: pages stay small
    however long a body has met (a large municipality: a hundred bodies, ten years).
    """
    out = []
    for slug, group in groupby(entries, key=lambda e: e.series):
        meetings = sorted(group, key=lambda e: e.order, reverse=True)
        newest = meetings[0]
        years = [(year, list(ms)) for year, ms in groupby(meetings, key=lambda e: e.date[:4])]
        shown = years[: newest_years(years)]
        recent = meetings[:INDEX_ROWS]
        links = year_links(slug, years, len(shown))
        out.append(
            {
                "slug": slug,
                "body": newest.meeting.body,
                "organisation": newest.meeting.organisation,
                "language": newest.language,
                "L": _labeller(newest.language),
                "shown": shown,
                "older": years[len(shown) :],
                "recent": [(y, list(ms)) for y, ms in groupby(recent, key=lambda e: e.date[:4])],
                "links": links,
                "more": len(meetings) > len(recent),  # than the front page shows
            }
        )
    return sorted(out, key=lambda s: str(s["body"]).casefold())


def _css() -> str:
    return HOUSE_CSS.read_text(encoding="utf-8")


def search_filters(
    entries: Sequence[Entry], series: Sequence[dict[str, Any]], lang: labels.Language
) -> dict[str, list[tuple[str, str]]]:
    """The search page's choices, as (value, label): values as the index's filters have them."""
    label = _labeller(lang)
    documents = sorted({e.document for e in entries})
    return {
        "body": [(s["slug"], str(s["body"])) for s in series],
        "year": [(y, y) for y in sorted({e.date[:4] for e in entries}, reverse=True)],
        "kind": [(d, label(d)) for d in documents],
        "status": [("final", label("status_final")), ("draft", label("status_draft"))],
        "language": [(x, label(f"language_{x}")) for x in sorted({e.language for e in entries})],
        "sort": [(x, label(f"sort_{x}")) for x in ("relevance", "newest", "oldest")],
    }


SEARCH_LABELS = (
    "hit",
    "hits",
    "none",
    "offline",
    "short",
    "count",
    "count_one",
    "shown",
    "decision",
    "other_language",
    "switched",
    "none_here",
)


def search_config(entries: Sequence[Entry], lang: labels.Language) -> dict[str, Any]:
    """What the search page's script needs: the bundles, the default language, its words."""
    languages = sorted({e.language for e in entries})
    return {
        "languages": languages,
        "lang": lang if lang in languages else (languages or [lang])[0],
        "folder": SEARCH,
        "tail": TAIL,
        "page": 20,
        "labels": {key: labels.label(f"search_{key}", lang) for key in SEARCH_LABELS},
        "names": {x: labels.label(f"language_{x}", lang) for x in languages},
        "inline": {x: labels.label(f"language_in_{x}", lang) for x in languages},
    }


def pages(entries: Sequence[Entry], site: Site) -> dict[str, bytes]:
    """Every HTML page of the archive, by path relative to ``reports/``."""
    env = _environment()
    lang = _language(entries)
    series = _series(entries)
    found = cases(entries)
    licence = {"id": site.licence, "url": site.licence_link}
    common = {
        "css": _css(),
        "version": __version__,
        "lang": lang,
        "L": _labeller(lang),
        "licence": licence,
    }
    out = {
        INDEX: env.get_template("index.html.j2").render(
            title=labels.label("archive", lang),
            root="",
            series=series,
            board=bool(board.shown(entries)),
            cases=bool(found),
            **common,
        ),
        SEARCH_PAGE: env.get_template("search.html.j2").render(
            title=labels.label("search", lang),
            root="",
            **common,
            script=(TEMPLATES_DIR / "archive" / "search.js").read_text(encoding="utf-8"),
            filters=search_filters(entries, series, lang),
            config=search_config(entries, lang),
        ),
    }
    for s in series:
        own = [e for e in entries if e.series == s["slug"]]
        mine = {**common, "lang": s["language"], "L": s["L"], "root": "../", "s": s}
        mine["feed_href"] = FEED  # its own feed
        followed = followed_actions(own)
        s["actions"] = bool(followed)
        out[f"{s['slug']}/{INDEX}"] = env.get_template("series.html.j2").render(
            **mine, title=s["body"]
        )
        for year, ms in s["older"]:
            title = s["L"]("year_meetings", body=s["body"], year=year)
            out[f"{s['slug']}/{year_page(year)}"] = env.get_template("year.html.j2").render(
                **mine, title=title, year=year, shown=[(year, ms)]
            )
        decided = decisions_by_year(own)
        shown = newest_years(decided)
        ahead = {**mine, "links": year_links(s["slug"], decided, shown, DECISIONS_PAGE)}
        out[f"{s['slug']}/{DECISIONS_PAGE}"] = env.get_template("decisions.html.j2").render(
            **ahead,
            title=s["L"]("decisions_title", body=s["body"]),
            years=decided[:shown],
            current="",
        )
        for year, ms in decided[shown:]:
            title = s["L"]("decisions_year_title", body=s["body"], year=year)
            out[f"{s['slug']}/{year_page(year, DECISIONS_PAGE)}"] = env.get_template(
                "decisions.html.j2"
            ).render(**ahead, title=title, years=[(year, ms)], current=year)
        if followed:
            out[f"{s['slug']}/{ACTIONS_PAGE}"] = env.get_template("actions.html.j2").render(
                **mine,
                title=s["L"]("actions_title", body=s["body"]),
                followed=followed,
                long_date=lambda day, lang=s["language"]: labels.long_date(day, lang),
            )
    topics = {**common, "root": "../"}
    if found:
        out[f"{CASES}/{INDEX}"] = env.get_template("cases.html.j2").render(
            **topics, title=labels.label("cases_title", lang), cases=found
        )
    for slug, (case, items) in found.items():
        out[case_href(slug)] = env.get_template("case.html.j2").render(
            **topics, title=fill(labels.label("case_title", lang), case=case), items=items
        )
    return {path: isolate(html).encode("utf-8") for path, html in out.items()}


def _replace_folder(final: Path, written: dict[str, bytes]) -> None:
    """Swap in the folder of pages under ``final``'s name: a case no longer cited goes."""
    prefix = f"{final.name}/"
    mine = {
        path.removeprefix(prefix): data for path, data in written.items() if path.startswith(prefix)
    }
    if not mine:
        if final.is_dir():
            publish.remove(final)
        return
    staging = publish.staging(final)
    try:
        for name, data in mine.items():
            (staging / name).write_bytes(data)
        publish.publish(staging, final)
    except BaseException:
        publish.discard(staging)
        raise


def rewrite(project: Project, entries: Sequence[Entry]) -> bool:
    """Write the whole archive for ``entries`` (see :func:`minutebook.archive.update.update`)."""
    reports = project.reports
    # A folder kept from an older build whose meeting.json no longer reads (the model moved
    # on, and its meeting fails to build) is left out of the pages, as it was never built.
    entries = [e for e in entries if e.readable]
    link_pages(entries)
    site = load_site(project.params)
    written = pages(entries, site)
    for path, data in written.items():
        if not path.startswith(f"{CASES}/"):
            publish.write_atomic(reports / path, data)
    _replace_folder(reports / CASES, written)
    for series in reports.glob("[!_]*/"):  # not _anslagstavla/ & c.
        for page in year_pages(series):  # an earlier year's page no longer due goes
            if f"{series.name}/{page.name}" not in written:
                page.unlink()
    _replace_folder(reports / SCHEMA, schema_files())
    for slug in {e.series for e in entries}:  # a body whose actions are all gone
        if f"{slug}/{ACTIONS_PAGE}" not in written:
            (reports / slug / ACTIONS_PAGE).unlink(missing_ok=True)
    publish.write_atomic(reports / INDEX_JSON, index_json(entries, site))
    publish.write_atomic(reports / FEED, feed_xml(entries, _language(entries), site))
    found = rows(entries, site)
    publish.write_atomic(reports / DECISIONS_CSV, decisions_csv(found))
    publish.write_atomic(reports / DECISIONS_JSON, decisions_json(found, site))
    for slug, group in groupby(entries, key=lambda e: e.series):  # a feed per body
        mine = list(group)
        body, language = mine[-1].meeting.body, mine[-1].language
        path = f"{slug}/{FEED}"
        publish.write_atomic(reports / path, feed_xml(mine, language, site, title=body, path=path))
    build_index(reports, entries)
    board.update(project, entries)
    # Written last: a run killed before this point redoes the archive next time.
    stamp = {"inputs": digest(entries, site_text(project)), "meetings": len(entries)}
    publish.write_atomic(reports / ARCHIVE_STAMP, json.dumps(stamp).encode())
    return True

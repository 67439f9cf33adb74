"""Accessibility checks of what is about to be published (``minutebook check --a11y``).

Swedish public bodies must publish to WCAG 2.1 AA (EN 301 549), PDFs included. The HTML is
checked with axe-core in Chromium, against the rules tagged WCAG 2.0 and 2.1, levels A and
AA; the PDF is checked for what a screen reader and a PDF/UA checker need first: a structure
tree, a language, a title shown as the window title, a bookmark for every agenda item, and
every font embedded. The published notebook is read for what its template displayed that a
build now refuses (an image without alternative text), named by template and cell.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..archive.entries import published_meeting
from ..i18n import say
from ..meeting import labels
from ..paths import AGENDA_HTML, AGENDA_PDF, HTML, INDEX, NOTEBOOK, PDF, SEARCH_PAGE, Project

if TYPE_CHECKING:
    from ..meeting.model import Meeting

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_script() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


@contextmanager
def browser_page() -> Iterator[Any]:
    """A page of a headless Chromium (the one the PDFs are printed with) to check in."""
    from playwright.sync_api import sync_playwright

    from ..build.chromium import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            # axe runs as a script: let it past the pages' own Content-Security-Policy
            context = browser.new_context(bypass_csp=True)
            yield context.new_page()
        finally:
            browser.close()


def axe_violations(page: Any, url: str, ready: str | None = None) -> list[str]:
    """Open ``url`` and list axe's WCAG A/AA violations, one line per failing element.

    A page its script fills (search results) is checked once ``ready`` (a selector) shows.
    """
    page.goto(url)
    if ready:
        page.wait_for_selector(ready)
    page.evaluate(_axe_script())
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = page.evaluate(f"axe.run(document, {json.dumps(options)})")
    return [
        f"{rule['id']}: {rule['help']} ({', '.join(str(t) for t in node['target'])})"
        for rule in results["violations"]
        for node in rule["nodes"]
    ]


def _resolve(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _fonts(reader: Any) -> Iterator[tuple[str, bool]]:
    """Every font of every page: its name and whether its program is embedded."""
    seen: set[int] = set()
    for page in reader.pages:
        resources: Any = _resolve(page.get("/Resources")) or {}
        fonts: Any = _resolve(resources.get("/Font")) or {}
        for ref in fonts.values():
            font: Any = ref.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            descriptors = [font.get("/FontDescriptor")]
            for child in font.get("/DescendantFonts") or []:
                descriptors.append(child.get_object().get("/FontDescriptor"))
            embedded = any(
                d is not None
                and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                for d in descriptors
            )
            yield str(font.get("/BaseFont")), embedded


def _outline_titles(outline: Any) -> Iterator[str]:
    for entry in outline:
        if isinstance(entry, list):
            yield from _outline_titles(entry)
        else:
            yield str(entry.title)


def pdf_problems(path: Path, items: Sequence[str], language: str, title: str) -> list[str]:
    """What a PDF lacks to be accessible, given the item titles it must have bookmarks for."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    root: Any = reader.trailer["/Root"].get_object()
    metadata: Any = reader.metadata or {}
    problems = []
    if "/StructTreeRoot" not in root or not (root.get("/MarkInfo") or {}).get("/Marked"):
        problems.append(say("a11y.untagged"))
    if str(root.get("/Lang", "")) != language:
        problems.append(say("a11y.lang", found=root.get("/Lang"), wanted=language))
    if metadata.get("/Title") != title:
        problems.append(say("a11y.title", found=metadata.get("/Title"), wanted=title))
    preferences = root.get("/ViewerPreferences")
    if preferences is None or not preferences.get_object().get("/DisplayDocTitle"):
        problems.append(say("a11y.display_title"))
    titles = list(_outline_titles(reader.outline))
    problems += [
        say("a11y.bookmark", title=item)
        for item in items  # a bookmark may carry the item's number: "§ 4 Budget", "2. Budget"
        if not any(t == item or t.endswith(f" {item}") for t in titles)
    ]
    problems += [say("a11y.font", name=name) for name, ok in _fonts(reader) if not ok]
    return problems


def _displays(notebook: Path) -> list[str]:
    """What the template displayed that a build would now refuse (an image without alt)."""
    import nbformat

    from ..build.displays import display_problems

    if not notebook.is_file():
        return []
    return display_problems(nbformat.read(notebook, as_version=4))  # type: ignore[no-untyped-call]


def _pdf(path: Path, meeting: Meeting, page: str) -> list[str]:
    """What the PDF of a page (the minutes, or the kallelse) lacks.

    A kallelse published beside the minutes was made from the meeting as it was sent: its
    items are not checked against the minutes' (their titles may have changed since).
    """
    kallelse = page == AGENDA_HTML
    status = meeting.status if not kallelse or meeting.status == "cancelled" else "planned"
    document = labels.document(meeting.kind, status)
    title = labels.title(
        document, meeting.date, meeting.body, meeting.language, meeting.organisation
    )
    same = not kallelse or meeting.status == "planned"
    items = [item.title for item in meeting.items] if same and status != "cancelled" else []
    return pdf_problems(path, items, meeting.language, title)


def check_published(project: Project, files: Sequence[Path]) -> list[str]:
    """Every accessibility problem of the published outputs of ``files`` and the archive."""
    problems: list[str] = []
    pages: list[tuple[str, Path]] = []
    for path in files:
        folder = project.meeting_dir(path.parent.name, path.stem)
        name = project.relative(folder)
        try:
            meeting = published_meeting(folder)
        except (OSError, ValueError):
            problems.append(say("a11y.not_built", folder=name))
            continue
        problems += [f"{name}/{NOTEBOOK}: {p}" for p in _displays(folder / NOTEBOOK)]
        for page, pdf in ((HTML, PDF), (AGENDA_HTML, AGENDA_PDF)):  # minutes, kallelse
            if not (folder / page).is_file():
                continue
            pages.append((f"{name}/{page}", folder / page))
            if (folder / pdf).is_file():
                problems += [
                    f"{name}/{pdf}: {problem}" for problem in _pdf(folder / pdf, meeting, page)
                ]
    archive = [
        project.reports / INDEX,
        project.reports / SEARCH_PAGE,
        *sorted(project.reports.glob(f"*/{INDEX}")),
    ]
    pages += [(project.relative(p), p) for p in archive if p.is_file()]
    if pages:
        with browser_page() as browser:
            for name, html in pages:
                problems += [f"{name}: {v}" for v in axe_violations(browser, html.as_uri())]
    return problems

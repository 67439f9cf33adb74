"""nbconvert exporters for minutes: an executed template notebook to HTML and to PDF.

Both are ordinary nbconvert exporters, registered under the ``nbconvert.exporters`` entry
point, so ``jupyter nbconvert --to minutebook_html`` (or ``minutebook_pdf``) works on any
executed template notebook. They render our own template (``templates/minutes``), which
shows outputs only — no code, no prompts — with its stylesheet inline and no script at all.
The PDF is that same HTML printed by Chromium (:mod:`minutebook.build.browser`).

The page's language, title and footer come from the meeting that Papermill recorded in the
notebook's metadata, so an executed notebook carries everything needed to render it.
"""

from __future__ import annotations

import threading
from typing import Any

from nbconvert.exporters import HTMLExporter, TemplateExporter, WebPDFExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets import Unicode, default

from .. import __version__
from ..meeting import labels
from ..paths import AGENDA_HTML, HTML, TEMPLATES_DIR
from .browser import PageSetup, Printer
from .reflow import scroll_tables

# The tags analysts use in templates (documented in README.md).
REMOVE_CELL = "remove-cell"
HIDE_INPUT = "hide-input"
HIDE_OUTPUT = "hide-output"


def meeting_of(nb: Any) -> dict[str, Any] | None:
    """The meeting a template notebook was executed with, if Papermill recorded one."""
    meeting = nb.metadata.get("papermill", {}).get("parameters", {}).get("meeting")
    return meeting if isinstance(meeting, dict) and "date" in meeting else None


def page_info(nb: Any) -> dict[str, Any]:
    """Language, title, draft mark and footer of the page, from the recorded meeting."""
    meeting = meeting_of(nb)
    if meeting is None:
        title = nb.metadata.get("title") or "Minutes"
        return {
            "language": "en",
            "title": title,
            "skip": labels.label("skip_to_content", "en"),
            "draft": "",
            "internal": "",
            "footer": title,
            "page_of": labels.label("page_of", "en"),
            "version": __version__,
            "date": "",
            "table": labels.label("table_region", "en"),
        }
    language: labels.Language = meeting.get("language", "sv")

    def label(key: str) -> str:
        return labels.label(key, language)

    draft = label("draft") if meeting.get("status") == "draft" else ""
    internal = nb.metadata.get("minutebook", {}).get("version") == "internal"
    who = [meeting.get("organisation"), meeting["body"]]
    footer = " · ".join([*filter(None, who), labels.long_date(meeting["date"], language)])
    if internal:
        footer = f"{label('internal_tag')} · {footer}"
    return {
        "language": language,
        "title": labels.title(
            labels.document(meeting.get("kind", "notes"), meeting.get("status")),
            meeting["date"],
            meeting["body"],
            language,
            meeting.get("organisation"),
        ),
        "skip": label("skip_to_content"),
        "draft": draft,
        "internal": label("internal") if internal else "",
        "footer": f"{draft} · {footer}" if draft else footer,  # on every printed page
        "page_of": label("page_of"),
        "version": __version__,
        "date": meeting["date"],
        "table": label("table_region"),
        **_archive(nb, meeting, label("licence"), public=not internal),
    }


def _archive(nb: Any, meeting: dict[str, Any], licence: str, *, public: bool) -> dict[str, str]:
    """What the page says of the archive it is in: its address, to cite, and the licence."""
    own = nb.metadata.get("minutebook", {})
    site = own.get("site") or {}
    folder = own.get("name") or meeting["date"]  # 2024-03-14-2: a second meeting that day
    page = AGENDA_HTML if meeting.get("status") in labels.NOT_HELD else HTML
    url = site.get("url", "") if public else ""  # the internal version is nowhere public
    return {
        "canonical": f"{url}{meeting['series']}/{folder}/{page}" if url else "",
        "site_name": meeting.get("organisation") or meeting["body"],
        "licence": site.get("licence", ""),
        "licence_url": site.get("licence_url", ""),
        "licence_label": licence,
    }


class _MinutesTemplate(HTMLExporter):
    """The template, its configuration and the tags, shared by both exporters."""

    @default("template_name")
    def _template_name_default(self) -> str:
        return "minutes"

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [str(TEMPLATES_DIR)]

    @default("exclude_input")
    def _exclude_input_default(self) -> bool:
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self) -> bool:
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self) -> bool:
        return True

    @property
    def default_config(self) -> Any:
        config = super().default_config
        # JavaScript and widgets are left out: the page runs no script.
        config.HTMLExporter.exclude_anchor_links = True  # no "¶" in the page, PDF, bookmarks
        config.NbConvertBase.display_data_priority = [
            "text/html",
            "image/svg+xml",
            "image/png",
            "image/jpeg",
            "text/markdown",
            "text/plain",
        ]
        return config

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.register_preprocessor(
            TagRemovePreprocessor(
                remove_cell_tags={REMOVE_CELL},
                remove_input_tags={HIDE_INPUT},
                remove_all_outputs_tags={HIDE_OUTPUT},
            ),
            enabled=True,
        )

    def default_filters(self) -> Any:
        """The filters of nbconvert, and ours: wide tables scroll in their own region."""
        yield from super().default_filters()
        yield ("scroll_tables", scroll_tables)

    def _page(
        self, nb: Any, resources: dict[str, Any] | None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        """The page, with the meeting's facts for the template (``resources.minutebook``).

        Made as nbconvert's HTML exporter makes it, but without its BeautifulSoup pass. That
        pass parses and writes out the whole page again to give images without ``alt`` a
        placeholder (our template gives every image its own) and JupyterLab's cells a
        ``tabindex`` (it has none). On the way it lower-cases every name in the page: an SVG
        chart's ``viewBox`` and ``clipPath`` become names that SVG read as XML — by pandoc,
        for the Word copy — does not know. And it costs 10 ms a page.
        """
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight = self.filters.get("highlight_code") or Highlight2HTML(
            pygments_lexer=lexer, parent=self
        )
        resources = self._init_resources({**(resources or {}), "minutebook": page_info(nb)})
        data_types = WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources
        )
        self.register_filter("highlight_code", highlight)
        self.register_filter("filter_data_type", data_types)
        html, out = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return html, out


class MinutesHTMLExporter(_MinutesTemplate):
    """Executed template notebook → one self-contained HTML page of minutes."""

    export_from_notebook = "Minutes (HTML)"

    def from_notebook_node(  # type: ignore[override]
        self, nb: Any, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        """Render the page (see the module docstring)."""
        return self._page(nb, resources, **kw)


class MinutesPDFExporter(_MinutesTemplate, WebPDFExporter):
    """Executed template notebook → A4 PDF, the HTML page printed by Chromium.

    Unlike stock ``webpdf`` it starts a configured or system Chromium, and reuses a
    :class:`~minutebook.build.browser.Printer` when one is given (one browser for many PDFs).
    """

    export_from_notebook = "Minutes (PDF)"

    chromium_path = Unicode(
        "",
        help="Chromium or Chrome to print with (default: $MINUTEBOOK_CHROMIUM, "
        "Playwright's, then the system's)",
    ).tag(config=True)

    @default("template_name")
    def _template_name_default(self) -> str:
        return "minutes"

    def __init__(self, printer: Printer | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.printer = printer

    def from_notebook_node(  # type: ignore[override]
        self, nb: Any, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        """Render the page, then print it."""
        html, out = self._page(nb, resources, **kw)
        setup = _setup(out["minutebook"])
        if self.printer is not None:
            return self.printer.pdf(html, setup), out
        with Printer(self.chromium_path or None) as printer:
            return printer.pdf(html, setup), out


_lock = threading.Lock()
_shared: list[MinutesHTMLExporter] = []


def render_html(nb: Any) -> tuple[str, PageSetup]:
    """Render an executed notebook to the minutes page and its print setup, from any thread.

    One exporter serves the process, made once (its Jinja environment and template are the
    slow part) and used under a lock: an exporter registers filters on itself while it
    converts, and the conversion holds the GIL anyway.
    """
    with _lock:
        html, resources = _exporter().from_notebook_node(nb)
    return str(html), _setup(resources["minutebook"])


def _exporter() -> MinutesHTMLExporter:
    if not _shared:
        exporter = MinutesHTMLExporter()
        exporter.template  # noqa: B018 - loads and compiles the template now
        _shared.append(exporter)
    return _shared[0]


def warm_up() -> None:
    """Make the exporter ahead of the first page (run it on a thread while kernels start).

    It renders a page of nothing, too: nbconvert compiles its CSS selectors, the notebook
    schema's validator and the templates its template includes on its first page — a
    tenth of a second more, which a build would otherwise wait for after its kernel.
    """
    import nbformat.v4 as v4

    cell = v4.new_code_cell(outputs=[v4.new_output("display_data", {"text/html": "<p></p>"})])
    with _lock:
        _exporter().from_notebook_node(v4.new_notebook(cells=[v4.new_markdown_cell(""), cell]))


def _setup(info: dict[str, Any]) -> PageSetup:
    return PageSetup(info["title"], info["language"], info["footer"], info["page_of"])

"""What a template displays, checked before it reaches the page.

The minutes' own pieces (``Fragment``s: markup minutebook wrote and escaped, marked as such
in their output's metadata) pass as they are. Anything else a template displays is held to
the rules of the secretary's notes:

- an image needs a text alternative: ``m.chart(fig, alt=…)`` gives one; a pyplot figure
  shown inline has none, and neither has an ``<img>`` without ``alt``, so the build of
  that meeting fails, naming the cell;
- HTML (``display(HTML(…))``, a library's rich output) is sanitised with the notes'
  allow-list: no script, no event handler, no style, no ``javascript:`` link;
- a DataFrame shown as it is (no caption, no scoped headers, English numbers, as wide as
  it likes) is refused with the call that shows it properly, ``m.table``;
- a Markdown cell is rendered as notes are (raw HTML shown as text), keeping its heading
  levels and without the "¶" links nbconvert would add to them.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import TemplateError
from ..i18n import say
from ..meeting.markdown import clean_output, render_page
from .execute import cell_name

IMAGES = ("image/png", "image/jpeg", "image/gif", "image/webp")
FRAGMENT = "minutebook"  # the metadata key that marks the minutes' own pieces


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _alt(metadata: dict[str, Any], kind: str) -> str:
    own = metadata.get(kind)
    alt = own.get("alt") if isinstance(own, dict) else metadata.get("alt")
    return str(alt or "").strip()


def _is_fragment(metadata: dict[str, Any]) -> bool:
    """Whether an output is one of the minutes' own pieces.

    IPython files the metadata a ``_repr_html_`` returns under the output's type.
    """
    own = metadata.get("text/html")
    return bool(metadata.get(FRAGMENT) or (isinstance(own, dict) and own.get(FRAGMENT)))


def _problem(output: Any) -> str:
    """What is wrong with one output, or nothing; sanitises its HTML on the way."""
    data, metadata = output.get("data", {}), output.get("metadata", {})
    if any(kind in data and not _alt(metadata, kind) for kind in IMAGES):
        return say("template.no_alt")
    svg = _text(data.get("image/svg+xml", ""))
    if svg and not re.search(r"<title\b|aria-label=", svg):
        return say("template.no_alt")
    if "text/html" not in data or _is_fragment(metadata):
        return ""
    html = _text(data["text/html"])
    if re.search(r"<table\b[^>]*\bclass=\"[^\"]*\bdataframe\b", html):
        return say("template.dataframe")
    data["text/html"] = clean_output(html)
    if re.search(r"<img\b(?![^>]*\balt=\"[^\"]+\")", data["text/html"]):
        return say("template.no_alt")
    return ""


def check_displays(nb: Any, template: str) -> None:
    """Check and sanitise what ``nb`` (an executed template) displays, in place.

    Raises:
        TemplateError: a cell shows an image without alternative text, or a bare DataFrame.
    """
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            cell.metadata["minutebook_html"] = render_page(cell.source)
            continue
        for output in cell.get("outputs", []):
            if problem := _problem(output):
                cell = cell_name(nb, index)
                raise TemplateError(
                    say("template.shows", template=template, cell=cell, problem=problem)
                )


def display_problems(nb: Any) -> list[str]:
    """Every display of a published notebook that a build would refuse now, a line each.

    For ``check --a11y``: minutes published before these checks existed, or put in place by
    other means, are named with the template and cell that made the display.
    """
    template = str(nb.get("metadata", {}).get("papermill", {}).get("input_path", "template"))
    return [
        f"{template}: {cell_name(nb, index)} shows {problem}"
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if (problem := _problem(output))
    ]

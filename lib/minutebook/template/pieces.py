"""The minutes' markup: autoescaped Jinja macros, one per piece of the minutes.

The macros live in ``templates/meeting/pieces.html.j2``, beside the archive's pages, so that
every output that shows a meeting uses the same markup and a new output is a new template.
:mod:`minutebook.template.minutes` passes them plain data. Line breaks in the template
source, with the indentation after them, are not output: the minutes stay as compact as
they were when they were written out in Python, and the templates stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from ..meeting.markdown import escape
from ..paths import NAMES, TEMPLATES_DIR


class _Compact(jinja2.FileSystemLoader):
    """Loads a template without its line breaks and the indentation after them."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        source, filename, uptodate = super().get_source(environment, template)
        return re.sub(r"\n[ \t]*", "", source), filename, uptodate


def compact_environment(folder: str, escaping: Callable[[str], str] = escape) -> jinja2.Environment:
    """A Jinja environment for the compact templates in ``templates/<folder>/``.

    Every value printed is escaped with ``escaping`` (markup, and a
    :class:`~minutebook.template.phrase.Phrase`'s HTML, as it is; nothing as nothing), so
    that a page is escaped one way throughout.
    """

    def finalize(value: Any) -> Any:
        if hasattr(value, "__html__"):
            return Markup(value.__html__())
        return Markup(escaping("" if value is None else str(value)))

    environment = jinja2.Environment(
        loader=_Compact(TEMPLATES_DIR / folder),
        autoescape=True,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
    )
    environment.globals["names"] = NAMES
    return environment


@cache
def pieces() -> Any:
    """The macros of ``meeting/pieces.html.j2``, loaded once per process."""
    return compact_environment("meeting").get_template("pieces.html.j2").module


def markup(html: str) -> Markup:
    """HTML that is safe already (notes rendered and sanitised, a piece made before)."""
    return Markup(html)

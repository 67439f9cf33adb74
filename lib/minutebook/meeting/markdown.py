"""Markdown from the meeting file, rendered to HTML that is safe to publish.

The secretary's text is data. markdown-it renders it with raw HTML disabled (a bare web or
mail address becomes a link, as in a mail client), and the
result is sanitised again by nh3 (Ammonia) against an allow-list, so that neither a
``<script>`` nor a ``javascript:`` link nor an event handler can reach a reader. Images
are never loaded: a published page must not fetch anything from another site, so an image
becomes a link to it. Headings are shifted so that a note's top heading sits just under
its item's heading, whatever level the secretary typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "a",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"style", "scope"},
    "td": {"style"},
    "img": {"src", "alt"},  # only in a template's own output (see render_page)
    "*": {"dir"},
}
_BLOCKS = {"paragraph_open", "heading_open", "list_item_open", "th_open", "td_open"}


def _image_as_link(renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = "".join(child.content for child in token.children or []) or src
    return f'<a href="{_escape(src)}">{_escape(alt)}</a>'


def _first_strong(text: str) -> str:
    """``rtl`` when the first letter of ``text`` is of a right-to-left script, else ``ltr``."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _mark_right_to_left(tokens: Sequence[Token]) -> None:
    """A block that starts in Arabic or Hebrew reads from the right, as its writer meant."""
    for at, token in enumerate(tokens):
        if token.type not in _BLOCKS or token.hidden:
            continue
        text = next((t.content for t in tokens[at + 1 :] if t.type == "inline"), "")
        if _first_strong(text) == "rtl":
            token.attrSet("dir", "rtl")


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _written_address(href: str, text: str) -> bool:
    """Whether a bare address linkify found is one a reader would click: web or mail.

    As in a mail client, text that says it is an address (a scheme, "www.", an e-mail
    address) becomes a link; a file name ("budget.py") or a domain alone does not.
    """
    scheme = href.lower()
    if not scheme.startswith(("https://", "http://", "mailto:")):
        return False
    return text.lower().startswith(("https://", "http://", "www.")) or scheme.startswith("mailto:")


def _keep_written_addresses(state: Any) -> None:
    """Undo linkify's links that :func:`_written_address` refuses: their text stays."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        kept, dropping = [], False
        for at, token in enumerate(block.children):
            if token.type == "link_open" and token.markup == "linkify":
                following = block.children[at + 1 : at + 2]
                text = following[0].content if following else ""
                dropping = not _written_address(str(token.attrGet("href") or ""), text)
                if dropping:
                    continue
            elif token.type == "link_close" and token.markup == "linkify" and dropping:
                dropping = False
                continue
            kept.append(token)
        block.children = kept


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False, "linkify": True})
    md.enable(["table", "strikethrough", "linkify"])
    assert md.linkify is not None  # linkify-it-py is installed
    md.linkify.set({"fuzzy_link": True, "fuzzy_email": True})
    md.core.ruler.after("linkify", "written_addresses", _keep_written_addresses)
    md.add_render_rule("image", _image_as_link)
    return md


def tokens(text: str) -> list[Token]:
    """The tokens markdown-it reads from ``text``, as :func:`render` sees them."""
    return _parser().parse(text)


def render(text: str | None, top_heading: int = 3) -> str:
    """Render the Markdown of a note to sanitised HTML.

    Args:
        text: the Markdown as the secretary wrote it.
        top_heading: the level that the note's highest heading becomes (3 under an ``h2``
            item title), so that the page never skips a heading level.

    """
    return _render(text, lambda level, highest: level + top_heading - highest, _TAGS)


def _render(text: str | None, relevel: Callable[[int, int], int], tags: set[str]) -> str:
    """Markdown to sanitised HTML, each heading at ``relevel(its level, the highest)``."""
    if not text or not text.strip():
        return ""
    md = _parser()
    tokens = md.parse(text)
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, relevel(int(token.tag[1]), min(levels)))}"
    _mark_right_to_left(tokens)
    return clean(md.renderer.render(tokens, md.options, {}), tags)


def clean(html: str, tags: set[str] = _TAGS) -> str:
    """Sanitise HTML against the allow-list of what notes may contain."""
    return nh3.clean(
        html,
        tags=tags,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )


# What a template's own Markdown and HTML may hold besides what notes may: its section
# headings (h2, under the page's one h1), captions, and images that say what they show.
_PAGE_TAGS = _TAGS | {"h2", "caption", "img", "figure", "figcaption"}


def render_page(text: str) -> str:
    """A template's Markdown cell: as notes are rendered, its heading levels kept.

    Only a first-level heading moves down to the second, the page has its one ``h1``.
    """
    return _render(text, lambda level, _: max(2, level), _PAGE_TAGS)


def clean_output(html: str) -> str:
    """HTML a template displayed, sanitised as notes are (its images keep src and alt)."""
    return clean(html, _PAGE_TAGS)


def escape(text: str) -> str:
    """Escape plain text for HTML content and attribute values."""
    return _escape(text)

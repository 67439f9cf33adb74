"""Finish the PDF Chromium prints: what it leaves undone for accessibility.

Chromium tags the PDF, sets ``/Lang`` and ``/Title`` and makes bookmarks from the headings,
and keeps links to the files attached to the minutes as absolute links to the address it
printed from, which are made relative here, so they open the file beside the PDF. But (a) a
heading that wraps over several lines becomes a bookmark with its words run together
("Rapport frånverksamheterna"), and (b) it does not ask viewers to show the title instead
of the file name (``/DisplayDocTitle``). Both are mended here, in place, with pypdf.

And the same minutes must print to the same bytes on any machine, at any time (see
:mod:`minutebook.build.environment`): Chromium stamps the PDF with the time it printed it and
numbers the structure elements of tables (``/ID (node00000710)``) by a counter that runs on
over every page a browser tab has printed. The dates become the meeting's (the page's
``dcterms.date``) and the numbers are counted afresh for each PDF.
"""

from __future__ import annotations

import html as html_lib
import io
import re
from typing import Any

# The address Chromium printed the page from (see browser.PRINT_BASE).
PRINT_BASE = "https://minutebook.invalid/"
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)
_META_DATE = re.compile(r'<meta\b[^>]*\bname="dcterms\.date"[^>]*>')
_DATE = re.compile(r'\bcontent="(\d{4})-(\d\d)-(\d\d)"')
_NODE = re.compile(rb"\(node(\d+)\)")


def headings(page: str) -> list[str]:
    """The text of every heading of an HTML page, in order."""
    return [
        re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", inner))).strip()
        for _, inner in _HEADING.findall(page)
    ]


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline(first: Any) -> list[Any]:
    """Every bookmark, depth first, in document order."""
    out, entry = [], first
    while entry is not None:
        entry = entry.get_object()
        out.append(entry)
        if "/First" in entry:
            out += _outline(entry["/First"])
        entry = entry.get("/Next")
    return out


def finish(pdf: bytes, page: str) -> bytes:
    """The PDF with whole-word bookmarks and its title shown by viewers."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.root_object[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)}
    )
    for page_object in writer.pages:
        for annotation in page_object.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if uri.startswith(PRINT_BASE):  # a link to a file beside the minutes
                action.get_object()[NameObject("/URI")] = TextStringObject(
                    uri.removeprefix(PRINT_BASE)
                )
    outlines = writer.root_object.get("/Outlines")
    if outlines is not None and "/First" in outlines.get_object():
        wanted = headings(page)
        for entry in _outline(outlines.get_object()["/First"]):
            title = _compact(str(entry.get("/Title", "")))
            match = next((h for h in wanted if _compact(h) == title), None)
            if match is not None:
                wanted.remove(match)
                entry[NameObject("/Title")] = TextStringObject(match)
    meta = _META_DATE.search(page)
    if meta and (date := _DATE.search(meta.group())):
        stamp = "D:{}{}{}000000Z".format(*date.groups())
        writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp})
    out = io.BytesIO()
    writer.write(out)
    return renumber_nodes(out.getvalue())


def renumber_nodes(pdf: bytes) -> bytes:
    """The structure elements' ``(nodeNNNNNNNN)`` ids counted from 0 in their order.

    Each id keeps its width, so no byte offset moves (the cross-reference table stays
    right), and the order is kept, so the ``/IDTree``'s sorted names stay sorted.
    """
    found = sorted({int(n) for n in _NODE.findall(pdf)})
    new = {old: index for index, old in enumerate(found)}  # index <= old: it fits the width

    def number(match: re.Match[bytes]) -> bytes:
        digits = match.group(1)
        return b"(node%s)" % str(new[int(digits)]).zfill(len(digits)).encode()

    return _NODE.sub(number, pdf)

"""A Word copy of each published page: ``minutes.docx`` and, for a kallelse, ``agenda.docx``.

Registrators and colleagues ask for the minutes in Word. The copy is made from the page
itself — the same content, in the same order, as the PDF — by pandoc (shipped by
``pypandoc-binary``), with ``templates/word/reference.docx`` for the styles: real Word
headings (Heading 1–4), tables, lists, the document's title and language. Only the page's
``<main>`` is converted: no navigation, no skip link.

Pandoc was measured against python-docx for the reference protokoll: pandoc converts the page
in about 0.13 s (a process start included); python-docx writes a document of the same
paragraphs and tables in 0.05 s (plus 0.07 s to import), but it would need a converter of
our own from the page's HTML — lists, tables with header cells, definition lists, links,
runs in other scripts — which pandoc already is. The copy must stay what the page says, so
the converter that does not need to be written won.

The same page gives the same bytes: pandoc dates the document by ``SOURCE_DATE_EPOCH``,
which is set to the meeting's day.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import tempfile
from functools import cache
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MinutebookError
from ..i18n import say
from ..paths import TEMPLATES_DIR

if TYPE_CHECKING:
    from ..meeting.model import Meeting

REFERENCE = TEMPLATES_DIR / "word" / "reference.docx"
_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_SVG = re.compile(r"<svg\b.*?</svg>", re.S | re.I)
_SVG_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.S | re.I)


def write_copy(page: str, meeting: Meeting, target: Path) -> None:
    """The Word copy of a page of ``meeting``, written to ``target``, titled as the page."""
    found = _TITLE.search(page)
    title = unescape(found.group(1)) if found else meeting.body
    day = meeting.date.isoformat()
    target.write_bytes(docx(page, title=title, language=meeting.language, day=day))


@cache
def pandoc() -> str:
    """The pandoc that ``pypandoc-binary`` installed.

    Found beside pypandoc where the wheel puts it: pypandoc's own search tries every folder
    on the PATH and runs ``pandoc --version`` (half a dozen processes, once a run).
    """
    import importlib.util

    spec = importlib.util.find_spec("pypandoc")
    bundled = Path(spec.origin).parent / "files" / "pandoc" if spec and spec.origin else None
    if bundled is not None and os.access(bundled, os.X_OK):
        return str(bundled)
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def with_chart_images(body: str, folder: Path) -> str:
    """Each chart drawn inline (``<svg>``) as an image file in ``folder``, its text as ``alt``.

    Pandoc puts an inline SVG (or one in a ``data:`` address) into the document as a picture
    without a description, which Word's accessibility check reports and a screen reader
    skips, and without the PNG that Word before 2016, and programs that show documents
    small, draw instead. From a file it draws that PNG (with ``rsvg-convert``, which setup
    installs) and an ``<img>`` keeps its ``alt``: the chart's own ``<title>``, its
    accessible name on the page.
    """
    count = 0

    def image(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        svg = match.group()
        (folder / f"chart-{count}.svg").write_text(svg, encoding="utf-8")
        named = _SVG_TITLE.search(svg)
        alt = escape(unescape(re.sub(r"<[^>]+>", "", named.group(1))).strip()) if named else ""
        return f'<img alt="{alt}" src="chart-{count}.svg">'

    return _SVG.sub(image, body)


def docx(page: str, *, title: str, language: str, day: str) -> bytes:
    """The Word copy of an HTML page (its ``<main>``), titled and in ``language``.

    Raises:
        MinutebookError: pandoc failed.
    """
    found = _MAIN.search(page)
    epoch = dt.datetime.fromisoformat(f"{day}T00:00:00+00:00").timestamp()
    try:
        with tempfile.TemporaryDirectory(prefix="minutebook-word-") as charts:
            body = with_chart_images(found.group(1) if found else page, Path(charts))
            done = subprocess.run(
                [
                    pandoc(),
                    "--from=html",
                    "--to=docx",
                    f"--reference-doc={REFERENCE}",
                    f"--metadata=title:{title}",
                    f"--metadata=lang:{language}",
                    f"--resource-path={charts}",  # the charts, and nothing else of the machine
                    "--output=-",
                ],
                input=body.encode("utf-8"),
                capture_output=True,
                check=True,
                timeout=120,
                env={**os.environ, "SOURCE_DATE_EPOCH": str(int(epoch))},
            )
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        why = detail.decode(errors="replace") or error
        raise MinutebookError(say("word.failed", error=why)) from None
    return bytes(done.stdout)

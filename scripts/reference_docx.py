"""Make ``lib/minutebook/templates/word/reference.docx``, the styles of the Word copies.

Pandoc's own reference document, with the minutes' look: Arial (Liberation Sans where
Arial is missing, with the same metrics), black headings, the page's sizes. Run it again
after changing the look: ``.venv/bin/python scripts/reference_docx.py``.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import docx
import pypandoc
from docx.shared import Pt, RGBColor

TARGET = Path(__file__).resolve().parents[1] / "lib/minutebook/templates/word/reference.docx"
SIZES = {"Title": 20, "Heading 1": 17, "Heading 2": 14, "Heading 3": 12, "Heading 4": 11}


def main() -> None:
    """Write the reference document from pandoc's own, restyled."""
    with tempfile.TemporaryDirectory() as folder:
        default = Path(folder) / "reference.docx"
        with default.open("wb") as out:
            subprocess.run(
                [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
                stdout=out,
                check=True,
            )
        document = docx.Document(str(default))
    for style in document.styles:
        font = getattr(style, "font", None)
        if font is None:
            continue
        font.name = "Arial"
        if style.name.startswith(("Heading", "Title")):
            font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
            font.bold = True
            font.size = Pt(SIZES.get(style.name, 11))
        elif style.name in ("Normal", "Body Text", "First Paragraph", "Compact"):
            font.size = Pt(11)
    document.core_properties.author = "minutebook"
    document.core_properties.title = ""
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(TARGET))


if __name__ == "__main__":
    main()

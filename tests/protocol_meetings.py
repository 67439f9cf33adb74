"""The protocol meetings of the tests: a Swedish kommunstyrelse over two years, one meeting
with a confidential item and a withheld name, and markers in every field they reach."""

from __future__ import annotations

import contextlib
import gzip
import re
import zipfile
import zlib
from pathlib import Path

from pypdf import PdfReader

from conftest import minutebook

HEAD = """\
series: ks
body: Kommunstyrelsen
organisation: Exempelby kommun
kind: protocol
language: sv
date: {date}
place: Kommunhuset
status: final
participants:
  - {{name: Anna Ordf, role: chair}}
  - {{name: Bertil Just, role: adjuster}}
  - {{name: Cecilia Sekr, role: secretary}}
  - {{name: Zelda Markörsdotter, role: member, publish_name: false}}
adjusters: [Bertil Just]
recorded_by: Cecilia Sekr
"""

FEBRUARY = (
    HEAD.format(date="2024-02-01")
    + """\
adjusted_on: 2024-02-12
kept_at: Kommunledningskontoret, Kommunhuset
items:
  - title: Val av justerare
    decisions: [att utse Bertil Just att justera protokollet]
  - title: Budget 2024
    decisions:
      - text: att anta budgeten
        reservations: [Anna Ordf]
  - title: Övriga frågor
"""
)

# Every field a confidential item or a withheld name can reach carries a marker.
MARCH = (
    HEAD.format(date="2024-03-05")
    + """\
items:
  - title: Upphandling MARK-TITLE
    confidential: "OSL 19:3"
    presenters: [Anna Ordf]
    notes: Anbudet från MARK-NOTES var lägst.
    decisions:
      - text: att anta anbudet MARK-DECISION
        reservations: [MARK-RESERVATION]
    actions:
      - {task: Teckna avtal MARK-TASK, owner: MARK-OWNER, due: 2024-04-01}
    attachments:
      - {title: Anbud MARK-ATTACHMENT, href: anbud-MARK-FILE.pdf}
  - title: Information om bredband
    presenters: [Zelda Markörsdotter]
    notes: Zelda Markörsdotter redogjorde för utbyggnaden.
    decisions:
      - text: att lägga informationen till handlingarna
        reservations: [Zelda Markörsdotter]
    actions:
      - {task: Rapportera läget, owner: Zelda Markörsdotter, due: 2024-05-01}
  - title: Sekretessärende utan skäl
    confidential: true
    notes: MARK-SECOND
recorded_by: Zelda Markörsdotter
"""
)

JANUARY_NEXT_YEAR = (
    HEAD.format(date="2025-01-15")
    + """\
items:
  - title: Årets första ärende
"""
)

MARKERS = [
    "MARK-TITLE",
    "MARK-NOTES",
    "MARK-DECISION",
    "MARK-RESERVATION",
    "MARK-TASK",
    "MARK-OWNER",
    "MARK-ATTACHMENT",
    "MARK-FILE",
    "MARK-SECOND",
    "Markörsdotter",
]


def make_council(root: Path, build: bool = True) -> Path:
    """Add the meetings to the project at ``root`` (and build everything)."""
    folder = root / "params/ks"
    folder.mkdir()
    (folder / "2024-02-01.yaml").write_text(FEBRUARY, encoding="utf-8")
    (folder / "2024-03-05.yaml").write_text(
        MARCH.replace("recorded_by: Cecilia Sekr\n", "", 1), encoding="utf-8"
    )
    (folder / "anbud-MARK-FILE.pdf").write_bytes(b"%PDF-1.4 anbud MARK-FILE")
    (folder / "2025-01-15.yaml").write_text(JANUARY_NEXT_YEAR, encoding="utf-8")
    if build:
        run = minutebook("build", cwd=root)
        assert run.status == 0, run.err
    return root


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def published_bytes(root: Path) -> list[tuple[Path, bytes]]:
    """Every byte under reports/, and the text inside compressed PDF and Pagefind files."""
    out = []
    for path in (root / "reports").rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        out.append((path, data))
        if path.suffix == ".pdf":
            out.append((path, pdf_text(path).encode()))
            for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
                with contextlib.suppress(zlib.error):
                    out.append((path, zlib.decompress(stream)))
        with contextlib.suppress(OSError, EOFError):
            out.append((path, gzip.decompress(data)))
        if path.suffix == ".docx":  # a zip of XML: every part, as text
            with zipfile.ZipFile(path) as archive:
                out += [(path, archive.read(name)) for name in archive.namelist()]
    return out

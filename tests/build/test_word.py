"""The Word copy: the page's content with real Word headings, tables and metadata."""

from __future__ import annotations

import shutil

import docx
import pytest

pytestmark = pytest.mark.e2e

RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def test_the_protokoll_in_word(examples):
    folder = examples / "reports/kommunstyrelsen/2024-03-12"
    document = docx.Document(str(folder / "minutes.docx"))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "Kommunstyrelsen") in headings
    assert ("Heading 2", "Deltagare") in headings
    assert ("Heading 3", "§ 34 Val av justerare") in headings
    assert ("Heading 4", "Beslut") in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "att utse Erik Sandberg att justera protokollet" in text
    assert "Karin Holm (S), ordförande" in text
    assert document.tables, "the named vote is a table"
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "Karin Holm" in " ".join(cells)
    assert (
        document.core_properties.title
        == "Protokoll 12 mars 2024 – Kommunstyrelsen – Norrbacka kommun"
    )
    assert document.core_properties.language == "sv"
    page = (folder / "minutes.html").read_text("utf-8")
    assert '<a href="minutes.docx">Word</a>' in page
    series = (examples / "reports/kommunstyrelsen/index.html").read_text("utf-8")
    assert 'href="../kommunstyrelsen/2024-03-12/minutes.docx">Word</a>' in series


def test_english_minutes_in_word(examples):
    document = docx.Document(str(examples / "reports/trust-board/2024-05-14/minutes.docx"))
    assert document.core_properties.language == "en"
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)


def test_a_chart_in_word_has_its_text_and_is_svg_that_xml_reads(examples):
    """The reference minutes' chart: described as on the page, its SVG intact, and a PNG.

    Pandoc reads the chart as XML; an SVG whose ``viewBox`` and ``clipPath`` were
    lower-cased on the way (nbconvert's BeautifulSoup pass did it) loses its scaling and
    clipping there.
    """
    import zipfile

    from lxml import etree

    path = examples / "reports/umebra/2022-06-14/minutes.docx"
    document = docx.Document(str(path))
    described = [
        d.get("descr").replace("\xa0", " ")
        for d in document.element.body.iter()
        if d.tag.endswith("}docPr")
    ]
    chart = "Stapeldiagram: Brottsutveckling, 2021 och 2022. Totalt 5 000 → 4 500 (−10,0 %)."
    assert described == [chart]
    with zipfile.ZipFile(path) as archive:
        [svg] = [n for n in archive.namelist() if n.endswith(".svg")]
        root = etree.fromstring(archive.read(svg))
        pngs = [n for n in archive.namelist() if n.endswith(".png")]
    assert root.get("viewBox") and root.get("viewbox") is None
    assert root.findall(".//{http://www.w3.org/2000/svg}clipPath")
    if shutil.which("rsvg-convert"):  # setup installs it: Word before 2016 draws the PNG
        assert len(pngs) == 1
        [blip] = [b for b in document.element.body.iter() if b.tag.endswith("}blip")]
        picture = document.part.rels[blip.get(f"{{{RELATIONSHIPS}}}embed")].target_ref
        assert picture == pngs[0].removeprefix("word/")

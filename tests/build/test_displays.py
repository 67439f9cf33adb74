"""What a template displays is checked before it reaches the page."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from conftest import REFERENCE, minutebook
from minutebook.build.displays import check_displays, display_problems
from minutebook.errors import TemplateError

PNG = "iVBORw0KGgo="


def _notebook(*cells):
    return new_notebook(cells=list(cells))


def _cell(*outputs, source="display(x)"):
    cell = new_code_cell(source)
    cell.outputs = list(outputs)
    return cell


def _html(html, **metadata):
    return new_output("display_data", data={"text/html": html}, metadata=metadata)


def test_an_image_without_alt_text_is_refused_naming_its_cell():
    figure = new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"})
    nb = _notebook(new_markdown_cell("# t"), _cell(figure, source="plt.plot([1, 2])\nplt.show()"))
    with pytest.raises(TemplateError) as error:
        check_displays(nb, "notebooks/x.ipynb")
    assert str(error.value) == (
        "notebooks/x.ipynb: cell 2 (plt.plot([1, 2])) shows an image without alternative "
        "text: show charts with m.chart(fig, alt=…), which says what the chart shows"
    )


def test_an_image_with_alt_text_and_a_described_svg_pass():
    png = new_output("display_data", data={"image/png": PNG}, metadata={"alt": "Staplar"})
    svg = new_output("display_data", data={"image/svg+xml": "<svg><title>T</title></svg>"})
    check_displays(_notebook(_cell(png, svg)), "t")


def test_an_svg_without_a_description_is_refused():
    svg = new_output("display_data", data={"image/svg+xml": "<svg><path d='M0'/></svg>"})
    with pytest.raises(TemplateError, match="shows an image without alternative text"):
        check_displays(_notebook(_cell(svg)), "t")


def test_a_bare_dataframe_is_refused_with_a_hint():
    frame = _html('<table border="1" class="dataframe"><tr><td>1</td></tr></table>')
    with pytest.raises(TemplateError, match=r"shows a DataFrame as it is: use m\.table"):
        check_displays(_notebook(_cell(frame)), "t")


def test_html_from_a_template_is_sanitised_but_the_pieces_are_kept():
    raw = _html('<p onclick="x()">Hej<script>alert(1)</script><img src="x.png"></p>')
    piece = _html('<section class="mb-item" id="item-1"><h2>T</h2></section>', minutebook=True)
    nb = _notebook(_cell(raw, piece))
    with pytest.raises(TemplateError, match="shows an image without alternative text"):
        check_displays(nb, "t")  # the <img> without alt
    raw = _html('<p onclick="x()">Hej<script>alert(1)</script><a href="javascript:x">l</a></p>')
    nb = _notebook(_cell(raw, piece))
    check_displays(nb, "t")
    shown, kept = nb.cells[0].outputs
    assert shown.data["text/html"] == '<p>Hej<a rel="noopener noreferrer">l</a></p>'
    assert kept.data["text/html"] == '<section class="mb-item" id="item-1"><h2>T</h2></section>'


def test_markdown_cells_are_rendered_as_notes_are_without_raw_html():
    nb = _notebook(new_markdown_cell("## Bakgrund\n\nText <script>x</script> **fet**"))
    check_displays(nb, "t")
    html = nb.cells[0].metadata["minutebook_html"]
    assert html.startswith("<h2>Bakgrund</h2>")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<strong>fet</strong>" in html


def test_a_real_build_names_the_cell_of_an_undescribed_pyplot_figure(project):
    path = project / "notebooks/umebra.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(
        4,
        new_code_cell(
            "import matplotlib\nmatplotlib.use('module://matplotlib_inline.backend_inline')\n"
            "import matplotlib.pyplot as plt\nplt.bar(['a', 'b'], [1, 2])\nplt.show()"
        ),
    )
    nbformat.write(nb, path)
    run = minutebook("build", "--no-pdf", REFERENCE, cwd=project)
    assert run.status == 1
    assert (
        "params/umebra/2022-06-14.yaml: notebooks/umebra.ipynb: cell 5 (import matplotlib) "
        "shows an image without alternative text" in run.err
    )
    assert not (project / "reports/umebra/2022-06-14").exists()


def test_display_problems_names_every_refused_display_of_a_published_notebook():
    figure = new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"})
    described = new_output("display_data", data={"image/png": PNG}, metadata={"alt": "Staplar"})
    nb = _notebook(new_markdown_cell("# t"), _cell(described), _cell(figure, source="plt.show()"))
    nb.metadata["papermill"] = {"input_path": "notebooks/umebra.ipynb"}
    assert display_problems(nb) == [
        "notebooks/umebra.ipynb: cell 3 (plt.show()) shows an image without alternative "
        "text: show charts with m.chart(fig, alt=…), which says what the chart shows"
    ]

"""Data sections: numbers in the meeting's language, accessible tables, described charts."""

import pandas as pd
import pytest
from matplotlib.figure import Figure

from minutebook.template.figures import chart_svg, number, percent, table_html


@pytest.mark.parametrize(
    "value,sv,en",
    [
        (1234567, "1\u00a0234\u00a0567", "1,234,567"),
        (1234.5, "1\u00a0234,5", "1,234.5"),
        (-10.04, "\u221210,0", "\u221210.0"),
        (0, "0", "0"),
        (float("nan"), "", ""),
        ("Våldsbrott", "Våldsbrott", "Våldsbrott"),
    ],
)
def test_numbers_in_swedish_and_english(value, sv, en):
    assert number(value, "sv") == sv
    assert number(value, "en") == en


def test_percent():
    assert percent(-10.0, "sv") == "\u221210,0\u00a0%"
    assert percent(2.25, "en", decimals=2) == "2.25%"


def test_table_has_caption_header_cells_and_formatted_numbers():
    frame = pd.DataFrame(
        {"Kategori": ["Våld", "Stöld"], "2021": [1250, 1480], "Andel": [0.5, 0.25]}
    )
    html = table_html(frame, "Brott <2021>", "sv", formats={"Andel": lambda v: f"{v:.0%}"})
    assert html.startswith('<table class="mb-data"><caption>Brott &lt;2021&gt;</caption>')
    assert '<th scope="col">Kategori</th><th scope="col" class="mb-number">2021</th>' in html
    assert '<tr><th scope="row">Våld</th><td class="mb-number">1\u00a0250</td>' in html
    assert '<td class="mb-number">25%</td>' in html


def test_chart_is_inline_svg_with_its_description():
    fig = Figure(figsize=(3, 2))
    fig.subplots().bar(["a", "b"], [1, 2])
    html = chart_svg(fig, alt="Two bars: a is 1, b is 2 <small>")
    assert html.startswith('<figure class="mb-figure"><svg')
    assert "<?xml" not in html and "<!DOCTYPE" not in html
    assert 'role="img"' in html
    assert "<title id=" in html and "Two bars: a is 1, b is 2 &lt;small&gt;</title>" in html
    assert chart_svg(fig, alt="Two bars: a is 1, b is 2 <small>") == html  # reproducible

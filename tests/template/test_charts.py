"""The house chart style: fonts, colours and numbers in the meeting's language."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from minutebook.template import charts
from minutebook.template.minutes import Minutes


def _minutes(language: str) -> Minutes:
    return Minutes({"series": "s", "language": language, "date": "2024-01-01", "items": []})


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (1000.0, "1\u00a0000", "1,000"),
        (2.5, "2,5", "2.5"),
        (0.25, "0,25", "0.25"),
        (0.30000000000000004, "0,3", "0.3"),
        (-1500.0, "\u22121\u00a0500", "\u22121,500"),
    ],
)
def test_tick_values_are_written_as_people_write_them(value, sv, en):
    assert charts.tick(value, "sv") == sv
    assert charts.tick(value, "en") == en


def test_a_house_figure_draws_in_the_house_colours():
    fig = _minutes("sv").figure()
    axes = fig.subplots()
    lines = [axes.plot([0, 1], [i, i + 1])[0] for i in range(3)]
    assert [to_hex(line.get_color()).upper() for line in lines] == list(charts.PALETTE[:3])
    extended = charts.figure(rc={"lines.linewidth": 4})
    assert extended.subplots().plot([0, 1])[0].get_linewidth() == 4


@pytest.mark.parametrize(("language", "tick"), [("sv", "2\u00a0000"), ("en", "2,000")])
def test_any_chart_gets_the_house_fonts_and_the_meetings_numbers(language, tick):
    fig = Figure()  # not made with m.figure(): m.chart still finishes it
    axes = fig.subplots()
    axes.bar(["Centrum", "Teg"], [1250, 2400])
    html = _minutes(language).chart(fig, alt="Stapeldiagram").html
    assert f">{tick}<" in html
    assert "Liberation Sans" in html

"""The house chart style: one look for every chart in the minutes, which a template can extend.

``m.figure()`` gives a matplotlib Figure drawn in it; ``m.chart(fig, alt=…)`` finishes any
figure the same way before it becomes SVG: the page's fonts, the numbers on the axes as the
meeting's language writes them (``12 345,6`` / ``12,345.6``), and text large enough to read
when the chart is scaled down to a phone's width or printed at A4 column width. The colours
are the Okabe–Ito palette, told apart by people with any common colour-vision deficiency,
ordered so that the first ones also stand out in greyscale print.
"""

from __future__ import annotations

from typing import Any

from ..meeting.labels import Language
from .figures import number

# Okabe & Ito (2008), darkest first; the pale yellow last, for the rare sixth series.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000")
FONTS = ["Liberation Sans", "Noto Naskh Arabic", "WenQuanYi Micro Hei", "DejaVu Sans"]

HOUSE_STYLE: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": FONTS,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "xtick.labelsize": 10.5,
    "ytick.labelsize": 10.5,
    "legend.fontsize": 10.5,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#4a5360",
    "axes.labelcolor": "#1b1f24",
    "xtick.color": "#4a5360",
    "ytick.color": "#4a5360",
    "text.color": "#1b1f24",
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#d7dbe0",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "lines.linewidth": 2.2,
    "figure.figsize": (6.4, 3.6),
    "figure.dpi": 100,
    "svg.fonttype": "none",
}
"""The rc settings of the house style; ``m.figure(rc={…})`` adds to them for one figure."""


def style(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The house style's rc settings with ``extra`` on top, and the palette as colour cycle."""
    from cycler import cycler

    return {**HOUSE_STYLE, "axes.prop_cycle": cycler(color=list(PALETTE)), **(extra or {})}


def figure(rc: dict[str, Any] | None = None, **options: Any) -> Any:
    """A matplotlib Figure in the house style (``options`` as for ``Figure``).

    The style is applied while the figure is made and stays with it: what a template draws
    on its axes afterwards takes the house colours and fonts.
    """
    import matplotlib
    from matplotlib.figure import Figure

    settings = style(rc)
    # artists made later read the settings too
    matplotlib.rcParams.update(settings)  # type: ignore[arg-type]
    with matplotlib.rc_context(settings):  # type: ignore[arg-type]
        return Figure(**{"figsize": settings["figure.figsize"], **options})


def finish(fig: Any, language: Language) -> None:
    """Give any figure the house fonts and the meeting's way of writing numbers."""
    from matplotlib.text import Text
    from matplotlib.ticker import FuncFormatter, ScalarFormatter

    for text in fig.findobj(Text):
        text.set_fontfamily(FONTS)
    for axes in fig.get_axes():
        for axis in (axes.xaxis, axes.yaxis):
            if isinstance(axis.get_major_formatter(), ScalarFormatter):
                axis.set_major_formatter(FuncFormatter(lambda value, _: tick(value, language)))


def tick(value: float, language: Language) -> str:
    """A tick value as people write it: no 2.0000000001, whole numbers without decimals."""
    rounded = round(float(value), 6)
    if rounded.is_integer():
        return number(int(rounded), language)
    return number(rounded, language, decimals=len(repr(rounded).split(".")[1]))

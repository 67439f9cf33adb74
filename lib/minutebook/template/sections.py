"""Ready-made data sections for templates, built from the helpers of :mod:`minutebook.nb`.

Each is one call in a template cell, and shows nothing when the meeting does not name its
data, so a template can offer a section that only some meetings use.
"""

from __future__ import annotations

from html import escape

from .minutes import Fragment, Minutes


def year_on_year(m: Minutes, name: str, *, title: str, note: str = "") -> Fragment:
    """The last two years of a data file by category: a table with the change, and a chart.

    The data file has a category column first, then one column per year (``kategori,2021,
    2022``). The table adds a total row and the change in percent; the chart compares the
    two years per category.

    Args:
        m: the minutes.
        name: the data file, as named under the meeting's ``data:`` key.
        title: the section's heading.
        note: a line under the heading (where the figures come from, say).
    """
    if not m.has_data(name):
        return Fragment("")
    frame = m.data(name)
    category = str(frame.columns[0])
    before, after = (str(c) for c in frame.columns[-2:])
    frame = frame[[category, before, after]].copy()
    frame.loc[len(frame)] = [m.label("total"), frame[before].sum(), frame[after].sum()]
    change = m.label("change")
    frame[change] = (frame[after] - frame[before]) / frame[before] * 100
    frame = frame.rename(columns={category: category.capitalize()})
    table = m.table(frame, caption=f"{title} {before}–{after}", formats={change: m.percent})

    from matplotlib.figure import Figure

    rows = frame.iloc[:-1]
    fig = Figure(figsize=(6.5, 0.45 * len(rows) + 1))
    ax = fig.subplots()
    positions = range(len(rows))
    ax.barh([p + 0.2 for p in positions], rows[before], height=0.4, color="#9fb3c8", label=before)
    ax.barh([p - 0.2 for p in positions], rows[after], height=0.4, color="#005a9c", label=after)
    ax.set_yticks(list(positions), [str(v) for v in rows.iloc[:, 0]])
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, loc="lower right")
    total = frame.iloc[-1]
    alt = (
        f"{m.label('bar_chart')}: {title}, {before} {m.label('and_')} {after}. "
        f"{m.label('total')} {m.number(total[before])} → {m.number(total[after])} "
        f"({m.percent(total[change])})."
    )
    chart = m.chart(fig, alt=alt, caption=f"{m.label('bar_chart')}: {title} {before}–{after}")
    slug = f"data-{name}"
    html = (
        f'<section class="mb-data-section" aria-labelledby="{escape(slug)}">'
        f'<h2 id="{escape(slug)}">{escape(title)}</h2>'
        + (f'<p class="mb-note">{escape(note)}</p>' if note else "")
        + table.html
        + chart.html
        + "</section>"
    )
    return Fragment(html, f"{title}\n{note}\n{table.text}")

"""What a template notebook imports to display a meeting.

A template stays thin: it creates ``Minutes(meeting)`` from its ``parameters`` cell and
shows the pieces it wants, in the order it wants, with its own sections in between::

    from minutebook.nb import Minutes
    m = Minutes(meeting)
    m.header()
    m.items()

Every piece is a :class:`Fragment`: its HTML is what the published minutes show, and it
renders the same way in JupyterLab. Papermill passes the meeting as JSON-typed values
(already validated and, for the public version, redacted), so this module works on plain
dicts and does not validate again; given a path instead (an analyst running the template
by hand), it loads and validates the file first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..i18n import say
from ..meeting import labels
from ..meeting.markdown import escape, render
from . import agenda, attendance, charts, figures, whole
from .fragment import Fragment
from .phrase import Phrase, dated, join, unbroken
from .pieces import markup, pieces
from .reads import HISTORY, declare_reads

__all__ = ["Fragment", "Minutes"]


def _load(meeting: dict[str, Any] | str | Path) -> dict[str, Any]:
    if isinstance(meeting, dict):
        return meeting
    from ..meeting.read import (
        load_meeting,  # only when run by hand: pydantic is not needed otherwise
    )
    from ..paths import find_root

    path = Path(meeting)
    if not path.is_absolute() and not path.exists():
        path = find_root() / path
    return load_meeting(path).model_dump(mode="json")


class Minutes:
    """The display of one meeting, piece by piece, labelled in the meeting's language."""

    def __init__(self, meeting: dict[str, Any] | str | Path) -> None:
        self.meeting = _load(meeting)
        self.language: labels.Language = self.meeting.get("language", "sv")

    # -- words --------------------------------------------------------------------------

    def label(self, key: str) -> str:
        """A label in the meeting's language (see :mod:`minutebook.meeting.labels`)."""
        return labels.label(key, self.language)

    def date(self, value: str | dt.date) -> Phrase:
        """A date as written in running text: ``14 juni 2022`` (kept on one line)."""
        return dated(value, self.language)

    def role(self, name: str) -> str:
        """The role of the participant called ``name``, in words, or ``""``."""
        person = next((p for p in self.meeting.get("participants", []) if p["name"] == name), None)
        kinds = attendance.roles(person) if person else []
        return ", ".join(self.label(f"role.{r}") for r in kinds[:1]) if kinds else ""

    @property
    def kind(self) -> str:
        """What the page is, in words: Protokoll, Meeting notes…, Kallelse till sammanträde."""
        m = self.meeting
        key = labels.document(m.get("kind", "notes"), m.get("status"))
        return self.label(f"{key}_kind" if key != m.get("kind", "notes") else key)

    @property
    def is_protocol(self) -> bool:
        """Whether this is a formal protokoll (numbered §, justering, anslagsbevis)."""
        return bool(self.meeting.get("kind") == "protocol")

    @property
    def title(self) -> str:
        """The document title: kind, date and body."""
        m = self.meeting
        key = labels.document(m.get("kind", "notes"), m.get("status"))
        return labels.title(key, m["date"], m["body"], self.language, m.get("organisation"))

    def number(self, value: Any, decimals: int | None = None) -> str:
        """A number as the meeting's language writes it: ``12 345,6`` / ``12,345.6``."""
        return figures.number(value, self.language, decimals)

    def percent(self, value: Any, decimals: int = 1) -> str:
        """A percentage: ``−10,9 %`` / ``−10.9%``."""
        return figures.percent(value, self.language, decimals)

    @property
    def internal(self) -> bool:
        """Whether this is the internal version: a section only its readers may see.

        (A cell tagged ``internal-only`` is the other way; either is left out of ``reports/``.)
        """
        return bool(self.meeting.get("internal"))

    def heading(self, text: str) -> Fragment:
        """A heading of the template's own section (under the page's title: ``h2``)."""
        return Fragment(f"<h2>{escape(text)}</h2>", text)

    def text(self, text: str) -> Fragment:
        """A paragraph of the template's own, as text (nothing in it is markup)."""
        return Fragment(f"<p>{escape(text)}</p>", text)

    # -- data sections ----------------------------------------------------------------------

    def earlier(self, n: int | None = None, *, drafts: bool = False) -> list[Any]:
        """The series' earlier meetings, oldest first, as validated *public* models.

        Each has the format's keys as attributes (``.date``, ``.items[0].title``,
        ``.items[0].decisions`` …), with confidential items and withheld names taken out as
        in their published minutes. ``n``: only the latest ``n``; ``drafts``: include
        drafts (by default only final minutes). Every earlier meeting file becomes an input
        of this meeting's build: editing one rebuilds the meetings that read them.
        """
        from ..meeting.history import earlier_meetings  # pydantic: only when asked for
        from ..paths import find_root

        declare_reads(HISTORY)
        folder = find_root() / "params" / self.meeting["series"]
        return earlier_meetings(folder, str(self.meeting["date"]), n, drafts=drafts)

    def has_data(self, name: str) -> bool:
        """Whether the meeting names a data file called ``name`` (its ``data:`` key)."""
        return name in (self.meeting.get("data") or {})

    def data(self, name: str) -> Any:
        """The meeting's data file ``name`` as a pandas DataFrame (every sheet: a dict).

        Paths in ``data:`` are relative to the series folder, wherever the kernel runs; the
        options given there (``sep``, ``decimal``, ``encoding``, ``sheet`` …) are passed
        on, and a file that cannot be read without one is refused with the one it needs.
        """
        from ..paths import find_root
        from .data import read_data

        files = self.meeting.get("data") or {}
        if name not in files:
            known = ", ".join(sorted(files)) or "–"
            raise KeyError(say("template.no_data", name=name, known=known))
        entry = files[name]
        entry = {"file": entry} if isinstance(entry, str) else dict(entry)
        entry.pop("confidential", None)
        folder = find_root() / "params" / self.meeting["series"]
        return read_data(folder, entry.pop("file"), **entry)

    def table(self, frame: Any, caption: str, **options: Any) -> Fragment:
        """An accessible table of a DataFrame, its numbers in the meeting's language.

        It has a caption and header cells; ``options`` are ``row_headers`` and ``formats``
        (see :func:`minutebook.template.figures.table_html`).
        """
        return Fragment(
            figures.table_html(frame, caption, self.language, **options),
            f"{caption}\n{frame.to_string(index=False)}",
        )

    def figure(self, rc: dict[str, Any] | None = None, **options: Any) -> Any:
        """A matplotlib Figure in the house style (see :mod:`minutebook.template.charts`)."""
        return charts.figure(rc, **options)

    def chart(self, fig: Any, alt: str, caption: str = "") -> Fragment:
        """A matplotlib figure as an inline SVG described by ``alt`` (it prints sharp).

        Any figure gets the house fonts and the meeting's way of writing the axes' numbers;
        a ``caption`` is shown above it, and kept with it on a printed page.
        """
        charts.finish(fig, self.language)
        return Fragment(figures.chart_svg(fig, alt, caption), f"{caption}\n{alt}".strip())

    # -- pieces -------------------------------------------------------------------------

    def header(self) -> Fragment:
        """Organisation, body, kind, date, time and place; a draft banner for a draft."""
        m = self.meeting
        facts: list[tuple[str, str]] = [(self.label("date"), self.date(m["date"]))]
        time = m.get("time") or {}
        if time.get("start"):
            span = (whole.clock(self.label, t) for t in (time.get("start"), time.get("end")))
            facts.append((self.label("time"), unbroken(join("–", span))))
        if m.get("place"):
            facts.append((self.label("place"), m["place"]))
        facts += whole.facts(self)
        view = {
            "draft": m.get("status") == "draft",
            "kind": m.get("kind", "notes"),
            "organisation": m.get("organisation"),
            "body": m["body"],
            "links": whole.links(self),
        }
        html = pieces().header(self.label, view, self.kind, facts)
        text = f"{m['body']}\n{self.kind}\n" + "\n".join(f"{k}: {v}" for k, v in facts)
        return Fragment(html, text)

    def attendance(self) -> Fragment:
        """Who attended, and who did not, as minutes of the meeting's kind list them."""
        people = self.meeting.get("participants") or []
        if not people:
            return Fragment("")
        groups = attendance.groups(people, self.label, self.is_protocol)
        html = pieces().attendance(
            self.label, [(title, attendance.lines(group, self.label)) for title, group in groups]
        )
        text = "\n".join(
            f"{title}: " + "; ".join(p["name"] for p in group) for title, group in groups
        )
        return Fragment(html, text)

    def items(self, layout: str = "sections", numbered: bool = True) -> Fragment:
        """Every agenda item, in order.

        Args:
            layout: ``"sections"`` — a numbered heading per item, presenters under it — or
                ``"table"`` — topic, notes and presenter side by side, as many councils'
                minutes are laid out (on a phone the three stack).
            numbered: number the items 1, 2, 3 … in their headings.

        """
        items = self.meeting["items"]
        sectioned = any(item.get("section") for item in items)
        parts: list[Fragment] = []
        for i, item in enumerate(items):
            if item.get("section"):
                parts.append(self._section(item["section"], len(parts)))
            parts.append(
                self.item(i, layout=layout, numbered=numbered, level=3 if sectioned else 2)
            )
        html = pieces().items(layout, [markup(p.html) for p in parts])
        html += pieces().closing(self.label, whole.actions(self), whole.next_meeting(self))
        return Fragment(html, "\n\n".join(p.text for p in parts))

    def _section(self, section: dict[str, Any] | str, position: int) -> Fragment:
        """A heading over the items that follow, with its own text if it has one."""
        if isinstance(section, str):  # as written by hand: `section: Formalia`
            section = {"title": section}
        notes = markup(render(section.get("notes"), top_heading=3))
        html = pieces().section(section["title"], f"section-{position + 1}", notes)
        return Fragment(html, section["title"].upper())

    def item(
        self, index: int, layout: str = "sections", numbered: bool = True, level: int = 2
    ) -> Fragment:
        """One agenda item (``index`` counts from 0), its heading at ``level``."""
        view, text = agenda.item_view(self, index, numbered=numbered, level=level)
        return Fragment(pieces().item(self.label, view, layout), text)

    def signature(self) -> Fragment:
        """Who recorded the minutes: ``Noterat av: Elin Lindqvist, Sekreterare``.

        For a protokoll, the justering block instead: the secretary, the chair and the
        adjusters with lines to sign on, and the date of justering.
        """
        if self.is_protocol:
            return self._adjustment()
        name = self.meeting.get("recorded_by")
        if not name:
            return Fragment("")
        role = self.role(name)
        who = f"{name}, {role}" if role else name
        return Fragment(
            pieces().recorded_by(self.label, who), f"{self.label('recorded_by')}: {who}"
        )

    def _adjustment(self) -> Fragment:
        m = self.meeting
        chair = next(
            (p["name"] for p in m.get("participants", []) if "chair" in attendance.roles(p)),
            None,
        )
        signers = [(self.label("signed_secretary"), m.get("recorded_by"))]
        roles = (m.get("settings") or {}).get("signatures")
        if roles is None:  # the chair and the adjusters
            signers += [(self.label("role.chair"), chair)]
            signers += [(self.label("role.adjuster"), name) for name in m.get("adjusters") or []]
        for role in roles or []:  # the roles the series has sign
            names = m.get("adjusters") if role == "adjuster" else None
            names = names or [
                p["name"] for p in m.get("participants", []) if role in attendance.roles(p)
            ]
            signers += [(self.label(f"role.{role}"), name) for name in names or [None]]
        when = self.date(m["adjusted_on"]) if m.get("adjusted_on") else self.label("not_yet")
        text = "\n".join(f"{role}: {name or ''}" for role, name in signers)
        return Fragment(
            pieces().adjustment(self.label, signers, when), f"{self.label('adjustment')}\n{text}"
        )

    def notice(self) -> Fragment:
        """The anslagsbevis of a protokoll (empty for meeting notes).

        When the notice of justering hangs, and where the protokoll is kept.
        """
        m = self.meeting
        if not self.is_protocol or (m.get("settings") or {}).get("posting") is False:
            return Fragment("")
        adjusted = dt.date.fromisoformat(m["adjusted_on"]) if m.get("adjusted_on") else None
        posted = dt.date.fromisoformat(m["posted_on"]) if m.get("posted_on") else adjusted
        facts = [
            (self.label("body_label"), m["body"]),
            (self.label("meeting_date"), self.date(m["date"])),
            (self.label("adjusted_on"), self.date(adjusted) if adjusted else self.label("not_yet")),
            (self.label("posted_on"), self.date(posted) if posted else "–"),
            (
                self.label("taken_down"),
                self.date(posted + dt.timedelta(weeks=3)) if posted else "–",
            ),
            (self.label("kept_at"), m.get("kept_at") or m.get("organisation") or "–"),
        ]
        return Fragment(
            pieces().notice(self.label, facts), "\n".join(f"{k}: {v}" for k, v in facts)
        )

    def source(self) -> Fragment:
        """A link to where the original minutes are published."""
        url = self.meeting.get("source")
        if not url:
            return Fragment("")
        return Fragment(pieces().source(self.label, url), f"{self.label('source')}: {url}")

    def corrections(self) -> Fragment:
        """The visible log of corrections made after the minutes became final."""
        fixes = self.meeting.get("corrections") or []
        if not fixes:
            return Fragment("")
        rows = [{**c, "long_date": self.date(c["date"])} for c in fixes]
        return Fragment(
            pieces().corrections(self.label, rows),
            "\n".join(f"{c['date']}: {c['text']}" for c in fixes),
        )

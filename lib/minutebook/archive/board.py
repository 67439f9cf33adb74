"""The notice board (anslagstavla): what is posted, from when, and until when.

A kommun announces on its digital notice board when its bodies meet — the kallelse, up
until the day of the meeting — and that their protokoll have been justerade, from the day
that is posted (``posted_on``, by default the day of justering) until the time for appeal
has run out three weeks later, the day the notice is taken down (kommunallagen 8 kap.
12 §, 13 kap. 5 §). This page lists what is posted on the day the archive is built
(``MINUTEBOOK_TODAY`` fixes that day) and, below, the notices taken down; it has an Atom
feed of its own. Series whose settings do not post (``posting: false``) do not appear, nor
do bodies that keep notes rather than a protokoll.

It is made from what is published — each meeting's ``meeting.json`` and stamp (which keeps
the day the kallelse was first posted) — never from the YAML. What is up changes with the
day, so the page has a stamp of its own: the archive's inputs and the day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..build import publish
from ..meeting import labels
from ..meeting.scripts import isolate
from ..paths import AGENDA_HTML, BOARD, FEED, INDEX, Project
from ..settings import settings
from ..template.phrase import Phrase, dated
from .entries import Entry, digest, site_text

APPEAL = dt.timedelta(weeks=3)
BOARD_STAMP = ".board.json"  # under reports/, beside the archive's own stamp
TAKEN_DOWN_SHOWN = 50  # the newest notices taken down, listed below those posted
FEED_SIZE = 30


@dataclass(frozen=True)
class Notice:
    """One notice: what it announces, for which meeting, and when it is up."""

    entry: Entry
    kind: str  # planned (a kallelse), cancelled, adjusted (a protokoll's justering)
    up: dt.date
    down: dt.date  # the meeting's day (a kallelse), or the day it is taken down
    href: str  # the document, relative to reports/

    def is_up(self, today: dt.date) -> bool:
        """Whether it is posted on ``today``."""
        if self.kind == "adjusted":  # posted for exactly three weeks
            return self.up <= today < self.down
        return self.up <= today <= self.down  # a kallelse: up to and on the meeting's day

    @property
    def meeting(self) -> Any:
        """The meeting it is about, as published."""
        return self.entry.meeting

    def label(self, key: str) -> str:
        """A label in the meeting's language."""
        return self.entry.label(key)

    def date(self, day: dt.date | str) -> Phrase:
        """A date in the meeting's language, kept on one line."""
        return dated(day, self.entry.language)


def notices(entries: Sequence[Entry]) -> list[Notice]:
    """Every notice the published protokoll of posting series give, newest first."""
    out = []
    for e in entries:
        if not e.posting or e.meeting.kind != "protocol":
            continue
        meeting = e.meeting
        if e.agenda and e.notice:  # a kallelse, or the notice of a cancellation
            kind = "cancelled" if meeting.status == "cancelled" else "planned"
            href = f"{e.series}/{e.slug}/{AGENDA_HTML}"
            out.append(Notice(e, kind, dt.date.fromisoformat(e.notice), meeting.date, href))
        minutes = e.page != AGENDA_HTML  # the minutes are public
        if minutes and meeting.status == "final" and meeting.adjusted_on is not None:
            up = meeting.posted_on or meeting.adjusted_on
            out.append(Notice(e, "adjusted", up, up + APPEAL, e.html))
    return sorted(out, key=lambda n: (n.up, n.entry.order, n.kind), reverse=True)


def board(
    entries: Sequence[Entry], today: dt.date, language: labels.Language, base: str = ""
) -> dict[str, bytes]:
    """The notice board's page and feed, by path relative to ``reports/``."""
    from .pages import _css, _environment, _labeller

    found = notices(entries)
    up = [n for n in found if n.is_up(today)]
    down = [n for n in found if not n.is_up(today) and n.up <= today][:TAKEN_DOWN_SHOWN]
    label = _labeller(language)
    page = (
        _environment()
        .get_template("board.html.j2")
        .render(
            title=labels.label("notice_board", language),
            root="../",
            css=_css(),
            version=__version__,
            lang=language,
            L=label,
            up=up,
            down=down,
            today=dated(today, language),
        )
    )
    return {
        f"{BOARD}/{INDEX}": isolate(page).encode("utf-8"),
        f"{BOARD}/{FEED}": feed([n for n in found if n.up <= today][:FEED_SIZE], language, base),
    }


def feed(found: Sequence[Notice], language: labels.Language, base: str = "") -> bytes:
    """The board's Atom feed: a notice per entry, newest posted first."""
    from lxml import etree

    atom = "http://www.w3.org/2005/Atom"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"

    def add(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
        element = etree.SubElement(parent, f"{{{atom}}}{tag}", attributes)
        element.text = text
        return element

    root = etree.Element(f"{{{atom}}}feed", {lang: language}, nsmap={None: atom})
    if base:
        root.set("{http://www.w3.org/XML/1998/namespace}base", f"{base.rstrip('/')}/{BOARD}/")
    add(root, "title", labels.label("notice_board", language))
    add(root, "id", "urn:minutebook:notice-board")
    newest = max((n.up for n in found), default=dt.date(1970, 1, 1))
    add(root, "updated", f"{newest.isoformat()}T00:00:00+00:00")
    add(root, "link", rel="self", href=FEED)
    add(root, "link", rel="alternate", type="text/html", href=INDEX)
    for n in found:
        entry = add(root, "entry")
        entry.set(lang, n.entry.language)
        kind = n.label(f"notice_kind.{n.kind}")
        add(entry, "title", f"{kind}: {n.meeting.body}, {n.date(n.meeting.date)}")
        add(entry, "id", f"urn:minutebook:notice:{n.entry.series}:{n.entry.slug}:{n.kind}")
        add(entry, "updated", f"{n.up.isoformat()}T00:00:00+00:00")
        add(entry, "link", rel="alternate", type="text/html", href=f"../{n.href}")
        add(add(entry, "author"), "name", n.meeting.body)
        summary = f"{n.label('notice_posted')}: {n.date(n.up)}. {n.label('notice_down')}: "
        add(entry, "summary", summary + f"{n.date(n.down)}.")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def shown(entries: Sequence[Entry]) -> list[Entry]:
    """The meetings the board is about: the protokoll of series that post."""
    return [e for e in entries if e.posting and e.readable and e.meeting.kind == "protocol"]


def update(project: Project, entries: Sequence[Entry]) -> bool:
    """Bring the board up to date with what is published and the day; False if it was.

    Decided from the stamps and the day alone, so that a build with nothing to do reads no
    meeting. Without a series that posts there is no board (one left from before goes).
    """
    today = settings().today
    posting = [e for e in entries if e.posting]
    state = f"{digest(posting, site_text(project))}/{today.isoformat()}"
    inputs = hashlib.sha256(state.encode()).hexdigest()
    stamp = project.reports / BOARD_STAMP
    try:
        if json.loads(stamp.read_text(encoding="utf-8"))["inputs"] == inputs:
            return False
    except (OSError, ValueError, KeyError, TypeError):
        pass
    about = shown(posting)
    if about:  # only now the pages and the settings' model: 0.2 s to load
        from ..site import load_site
        from .pages import _language

        base = load_site(project.params).url
        for path, data in board(about, today, _language(about), base).items():
            publish.write_atomic(project.reports / path, data)
    elif (project.reports / BOARD).is_dir():
        shutil.rmtree(project.reports / BOARD)
    publish.write_atomic(stamp, json.dumps({"inputs": inputs}).encode())
    return True

"""The kallelse: the notice of a meeting with its agenda, and the notice that it is cancelled.

While a meeting is ``planned`` its file is its agenda, and a build makes the kallelse from
it instead of minutes (see :mod:`minutebook.build.kallelse`): the header the minutes will
have, who is called, and the föredragningslista — each item with its agenda number (a
protokoll's § numbers come with the minutes), case reference, presenters, the documents it
will be decided on and the proposed decision. These are the minutes' own pieces, so the
kallelse looks, prints and reads like the minutes; a confidential item is already only its
notice, and withheld names are replaced, in the meeting it is made from.
"""

from __future__ import annotations

from .attendance import lines
from .minutes import Fragment, Minutes
from .pieces import markup, pieces
from .whole import next_meeting


def kallelse(m: Minutes) -> list[Fragment]:
    """The kallelse's pieces, in order: header, who is called, the agenda."""
    out = [m.header()]
    people = m.meeting.get("participants") or []
    if people:
        shown = lines(people, m.label)
        out.append(Fragment(pieces().called(m.label, shown), "\n".join(shown)))
    out.append(agenda(m))
    return out


def agenda(m: Minutes) -> Fragment:
    """The föredragningslista: every item under its section, numbered as on the agenda."""
    items = m.meeting["items"]
    sectioned = any(item.get("section") for item in items)
    parts: list[Fragment] = []
    for index, item in enumerate(items):
        section = item.get("section")
        if section:
            title = section if isinstance(section, str) else section["title"]
            html = pieces().section(title, f"section-{len(parts) + 1}", "", 3)
            parts.append(Fragment(html, title.upper()))
        parts.append(m.item(index, numbered=True, level=4 if sectioned else 3))
    html = pieces().agenda(m.label, [markup(p.html) for p in parts])
    return Fragment(html, "\n\n".join([m.label("agenda"), *(p.text for p in parts)]))


def cancellation(m: Minutes) -> list[Fragment]:
    """The notice that the meeting will not be held: its header, and the next meeting."""
    following = next_meeting(m)
    html = pieces().cancelled(m.label, following)
    return [m.header(), Fragment(html, f"{m.label('cancelled_text')} {following}".strip())]

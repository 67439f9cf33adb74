"""The kallelse: made while a meeting is planned, kept as it was sent once it has been held.

A kallelse is a record: after the meeting the archive keeps it beside the minutes, as the
members received it, whatever the meeting file says by then. A build is a function of its
inputs, so what must survive is kept beside the meeting file: each build of a planned (or
cancelled) meeting writes ``params/<series>/<date>.kallelse.yaml``, the meeting file as it
was, plus the day the kallelse was first posted (``notice_posted_on``) unless the file
gives it. Once the meeting is a draft or final, its kallelse is made from that file alone,
so a rebuild from ``params/`` reproduces the archive, kallelse and notice board included.
The record is an ordinary meeting file (``minutebook check`` reads it); its name is not a
date, so no build takes it for a meeting of its own.

A kallelse has no analysts' sections: it is minutebook's own pieces (header, who is
called, the agenda; see :mod:`minutebook.template.kallelse`). So it is made in the build's
process, no kernel, as a notebook of those pieces' outputs, rendered by the minutes'
exporter and printed by the same Chromium: it looks, reads and prints like the minutes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..meeting.labels import NOT_HELD
from ..meeting.model import Meeting
from ..paths import KALLELSE_RECORD, beside
from . import publish
from .browser import PageSetup

_NOTICE = re.compile(r"^notice_posted_on:\s*[\"']?(\d{4}-\d\d-\d\d)", re.M)
_STATUS = re.compile(r"^status:\s*[\"']?(\w+)", re.M)
NOTED = "# minutebook: the day the kallelse was first published, for the notice board"


def record_path(meeting_file: Path) -> Path:
    """Where the kallelse of the meeting in ``meeting_file`` is kept."""
    return beside(meeting_file, KALLELSE_RECORD)


def is_sent(meeting: Meeting) -> bool:
    """Whether a build of ``meeting`` makes its kallelse (or cancellation) from the file."""
    return meeting.status in NOT_HELD


def keep(meeting_file: Path, meeting: Meeting, today: dt.date) -> Path:
    """Write the kallelse's record from the planned (or cancelled) meeting file.

    The record's ``notice_posted_on`` is the meeting's own, else the one an earlier record
    of the same status gave (a revised agenda stays posted since that day), else ``today``.
    Written only when it changes, atomically.
    """
    record = record_path(meeting_file)
    text = meeting_file.read_text(encoding="utf-8")
    if meeting.notice_posted_on is None:
        posted = _earlier_notice(record, meeting.status) or today.isoformat()
        text = f"{text.rstrip()}\n\n{NOTED}\nnotice_posted_on: {posted}\n"
    if not record.is_file() or record.read_text(encoding="utf-8") != text:
        publish.write_atomic(record, text.encode("utf-8"))
    return record


def _earlier_notice(record: Path, status: str) -> str | None:
    """The notice date of an existing record made for the same status, if any."""
    try:
        text = record.read_text(encoding="utf-8")
    except OSError:
        return None
    same = (found := _STATUS.findall(text)) and found[-1] == status
    dates = _NOTICE.findall(text)
    return dates[-1] if same and dates else None


# What a kallelse leaves out of a meeting file: what happens at the meeting, not before it
_ITEM_RESULTS: dict[str, Any] = {
    "votes": [],
    "decisions": [],  # (actions stay: those carried from earlier meetings are followed up)
    "attachments": [],  # bilagor belong to the minutes; a kallelse has its documents
    "time": None,
    "recused": [],
    "statements": [],
    "answered_by": None,
    "adjusted_immediately": None,
    "outcome": None,
    "dispatch": [],
}
_ATTENDANCE: dict[str, Any] = {
    "attendance": None,
    "present": True,
    "serving": None,
    "serving_for": None,
    "during": None,
    "joined": None,
    "left": None,
}


def as_sent(meeting: Meeting) -> Meeting:
    """The meeting as its kallelse shows it: the agenda, and who is called.

    A planned meeting file may already hold what the secretary prepares for the minutes (a
    decision drafted, who will be away); the kallelse shows none of it, and no proposal's
    fate.
    """
    items = [
        item.model_copy(
            update={
                **_ITEM_RESULTS,
                "proposals": [p.model_copy(update={"outcome": None}) for p in item.proposals],
            }
        )
        for item in meeting.items
    ]
    people = [p.model_copy(update=_ATTENDANCE) for p in meeting.participants]
    time = meeting.time.model_copy(update={"breaks": []}) if meeting.time else None
    return meeting.model_copy(
        update={
            "items": items,
            "participants": people,
            "time": time,
            "corrections": [],
            "adjusted_on": None,
            "posted_on": None,
        }
    )


def notebook(meeting: dict[str, Any], metadata: dict[str, Any]) -> Any:
    """The kallelse (or the cancellation) of ``meeting`` (JSON-typed) as an executed notebook.

    Its metadata records the meeting as Papermill would, so the exporter gives it the
    page's language, title and footer, and ``metadata`` as a template's run records it
    (:func:`~minutebook.build.plan.notebook_metadata`).
    """
    import nbformat.v4 as v4

    from ..template.kallelse import cancellation, kallelse
    from ..template.minutes import Minutes

    m = Minutes(meeting)
    parts = cancellation(m) if meeting.get("status") == "cancelled" else kallelse(m)
    nb = v4.new_notebook()
    nb.metadata["papermill"] = {"parameters": {"meeting": meeting}}
    nb.metadata["minutebook"] = metadata
    for n, part in enumerate(parts):
        output = v4.new_output(
            "display_data",
            data={"text/html": part.html, "text/plain": part.text},
            metadata={"minutebook": True},
        )
        nb.cells.append(v4.new_code_cell("", id=f"part-{n + 1}", outputs=[output]))
    return nb


def render(meeting: dict[str, Any], metadata: dict[str, Any]) -> tuple[str, PageSetup]:
    """The kallelse's page, and how to print it."""
    from .render import render_html

    html, setup = render_html(notebook(meeting, metadata))
    return html, setup

"""The new meeting's date: asked for, suggested, and never today by accident.

``minutebook new`` without ``--date`` once made a meeting dated today, silently. Now it asks
on a terminal, offering the date the last meeting set for the next one (or the same weekday
four weeks on), and elsewhere — a script, CI — refuses with that date in the message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys

from ..errors import MinutebookError
from ..i18n import say
from ..paths import Project
from .new import latest_meeting, next_date


def suggested_date(project: Project, series: str) -> tuple[dt.date | None, str]:
    """The date to offer for the next meeting, and why (a message's ending).

    The date the last meeting set for the next one, else the same weekday four weeks after
    the last meeting; nothing for a series without a meeting.
    """
    previous = latest_meeting(project, series)
    if previous is None:
        return None, ""
    set_for_next = next_date(previous.read_text(encoding="utf-8"))
    if set_for_next:
        return set_for_next, say("new.why_next")
    with contextlib.suppress(ValueError):
        day = dt.date.fromisoformat(previous.stem[:10])  # 2024-03-14, or -2 after it
        return day + dt.timedelta(weeks=4), say("new.why_weeks")
    return None, ""


def need_date(project: Project, series: str) -> str:
    """The message that asks for the date, with the one to suggest."""
    date, why = suggested_date(project, series)
    shown = date.isoformat() if date else say("new.no_date")
    return say("new.need_date", series=series, date=shown, why=why)


def ask_date(project: Project, series: str) -> dt.date:
    """Ask for the new meeting's date on a terminal, the suggested one taken on Enter."""
    suggested, _ = suggested_date(project, series)
    while True:
        try:
            text = input(say("new.ask_date", series=series, date=suggested or "")).strip()
        except EOFError:  # the input ended (Ctrl-D): no date given
            raise MinutebookError(need_date(project, series)) from None
        if not text and suggested:
            return suggested
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            print(say("new.bad_date", text=text), file=sys.stderr)

"""What a user may set, and the defaults: every environment variable and default, here.

Read afresh on each call of :func:`settings` (cheap: a few lookups), so that a test or a
long-running process sees the environment as it is now.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import MinutebookError
from .i18n import say

# Seconds a single cell of a template may run before the build gives up on it.
CELL_TIMEOUT = 120


@dataclass(frozen=True)
class Settings:
    """The environment a command runs in."""

    root: Path | None  # MINUTEBOOK_ROOT: the project, wherever the command runs
    chromium: str | None  # MINUTEBOOK_CHROMIUM: the Chromium or Chrome to print with
    base_url: str  # MINUTEBOOK_BASE_URL: where reports/ is served, for the feed's links
    debug: bool  # MINUTEBOOK_DEBUG: show the traceback of an internal error
    today: dt.date  # MINUTEBOOK_TODAY: the day the notice board is built for (default: today)
    timeout: int = CELL_TIMEOUT


def settings() -> Settings:
    """The settings from the environment as it is now."""
    env = os.environ
    return Settings(
        root=Path(env["MINUTEBOOK_ROOT"]).resolve() if env.get("MINUTEBOOK_ROOT") else None,
        chromium=env.get("MINUTEBOOK_CHROMIUM") or None,
        base_url=env.get("MINUTEBOOK_BASE_URL", ""),
        debug=bool(env.get("MINUTEBOOK_DEBUG")),
        today=_day(env.get("MINUTEBOOK_TODAY")),
    )


def _day(value: str | None) -> dt.date:
    """An ISO date, or today (a date that is no date is a mistake to say, not to guess)."""
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise MinutebookError(say("settings.today", value=value)) from None

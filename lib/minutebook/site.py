"""The archive's own settings, ``params/site.yaml``: where it is served, and on what terms.

A published archive is read by people who follow a link and by programs that subscribe and
download. Both need to know where it lives (``base_url``: absolute links in the feeds, ids
no other installation shares, canonical URLs) and what they may do with it (``licence``,
stated on every page and in every file for machines). The settings are the archive's, not a
series': one file beside the series folders, checked like a meeting file
(``file:line:col: key: message``). ``MINUTEBOOK_BASE_URL`` still overrides ``base_url``,
for a test deployment of the same project.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator

from . import __version__
from .errors import MeetingFileError, Problem
from .i18n import say
from .meeting.series import load_settings
from .meeting.types import Text, _Strict
from .paths import SITE_FILE
from .settings import settings

# Licences by their SPDX identifier, with the text a reader follows.
LICENCES = {
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "PDDL-1.0": "https://opendatacommons.org/licenses/pddl/1-0/",
}


class Site(_Strict):
    """``params/site.yaml``: every key optional."""

    base_url: Text | None = Field(
        default=None,
        description="where reports/ is served, e.g. https://protokoll.example.se/ "
        "(absolute links in the feeds, their ids, canonical URLs)",
    )
    licence: Text = Field(
        default="CC0-1.0",
        description="the licence of the published minutes and data, as an SPDX identifier: "
        + ", ".join(LICENCES),
    )
    licence_url: Text | None = Field(
        default=None, description="where the licence is written (default: the SPDX licence's)"
    )
    publisher: Text | None = Field(
        default=None, description="who publishes the archive (default: the organisation)"
    )
    timezone: Text = Field(
        default="Europe/Stockholm", description="the meetings' time zone, for feed dates"
    )

    @field_validator("base_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^/\s]+(/\S*)?$", value):
            raise ValueError(say("site.base_url"))
        return value if value is None or value.endswith("/") else value + "/"

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(say("site.timezone", zone=value)) from None
        return value

    @property
    def url(self) -> str:
        """The base URL, ``MINUTEBOOK_BASE_URL`` first; empty when none is set."""
        url = settings().base_url or self.base_url or ""
        return url if not url or url.endswith("/") else url + "/"

    @property
    def licence_link(self) -> str:
        """Where the licence is written."""
        return self.licence_url or LICENCES.get(self.licence, "")

    @property
    def zone(self) -> dt.tzinfo:
        """The time zone of the meetings' dates and times."""
        return ZoneInfo(self.timezone)

    def about(self, format_version: str) -> dict[str, Any]:
        """What a published data file says of itself: its maker, format and licence."""
        return {
            "generator": f"minutebook {__version__}",
            "format_version": format_version,
            "licence": self.licence,
            "licence_url": self.licence_link,
        }

    def absolute(self, path: str) -> str:
        """``path`` (relative to ``reports/``) as a full URL, or as it is without a base."""
        return f"{self.url}{path}" if self.url else path


def load_site(params: Path) -> Site:
    """The archive's settings from ``params/site.yaml``; the defaults without one.

    Raises:
        MeetingFileError: the file has errors (at their lines), or names a licence without
            saying where it is written.
    """
    path = params / SITE_FILE
    if not path.is_file():
        return Site()
    name = f"params/{SITE_FILE}"
    site, positions = load_settings(path, name, Site, "site.not_mapping")
    if not site.licence_link:
        line, column = positions.get(("licence",), (1, 1))
        message = say("site.licence_url", licence=site.licence)
        raise MeetingFileError([Problem(line, column, "licence", message, name)])
    return site

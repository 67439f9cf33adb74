"""A piece of the minutes, as a template displays it."""

from __future__ import annotations

from typing import Any

from ..meeting.scripts import isolate


class Fragment:
    """A piece of the minutes: HTML for the page, plain text for everything else.

    Displayed, its HTML is marked as the minutes' own markup: the build passes it as it is,
    and checks and sanitises everything else a template shows
    (see :mod:`minutebook.build.displays`).
    """

    def __init__(self, html: str, text: str = "") -> None:
        # plain text even when a macro made it (Markup would escape on +); names and notes in
        # other scripts marked with their script and direction
        self.html = isolate(str(html))
        self.text = text

    def _repr_html_(self) -> tuple[str, dict[str, Any]]:
        return self.html, {"minutebook": True}

    def __repr__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.html)

"""The errors minutebook reports to a user, each meant to be printed as it is.

Known failures never surface as tracebacks: the CLI prints ``str(error)`` and exits with
``error.exit_status`` (2 for a bad meeting file, 1 for a failed build).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a meeting file, at a line and column (both 1-based)."""

    line: int
    column: int
    field: str  # the data path, for tools: items[1].presenters
    message: str
    file: str = ""
    where: str = ""  # the field as a person counts: punkt 2 "Budget": presenters

    def __str__(self) -> str:
        return self.shown()

    def shown(self, kind: str = "") -> str:
        """The line a user reads: ``file:line:col: [kind]field: message``."""
        at = f"{self.file}:{self.line}:{self.column}"
        field = self.where or self.field
        return f"{at}: {kind}{field}: {self.message}" if field else f"{at}: {kind}{self.message}"


class MinutebookError(Exception):
    """A failure to be reported in one or a few lines, without a traceback."""

    exit_status = 1


class MeetingFileError(MinutebookError):
    """A meeting file that cannot be used; carries every problem found, in file order."""

    exit_status = 2

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class TemplateError(MinutebookError):
    """The template notebook failed while running (a cell raised, the kernel died, a timeout)."""


class ChromiumNotFound(MinutebookError):
    """No Chromium could be started to print the PDF."""


class MissingPDF(ChromiumNotFound):
    """The minutes were published without their PDF, for want of a Chromium."""

    def __init__(self, message: str, published: Path) -> None:
        super().__init__(message)
        self.published = published

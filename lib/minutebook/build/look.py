"""One meeting's page as the build would make it, without publishing anything: the preview's.

The same steps as :func:`~minutebook.build.meeting.build_meeting` — validate, run the
template with the meeting as its parameters, render with the minutes' template — into a
temporary folder that is removed after, so a look at work in progress never touches
``reports/`` or ``internal/``. It shows the version the build would open: the public one,
or, for a draft kept from the public, the internal one (marked as such on the page); the
kallelse while the meeting is still to come.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MeetingFileError, MinutebookError
from ..paths import NOTEBOOK, Project
from ..settings import CELL_TIMEOUT
from .browser import PageSetup
from .displays import check_displays
from .execute import run_template
from .given import notebook_metadata, parameters
from .plan import as_published, make_plan
from .warm import Spare


@dataclass
class Look:
    """A meeting's page, or why there is none: the lines a build would print."""

    html: str = ""
    setup: PageSetup | None = None
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    template: Path | None = None  # the template it ran, for the next spare kernel


def look(path: Path, project: Project, spare: Spare | None = None) -> Look:
    """Render the meeting in ``path``; its page, or its errors (never raises for them)."""
    from . import kallelse
    from .render import render_html

    began = time.perf_counter()
    try:
        plan = make_plan(path, project, pdf=False)
        shown = plan.shown
        if shown.minutes:
            kernel = spare.take(plan.template) if spare is not None else None
            with tempfile.TemporaryDirectory(prefix="minutebook-preview-") as folder:
                nb = run_template(
                    plan.template,
                    parameters(plan, shown),
                    Path(folder) / NOTEBOOK,
                    cwd=plan.path.parent,
                    timeout=plan.template_settings.get("timeout") or CELL_TIMEOUT,
                    name=project.relative(plan.template),
                    metadata=notebook_metadata(plan, shown),
                    internal=shown.internal,
                    kernel=kernel,
                )
            check_displays(nb, project.relative(plan.template))
            html, setup = render_html(nb)
        else:
            assert shown.kallelse is not None
            sent = as_published(shown.kallelse).model_dump(mode="json")
            html, setup = kallelse.render(sent, notebook_metadata(plan, shown))
    except MeetingFileError as error:
        return Look(errors=[str(p) for p in error.problems], seconds=_since(began))
    except MinutebookError as error:
        return Look(errors=str(error).splitlines(), seconds=_since(began))
    return Look(html, setup, seconds=_since(began), template=plan.template)


def _since(began: float) -> float:
    return time.perf_counter() - began

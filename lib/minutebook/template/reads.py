"""What a template read besides its meeting, told to the build so that it becomes an input.

A template that reads more than its meeting — the series' earlier meetings, through
``m.earlier()`` — says so by displaying an output of the type :data:`READS`. The build takes
those outputs out of the notebook before rendering it (they are not for the page) and makes
what was read an input of the meeting (see :func:`minutebook.build.execute.take_reads`).
"""

from __future__ import annotations

READS = "application/vnd.minutebook.reads+json"
HISTORY = "earlier meetings"


def declare_reads(what: str) -> None:
    """Tell the build that the template read ``what`` (when run by a kernel)."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # run by hand without IPython: there is no build to tell
        return
    if get_ipython() is not None:
        display({READS: {"reads": what}}, raw=True)  # type: ignore[no-untyped-call]

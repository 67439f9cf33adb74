"""Every message minutebook gives its user, in English and Swedish.

Kept in tables, as :mod:`minutebook.meeting.labels` keeps the minutes' own words, rather
than in gettext catalogues: the two languages stand side by side where they are reviewed,
a test checks that every message has both and the same ``{fields}``, and nothing is
compiled. :func:`minutebook.i18n.say` picks the user's language. A message says what is
wrong in the secretary's words and, where there is one, the fix to type.

One table per part of the program: :mod:`.meeting` for what is wrong in a meeting file,
:mod:`.secretary` for ``check``, ``new``, ``template`` and the justering, :mod:`.build` for
building and publishing, :mod:`.cluster` for building on a Dask cluster, :mod:`.cli` for
the command line itself (its help and argparse's own words).
"""

from __future__ import annotations

from . import build, cli, cluster, meeting, secretary

MESSAGES: dict[str, dict[str, str]] = {}
for _table in (
    meeting.MESSAGES,
    secretary.MESSAGES,
    build.MESSAGES,
    cluster.MESSAGES,
    cli.MESSAGES,
):
    _twice = MESSAGES.keys() & _table.keys()
    assert not _twice, f"messages defined twice: {sorted(_twice)}"
    MESSAGES.update(_table)

"""The stamps a build leaves in each folder it publishes, and the folders' permissions.

A stamp (``.build.json``, see :class:`~minutebook.build.inputs.Stamp`) says what a folder
was made from, so that the next build knows whether it is current; the public one also
says what the minutes say (for :mod:`minutebook.build.record`) and what the notice board
needs to know without reading the meeting file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..paths import STAMP, Project
from .inputs import Stamp, file_hash
from .plan import Plan, Version


@dataclass(frozen=True)
class Read:
    """What the build read, the template's own reads included: the stamp's inputs."""

    digest: str
    history: list[str] | None  # the earlier meeting files, when the template read them


def stamp_all(
    plan: Plan, staged: list[tuple[Version, Path]], read: Read, text: str, complete: bool
) -> None:
    """Each staged folder's stamp: the input hash (none when incomplete) and its files.

    The public one also records what the minutes say, for :func:`record.judge` next time,
    and the kallelse's posting for the notice board — and nothing of an internal version:
    whether there is one is for ``internal/`` to say, not for a file under ``reports/``. An
    internal version that is all there is (a draft kept from the public) says so: its stamp
    is the one to check then.
    """
    digest = read.digest if complete else None
    common = {"numbering": plan.numbering, "history": read.history, "template": plan.chosen}
    for version, folder in staged:
        names = [*version.names, *(read.history or [])]
        if version.internal:
            write(folder, digest, names, alone=plan.alone, **common)
            private(folder)
            continue
        sent = version.kallelse
        write(
            folder,
            digest,
            names,
            **common,
            final=plan.meeting.status == "final",
            text=text,
            source=plan.source,
            corrections=len(plan.meeting.corrections),
            republished=len(plan.meeting.corrections)
            if plan.republish
            else (plan.published.republished if plan.published else 0),
            posting=plan.posting,
            notice=sent.notice_posted_on.isoformat() if sent and sent.notice_posted_on else None,
        )


def write(folder: Path, digest: str | None, extra: list[str], **more: Any) -> None:
    """The stamp of ``folder``: its inputs' hash, the files they named, its own files."""
    files = {
        p.relative_to(folder).as_posix(): file_hash(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
    built = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    stamp = Stamp(inputs=digest, extra=extra, files=files, built=built, **more)
    (folder / STAMP).write_bytes(stamp.dumps())


def private(path: Path) -> None:
    """Make ``path`` (a file, or a folder and all in it) readable by its owner only."""
    if path.is_dir():
        path.chmod(0o700)
        for inner in path.rglob("*"):
            inner.chmod(0o700 if inner.is_dir() else 0o600)
    elif path.exists():
        path.chmod(0o600)


def private_folders(project: Project, series: str) -> None:
    """``internal/`` and its series folder: 0700, whatever the umask made of them."""
    for folder in (project.internal, project.internal / series):
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)

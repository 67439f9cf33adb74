"""What a meeting's outputs depend on, and whether the published ones are still current.

A meeting's outputs are a pure function of its inputs: the meeting file, its template, the
files it names (attachments), minutebook's own code and templates, the versions of the
packages it runs on (:mod:`.environment`), and whether a PDF was asked for. Their SHA-256
together is the meeting's *input hash*, recorded in a stamp (``.build.json``) inside the
published folder — so the stamp is swapped in atomically with the outputs it describes. A
meeting is up to date when its stamp's input hash equals the hash of its inputs now.

The check must be fast (100 meetings in well under a second), so it never parses YAML: the
output folder follows from the file's path (``params/<series>/<date>.yaml``, which
validation enforces), and the files a meeting names are listed in its stamp — if the meeting
file is unchanged, so is that list.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from .. import __version__
from ..paths import PACKAGE_DIR, SERIES_FILE, SITE_FILE, STAMP, Project, earlier_files
from . import environment


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def code_fingerprint() -> str:
    """One hash of minutebook's version, code and templates, and of the packages it runs on.

    They shape every output; the packages' versions are in :mod:`.environment`.
    """
    digest = hashlib.sha256(__version__.encode())
    digest.update(environment.fingerprint().encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix != ".pyc" and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Inputs:
    """The inputs of one meeting's build."""

    meeting: Path
    template: Path
    extra: tuple[Path, ...] = ()  # files the meeting names, inside its series folder
    pdf: bool = True

    def digest(self, project: Project) -> str:
        """The input hash. Missing extra files hash as missing, so they force a rebuild."""
        digest = hashlib.sha256(code_fingerprint().encode())
        digest.update(f"pdf={self.pdf}".encode())
        # the series' settings count whether they exist or not: adding them rebuilds
        series = self.meeting.parent / SERIES_FILE
        site = self.meeting.parent.parent / SITE_FILE  # the archive's: address and licence
        for path in (self.meeting, series, site, self.template, *self.extra):
            digest.update(project.relative(path).encode())
            digest.update(file_hash(path).encode() if path.is_file() else b"missing")
        return digest.hexdigest()


@dataclass
class Stamp:
    """What a published folder records about how it was made."""

    inputs: str | None  # None: incomplete (no PDF for want of Chromium), rebuild next time
    extra: list[str] = field(default_factory=list)  # project-relative paths
    files: dict[str, str] = field(default_factory=dict)  # output name -> SHA-256
    built: str = ""  # ISO time of the build
    internal: bool = False  # (older stamps) an internal version exists: now internal/ says
    numbering: list[str] | None = None  # a protocol: the earlier files of its year
    history: list[str] | None = None  # the earlier meetings its template read
    template: str | None = None  # the template it was made with, when the series chose one
    # final minutes are records (see minutebook.build.record)
    final: bool = False  # what is published is final
    text: str | None = None  # digest of what it says
    source: str | None = None  # SHA-256 of the meeting file it was made from
    corrections: int = 0  # entries in its correction log
    republished: int = 0  # entries in the log when it was last republished
    held: str | None = None  # the input hash of a build held back, to not try it again
    held_why: str = ""  # and why it was held back
    alone: bool = False  # internal: nothing of the meeting is public (a draft kept back)
    posting: bool = True  # its notices go on the notice board (series.yaml: posting)
    notice: str | None = None  # the day its kallelse (or cancellation) was first posted

    def dumps(self) -> bytes:
        """The stamp as written to ``.build.json``."""
        data = {k: v for k, v in self.__dict__.items() if k != "internal" or v}
        return json.dumps(data, indent=1, sort_keys=True).encode()

    @classmethod
    def read(cls, folder: Path) -> Stamp | None:
        """The stamp of a published folder, or None when there is none (or it is unreadable)."""
        try:
            data: dict[str, Any] = json.loads((folder / STAMP).read_text(encoding="utf-8"))
            return cls(**data)
        except (OSError, ValueError, TypeError):
            return None


def output_folder(project: Project, meeting: Path) -> Path:
    """Where a meeting file's outputs are published (its series and date are its path)."""
    return project.meeting_dir(meeting.parent.name, meeting.stem)


def is_current(project: Project, meeting: Path, pdf: bool) -> bool:
    """Whether the published outputs of ``meeting`` are those its inputs would make now."""
    return current_state(project, meeting, pdf) is not None


def current_state(project: Project, meeting: Path, pdf: bool) -> Stamp | None:
    """The stamp of ``meeting``'s published outputs when nothing is left to build, else None.

    Nothing is, when they were made from its inputs as they are now, or when a build of
    these inputs was held back as final minutes (the stamp's ``held`` says so).
    """
    stamp = Stamp.read(output_folder(project, meeting))
    if stamp is None:  # nothing public: current if its internal version is all there is
        stamp = Stamp.read(project.internal_dir(meeting.parent.name, meeting.stem))
        if stamp is None or not stamp.alone:
            return None
    if stamp.inputs is None:
        return None
    extra = stamp.extra
    internal = Stamp.read(project.internal_dir(meeting.parent.name, meeting.stem))
    if internal is not None and not internal.alone:
        # an internal version beside the public one: its stamp lists every file the meeting
        # names, confidential ones too (the public stamp says nothing of it)
        if internal.inputs != stamp.inputs:
            return None
        extra = internal.extra
    elif stamp.internal:  # written before stamps kept quiet about it, and it is gone
        return None
    if stamp.numbering is not None:  # a protocol: a meeting added before it renumbers it
        year = meeting.stem[:4]
        earlier = [
            project.relative(p)
            for p in earlier_files(meeting.parent, meeting.stem)
            if p.stem[:4] == year
        ]
        if earlier != stamp.numbering:
            return None
    if stamp.history is not None:  # its template read the earlier meetings: one more counts
        # (as the template reads them: the meetings of earlier days)
        earlier = [project.relative(p) for p in earlier_files(meeting.parent, meeting.stem[:10])]
        if earlier != stamp.history:
            return None
    inputs = Inputs(
        meeting,
        project.root / stamp.template
        if stamp.template
        else project.template_for(meeting.parent.name),
        tuple(project.root / p for p in extra),
        pdf,
    )
    digests = [inputs.digest(project)]
    if not pdf:  # a build with a PDF also serves a request without one (a quick preview)
        digests.append(replace(inputs, pdf=True).digest(project))
    if stamp.inputs in digests:
        return replace(stamp, held=None, held_why="")
    return stamp if stamp.held in digests else None

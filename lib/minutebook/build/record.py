"""Final minutes are records: nothing but their own meeting file changes what they say.

Two things could otherwise rewrite minutes after the meeting approved them, silently:

- **Data.** A data file is usually shared by the meetings of a series (the next quarter is
  appended to the same CSV). When a meeting is built as ``final``, each file it names under
  ``data:`` is copied to ``params/<series>/<date>.data/`` (with ``sources.json``, where each
  copy came from and its SHA-256), and from then on its template reads the copies. They
  are inputs like the meeting file: a build from ``params/`` alone gives the same minutes.
  ``build --republish`` copies the files again.
- **Everything else**: the template, minutebook itself, ``series.yaml``, attachments. The
  stamp of a final build records a digest of the text of the minutes (every version's page
  text, the words of its charts and tables included, and the attached files' bytes). A
  later build of a final meeting publishes only when that text is unchanged — layout and
  accessibility fixes reach old minutes — or when the meeting has a ``corrections:`` entry
  the published minutes do not: a visible correction, made in the meeting file (the
  secretary's own change, as the guides say) or, for a change from elsewhere, asked for
  with ``build --republish``. Otherwise the build keeps the published minutes and says
  which and why; its stamp remembers the inputs it held back, so the next build does not
  try again until something changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import say
from ..paths import beside
from .inputs import Stamp, file_hash

if TYPE_CHECKING:  # the model takes a fifth of a second to load: not for a no-op build
    from ..meeting.model import Meeting

FROZEN = ".data"
SOURCES = "sources.json"


def frozen_folder(meeting_file: Path) -> Path:
    """Where a final meeting keeps its copies of its data files."""
    return beside(meeting_file, FROZEN)


def _sources(folder: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((folder / SOURCES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_sources(folder: Path, sources: dict[str, dict[str, str]]) -> None:
    """Write ``sources.json``, when what it says changed.

    A build that copies nothing writes nothing under ``params/``: a preview watching the
    folder would take the write for a save, and render again.
    """
    text = json.dumps(sources, indent=1, sort_keys=True) + "\n"
    path = folder / SOURCES
    with contextlib.suppress(OSError):
        if path.read_text(encoding="utf-8") == text:
            return
    path.write_text(text, encoding="utf-8")


def freeze(
    meeting_file: Path, meeting: Meeting, *, refresh: bool = False
) -> dict[str, dict[str, Any]]:
    """The data files the template reads, with how to read them: ``{name: {file, …}}``.

    A final meeting reads its frozen copies. A copy is made the first time, when the
    meeting names another file under a name than the copy came from (the meeting file
    changed: the secretary's own change), and for every file with ``refresh``. Paths are
    relative to the series folder, as in ``data:``. Any other meeting reads its files.
    """
    files = meeting.data_files()
    read = {name: {"file": f.file, **f.options()} for name, f in files.items()}
    if meeting.status != "final" or not files:
        return read
    series = meeting_file.parent
    folder = frozen_folder(meeting_file)
    sources = _sources(folder)
    for name, entry in files.items():
        copy = folder / f"{name}{Path(entry.file).suffix.lower()}"
        known = sources.get(name, {})
        if refresh or known.get("from") != entry.file or not copy.is_file():
            folder.mkdir(exist_ok=True)
            shutil.copyfile(series / entry.file, copy)  # the meeting was read: it is there
            sources[name] = {"from": entry.file, "copy": copy.name, "sha256": file_hash(copy)}
        read[name]["file"] = f"{folder.name}/{copy.name}"
    for name in set(sources) - set(files):  # named no more
        (folder / sources.pop(name)["copy"]).unlink(missing_ok=True)
    _write_sources(folder, sources)
    return read


def changed_data(files: Sequence[Path]) -> list[tuple[Path, str]]:
    """(final meeting, data file) for each copy whose original changed since, told once.

    Looks at the series of ``files``; each change is returned the first time it is seen
    (``sources.json`` remembers it), so that a shared file growing every quarter is one
    line when it grows, not one on every build.
    """
    found = []
    for series in sorted({path.parent for path in files}):
        for sources_file in sorted(series.glob(f"*{FROZEN}/{SOURCES}")):
            sources = _sources(sources_file.parent)
            meeting = series / (sources_file.parent.name.removesuffix(FROZEN) + ".yaml")
            told = False
            for entry in sources.values():
                live = series / entry.get("from", "")
                now = file_hash(live) if live.is_file() else "missing"
                if now not in (entry.get("sha256"), entry.get("told")):
                    found.append((meeting, entry["from"]))
                    entry["told"] = now
                    told = True
            if told:
                _write_sources(sources_file.parent, sources)
    return found


# -- the text of the minutes -----------------------------------------------------------------


def minutes_main(html: str) -> Any:
    """A page's ``main`` as an lxml element, with only what the minutes say left in it.

    Styles, scripts, the navigation between meetings and the links to copy beside the
    headings are not what the minutes say (the search indexes the same, see
    :mod:`minutebook.archive.records`).
    """
    import lxml.html

    root = lxml.html.document_fromstring(html)
    main = next(iter(root.iter("main")), root)
    dropped = [*main.iter("style", "script", "nav"), *main.find_class("mb-permalink")]
    for element in dropped:
        if element.getparent() is not None:  # not inside one dropped already
            element.drop_tree()
    return main


def page_text(html: str) -> str:
    """What a page says: the text of its ``main``, alternative texts included, in one line.

    Whitespace is not what it says either.
    """
    main = minutes_main(html)
    words = list(main.itertext())  # each piece apart: markup between words is not text
    words += [str(alt) for alt in main.xpath(".//@alt | .//@aria-label")]
    return " ".join(" ".join(words).split())


def text_digest(pages: list[str], attached: list[Path]) -> str:
    """One digest of what every version of the minutes says, and of the files attached."""
    digest = hashlib.sha256()
    for html in pages:
        digest.update(page_text(html).encode())
        digest.update(b"\0")
    for path in sorted(attached):
        digest.update(file_hash(path).encode())
    return digest.hexdigest()


def may_republish(meeting: Meeting, published: Stamp | None) -> bool:
    """Whether ``build --republish`` may change the published final minutes of ``meeting``.

    It may when nothing final is out yet, or when the meeting has a correction that no
    earlier republishing used: each republishing is accounted for in the visible log.
    """
    if published is None or not published.final:
        return True
    return len(meeting.corrections) > published.republished


@dataclass(frozen=True)
class Verdict:
    """Whether a build of a final meeting may replace what is published."""

    publish: bool
    why: str = ""  # when held back: why, and what to do


def judge(
    published: Stamp | None, meeting: Meeting, source: str, text: str, *, file: str
) -> Verdict:
    """Whether new minutes of ``meeting`` (text digest ``text``) may replace ``published``.

    They may when nothing final is out, when they say the same, or when the meeting file
    changed and has a correction the published minutes do not (the secretary's own
    correction). ``source`` is the meeting file's hash now. A republishing is decided
    before the build (:func:`may_republish`) and does not come here.
    """
    if published is None or not published.final or published.text in (None, text):
        return Verdict(True)
    if published.source != source:
        if len(meeting.corrections) > published.corrections:
            return Verdict(True)
        return Verdict(
            False,
            say("final.kept_file", file=file),
        )
    return Verdict(
        False,
        say("final.kept_inputs", file=file),
    )

"""Build many meetings: only those whose inputs changed, in parallel, each failure on its own.

Worker threads share one Chromium (started once per run) and each runs
:func:`~minutebook.build.meeting.build_meeting`; the heavy work happens in kernel and browser
processes, so threads are enough to keep every core busy. A failure is recorded with its
one-line message and the other meetings go on.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import MeetingFileError, MinutebookError
from ..i18n import say
from ..paths import Project
from .inputs import current_state

if TYPE_CHECKING:
    from .cluster import Cluster
    from .warm import Spare


@dataclass
class Outcome:
    """What became of one meeting file."""

    path: Path
    folder: Path | None = None  # published (also when the PDF is missing)
    error: MinutebookError | None = None
    older_pdf: bool = False  # built without a PDF, the earlier one kept
    held: str = ""  # final minutes kept as published: why
    page: Path | None = None  # the page to open: the minutes, or the kallelse

    @property
    def word(self) -> str:
        """What became of it, as the progress line says it."""
        if self.error is not None:
            return say("run.failed")
        if self.held:
            return say("run.kept")
        return say("run.built_older_pdf") if self.older_pdf else say("run.built")


@dataclass
class Report:
    """What a run did, for its summary and exit status."""

    done: list[Outcome] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    held_before: list[str] = field(default_factory=list)  # why, for up-to-date ones held
    closing: list[threading.Thread] = field(default_factory=list)  # Chromium, kernels: stopping

    def finish(self) -> None:
        """Wait for what the run started to stop (see ``linger`` in :func:`build_many`)."""
        for thread in self.closing:
            thread.join()

    @property
    def failed(self) -> list[Outcome]:
        """The outcomes with an error, in the order the files were given."""
        return [o for o in self.done if o.error is not None]

    @property
    def built(self) -> list[Outcome]:
        """The outcomes built as asked: published, and no error."""
        return [o for o in self.done if o.folder is not None and o.error is None and not o.held]

    @property
    def held(self) -> list[Outcome]:
        """Final minutes kept as they were published (see minutebook.build.record)."""
        return [o for o in self.done if o.held]

    @property
    def published(self) -> list[Outcome]:
        """The outcomes that published something (a meeting without its PDF too)."""
        return [o for o in self.done if o.folder is not None and not o.held]

    @property
    def older_pdfs(self) -> list[Outcome]:
        """Meetings built without a PDF that kept the one of an earlier build."""
        return [o for o in self.built if o.older_pdf]

    def summary(self) -> str:
        """``2 built, 98 up to date, 1 failed``."""
        text = say("run.summary", built=len(self.built), current=len(self.up_to_date))
        held = len(self.held) + len(self.held_before)
        text += say("run.summary_held", n=held) if held else ""
        return text + (say("run.summary_failed", n=len(self.failed)) if self.failed else "")

    def exit_status(self, batch: bool) -> int:
        """0, or 1 when anything failed; 2 for a single build whose meeting file is bad."""
        if not self.failed:
            return 0
        only_bad_files = all(isinstance(o.error, MeetingFileError) for o in self.failed)
        return 2 if only_bad_files and not batch else 1


class Progress:
    """A progress bar on a terminal; one plain line per meeting anywhere else (CI, logs)."""

    def __init__(self, project: Project, stream: TextIO | None = None) -> None:
        self.project = project
        self.stream = stream or sys.stderr
        self.total = 0
        self.count = 0
        self._bar: Any = None
        self._task: Any = None

    def start(self, total: int) -> None:
        """Begin a run of ``total`` builds."""
        self.total, self.count = total, 0
        if total and self.stream.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            self._bar = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(say("run.building"), total=total)

    def advance(self, outcome: Outcome) -> None:
        """One build finished."""
        self.count += 1
        name = self.project.relative(outcome.path)
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=name)
            if outcome.error is not None:
                self._bar.console.print(f"[red]{say('run.failed')}[/red] {name}", highlight=False)
            return
        print(f"[{self.count}/{self.total}] {outcome.word} {name}", file=self.stream, flush=True)

    def stop(self) -> None:
        """End the run."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _warm_up(ahead: Sequence[Callable[[], object]], later: threading.Event) -> None:
    """What every build needs, loaded while kernels and Chromium start: in the order needed.

    Papermill runs the template first; the exporter renders the page (its import and
    template take half a second); pypdf finishes the printed PDF. What the caller needs
    after the run (``ahead``) waits for ``later`` — the first print, or the run's end: until
    the template has run, this process's time (one interpreter lock for all its threads)
    goes to the kernel's messages. A failure here is left for the build itself to report.
    """
    from .render import warm_up

    first: list[Callable[[], object]] = [
        lambda: __import__("papermill"),
        warm_up,
        lambda: __import__("pypdf"),
    ]
    for step in first:
        with contextlib.suppress(Exception):
            step()
    later.wait()
    for step in ahead:
        with contextlib.suppress(Exception):
            step()


def default_workers() -> int:
    """Meetings built at once: two per core.

    A meeting spends about half its build waiting — for its kernel to answer, for Chromium
    to print — so one per core leaves the cores idle half the time (measured: 40 meetings
    on 2 cores, 0.63 s a meeting with 2 at once, 0.50 s with 4, 0.56 s with 6; see
    docs/performance.md). Past 16 more than the cores, memory matters more than the gaps.
    """
    cores = os.cpu_count() or 1
    return min(2 * cores, cores + 16)


def build_many(
    project: Project,
    files: Sequence[Path],
    *,
    force: bool = False,
    pdf: bool = True,
    workers: int | None = None,
    timeout: int | None = None,
    progress: Progress | None = None,
    build: Callable[..., Any] | None = None,
    republish: bool = False,
    resign: bool = False,
    linger: bool = False,
    spare: Spare | None = None,
    ahead: Sequence[Callable[[], object]] = (),
    cluster: Callable[[], Cluster] | None = None,
) -> Report:
    """Build every meeting in ``files`` whose inputs changed (all of them with ``force``).

    Args:
        project: the project.
        files: meeting files.
        force: rebuild even what is up to date.
        pdf: print PDFs (one Chromium for the whole run).
        workers: builds at once (default: :func:`default_workers`).
        timeout: seconds a single template cell may run (default: each template's own).
        progress: where to show progress.
        build: the function that builds one meeting (tests pass their own).
        republish: let final minutes change, with a new correction (and rebuild them).
        resign: let signed minutes change, setting their signatures aside.
        linger: return while Chromium and a spare kernel are still stopping (they stop
            in threads the process waits for before it exits, or :meth:`Report.finish`), so
            the archive is updated meanwhile.
        spare: a kernel started ahead for the only meeting in ``files``
            (:class:`~minutebook.build.warm.Spare`); the run stops it if unused.
        ahead: what the caller will need after the run, to load while it waits for its
            kernels (the command line: the archive's templates).
        cluster: makes the Dask cluster whose workers run the templates and print the
            PDFs (:mod:`minutebook.build.cluster`), once there is something to build; the
            rest of each build stays here.
    """
    report = Report()
    todo = []
    # the same file named twice (or as params/x/../x/d.yaml) is one meeting, built once
    unique = {os.path.normpath(path.absolute()): path for path in files}
    for path in unique.values():
        state = None if force or republish else current_state(project, path, pdf)
        if state is not None:
            report.up_to_date.append(path)
            if state.held_why:
                report.held_before.append(state.held_why)
            # a run that failed before the inputs came back to these is over
            project.failed_notebook(path.parent.name, path.stem).unlink(missing_ok=True)
        else:
            todo.append(path)
    if not todo:
        if spare is not None:
            spare.close()
        return report

    from .browser import Printer
    from .meeting import build_meeting

    run = build or build_meeting
    remote = cluster() if cluster is not None else None
    printer: Any = None  # started by the first meeting that is valid
    if pdf:
        printer = remote.printer() if remote is not None else Printer()
    # many meetings: their kernels are forked from one that has imported what they import
    count = (remote.slots() if remote is not None else workers) or default_workers()
    zygote = build is None and len(todo) > 1 and remote is None
    progress = progress or Progress(project)
    progress.start(len(todo))
    outcomes: dict[Path, Outcome] = {}

    options: dict[str, Any] = {"republish": True} if republish else {}
    if resign:
        options["resign"] = True
    if zygote:
        options["fork"] = True
    if remote is not None:
        options["remote"] = remote
    if remote is None and build is None and len(todo) == 1:  # its kernel starts while read
        from .warm import kernel_for

        spare = spare or kernel_for(todo[0], project)
        options["spare"] = spare
    elif spare is not None:  # not one meeting to build after all
        spare.close()
        spare = None

    def one(path: Path) -> Outcome:
        try:
            built = run(path, project, printer, timeout=timeout, **options)
            return Outcome(
                path, built.folder, older_pdf=built.older_pdf, held=built.held, page=built.page
            )
        except MinutebookError as error:
            published = getattr(error, "published", None)
            return Outcome(path, folder=published, error=error)
        except Exception as error:  # a bug must not stop the other meetings either
            name = project.relative(path)
            bug = MinutebookError(
                say("run.internal", file=name, name=type(error).__name__, error=error)
            )
            return Outcome(path, error=bug)

    # nbconvert and its template take half a second to load: do it while they start, too;
    # what the caller needs after waits for the first print, if there is one here to wait for
    if isinstance(printer, Printer):
        later = printer.printing
    else:
        later = threading.Event()
        later.set()
    warming = (ahead, later)
    threading.Thread(target=_warm_up, args=warming, name="minutebook-warm-up", daemon=True).start()
    try:  # from here on `later` is set whatever happens: the warm-up never waits for ever
        with ThreadPoolExecutor(max_workers=count) as pool:
            futures = [pool.submit(one, path) for path in todo]
            for future in as_completed(futures):
                outcome = future.result()
                outcomes[outcome.path] = outcome
                progress.advance(outcome)
    finally:
        later.set()
        progress.stop()
        if zygote:
            from .zygote import Zygote

            Zygote.stop_shared()
        stopping = [printer.close] if printer else []
        stopping += [spare.close] if spare else []
        stopping += [remote.close] if remote else []
        for stop in stopping:
            thread = threading.Thread(target=stop, name="minutebook-closing")
            thread.start()  # not a daemon: the process waits for it before it exits
            report.closing.append(thread)
        if not linger:
            report.finish()
    report.done = [outcomes[path] for path in todo]
    return report

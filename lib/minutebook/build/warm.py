"""A kernel started ahead, its template's imports done, for a meeting not yet known.

Starting a kernel is about half a second and importing pandas and matplotlib in it about
as much again: most of the wait between saving a meeting file and seeing its minutes. A
:class:`Spare` starts the next kernel while the current one runs and imports in it what the
template imports (read from its code cells, not run), so the next render finds it ready.

Each kernel still runs one meeting and is shut down after: a spare has run nothing but
``import`` statements, which change no output (a test compares the pages byte for byte).
"""

from __future__ import annotations

import ast
import concurrent.futures
import contextlib
import json
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jupyter_core.utils import ensure_event_loop, run_sync
from traitlets.config import Config

from ..paths import SERIES_FILE, Project
from .kernel import IPCKernelManager

START_TIMEOUT = 60  # seconds for a kernel to start and import


def template_imports(template: Path) -> list[str]:
    """The modules the template's code cells import, in order: ``pandas``, ``minutebook.nb``….

    A template that imports minutebook gets what minutebook imports to show data
    (:data:`minutebook.nb.AHEAD`) too.
    """
    try:
        nb = json.loads(template.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found: list[str] = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", []))
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue  # a magic, or a broken cell: the run itself reports it
        for node in tree.body:  # only what the cell does first thing, not in a function
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                if name not in found:  # whole: minutebook.nb, not just minutebook
                    found.append(name)
    if any(name.split(".")[0] == "minutebook" for name in found):  # and what it shows data with
        from ..nb import AHEAD

        found += [name for name in AHEAD if name not in found]
    return found


def likely_template(path: Path, project: Project) -> Path:
    """The template the meeting in ``path`` will most likely run, known before it is read.

    Its series' choice, else the series' own or the default one: a guess, so that a kernel
    can start while the meeting is validated. A wrong guess costs a kernel started for
    nothing (:meth:`Spare.take` will not hand it out), never a wrong output. The settings
    are parsed only when ``series.yaml`` has a ``template:`` line at all: the model they are
    read with takes longer to import than a kernel takes to launch.
    """
    settings = path.parent / SERIES_FILE
    try:
        chooses = re.search(r"^template\s*:", settings.read_text(encoding="utf-8"), re.M)
    except (OSError, ValueError):
        chooses = None
    if chooses:
        from ..meeting.series import load_series

        try:
            chosen = load_series(path, path.name)
        except Exception:  # the build reports the series' errors, at their lines
            chosen = None
        if chosen is not None and chosen.template:
            return project.notebooks / f"{chosen.template}.ipynb"
    return project.template_for(path.parent.name)


def kernel_for(path: Path, project: Project) -> Spare | None:
    """A kernel started now, for the one meeting in ``path`` (none if there is no such file)."""
    return (
        Spare(path.parent, likely_template(path, project), again=False) if path.is_file() else None
    )


async def _start(cwd: Path, template: Path) -> IPCKernelManager:
    km = IPCKernelManager(
        kernel_name="python3", config=Config({"IPCKernelManager": {"kernel_cwd": str(cwd)}})
    )
    try:
        await km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=START_TIMEOUT)
            if imports := template_imports(template):
                # one try each: a template's optional import that fails here fails in its run
                code = "\n".join(
                    f"try:\n    import {m}\nexcept Exception:\n    pass" for m in imports
                )
                await kc.execute_interactive(code, store_history=False, timeout=START_TIMEOUT)
        finally:
            kc.stop_channels()
    except BaseException:  # failed, or cancelled (Spare.close): a kernel no one will stop
        with contextlib.suppress(Exception):
            await km.shutdown_kernel(now=True)
        raise
    return km


def shut_down(km: Any) -> None:
    """Stop a kernel at once: its outputs are in already."""
    with contextlib.suppress(Exception):
        run_sync(km.shutdown_kernel)(now=True)


class Spare:
    """The next kernel for a template in ``cwd``, started ahead in a thread of its own.

    ``again``: after one is taken, start the next (the preview renders again and again); a
    single build takes one and wants no other competing with it for the cores.
    """

    def __init__(self, cwd: Path, template: Path, *, again: bool = True) -> None:
        self.cwd = cwd
        self.template = template
        self.again = again
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="spare")
        self._next: concurrent.futures.Future[IPCKernelManager] | None = None
        self._cancel: Callable[[], object] | None = None
        self._lock = threading.Lock()
        self._ahead()

    def _ahead(self) -> None:
        self._next = self._pool.submit(self._start, self.template)

    def _start(self, template: Path) -> IPCKernelManager:
        """Start a kernel on this thread's loop, as a task :meth:`close` can cancel."""
        loop = ensure_event_loop()
        task = loop.create_task(_start(self.cwd, template))
        self._cancel = lambda: loop.call_soon_threadsafe(task.cancel)
        try:
            return loop.run_until_complete(task)
        finally:
            self._cancel = None

    def take(self, template: Path) -> IPCKernelManager | None:
        """The kernel started ahead, and the next one on its way; None if it did not start.

        A template other than the one it was started for (the series chose another) gets
        none: its imports are not those done.
        """
        with self._lock:
            ready, self._next = self._next, None
        if template != self.template:
            self.template = template
            if ready is not None:
                self._pool.submit(lambda: shut_down(ready.result()))
            if self.again:
                self._ahead()
            return None
        if self.again:
            self._ahead()
        if ready is None:
            return None
        try:
            return ready.result(timeout=START_TIMEOUT)
        except Exception:
            return None

    def close(self) -> None:
        """Stop the kernel waiting, if any, at once: nothing is left running.

        A kernel still starting is cancelled rather than waited for: a build that ends
        early (the meeting is up to date, or its file has errors) does not wait a second
        for a kernel it will not use.
        """
        with self._lock:  # closed twice at once (by a run, and by the command ending): once
            waiting, self._next = self._next, None
        if waiting is not None and not waiting.cancel():
            cancel = self._cancel
            if cancel is not None and not waiting.done():
                cancel()
            with contextlib.suppress(BaseException):
                shut_down(waiting.result(timeout=START_TIMEOUT))
        self._pool.shutdown(wait=True)

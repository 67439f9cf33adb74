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
from pathlib import Path
from typing import Any

from jupyter_core.utils import run_sync
from traitlets.config import Config

from .execute import IPCKernelManager

START_TIMEOUT = 60  # seconds for a kernel to start and import


def template_imports(template: Path) -> list[str]:
    """The modules the template's code cells import, in order: ``pandas``, ….

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
                top = name.split(".")[0]
                if top not in found:
                    found.append(top)
    if "minutebook" in found:  # and what minutebook imports to show data
        from ..nb import AHEAD

        found += [name for name in AHEAD if name not in found]
    return found


async def _start(cwd: Path, imports: list[str]) -> IPCKernelManager:
    km = IPCKernelManager(
        kernel_name="python3", config=Config({"IPCKernelManager": {"kernel_cwd": str(cwd)}})
    )
    await km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=START_TIMEOUT)
        if imports:
            # one try per module: a template's optional import that fails here fails in its run
            code = "\n".join(f"try:\n    import {m}\nexcept Exception:\n    pass" for m in imports)
            await kc.execute_interactive(code, store_history=False, timeout=START_TIMEOUT)
    except BaseException:
        await km.shutdown_kernel(now=True)  # a kernel that is not ready is no one's to stop
        raise
    finally:
        kc.stop_channels()
    return km


def shut_down(km: Any) -> None:
    """Stop a kernel at once: its outputs are in already."""
    with contextlib.suppress(Exception):
        run_sync(km.shutdown_kernel)(now=True)


class Spare:
    """The next kernel for a template in ``cwd``, started ahead in a thread of its own."""

    def __init__(self, cwd: Path, template: Path) -> None:
        self.cwd = cwd
        self.template = template
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="spare")
        self._next: concurrent.futures.Future[IPCKernelManager] | None = None
        self._ahead()

    def _ahead(self) -> None:
        imports = template_imports(self.template)
        self._next = self._pool.submit(lambda: run_sync(_start)(self.cwd, imports))

    def take(self, template: Path) -> IPCKernelManager | None:
        """The kernel started ahead, and the next one on its way; None if it did not start.

        A template other than the one it was started for (the series chose another) gets
        none: its imports are not those done.
        """
        ready, self._next = self._next, None
        if template != self.template:
            self.template = template
            if ready is not None:
                self._pool.submit(lambda: shut_down(ready.result()))
            self._ahead()
            return None
        self._ahead()
        if ready is None:
            return None
        try:
            return ready.result(timeout=START_TIMEOUT)
        except Exception:
            return None

    def close(self) -> None:
        """Stop the kernel waiting, if any: nothing is left running."""
        waiting, self._next = self._next, None
        if waiting is not None:
            with contextlib.suppress(Exception):
                shut_down(waiting.result(timeout=START_TIMEOUT))
        self._pool.shutdown(wait=True)

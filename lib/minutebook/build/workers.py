"""What a Dask worker runs for a build: a template's run, a page's print (see :mod:`.cluster`).

Imported on the workers (and by the client registering :class:`BuildPlugin`), never by a
local build. Each task gets everything it needs as values and sends back bytes: the worker
shares no folder with the client.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import MinutebookError, TemplateError
from ..i18n import say
from ..paths import NOTEBOOK
from .browser import PageSetup, Printer

_printer: list[Printer] = []
_printer_lock = threading.Lock()


def _worker_printer() -> Printer:
    with _printer_lock:
        if not _printer:
            _printer.append(Printer())
        return _printer[0]


class BuildPlugin(WorkerPlugin):
    """Stops what a worker started for builds when the worker closes.

    Its Chromium (started by its first print) and its zygote (started by its first run:
    the worker forks its kernels as a local batch does, see :mod:`.zygote`).
    """

    name = "minutebook-build"
    idempotent = True  # a second build on the cluster must not stop the first one's tools

    def setup(self, worker: Any) -> None:
        """Nothing to start yet: a worker that is given nothing starts nothing."""

    def teardown(self, worker: Any) -> None:
        """Stop the worker's Chromium and zygote, if it started them."""
        from .zygote import Zygote

        with _printer_lock:
            for printer in _printer:
                with contextlib.suppress(Exception):
                    printer.close()
            _printer.clear()
        Zygote.stop_shared()


@dataclass(frozen=True)
class Ran:
    """What a template's run on a worker sent back."""

    notebook: bytes | None  # the executed notebook, as written (also a failed one, if any)
    error: str | None = None  # the run failed: its one-line message


def run_there(
    files: dict[str, bytes],
    template: str,
    cwd: str,
    parameters: dict[str, Any],
    *,
    timeout: int,
    name: str,
    metadata: dict[str, Any] | None,
    internal: bool,
) -> Ran:
    """Run a template on this worker, in a folder made of ``files`` (project-relative)."""
    from .execute import run_template

    # the task's folder is its project, whatever project this worker was started beside
    os.environ.pop("MINUTEBOOK_ROOT", None)
    with tempfile.TemporaryDirectory(prefix="minutebook-task-") as folder:
        root = Path(folder)
        for relative, data in files.items():
            target = (root / relative).resolve()
            if not target.is_relative_to(root.resolve()):
                raise MinutebookError(say("dask.outside", file=relative))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        output = root / ".out" / NOTEBOOK
        output.parent.mkdir()
        (root / cwd).mkdir(parents=True, exist_ok=True)
        try:
            run_template(
                root / template,
                parameters,
                output,
                cwd=root / cwd,
                timeout=timeout,
                name=name,
                metadata=metadata,
                internal=internal,
                fork=True,  # from this worker's zygote: its imports done once
            )
        except (TemplateError, OSError) as error:  # a full disk there, say: its one line
            return Ran(output.read_bytes() if output.exists() else None, str(error))
        return Ran(output.read_bytes())


def print_there(html: str, setup: PageSetup) -> bytes:
    """Print a page with this worker's Chromium."""
    return _worker_printer().pdf(html, setup)


def code_here() -> str:
    """The worker's minutebook and packages, as one hash (see ``code_fingerprint``)."""
    from .inputs import code_fingerprint

    return code_fingerprint()

"""Run a template notebook with Papermill, the meeting passed as its parameters.

The meeting arrives already validated, as JSON-typed values (``model_dump(mode="json")``),
so the kernel never sees a value the model did not accept. Failures come back as one
:class:`~minutebook.errors.TemplateError` naming the template's cell and the error.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from traitlets.config import Config

from ..errors import TemplateError
from ..i18n import say
from ..settings import CELL_TIMEOUT
from ..template.reads import READS
from .kernel import IPCKernelManager

_ERROR_BANNER = "papermill-error-cell-tag"


def _tags(cell: Any) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def cell_name(nb: Any, index: int) -> str:
    """Name a cell as the analyst counts it in the template: ``cell 5 (m.items())``."""
    # Papermill's index counts the cells it ran: not the error banner it adds on top.
    cells = [c for c in (nb.cells if nb is not None else []) if _ERROR_BANNER not in _tags(c)]
    injected = sum(1 for c in cells[:index] if "injected-parameters" in _tags(c))
    source = cells[index].source.strip().splitlines() if 0 <= index < len(cells) else []
    first = next((line for line in source if not line.startswith("#")), source[0] if source else "")
    return say("template.cell", n=index + 1 - injected) + (f" ({first[:60]})" if first else "")


def _timed_out_cell(template: Path, message: str) -> str:
    """The cell nbclient's timeout message quotes, named as :func:`_cell_name` names one."""
    import nbformat

    try:
        nb = nbformat.read(template, as_version=4)
    except (OSError, ValueError):
        return "a cell"
    quoted = [
        (len(c.source.strip()), i)
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and c.source.strip() and c.source.strip() in message
    ]
    return cell_name(nb, max(quoted)[1]) if quoted else "a cell"


INTERNAL_ONLY = "internal-only"


def has_internal_cells(template: Path) -> bool:
    """Whether a template has cells for the internal version only."""
    try:
        cells = json.loads(template.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return False
    return any(INTERNAL_ONLY in _tags(cell) for cell in cells)


def _without_internal_cells(template: Path) -> Any:
    """The template with its internal-only cells emptied (and left out of the page)."""
    import nbformat

    nb = nbformat.read(template, as_version=4)
    for cell in nb.cells:
        if INTERNAL_ONLY in _tags(cell):
            cell.source = ""
            cell.metadata["tags"] = ["remove-cell"]
    return nb


def template_settings(template: Path) -> dict[str, Any]:
    """What a template says of itself under its metadata's ``minutebook``.

    ``owner`` (text: who keeps it) and ``timeout`` (seconds a cell may run, a positive
    whole number); anything else there, or of another type, is left out.
    """
    try:
        metadata = json.loads(template.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError):
        return {}
    own = metadata.get("minutebook", {})
    own = own if isinstance(own, dict) else {}
    found: dict[str, Any] = {}
    if isinstance(own.get("owner"), str) and own["owner"].strip():
        found["owner"] = own["owner"].strip()
    timeout = own.get("timeout")
    if isinstance(timeout, int) and not isinstance(timeout, bool) and timeout > 0:
        found["timeout"] = timeout
    return found


def who_fixes(template: str, owner: str | None) -> str:
    """Tell the secretary that the template, not the meeting, must change, and by whom."""
    if owner:
        return say("template.ask_owner", owner=owner, template=template)
    return say("template.ask_keeper", template=template)


def run_template(
    template: Path,
    meeting: dict[str, Any],
    output: Path,
    *,
    cwd: Path,
    timeout: int = CELL_TIMEOUT,
    name: str | None = None,
    metadata: dict[str, Any] | None = None,
    internal: bool = False,
    kernel: Any = None,
    fork: bool = False,
) -> Any:
    """Execute ``template`` for ``meeting``; write the executed notebook to ``output``.

    Args:
        template: the series' template notebook.
        meeting: the (public) meeting, JSON-typed.
        output: where the executed notebook goes (also when the run fails).
        cwd: the kernel's working directory (the meeting's series folder, where its data is).
        timeout: seconds a single cell may run before the run is abandoned.
        name: the template as it is named in messages (and in the notebook's metadata).
        metadata: what to record under the notebook's ``minutebook`` metadata.
        internal: the internal version: cells tagged ``internal-only`` run (in any other
            they are emptied before the kernel sees them, keeping the cells' numbers).
        kernel: a kernel started ahead (its manager: :class:`~minutebook.build.warm.Spare`)
            to run it in, shut down after; by default one is started for it.
        fork: start that kernel by forking the run's zygote (:mod:`minutebook.build.zygote`),
            which has imported what kernels import, rather than as a new Python.

    Returns:
        The executed notebook (an ``nbformat.NotebookNode``).

    Raises:
        TemplateError: a cell raised, timed out, or the kernel died or did not start.

    """
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    label = name or str(template)
    logging.getLogger("papermill").setLevel(logging.WARNING)
    started = {"km": kernel} if kernel is not None else {}
    try:
        nb = papermill.execute_notebook(
            str(template) if internal else _without_internal_cells(template),
            str(output),
            parameters={"meeting": meeting},
            kernel_name="python3",
            progress_bar=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            kernel_manager_class=IPCKernelManager,
            shutdown_kernel="immediate",  # nothing to flush: the outputs are in already
            config=Config({"IPCKernelManager": {"kernel_cwd": str(cwd), "fork": fork}}),
            **started,
        )
    except PapermillExecutionError as error:
        nb = nbformat.read(output, as_version=4) if output.exists() else None
        cell = cell_name(nb, error.cell_index)
        failed = f"{error.ename}: {error.evalue}"
        raise TemplateError(
            say("template.cell_failed", template=label, cell=cell, error=failed)
        ) from None
    except CellTimeoutError as error:
        cell = _timed_out_cell(template, str(error))
        raise TemplateError(
            say("template.timeout", template=label, cell=cell, seconds=timeout)
        ) from None
    except DeadKernelError:
        raise TemplateError(say("template.kernel_died", template=label)) from None
    except (OSError, RuntimeError, ValueError) as error:
        raise TemplateError(say("template.cannot_run", template=label, error=error)) from None
    finally:
        if kernel is not None:  # not Papermill's to stop: it did not start it
            from .warm import shut_down

            shut_down(kernel)
    # Papermill records the paths it ran with: the published notebook names no folder of
    # the machine that built it.
    nb.metadata.papermill.update(input_path=label, output_path=output.name)
    _without_timings(nb)
    if metadata:
        nb.metadata["minutebook"] = metadata
    nbformat.write(nb, output)
    return nb


_TIMINGS = ("start_time", "end_time", "duration")


def _without_timings(nb: Any) -> None:
    """Take out when each cell ran: the same meeting must give the same notebook anywhere.

    Papermill and the kernel record clock times and durations in the notebook's and every
    cell's metadata; nothing on the page depends on them.
    """
    for key in _TIMINGS:
        nb.metadata.get("papermill", {}).pop(key, None)
    for cell in nb.cells:
        if "injected-parameters" in _tags(cell):  # Papermill gives it a random id
            cell["id"] = "injected-parameters"
        cell.metadata.pop("execution", None)
        for key in _TIMINGS:
            cell.metadata.get("papermill", {}).pop(key, None)


def take_reads(nb: Any) -> set[str]:
    """What the template told the build it read besides its meeting (``earlier meetings``).

    Those outputs are taken out of ``nb`` (the notebook to render): they are for the build,
    not the page. The published notebook keeps them.
    """
    found = set()
    for cell in nb.cells:
        told = [o for o in cell.get("outputs", []) if READS in o.get("data", {})]
        if told:
            found |= {str(o["data"][READS].get("reads")) for o in told}
            cell["outputs"] = [o for o in cell["outputs"] if o not in told]
    return found

"""Build meetings on a Dask cluster: the kernels and the browsers where the cores are.

``minutebook build --executor dask`` starts a ``LocalCluster`` of worker processes;
``--scheduler tcp://host:8786`` uses a running ``dask.distributed`` cluster. The build of
a meeting stays what it is (:func:`~minutebook.build.meeting.build_meeting`, on the
client): reading and validating it, deciding whether to build it, the meeting's JSON,
its Word copies, publishing and the archive. Two of its steps run as tasks on the
workers instead, with everything they need sent along and their results sent back as
bytes, so that no file system is shared:

- **running the template** (:func:`~minutebook.build.workers.run_there`): the template,
  the meeting as parameters, and the files its kernel may read (the meeting's series
  settings, its data files, the earlier meetings of its series) travel; the executed
  notebook comes back;
- **printing a page** (:func:`~minutebook.build.workers.print_there`): the page's HTML
  travels; the PDF comes back, printed by the worker's own Chromium, started by its first
  print and kept for the worker's life (:class:`~minutebook.build.workers.BuildPlugin`).

A worker runs each template in a kernel of its own, forked from the worker's zygote as in a
local batch (:mod:`minutebook.build.zygote`).

Nothing of Dask is imported until a cluster is asked for: a local build does not pay for it.

A worker lost in the middle of a meeting (its process killed, its machine gone) makes
the scheduler try the task once more elsewhere (``allowed-failures``); a meeting that loses
a worker twice fails alone, with its own line in the summary.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import MinutebookError, TemplateError
from ..i18n import say
from ..paths import SERIES_FILE, SITE_FILE, Project, earlier_files
from .browser import PageSetup, first_line

if TYPE_CHECKING:
    from .plan import Plan

ALLOWED_FAILURES = 1  # a task whose worker was lost is tried once more on another


class Cluster:
    """The client's side of a Dask cluster: a local one it started, or one it joined."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise MinutebookError(say("dask.missing")) from None

        dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES})
        self._cluster = None
        try:
            if scheduler:
                # as long as Dask's own setting says (distributed.comm.timeouts.connect)
                wait = dask.config.get("distributed.comm.timeouts.connect")
                self.client = Client(scheduler, timeout=wait)
            else:
                self._cluster = LocalCluster(
                    n_workers=workers or default_local_workers(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=40,  # logging.ERROR: a build's output is its own
                )
                self.client = Client(self._cluster)
        except (OSError, TimeoutError, ValueError) as error:  # ValueError: not an address
            where = scheduler or "local"
            raise MinutebookError(say("dask.cannot_connect", where=where, error=error)) from None
        try:
            from .inputs import code_fingerprint
            from .workers import BuildPlugin, code_here

            self.client.register_plugin(BuildPlugin(), name=BuildPlugin.name)
            # every worker must build what this machine would: the same code and packages
            other = sorted(
                w for w, h in self.client.run(code_here).items() if h != code_fingerprint()
            )
        except Exception as error:  # minutebook missing on a worker, say
            self.close()
            raise MinutebookError(say("dask.worker_setup", error=first_line(error))) from None
        if other:
            self.close()
            raise MinutebookError(say("dask.other_code", workers=", ".join(other)))

    def slots(self) -> int:
        """Meetings to have in flight: two for each thread the workers have."""
        threads = sum(self.client.nthreads().values()) or 1
        return 2 * threads

    def run(
        self,
        project: Project,
        files: Sequence[Path],  # what the kernel may read: see inputs_of
        template: Path,
        parameters: dict[str, Any],
        output: Path,
        *,
        cwd: Path,
        timeout: int,
        name: str,
        metadata: dict[str, Any] | None,
        internal: bool,
    ) -> Any:
        """Run the template on a worker; the executed notebook, written to ``output`` here.

        Raises:
            TemplateError: it failed there (its notebook, if any, is at ``output``), or the
                worker running it was lost twice.
        """
        import nbformat

        sent = {project.relative(p): p.read_bytes() for p in (*files, template) if p.is_file()}
        from .workers import Ran, run_there

        future = self.client.submit(
            run_there,
            sent,
            project.relative(template),
            project.relative(cwd),
            parameters,
            timeout=timeout,
            name=name,
            metadata=metadata,
            internal=internal,
            pure=False,
        )
        ran: Ran = self._result(future, name)
        if ran.notebook is not None:
            output.write_bytes(ran.notebook)
        if ran.error is not None or ran.notebook is None:
            raise TemplateError(ran.error or say("template.kernel_died", template=name))
        return nbformat.reads(ran.notebook.decode("utf-8"), as_version=4)

    def _result(self, future: Any, name: str) -> Any:
        from distributed.scheduler import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            raise TemplateError(say("dask.worker_lost", template=name)) from None
        except MinutebookError:
            raise
        except Exception as error:  # the scheduler lost, the connection closed
            why = first_line(error)
            raise TemplateError(say("dask.task_failed", template=name, error=why)) from None

    def printer(self) -> RemotePrinter:
        """A printer whose pages are printed by the workers' browsers."""
        return RemotePrinter(self)

    def close(self) -> None:
        """Leave the cluster; a local one stops (its workers' browsers and kernels too)."""
        with contextlib.suppress(Exception):
            self.client.close()
        if self._cluster is not None:
            with contextlib.suppress(Exception):
                self._cluster.close()


class RemotePrinter:
    """:class:`~minutebook.build.browser.Printer`'s interface, printing on the workers."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster

    def start(self) -> None:
        """The workers start their browsers themselves, with their first page."""

    def pdf(self, html: str, setup: PageSetup) -> bytes:
        """Print one page on a worker.

        Raises:
            ChromiumNotFound: the worker has no Chromium.
            MinutebookError: Chromium failed while printing, or the worker was lost twice.
        """
        from distributed.scheduler import KilledWorker

        from .workers import print_there

        future = self.cluster.client.submit(print_there, html, setup, pure=False)
        try:
            return bytes(future.result())
        except KilledWorker:
            raise MinutebookError(say("dask.worker_lost_printing")) from None
        except MinutebookError:
            raise
        except Exception as error:  # the scheduler lost, the connection closed
            raise MinutebookError(say("pdf.print_failed", error=first_line(error))) from None

    def close(self) -> None:
        """Nothing of the run's own to stop: the workers keep their browsers."""


def inputs_of(plan: Plan, project: Project) -> list[Path]:
    """The files a template's kernel may read, to send with its run.

    The meeting, its series' and the archive's settings, its data files, and the earlier
    meetings of its series (a template may show their history); not its attachments, which
    no kernel reads and which the client copies itself. Only files inside the project go.
    """
    series = plan.path.parent
    attached = set(plan.attached)
    wanted = [plan.path, series / SERIES_FILE, series.parent / SITE_FILE]
    wanted += [p for p in plan.inputs.extra if p not in attached]
    wanted += earlier_files(series, plan.path.stem)
    root = project.root.resolve()
    found = []
    for path in dict.fromkeys(p.resolve() for p in wanted):
        if path.is_relative_to(root) and path.is_file():
            found.append(path)
    return found


def default_local_workers() -> int:
    """A local cluster's worker processes: one per core."""
    import os

    return os.cpu_count() or 1

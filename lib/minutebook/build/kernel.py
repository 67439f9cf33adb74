"""The kernels builds run in: reached over Unix sockets, ready as soon as they say so.

:class:`IPCKernelManager` starts ``ipykernel`` in the interpreter running the build, in the
meeting's series folder, reached over sockets in a private folder; :class:`PromptClient`
is a client that does not wait out jupyter_client's fifth of a second of silence. Papermill
is given the manager's class, the preview's spare kernels and the batch's forked ones use it
too (:mod:`.warm`, :mod:`.zygote`).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty
from typing import Any

from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, DottedObjectName, Type, Unicode, default

# What every kernel of a build is started with. No history: IPython would write each
# template cell to the user's history database (~/.ipython), where parallel kernels wait on
# its lock, and a kernel runs one meeting; its cells are in the published notebook anyway.
# (13 % of a batch's kernel time; `In` and `Out` still work, kept in memory.)
KERNEL_OPTIONS = ("--HistoryManager.enabled=False",)


class PromptClient(AsyncKernelClient):
    """A kernel client that is ready as soon as its kernel says so.

    jupyter_client's client, once its kernel answers ``kernel_info`` on both channels, waits
    for 0.2 s of silence on IOPub before it is ready: a fifth of a second on every meeting and
    every save of a preview. This one waits for the "idle" status that ends its own last
    ``kernel_info`` request — the last message the kernel sends for it, in order on the same
    socket — so nothing of the handshake is left to be taken for a cell's output (and a cell's
    outputs are matched to its request anyway).
    """

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        while True:
            asked = self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            ready = reply is not None and reply["msg_type"] == "kernel_info_reply"
            if ready and await self._idle_after(asked):
                self._handle_kernel_info_reply(reply)
                return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    async def _idle_after(self, asked: str) -> bool:
        """Whether IOPub brings the end of request ``asked`` (False: not connected yet)."""
        while True:
            try:
                msg = await self.iopub_channel.get_msg(timeout=0.05)  # else ask again
            except Empty:
                return False
            if (
                msg["msg_type"] == "status"
                and msg["parent_header"].get("msg_id") == asked
                and msg["content"].get("execution_state") == "idle"
            ):
                return True

    wait_for_ready = _async_wait_for_ready


class IPCKernelManager(AsyncKernelManager):
    """A kernel reached over Unix sockets in a private folder rather than TCP ports.

    Nothing else on the machine can connect to it or listen in, and ipykernel has no reason
    to warn about unencrypted TCP on every build. It also starts the kernel in its own working
    directory (``kernel_cwd``) instead of changing the process's, which Papermill's ``cwd``
    does and which would be wrong for builds running in parallel threads.
    """

    kernel_cwd = Unicode("", help="working directory of the kernel").tag(config=True)
    client_class = DottedObjectName("minutebook.build.kernel.PromptClient")
    client_factory = Type(PromptClient, klass=AsyncKernelClient)
    fork = Bool(False, help="fork the kernel from the run's zygote").tag(config=True)

    @property
    def kernel_spec(self) -> Any:
        """The kernel of the Python running the build, found without a search (0.05 s each).

        Whatever ``python3`` kernel a user has installed elsewhere, a build runs its template
        where minutebook and its pinned packages are: in the interpreter running it.
        """
        if self._kernel_spec is None:
            from jupyter_client.kernelspec import KernelSpec

            argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
            argv += KERNEL_OPTIONS
            self._kernel_spec = KernelSpec(
                argv=argv, display_name="Python 3 (ipykernel)", language="python"
            )
        return self._kernel_spec

    async def _async_pre_start_kernel(self, **kw: Any) -> Any:
        """The provisioner, chosen here: jupyter_client's search reads all entry points (0.2 s)."""
        spec = self.kernel_spec
        if self.provisioner is None and (
            self.fork or (spec and "kernel_provisioner" not in spec.metadata)
        ):
            from jupyter_client.provisioning.local_provisioner import LocalProvisioner

            from .zygote import ForkProvisioner

            chosen = ForkProvisioner if self.fork else LocalProvisioner
            self.provisioner = chosen(kernel_id=self.kernel_id or "", kernel_spec=spec, parent=self)
        return await super()._async_pre_start_kernel(**kw)

    async def _async_start_kernel(self, **kw: Any) -> None:
        if self.kernel_cwd:
            kw.setdefault("cwd", self.kernel_cwd)
        await super()._async_start_kernel(**kw)

    start_kernel = _async_start_kernel

    async def _async_wait(self, pollinterval: float = 0.005) -> None:
        """Wait for the kernel to end, looking every 5 ms.

        jupyter_client looks every 0.1 s: a tenth of a second lost on every meeting.
        """
        await super()._async_wait(pollinterval=pollinterval)

    @default("transport")
    def _transport_default(self) -> str:
        return "ipc"

    @default("ip")
    def _ip_default(self) -> str:
        return str(Path(tempfile.mkdtemp(prefix="minutebook-kernel-")) / "kernel")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(Path(self.ip).parent, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources

"""Kernels forked from a parent that has already imported what kernels need.

Starting a kernel is a new Python: importing ipykernel and IPython, then the template's
pandas and matplotlib, about a CPU-second before the meeting's first cell. A zygote is one
process that imports all of that once and then forks a kernel per meeting on request: each
kernel still runs one meeting and nothing else (the fork is a fresh process with its own
sockets, working directory and state), but the imports are already in its memory.

The zygote listens on a Unix socket in a private folder. A request is one line of JSON —
the kernel's connection file and working directory — and the answer the kernel's process
id. Kernels are the zygote's children (it reaps them); the client watches them by pid
(:class:`ForkProvisioner`). The zygote exits when its socket's client goes away or when
asked to.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning.local_provisioner import LocalProvisioner

from .kernel import KERNEL_OPTIONS

# what a kernel imports as it starts (its debugger among them), then minutebook, and what
# minutebook imports to show data (minutebook.nb.AHEAD, imported in the zygote itself)
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.debugger",
    "IPython",
    "pdb",
    "sqlite3",
    "minutebook.nb",
)


# -- the zygote process ---------------------------------------------------------------------


def _child(connection_file: str, cwd: str) -> None:
    """Become a kernel (in the forked child): never returns.

    What a fresh kernel would not share with its siblings is made its own: its random
    numbers are seeded anew (a template drawing a sample draws another one each meeting,
    as in a new process), its session and working directory are its own.
    """
    try:
        os.setsid()
        os.chdir(cwd)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        import random

        random.seed()
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed()
        # The zygote's stdout is a pipe read once, for its "ready": a kernel writing there
        # (its connection details, unasked) would fill it and stop after some 170 meetings.
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.close(quiet)
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        # it ends when the zygote does (which ends with the build), as a kernel started by
        # jupyter_client ends with its parent: a killed build leaves no kernel behind
        parent = f"--IPKernelApp.parent_handle={os.getppid()}"
        app.initialize(["-f", connection_file, parent, *KERNEL_OPTIONS])  # type: ignore[no-untyped-call]
        app.start()  # type: ignore[no-untyped-call]
    finally:
        os._exit(0)


def serve(path: str) -> None:
    """Import, then fork a kernel for each request on the socket at ``path``.

    It ends when asked to, or when the build that started it is gone (killed, say).
    """
    parent = os.getppid()
    from ..nb import AHEAD

    for name in (*PRELOAD, *AHEAD):
        with contextlib.suppress(Exception):
            __import__(name)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernels are reaped as they end
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(8)
    server.settimeout(1.0)
    print("ready", flush=True)
    while True:
        try:
            connection, _ = server.accept()
        except TimeoutError:
            if os.getppid() != parent:
                return
            continue
        connection.settimeout(None)
        with connection:
            line = connection.makefile().readline()
            if not line:
                continue
            request = json.loads(line)
            if request.get("stop"):
                return
            pid = os.fork()
            if pid == 0:
                server.close()
                connection.close()
                _child(request["connection_file"], request["cwd"])
            connection.sendall(f"{pid}\n".encode())


# -- the client side ------------------------------------------------------------------------


class Zygote:
    """A zygote process for this run, started once (in the background) and stopped at exit."""

    _lock = threading.Lock()
    _shared: Zygote | None = None

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="minutebook-zygote-"))
        self.path = str(self.folder / "socket")
        self.process = subprocess.Popen(
            # as ipykernel starts a kernel (its kernel spec), so its debugger does not warn
            [sys.executable, "-Xfrozen_modules=off", "-m", "minutebook.build.zygote", self.path],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._ready = threading.Event()
        threading.Thread(target=self._wait_ready, daemon=True).start()

    def _wait_ready(self) -> None:
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() == "ready":
            self._ready.set()

    @classmethod
    def shared(cls) -> Zygote:
        """The run's zygote, started on first use."""
        with cls._lock:
            if cls._shared is None or cls._shared.process.poll() is not None:
                cls._shared = Zygote()
            return cls._shared

    def fork(self, connection_file: str, cwd: str, timeout: float = 60) -> int:
        """A kernel's pid: forked, reading ``connection_file``, in ``cwd``."""
        if not self._ready.wait(timeout):
            raise RuntimeError("the kernel zygote did not start")
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(self.path)
            request = {"connection_file": connection_file, "cwd": cwd}
            client.sendall((json.dumps(request) + "\n").encode())
            return int(client.makefile().readline())

    @classmethod
    def stop_shared(cls) -> None:
        """Stop the run's zygote, if one was started."""
        with cls._lock:
            shared, cls._shared = cls._shared, None
        if shared is not None:
            shared.stop()

    def stop(self) -> None:
        """Stop the zygote (kernels it forked end with their meetings)."""
        with (
            contextlib.suppress(OSError),
            socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client,
        ):
            client.connect(self.path)
            client.sendall(b'{"stop": true}\n')
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(OSError):
            os.unlink(self.path)
            self.folder.rmdir()


class ForkProvisioner(LocalProvisioner):
    """A kernel forked by the zygote instead of started as a new process."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        """Ask the zygote for the kernel (``cmd`` is not run: the fork is the kernel)."""
        km = self.parent
        assert km is not None  # a provisioner belongs to its kernel manager
        cwd = str(kwargs.get("cwd") or os.getcwd())
        self.pid = Zygote.shared().fork(km.connection_file, cwd)
        self.pgid = self.pid
        self.process = None
        self.cwd = cwd
        return self.connection_info

    @property
    def has_process(self) -> bool:
        """Whether a kernel was forked (it may have ended since)."""
        return self.pid is not None

    def _alive(self) -> bool:
        if self.pid is None:
            return False
        try:
            os.kill(self.pid, 0)
        except OSError:
            return False
        return True

    async def poll(self) -> int | None:
        """None while the kernel runs; 0 once it ended (the zygote has its status)."""
        return None if self._alive() else 0

    async def wait(self) -> int | None:
        """Wait for the kernel to end."""
        while self._alive():
            await asyncio.sleep(0.005)
        return 0

    async def send_signal(self, signum: int) -> None:
        """Signal the kernel, if it still runs."""
        if self.pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signum)

    async def kill(self, restart: bool = False) -> None:
        """Stop the kernel at once."""
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        """Ask the kernel to stop."""
        await self.send_signal(signal.SIGTERM)


if __name__ == "__main__":
    serve(sys.argv[1])

"""Atomic publishing: a reader, or a killed build, sees the old version or the new, never a mix.

A meeting's outputs are written to a staging folder beside their final place (so on the
same file system) and swapped in with one ``renameat2(RENAME_EXCHANGE)`` on Linux. Where
that call is missing the swap is two renames, and :func:`recover` repairs the one moment
between them that a crash could leave behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import MinutebookError
from ..i18n import say
from ..paths import STAMP

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as f:
                os.fsync(f.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system can't
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def staging(final: Path) -> Path:
    """A new, empty folder beside ``final`` to write its next version into."""
    final.parent.mkdir(parents=True, exist_ok=True)
    recover(final)
    folder = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent))
    folder.chmod(0o755)  # mkdtemp's 0700 would hide the published folder from a web server
    return folder


def recover(final: Path) -> None:
    """Undo what a crash left beside ``final``: stale staging folders, a half-done swap."""
    olds = sorted(final.parent.glob(f".{final.name}.*.old"))
    if olds and not final.exists():
        os.rename(olds.pop(), final)
    for stale in [*olds, *final.parent.glob(f".{final.name}.*.tmp")]:
        shutil.rmtree(stale, ignore_errors=True)


def clean(folder: Path) -> None:
    """Remove what killed runs left in ``folder``: staging folders, temporary files."""
    if not folder.is_dir():
        return
    for old in folder.glob(".*.old"):
        recover(old.parent / old.name[1:].split(".", 1)[0])
    for stale in folder.glob(".*.tmp"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)


@contextlib.contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold the project for one run at a time (a lock on a folder, so no file is made).

    Raises:
        MinutebookError: another run holds it.
    """
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise MinutebookError(say("run.busy")) from None
        yield
    finally:
        os.close(fd)


def publish(folder: Path, final: Path) -> None:
    """Move the finished ``folder`` into place as ``final``, atomically."""
    _fsync_tree(folder)
    if not final.exists():
        os.rename(folder, final)
    elif _exchange(folder, final):
        shutil.rmtree(folder)  # now the old version
    else:
        old = folder.with_name(folder.name.removesuffix(".tmp") + ".old")
        os.rename(final, old)
        os.rename(folder, final)
        shutil.rmtree(old)
    _fsync_dir(final.parent)


def discard(folder: Path) -> None:
    """Remove a staging folder that will not be published."""
    shutil.rmtree(folder, ignore_errors=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace one file atomically (an index, a feed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def withdraw(final: Path) -> None:
    """Take a published folder away (see :func:`remove`), if a build made it.

    A folder without a build stamp is not ours to delete.
    """
    if (final / STAMP).is_file():
        remove(final)


def remove(folder: Path) -> None:
    """Take a folder away at once (a rename aside), then delete it: readers never see half."""
    aside = folder.with_name(f".{folder.name}.withdrawn.tmp")
    shutil.rmtree(aside, ignore_errors=True)  # what a killed run left
    os.rename(folder, aside)
    shutil.rmtree(aside)

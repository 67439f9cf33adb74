"""The software a build runs on, besides minutebook: its versions are inputs of every build.

pandas formats the numbers, matplotlib draws the charts, nbconvert and markdown-it-py
render the page: a new release of any of them may change what minutes say. So the versions
of everything minutebook needs at run time (and Python's) are part of the code fingerprint
(:func:`minutebook.build.inputs.code_fingerprint`): an upgrade rebuilds every meeting, and
final minutes whose text the upgrade would change are kept as published
(:mod:`minutebook.build.record`).

``requirements.lock`` (made by ``make lock``) pins those versions, so that two machines —
and a reinstall on the same one — build the same minutes. ``python -m
minutebook.build.environment`` says whether this environment is what the lock pins.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import sys
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # packaging takes 30 ms to import, needed only when the cache is stale
    from packaging.requirements import Requirement

LOCK_FILE = "requirements.lock"
# Reading every package's metadata takes a tenth of a second, a third of a build with
# nothing to do; the answer is kept here, valid while no package is installed or removed.
_CACHE = Path(sys.prefix) / "minutebook-environment.json"

# a pinned line of a lock file: "name==version" and, in a universal lock, "; marker"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _applies(requirement: Requirement, extras: frozenset[str]) -> bool:
    """Whether a requirement holds here, for a distribution installed with ``extras``."""
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({"extra": extra}) for extra in extras | {""})


@cache
def runtime_packages(root: str = "minutebook") -> dict[str, str]:
    """Name and version of ``root`` and of everything it needs at run time, here.

    Optional extras of ``root`` (its ``dev`` tools: pytest, ruff) are left out: a new
    linter does not change what a build makes. Extras that a dependency asks for (such as
    ``pagefind[bin]``) are followed.
    """
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    found: dict[str, str] = {}
    todo: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    extras_seen: dict[str, frozenset[str]] = {}
    while todo:
        name, extras = todo.pop()
        key = str(canonicalize_name(name))
        if key in found and extras <= extras_seen[key]:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # not installed here: nothing of it can shape an output
        found[key] = dist.version
        extras_seen[key] = extras_seen.get(key, frozenset()) | extras
        for line in dist.requires or ():
            requirement = Requirement(line)
            if _applies(requirement, extras_seen[key]):
                todo.append((requirement.name, frozenset(requirement.extras)))
    return dict(sorted(found.items()))


def _installed() -> str:
    """A digest of what is installed: every package's metadata folder and when it was made.

    Installing, upgrading or removing a package (minutebook's own editable install, when
    ``pyproject.toml`` changes, included) makes or removes such a folder.
    """
    digest = hashlib.sha256()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                names = sorted(
                    (e.name, e.stat().st_mtime_ns)
                    for e in found
                    if e.name.endswith((".dist-info", ".egg-info"))
                )
        except OSError:
            continue
        if names:  # not the script's folder or the current one: they differ between runs
            digest.update(repr((entry, names)).encode())
    return digest.hexdigest()


def fingerprint() -> str:
    """Python's version and the run-time packages' versions, as one line each."""
    key = _installed()
    try:
        cached = json.loads(_CACHE.read_text(encoding="utf-8"))
        if cached["key"] == key:
            return str(cached["fingerprint"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    python = f"{platform.python_implementation()} {platform.python_version()}"
    lines = "\n".join([python, *(f"{n}=={v}" for n, v in runtime_packages().items())])
    try:  # several workers may write it at once: each writes aside and moves into place
        aside = _CACHE.with_name(f"{_CACHE.name}.{os.getpid()}")
        aside.write_text(json.dumps({"key": key, "fingerprint": lines}), encoding="utf-8")
        os.replace(aside, _CACHE)
    except OSError:
        pass  # a read-only installation: work it out each time
    return lines


def locked(lock: Path) -> dict[str, str]:
    """The versions a lock file pins for this machine (its markers evaluated here)."""
    from packaging.markers import Marker
    from packaging.utils import canonicalize_name

    pins: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line.strip())
        if match is None:
            continue
        name, version, marker = match.groups()
        if marker and not Marker(marker).evaluate():
            continue
        pins[str(canonicalize_name(name))] = version
    return pins


def differences(lock: Path, root: str = "minutebook") -> list[str]:
    """What keeps this environment from being the locked one, a sentence each.

    A dependency of ``root`` (its extras included) that the lock does not pin, or pins at a
    version the dependency's range refuses, means the lock is out of date (``make lock``);
    a run-time package installed at another version than the pinned one means the
    environment is (``make setup``).
    """
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = locked(lock)
    problems: list[str] = []
    dist = metadata.distribution(root)
    for line in dist.requires or ():
        requirement = Requirement(line)
        key = str(canonicalize_name(requirement.name))
        if requirement.marker is not None and not any(
            requirement.marker.evaluate({"extra": extra})
            for extra in ("", *(dist.metadata.get_all("Provides-Extra") or ()))
        ):
            continue
        if key not in pins:
            problems.append(f"{requirement.name} is not in {lock.name}: run make lock")
        elif not requirement.specifier.contains(pins[key], prereleases=True):
            problems.append(
                f"{lock.name} pins {requirement.name} {pins[key]}, outside"
                f" {requirement.specifier} in pyproject.toml: run make lock"
            )
    for name, version in runtime_packages(root).items():
        if name != canonicalize_name(root) and name in pins and pins[name] != version:
            problems.append(f"{name} {version} is installed, {lock.name} pins {pins[name]}")
    return problems


def main() -> int:
    """Say whether the environment is the locked one (setup runs this after installing)."""
    lock = Path(sys.argv[1] if len(sys.argv) > 1 else LOCK_FILE)
    problems = differences(lock)
    for problem in problems:
        print(f"setup: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

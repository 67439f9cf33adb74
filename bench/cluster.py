"""Builds on a local Dask cluster of 1 and of 2 worker processes, beside the local executor.

Generates N meetings (default 40) as bench/thousand.py does, then times ``minutebook build
--force`` with the local executor and with ``--executor dask --workers K`` for K = 1, 2, in
the same project, and prints the speed-up from one worker to two. The cluster's start
(its worker processes, and a Chromium in each) is part of each time, as it is of a build.

Usage: python bench/cluster.py [N]
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from single import fresh_project
from thousand import generate, run, spread


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    project = fresh_project()
    try:
        generate(project, spread(count))
        run(project, "build", "--no-pdf")  # the data copies of final minutes, made once
        local = run(project, "build", "--force")
        one = run(project, "build", "--force", "--executor", "dask", "--workers", "1")
        two = run(project, "build", "--force", "--executor", "dask", "--workers", "2")
    finally:
        shutil.rmtree(project)
    print(f"{count} meetings, forced rebuild, {os.cpu_count()} cores")
    print(f"  local executor                 {local:7.1f} s   {local / count:5.2f} s each")
    print(f"  dask, 1 worker process         {one:7.1f} s   {one / count:5.2f} s each")
    print(f"  dask, 2 worker processes       {two:7.1f} s   {two / count:5.2f} s each")
    print(f"  speed-up from 1 to 2 workers   {one / two:7.2f} x")


if __name__ == "__main__":
    main()

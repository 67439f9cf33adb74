"""One meeting, cold: `minutebook build` beside the plain chain of tools, in the same run.

The plain chain is what one would type without minutebook:

    papermill notebooks/umebra.ipynb out.ipynb -f meeting.yaml
    jupyter nbconvert --to html --no-input out.ipynb
    chromium --headless --print-to-pdf=out.pdf out.html

(the third step is what nbconvert's webpdf does, minus the Playwright start, since stock
webpdf cannot use a system Chromium). Each side runs REPEAT times in a fresh copy of the
project, alternating, and the medians are compared. Usage: python bench/single.py [REPEAT]
"""

from __future__ import annotations

import functools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MEETING = "params/umebra/2022-06-14.yaml"
TEMPLATE = "notebooks/umebra.ipynb"


def fresh_project() -> Path:
    where = Path(tempfile.mkdtemp(prefix="minutebook-bench-"))
    for name in ("params", "notebooks"):
        shutil.copytree(ROOT / name, where / name)
    return where


def timed(commands: list[list[str]], cwd: Path) -> float:
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def minutebook(project: Path) -> float:
    return timed([[str(BIN / "minutebook"), "build", MEETING]], project)


@functools.cache
def builds_chromium() -> str:
    """The Chromium a build prints with (configured, Playwright's or the system's): the chain
    is given the same one."""
    found = subprocess.run(
        [str(BIN / "python"), "-m", "minutebook.build.chromium"],
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip()


def plain_chain(project: Path) -> float:
    sys.path.insert(0, str(ROOT / "lib"))
    from minutebook.meeting.read import load_meeting

    meeting = load_meeting(project / MEETING).model_dump(mode="json")
    (project / "meeting.yaml").write_text(json.dumps({"meeting": meeting}), encoding="utf-8")
    chromium = builds_chromium()
    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
    return timed(
        [
            [
                str(BIN / "papermill"),
                TEMPLATE,
                "out.ipynb",
                "-f",
                "meeting.yaml",
                "--cwd",
                "params/umebra",
                "--no-progress-bar",
            ],
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", "out.ipynb"],
            [
                chromium,
                "--headless",
                *sandbox,
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--no-pdf-header-footer",
                "--print-to-pdf=out.pdf",
                "out.html",
            ],
        ],
        project,
    )


def compare(repeat: int) -> tuple[list[float], list[float]]:
    """Both sides ``repeat`` times, alternating so that both see the same machine."""
    ours: list[float] = []
    plain: list[float] = []
    for _ in range(repeat):
        for runner, times in ((minutebook, ours), (plain_chain, plain)):
            project = fresh_project()
            try:
                times.append(runner(project))
            finally:
                shutil.rmtree(project)
    return ours, plain


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    ours, plain = compare(repeat)
    a, b = statistics.median(ours), statistics.median(plain)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"single meeting, cold ({repeat} runs each, median):")
    print(f"  minutebook build   {a:6.2f} s   runs: {', '.join(f'{t:.2f}' for t in ours)}")
    print(f"  plain chain        {b:6.2f} s   runs: {', '.join(f'{t:.2f}' for t in plain)}")
    print(f"  ratio              {a / b:6.2f}   (target: at most 0.35)")


if __name__ == "__main__":
    main()

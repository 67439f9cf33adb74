"""A thousand meetings over ten years in four series: the archive at a large body's size.

Generates N meetings (default 1,000) from the four example meetings — every date in each
shifted together, a protocol numbered through its year — in a fresh copy of the project,
and measures, in one run:

- the full build (``minutebook build``: kernels, pages, PDFs, Word copies, the archive),
- a build with nothing changed (the no-op),
- one meeting changed and built again, the archive brought up to date (target < 5 s),
- the size of ``index.html`` and of each series' page (target: under 200 KB each), of the
  feed, ``index.json`` and the Pagefind index,
- a search in Chromium: the time from typing a word on ``search.html`` (served by
  ``minutebook serve``) to its results on the page.

Usage: python bench/thousand.py [N] [--executor dask] [--workers K]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from single import BIN, fresh_project

SOURCES = {  # series: its example meeting
    "umebra": "params/umebra/2022-06-14.yaml",
    "example-board": "params/example-board/2024-03-12.yaml",
    "kommunstyrelsen": "params/kommunstyrelsen/2024-03-12.yaml",
    "trust-board": "params/trust-board/2024-05-14.yaml",
}
LAST = dt.date(2026, 10, 27)  # the newest meeting: every one is in the past
DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
BUDGET = 200_000  # bytes: an archive page a phone loads in a moment


def shifted(text: str, by: dt.timedelta) -> str:
    """The meeting's text with every date in it moved by ``by`` (a meeting moved whole)."""

    def move(match: re.Match[str]) -> str:
        return (dt.date(*map(int, match.groups())) + by).isoformat()

    return DATE.sub(move, text)


def spread(count: int) -> dict[str, int]:
    """``count`` meetings shared evenly by the four series."""
    share, extra = divmod(count, len(SOURCES))
    return {s: share + (1 if n < extra else 0) for n, s in enumerate(SOURCES)}


def generate(project: Path, counts: dict[str, int]) -> list[Path]:
    """``counts[series]`` meetings of each series, spread evenly over ten years.

    Each is its series' example with every date moved to the new one's (its adjustment,
    its actions' deadlines, its notices). Also used by tests/archive/test_scale.py.
    """
    made = []
    for n, (series, count) in enumerate(counts.items()):
        original = project / SOURCES[series]
        text = original.read_text(encoding="utf-8")
        # a protocol's paragraphs are numbered through its year: no fixed first number,
        # and no one leaves at a paragraph a later meeting does not have
        text = re.sub(r"^first_paragraph: \d+\n", "", text, flags=re.M)
        text = re.sub(r', left: "§ \d+"', "", text)
        start = dt.date.fromisoformat(original.stem)
        step = dt.timedelta(days=3652 // max(count, 1))
        for k in range(count):
            day = LAST - dt.timedelta(days=n) - step * k
            target = original.with_name(f"{day.isoformat()}.yaml")
            target.write_text(shifted(text, day - start), encoding="utf-8")
            made.append(target)
        if original not in made:
            original.unlink()
            frozen = original.with_suffix(".data")
            if frozen.is_dir():
                shutil.rmtree(frozen)  # the example's kept data: its own, not the copies'
    for series in set(SOURCES) - set(counts):  # a series not asked for: none of it
        shutil.rmtree(project / "params" / series, ignore_errors=True)
    return made


def run(project: Path, *args: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "minutebook"), *args], cwd=project, capture_output=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"minutebook {' '.join(args)} failed:\n{done.stderr.decode()[-3000:]}")
    return took


def size(path: Path) -> int:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        if path.is_dir()
        else (path.stat().st_size if path.is_file() else 0)
    )


def search_time(project: Path, words: list[str]) -> list[float]:
    """Seconds from typing each word to its results shown, in a headless Chromium."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
    from minutebook.build.chromium import QUIET_ARGS, find_chromium, sandboxed

    server = subprocess.Popen(
        [str(BIN / "minutebook"), "serve", "--port", "0"],
        cwd=project,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        address = re.search(r"http://[\d.]+:\d+/", line)
        assert address, line
        took = []
        with sync_playwright() as p:
            exe = find_chromium(os.environ.get("MINUTEBOOK_CHROMIUM"), p.chromium.executable_path)
            browser = p.chromium.launch(
                executable_path=exe, args=QUIET_ARGS, chromium_sandbox=sandboxed()
            )
            page = browser.new_page()
            box = page.locator("#mb-q")
            for word in words:
                page.goto(address.group() + "search.html")  # a new page: no results yet
                start = time.perf_counter()
                box.fill(word)
                page.locator("#mb-results li").first.wait_for(timeout=30_000)
                took.append(time.perf_counter() - start)
            browser.close()
        return took
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    args = sys.argv[1:]
    count = int(args.pop(0)) if args and args[0].isdigit() else 1000
    extra = args  # passed to the full build: --executor dask, --workers K
    project = fresh_project()
    try:
        made = generate(project, spread(count))
        full = run(project, "build", *extra)
        noop = run(project, "build")
        middle = made[len(made) // 8]  # a meeting of the notes series, years back
        text = middle.read_text(encoding="utf-8")
        middle.write_text(text.replace("- title: ", "- title: Ändrat – ", 1), encoding="utf-8")
        one = run(project, "build")
        reports = project / "reports"
        pages = {"index.html": size(reports / "index.html")}
        pages |= {f"{s}/index.html": size(reports / s / "index.html") for s in SOURCES}
        pages |= {f"{s}/decisions.html": size(reports / s / "decisions.html") for s in SOURCES}
        years = [p for s in SOURCES for p in (reports / s).glob("[0-9][0-9][0-9][0-9].html")]
        if years:
            pages["largest <series>/<year>.html"] = max(size(p) for p in years)
        others = {
            "feed.xml": size(reports / "feed.xml"),
            "index.json": size(reports / "index.json"),
            "search index (_search/)": size(reports / "_search"),
            "whole archive (reports/)": size(reports),
        }
        entries = len(json.loads((reports / "index.json").read_text("utf-8"))["meetings"])
        queries = search_time(project, ["budget", "Umeå", "minutes", "protokoll"])
    finally:
        shutil.rmtree(project)
    print(f"{count} meetings over ten years in {len(SOURCES)} series, {os.cpu_count()} cores")
    print(
        f"  full build {' '.join(extra) or '(local)'}  {full:8.1f} s   {full / count:5.2f} s each"
    )
    print(f"  no-op                            {noop:8.2f} s")
    print(f"  one meeting changed              {one:8.2f} s   (target: under 5 s)")
    for name, n in pages.items():
        mark = "ok" if n < BUDGET else "OVER"
        print(f"  {name:32} {n / 1000:8.1f} KB   (under {BUDGET // 1000} KB: {mark})")
    for name, n in others.items():
        print(f"  {name:32} {n / 1000:8.1f} KB")
    print(f"  meetings in index.json           {entries:8d}")
    print(
        f"  search, typing to results        {statistics.median(queries):8.2f} s   "
        f"(median of {len(queries)}: {', '.join(f'{q:.2f}' for q in queries)})"
    )


if __name__ == "__main__":
    main()

"""From a save to the new text on the page, in `minutebook preview`, as a secretary sees it.

A real `minutebook preview` process and a real headless Chromium showing its page; each
save changes one word of the meeting file, and the time is taken from just before the
write to the reloaded page's load event (it reloads itself on the server's event), checked to
show the word.
Two meetings: the English example (no data section) and the reference minutes (pandas and a
matplotlib chart in the kernel).

Usage: python bench/preview.py [SAVES]   (default: 10)
"""

from __future__ import annotations

import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from single import BIN, fresh_project

PAUSE = 2.0  # seconds between one save showing and the next save

MEETINGS = {
    "example-board": ("params/example-board/2024-03-12.yaml", "Spending is on plan"),
    "umebra": ("params/umebra/2022-06-14.yaml", "Umebrå kansli"),
}


def save_to_page(meeting: str, saves: int = 10) -> list[float]:
    """Seconds from each save to the page showing it."""
    from playwright.sync_api import sync_playwright

    from minutebook.build.chromium import launch

    file, phrase = MEETINGS[meeting]
    project = fresh_project()
    process = subprocess.Popen(
        [str(BIN / "minutebook"), "preview", file, "--port", "0", "--no-browser"],
        cwd=project,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        found = re.search(r"http://\S+/", process.stdout.readline())
        assert found, "preview did not start"
        path = project / file
        original = path.read_text(encoding="utf-8")
        times = []
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(found.group(0))
            for n in range(saves):
                word = f"Q{n}Z"
                time.sleep(PAUSE)  # a secretary types between saves: the next kernel starts
                began = time.perf_counter()
                # the page reloads itself: its load is when the reader sees the new text
                # (Playwright's own polling for the text would add up to half a second)
                with page.expect_event("load", timeout=60_000):
                    path.write_text(original.replace(phrase, f"{phrase} {word}", 1), "utf-8")
                times.append(time.perf_counter() - began)
                assert word in page.content(), f"the page reloaded without {word}"
            browser.close()
        return times
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
        shutil.rmtree(project)


def main() -> None:
    saves = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    for meeting in MEETINGS:
        times = save_to_page(meeting, saves)
        print(
            f"{meeting}: median {statistics.median(times):.2f} s, "
            f"max {max(times):.2f} s over {saves} saves"
        )


if __name__ == "__main__":
    main()

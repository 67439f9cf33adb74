"""Pictures of the finished minutes for the docs: `make screenshots` (after `make report`).

Writes docs/screenshots/: the reference minutes as a desktop and a phone see them (headless
Chromium), and page 1 of their PDF (pdftoppm, from Debian's poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from minutebook.build.chromium import launch

ROOT = Path(__file__).resolve().parents[1]
MINUTES = ROOT / "reports/umebra/2022-06-14"
OUT = ROOT / "docs/screenshots"


def main() -> int:
    """Write the three pictures; 1 when the minutes are not built or pdftoppm is missing."""
    if not (MINUTES / "minutes.html").is_file():
        print("build the minutes first: make report", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, width, height in (("desktop", 1280, 1100), ("phone", 390, 1400)):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto((MINUTES / "minutes.html").as_uri())
            page.screenshot(path=OUT / f"minutes-{name}.png")
            page.close()
        browser.close()
    if not shutil.which("pdftoppm"):
        print(
            "pdftoppm is missing (apt-get install poppler-utils): no picture of the PDF",
            file=sys.stderr,
        )
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(MINUTES / "minutes.pdf"),
                f"{tmp}/page",
            ],
            check=True,
        )
        shutil.move(f"{tmp}/page.png", OUT / "minutes-pdf-page1.png")
    for path in sorted(OUT.glob("*.png")):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

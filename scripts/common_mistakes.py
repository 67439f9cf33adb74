"""The guides' "Common mistakes" / "Vanliga fel", made from the slip corpus.

tests/fixtures/slips.yaml holds the slips secretaries make, each with the message `check`
gives in English and Swedish, and a test holds the messages to it; this script writes the
same slips into docs/guide-en.md and docs/guide-sv.md, between the markers, so the guides
and the messages cannot drift apart. `--check` exits 1 when a guide is not up to date.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests/fixtures/slips.yaml"
GUIDES = {"en": ROOT / "docs/guide-en.md", "sv": ROOT / "docs/guide-sv.md"}
START = "<!-- common-mistakes: made by scripts/common_mistakes.py, do not edit -->"
END = "<!-- /common-mistakes -->"
INTRO = {
    "en": "The mistakes people make most often in a meeting file, as written, and what "
    "`check` says about each (line numbers are those of the example file the tests use):",
    "sv": "De vanligaste felen i en mötesfil, så som de skrivs, och vad `check` säger om "
    "vart och ett (radnumren gäller exempelfilen som testerna använder):",
}
WRITTEN = {"en": "Written", "sv": "Skrivet"}


def section(language: str) -> str:
    """The generated part of one guide, markers included."""
    corpus = YAML(typ="safe", pure=True).load(CORPUS.read_text(encoding="utf-8"))
    lines = [START, "", INTRO[language], ""]
    for slip in corpus["slips"]:
        written = slip["replace"][1].replace("\t", "⇥").replace("\n", " ⏎ ")
        message = re.sub(r"^\d+:\d+: ", "", slip[language])
        lines.append(
            f"- **{slip['what'][language]}.** {WRITTEN[language]}: `{written}` → {message}"
        )
    return "\n".join([*lines, "", END])


def updated(text: str, language: str) -> str:
    """``text`` (a guide) with its generated section replaced, or appended at the end."""
    if START in text:
        before, rest = text.split(START, 1)
        return before + section(language) + rest.split(END, 1)[1]
    heading = {"en": "## Common mistakes", "sv": "## Vanliga fel"}[language]
    return f"{text.rstrip()}\n\n{heading}\n\n{section(language)}\n"


def main(argv: list[str]) -> int:
    """Write both guides; with ``--check``, only say whether they are up to date."""
    stale = []
    for language, path in GUIDES.items():
        text = path.read_text(encoding="utf-8")
        new = updated(text, language)
        if new != text:
            stale.append(path.relative_to(ROOT))
            if "--check" not in argv:
                path.write_text(new, encoding="utf-8")
    if stale and "--check" in argv:
        print("not up to date (run scripts/common_mistakes.py):", *stale, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

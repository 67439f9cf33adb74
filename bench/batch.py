"""Many meetings: a full parallel rebuild, and a rebuild with nothing changed.

Generates N meetings (default 40) from the two example meetings — same content, other
dates — in a fresh copy of the project, then times, in the same run:

- ``minutebook build --force`` over all of them (amortised: wall time / N),
- the plain chain (papermill → nbconvert → Chromium) for a sample of them, scaled to N,
- ``minutebook build`` again with nothing changed (the no-op).

Usage: python bench/batch.py [N] [SAMPLE]
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from single import BIN, fresh_project, plain_chain, timed

EXAMPLES = ("params/umebra/2022-06-14.yaml", "params/example-board/2024-03-12.yaml")


def generate(project: Path, count: int) -> list[Path]:
    """``count`` meetings, alternating between the two examples, a week apart."""
    made = []
    for n in range(count):
        source = project / EXAMPLES[n % 2]
        original = dt.date.fromisoformat(source.stem)
        day = original - dt.timedelta(days=7 * (n // 2 + 1))
        text = source.read_text(encoding="utf-8").replace(
            f"date: {original.isoformat()}", f"date: {day.isoformat()}", 1
        )
        target = source.with_name(f"{day.isoformat()}.yaml")
        target.write_text(text, encoding="utf-8")
        made.append(target)
    for example in EXAMPLES:  # only the generated ones
        (project / example).unlink()
    return made


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    sample = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    project = fresh_project()
    try:
        generate(project, count)
        full = timed([[str(BIN / "minutebook"), "build", "--force"]], project)
        noop = timed([[str(BIN / "minutebook"), "build"]], project)
        chain = []
        for _ in range(sample):
            other = fresh_project()
            try:
                chain.append(plain_chain(other))
            finally:
                shutil.rmtree(other)
    finally:
        shutil.rmtree(project)
    per_chain = sum(chain) / len(chain)
    print(f"batch of {count} meetings on {os.cpu_count()} cores:")
    print(
        f"  minutebook build --force   {full:7.2f} s   {full / count:5.2f} s per meeting "
        "(target: at most 0.40)"
    )
    print(
        f"  plain chain, {count} x         {per_chain * count:7.2f} s   {per_chain:5.2f} s per "
        f"meeting (mean of {sample})"
    )
    print(f"  ratio                      {full / (per_chain * count):7.2f}")
    print(f"  no-op rebuild of {count:<9} {noop:7.2f} s   (target: under 0.30 over 100)")


if __name__ == "__main__":
    main()

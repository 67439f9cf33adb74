from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

# Messages in English, whatever the machine's locale (a test of Swedish asks for it).
os.environ["LANGUAGE"] = "en"

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REFERENCE = "params/umebra/2022-06-14.yaml"
EXAMPLE = "params/example-board/2024-03-12.yaml"


@dataclass
class Run:
    status: int
    out: str
    err: str


def minutebook(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run the real command line, as a user would, in ``cwd``."""
    environment = {**os.environ, **(env or {})}
    environment.pop("MINUTEBOOK_ROOT", None)
    done = subprocess.run(
        [sys.executable, "-m", "minutebook", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Run(done.returncode, done.stdout, done.stderr)


# The first examples, which most tests count on; the second version's examples have tests
# of their own (tests/test_examples.py).
FIRST_EXAMPLES = ("umebra", "example-board")


def make_project(where: Path, series: tuple[str, ...] = FIRST_EXAMPLES) -> Path:
    """A copy of this project's meetings and templates: tests never write to the real one."""
    shutil.copytree(ROOT / "notebooks", where / "notebooks")
    for name in series:
        shutil.copytree(ROOT / "params" / name, where / "params" / name)
    if series == tuple(p.name for p in sorted((ROOT / "params").iterdir()) if p.is_dir()):
        shutil.copyfile(ROOT / "params/site.yaml", where / "params/site.yaml")  # make report's
    return where


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both example meetings built once, with the real kernel, nbconvert and Chromium."""
    root = make_project(tmp_path_factory.mktemp("built"))
    run = minutebook("build", cwd=root)
    assert run.status == 0, run.err
    return root


def add_meeting(
    project: Path, source: str, date: str, replace: dict[str, str] | None = None
) -> Path:
    """A copy of meeting ``source`` on another date, with some text replaced."""
    original = project / source
    text = original.read_text(encoding="utf-8").replace(
        f"date: {original.stem}", f"date: {date}", 1
    )
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    target = original.with_name(f"{date}.yaml")
    target.write_text(text, encoding="utf-8")
    return target


def publish_drafts(project: Path, series: str = "umebra") -> None:
    """Let the series publish its drafts under reports/ (series.yaml: publish_drafts).

    By default a draft is built into internal/ only; tests that republish a meeting freely
    (final minutes are kept as published) use drafts, published.
    """
    settings = project / "params" / series / "series.yaml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    text = settings.read_text(encoding="utf-8") if settings.exists() else ""
    settings.write_text(f"{text}publish_drafts: true\n", encoding="utf-8")


def correct(path: Path, old: str, new: str) -> None:
    """Change final minutes as a secretary must: the text, and a line in their corrections."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new)
    entry = f"  - {{date: 2024-12-01, text: '{old} became {new}'}}\n"
    if "\ncorrections:\n" in text:
        text = text.replace("\ncorrections:\n", "\ncorrections:\n" + entry, 1)
    else:
        text = text.rstrip("\n") + "\ncorrections:\n" + entry
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five meetings in two series over three years, one a draft, built once."""
    root = make_project(tmp_path_factory.mktemp("archive"))
    publish_drafts(root)  # its draft is published, marked as one
    add_meeting(root, REFERENCE, "2021-11-09")
    add_meeting(root, REFERENCE, "2022-09-20", {"status: final": "status: draft"})
    add_meeting(
        root,
        EXAMPLE,
        "2023-10-10",
        {"Spending is on plan": "Spending, including the xylophone repairs, is on plan"},
    )
    run = minutebook("build", cwd=root)
    assert run.status == 0, run.err
    return root


@pytest.fixture(scope="session")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example in params/, built once, as `make report` builds them."""
    series = tuple(p.name for p in sorted((ROOT / "params").iterdir()) if p.is_dir())
    root = make_project(tmp_path_factory.mktemp("examples"), series)
    run = minutebook("build", cwd=root)
    assert run.status == 0, run.err
    return root


@pytest.fixture(scope="session")
def council(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples and three protocols of a kommunstyrelse, one confidential, built once."""
    from protocol_meetings import make_council

    return make_council(make_project(tmp_path_factory.mktemp("protocol")))


@pytest.fixture(scope="session")
def every_script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A meeting with names and notes in every script, built once (tests/fixtures)."""
    root = make_project(tmp_path_factory.mktemp("scripts"), series=())
    target = root / "params" / "world" / "2024-06-11.yaml"
    target.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "every-script.yaml", target)
    run = minutebook("build", cwd=root)
    assert run.status == 0, run.err
    return root


@pytest.fixture(scope="session")
def stress(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Meetings that push a page sideways (tests/fixtures/stress): long compounds, wide
    tables, bare addresses, in Swedish and English, with internal versions and a kallelse."""
    root = make_project(tmp_path_factory.mktemp("stress"), series=())
    for folder in sorted((FIXTURES / "stress").iterdir()):
        shutil.copytree(folder, root / "params" / folder.name)
    run = minutebook("build", cwd=root)
    assert run.status == 0, run.err
    return root


KOMMUNSTYRELSEN = "params/kommunstyrelsen/2024-03-12.yaml"
TRUST = "params/trust-board/2024-05-14.yaml"


@pytest.fixture(scope="session")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of 22 meetings of four bodies in Swedish and English, 2021–2024, built
    once without PDFs: a protokoll about camera surveillance with a case of its own, a
    draft protokoll, draft notes about drugs, the rest copies of the examples
    (tests/archive/test_search.py, test_topics.py)."""
    series = ("umebra", "example-board", "kommunstyrelsen", "trust-board")
    root = make_project(tmp_path_factory.mktemp("library"), series)
    publish_drafts(root)
    publish_drafts(root, "kommunstyrelsen")
    for date in ("2023-02-14", "2023-04-11", "2023-09-12", "2023-11-14"):
        add_meeting(root, KOMMUNSTYRELSEN, date)
    add_meeting(root, KOMMUNSTYRELSEN, "2024-01-16", {"status: final": "status: draft"})
    add_meeting(
        root,
        KOMMUNSTYRELSEN,
        "2023-06-13",
        {
            "Markanvisning för Norrbacka hamn": "Kamerabevakning vid Norrbacka hamn",
            "KS 2024/0102": "KS 2023/0777",
        },
    )
    for date in ("2021-11-09", "2022-03-08", "2023-02-07"):
        add_meeting(root, REFERENCE, date)
    add_meeting(root, REFERENCE, "2022-09-20", {"status: final": "status: draft"})
    for date in ("2022-11-08", "2023-03-14", "2023-06-13", "2023-10-10"):
        add_meeting(root, EXAMPLE, date)
    for date in ("2022-11-15", "2023-05-09", "2023-09-12", "2024-01-09"):
        add_meeting(root, TRUST, date)
    run = minutebook("build", "--no-pdf", cwd=root)
    assert run.status == 0, run.err
    return root


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """`minutebook serve` in ``root`` while the block runs; its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "minutebook", "serve", "--port", "0"],
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("Serving "), line
        yield line.split(" at ")[1].split()[0]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(archive: Path) -> Iterator[str]:
    """`minutebook serve` on the archive fixture; its base URL."""
    with serving(archive) as base:
        yield base

"""Every command the README, the guides, the notebooks or a message tells the user to type
works as typed from the project root: ``.venv/bin/minutebook`` with a subcommand and options
it has, a ``make`` target the Makefile has, a program ``.venv/bin`` holds — and never a bare
``minutebook``, which is "command not found" to whoever has not activated the environment.

Each ``minutebook`` command runs in its ``--help`` form (nothing is built), and every option
the text uses must be in that help.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from functools import cache

import pytest

from conftest import ROOT
from minutebook.catalog import MESSAGES
from minutebook.secretary.skeleton import SKELETONS

DOCS = [
    "README.md",
    "docs/guide-en.md",
    "docs/guide-sv.md",
    "docs/analysts.md",
    "docs/meeting-format.md",
    "docs/performance.md",
    "docs/open-data.md",
]
SUBCOMMANDS = {"build", "serve", "new", "check", "template", "sign", "verify", "schema"}
COMMAND = re.compile(
    r"(?:(?<=^)|(?<=[\s`(]))(?:[A-Z_]+=\S+ )*"
    r"(?P<command>(?:\.venv/bin/|(?<![\w/.-]))(?:minutebook|make)\b[^`\n]*|\.venv/bin/[\w.-]+[^`\n]*)"
)


def shell_lines(markdown: str) -> list[str]:
    """The lines of the fenced code blocks meant for a shell (``sh``, or no language)."""
    lines, fence = [], None
    for line in markdown.splitlines():
        if line.startswith("```"):
            fence = line[3:].strip() if fence is None else None
        elif fence in ("", "sh", "bash", "console"):
            lines.append(line.split(" #")[0])
    return lines


def texts() -> list[tuple[str, str]]:
    """(where, text) for each place a command may be written: code in the docs and
    notebooks, and every message of the catalogue."""
    found = []
    for name in DOCS:
        text = (ROOT / name).read_text(encoding="utf-8")
        found += [(name, code) for code in re.findall(r"`([^`\n]+)`", text)]
        found += [(name, line) for line in shell_lines(text)]
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "markdown":
                for code in re.findall(r"`([^`\n]+)`", "".join(cell["source"])):
                    found.append((notebook.name, code))
    for language, skeleton in SKELETONS.items():  # what a new series' first file says
        found += [(f"skeleton ({language})", line.strip("# ")) for line in skeleton.splitlines()]
    for key, languages in MESSAGES.items():
        for language, text in languages.items():
            for code in re.findall(r"`([^`\n]+)`|(?:run|kör):? (\.venv/bin/[^\n]+)", text):
                found.append((f"{key} ({language})", code[0] or code[1]))
    return found


def commands() -> list[tuple[str, str]]:
    """Each command told to the user, with where it was found."""
    out = []
    for where, text in texts():
        for match in COMMAND.finditer(text.strip()):
            command = match["command"].strip().rstrip(".,:;)")
            if command.startswith("minutebook") and not re.match(
                r"minutebook (?:--\w+ \S+ )*(?:" + "|".join(SUBCOMMANDS) + r")\b", command
            ):
                continue  # the package or the program named, not a command line
            out.append((where, command))
    return sorted(set(out))


COMMANDS = commands()


def test_the_docs_and_messages_tell_commands():
    told = {c for _, c in COMMANDS}
    assert any(c.startswith(".venv/bin/minutebook new") for c in told)
    assert any(c.startswith(".venv/bin/minutebook build --republish") for c in told)
    assert "make report" in told and "make lab" in told


def test_no_bare_minutebook():
    """``minutebook …`` is not found unless the environment is active: ``.venv/bin/`` it."""
    assert [(w, c) for w, c in COMMANDS if c.startswith("minutebook")] == []


@cache
def help_of(*words: str) -> str:
    done = subprocess.run(
        [str(ROOT / ".venv/bin/minutebook"), *words, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "LANGUAGE": "en"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    "command", sorted({c for _, c in COMMANDS if c.startswith(".venv/bin/minutebook")})
)
def test_each_minutebook_command_is_one_it_has(command):
    words = shlex.split(command.replace("…", "").replace("<", "").replace(">", ""))[1:]
    options = [w.split("=")[0] for w in words if w.startswith("--")]
    given = []  # the subcommand path: build, template new
    rest = [w for i, w in enumerate(words) if not (i and words[i - 1] == "--lang")]
    for word in rest:
        if word.startswith("-"):
            continue
        if (not given and word in SUBCOMMANDS) or (given == ["template"] and word == "new"):
            given.append(word)
        elif given:
            break
    known = help_of(*given) + help_of()
    assert [o for o in options if o not in known] == [], command


@pytest.mark.parametrize("command", sorted({c for _, c in COMMANDS if c.startswith("make")}))
def test_each_make_target_exists(command):
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    words = command.split()[1:]
    target = re.escape(words[0]) if words else r"[a-z][\w-]*"  # make alone: the first target
    assert re.search(rf"^{target}:", makefile, re.M), command
    for variable in words[1:]:
        name = variable.split("=")[0]
        assert re.fullmatch(r"[A-Z_]+", name) and f"$({name})" in makefile, command


@pytest.mark.parametrize(
    "command",
    sorted(
        {
            c
            for _, c in COMMANDS
            if c.startswith(".venv/bin/") and not c.startswith(".venv/bin/minutebook")
        }
    ),
)
def test_each_other_program_is_in_the_environment(command):
    program = ROOT / command.split()[0]
    assert program.is_file(), command
    if command.split()[1:2] == ["-m"]:  # python -m module: the module is there
        module = command.split()[2]
        done = subprocess.run(
            [str(program), "-c", f"import importlib.util as u; assert u.find_spec({module!r})"],
            capture_output=True,
            timeout=60,
        )
        assert done.returncode == 0, command

"""The house: packages by role, no import circle, nothing importing upward, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "lib" / "minutebook"
ROLES = ("meeting", "template", "build", "archive", "secretary")
# What each role may import of the others: the kernel's code and the meeting's know nothing
# of the pipeline; the archive reads what the build published; the secretary uses them all.
ALLOWED = {
    "meeting": set(),
    "template": {"meeting"},
    "build": {"meeting", "template"},
    "archive": {"meeting", "template", "build"},
    "secretary": {"meeting", "template", "build", "archive"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every minutebook module ``path`` imports, relative imports resolved."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("minutebook")}


def role(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ROLES else None


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_a_role_imports_only_what_it_may(path):
    mine = role(module_name(path))
    if mine is None:
        return  # cli, paths, settings, errors and the analysts' names sit on top or below
    upward = {
        name
        for name in imports(path)
        if role(name) not in (None, mine) and role(name) not in ALLOWED[mine]
    }
    assert upward == set(), f"{module_name(path)} imports {sorted(upward)}"


def test_the_shared_modules_import_no_role():
    for name in ("paths", "settings", "errors"):
        assert {role(i) for i in imports(PACKAGE / f"{name}.py")} <= {None}, name


def test_no_module_is_past_three_hundred_lines_or_so():
    long = {
        module_name(p): n for p in MODULES if (n := len(p.read_text("utf-8").splitlines())) > 340
    }
    assert long == {}


def test_the_kernel_side_loads_no_pipeline():
    """What a template imports starts no nbconvert, Playwright or pydantic."""
    import subprocess
    import sys

    code = (
        "import sys, minutebook.nb, minutebook.sections;"
        "print(sorted(m for m in ('nbconvert', 'playwright', 'pydantic', 'papermill') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr

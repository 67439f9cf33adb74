"""The pre-commit hooks are local: they run offline with the project's own tools."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]


def _hooks() -> dict[str, dict]:
    config = YAML(typ="safe").load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing to download
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_nbstripout_as_configured_strips_outputs_and_keeps_cell_ids(tmp_path):
    hook = _hooks()["nbstripout"]
    notebook = tmp_path / "t.ipynb"
    shutil.copy(ROOT / "notebooks/default.ipynb", notebook)
    nb = nbformat.read(notebook, as_version=4)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", text="printed\n")]
    code.execution_count = 3
    nbformat.write(nb, notebook)
    tool = Path(sys.executable).parent / Path(hook["entry"]).name
    subprocess.run([str(tool), *hook["args"], str(notebook)], check=True)
    stripped = nbformat.read(notebook, as_version=4)
    assert all(not c.get("outputs") and not c.get("execution_count") for c in stripped.cells)
    assert [c.id for c in stripped.cells] == [c.id for c in nb.cells]


def test_every_hook_runs_a_tool_of_the_project():
    for hook in _hooks().values():
        assert hook["entry"].startswith(".venv/bin/"), hook["id"]
        assert (ROOT / ".venv/bin" / hook["entry"].split()[0].split("/")[-1]).exists()

"""Notebooks saved from JupyterLab as they are committed: without outputs.

``make lab`` starts JupyterLab with this as the contents manager's ``pre_save_hook``. The
notebooks under ``notebooks/`` — the templates and the Sekreterare workbook — are kept in
git without outputs; saved with them, every run would change a tracked file, and a
template's outputs (a meeting's names, its figures) would end up in the repository. The
outputs stay on screen until the notebook is closed; what is written is the notebook as
committed, with whatever its cells' sources now say.
"""

from __future__ import annotations

from typing import Any

FOLDER = "notebooks/"
# What running a cell adds to its metadata, and the kernel to the notebook's.
RUN_METADATA = ("execution", "scrolled", "collapsed", "ExecuteTime")


def without_outputs(model: dict[str, Any], path: str, **_: Any) -> None:
    """Strip a notebook under ``notebooks/`` of what running it added, before it is saved."""
    if model.get("type") != "notebook" or not path.lstrip("/").startswith(FOLDER):
        return
    notebook = model["content"]
    for cell in notebook.get("cells", []):
        for key in RUN_METADATA:
            cell.get("metadata", {}).pop(key, None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    metadata = notebook.get("metadata", {})
    if "language_info" in metadata:  # the kernel's version: it differs from machine to machine
        metadata["language_info"] = {"name": metadata["language_info"].get("name", "python")}

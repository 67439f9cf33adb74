"""Template notebooks are committed thin: no outputs, a tagged parameters cell first."""

import re
from pathlib import Path

import nbformat
import pytest

from minutebook.paths import SLUG

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# templates are named by series (lowercase); the others are workbooks for people
TEMPLATES = [p for p in NOTEBOOKS if re.fullmatch(SLUG, p.stem)]


def test_there_is_a_default_template():
    assert ROOT / "notebooks/default.ipynb" in TEMPLATES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_has_a_parameters_cell_with_a_literal_default(path):
    """The first code cell is tagged `parameters` and holds one literal assignment, of a
    meeting file that exists (so the template runs by hand), and comments."""
    import ast

    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    (statement,) = ast.parse(code[0].source).body
    assert isinstance(statement, ast.Assign)
    assert [t.id for t in statement.targets if isinstance(t, ast.Name)] == ["meeting"]
    default = ast.literal_eval(statement.value)
    assert isinstance(default, str) and default.startswith("params/") and default.endswith(".yaml")
    assert (ROOT / default).is_file()
    if path.stem != "default":
        assert default.startswith(f"params/{path.stem}/")


def run_workbook(project, out, serie: str, datum: str) -> list[str]:
    """Run Sekreterare.ipynb headless for one meeting: the HTML each cell showed."""
    import papermill

    papermill.execute_notebook(
        str(project / "notebooks/Sekreterare.ipynb"),
        str(out),
        parameters={"serie": serie, "datum": datum},
        cwd=str(project / "notebooks"),
        progress_bar=False,
    )
    return [
        o.data["text/html"]
        for c in nbformat.read(out, as_version=4).cells
        for o in c.get("outputs", [])
        if "data" in o
    ]


@pytest.mark.e2e
def test_the_secretary_workbook_runs_as_in_jupyterlab_and_stays_as_committed(project):
    """Run in place as JupyterLab runs it (nobody to answer its questions: the remembered
    meeting), then saved through Jupyter's own contents manager with ``make lab``'s hook:
    the tracked file is byte for byte as committed, the choice kept outside it."""
    from jupyter_server.services.contents.filemanager import FileContentsManager
    from nbclient import NotebookClient
    from traitlets.config import Config

    choice = project / ".minutebook/arbetsbok.json"
    choice.parent.mkdir()
    choice.write_text('{"series": "example-board", "date": "2024-03-12"}', encoding="utf-8")
    path = project / "notebooks/Sekreterare.ipynb"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, resources={"metadata": {"path": str(path.parent)}}).execute()
    html = [o.data["text/html"] for c in nb.cells for o in c.get("outputs", []) if "data" in o]
    assert "example-board" in html[0] and "umebra" in html[0]
    assert "example-board 2024-03-12" in html[1]  # the remembered meeting
    assert "inga fel, inga varningar" in html[2]
    assert 'href="../reports/example-board/2024-03-12/minutes.html"' in html[3]
    assert 'href="../reports/example-board/2024-03-12/minutes.pdf"' in html[3]
    assert (project / "reports/example-board/2024-03-12/minutes.pdf").is_file()

    hook = re.search(r"pre_save_hook=(\S+)", (ROOT / "Makefile").read_text("utf-8"))[1]
    config = Config({"ContentsManager": {"pre_save_hook": hook}})  # as make lab sets it
    manager = FileContentsManager(root_dir=str(project), config=config)
    manager.save(
        {"type": "notebook", "format": "json", "content": nb}, "notebooks/Sekreterare.ipynb"
    )
    assert path.read_bytes() == (ROOT / "notebooks/Sekreterare.ipynb").read_bytes()
    assert "/.minutebook/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_the_save_hook_leaves_other_notebooks_alone():
    from minutebook.secretary.saving import without_outputs

    ran = {"cell_type": "code", "outputs": [{"output_type": "stream"}], "execution_count": 3}
    model = {"type": "notebook", "content": {"cells": [dict(ran)], "metadata": {}}}
    without_outputs(model, "analysis/scratch.ipynb")
    assert model["content"]["cells"][0]["outputs"]  # not under notebooks/: as written
    without_outputs(model, "notebooks/umebra.ipynb")
    assert model["content"]["cells"][0] == {**ran, "outputs": [], "execution_count": None}


def test_the_workbook_asks_and_remembers(project, monkeypatch):
    from minutebook.secretary import workbook

    monkeypatch.chdir(project / "notebooks")
    answers = iter(["umebra", ""])  # a series typed, the date offered taken
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    first = workbook.choose()
    assert first.series == "umebra" and first.date  # the newest meeting's date offered
    monkeypatch.setattr("builtins.input", lambda prompt: "")
    assert workbook.choose() == first  # remembered: Enter twice takes it again
    assert workbook.choose("example-board", "2024-03-12").series == "example-board"


@pytest.mark.e2e
def test_the_secretary_workbook_shows_errors(project, tmp_path):
    bad = project / "params/umebra/2022-06-14.yaml"
    bad.write_text(bad.read_text("utf-8").replace("kind: notes", "kind: minutes"), "utf-8")
    html = run_workbook(project, tmp_path / "out.ipynb", "umebra", "2022-06-14")
    assert "umebra 2022-06-14" in html[1]  # papermill's parameters: nothing asked
    assert "Fel att rätta" in html[2] and "kind: förväntade ett av" in html[2]
    assert "Mötet kunde inte byggas" in html[3]


def test_the_workbook_lists_meetings_only(project, monkeypatch):
    from minutebook.secretary import workbook

    (project / "params/umebra/series.yaml").write_text("language: sv\n", encoding="utf-8")
    (project / "params/umebra/sample.yaml").write_text("series: umebra\n", encoding="utf-8")
    (project / "params/_data").mkdir()
    (project / "params/_data/shared.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.chdir(project / "notebooks")
    listing = workbook.meetings().text
    assert "umebra: 2022-06-14" in listing and "example-board: 2024-03-12" in listing
    assert "series" not in listing and "sample" not in listing and "_data" not in listing

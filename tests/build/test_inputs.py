"""What counts as a change: the incremental build's decisions, without building anything."""

from pathlib import Path

import pytest

from minutebook.build import inputs
from minutebook.build.inputs import Inputs, Stamp, is_current, output_folder
from minutebook.paths import Project


@pytest.fixture
def published(project: Path) -> tuple[Project, Path]:
    """A meeting whose (pretend) outputs carry the stamp of its current inputs."""
    proj = Project(project)
    meeting = project / "params/umebra/2022-06-14.yaml"
    attachment = project / "params/umebra/agenda.pdf"
    attachment.write_bytes(b"%PDF-1.4 agenda")
    digest = Inputs(meeting, proj.template_for("umebra"), (attachment,), pdf=True).digest(proj)
    folder = output_folder(proj, meeting)
    folder.mkdir(parents=True)
    stamp = Stamp(inputs=digest, extra=["params/umebra/agenda.pdf"])
    (folder / inputs.STAMP).write_bytes(stamp.dumps())
    return proj, meeting


def test_unchanged_inputs_are_current(published):
    project, meeting = published
    assert is_current(project, meeting, pdf=True)


def test_a_build_with_pdf_serves_a_preview_without(published):
    project, meeting = published
    assert is_current(project, meeting, pdf=False)


def test_never_built_is_not_current(project):
    assert not is_current(Project(project), project / "params/umebra/2022-06-14.yaml", pdf=True)


@pytest.mark.parametrize(
    "change",
    [
        "params/umebra/2022-06-14.yaml",
        "notebooks/umebra.ipynb",
        "params/umebra/agenda.pdf",
    ],
)
def test_any_input_changing_makes_it_stale(published, change):
    project, meeting = published
    path = project.root / change
    path.write_bytes(path.read_bytes() + b"\n")
    assert not is_current(project, meeting, pdf=True)


def test_a_new_series_template_makes_it_stale(published):
    project, meeting = published
    (project.root / "notebooks/umebra.ipynb").rename(project.root / "notebooks/other.ipynb")
    assert not is_current(project, meeting, pdf=True)  # now the default template applies


def test_a_deleted_attachment_makes_it_stale(published):
    project, meeting = published
    (project.root / "params/umebra/agenda.pdf").unlink()
    assert not is_current(project, meeting, pdf=True)


def test_minutebook_itself_changing_makes_it_stale(published, monkeypatch):
    project, meeting = published
    monkeypatch.setattr(inputs, "code_fingerprint", lambda: "another version")
    assert not is_current(project, meeting, pdf=True)


def test_an_incomplete_build_is_never_current(published):
    project, meeting = published
    folder = output_folder(project, meeting)
    (folder / inputs.STAMP).write_bytes(Stamp(inputs=None).dumps())
    assert not is_current(project, meeting, pdf=False)


def test_code_fingerprint_covers_templates(tmp_path, monkeypatch):
    """A change to a template or stylesheet, not only to code, makes every meeting stale."""
    import shutil

    copy = tmp_path / "minutebook"
    shutil.copytree(inputs.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(inputs, "PACKAGE_DIR", copy)
    inputs.code_fingerprint.cache_clear()
    try:
        before = inputs.code_fingerprint()
        assert len(before) == 64
        css = copy / "templates/minutes/static/minutes.css"
        css.write_text(css.read_text("utf-8") + "\n/* a change */\n", "utf-8")
        inputs.code_fingerprint.cache_clear()
        assert inputs.code_fingerprint() != before
        macros = copy / "templates/meeting/pieces.html.j2"
        changed = inputs.code_fingerprint()
        macros.write_text(macros.read_text("utf-8").replace("mb-header", "mb-head"), "utf-8")
        inputs.code_fingerprint.cache_clear()
        assert inputs.code_fingerprint() != changed
    finally:
        inputs.code_fingerprint.cache_clear()

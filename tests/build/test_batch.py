"""Many builds: failure isolation, the summary and exit status, progress lines (no kernels)."""

import io
import threading
import time
from pathlib import Path

from minutebook.build import batch
from minutebook.build.batch import Outcome, Progress, Report, build_many
from minutebook.build.inputs import Stamp
from minutebook.build.meeting import Built
from minutebook.errors import MeetingFileError, Problem, TemplateError
from minutebook.paths import Project


def files(root: Path, n: int) -> list[Path]:
    return [root / f"params/s/2024-01-{day:02}.yaml" for day in range(1, n + 1)]


def fake_build(fail: set[str], seen: list[str] | None = None):
    def build(path, project, printer, timeout):
        if seen is not None:
            seen.append(threading.current_thread().name)
        time.sleep(0.05)
        if path.stem in fail:
            raise TemplateError(f"{path.name}: cell 3 failed: KeyError: 'x'")
        return Built(meeting=None, folder=path.with_suffix(""), files=())

    return build


def test_one_failure_does_not_stop_the_others(tmp_path):
    out = io.StringIO()
    report = build_many(
        Project(tmp_path),
        files(tmp_path, 5),
        pdf=False,
        workers=2,
        progress=Progress(Project(tmp_path), out),
        build=fake_build({"2024-01-03"}),
    )
    assert len(report.built) == 4
    assert [o.path.stem for o in report.failed] == ["2024-01-03"]
    assert report.summary() == "4 built, 0 up to date, 1 failed"
    assert report.exit_status(batch=True) == 1
    lines = out.getvalue().splitlines()
    assert len(lines) == 5 and "[5/5]" in lines[-1]
    assert "failed params/s/2024-01-03.yaml" in out.getvalue()


def test_builds_run_in_parallel(tmp_path):
    seen: list[str] = []
    build_many(
        Project(tmp_path),
        files(tmp_path, 6),
        pdf=False,
        workers=3,
        progress=Progress(Project(tmp_path), io.StringIO()),
        build=fake_build(set(), seen),
    )
    assert len(set(seen)) > 1


def test_up_to_date_meetings_are_not_built(tmp_path, monkeypatch):
    monkeypatch.setattr(
        batch,
        "current_state",
        lambda project, path, pdf: None if path.stem == "2024-01-02" else Stamp(inputs="x"),
    )
    report = build_many(
        Project(tmp_path),
        files(tmp_path, 3),
        pdf=False,
        progress=Progress(Project(tmp_path), io.StringIO()),
        build=fake_build(set()),
    )
    assert [o.path.stem for o in report.done] == ["2024-01-02"]
    assert report.summary() == "1 built, 2 up to date"


def test_force_builds_everything(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "current_state", lambda project, path, pdf: Stamp(inputs="x"))
    report = build_many(
        Project(tmp_path),
        files(tmp_path, 3),
        pdf=False,
        force=True,
        progress=Progress(Project(tmp_path), io.StringIO()),
        build=fake_build(set()),
    )
    assert report.summary() == "3 built, 0 up to date"


def test_exit_status():
    bad = MeetingFileError([Problem(1, 1, "body", "required key is missing", "x.yaml")])
    only_bad_file = Report(done=[Outcome(Path("x.yaml"), error=bad)])
    assert only_bad_file.exit_status(batch=False) == 2
    assert only_bad_file.exit_status(batch=True) == 1
    assert Report(done=[Outcome(Path("x"), folder=Path("f"))]).exit_status(batch=True) == 0


def test_an_unexpected_error_is_isolated_too(tmp_path):
    def build(path, project, printer, timeout):
        if path.stem == "2024-01-02":
            raise FileNotFoundError("gone")
        return Built(meeting=None, folder=path.with_suffix(""), files=())

    report = build_many(
        Project(tmp_path),
        files(tmp_path, 3),
        pdf=False,
        progress=Progress(Project(tmp_path), io.StringIO()),
        build=build,
    )
    assert report.summary() == "2 built, 0 up to date, 1 failed"
    assert str(report.failed[0].error) == (
        "params/s/2024-01-02.yaml: internal error: FileNotFoundError: gone"
    )

import json

from conftest import ROOT, minutebook


def test_schema_prints_the_committed_schema(tmp_path):
    run = minutebook("schema", cwd=tmp_path)
    assert run.status == 0
    assert json.loads(run.out) == json.loads((ROOT / "meeting.schema.json").read_text("utf-8"))


def test_version(tmp_path):
    run = minutebook("--version", cwd=tmp_path)
    assert run.status == 0 and run.out.startswith("minutebook ")


def test_build_without_meetings(tmp_path):
    (tmp_path / "params").mkdir()
    run = minutebook("build", cwd=tmp_path)
    assert run.status == 2 and "no meeting files under params/" in run.err


def test_a_missing_file_is_a_clear_error(project):
    run = minutebook("build", "params/umebra/2099-01-01.yaml", cwd=project)
    assert run.status == 2
    assert run.err.startswith("params/umebra/2099-01-01.yaml:1:1: cannot read the file: ")
    assert "Traceback" not in run.err


def test_every_bad_file_is_reported_and_the_status_says_so(project):
    for name in ("2022-06-14", "2022-06-15"):
        (project / f"params/umebra/{name}.yaml").write_text("series: umebra\n", "utf-8")
    run = minutebook("build", cwd=project)
    assert run.status == 1  # a batch with failures; a single bad file alone gives 2
    assert "params/umebra/2022-06-14.yaml:1:1: body: required key is missing" in run.err
    assert "params/umebra/2022-06-15.yaml:1:1: body: required key is missing" in run.err
    assert "built params/example-board/2024-03-12.yaml" in run.out  # the good one still built
    assert "1 built, 0 up to date, 2 failed; archive updated" in run.out


def test_serve_on_a_taken_port_says_so(archive):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = minutebook("serve", "--port", str(port), cwd=archive)
    assert run.status == 1
    assert run.err.startswith(f"cannot serve on 127.0.0.1:{port}: the port is in use")

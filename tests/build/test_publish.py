import os

from minutebook.build import publish


def test_publish_into_a_new_place(tmp_path):
    final = tmp_path / "s" / "2024-01-02"
    folder = publish.staging(final)
    (folder / "a.txt").write_text("new")
    publish.publish(folder, final)
    assert (final / "a.txt").read_text() == "new"
    assert oct(final.stat().st_mode & 0o777) == "0o755"
    assert sorted(p.name for p in final.parent.iterdir()) == ["2024-01-02"]


def test_publish_replaces_the_whole_old_version(tmp_path):
    final = tmp_path / "2024-01-02"
    final.mkdir()
    (final / "old-only.txt").write_text("old")
    (final / "a.txt").write_text("old")
    folder = publish.staging(final)
    (folder / "a.txt").write_text("new")
    publish.publish(folder, final)
    assert sorted(p.name for p in final.iterdir()) == ["a.txt"]
    assert (final / "a.txt").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["2024-01-02"]


def test_fallback_swap_and_recovery_after_a_crash_between_renames(tmp_path, monkeypatch):
    final = tmp_path / "2024-01-02"
    final.mkdir()
    (final / "a.txt").write_text("old")
    # a crash after the first of the two fallback renames: only the .old folder is left
    os.rename(final, tmp_path / ".2024-01-02.abc.old")
    (tmp_path / ".2024-01-02.xyz.tmp").mkdir()
    publish.recover(final)
    assert (final / "a.txt").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["2024-01-02"]
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    folder = publish.staging(final)
    (folder / "a.txt").write_text("new")
    publish.publish(folder, final)
    assert (final / "a.txt").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["2024-01-02"]


def test_write_atomic(tmp_path):
    target = tmp_path / "index.json"
    publish.write_atomic(target, b"{}")
    publish.write_atomic(target, b"[1]")
    assert target.read_bytes() == b"[1]"
    assert [p.name for p in tmp_path.iterdir()] == ["index.json"]

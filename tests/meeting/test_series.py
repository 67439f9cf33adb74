"""series.yaml: a series' settings and roster, merged under each meeting's keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import minutebook
from minutebook.errors import MeetingFileError
from minutebook.meeting.read import load_meeting
from minutebook.paths import Project

SERIES = """\
body: Kommunstyrelsen
organisation: Norrbacka kommun
kind: protocol
place: Kommunhuset
members:
  - {name: Karin Holm, role: chair, party: S}
  - {name: Erik Sandberg, role: [vice_chair, adjuster], party: M, position: Företagare}
"""

MEETING = """\
series: ks
date: 2024-03-12
place: Bibliotekets hörsal
participants:
  - {name: Karin Holm}
  - {name: Erik Sandberg, party: KD}
  - {name: Gäst Person, role: guest}
items: [{title: T}]
"""


def write(root: Path, series: str | None, meeting: str = MEETING) -> Path:
    folder = root / "params/ks"
    folder.mkdir(parents=True, exist_ok=True)
    if series is not None:
        (folder / "series.yaml").write_text(series, encoding="utf-8")
    path = folder / "2024-03-12.yaml"
    path.write_text(meeting, encoding="utf-8")
    return path


def test_settings_fill_what_the_meeting_leaves_out(tmp_path):
    meeting = load_meeting(write(tmp_path, SERIES))
    assert (meeting.body, meeting.organisation, meeting.kind) == (
        "Kommunstyrelsen",
        "Norrbacka kommun",
        "protocol",
    )
    assert meeting.place == "Bibliotekets hörsal"  # the meeting's own key wins
    karin, erik, guest = meeting.participants
    assert (karin.role, karin.party) == ("chair", "S")
    assert (erik.role, erik.party, erik.position) == (
        ["vice_chair", "adjuster"],
        "KD",
        "Företagare",
    )
    assert guest.party is None


def test_a_meeting_without_settings_still_needs_its_body(tmp_path):
    with pytest.raises(MeetingFileError, match="body: required key is missing"):
        load_meeting(write(tmp_path, None), "params/ks/2024-03-12.yaml")


def test_errors_in_the_settings_point_into_series_yaml(tmp_path):
    write(tmp_path, SERIES.replace("place:", "plaec:"))
    run = minutebook("check", cwd=tmp_path)
    assert run.status == 2
    assert run.out.splitlines() == [
        "params/ks/series.yaml:4:1: plaec: unknown key (did you mean 'place'?)",
        "1 checked: 0 valid, 1 with errors, 0 warnings",
    ]


def test_series_yaml_is_no_meeting_and_is_checked_as_settings(tmp_path):
    write(tmp_path, SERIES + "posting: maybe\n")
    assert [p.name for p in Project(tmp_path).meeting_files()] == ["2024-03-12.yaml"]
    run = minutebook("check", "params/ks/series.yaml", cwd=tmp_path)
    assert run.out.splitlines()[0] == (
        "params/ks/series.yaml:8:10: posting: expected true or false, got the text 'maybe'"
    )


@pytest.mark.e2e
def test_changing_the_settings_rebuilds_the_series_and_they_shape_the_minutes(project):
    folder = project / "params/umebra"
    meeting = folder / "2022-06-14.yaml"  # a draft: final minutes would be kept as they were
    meeting.write_text(meeting.read_text("utf-8").replace("status: final", "status: draft"))
    assert minutebook("build", "--no-pdf", "--series", "umebra", cwd=project).status == 0
    again = minutebook("build", "--no-pdf", "--series", "umebra", cwd=project)
    assert "0 built, 1 up to date" in again.out
    (folder / "series.yaml").write_text("template: default\npublish_drafts: true\n", "utf-8")
    run = minutebook("build", "--no-pdf", "--series", "umebra", cwd=project)
    assert "1 built, 0 up to date" in run.out, run.out + run.err
    html = (project / "reports/umebra/2022-06-14/minutes.html").read_text("utf-8")
    assert 'class="mb-items mb-layout-sections"' in html  # the default template's layout
    again = minutebook("build", "--no-pdf", "--series", "umebra", cwd=project)
    assert "0 built, 1 up to date" in again.out  # the chosen template is in the stamp


def test_a_confidential_items_case_reference_is_public_only_when_the_series_says_so(project):
    secret = MEETING.replace(
        "items: [{title: T}]",
        "items:\n  - {title: Förvärv av fastighet X, case: KS 2024/0099, confidential: OSL 19:1}"
        "\nstatus: draft",
    )
    write(project, SERIES + "show_confidential_case: true\npublish_drafts: true\n", secret)
    run = minutebook("build", "--no-pdf", "--series", "ks", cwd=project)
    assert run.status == 0, run.err
    html = (project / "reports/ks/2024-03-12/minutes.html").read_text("utf-8")
    assert "KS 2024/0099" in html and "Sekretessbelagd" in html
    assert "fastighet" not in html
    write(project, SERIES + "publish_drafts: true\n", secret)
    assert minutebook("build", "--no-pdf", "--series", "ks", cwd=project).status == 0
    html = (project / "reports/ks/2024-03-12/minutes.html").read_text("utf-8")
    assert "KS 2024/0099" not in html and "Sekretessbelagd" in html

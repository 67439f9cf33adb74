"""The archive as open data: every published JSON file valid against the schema published
beside it, each item citable by a stable id, and nothing under reports/ that tells of an
internal version."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import lxml.html
import pytest
from jsonschema import Draft202012Validator

from conftest import minutebook, serving
from minutebook.archive.schemas import MODELS, schema

KINDS = {"meeting.json": "meeting", "popolo.json": "popolo"}


def published_json(reports: Path) -> list[tuple[Path, str]]:
    """Every JSON file readers can fetch, with the name of its schema."""
    found = [(reports / "index.json", "index"), (reports / "decisions.json", "decisions")]
    for path in sorted(reports.glob("*/*/*.json")):
        if path.name in KINDS and not path.parts[-3].startswith("_"):
            found.append((path, KINDS[path.name]))
    return found


@pytest.mark.parametrize("fixture", ["library", "council"])
def test_every_published_json_file_is_valid_against_its_published_schema(request, fixture):
    reports = request.getfixturevalue(fixture) / "reports"
    schemas = {}
    for name in MODELS:
        published = json.loads((reports / f"_schema/{name}.schema.json").read_text("utf-8"))
        assert published == schema(name)  # the schema published is the models' own
        Draft202012Validator.check_schema(published)
        schemas[name] = Draft202012Validator(published)
    files = published_json(reports)
    assert {kind for _, kind in files} == set(MODELS)
    assert len(files) > 10
    for path, kind in files:
        data = json.loads(path.read_text("utf-8"))
        problems = [
            f"{list(e.absolute_path)}: {e.message}" for e in schemas[kind].iter_errors(data)
        ]
        assert problems == [], path
        assert data["licence"] == "CC0-1.0" and data["format_version"], path


def test_the_schemas_catch_a_key_they_do_not_know(library):
    published = json.loads((library / "reports/_schema/index.schema.json").read_text("utf-8"))
    index = json.loads((library / "reports/index.json").read_text("utf-8"))
    index["meetings"][0]["secret"] = "x"
    assert list(Draft202012Validator(published).iter_errors(index))


def test_each_item_has_its_number_anchor_stable_id_and_url(library):
    folder = library / "reports/kommunstyrelsen/2024-03-12"
    meeting = json.loads((folder / "meeting.json").read_text("utf-8"))
    cited = [(i["shown_number"], i["anchor"], i["uid"], i["url"]) for i in meeting["items"]]
    assert cited[1] == (
        "§ 35",
        "p35",
        "kommunstyrelsen/2024-03-12/p35",
        "kommunstyrelsen/2024-03-12/minutes.html#p35",
    )
    page = lxml.html.fromstring((folder / "minutes.html").read_text("utf-8"))
    for _, anchor, _, _ in cited:
        assert page.get_element_by_id(anchor) is not None
    # the anslag days the page shows are in the data too
    assert meeting["posted_on"] == "2024-03-18" and meeting["adjusted_on"] == "2024-03-15"


def test_anchors_and_ids_are_the_same_after_a_forced_rebuild(project):
    assert minutebook("build", "--no-pdf", cwd=project).status == 0
    folder = project / "reports/example-board/2024-03-12"

    def cited() -> tuple[list[str], list[str]]:
        meeting = json.loads((folder / "meeting.json").read_text("utf-8"))
        page = lxml.html.fromstring((folder / "minutes.html").read_text("utf-8"))
        ids = [s.get("id") for s in page.find_class("mb-item")]
        return [i["uid"] for i in meeting["items"]], ids

    before = cited()
    assert before[0] == [f"example-board/2024-03-12/item-{n}" for n in range(1, 6)]
    assert minutebook("build", "--no-pdf", "--force", cwd=project).status == 0
    assert cited() == before


def test_nothing_under_reports_tells_of_an_internal_version(council):
    confidential = "ks/2024-03-05"  # it has an internal version
    assert (council / "internal" / confidential / "minutes.html").is_file()
    stamp = json.loads((council / "reports" / confidential / ".build.json").read_text("utf-8"))
    assert "internal" not in stamp
    assert not any("internal" in p.name for p in (council / "reports").rglob("*"))


def test_serve_gives_no_file_whose_name_starts_with_a_dot(archive):
    with serving(archive) as base:
        assert urllib.request.urlopen(f"{base}umebra/2022-06-14/meeting.json").status == 200
        for hidden in (
            "umebra/2022-06-14/.build.json",
            ".archive.json",
            "umebra/2022-06-14/%2ebuild.json",
        ):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(f"{base}{hidden}")
            assert refused.value.code == 404, hidden

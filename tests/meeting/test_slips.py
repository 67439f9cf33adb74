"""The slips secretaries make (tests/fixtures/slips.yaml), each with its exact message in
English and in Swedish; the language chosen as gettext chooses it; a catalogue where every
message has both languages."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import FIXTURES, minutebook
from minutebook import i18n
from minutebook.catalog import MESSAGES
from minutebook.errors import MeetingFileError
from minutebook.meeting.read import load_meeting

CORPUS = YAML(typ="safe", pure=True).load((FIXTURES / "slips.yaml").read_text("utf-8"))
NAME = "params/umebra/2024-09-10.yaml"


def write_slip(root: Path, slip: dict) -> Path:
    old, new = slip["replace"]
    assert old in CORPUS["base"], slip["name"]
    target = root / NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(CORPUS["base"].replace(old, new, 1), encoding="utf-8")
    return target


@pytest.fixture
def speaking():
    yield i18n.choose
    i18n.choose(None)


def test_the_corpus_is_large_and_its_base_is_valid(tmp_path):
    assert len(CORPUS["slips"]) >= 20
    target = tmp_path / NAME
    target.parent.mkdir(parents=True)
    target.write_text(CORPUS["base"], encoding="utf-8")
    load_meeting(target)


@pytest.mark.parametrize("slip", CORPUS["slips"], ids=lambda s: s["name"])
@pytest.mark.parametrize("language", ["en", "sv"])
def test_each_slip_gets_its_message_in_each_language(slip, language, tmp_path, speaking):
    target = write_slip(tmp_path, slip)
    speaking(language)
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(target, NAME)
    assert [str(p) for p in caught.value.problems] == [f"{NAME}:{slip[language]}"]


def test_no_message_is_the_same_in_both_languages():
    for slip in CORPUS["slips"]:
        assert slip["en"] != slip["sv"], slip["name"]


def test_the_language_comes_from_the_environment_as_gettext_reads_it():
    pick = i18n.user_language
    assert pick({"LANG": "sv_SE.UTF-8"}) == "sv"  # with or without the locale installed
    assert pick({"LANG": "en_GB.UTF-8"}) == "en"
    assert pick({}) == "en"
    assert pick({"LANGUAGE": "sv:en", "LANG": "en_US.UTF-8"}) == "sv"  # LANGUAGE first
    assert pick({"LANGUAGE": "de:sv", "LANG": "en_US.UTF-8"}) == "sv"
    assert pick({"LC_ALL": "en_US.UTF-8", "LANG": "sv_SE.UTF-8"}) == "en"
    assert pick({"LC_MESSAGES": "sv_FI", "LANG": "en_US.UTF-8"}) == "sv"
    assert pick({"LANGUAGE": "", "LC_ALL": "C", "LANG": "sv_SE.UTF-8"}) == "en"
    assert pick({"LANG": "de_DE.UTF-8"}) == "en"  # a language minutebook does not speak
    assert pick({"LANG": "sv-SE"}) == "sv"


def test_the_command_speaks_swedish_from_lang_or_lang_option(tmp_path):
    slip = next(s for s in CORPUS["slips"] if s["name"] == "tab")
    write_slip(tmp_path, slip)
    # LANGUAGE (set for the tests) emptied: LANG decides, as on a Swedish desktop
    run = minutebook("check", cwd=tmp_path, env={"LANGUAGE": "", "LANG": "sv_SE.UTF-8"})
    assert run.status == 2
    assert run.out.splitlines() == [
        f"{NAME}:{slip['sv']}",
        "1 fil kontrollerad: 0 giltiga, 1 med fel, 0 varningar",
    ]
    run = minutebook("--lang", "en", "check", cwd=tmp_path, env={"LANG": "sv_SE.UTF-8"})
    assert run.out.splitlines()[0] == f"{NAME}:{slip['en']}"


def test_every_message_has_both_languages_with_the_same_fields():
    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key, texts in MESSAGES.items():
        assert set(texts) == {"en", "sv"}, key
        assert fields(texts["en"]) == fields(texts["sv"]), key


def test_the_guides_list_the_slips_as_the_corpus_has_them():
    import subprocess
    import sys

    from conftest import ROOT

    done = subprocess.run(
        [sys.executable, "scripts/common_mistakes.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    guide = (ROOT / "docs/guide-sv.md").read_text(encoding="utf-8")
    assert "## Vanliga fel" in guide and "tabbtecken på rad 17" in guide


SWEDISH_MEETING = """\
series: umebra
body: Umebrå
kind: Protokoll
status: utkast
date: 2024-09-10
participants:
  - {name: Anna Ek, role: ordförande}
  - {name: Bo Al, role: [ledamot, justerare], attendance: på distans}
  - {name: Cia Berg, role: vice ordförande, attendance: anmält förhinder}
  - {name: Dan Ro, role: Gäst, present: nej}
items:
  - title: Budget
    standing: ja
    outcome: bordlagt
    proposals:
      - {id: A, text: att bifalla, kind: huvudyrkande, outcome: bifallet}
    votes:
      - {method: votering, yes: [Anna Ek], no: [Bo Al], result: bifallet}
"""


def test_swedish_values_are_read_as_the_formats_english_ones(tmp_path):
    target = tmp_path / NAME
    target.parent.mkdir(parents=True)
    target.write_text(SWEDISH_MEETING, encoding="utf-8")
    meeting = load_meeting(target)
    data = meeting.model_dump(mode="json")  # what meeting.json holds
    assert (data["kind"], data["status"]) == ("protocol", "draft")
    present = [p.present for p in meeting.participants]
    people = [
        (p["role"], p.get("attendance"), here)
        for p, here in zip(data["participants"], present, strict=True)
    ]
    assert people == [
        ("chair", None, True),
        (["member", "adjuster"], "remote", True),
        ("vice_chair", "excused", False),
        ("guest", None, False),
    ]
    item = data["items"][0]
    assert (item["standing"], item["outcome"]) == (True, "tabled")
    assert (item["proposals"][0]["kind"], item["proposals"][0]["outcome"]) == ("main", "adopted")
    assert (item["votes"][0]["method"], item["votes"][0]["result"]) == ("roll_call", "adopted")


def test_the_schema_offers_editors_both_languages():
    import json

    from conftest import ROOT

    schema = (ROOT / "meeting.schema.json").read_text(encoding="utf-8")
    for english, swedish in (
        ("chair", "ordförande"),
        ("planned", "planerat"),
        ("notes", "mötesanteckningar"),
    ):
        assert json.dumps(english) in schema and json.dumps(swedish, ensure_ascii=False) in schema
    assert '"ja"' in schema and '"nej"' in schema


def test_a_fix_that_quotes_a_text_is_itself_valid_yaml():
    from minutebook.meeting.syntax import quoted

    reader = YAML(typ="safe", pure=True)
    for text in ('Rapport: "Trygg i Umeå"', 'It\'s: "x"', "a: b", "back\\slash: x"):
        assert reader.load(f"title: {quoted(text)}") == {"title": text}


def test_a_time_written_the_swedish_way_without_quotes_is_the_time_meant(tmp_path):
    # YAML reads 13.00 as the number 13.0: never seconds after midnight, silently
    target = tmp_path / NAME
    target.parent.mkdir(parents=True)
    text = CORPUS["base"].replace("place:", "time: {start: 13.00, end: 15.30}\nplace:", 1)
    target.write_text(text.replace("  - title: Rapport", "  - time: 9.05\n    title: Rapport"))
    meeting = load_meeting(target)
    assert (str(meeting.time.start), str(meeting.time.end)) == ("13:00:00", "15:30:00")
    assert str(meeting.items[1].time) == "09:05:00"

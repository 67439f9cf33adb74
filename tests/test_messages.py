"""Every message in the user's language: the adversarial files and the slips under both
languages, the command line's own errors and help, and the catalogue itself, with no word
left in the other language.

A message may quote the file (a title, a value, a key) in any language: what is inside
quotes, backticks or braces, and the keys of the format, are left out of the reading. What
remains must hold none of the other language's common words.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import FIXTURES, ROOT
from minutebook import i18n
from minutebook.catalog import MESSAGES
from minutebook.cli import main
from minutebook.errors import MeetingFileError
from minutebook.meeting.model import Meeting
from minutebook.meeting.read import load_meeting

ADVERSARIAL = sorted((ROOT / "tests/adversarial").glob("*.yaml"))
SLIPS = YAML(typ="safe", pure=True).load((FIXTURES / "slips.yaml").read_text("utf-8"))
# Words each language uses all the time and the other never: one of them in a message is a
# message (or a part of one) left untranslated.
OWN_WORDS = {
    "en": {
        "the",
        "is",
        "are",
        "not",
        "must",
        "of",
        "with",
        "without",
        "and",
        "an",
        "to",
        "cannot",
        "expected",
        "got",
        "there",
        "line",
        "column",
        "item",
        "empty",
        "fill",
        "write",
        "number",
        "list",
        "key",
        "unknown",
        "missing",
        "run",
        "it",
        "its",
        "this",
        "that",
        "which",
        "before",
        "after",
        "into",
        "from",
        "found",
        "while",
        "error",
        "warning",
        "valid",
        "checked",
        "nothing",
        "mapping",
        "value",
        "participant",
    },
    "sv": {
        "är",
        "och",
        "inte",
        "måste",
        "med",
        "utan",
        "en",
        "ett",
        "till",
        "för",
        "som",
        "kan",
        "fick",
        "förväntade",
        "rad",
        "kolumn",
        "punkt",
        "tomt",
        "fyll",
        "skriv",
        "texten",
        "lista",
        "nyckel",
        "okänd",
        "saknas",
        "kör",
        "den",
        "det",
        "efter",
        "före",
        "fel",
        "varning",
        "giltig",
        "giltiga",
        "kontrollerad",
        "kontrollerade",
        "ingenting",
        "värde",
        "deltagare",
        "inom",
        "citattecken",
        "där",
        "här",
        "eller",
    },
}
QUOTED = re.compile(
    r"%\(\w+\)\w|'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`|\{[^{}\n]*\}|\[[^\]\n]*\]|«[^»]*»"
)
KEYS = set(Meeting.model_json_schema(mode="validation")["properties"]) | {
    "presenters",
    "notes",
    "title",
    "name",
    "role",
    "owner",
    "due",
    "adjusters",
    "href",
    "decisions",
    "actions",
    "participants",
    "items",
    "text",
    "by",
    "no",
    "yes",
    "date",
}


def words_of(message: str) -> list[str]:
    """The message's own words: without quotations, paths, options and the format's keys."""
    text = QUOTED.sub(" ", message)
    text = re.sub(r"\S*[/\\.]\S*|--?\w[\w-]*|\S+:\d\S*", " ", text)  # files, options, lines
    return [w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in KEYS]


def foreign(message: str, language: str) -> list[str]:
    """The other language's common words in ``message``."""
    other = OWN_WORDS["sv" if language == "en" else "en"]
    return [w for w in words_of(message) if w in other]


@pytest.fixture
def speaking():
    yield i18n.choose
    i18n.choose(None)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_catalogue_speaks_one_language_per_message(language):
    leaks = {key: foreign(texts[language], language) for key, texts in MESSAGES.items()}
    assert {key: words for key, words in leaks.items() if words} == {}


def problems_of(path: Path, name: str) -> list[str]:
    try:
        load_meeting(path, name)
    except MeetingFileError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize("language", ["en", "sv"])
def test_no_adversarial_file_gets_a_word_of_the_other_language(language, tmp_path, speaking):
    speaking(language)
    found = {}
    for source in ADVERSARIAL:
        target = tmp_path / source.stem / "params/council/2024-03-12.yaml"
        target.parent.mkdir(parents=True)
        shutil.copyfile(source, target)
        for line in problems_of(target, "params/council/2024-03-12.yaml"):
            message = line.split(": ", 1)[1]  # after file:line:col
            if words := foreign(message, language):
                found[f"{source.name}: {message}"] = words
    assert found == {}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_no_slip_gets_a_word_of_the_other_language(language, tmp_path, speaking):
    speaking(language)
    found = {}
    for slip in SLIPS["slips"]:
        old, new = slip["replace"]
        target = tmp_path / slip["name"] / "params/umebra/2024-09-10.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(SLIPS["base"].replace(old, new, 1), encoding="utf-8")
        for line in problems_of(target, "params/umebra/2024-09-10.yaml"):
            if words := foreign(line.split(": ", 1)[1], language):
                found[line] = words
    assert found == {}


COMMANDS = [
    ["--help"],
    ["build", "--help"],
    ["check", "--help"],
    ["new", "--help"],
    ["sign", "--help"],
    ["verify", "--help"],
    ["template", "new", "--help"],
    ["buidl"],
    ["new"],
    ["new", "../etc", "--date", "2025-01-01"],
    ["new", "umebra", "--date", "14/6"],
    ["build", "--republish"],
    ["build", "--series", "nothing"],
    ["check", "params/council/2024-03-12.yaml"],
    ["check", "--json", "params/council/2024-03-12.yaml"],
]


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_the_command_line_speaks_the_language_asked(
    command, language, tmp_path, monkeypatch, capsys
):
    """What the command line prints, its help and argparse's own errors included."""
    target = tmp_path / "params/council/2024-03-12.yaml"
    target.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "tests/adversarial/unknown-key-item.yaml", target)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MINUTEBOOK_ROOT", raising=False)
    try:
        main(["--lang", language, *command])
    except SystemExit:
        pass  # --help, and argparse's errors
    finally:
        i18n.choose(None)
    printed = capsys.readouterr()
    lines = [line for line in (printed.out + printed.err).splitlines() if line.strip()]
    assert lines
    # help lists options and their metavars; the JSON's keys are the format's
    text = [
        re.sub(r'^\s*(-\S+(, -\S+)?( [A-Z.\d]+)?|"\w+":|usage:|användning:)', "", x) for x in lines
    ]
    assert {x: foreign(x, language) for x in text if foreign(x, language)} == {}

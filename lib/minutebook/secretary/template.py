"""Start a series' own template, and a meeting to try it with before the series has one.

An analyst often writes the template before the secretary writes the first meeting. Run by
hand, a template needs a meeting file to show; pointing it at another series' meeting
would show that series' body, language and settings. So when the series has no meeting
yet, ``template new`` writes a sample: the first meeting ``minutebook new`` would start,
filled in so that it validates. It is called ``sample.yaml``, not a date, so no build,
check or archive takes it for a meeting: it is never published.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
from pathlib import Path
from typing import Any

from ..errors import MeetingFileError, MinutebookError
from ..i18n import say
from ..meeting.labels import Language
from ..paths import SAMPLE_FILE, SLUG, Project

_HEADER = """\
# A sample meeting of {series}, to run the template notebooks/{series}.ipynb with by
# hand until the series has a meeting of its own (then point the template's parameters
# cell at that one). Its name is not a date, so it is never built or published. Change
# it as you like: add data files (`data:`), items or votes to see your sections show them.
"""


# What fills the sample's blanks, in the series' language.
_SAMPLE: dict[Language, dict[str, str]] = {
    "sv": {
        "example": "exempel",
        "organisation": "Exempelkommunen",
        "place": "Sammanträdesrummet",
        "status": "utkast",
        "member": "ledamot",
        "title": "Uppföljning av verksamheten",
        "notes": "Cecilia Carlsson redogjorde för utvecklingen under året.",
    },
    "en": {
        "example": "example",
        "organisation": "Exampleton Council",
        "place": "The council chamber",
        "status": "draft",
        "member": "member",
        "title": "Review of the year",
        "notes": "Cecilia Carlsson reported on how the year went.",
    },
}


def add_commands(commands: Any) -> None:
    """The ``template`` command of the command line: ``template new <series>``."""
    template = commands.add_parser("template", help=say("cli.template"))
    actions = template.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = actions.add_parser("new", help=say("cli.template.new"))
    new.add_argument("series", metavar=say("cli.metavar.series"), help=say("cli.series"))
    new.set_defaults(run=template_new_command)


def template_new_command(args: argparse.Namespace) -> int:
    """``minutebook template new <series>``: the template, and a sample meeting if needed."""
    project = Project.find()
    path, sample = new_template(project, args.series)
    print(say("template.wrote", path=project.relative(path)))
    if sample is not None:
        print(say("template.sample", series=args.series, path=project.relative(sample)))
        for problem in sample_problems(project, sample):
            print(f"{say('check.warning')}{problem}", file=sys.stderr)
    return 0


def new_template(project: Project, series: str) -> tuple[Path, Path | None]:
    """Copy the default template to ``notebooks/<series>.ipynb``, ready to extend.

    Its ``parameters`` cell names the series' latest meeting, so that running it by hand in
    JupyterLab shows that meeting — or, when the series has none yet, a sample meeting of
    the series (:func:`sample_meeting`). Returns the template and the sample, if one was
    needed.

    Raises:
        MinutebookError: a bad series name, no default template, or the file exists.
    """
    import nbformat

    from .new import latest_meeting  # here: the command line is built without the model

    if not re.match(SLUG, series):
        raise MinutebookError(say("series.bad_name", series=series))
    source = project.notebooks / "default.ipynb"
    target = project.notebooks / f"{series}.ipynb"
    if target.exists():
        raise MinutebookError(say("new.exists", path=project.relative(target)))
    if not source.is_file():
        raise MinutebookError(say("template.missing_default", path=project.relative(source)))
    nb = nbformat.read(source, as_version=4)  # type: ignore[no-untyped-call]
    latest = latest_meeting(project, series)
    sample = None if latest is not None else sample_meeting(project, series)
    shown = latest or sample
    assert shown is not None
    for cell in nb.cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = re.sub(
                r'meeting = "[^"]*"', f'meeting = "{project.relative(shown)}"', cell.source
            )
    with target.open("x", encoding="utf-8") as f:
        nbformat.write(nb, f)  # type: ignore[no-untyped-call]
    return target, sample


def sample_meeting(project: Project, series: str) -> Path:
    """``params/<series>/sample.yaml``: the meeting ``new`` would start, filled in.

    An existing sample is kept as it is (the analyst may have extended it).
    """
    from .skeleton import series_given, series_language

    target = project.params / series / SAMPLE_FILE
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as f:
            given, language = series_given(target), series_language(target)
            f.write(sample_text(series, dt.date.today(), given, language))
    return target


def sample_problems(project: Project, sample: Path) -> list[str]:
    """What keeps the sample from validating, read with the series' settings as a build would.

    Settings in ``series.yaml`` may ask for more than a first meeting has (a protocol's
    justering, say): the sample is then kept, to be completed by hand.
    """
    from ..meeting.read import load_meeting

    try:
        load_meeting(sample, project.relative(sample))
    except MeetingFileError as error:
        return [str(p) for p in error.problems]
    return []


def sample_text(
    series: str, date: dt.date, given: set[str] | None = None, language: Language = "sv"
) -> str:
    """The sample meeting of ``series``: ``new``'s first meeting with every blank filled.

    Keys the series' settings give (``given``) are left to them, as in a first meeting; the
    sample is written in the series' language, as its first meeting would be.
    """
    from .new import _yaml
    from .skeleton import SCHEMA_HINT, first_meeting_text

    yaml = _yaml()
    data = yaml.load(first_meeting_text(series, date, given, language))
    data.ca.comment = None  # the skeleton's "fill in what is empty": ours goes first
    sample = _SAMPLE[language]
    filled = {
        "body": f"{series.replace('-', ' ').capitalize()} ({sample['example']})",
        "organisation": sample["organisation"],
        "place": sample["place"],
        "recorded_by": "Bo Berg",
    }
    data["status"] = sample["status"]  # minutes being written: what a template is for
    data.ca.items.pop("status", None)
    for key, value in filled.items():
        if key in data:
            data[key] = value
            data.ca.items.pop(key, None)  # the skeleton's hint for the blank ("who meets…")
    people = data["participants"]
    people[0]["name"] = "Anna Andersson"
    people[1]["name"] = "Bo Berg"
    people.append(type(people[0])([("name", "Cecilia Carlsson"), ("role", sample["member"])]))
    people[2].fa.set_flow_style()
    item = data["items"][0]
    item["title"] = sample["title"]
    item.ca.items.pop("title", None)
    item["presenters"] = ["Cecilia Carlsson"]
    item["notes"] = type(item["notes"])(sample["notes"] + "\n")
    out = io.StringIO()
    yaml.dump(data, out)
    body = out.getvalue().lstrip("\n")
    return f"# {SCHEMA_HINT}\n{_HEADER.format(series=series)}{body}"

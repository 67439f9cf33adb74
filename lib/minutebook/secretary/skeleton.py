"""The first meeting of a new series: a commented file to fill in, in the series' language.

A secretary starting a series sees keys, a comment on each saying what goes there, and the
fixed values in their own words (``kind: mötesanteckningar``, ``role: ordförande``). What
is left to fill in is either empty — which ``check`` reports as "fill in …" — or the notes'
placeholder text (:data:`PLACEHOLDER`), which ``check`` refuses too: nothing the skeleton
wrote for the secretary to replace can be published by mistake.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from ..i18n import user_language
from ..meeting.labels import Language, label

SCHEMA_HINT = "yaml-language-server: $schema=../../meeting.schema.json"
PLACEHOLDER = "skeleton.notes"  # the label of the notes' placeholder text

# What ``new`` writes at the top of the next meeting's file, in the meeting's language.
NEXT_HEADER: dict[Language, str] = {
    "en": "# The meeting of {date}: the agenda now, the minutes once it is held. Fill it in,\n"
    "# then run\n#   .venv/bin/minutebook check {file}\n",
    "sv": "# Mötet {date}: dagordningen nu, anteckningarna när mötet har hållits. Fyll i och\n"
    "# kör sedan\n#   .venv/bin/minutebook check {file}\n",
}
SKELETONS: dict[Language, str] = {
    "en": """\
# {hint}
#
# The meeting of {date}. Fill in what is empty, then run
#   .venv/bin/minutebook check {file}
# Every key is described in docs/meeting-format.md.
series: {series}
body:                       # who meets, e.g. "Board of the Riverside Tenants' Association"
organisation:               # e.g. "Riverside Tenants' Association"
kind: notes                 # notes (minutes of a meeting) | protocol (formal minutes)
language: en                # en | sv: the language of the labels and dates
date: {date}
time: {{start: "13:00", end: "15:00"}}
place:
status: planned             # planned (kallelse) → draft (minutes) → final; or cancelled
participants:
  - {{name: , role: chair}}
  - {{name: , role: secretary}}

items:
  - title:                  # the first agenda item
    presenters: []
    notes: |
      {notes}

recorded_by:                # the secretary's name
""",
    "sv": """\
# {hint}
#
# Mötet {date}. Fyll i det som är tomt och kör sedan
#   .venv/bin/minutebook check {file}
# Nycklarna förklaras i docs/guide-sv.md (alla, på engelska, i docs/meeting-format.md).
series: {series}
body:                       # organet som sammanträder, t.ex. "Umebrå – Umeå kommuns råd"
organisation:               # t.ex. "Umeå kommun"
kind: mötesanteckningar     # mötesanteckningar | protokoll
language: sv                # sv | en: språket i rubriker och datum
date: {date}
time: {{start: "13:00", end: "15:00"}}
place:
status: planerat            # planerat (kallelse) → utkast (anteckningar) → slutlig; eller inställt
participants:
  - {{name: , role: ordförande}}
  - {{name: , role: sekreterare}}

items:
  - title:                  # den första punkten på dagordningen
    presenters: []
    notes: |
      {notes}

recorded_by:                # sekreterarens namn
""",
}


def series_settings(meeting_file: Path) -> dict[str, object]:
    """The meeting keys the series' settings give (``series.yaml``), with their values.

    Raises:
        MeetingFileError: ``series.yaml`` has errors.
    """
    from ..meeting.series import load_series, series_file

    name = f"params/{meeting_file.parent.name}/{series_file(meeting_file).name}"
    settings = load_series(meeting_file, name)
    return settings.model_dump(mode="json", exclude_unset=True) if settings else {}


def series_given(meeting_file: Path) -> set[str]:
    """The meeting keys the series' settings give.

    A first meeting leaves them out, or its skeleton's ``language: sv`` would override the
    series' ``en``.
    """
    return set(series_settings(meeting_file))


def series_language(meeting_file: Path) -> Language:
    """The language of a new series' first meeting: its settings', else the user's."""
    language = series_settings(meeting_file).get("language")
    return "sv" if language == "sv" else "en" if language == "en" else user_language()


def first_meeting_text(
    series: str,
    date: dt.date,
    given: set[str] | None = None,
    language: Language = "sv",
) -> str:
    """The first meeting of a series, to fill in: the skeleton, less the keys ``given``."""
    from .new import _yaml

    text = SKELETONS[language].format(
        hint=SCHEMA_HINT,
        series=series,
        date=date.isoformat(),
        file=f"params/{series}/{date.isoformat()}.yaml",
        notes=label(PLACEHOLDER, language),
    )
    if not given:
        return text
    yaml = _yaml()
    data = yaml.load(text)
    for key in given & set(data):
        del data[key]
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()

"""Start the next meeting of a series from its latest one.

The new file is the previous one edited in place (a ruamel.yaml round trip), so the
secretary's comments, key order and quoting survive. What carries over: who meets and
where, the participants (everyone marked present again), the standing items with their
presenters but without last time's notes, and every action item not yet done, gathered in
a follow-up item. What does not: the date, the notes, decisions and corrections of the
previous meeting, its source link and its justering. The new meeting starts as
planned: its file is the agenda, and a build makes the kallelse.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import MinutebookError
from ..i18n import say
from ..meeting.actions import derived_id
from ..meeting.labels import Language, label
from ..meeting.model import is_true, yaml_bool
from ..meeting.types import SWEDISH, english_word
from ..paths import SLUG, Project, series_meetings
from .roundtrip import change, comment, drop, keep_items, set_comment
from .skeleton import (
    NEXT_HEADER,
    SCHEMA_HINT,
    first_meeting_text,
    series_given,
    series_language,
)

# What belonged to the last meeting alone: its source, corrections, justering and data.
DROPPED = (
    "source",
    "corrections",
    "adjusted_on",
    "first_paragraph",
    "posted_on",
    "adjusters",
    "data",
    "links",
    "adjustment",
    "next_meeting",
    "notice_posted_on",
)
# What a participant's attendance was at the last meeting: not carried.
ATTENDANCE = ("present", "attendance", "joined", "left", "during", "serving_for")
ITEM_CONTENT = ("notes", "decisions", "actions", "attachments")
# What an item carried to the next meeting (standing, tabled or referred) leaves behind: what
# happened to it last time. Its title, section, case, documents and presenters go with it.
ITEM_RESULT = (
    *ITEM_CONTENT,
    "number",
    "time",
    "proposals",
    "votes",
    "recused",
    "statements",
    "asked_by",
    "answered_by",
    "recommended_to",
    "adjusted_immediately",
    "outcome",
    "dispatch",
)
CARRIED_OUTCOMES = ("tabled", "referred")


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments, order and quoting are kept
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a secretary's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def latest_meeting(project: Project, series: str) -> Path | None:
    """The series' most recent meeting file, if it has one."""
    files = series_meetings(project.params / series)  # a second meeting on a day comes last
    return files[-1] if files else None


def _get(value: object, key: str) -> object:
    return value.get(key) if isinstance(value, dict) else None


def next_date(previous_text: str) -> dt.date | None:
    """The date the previous meeting set for the next one (``next_meeting.date``), if any."""
    data = _yaml().load(previous_text)
    when = _get(_get(data, "next_meeting"), "date")
    if isinstance(when, dt.date):
        return when
    try:
        return dt.date.fromisoformat(str(when)) if when else None
    except ValueError:
        return None


def _is_guest(person: object) -> bool:
    if not isinstance(person, dict):
        return False
    role = english_word(person.get("role"))
    return role == "guest" or (isinstance(role, list) and "guest" in role)


def _follow_ups(items: list[object], language: str, previous: str) -> list[CommentedMap]:
    """Items gathering every action item of the previous meeting that is not done.

    An open action of a confidential item stays confidential: it goes into a follow-up item
    of its own, confidential for the same reason, never into the public one. Each keeps its
    id (given, or made from the ``previous`` meeting's date and its place: see
    :mod:`minutebook.meeting.actions`), so the archive can follow it.
    """
    lang: Language = "en" if language == "en" else "sv"
    groups: dict[object, CommentedSeq] = {}
    place = 0
    for item in items:
        if not isinstance(item, dict):
            continue
        secret = yaml_bool(item.get("confidential") or False)
        for action in item.get("actions") or []:
            place += 1
            if isinstance(action, dict) and not is_true(action.get("done")):
                carried = CommentedMap(
                    (k, action[k]) for k in ("task", "owner", "due") if action.get(k) is not None
                )
                carried["id"] = action.get("id") or derived_id(previous, place)
                if any("\n" in str(value) for value in carried.values()):
                    carried.fa.set_block_style()  # a task of several lines stays a block
                else:
                    carried.fa.set_flow_style()
                groups.setdefault(secret, CommentedSeq()).append(carried)
    out = []
    for secret, actions in groups.items():
        entry = CommentedMap([("title", label("follow_up", lang))])
        if secret is not False:
            entry["confidential"] = secret
        entry["actions"] = actions
        out.append(entry)
    return out


def _space_items(text: str) -> str:
    """One blank line between agenda items, as a secretary would leave them.

    The blank lines of the previous file belong to the values that were dropped with it.
    """
    out: list[str] = []
    in_items = False
    lines = text.split("\n")
    for line in lines:
        if line.startswith("items:"):
            in_items = True
        elif line and not line.startswith((" ", "-", "#")):
            in_items = False
        elif in_items and line.startswith("  - ") and out and out[-1].strip() not in ("", "items:"):
            while out and out[-1].lstrip().startswith("#"):  # comments above stay with it
                line = out.pop() + "\n" + line
            out.append("")
        out.append(line)
    return "\n".join(out)


def next_meeting_text(previous_text: str, date: dt.date, previous_name: str = "") -> str:
    """The YAML of the meeting after the one in ``previous_text``, on ``date``.

    ``previous_name`` is its file's (``2024-03-14-2``), for the ids of the actions carried:
    its date, unless it was the second meeting of its day.
    """
    yaml = _yaml()
    data = yaml.load(previous_text)
    if not isinstance(data, CommentedMap):
        raise MinutebookError(say("new.previous_not_mapping"))
    previous_items = yaml.load(previous_text).get("items") or []
    previous = previous_name or str(data.get("date", ""))
    change(data, "date", date)
    # the next meeting is still to come: its file is the agenda, and builds the kallelse;
    # in the language the file writes its values in ("slutlig" → "planerat")
    swedish = str(data.get("status", "")).strip().lower() in SWEDISH.values()
    planned = SWEDISH["planned"] if swedish else "planned"
    if "status" in data:
        change(data, "status", planned)
    else:
        data.insert(list(data).index("date") + 1, "status", planned)
    for key in DROPPED:
        drop(data, key)
    people = data.get("participants")
    if isinstance(people, CommentedSeq):
        guests = [i for i, person in enumerate(people) if _is_guest(person)]
        kept = [i for i in range(len(people)) if i not in guests]
        data["participants"] = keep_items(people, kept, []) if guests else people
        for person in data["participants"]:
            if isinstance(person, CommentedMap):  # everyone is present until told otherwise
                for key in ATTENDANCE:
                    drop(person, key)
    old = data.get("items") if isinstance(data.get("items"), CommentedSeq) else CommentedSeq()
    standing = [
        j
        for j, item in enumerate(old)
        if isinstance(item, dict)
        and (is_true(item.get("standing")) or english_word(item.get("outcome")) in CARRIED_OUTCOMES)
    ]
    for j in standing:
        for key in ITEM_RESULT:
            drop(old[j], key)
    time = data.get("time")
    if isinstance(time, CommentedMap):
        drop(time, "breaks")
    actions = data.get("actions")
    if isinstance(actions, CommentedSeq):  # the meeting's own open actions stay on its list
        before = sum(
            len(item.get("actions") or []) for item in previous_items if isinstance(item, dict)
        )
        for place, action in enumerate(actions, start=before + 1):
            if isinstance(action, CommentedMap) and not action.get("id"):
                action["id"] = derived_id(previous, place)
        still_open = [i for i, a in enumerate(actions) if not is_true(_get(a, "done"))]
        data["actions"] = keep_items(actions, still_open, [])
        if not still_open:
            drop(data, "actions")
    last = old[-1] if len(old) else None
    if isinstance(last, CommentedMap) and yaml_bool(last.get("confidential", False)) is not False:
        # comment lines indented under a confidential last item speak of it: they stay behind
        eol, below = comment(old, len(old) - 1)
        outside = "".join(line for line in below.splitlines(True) if not line[:1].isspace())
        set_comment(old, len(old) - 1, eol, outside)
    follow_ups = _follow_ups(previous_items, str(data.get("language", "sv")), previous)
    # Before the standing item that closed the last agenda ("Övriga frågor" stays last).
    at = len(standing) - 1 if standing and standing[-1] == len(old) - 1 else len(standing)
    items = keep_items(old, standing, [(at + n, f) for n, f in enumerate(follow_ups)])
    if not items:
        items.append(CommentedMap([("title", None)]))
    data["items"] = items
    out = io.StringIO()
    yaml.dump(data, out)
    # The comment at the top spoke of the previous file: the new one gets its own.
    body = re.sub(r"\A(?:#[^\n]*\n|\n)*", "", _space_items(out.getvalue()))
    header = NEXT_HEADER["en" if str(data.get("language", "sv")) == "en" else "sv"]
    series, day = str(data.get("series", "")), date.isoformat()
    header = header.format(file=f"params/{series}/{day}.yaml", date=day)
    return f"# {SCHEMA_HINT}\n#\n{header}{body}"


def new_meeting(project: Project, series: str, date: dt.date | None = None) -> Path:
    """Write ``params/<series>/<date>.yaml`` for the next meeting; returns its path.

    Raises:
        MinutebookError: a bad series name, or the file exists already.
    """
    if not re.match(SLUG, series):
        raise MinutebookError(say("series.bad_name", series=series))
    previous = latest_meeting(project, series)
    if date is None:  # the day the last meeting set; never, silently, today
        date = next_date(previous.read_text(encoding="utf-8")) if previous else None
    if date is None:
        from .dates import need_date

        raise MinutebookError(need_date(project, series))
    target = project.params / series / f"{date.isoformat()}.yaml"
    if target.exists():
        raise MinutebookError(say("new.exists", path=project.relative(target)))
    if previous is None:
        language = series_language(target)
        text = first_meeting_text(series, date, series_given(target), language)
    else:
        text = next_meeting_text(previous.read_text(encoding="utf-8"), date, previous.stem)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as f:  # "x": never over a file made meanwhile
        f.write(text)
    return target

"""Who attended, grouped as minutes of each kind list them.

A first-version meeting lists who was present and who was absent, as it always did. Where
the second version's keys are used (party, position, attendance, serving …), the lists
follow the conventions of the kind: a protokoll's front page lists Beslutande (with party,
and a deputy serving "för" a member), Ej tjänstgörande ersättare, Övriga närvarande, then
those with Anmält förhinder and the Frånvarande; notes list Present (remote attendance
said at the name), the meeting's own groups ("Also attending"), Regrets and Absent. Arrivals
and departures are said at the name: "från § 5", "lämnar kl. 15.30".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .phrase import fill, join, unbroken
from .whole import clock

# The keys that make a participant list a second-version one.
SECOND_VERSION = (
    "position",
    "party",
    "attendance",
    "serving",
    "serving_for",
    "during",
    "joined",
    "left",
    "group",
)
SERVING_ROLES = ("chair", "vice_chair", "member")

Label = Callable[[str], str]
Person = dict[str, Any]


def roles(person: Person) -> list[str]:
    """A participant's roles, one or a list, as a list."""
    role = person.get("role")
    return [] if not role else [role] if isinstance(role, str) else list(role)


def status(person: Person) -> str:
    """present, remote, absent or excused."""
    return str(person.get("attendance") or ("present" if person.get("present", True) else "absent"))


def serving(person: Person) -> bool:
    """Whether the person takes part in decisions (beslutande)."""
    if person.get("serving") is not None:
        return bool(person["serving"])
    return bool(person.get("serving_for")) or any(r in SERVING_ROLES for r in roles(person))


def second_version(people: list[Person]) -> bool:
    """Whether the list uses any key of the second version."""
    return any(
        isinstance(p.get("role"), list) or any(k in p for k in SECOND_VERSION) for p in people
    )


def _when(value: str, label: Label, time_key: str, item_key: str) -> str:
    """A time as the language writes it ("kl. 15.30", "15:30"), or the item as written."""
    if re.fullmatch(r"\d{1,2}[:.]\d{2}", value):
        return unbroken(fill(label(time_key), time=clock(label, value)))
    return label(item_key).format(item=value)


def describe(person: Person, label: Label) -> str:
    """One line of the attendance: "Anna Ek (S), kassör, ordförande, på distans, från § 5"."""
    name = person["name"] + (f" ({person['party']})" if person.get("party") else "")
    parts = [name]
    if person.get("position"):
        parts.append(person["position"])
    parts += [label(f"role.{r}").lower() for r in roles(person) if not person.get("serving_for")]
    if person.get("serving_for"):
        parts.append(label("serving_for").format(name=person["serving_for"]))
    if person.get("organisation"):
        parts.append(person["organisation"])
    if status(person) == "remote":
        parts.append(label("remote"))
    if person.get("during"):
        parts.append(label("during").format(items=person["during"]))
    if person.get("joined"):
        parts.append(_when(person["joined"], label, "joined_at", "joined_item"))
    if person.get("left"):
        parts.append(_when(person["left"], label, "left_at", "left_item"))
    return join(", ", parts)


def _first_version(person: Person, label: Label) -> str:
    parts = [person["name"]]
    if person.get("role"):
        parts.append(label(f"role.{person['role']}").lower())
    if person.get("organisation"):
        parts.append(person["organisation"])
    return ", ".join(parts)


def groups(people: list[Person], label: Label, protocol: bool) -> list[tuple[str, list[Person]]]:
    """The headed lists of the attendance, in order, empty ones left out."""
    if not second_version(people):
        present = [p for p in people if p.get("present", True)]
        absent = [p for p in people if not p.get("present", True)]
        return [(t, g) for t, g in ((label("present"), present), (label("absent"), absent)) if g]
    here = [p for p in people if status(p) in ("present", "remote")]
    listed = [p for p in here if not p.get("group")]
    if protocol:
        out = [
            (label("serving"), [p for p in listed if serving(p)]),
            (
                label("deputies_not_serving"),
                [p for p in listed if not serving(p) and "deputy" in roles(p)],
            ),
            (
                label("others_present"),
                [p for p in listed if not serving(p) and "deputy" not in roles(p)],
            ),
        ]
    else:
        out = [(label("present"), listed)]
    own = list(dict.fromkeys(p["group"] for p in here if p.get("group")))
    out += [(title, [p for p in here if p.get("group") == title]) for title in own]
    out += [
        (label("excused"), [p for p in people if status(p) == "excused"]),
        (label("absent"), [p for p in people if status(p) == "absent"]),
    ]
    return [(title, group) for title, group in out if group]


def lines(people: list[Person], label: Label) -> list[str]:
    """Each person's line, in the words of the version the list is written in."""
    show = describe if second_version(people) else _first_version
    return [show(p, label) for p in people]

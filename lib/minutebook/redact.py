"""The public version of a meeting: confidential items and withheld names taken out.

Redaction happens on the validated model, before the template runs, so the text that must
not be published never reaches the public notebook, its outputs, or anything built from
them. A confidential item keeps its place (and so its number); everything in it is
replaced by a notice. A withheld name is replaced by the person's role, or by
"namn ej publicerat", wherever it occurs.
"""

from __future__ import annotations

import re
from typing import Any

from .labels import label
from .model import Item, Meeting


def needs_redaction(meeting: Meeting) -> bool:
    """Whether the public version differs from the meeting as written."""
    return any(item.confidential for item in meeting.items) or any(
        not p.publish_name for p in meeting.participants
    )


def confidential_notice(item: Item, meeting: Meeting) -> str:
    """What stands in place of a confidential item: ``Sekretessbelagd punkt (OSL 26:1)``."""
    notice = label("confidential", meeting.language)
    reason = item.confidential
    return f"{notice} ({reason})" if isinstance(reason, str) else notice


def public(meeting: Meeting) -> Meeting:
    """The meeting as it may be published."""
    if not needs_redaction(meeting):
        return meeting
    lang = meeting.language
    stand_ins = {
        p.name: label(f"role.{p.role}", lang) if p.role else label("name_withheld", lang)
        for p in meeting.participants
        if not p.publish_name
    }
    items = [
        Item(title=confidential_notice(item, meeting), confidential=item.confidential)
        if item.confidential
        else item
        for item in meeting.items
    ]
    data = meeting.model_copy(update={"items": items}).model_dump()
    if stand_ins:
        pattern = re.compile(
            "|".join(
                rf"(?<!\w){re.escape(name)}(?!\w)"
                for name in sorted(stand_ins, key=len, reverse=True)
            )
        )
        data = _replace(data, lambda text: pattern.sub(lambda m: stand_ins[m.group(0)], text))
    return Meeting.model_validate(data)


def _replace(value: Any, fix: Any) -> Any:
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, list):
        return [_replace(v, fix) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, fix) for k, v in value.items()}
    return value

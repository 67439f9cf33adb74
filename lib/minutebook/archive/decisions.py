"""Every decision of the archive in one file: ``decisions.csv`` and ``decisions.json``.

"What did the board decide about the library in 2023?" should not need a crawler. A row per
decision — body, date, the item's number and case, its title, the decision, who entered a
reservation, and a link to the item on its page — for a spreadsheet or pandas, and the same
rows as JSON with the licence and the format's version. Drafts are included, marked by their
status, as they are on the pages; a kallelse or a cancelled meeting decides nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from ..meeting.labels import NOT_HELD
from ..meeting.numbering import cited
from ..paths import NAMES
from ..site import Site
from .entries import Entry

DECISIONS_CSV = NAMES["decisions_csv"]
DECISIONS_JSON = NAMES["decisions_json"]
FORMAT_VERSION = "1"
COLUMNS = (
    "series",
    "body",
    "organisation",
    "date",
    "kind",
    "status",
    "language",
    "number",
    "case",
    "title",
    "decision",
    "unanimous",
    "reservations",
    "url",
)


def rows(entries: Sequence[Entry], site: Site) -> list[dict[str, Any]]:
    """A row per decision, oldest meeting first, in the order of the minutes."""
    out = []
    held = [e for e in entries if e.meeting.status not in NOT_HELD]
    for e in sorted(held, key=lambda e: (e.order, e.series)):
        meeting = e.meeting
        for item, (number, anchor) in zip(meeting.items, cited(meeting), strict=True):
            for decision in item.decisions:
                out.append(
                    {
                        "series": e.series,
                        "body": meeting.body,
                        "organisation": meeting.organisation,
                        "date": e.date,
                        "kind": meeting.kind,
                        "status": meeting.status,
                        "language": meeting.language,
                        "number": number,
                        "case": "; ".join(item.case_refs),
                        "title": item.title,
                        "decision": decision.text,
                        "unanimous": decision.unanimous,
                        "reservations": "; ".join(decision.dissenters),
                        "url": site.absolute(f"{e.html}#{anchor}"),
                    }
                )
    return out


def decisions_csv(found: list[dict[str, Any]]) -> bytes:
    """The rows as CSV: UTF-8 with a byte-order mark, which Excel needs to read å, ä, ö."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(
        {**r, "unanimous": "" if r["unanimous"] is None else r["unanimous"]} for r in found
    )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def decisions_json(found: list[dict[str, Any]], site: Site) -> bytes:
    """The rows as JSON, with the licence and the version of the format."""
    data = {**site.about(FORMAT_VERSION), "decisions": found}
    return json.dumps(data, indent=2, ensure_ascii=False).encode()

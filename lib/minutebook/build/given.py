"""What a template's run is given: the meeting as its parameters, and where its page goes.

The build (:mod:`minutebook.build.meeting`) and the preview (:mod:`minutebook.build.look`)
run a template alike, and so do a template's minutes and a kallelse in the notebook's
metadata the exporter reads (:func:`minutebook.build.render.page_info`).
"""

from __future__ import annotations

from typing import Any

from .plan import Plan, Version, as_published


def parameters(plan: Plan, version: Version) -> dict[str, Any]:
    """The meeting as its template gets it, with what the series settles for the pieces.

    Its ``data:`` are the files the template reads: a final meeting's frozen copies.
    """
    meeting = as_published(version.meeting).model_dump(mode="json")
    if version.internal:
        meeting["internal"] = True  # m.internal
    if plan.data:  # a confidential data file only for the internal version
        meeting["data"] = {k: v for k, v in plan.data.items() if k in version.meeting.data}
    if plan.settings is not None:
        meeting["settings"] = plan.settings.model_dump(
            mode="json", include={"posting", "signatures"}
        )
    return meeting


def notebook_metadata(plan: Plan, version: Version) -> dict[str, Any]:
    """What a page's notebook records of where the page goes (see render.page_info).

    The archive it is in (its address and licence), the meeting's folder there — its file's
    name: the date, or ``2024-03-14-2`` for a second meeting that day — and the mark of the
    internal version.
    """
    return {
        "site": plan.site,
        "name": plan.path.stem,
        **({"version": "internal"} if version.internal else {}),
    }

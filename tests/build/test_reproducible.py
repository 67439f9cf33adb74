"""The same inputs make the same bytes: on another machine, at another time, in any order."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from conftest import REFERENCE, minutebook
from minutebook.build.pdf import renumber_nodes

OUTPUTS = (
    "minutes.html",
    "minutes.pdf",
    "minutes.docx",
    "minutes.ipynb",
    "meeting.json",
    "popolo.json",
)


def test_structure_ids_are_counted_afresh_keeping_width_and_order():
    pdf = b"<< /ID (node00000710) >> [(node00000597)] /Names [(node00000597) 1 0 R (node00000710)]"
    out = renumber_nodes(pdf)
    assert out == (
        b"<< /ID (node00000001) >> [(node00000000)] /Names [(node00000000) 1 0 R (node00000001)]"
    )
    assert len(out) == len(pdf)  # no offset in the cross-reference table moves


@pytest.mark.e2e
def test_a_meeting_rebuilt_alone_later_is_byte_identical(project):
    """Built with another meeting (one browser tab prints both), then alone, later."""
    assert minutebook("build", cwd=project).status == 0
    folder = project / "reports/umebra/2022-06-14"
    first = {name: (folder / name).read_bytes() for name in OUTPUTS}
    assert minutebook("build", "--force", REFERENCE, cwd=project).status == 0
    for name in OUTPUTS:
        assert (folder / name).read_bytes() == first[name], name
    info = PdfReader(io.BytesIO(first["minutes.pdf"])).metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20220614000000Z"  # the meeting's day

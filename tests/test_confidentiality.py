"""Confidentiality as secretaries really write: every form of a withheld name, the person's
organisation, an action carried by `minutebook new` out of a confidential item — none of it
in any byte under reports/, all of it in internal/, which only its owner can read."""

from __future__ import annotations

import json
import shutil
import stat
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from conftest import ROOT, minutebook
from protocol_meetings import pdf_text, published_bytes

pytestmark = pytest.mark.e2e

# Zelda Qvarnhemlig and Örjan Döljsson are withheld; Per Lindberg is not.
MEETING = """\
series: ks
body: Kommunstyrelsen
kind: protocol
language: sv
date: 2024-03-05
first_paragraph: 5
status: final
participants:
  - {name: Per Lindberg, role: chair}
  - {name: Cecilia Sekr, role: secretary}
  - {name: Zelda Qvarnhemlig, role: member, organisation: Fältgruppen MARK-ORG, position: MARK-POS, party: MARKPARTY, publish_name: false}
  - {name: Örjan Döljsson, role: officer, publish_name: no}
adjusters: [Per Lindberg]
recorded_by: Cecilia Sekr
items:
  - title: Rapport från Zelda Qvarnhemlig
    presenters: [Zelda Qvarnhemlig, ÖRJAN DÖLJSSON]
    notes: |
      ZELDA QVARNHEMLIG redogjorde för utbyggnaden. Zelda
      Qvarnhemlig svarade på frågor, och Zelda\u00a0Qvarnhemligs förslag godtogs.
      Z. Qvarnhemlig tackade. Qvarnhemlig höll med, liksom Zelda.
      Enligt {nfd} blir det bra; Örjans kollegor instämde.

      | Namn | Uppdrag |
      |---|---|
      | Zelda Qvarnhemlig | rapport |

      Se [Zelda Qvarnhemligs rapport](https://example.org/rapport.pdf).
    decisions:
      - text: att tacka Zelda Qvarnhemlig för rapporten
        reservations: [zelda qvarnhemlig]
    actions:
      - {task: Zelda följer upp utbyggnaden, owner: Z. Qvarnhemlig, due: 2024-04-01}
    attachments:
      - {title: Qvarnhemligs bilaga, href: beslut.pdf}
    proposals:
      - {id: A, text: att bifalla Zelda Qvarnhemligs förslag, by: Zelda Qvarnhemlig, seconded_by: [Per Lindberg]}
    votes:
      - {yes_for: A, method: roll_call, yes: [Per Lindberg], no: [Zelda Qvarnhemlig], result: adopted}
    recused: [{name: Örjan Döljsson, reason: Döljsson äger bolaget}]
    statements: [{by: Zelda Qvarnhemlig, text: Zelda anser att beslutet är fel.}]
  - title: Personalärende
    confidential: "OSL 39:3"
    notes: MARK-SECRET-NOTES
    actions:
      - {task: Samtal MARK-CARRIED, owner: Per Lindberg, due: 2024-04-02}
    proposals: [{text: MARK-SECRET-PROPOSAL, by: Per Lindberg}]
    votes: [{question: MARK-SECRET-VOTE, yes: 3, no: 2}]
    case: MARK-SECRET-CASE
  - title: Ett öppet ärende
    confidential: no
    notes: Det här är inte hemligt, trots "no".
corrections:
  - {date: 2024-03-20, text: Rättat stavningen av Zeldas namn}
"""

LATER = """\
series: ks
body: Kommunstyrelsen
kind: protocol
language: sv
date: 2024-02-01
status: final
items:
  - title: Föregående ärende
"""

WITHHELD = ["qvarnhemlig", "zelda", "döljsson", "örjan", "mark-org", "fältgruppen", "mark-pos"]
WITHHELD += ["markparty"]
SECRET = ["MARK-SECRET-NOTES", "MARK-CARRIED", "MARK-SECRET-PROPOSAL", "MARK-SECRET-VOTE"]
SECRET += ["MARK-SECRET-CASE"]


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The meeting above, an earlier protocol of its year, the next meeting made by `new`,
    and a series called pagefind: built once, with PDFs."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    ks = root / "params/ks"
    ks.mkdir(parents=True)
    nfd = unicodedata.normalize("NFD", "Örjan Döljsson")
    (ks / "2024-03-05.yaml").write_text(MEETING.replace("{nfd}", nfd), encoding="utf-8")
    (ks / "2024-02-01.yaml").write_text(LATER, encoding="utf-8")
    blank = PdfWriter()
    blank.add_blank_page(width=595, height=842)
    blank.write(ks / "beslut.pdf")
    named = root / "params/pagefind"
    named.mkdir()
    (named / "2024-05-01.yaml").write_text(
        "series: pagefind\nbody: Sökgruppen\ndate: 2024-05-01\nitems: [{title: Sökordet}]\n",
        encoding="utf-8",
    )
    new = minutebook("new", "ks", "--date", "2024-04-09", cwd=root)
    assert new.status == 0, new.err
    run = minutebook("build", cwd=root)
    assert run.status == 0, run.err + run.out
    return root


def folded(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("utf-8", "ignore")).casefold()


def test_no_withheld_or_confidential_byte_is_published(hostile):
    found = published_bytes(hostile)
    leaks = [
        (str(path.relative_to(hostile)), word)
        for path, data in found
        for word in [*WITHHELD, *(s.casefold() for s in SECRET)]
        if word in folded(data)
    ]
    assert leaks == []
    # the NFD spelling, byte for byte, is nowhere either
    nfd = unicodedata.normalize("NFD", "Döljsson").encode()
    assert not [path for path, data in found if nfd in data]
    # positive control: the same search sees public words in every kind of output
    seen = {
        path.parts[-3] if "_search" in path.parts else path.suffix
        for path, data in found
        if "utbyggnaden" in folded(data)
    }
    assert {"sv", ".pdf", ".html", ".json", ".ipynb"} <= seen


def test_the_public_version_reads_well(hostile):
    meeting = json.loads((hostile / "reports/ks/2024-03-05/meeting.json").read_text("utf-8"))
    first = meeting["items"][0]
    assert first["title"] == "Rapport från en ledamot"
    assert first["presenters"] == ["Ledamot", "Tjänsteperson"]
    assert first["notes"].startswith(
        "En ledamot redogjorde för utbyggnaden. En ledamot svarade på frågor, och en "
        "ledamots förslag godtogs.\nEn ledamot tackade. En ledamot höll med, liksom en "
        "ledamot.\nEnligt en tjänsteperson blir det bra; en tjänstepersons kollegor instämde."
    )
    assert "| En ledamot | rapport |" in first["notes"]
    assert "Se [en ledamots rapport](https://example.org/rapport.pdf)." in first["notes"]
    assert first["decisions"][0] == {
        "text": "att tacka en ledamot för rapporten",
        "reservations": ["Ledamot"],
    }
    assert first["actions"][0]["task"] == "En ledamot följer upp utbyggnaden"
    assert first["actions"][0]["owner"] == "Ledamot"
    assert first["attachments"][0]["title"] == "En ledamots bilaga"
    assert meeting["corrections"][0]["text"] == "Rättat stavningen av en ledamots namn"
    people = {p["name"]: p for p in meeting["participants"]}
    assert "Per Lindberg" in people
    assert [p["organisation"] for p in meeting["participants"] if not p["publish_name"]] == [
        None,
        None,
    ]
    # `confidential: no` is not confidential
    assert meeting["items"][2]["title"] == "Ett öppet ärende"
    assert meeting["items"][1]["title"] == "Sekretessbelagd punkt (OSL 39:3)"


def test_an_action_carried_from_a_confidential_item_stays_confidential(hostile):
    carried = (hostile / "params/ks/2024-04-09.yaml").read_text("utf-8")
    assert "MARK-CARRIED" in carried
    check = minutebook("check", "params/ks/2024-04-09.yaml", cwd=hostile)
    assert check.status == 0, check.out
    # `new` starts it as planned: its kallelse lists the follow-up, kept confidential
    internal = (hostile / "internal/ks/2024-04-09/agenda.html").read_text("utf-8")
    assert "MARK-CARRIED" in internal
    public = (hostile / "reports/ks/2024-04-09/agenda.html").read_text("utf-8")
    assert "Sekretessbelagd punkt (OSL 39:3)" in public
    assert "Kallelse till sammanträde" in public


def test_the_internal_version_has_everything_and_marks_each_confidential_item(hostile):
    html = (hostile / "internal/ks/2024-03-05/minutes.html").read_text("utf-8")
    for word in ["Zelda Qvarnhemlig", "MARK-ORG", *SECRET[:1]]:
        assert word in html, word
    assert html.count('class="mb-secrecy"') == 1
    assert "Sekretess – lämnas inte ut</strong> (OSL 39:3)" in html
    assert "Sekretess – lämnas inte ut (OSL 39:3)" in pdf_text(
        hostile / "internal/ks/2024-03-05/minutes.pdf"
    )
    public = (hostile / "reports/ks/2024-03-05/minutes.html").read_text("utf-8")
    assert 'class="mb-secrecy"' not in public


def test_internal_is_readable_by_its_owner_only(hostile):
    internal = hostile / "internal"
    paths = [internal, *internal.rglob("*")]
    assert len(paths) > 10
    wrong = [
        (str(p.relative_to(hostile)), oct(stat.S_IMODE(p.stat().st_mode)))
        for p in paths
        if stat.S_IMODE(p.stat().st_mode) != (0o700 if p.is_dir() else 0o600)
    ]
    assert wrong == []


def test_no_published_byte_names_the_building_machine(hostile):
    here = [str(hostile).encode(), str(hostile.resolve()).encode(), b"/tmp/", b"/root"]
    found = [
        (str(path.relative_to(hostile)), where.decode())
        for path, data in published_bytes(hostile)
        for where in here
        if where in data
    ]
    assert found == []
    nb = json.loads((hostile / "reports/ks/2024-03-05/minutes.ipynb").read_text("utf-8"))
    assert nb["metadata"]["papermill"]["input_path"] == "notebooks/default.ipynb"
    assert nb["metadata"]["papermill"]["output_path"] == "minutes.ipynb"


def test_links_to_attached_files_work_in_the_pdf(hostile):
    reader = PdfReader(hostile / "reports/ks/2024-03-05/minutes.pdf")
    uris = [
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    assert "files/beslut.pdf" in uris
    assert "https://example.org/rapport.pdf" in uris
    assert (hostile / "reports/ks/2024-03-05/files/beslut.pdf").is_file()
    assert not [u for u in uris if "minutebook.invalid" in u]


def test_a_series_called_pagefind_keeps_its_minutes(hostile):
    assert (hostile / "reports/pagefind/2024-05-01/minutes.html").is_file()
    assert (hostile / "reports/pagefind/index.html").is_file()
    assert (hostile / "reports/_search/sv/pagefind.js").is_file()


def test_a_protocol_that_sets_its_first_number_is_not_rebuilt(hostile):
    html = (hostile / "reports/ks/2024-03-05/minutes.html").read_text("utf-8")
    assert "§ 5" in html
    run = minutebook("build", cwd=hostile)
    assert run.status == 0
    assert "0 built, 4 up to date" in run.out and "archive updated" not in run.out


def test_check_shows_what_the_public_reads_instead(hostile):
    run = minutebook("check", "params/ks/2024-03-05.yaml", cwd=hostile)
    assert run.status == 0, run.out
    notes = [line.split(": note: ", 1) for line in run.out.splitlines() if ": note: " in line]
    # each note names the item as the secretary counts it, here by its title
    assert [(where.removeprefix("params/ks/2024-03-05.yaml:"), what) for where, what in notes][
        :9
    ] == [
        (
            "16:25",
            'item 1 "Rapport från Zelda Qvarnhemlig": '
            "title: 'Zelda Qvarnhemlig' is published as 'en ledamot'",
        ),
        (
            "17:18",
            'item 1 "Rapport från Zelda Qvarnhemlig": '
            "presenters: 'Zelda Qvarnhemlig' is published as 'Ledamot'",
        ),
        (
            "17:37",
            'item 1 "Rapport från Zelda Qvarnhemlig": '
            "presenters: 'ÖRJAN DÖLJSSON' is published as 'Tjänsteperson'",
        ),
        # inside a block, at the line and column of the name itself
        (
            "19:7",
            'item 1 "Rapport från Zelda Qvarnhemlig": '
            "notes: 'ZELDA QVARNHEMLIG' is published as 'En ledamot'",
        ),
        (
            "19:53",
            'item 1 "Rapport från Zelda Qvarnhemlig": '
            "notes: 'Zelda Qvarnhemlig' is published as 'En ledamot'",
        ),
        (
            "20:42",
            'item 1 "Rapport från Zelda Qvarnhemlig": '
            "notes: 'Zelda Qvarnhemligs' is published as 'en ledamots'",
        ),
        (
            "21:7",
            'item 1 "Rapport från Zelda Qvarnhemlig": '
            "notes: 'Z. Qvarnhemlig' is published as 'En ledamot'",
        ),
        (
            "21:31",
            'item 1 "Rapport från Zelda Qvarnhemlig": '
            "notes: 'Qvarnhemlig' is published as 'En ledamot'",
        ),
        (
            "21:60",
            "item 1 \"Rapport från Zelda Qvarnhemlig\": notes: 'Zelda' is published as 'en ledamot'",
        ),
    ]
    assert len(notes) == 26
    assert run.out.splitlines()[-1] == "1 checked: 1 valid, 0 with errors, 5 warnings, 26 notes"


def test_a_name_in_a_file_name_refuses_that_meeting_only(hostile, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(hostile / "params", root / "params")
    shutil.copytree(hostile / "notebooks", root / "notebooks")
    path = root / "params/ks/2024-03-05.yaml"
    (root / "params/ks/zelda-brev.pdf").write_bytes(b"%PDF-1.4")
    path.write_text(
        path.read_text("utf-8").replace("href: beslut.pdf", "href: zelda-brev.pdf"), "utf-8"
    )
    run = minutebook("build", "--no-pdf", "params/ks/2024-03-05.yaml", cwd=root)
    assert run.status == 2
    assert run.err.splitlines() == [
        "params/ks/2024-03-05.yaml:35:44: items[0].attachments[0].href: the file name "
        "'zelda-brev.pdf' contains the withheld name 'Zelda Qvarnhemlig'; file names are "
        "published as written, so change it"
    ]
    assert not (root / "reports").exists() and not (root / "internal").exists()
    check = minutebook("check", cwd=root)
    assert check.status == 2 and "1 with errors" in check.out

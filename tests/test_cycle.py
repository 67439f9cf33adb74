"""One meeting file from planned to draft to final: the kallelse, drafts kept off the web,
the notice board, and an archive that a rebuild from params/ alone reproduces."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from conftest import make_project, minutebook
from minutebook.secretary.a11y import axe_violations, browser_page
from protocol_meetings import pdf_text, published_bytes

pytestmark = pytest.mark.e2e

SERIES = """\
body: Kommunstyrelsen
organisation: Norrbacka kommun
kind: protocol
language: sv
place: Kommunhuset, sammanträdesrum Älven
kept_at: Kommunkansliet, Kommunhuset
"""
MEETING = """\
series: ks
date: 2024-04-09
time: {start: "13:00"}
status: planned
participants:
  - {name: Karin Holm, role: chair, party: S}
  - {name: Erik Sandberg, role: member, party: M}
  - {name: MARK-HIDDEN Person, role: member, publish_name: false}
  - {name: Johan Falk, role: secretary}
adjusters: [Erik Sandberg]
items:
  - title: Val av justerare
  - title: Detaljplan för Norrbacka centrum
    case: KS 2024/0101
    presenters: [Helena Strand]
    notes: Planen har varit ute på granskning.
    documents:
      - {title: Planbeskrivning, date: 2024-03-20, href: underlag.pdf}
    proposals:
      - {text: att anta detaljplanen, by: Kommunstyrelsens arbetsutskott}
  - title: Förvärv av fastighet MARK-SECRET-TITLE
    case: KS 2024/0120
    confidential: "OSL 19:1"
    notes: Köpeskilling MARK-SECRET-PRICE.
"""
DAY = "MINUTEBOOK_TODAY"
SECRETS = (b"MARK-SECRET", b"MARK-HIDDEN", b"MARK-DRAFT")


def build(root: Path, today: str, *files: str) -> str:
    run = minutebook("build", *files, cwd=root, env={DAY: today})
    assert run.status == 0, run.err
    return run.out + run.err


def edit(root: Path, old: str, new: str) -> None:
    path = root / "params/ks/2024-04-09.yaml"
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def folder(root: Path, where: str = "reports") -> Path:
    return root / where / "ks/2024-04-09"


def board(root: Path) -> dict[str, list[list[str]]]:
    """The notice board's tables: 'up' and 'down', a row of cell texts per notice."""
    html = (root / "reports/_anslagstavla/index.html").read_text("utf-8")
    out: dict[str, list[list[str]]] = {"up": [], "down": []}
    for key, section in (("up", "posted-now"), ("down", "taken-down")):
        part = (
            html.split(f'<h2 id="{section}">')[1].split("</section>")[0] if section in html else ""
        )
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", part, re.S)[1:]:
            cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
            out[key].append([re.sub(r"<[^>]+>", "", c).strip() for c in cells])
    return out


def no_secret_is_published(root: Path) -> None:
    for path, data in published_bytes(root):
        for secret in SECRETS:
            assert secret not in data, (path, secret)


@pytest.fixture(scope="module")
def cycle(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The meeting at each stage, each a copy of the project as it was then."""
    root = make_project(tmp_path_factory.mktemp("cycle"), series=())
    ks = root / "params/ks"
    ks.mkdir(parents=True)
    (ks / "series.yaml").write_text(SERIES, "utf-8")
    (ks / "2024-04-09.yaml").write_text(MEETING, "utf-8")
    blank = PdfWriter()
    blank.add_blank_page(width=595, height=842)
    blank.write(ks / "underlag.pdf")
    stages: dict[str, Path] = {}

    def keep(name: str) -> None:
        stages[name] = tmp_path_factory.mktemp(name)
        shutil.copytree(root, stages[name], dirs_exist_ok=True, symlinks=True)

    build(root, "2024-03-28")  # the kallelse goes out twelve days before
    keep("planned")
    edit(root, "status: planned", "status: draft")
    edit(root, "Detaljplan för Norrbacka centrum", "Detaljplan för Norrbacka centrum, ändrad")
    edit(
        root,
        "  - title: Val av justerare\n",
        "  - title: Val av justerare\n    decisions: [att utse Erik Sandberg MARK-DRAFT]\n",
    )
    build(root, "2024-04-10")
    keep("draft")
    edit(root, "status: draft", "status: final\nadjusted_on: 2024-04-11")
    edit(root, " MARK-DRAFT", "")
    build(root, "2024-04-11")
    keep("final")
    return stages


def test_a_planned_meeting_publishes_its_kallelse(cycle):
    root = cycle["planned"]
    out = folder(root)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "agenda.docx",
        "agenda.html",
        "agenda.pdf",
        "files",
        "meeting.json",
    ]
    word = "\n".join(p.text for p in docx.Document(str(out / "agenda.docx")).paragraphs)
    assert "Förslag till beslut" in word and "Dnr KS 2024/0101" in word
    text = pdf_text(out / "agenda.pdf")
    for expected in (
        "Kallelse till sammanträde",
        "9 april 2024",
        "Kommunhuset, sammanträdesrum Älven",
        "Föredragningslista",
        "1. Val av justerare",
        "2. Detaljplan för Norrbacka centrum",
        "Dnr KS 2024/0101",
        "Föredragande: Helena Strand",
        "Beslutsunderlag Planbeskrivning, 20 mars 2024",
        "Förslag till beslut Kommunstyrelsens arbetsutskott: att anta detaljplanen",
        "3. Sekretessbelagd punkt (OSL 19:1)",
    ):
        assert expected in text, expected
    html = (out / "agenda.html").read_text("utf-8")
    assert "<title>Kallelse 9 april 2024 – Kommunstyrelsen – Norrbacka kommun</title>" in html
    assert 'href="files/underlag.pdf"' in html and (out / "files/underlag.pdf").is_file()
    assert json.loads((out / "meeting.json").read_text("utf-8"))["status"] == "planned"
    no_secret_is_published(root)
    internal = (folder(root, "internal") / "agenda.html").read_text("utf-8")
    assert "MARK-SECRET-PRICE" in internal and "MARK-HIDDEN" in internal
    record = (root / "params/ks/2024-04-09.kallelse.yaml").read_text("utf-8")
    assert record.startswith(MEETING) and record.endswith("notice_posted_on: 2024-03-28\n")
    assert minutebook("check", "params/ks/2024-04-09.kallelse.yaml", cwd=root).status == 0
    index = json.loads((root / "reports/index.json").read_text("utf-8"))
    assert [m["title"] for m in index["meetings"]] == [
        "Kallelse 9 april 2024 – Kommunstyrelsen – Norrbacka kommun"
    ]


def test_the_board_shows_the_kallelse_until_the_meeting(cycle):
    root = cycle["planned"]
    assert board(root)["up"] == [
        [
            "Kallelse",
            "Kommunstyrelsen, Norrbacka kommun",
            "9 april 2024",
            "28 mars 2024",
            "9 april 2024",
            "",
        ]
    ]
    out = build(root, "2024-04-09")
    assert "0 built, 1 up to date; archive updated" in out  # a new day: only the board
    assert len(board(root)["up"]) == 1  # on the day of the meeting
    build(root, "2024-04-10")
    assert board(root)["up"] == [] and len(board(root)["down"]) == 1
    build(root, "2024-03-27")  # before it was posted: not on the board at all
    assert board(root) == {"up": [], "down": []}


def test_a_draft_is_kept_off_the_web(cycle):
    root = cycle["draft"]
    public = folder(root)
    assert sorted(p.name for p in public.iterdir() if not p.name.startswith(".")) == [
        "agenda.docx",
        "agenda.html",
        "agenda.pdf",
        "files",
        "meeting.json",
    ]
    no_secret_is_published(root)  # MARK-DRAFT: not in the index, the feed, JSON or search
    assert "0 built, 1 up to date" in build(root, "2024-04-10")
    internal = folder(root, "internal")
    assert "MARK-DRAFT" in (internal / "minutes.html").read_text("utf-8")
    assert (internal / "agenda.html").is_file()
    # the kallelse as it was sent, not the agenda as it is now
    assert "centrum, ändrad" not in (public / "agenda.html").read_text("utf-8")


def test_a_draft_without_a_kallelse_publishes_nothing(tmp_path):
    root = make_project(tmp_path, series=())
    (root / "params/ks").mkdir(parents=True)
    (root / "params/ks/series.yaml").write_text(SERIES, "utf-8")
    draft = MEETING.replace("status: planned", "status: draft").replace("href: underlag.pdf", "")
    (root / "params/ks/2024-04-09.yaml").write_text(draft, "utf-8")
    build(root, "2024-04-10", "--no-pdf")
    assert not folder(root).exists() and (folder(root, "internal") / "minutes.html").is_file()
    assert "0 built, 1 up to date" in build(root, "2024-04-10", "--no-pdf")
    assert "ks" not in (root / "reports/index.json").read_text("utf-8")
    (root / "params/ks/series.yaml").write_text(SERIES + "publish_drafts: true\n", "utf-8")
    build(root, "2024-04-10", "--no-pdf")
    assert "UTKAST" in (folder(root) / "minutes.html").read_text("utf-8")


def test_final_minutes_sit_beside_the_kallelse_and_go_on_the_board_for_three_weeks(cycle):
    root = cycle["final"]
    public = folder(root)
    for name in ("minutes.html", "minutes.pdf", "agenda.html", "agenda.pdf"):
        assert (public / name).is_file(), name
    assert "centrum, ändrad" in (public / "minutes.html").read_text("utf-8")
    assert "centrum, ändrad" not in (public / "agenda.html").read_text("utf-8")
    series = (root / "reports/ks/index.html").read_text("utf-8")
    assert 'href="../ks/2024-04-09/agenda.html">Kallelse</a>' in series
    agenda = (public / "agenda.html").read_text("utf-8")  # its navigation, as the minutes'
    assert '<a href="../index.html">' in agenda and '<a href="agenda.html">Kallelse</a>' in agenda
    adjusted = [
        "Justerat protokoll",
        "Kommunstyrelsen, Norrbacka kommun",
        "9 april 2024",
        "11 april 2024",
        "2 maj 2024",
        "Kommunkansliet, Kommunhuset",
    ]
    assert board(root)["up"] == [adjusted]
    build(root, "2024-05-01")  # the last day of the three weeks
    assert board(root)["up"] == [adjusted]
    build(root, "2024-05-02")  # taken down
    assert board(root)["up"] == [] and board(root)["down"][0] == adjusted
    feed = (root / "reports/_anslagstavla/feed.xml").read_text("utf-8")
    assert "<title>Justerat protokoll: Kommunstyrelsen, 9 april 2024</title>" in feed
    assert "<title>Kallelse: Kommunstyrelsen, 9 april 2024</title>" in feed
    no_secret_is_published(root)


def test_a_rebuild_from_params_alone_gives_the_same_archive(cycle, tmp_path):
    root = cycle["final"]
    again = tmp_path / "again"
    shutil.copytree(root / "params", again / "params")
    shutil.copytree(root / "notebooks", again / "notebooks")
    build(again, "2024-05-02")
    build(root, "2024-05-02")
    for name in (
        "ks/2024-04-09/agenda.html",
        "ks/2024-04-09/agenda.pdf",
        "ks/2024-04-09/minutes.html",
        "ks/2024-04-09/minutes.pdf",
        "ks/2024-04-09/meeting.json",
        "_anslagstavla/index.html",
        "ks/index.html",
        "index.html",
    ):
        assert (again / "reports" / name).read_bytes() == (root / "reports" / name).read_bytes()


def test_a_cancelled_meeting_says_so_in_place_of_the_kallelse(cycle, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(cycle["planned"], root)
    edit(root, "status: planned", "status: cancelled\nnext_meeting: {date: 2024-04-23}")
    build(root, "2024-04-02")
    text = pdf_text(folder(root) / "agenda.pdf")
    assert "Inställt sammanträde" in text and "Sammanträdet är inställt." in text
    assert "Nästa möte: 23 april 2024" in text and "Föredragningslista" not in text
    assert board(root)["up"][0][:4] == [
        "Inställt sammanträde",
        "Kommunstyrelsen, Norrbacka kommun",
        "9 april 2024",
        "2 april 2024",
    ]


def test_a_series_that_does_not_post_is_not_on_the_board(cycle, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(cycle["planned"], root)
    (root / "params/ks/series.yaml").write_text(SERIES + "posting: false\n", "utf-8")
    build(root, "2024-04-01")
    assert not (root / "reports/_anslagstavla").exists()
    assert "_anslagstavla" not in (root / "reports/index.html").read_text("utf-8")


def test_the_kallelse_and_the_board_pass_axe(cycle):
    root = cycle["final"]
    with browser_page() as page:
        for path in ("ks/2024-04-09/agenda.html", "_anslagstavla/index.html"):
            assert axe_violations(page, (root / "reports" / path).as_uri()) == [], path
        page.set_viewport_size({"width": 320, "height": 800})  # a phone
        for path in ("ks/2024-04-09/agenda.html", "_anslagstavla/index.html"):
            page.goto((root / "reports" / path).as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        # the board's notices stack, each field labelled, rather than squeeze six columns
        cell = "document.querySelector('.mb-board td')"
        assert page.evaluate(f"getComputedStyle({cell}).display") == "block"
        assert page.evaluate(f"getComputedStyle({cell}, '::before').content") == '"Organ: "'
    for stage in ("planned", "final"):  # and the PDFs: tagged, titled, bookmarked
        run = minutebook("check", "--a11y", "params/ks/2024-04-09.yaml", cwd=cycle[stage])
        assert run.out.splitlines()[-1] == "accessibility: 0 problems", run.out


def test_in_english(tmp_path):
    root = make_project(tmp_path, series=())
    (root / "params/ks").mkdir(parents=True)
    (root / "params/ks/series.yaml").write_text(
        SERIES.replace("language: sv", "language: en"), "utf-8"
    )
    planned = MEETING.replace("href: underlag.pdf", "href: https://example.org/plan.pdf")
    (root / "params/ks/2024-04-09.yaml").write_text(planned, "utf-8")
    build(root, "2024-04-01", "--no-pdf")
    html = (folder(root) / "agenda.html").read_text("utf-8")
    for expected in ("Notice of meeting", '<h2 id="mb-agenda">Agenda</h2>', "Proposed decision"):
        assert expected in html, expected
    page = (root / "reports/_anslagstavla/index.html").read_text("utf-8")
    assert "<h1>Notice board</h1>" in page and "Posted now" in page
    assert board(root)["up"][0][:4] == [
        "Notice of meeting",
        "Kommunstyrelsen, Norrbacka kommun",
        "9 April 2024",
        "1 April 2024",
    ]

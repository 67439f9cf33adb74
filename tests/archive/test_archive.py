"""The archive over several meetings: pages, links, JSON, feed, incremental runs."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import add_meeting, correct, minutebook
from minutebook.archive.entries import collect
from minutebook.archive.feed import feed_xml
from minutebook.paths import Project
from minutebook.site import LICENCES, Site

pytestmark = pytest.mark.e2e

MEETINGS = [
    ("example-board", "2023-10-10"),
    ("example-board", "2024-03-12"),
    ("umebra", "2021-11-09"),
    ("umebra", "2022-06-14"),
    ("umebra", "2022-09-20"),
]


def hrefs(page: Path) -> list[str]:
    return re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))


def test_every_meeting_is_published_with_its_json(archive):
    for series, date in MEETINGS:
        folder = archive / "reports" / series / date
        meeting = json.loads((folder / "meeting.json").read_text(encoding="utf-8"))
        assert (meeting["series"], meeting["date"]) == (series, date)
        assert (folder / "minutes.pdf").is_file()


def test_index_lists_bodies_then_years_newest_first(archive):
    html = (archive / "reports/index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in html  # most meetings are Swedish
    board, umebra = html.index("Riverside Library Board"), html.index("Umebrå – Umeå kommuns")
    assert board < umebra  # bodies in alphabetical order
    years = re.findall(r'<h3 id="umebra-(\d{4})">', html)
    assert years == ["2022", "2021"]
    umebra_part = html[umebra:]
    assert umebra_part.index("20 september 2022") < umebra_part.index("14 juni 2022")
    # each series in its own language
    assert 'lang="en"' in html and "12 March 2024" in html and "Meeting notes" in html
    assert "Mötesanteckningar" in html
    # the draft is marked, and only the draft
    assert html.count('class="mb-tag"') == 1
    row = re.search(
        r"<tr>\s*<th[^>]*><a[^>]*><time[^>]*>20 september 2022</time></a>.*?</tr>", html, re.S
    )
    assert row and "Utkast" in row.group(0)


def test_every_link_of_every_page_resolves_to_a_file(archive):
    """Relative links only, each to a file that exists: the archive works from file://."""
    reports = archive / "reports"
    pages = [
        reports / "index.html",
        reports / "search.html",
        *reports.glob("*/index.html"),
        *reports.glob("*/*/minutes.html"),
    ]
    checked = 0
    for page in pages:
        for href in hrefs(page):
            if href == "data:,":  # the empty icon that spares a request for favicon.ico
                continue
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                # only the source link, and the licence's text, leave the archive
                assert page.name == "minutes.html" or href == LICENCES["CC0-1.0"], (page, href)
                continue
            assert not parts.scheme and not href.startswith("/"), (page, href)
            if parts.path:
                assert (page.parent / parts.path).resolve().is_file(), (page, href)
                checked += 1
    assert checked > 50


def test_series_page(archive):
    html = (archive / "reports/umebra/index.html").read_text(encoding="utf-8")
    assert "<h1>Umebrå – Umeå kommuns brotts- och drogförebyggande råd</h1>" in html
    assert re.findall(r'<h2 id="year-(\d{4})">', html) == ["2022", "2021"]
    assert 'href="../umebra/2022-06-14/minutes.pdf"' in html
    assert "Riverside" not in html


def test_minutes_link_to_index_and_neighbours(archive):
    middle = (archive / "reports/umebra/2022-06-14/minutes.html").read_text(encoding="utf-8")
    nav = re.search(r"<nav .*?</nav>", middle, re.S).group(0)
    assert 'href="../../index.html"' in nav and 'href="../index.html"' in nav
    assert 'rel="prev" href="../2021-11-09/minutes.html"' in nav
    assert 'rel="next" href="../2022-09-20/minutes.html"' in nav
    assert 'href="minutes.pdf"' in nav
    first = (archive / "reports/umebra/2021-11-09/minutes.html").read_text(encoding="utf-8")
    assert 'rel="prev"' not in first and 'rel="next"' in first
    english = (archive / "reports/example-board/2024-03-12/minutes.html").read_text("utf-8")
    assert 'Previous meeting: <time datetime="2023-10-10">10 October 2023</time>' in english


def test_index_json(archive):
    data = json.loads((archive / "reports/index.json").read_text(encoding="utf-8"))
    found = [(m["series"], m["date"]) for m in data["meetings"]]
    assert sorted(found) == MEETINGS
    assert [m["date"] for m in data["meetings"]] == sorted((d for _, d in MEETINGS), reverse=True)
    for meeting in data["meetings"]:
        for key in ("html", "pdf", "json"):
            assert (archive / "reports" / meeting[key]).is_file()
    draft = next(m for m in data["meetings"] if m["date"] == "2022-09-20")
    assert draft["status"] == "draft"


def test_atom_feed(archive):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(archive / "reports/feed.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == len(MEETINGS)
    first = entries[0]
    assert first.find(f"{atom}id").text.startswith("urn:uuid:")  # no base URL: a name's UUID
    link = first.find(f"{atom}link[@rel='alternate']").get("href")
    assert (archive / "reports" / link).is_file()


def test_nothing_changed_means_nothing_built(archive):
    before = {p: p.stat().st_mtime_ns for p in (archive / "reports").rglob("*") if p.is_file()}
    run = minutebook("build", cwd=archive)
    assert run.status == 0
    assert "0 built, 5 up to date" in run.out and "archive updated" not in run.out
    after = {p: p.stat().st_mtime_ns for p in (archive / "reports").rglob("*") if p.is_file()}
    assert after == before


def test_one_changed_meeting_is_the_only_one_rebuilt(project):
    add_meeting(project, "params/umebra/2022-06-14.yaml", "2022-09-20")
    assert minutebook("build", "--no-pdf", cwd=project).status == 0
    correct(project / "params/umebra/2022-09-20.yaml", "Övriga frågor", "Övrigt")
    run = minutebook("build", "--no-pdf", cwd=project)
    assert run.status == 0
    assert "built params/umebra/2022-09-20.yaml" in run.out
    assert "1 built, 2 up to date; archive updated" in run.out
    # a template change rebuilds its series, not the others
    template = project / "notebooks/umebra.ipynb"
    template.write_text(
        template.read_text("utf-8").replace("Laid out like", "Laid out as"), "utf-8"
    )
    run = minutebook("build", "--no-pdf", cwd=project)
    assert "2 built, 1 up to date" in run.out
    # --series and --force
    run = minutebook("build", "--no-pdf", "--force", "--series", "example-board", cwd=project)
    assert "1 built, 0 up to date" in run.out


def test_a_failing_meeting_is_summarised_and_keeps_its_last_good_output(project):
    assert minutebook("build", "--no-pdf", cwd=project).status == 0
    good = (project / "reports/umebra/2022-06-14/minutes.html").read_bytes()
    broken = project / "params/umebra/2022-06-14.yaml"
    broken.write_text(broken.read_text("utf-8").replace("language: sv", "language: fi"), "utf-8")
    add_meeting(project, "params/example-board/2024-03-12.yaml", "2024-04-09")
    run = minutebook("build", "--no-pdf", cwd=project)
    assert run.status == 1
    assert "1 built, 1 up to date, 1 failed; archive updated" in run.out
    assert "params/umebra/2022-06-14.yaml:11:11: language: expected one of 'sv' or 'en'" in run.err
    assert (project / "reports/umebra/2022-06-14/minutes.html").read_bytes() == good
    assert (project / "reports/example-board/2024-04-09/minutes.html").is_file()


def test_a_second_build_at_the_same_time_is_refused(project):
    import fcntl
    import os

    fd = os.open(project, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        run = minutebook("build", "--no-pdf", cwd=project)
    finally:
        os.close(fd)
    assert run.status == 1 and "another minutebook build is running" in run.err


def test_the_feed_cannot_be_written_ill_formed(archive):
    """Validation refuses control characters; should one get past it, the feed's writer
    refuses it too rather than publish a feed no reader can parse."""
    entries = collect(Project(archive), Project(archive).meeting_files())
    assert ET.fromstring(feed_xml(entries, "sv", Site())).tag.endswith("feed")
    bad = replace(entries[0])
    bad.__dict__["meeting"] = entries[0].meeting.model_copy(update={"body": "Styrelsen\x01"})
    with pytest.raises(ValueError, match="XML compatible"):
        feed_xml([bad], "sv", Site())

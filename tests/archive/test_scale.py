"""A hundred meetings over ten years: the archive's pages stay small and complete.

The thousand-meeting archive is built in the benchmark (bench/thousand.py); this is its
correctness at a size a test can afford: 70 protokoll of one body (more than its pages
show: the earliest years get pages of their own, for its meetings and its decisions) and
30 notes of another, built once without
PDFs, with the real kernel and nbconvert.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, make_project, minutebook

sys.path.insert(0, str(ROOT / "bench"))
from thousand import generate

from minutebook.archive.board import TAKEN_DOWN_SHOWN
from minutebook.archive.feed import FEED_SIZE
from minutebook.archive.pages import INDEX_ROWS, SERIES_ROWS

pytestmark = pytest.mark.e2e

COUNTS = {"kommunstyrelsen": 70, "example-board": 30}  # a protokoll: decisions in each


@pytest.fixture(scope="module")
def hundred(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("hundred"), tuple(COUNTS))
    generate(root, COUNTS)
    run = minutebook("build", "--no-pdf", cwd=root)
    assert run.status == 0, run.err
    assert "100 built" in run.out
    return root


def links(page: Path) -> list[str]:
    return [a.get("href") for a in lxml.html.parse(str(page)).getroot().iter("a")]


def listed(page: Path, reports: Path) -> list[str]:
    """The minutes pages a page lists in its tables of meetings, as paths under reports/."""
    tree = lxml.html.parse(str(page)).getroot()
    hrefs = tree.xpath("//table[contains(@class, 'mb-meetings')]//th/a/@href")
    return [str((page.parent / h).resolve().relative_to(reports.resolve())) for h in hrefs]


def test_the_front_page_shows_each_body_briefly_and_links_every_year(hundred):
    reports = hundred / "reports"
    index = reports / "index.html"
    rows = listed(index, reports)
    assert len(rows) == INDEX_ROWS * len(COUNTS)
    for series in COUNTS:  # each body's newest meetings, newest first
        newest = sorted((hundred / "params" / series).glob("*.yaml"), reverse=True)
        mine = [r for r in rows if r.startswith(f"{series}/")]
        assert mine == [f"{series}/{p.stem}/minutes.html" for p in newest[:INDEX_ROWS]]
    years = {p.stem[:4] for s in COUNTS for p in (hundred / "params" / s).glob("*.yaml")}
    year_link = re.compile(r"(?:#year-|/)(\d{4})(?:\.html)?$")
    shown = {m.group(1) for h in links(index) if (m := year_link.search(h))}
    assert shown == years
    assert index.stat().st_size < 40_000  # it does not grow with the meetings


def test_every_meeting_is_listed_once_on_its_body_page_or_a_year_page(hundred):
    reports = hundred / "reports"
    for series, count in COUNTS.items():
        page = reports / series / "index.html"
        on_page = listed(page, reports)
        assert len(on_page) <= SERIES_ROWS
        year_pages = sorted((reports / series).glob("[0-9][0-9][0-9][0-9].html"))
        everything = on_page + [r for y in year_pages for r in listed(y, reports)]
        assert len(everything) == len(set(everything)) == count
        built = {f"{series}/{p.name}/minutes.html" for p in (reports / series).glob("20*-*")}
        assert set(everything) == built
        if count > SERIES_ROWS:  # the earliest years moved to pages of their own
            assert year_pages and all(links(y).count("index.html") for y in year_pages)
        for link in links(page):  # every year it links to is there
            if re.match(r"\d{4}\.html$", link):
                assert (reports / series / link).is_file()
        decided = reports / series / "decisions.html"  # the decisions too, by year
        if count > SERIES_ROWS:
            earlier = sorted((reports / series).glob("decisions-[0-9][0-9][0-9][0-9].html"))
            linked = {(decided.parent / h).resolve() for h in links(decided)}
            assert earlier and {p.resolve() for p in earlier} <= linked


def test_a_year_page_marks_its_own_year_among_the_links(hundred):
    reports = hundred / "reports"
    pages = sorted(reports.glob("*/[0-9][0-9][0-9][0-9].html"))
    pages += sorted(reports.glob("*/decisions-[0-9][0-9][0-9][0-9].html"))
    assert pages
    for page in pages:
        tree = lxml.html.parse(str(page)).getroot()
        current = tree.xpath("//nav[@class='mb-years']//a[@aria-current='page']")
        assert [a.text for a in current] == [page.stem[-4:]], page  # for a screen reader
    body = lxml.html.parse(str(reports / "kommunstyrelsen/index.html")).getroot()
    assert not body.xpath("//a[@aria-current]")  # a body's page is no one year's


def test_the_feed_index_and_search_cover_what_they_should(hundred):
    reports = hundred / "reports"
    index = json.loads((reports / "index.json").read_text("utf-8"))
    assert len(index["meetings"]) == sum(COUNTS.values())
    feed = lxml.etree.parse(str(reports / "feed.xml"))
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == FEED_SIZE
    published = [e.findtext("{http://www.w3.org/2005/Atom}published") for e in entries]
    assert None not in published and published == sorted(published, reverse=True)
    assert (reports / "_search").is_dir()


def test_the_notice_board_lists_what_is_up_and_only_the_newest_taken_down(hundred):
    page = hundred / "reports/_anslagstavla/index.html"
    tree = lxml.html.parse(str(page)).getroot()
    down = tree.xpath("//table[@aria-labelledby='taken-down']/tbody/tr")
    assert 0 < len(down) <= TAKEN_DOWN_SHOWN  # seventy protokoll, each with its notices
    assert page.stat().st_size < 200_000


def test_a_long_series_withdrawn_goes_with_its_year_pages(hundred):
    # last: it changes the archive the other tests read
    reports = hundred / "reports"
    assert list((reports / "kommunstyrelsen").glob("[0-9][0-9][0-9][0-9].html"))
    shutil.rmtree(hundred / "params/kommunstyrelsen")
    run = minutebook("build", "--no-pdf", cwd=hundred)
    assert run.status == 0, run.err
    assert not (reports / "kommunstyrelsen").exists()  # its year pages and decisions' too
    assert "kommunstyrelsen/" not in (reports / "index.html").read_text("utf-8")

"""The archive by topic: a body's decisions by year, its action items through the meetings,
each case across meetings and bodies — on the 22 meetings of the ``library`` fixture."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from conftest import EXAMPLE, minutebook
from minutebook.archive.topics import case_slug
from minutebook.secretary.a11y import axe_violations, browser_page

TOPIC_PAGES = (
    "kommunstyrelsen/decisions.html",
    "example-board/actions.html",
    "_cases/index.html",
    "_cases/ks-2024-0102.html",
)


def html(root: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((root / "reports" / path).read_text(encoding="utf-8"))


def test_a_body_lists_every_decision_by_year_newest_first(library):
    page = html(library, "kommunstyrelsen/decisions.html")
    assert page.findtext(".//h1") == "Beslut – Kommunstyrelsen"
    assert [h.text for h in page.iter("h2")] == ["2024", "2023"]
    meetings = [h.text_content() for h in page.iter("h3")]
    assert meetings[:3] == ["12 mars 2024", "16 januari 2024 Utkast", "14 november 2023"]
    assert len(meetings) == 7
    first = page.xpath("//section[1]/ul[1]/li")
    links = [li.find("a") for li in first]
    assert [a.get("href") for a in links] == [
        "../kommunstyrelsen/2024-03-12/minutes.html#p34",
        "../kommunstyrelsen/2024-03-12/minutes.html#p35",
        "../kommunstyrelsen/2024-03-12/minutes.html#p36",
    ]  # § 37 was tabled and § 38 noted: they decided nothing
    assert links[1].text_content() == "§ 35 Budget 2025 och plan för 2026–2027"
    budget = first[1].text_content()
    assert "att föreslå kommunfullmäktige att fastställa budget 2025" in budget
    assert "Reservation: Erik Sandberg, Sara Lindgren" in budget


def test_a_draft_is_marked_on_its_body_s_decisions(library):
    page = html(library, "kommunstyrelsen/decisions.html")
    tagged = [h.text_content() for h in page.iter("h3") if h.find_class("mb-tag")]
    assert tagged == ["16 januari 2024 Utkast"]
    # notes that decided nothing: the page says so, and is still there to link to
    assert "Inga beslut ännu." in html(library, "umebra/decisions.html").text_content()


def test_a_case_is_traced_across_meetings(library):
    index = html(library, "_cases/index.html")
    listed = [a.text for a in index.xpath("//main//li/a")]
    assert listed == ["KS 2023/0456", "KS 2023/0777", "KS 2023/0890", "KS 2024/0102"]
    own = html(library, "_cases/ks-2023-0777.html")
    assert own.findtext(".//h1") == "Ärende KS 2023/0777"
    assert [a.get("href") for a in own.xpath("//main//h2/a")] == [
        "../kommunstyrelsen/2023-06-13/minutes.html#p36"
    ]
    shared = html(library, "_cases/ks-2024-0102.html")
    hrefs = [a.get("href") for a in shared.xpath("//main//h2/a")]
    dates = [re.search(r"/(\d{4}-\d\d-\d\d)/", h).group(1) for h in hrefs]
    assert len(dates) == 6 and dates == sorted(dates)
    assert "att ge kommundirektören i uppdrag" in shared.xpath("//main//li")[0].text_content()


def test_case_slugs_are_plain_and_unique():
    taken: set[str] = set()
    assert case_slug("KS 2024/0102", taken) == "ks-2024-0102"
    assert case_slug("ks 2024-0102", taken) == "ks-2024-0102-2"
    assert case_slug("Dnr Ö 12:3", taken) == "dnr-o-12-3"


def test_an_action_carried_by_new_keeps_its_history(project):
    assert minutebook("new", "example-board", "--date", "2024-04-09", cwd=project).status == 0
    following = project / EXAMPLE.replace("2024-03-12", "2024-04-09")
    text = following.read_text(encoding="utf-8")
    assert "id: 2024-03-12-1}" in text  # the carried action says which one it is
    text = text.replace("status: planned", "status: final").replace(
        "id: 2024-03-12-1}", "id: 2024-03-12-1, done: true}"
    )
    following.write_text(text, encoding="utf-8")
    run = minutebook("build", "--no-pdf", cwd=project)
    assert run.status == 0, run.err
    page = html(project, "example-board/actions.html")
    done = page.get_element_by_id("action-2024-03-12-1")
    history = [li.text_content() for li in done.iter("li")]
    assert history == [
        "12 March 2024, 3 Opening hours from April: Open",
        "9 April 2024, 3 Follow-up of actions: Done",
    ]
    assert done.find_class("mb-tag")[0].text == "Done"
    sections = page.xpath("//main/section")
    assert sections[-1] is not None and sections[-1].get("id") == "action-2024-03-12-1"
    still = page.get_element_by_id("action-2024-03-12-2")
    assert [li.text_content().endswith("Open") for li in still.iter("li")] == [True, True]


@pytest.fixture(scope="module")
def page():
    with browser_page() as page:
        yield page


@pytest.mark.e2e
@pytest.mark.parametrize("width", [320, 1280])
def test_topic_pages_pass_axe_and_fit_a_phone(library, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in TOPIC_PAGES:
        url = (library / "reports" / path).as_uri()
        assert axe_violations(page, url) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path

"""The archive's search as a reader uses it, in a real Chromium, on 22 meetings in two
languages (the ``library`` fixture): hits are items, honest, filtered and paged."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import serving
from minutebook.archive.records import compound_ends
from minutebook.build.chromium import launch
from minutebook.secretary.a11y import axe_violations

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def page(library: Path):
    from playwright.sync_api import sync_playwright

    with serving(library) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(base_url=base)
        page = context.new_page()
        failed: list[str] = []
        page.on("pageerror", lambda error: failed.append(str(error)))
        yield page
        assert failed == []
        browser.close()


def search(page, address: str) -> list[str]:
    """Open the search page at ``address``; the links of the results shown."""
    page.goto(address)
    status = page.locator("#mb-status")
    status.filter(has_text=re.compile(r"\S")).wait_for()
    return [a.get_attribute("href") for a in page.locator("#mb-results li h3 a").all()]


def status(page) -> str:
    return page.locator("#mb-status").inner_text()


def test_a_word_in_no_meeting_finds_nothing_though_a_party_letter_is_beside_it(page):
    # Pagefind alone cuts an unknown word shorter until it matches ("S" is in every list)
    assert search(page, "search.html?q=" + quote("Skogsbrynet S.")) == []
    assert status(page).startswith("Inga träffar")


def test_short_words_and_party_letters_alone_search_nothing(page):
    assert search(page, "search.html?q=" + quote("(S) M. 2.")) == []
    assert "minst tre tecken" in status(page)


def test_a_part_of_a_compound_finds_it(page):
    hrefs = search(page, "search.html?q=bevakning")
    assert hrefs == ["kommunstyrelsen/2023-06-13/minutes.html#p36"]
    assert "Kamerabevakning" in page.locator("#mb-results h3").first.inner_text()


def test_a_case_number_finds_only_its_items(page):
    assert search(page, "search.html?q=" + quote("KS 2023/0777")) == [
        "kommunstyrelsen/2023-06-13/minutes.html#p36"
    ]
    # the same case on six agendas: each of them, and nothing that merely has "2024" in it
    hrefs = search(page, "search.html?q=" + quote("2024/0102"))
    assert len(hrefs) == 6
    assert {h.split("/")[0] for h in hrefs} == {"kommunstyrelsen"}
    assert all(h.endswith("#p36") for h in hrefs)
    assert "Engelska" not in status(page) and "engelska" not in status(page)


def test_a_result_is_the_item_its_body_date_kind_and_decision(page):
    hrefs = search(page, "search.html?q=laddstolpar")
    assert hrefs and all(h.endswith("#p37") for h in hrefs)
    first = page.locator("#mb-results li").first
    facts = first.locator(".mb-result-facts").inner_text()
    assert re.fullmatch(r"Kommunstyrelsen · \d+ \w+ 20\d\d · Protokoll", facts)
    search(page, "search.html?q=markanvisningsavtal")
    excerpt = page.locator("#mb-results li p").nth(1).inner_text()
    assert excerpt.startswith("Beslut: att ge kommundirektören")
    assert page.locator("#mb-results li").first.locator("mark").inner_text() == (
        "markanvisningsavtal"
    )


def test_the_link_opens_the_item_at_its_heading(page):
    hrefs = search(page, "search.html?q=" + quote("KS 2023/0777"))
    page.locator("#mb-results a").first.click()
    page.wait_for_url(f"**/{hrefs[0]}")
    assert page.locator(":target").get_attribute("id") == "p36"
    assert "Kamerabevakning" in page.locator(":target h3").inner_text()


def test_a_draft_is_marked_as_one(page):
    search(page, "search.html?q=narkotika&sort=newest")
    results = page.locator("#mb-results li").all()
    draft = ["2022-09-20" in r.locator("a").get_attribute("href") for r in results]
    tags = [r.locator(".mb-tag").all_inner_texts() for r in results]
    assert any(draft) and not all(draft)
    assert tags == [["Utkast"] if d else [] for d in draft]


def test_filters_by_body_year_and_sort_by_date(page):
    hrefs = search(page, "search.html?body=kommunstyrelsen&year=2023&sort=newest")
    dates = [h.split("/")[1] for h in hrefs]
    assert dates[0] == "2023-11-14" and dates == sorted(dates, reverse=True)
    assert "30 träffar" in status(page)  # five meetings: each one's top and its five items
    assert {h.split("/")[0] for h in hrefs} == {"kommunstyrelsen"}
    # one meeting's items stay in the order of its minutes
    first = [h for h in hrefs if h.split("/")[1] == dates[0]]
    assert first[0].endswith("minutes.html") and first[1:] == sorted(first[1:])
    oldest = search(page, "search.html?body=kommunstyrelsen&year=2023&sort=oldest")
    assert oldest[0] == "kommunstyrelsen/2023-02-14/minutes.html"
    search(page, "search.html?q=att&status=draft")
    facts = page.locator("#mb-results .mb-result-facts").all_inner_texts()
    assert facts and all("Utkast" in f for f in facts)


def test_every_result_is_reachable_and_the_count_is_what_is_listed(page):
    hrefs = search(page, "search.html?q=att")
    n = int(re.match(r"(\d+) träffar", status(page)).group(1))
    assert n > 40 and len(hrefs) == 20
    assert f"Visar 20 av {n}" in status(page)
    more = page.get_by_role("button", name="Visa fler träffar")
    while more.is_visible():
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('#mb-results li').length >= n",
            arg=min(n, page.locator("#mb-results li").count() + 1),
        )
    links = page.locator("#mb-results li h3 a").all()
    assert len(links) == n and len({a.get_attribute("href") for a in links}) == n


def test_languages_are_listed_apart(page):
    swedish = search(page, "search.html?q=budget")
    assert swedish and all(h.startswith("kommunstyrelsen/") for h in swedish)
    assert "på engelska" in status(page)  # the English hits are counted, not mixed in
    english = search(page, "search.html?q=budget&lang=en")
    assert english and not {h.split("/")[0] for h in english} & {"kommunstyrelsen", "umebra"}
    # none in Swedish: the English results are shown, and the status says so
    shown = search(page, "search.html?q=library")
    assert shown and "Inga träffar på svenska" in status(page)


def test_back_undoes_a_filter(page):
    everything = search(page, "search.html?q=budget")
    said = status(page)
    page.select_option("#mb-f-year", "2023")
    page.wait_for_url("**year=2023*")
    page.locator("#mb-status").filter(has_not_text=said).wait_for()
    page.go_back()
    page.locator("#mb-status").filter(has_text=said).wait_for()
    assert page.locator("#mb-f-year").input_value() == ""
    links = [a.get_attribute("href") for a in page.locator("#mb-results li h3 a").all()]
    assert links == everything


def test_a_body_page_searches_that_body(page):
    page.goto("kommunstyrelsen/index.html")
    page.get_by_label("Sök i Kommunstyrelsen").fill("budget")
    page.get_by_role("button", name="Sök").click()
    page.wait_for_url("**/search.html?*")
    assert "body=kommunstyrelsen" in page.url
    hrefs = search(page, page.url)
    assert hrefs and {h.split("/")[0] for h in hrefs} == {"kommunstyrelsen"}
    assert page.locator("#mb-f-body").input_value() == "kommunstyrelsen"


@pytest.mark.parametrize("width", [320, 1280])
def test_the_search_page_with_filters_and_results_fits_and_passes_axe(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    try:
        url = page.url.split("search.html")[0] + "search.html?q=att&body=kommunstyrelsen"
        assert axe_violations(page, url, ready="#mb-results li") == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})


def test_compound_ends_are_the_words_inside_long_words():
    assert "bevakning" in compound_ends("Kamerabevakning vid hamnen")
    assert compound_ends("hamnen vid") == []  # short words are found by their start
    assert all(len(end) >= 5 for end in compound_ends("markanvisningsavtal"))

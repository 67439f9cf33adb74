"""What a reader does, in a real headless Chromium, against `minutebook serve`."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from minutebook.build.chromium import launch

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def page(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(base_url=server)
        page = context.new_page()
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.on("pageerror", lambda error: failed.append(str(error)))
        yield page
        assert failed == []
        browser.close()


def test_index_to_minutes_to_pdf(page):
    page.goto("index.html")
    assert page.locator("h1").inner_text() == "Mötesarkiv"
    page.get_by_role("link", name="14 juni 2022").click()
    page.wait_for_url("**/umebra/2022-06-14/minutes.html")
    assert "Umebrå" in page.locator("h1").inner_text()
    href = page.locator("nav.mb-nav").get_by_role("link", name="PDF").get_attribute("href")
    response = page.request.get(urljoin(page.url, href))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    page.get_by_role("link", name="Nästa möte: 20 september 2022 →").click()
    page.wait_for_url("**/umebra/2022-09-20/minutes.html")
    page.get_by_role("link", name="Alla möten", exact=True).click()
    page.wait_for_url("**/index.html")


@pytest.mark.parametrize(
    "word,expected",
    [
        # in one English meeting only: the result is its item
        ("xylophone", "example-board/2023-10-10/minutes.html#item-4"),
    ],
)
def test_search_finds_the_one_meeting(page, word, expected):
    page.goto("index.html")
    page.get_by_label("Sök i alla möten").fill(word)
    page.get_by_role("button", name="Sök").click()
    page.wait_for_url(f"**/search.html?q={word}")
    status = page.locator("#mb-status")
    status.filter(has_text="träff").wait_for()
    links = page.locator("#mb-results h3 a")
    assert links.count() == 1
    assert links.first.get_attribute("href") == expected
    assert word in page.locator("#mb-results mark").first.inner_text().lower()
    links.first.click()
    page.wait_for_url(f"**/{expected}")


def test_swedish_search_finds_other_inflections(page):
    """A Swedish word in another form finds the meetings that use it."""
    page.goto("search.html?q=volontärverksamhet")
    page.locator("#mb-status").filter(has_text="träff").wait_for()
    hrefs = {a.get_attribute("href") for a in page.locator("#mb-results a").all()}
    dates = ("2021-11-09", "2022-06-14", "2022-09-20")
    assert hrefs == {f"umebra/{d}/minutes.html#item-2" for d in dates}


def test_no_results(page):
    page.goto("search.html?q=zzzyyyxxx")
    page.locator("#mb-status").filter(has_text="Inga träffar").wait_for()
    assert page.locator("#mb-results li").count() == 0


def test_from_file_the_archive_works_and_search_says_what_it_needs(page, archive):
    page.goto((archive / "reports/index.html").as_uri())
    page.get_by_role("link", name="12 March 2024").click()
    assert "Riverside Library Board" in page.locator("h1").inner_text()
    page.goto((archive / "reports/search.html").as_uri() + "?q=budget")
    assert "minutebook serve" in page.locator("#mb-status").inner_text()

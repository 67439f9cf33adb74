"""Every page on a phone: nothing scrolls sideways at 320 CSS px (WCAG 2.1, 1.4.10), text
resizes to 200 % without loss (1.4.4), wide tables scroll in a region of their own or stack,
and dates stay whole. In a real Chromium, on the examples and on the stress meetings."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import serving
from minutebook.secretary.a11y import axe_violations, browser_page

WIDTH = "document.documentElement.scrollWidth"
STRESS_MINUTES = "reports/stress-sv/2024-09-30/minutes.html"


def pages(root: Path) -> list[Path]:
    """Every page a reader can open: published, internal, the archive's own."""
    found = [*(root / "reports").rglob("*.html"), *(root / "internal").rglob("*.html")]
    return sorted(p for p in found if "_search" not in p.relative_to(root).parts)


@pytest.fixture(scope="module")
def page():
    with browser_page() as page:
        yield page


def test_every_page_type_is_tested(examples, stress):
    names = {str(p.relative_to(root)) for root in (examples, stress) for p in pages(root)}
    for expected in (
        "reports/umebra/2022-06-14/minutes.html",  # notes, Swedish, the table layout
        "reports/kommunstyrelsen/2024-03-12/minutes.html",  # a protokoll
        "reports/example-board/2024-03-12/minutes.html",  # notes, English
        "reports/stress-en/2024-09-30/minutes.html",
        STRESS_MINUTES,
        "internal/stress-sv/2024-09-30/minutes.html",  # the internal version
        "reports/stress-sv/2024-10-28/agenda.html",  # a kallelse
        "reports/_anslagstavla/index.html",  # the notice board
        "reports/index.html",
        "reports/stress-sv/index.html",  # a series
        "reports/search.html",
    ):
        assert expected in names


@pytest.mark.parametrize("fixture", ["examples", "stress"])
def test_no_page_scrolls_sideways_at_320_px(fixture, page, request):
    root = request.getfixturevalue(fixture)
    page.set_viewport_size({"width": 320, "height": 800})
    wide = {}
    for path in pages(root):
        page.goto(path.as_uri())
        if (width := page.evaluate(WIDTH)) > 320:
            wide[str(path.relative_to(root))] = width
    assert wide == {}


@pytest.mark.parametrize("width", [640, 1024])
def test_text_resized_to_200_percent_still_fits(stress, page, width):
    # text only at 200 %, as a browser's font-size setting makes it: media queries still
    # see the window's width, so the layout must hold by itself
    page.set_viewport_size({"width": width, "height": 800})
    for path in pages(stress):
        page.goto(path.as_uri())
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert page.evaluate(WIDTH) <= width, path


def test_a_wide_table_scrolls_in_its_own_region_and_actions_stack(stress, page):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto((stress / STRESS_MINUTES).as_uri())
    region = page.locator(".mb-notes .mb-scroll").first
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label").startswith("Tabell: Fastighetsbeteckning, ")
    # the table keeps its words whole and scrolls inside the region, not the page
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    assert "Fastighetsbeteckning" in region.locator("th").first.inner_text()
    # the action list stacks, each field under its name; a new action has no status
    cells = page.locator(".mb-actions tbody tr").first.locator("td")
    assert cells.first.evaluate("e => getComputedStyle(e).display") == "block"
    assert cells.first.evaluate("e => getComputedStyle(e, '::before').content") == '"Åtgärd: "'
    statuses = page.locator(".mb-actions tbody td[data-label='Status']").all_inner_texts()
    assert statuses == ["", "Klar"]


def test_dates_and_times_never_wrap_inside_themselves(stress, page):
    page.set_viewport_size({"width": 320, "height": 800})
    shown = {}
    for path in (STRESS_MINUTES, "reports/stress-sv/2024-10-28/agenda.html"):
        page.goto((stress / path).as_uri())
        shown[path] = page.eval_on_selector_all(
            "main time", "ts => ts.map(t => [t.textContent, t.getClientRects().length])"
        )
        assert [t for t, lines in shown[path] if lines != 1] == [], path
    # the header's date and times, an action's due date, a time someone joined
    marked = {t for t, _ in shown[STRESS_MINUTES]}
    assert {"30 september 2024", "08.30", "17.45", "15 oktober 2024", "09.15"} <= marked


def test_bare_addresses_are_links(stress, page):
    page.goto((stress / STRESS_MINUTES).as_uri())
    links = page.eval_on_selector_all(".mb-notes a", "as => as.map(a => a.href)")
    assert "https://www.exempelby.se/kommun-och-politik/sammantradeshandlingar/2024/ks-101" in links
    assert "http://www.exempelby.se/planer" in links
    assert "mailto:planavdelningen@exempelby.se" in links


def test_search_results_fit_a_phone_and_count_in_words(stress, page):
    page.set_viewport_size({"width": 320, "height": 800})
    with serving(stress) as base:
        page.goto(f"{base}search.html?q=Fastighetsbeteckning")
        page.wait_for_selector("#mb-results li")
        assert page.inner_text("#mb-status") == "1 träff för ”Fastighetsbeteckning”"
        assert page.evaluate(WIDTH) <= 320
        page.goto(f"{base}search.html?q=detaljplaneändringsförslagsremissvaret")
        page.wait_for_selector("#mb-results li")
        assert page.evaluate(WIDTH) <= 320


@pytest.mark.parametrize("width", [1280, 320])
def test_the_stress_pages_pass_axe(stress, width, page):
    page.set_viewport_size({"width": width, "height": 900})
    for path in pages(stress):
        assert axe_violations(page, path.as_uri()) == [], path

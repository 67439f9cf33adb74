"""Hostile text in every field of a meeting: built, then opened in a real Chromium that
listens for dialogs, console errors and requests. No script may run, nothing may be fetched
from elsewhere, and what was typed must be shown as the text it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import make_project, minutebook, publish_drafts, serving
from minutebook.build.chromium import launch

pytestmark = pytest.mark.e2e

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "<svg><script>alert(4)</script></svg>",
    '"><script>alert(5)</script>',
    "'><img src=x onerror=alert(6)>",
    "javascript:alert(7)",
    "[click](javascript:alert(8))",
    "[click](JaVaScRiPt:alert(9))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=)",
    "![x](https://evil.example/11.png)",
    '<a href="https://evil.example" onclick="alert(12)">x</a>',
    '<iframe src="https://evil.example/13"></iframe>',
    "<style>body{background:url(https://evil.example/14.png)}</style>",
    '<div style="background:url(https://evil.example/15.png)">x</div>',
    "&lt;script&gt;alert(16)&lt;/script&gt;",
    "&#x3C;img src=x onerror=alert(17)&#x3E;",
    "<details open ontoggle=alert(18)>",
    '[x](https://evil.example "onmouseover=alert(19)")',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(20)>",
    "<<script>script>alert(21)<</script>/script>",
    "<form action=https://evil.example/22><button>x</button></form>",
    '<base href="https://evil.example/23/">',
    "<link rel=stylesheet href=https://evil.example/24.css>",
    "</title><script>alert(25)</script>",
    "{{ 7*7 }} {% raw %}",
    "<!-- unclosed comment",
    "<object data=https://evil.example/28.swf></object>",
]
ALL = " ".join(PAYLOADS)


def hostile_meeting() -> dict:
    return {
        "series": "council",
        "body": f"Council {ALL}",
        "organisation": ALL,
        "kind": "protocol",
        "language": "en",
        "date": "2024-03-12",
        "place": ALL,
        "status": "draft",
        "participants": [{"name": p, "role": "member", "organisation": p} for p in PAYLOADS]
        + [{"name": "Chair Person", "role": "chair"}],
        "items": [
            {
                "title": f"Item {n} {p}",
                "presenters": [p],
                "notes": f"payloadword {p}\n\n- {p}\n\n| a | b |\n|---|---|\n| {p} | x |",
                "decisions": [p, {"text": p, "reservations": [p]}],
                "actions": [{"task": p, "owner": p, "due": "2024-04-01"}],
                "attachments": [{"title": p, "href": "https://evil.example/attachment.pdf"}],
            }
            for n, p in enumerate(PAYLOADS)
        ]
        + [{"title": f"Secret {ALL}", "notes": ALL, "confidential": ALL}],
        "recorded_by": PAYLOADS[0],
        "adjusters": PAYLOADS[:3],
        "kept_at": ALL,
        "corrections": [{"date": "2024-03-20", "text": p} for p in PAYLOADS],
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("hostile"))
    (root / "params/council").mkdir()
    publish_drafts(root, "council")  # a draft, published: every payload on the page
    # JSON is YAML: every payload arrives exactly as typed
    (root / "params/council/2024-03-12.yaml").write_text(
        json.dumps(hostile_meeting(), ensure_ascii=False), encoding="utf-8"
    )
    run = minutebook("build", cwd=root)
    assert run.status == 0, run.err
    return root


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def visit(browser, url: str, allowed: str) -> tuple[object, list[str]]:
    """Open ``url``; everything suspicious that happened there."""
    page = browser.new_page()
    seen: list[str] = []
    page.on("dialog", lambda d: (seen.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and seen.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: seen.append(f"error: {e}"))
    page.on(
        "request",
        lambda r: (
            not r.url.startswith(allowed)
            and not r.url.startswith("data:")
            and seen.append(f"request: {r.url}")
        ),
    )
    page.goto(url)
    page.wait_for_timeout(300)
    return page, seen


DANGEROUS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    const ours = el.matches('form.mb-search') || el.matches('script[type="module"]')
        || el.matches('script[type="application/json"]');  // the search page's own
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FORM', 'IMG'].includes(el.tagName)
        && !ours) found.push(el.tagName);
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(el.tagName + '@' + attr.name);
      const favicon = el.matches('link[rel="icon"]') && attr.value === 'data:,';  // ours
      if (['href', 'src', 'action', 'data'].includes(attr.name) && !favicon
          && /^\\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(attr.value);
    }
    if (el.tagName === 'LINK' && el.rel === 'stylesheet') found.push('LINK');
  }
  return found;
}"""


@pytest.mark.parametrize(
    "page_path",
    [
        "reports/council/2024-03-12/minutes.html",
        "internal/council/2024-03-12/minutes.html",
        "reports/council/index.html",
        "reports/index.html",
    ],
)
def test_no_script_runs_and_nothing_is_fetched(hostile, browser, page_path):
    url = (hostile / page_path).as_uri()
    page, seen = visit(browser, url, allowed=url)
    assert seen == []
    assert page.evaluate(DANGEROUS) == []
    page.close()


def test_typed_text_is_shown_as_text(hostile, browser):
    url = (hostile / "reports/council/2024-03-12/minutes.html").as_uri()
    page, _ = visit(browser, url, allowed=url)
    text = page.evaluate("() => document.body.innerText")
    title = page.title()
    page.close()
    for payload in PAYLOADS:
        assert payload in text  # as a title, a name, a decision, an owner …
        assert f"Item {PAYLOADS.index(payload)} {payload}" in text
    assert PAYLOADS[24] in title  # even inside <title>
    assert "{{ 7*7 }}" in text and "49" not in text.split("Item 25")[1][:20]


def test_the_pdf_prints_the_text_too(hostile):
    from pypdf import PdfReader

    pdf = " ".join(
        p.extract_text()
        for p in PdfReader(hostile / "reports/council/2024-03-12/minutes.pdf").pages
    )
    assert "<script>alert(1)</script>" in pdf and "onerror=alert(2)" in pdf


def test_search_results_stay_text(hostile, browser):
    with serving(hostile) as base:
        page, seen = visit(browser, f"{base}search.html?q=payloadword", allowed=base)
        page.locator("#mb-results li").first.wait_for()
        hrefs = [a.get_attribute("href") for a in page.locator("#mb-results a").all()]
        assert hrefs and all(  # the meeting's items, each at its anchor, and its top
            re.fullmatch(r"council/2024-03-12/minutes\.html(#p\d+)?", h) for h in hrefs
        ), hrefs
        assert page.evaluate(DANGEROUS) == []
        page.wait_for_timeout(300)
        assert seen == []
        page.close()

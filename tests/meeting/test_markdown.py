from html.parser import HTMLParser

import pytest

from minutebook.meeting.markdown import render


class Tags(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_paragraphs_lists_bold_and_tables():
    html = render("**Brott:** text\n\n1. a\n2. b\n\n- x\n\n| a | b |\n|---|--:|\n| 1 | 2 |")
    assert "<p><strong>Brott:</strong> text</p>" in html
    assert "<ol>\n<li>a</li>" in html and "<ul>\n<li>x</li>" in html
    assert "<th>a</th>" in html and '<td style="text-align:right">2</td>' in html


def test_headings_start_just_under_the_item_heading():
    assert render("# Top\n\n## Sub").startswith("<h3>Top</h3>\n<h4>Sub</h4>")
    assert render("### Only").startswith("<h3>Only</h3>")
    assert render("## Deep", top_heading=5).startswith("<h5>Deep</h5>")


@pytest.mark.parametrize(
    "evil",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        '<a href="https://x" onclick="alert(1)">x</a>',
        "<style>body{background:url(https://evil)}</style>",
    ],
)
def test_raw_html_and_script_links_never_pass(evil):
    tags = Tags(render(evil))
    assert {name for name, _ in tags.found} <= {"p", "a"}
    for _, attrs in tags.found:
        assert not [k for k in attrs if k.startswith("on") or k == "style"]
        assert not (attrs.get("href") or "").startswith(("javascript", "data"))


def test_images_become_links_and_nothing_is_loaded():
    html = render("![chart](https://example.org/chart.png)")
    assert '<a href="https://example.org/chart.png" rel="noopener noreferrer">chart</a>' in html
    assert "<img" not in html


def test_empty_notes():
    assert render(None) == "" and render("  \n") == ""


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("See: https://www.umea.se/a/b?c=1.", "https://www.umea.se/a/b?c=1"),
        ("(https://x.se/a_(b))", "https://x.se/a_(b)"),
        ("Läs mer på www.umea.se i dag", "http://www.umea.se"),
        ("Skriv till anna@kommun.se.", "mailto:anna@kommun.se"),
    ],
)
def test_a_bare_web_or_mail_address_becomes_a_link(text, href):
    assert f'<a href="{href}" rel="noopener noreferrer">' in render(text)


@pytest.mark.parametrize(
    "text",
    [
        "Se budget.py och rapport.se",  # file names and bare domains stay text
        "javascript:alert(1)",
        "ftp://x.se/fil",
        "data:text/html,<b>x</b>",
        "`https://kod.se`",  # code stays code
    ],
)
def test_nothing_else_becomes_a_link(text):
    assert "<a " not in render(text)

"""A body's second meeting on the same day (params/<series>/<date>-2.yaml) is a meeting of
its own: checked, numbered on from the first, published in its own folder and listed apart."""

from __future__ import annotations

import json

import lxml.html

from conftest import minutebook

FIRST = "params/kommunstyrelsen/2024-03-12.yaml"


def test_a_second_meeting_on_the_same_day(tmp_path):
    from conftest import make_project

    project = make_project(tmp_path / "project", series=("kommunstyrelsen",))
    text = (project / FIRST).read_text(encoding="utf-8")
    second = (
        text.replace('start: "13:00"', 'start: "18:00"')
        .replace('end: "16:10"', 'end: "19:30"')
        .replace("first_paragraph: 34\n", "")
        .replace("Budget 2025 och plan för 2026–2027", "Extra ärende om vattenledningen")
    )
    assert second != text
    (project / FIRST.replace(".yaml", "-2.yaml")).write_text(second, encoding="utf-8")
    site = "base_url: https://protokoll.example.se/\n"
    (project / "params/site.yaml").write_text(site, encoding="utf-8")
    checked = minutebook("check", cwd=project)
    assert checked.status == 0, checked.out + checked.err
    run = minutebook("build", "--no-pdf", cwd=project)
    assert run.status == 0, run.err
    reports = project / "reports/kommunstyrelsen"
    meeting = json.loads((reports / "2024-03-12-2/meeting.json").read_text("utf-8"))
    # its paragraphs go on from the first meeting's (§§ 34–38)
    assert [i["shown_number"] for i in meeting["items"]][:2] == ["§ 39", "§ 40"]
    assert meeting["items"][1]["uid"] == "kommunstyrelsen/2024-03-12-2/p40"
    # each page names its own address, not the day's first meeting's
    for name in ("2024-03-12", "2024-03-12-2"):
        page = lxml.html.fromstring((reports / name / "minutes.html").read_text("utf-8"))
        canonical = page.xpath("//link[@rel='canonical']/@href")
        assert canonical == [f"https://protokoll.example.se/kommunstyrelsen/{name}/minutes.html"]
    # and each links to the other as the meeting before or after it
    second_page = lxml.html.fromstring((reports / "2024-03-12-2/minutes.html").read_text("utf-8"))
    first_page = lxml.html.fromstring((reports / "2024-03-12/minutes.html").read_text("utf-8"))
    assert second_page.xpath("//nav//a[@rel='prev']/@href") == ["../2024-03-12/minutes.html"]
    assert first_page.xpath("//nav//a[@rel='next']/@href") == ["../2024-03-12-2/minutes.html"]
    popolo = json.loads((reports / "2024-03-12-2/popolo.json").read_text("utf-8"))
    assert popolo["events"][0]["id"] == "kommunstyrelsen/2024-03-12-2"
    first = json.loads((reports / "2024-03-12/meeting.json").read_text("utf-8"))
    assert first["items"][1]["title"] == "Budget 2025 och plan för 2026–2027"
    index = lxml.html.fromstring((reports / "index.html").read_text("utf-8"))
    listed = [(a.text_content(), a.get("href")) for a in index.xpath("//tbody/tr/th/a")]
    assert listed == [
        ("12 mars 2024, kl. 18.00", "../kommunstyrelsen/2024-03-12-2/minutes.html"),
        ("12 mars 2024", "../kommunstyrelsen/2024-03-12/minutes.html"),
    ]
    feed = (reports / "feed.xml").read_text("utf-8")
    assert 'href="https://protokoll.example.se/kommunstyrelsen/2024-03-12-2/minutes.html"' in feed
    ids = lxml.etree.fromstring(feed.encode()).findall("{http://www.w3.org/2005/Atom}entry")
    assert len({e.findtext("{http://www.w3.org/2005/Atom}id") for e in ids}) == 2
    again = minutebook("build", "--no-pdf", cwd=project)
    assert again.status == 0 and "0 built, 2 up to date" in again.out, again.out

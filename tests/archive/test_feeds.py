"""Feeds people subscribe to and data people analyse: read as a feed reader and pandas read
them, with the dates the meetings give, ids of their own, the archive's licence and base URL.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import feedparser
import pandas as pd
import pytest

from conftest import minutebook
from minutebook.build.published import PublishedMeeting

pytestmark = pytest.mark.e2e

SERIES = {"example-board": ("Riverside Library Board", "en"), "umebra": ("Umebrå", "sv")}


def meeting(root, series, date) -> PublishedMeeting:
    path = root / "reports" / series / date / "meeting.json"
    return PublishedMeeting.model_validate_json(path.read_bytes())


def test_a_feed_per_body_and_one_for_all_dated_by_the_meetings(archive):
    every = feedparser.parse(str(archive / "reports/feed.xml"))
    assert not every.bozo, every.bozo_exception
    assert len(every.entries) == 5
    for slug, (body, language) in SERIES.items():
        feed = feedparser.parse(str(archive / "reports" / slug / "feed.xml"))
        assert not feed.bozo and feed.feed.title.startswith(body.split()[0])
        assert {e.author for e in feed.entries} == {feed.feed.title}
        for entry in feed.entries:
            date = re.search(r"\d{4}-\d{2}-\d{2}", entry.link)[0]
            held = meeting(archive, slug, date)
            start = held.time.start if held.time and held.time.start else dt.time()
            assert entry.published.startswith(f"{date}T{start.isoformat()}")  # the meeting
            assert entry.updated >= entry.published
            assert entry.title_detail.language == language  # xml:lang of the entry
            decided = [d.text for i in held.items for d in i.decisions]
            assert all(text in entry.summary for text in decided)
            assert (archive / "reports" / slug / entry.link).is_file()  # relative to the feed
    ids = [e.id for e in every.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    draft = next(e for e in every.entries if "2022-09-20" in e.link)
    assert draft.title.endswith("(UTKAST)")
    assert every.feed.rights.startswith("CC0-1.0")


def test_decisions_as_csv_and_json_for_analysis(archive):
    frame = pd.read_csv(archive / "reports/decisions.csv", encoding="utf-8-sig")
    held = [
        meeting(archive, s, d)
        for s, d in (("umebra", "2022-06-14"), ("example-board", "2024-03-12"))
    ]
    for m in held:
        rows = frame[(frame.series == m.series) & (frame.date == m.date.isoformat())]
        assert list(rows.decision) == [d.text for i in m.items for d in i.decisions]
    reserved = frame[frame.reservations.notna()]
    assert "Jonas Berg" in set(reserved.reservations)
    for url in frame.url:  # each row links to its item on its page
        page, anchor = url.split("#")
        html = (archive / "reports" / page).read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html
    data = json.loads((archive / "reports/decisions.json").read_text(encoding="utf-8"))
    assert data["licence"] == "CC0-1.0" and data["format_version"] == "1"
    assert len(data["decisions"]) == len(frame)
    assert set(frame.status) <= {"final", "draft"}  # held meetings only: a kallelse decides none


def test_a_base_url_makes_links_absolute_and_ids_the_archives_own(project):
    """From params/site.yaml; a rebuild, --force or not, changes no date and no id. Without
    one the build warns."""
    run = minutebook("build", "--no-pdf", "--series", "umebra", cwd=project)
    assert "warning: the archive has no base_url (params/site.yaml)" in run.err
    page = (project / "reports/umebra/2022-06-14/minutes.html").read_text(encoding="utf-8")
    cc0 = '<a rel="license" href="https://creativecommons.org/publicdomain/zero/1.0/">CC0-1.0'
    assert 'rel="canonical"' not in page and cc0 in page
    (project / "params/site.yaml").write_text(
        "base_url: https://protokoll.example.se/arkiv\nlicence: CC-BY-4.0\n", encoding="utf-8"
    )
    assert minutebook("check", cwd=project).status == 0
    run = minutebook("build", "--no-pdf", cwd=project)
    assert run.status == 0 and "base_url" not in run.err
    before = (project / "reports/umebra/feed.xml").read_bytes()
    feed = feedparser.parse(before)
    entry = feed.entries[0]
    assert entry.id == "tag:protokoll.example.se,2022-06-14:/arkiv/umebra/2022-06-14"
    assert entry.link == "https://protokoll.example.se/arkiv/umebra/2022-06-14/minutes.html"
    assert feed.feed.id == "https://protokoll.example.se/arkiv/umebra/feed.xml"
    index = json.loads((project / "reports/index.json").read_text(encoding="utf-8"))
    assert index["licence"] == "CC-BY-4.0" and index["format_version"] == "2"
    assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/"' in (
        project / "reports/index.html"
    ).read_text(encoding="utf-8")
    page = (project / "reports/umebra/2022-06-14/minutes.html").read_text(encoding="utf-8")
    canonical = "https://protokoll.example.se/arkiv/umebra/2022-06-14/minutes.html"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert f'<meta property="og:url" content="{canonical}">' in page
    assert '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC-BY-4.0' in page
    assert minutebook("build", "--no-pdf", "--force", cwd=project).status == 0
    assert (project / "reports/umebra/feed.xml").read_bytes() == before


@pytest.mark.parametrize(
    "text,message",
    [
        ("base_url: protokoll.example.se\n", "1:11: base_url: must be the address reports/"),
        ("timezone: Europe/Umeå\n", "1:11: timezone: 'Europe/Umeå' is not a time zone"),
        ("licence: Mine-1.0\n", "1:10: licence: 'Mine-1.0' is not a licence minutebook knows"),
        ("baseurl: https://x.se/\n", "1:1: baseurl: unknown key (did you mean 'base_url'?)"),
    ],
)
def test_the_sites_settings_are_checked(project, text, message):
    (project / "params/site.yaml").write_text(text, encoding="utf-8")
    run = minutebook("check", cwd=project)
    assert run.status == 2 and f"params/site.yaml:{message}" in run.out

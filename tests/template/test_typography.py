"""What the templates write, as the language writes it: times, dates kept whole, plural
forms, the draft banner, an action's status; and the regions wide tables scroll in."""

from __future__ import annotations

import pytest

from minutebook.build.reflow import scroll_tables
from minutebook.meeting import labels
from minutebook.template.minutes import Minutes
from minutebook.template.phrase import Phrase, fill, join, when
from minutebook.template.whole import clock


def meeting(**more):
    base = {
        "series": "s",
        "body": "Styrelsen",
        "date": "2024-03-12",
        "language": "sv",
        "kind": "notes",
        "items": [{"title": "Ärende"}],
    }
    return Minutes({**base, **more})


@pytest.mark.parametrize(
    ("language", "value", "shown"),
    [
        ("sv", "13:00", "13.00"),  # Språkrådet: a point between hours and minutes
        ("sv", "9.05", "09.05"),
        ("sv", "14:30:00", "14.30"),
        ("en", "13:00", "13:00"),  # en-GB: the 24-hour clock with a colon, never "1:00 pm"
        ("en", "18.30", "18:30"),
    ],
)
def test_times_as_the_language_writes_them(language, value, shown):
    text = clock(lambda key: labels.label(key, language), value)
    assert text == shown
    assert text.__html__() == f'<time datetime="{shown.replace(".", ":")}">{shown}</time>'


def test_the_header_writes_swedish_times_with_a_point():
    m = meeting(time={"start": "13:00", "end": "15:00", "breaks": [{"start": "14:00"}]})
    text = m.header().text
    assert "Tid: 13.00–15.00" in text and "Ajournering: 14.00" in text
    html = m.header().html
    assert '<time datetime="13:00">13.00</time>–<time datetime="15:00">15.00</time>' in html
    assert '<time datetime="2024-03-12">12 mars 2024</time>' in html


def test_a_phrase_is_its_text_and_escapes_what_it_is_made_of():
    day = when("14 juni 2022", "2022-06-14")
    place = "Rådhuset <Sal & Kök>"
    line = join(", ", [place, fill("{day} kl. {time}", day=day, time="13.00"), ""])
    assert line == "Rådhuset <Sal & Kök>, 14 juni 2022 kl. 13.00"
    assert isinstance(line, Phrase) and str(line) == line
    assert line.__html__() == (
        'Rådhuset &lt;Sal &amp; Kök&gt;, <time datetime="2022-06-14">14 juni 2022</time> kl. 13.00'
    )


def test_the_draft_banner_names_the_document():
    notes = meeting(status="draft").header().html
    protocol = meeting(status="draft", kind="protocol").header().html
    assert "<strong>UTKAST</strong> – mötesanteckningarna är inte fastställda." in notes
    assert "<strong>UTKAST</strong> – protokollet är inte justerat." in protocol
    english = meeting(status="draft", language="en").header().html
    assert "<strong>DRAFT</strong> – these meeting notes have not been approved." in english


def test_an_action_has_no_status_until_it_is_done():
    new = {"task": "Skriv", "owner": "Anna", "due": "2024-04-01"}
    html = meeting(items=[{"title": "Ärende", "actions": [new]}]).items().html
    assert "Pågår" not in html and ">Status<" not in html  # no column of nothing
    done = meeting(items=[{"title": "Ärende", "actions": [new, {**new, "done": True}]}])
    html = done.items().html
    assert ">Status<" in html
    assert '<td data-label="Status"></td>' in html and '<td data-label="Status">Klar</td>' in html


def test_search_counts_in_words():
    assert labels.label("search_hit", "sv").format(q="x") == "1 träff för ”x”"
    assert labels.label("search_hits", "sv").format(n=2, q="x") == "2 träffar för ”x”"
    assert labels.label("search_hit", "en").format(q="x") == "1 result for “x”"


def row(cells: int, text: str = "x") -> str:
    return "<tr>" + f"<th>{text}</th>" * cells + "</tr>"


def test_a_wide_table_scrolls_in_a_named_region_a_narrow_one_does_not():
    wide = f"<table><caption>Siffror &amp; fakta</caption>{row(6)}</table>"
    narrow = f"<table>{row(3)}</table>"
    stacked = f'<table class="mb-actions mb-stack">{row(4)}</table>'
    page = scroll_tables(f"<p>a</p>{wide}{narrow}{stacked}", "Tabell")
    assert page == (
        '<p>a</p><div aria-label="Siffror &amp; fakta" class="mb-scroll" '
        f'role="region" tabindex="0">{wide}</div>{narrow}{stacked}'
    )


def test_regions_without_a_caption_are_named_by_their_columns_and_told_apart():
    heads = "".join(f"<th>{h}</th>" for h in ("Ledamot", "Ja", "Nej", "Avstår"))
    votes = f"<table><thead><tr>{heads}</tr></thead></table>"
    page = scroll_tables(votes + votes, "Tabell")
    assert page.count('role="region"') == 2
    assert 'aria-label="Tabell: Ledamot, Ja, Nej, Avstår"' in page
    assert 'aria-label="Tabell: Ledamot, Ja, Nej, Avstår (2)"' in page


def test_a_table_inside_another_is_left_as_it_is():
    nested = f"<table><tr><td><table>{row(5)}</table></td></tr></table>"
    assert scroll_tables(nested, "Table") == nested


def test_dates_survive_a_copy_and_time_spans_stay_on_one_line():
    import copy
    import pickle

    day = when("14 juni 2022", "2022-06-14")
    for again in (copy.deepcopy(day), pickle.loads(pickle.dumps(day))):
        assert again == day and again.__html__() == day.__html__()
    span = meeting(time={"start": "13:00", "end": "15:00"}).header().html
    assert '<span class="mb-nowrap"><time datetime="13:00">13.00</time>–' in span
    item = meeting(items=[{"title": "Ärende", "time": "14:10"}]).items().html
    assert '<span class="mb-nowrap">kl. <time datetime="14:10">14.10</time></span>' in item


def test_a_correction_is_dated_once():
    fix = {"date": "2024-04-01", "text": "Rättat namn."}
    html = meeting(corrections=[fix]).corrections().html
    assert '<li><time datetime="2024-04-01">1 april 2024</time>: Rättat namn.</li>' in html

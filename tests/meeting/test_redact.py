"""The public version of a meeting: confidential items and withheld names, as people write
them, taken out; where that cannot be done safely, the public version is refused."""

from __future__ import annotations

import unicodedata

import pytest

from minutebook.meeting.model import Meeting
from minutebook.meeting.redact import Unsafe, needs_redaction, public, redact

BASE = {
    "series": "s",
    "body": "B",
    "date": "2024-01-02",
    "language": "sv",
    "participants": [
        {"name": "Anna Hemlig", "role": "member", "publish_name": False},
        {"name": "Per Öppen", "role": "chair"},
        {"name": "Eva Dold", "publish_name": False, "organisation": "Fältgruppen"},
    ],
    "items": [
        {"title": "Open", "presenters": ["Anna Hemlig"], "notes": "Anna Hemlig and Eva Dold spoke"},
        {
            "title": "Secret SECRET-1",
            "notes": "SECRET-2",
            "confidential": "OSL 26:1",
            "decisions": ["SECRET-3"],
            "actions": [{"task": "SECRET-4", "owner": "Per Öppen"}],
        },
        {"title": "Other secret", "confidential": True},
    ],
    "recorded_by": "Anna Hemlig",
}


def meeting(notes: str = "", language: str = "sv", **more: object) -> Meeting:
    data = {**BASE, "language": language, **more}
    data["items"] = [{"title": "Punkt", "notes": notes}, *BASE["items"][1:]]
    return Meeting.model_validate(data)


def notes(text: str, language: str = "sv") -> str:
    return public(meeting(text, language)).items[0].notes or ""


def test_nothing_to_redact_returns_the_same_meeting():
    plain = Meeting.model_validate({**BASE, "participants": [], "items": [{"title": "x"}]})
    assert not needs_redaction(plain) and public(plain) is plain


def test_confidential_items_keep_their_place_and_nothing_else():
    out = public(Meeting.model_validate(BASE))
    assert [i.title for i in out.items] == [
        "Open",
        "Sekretessbelagd punkt (OSL 26:1)",
        "Sekretessbelagd punkt",
    ]
    assert "SECRET" not in out.model_dump_json()


def test_withheld_names_become_a_role_in_lists_and_words_in_sentences():
    out = public(Meeting.model_validate(BASE))
    dumped = out.model_dump_json()
    assert "Anna" not in dumped and "Hemlig" not in dumped and "Dold" not in dumped
    assert out.recorded_by == "Ledamot"
    assert out.items[0].presenters == ["Ledamot"]
    assert out.items[0].notes == "En ledamot and en person spoke"
    assert "Per Öppen" in dumped


@pytest.mark.parametrize(
    ("written", "published"),
    [
        ("Enligt Anna Hemlig går det bra.", "Enligt en ledamot går det bra."),
        ("Enligt ANNA HEMLIG går det bra.", "Enligt en ledamot går det bra."),
        ("Enligt anna hemlig går det bra.", "Enligt en ledamot går det bra."),
        ("Enligt Anna\u00a0Hemlig går det bra.", "Enligt en ledamot går det bra."),
        ("Enligt Anna  \n  Hemlig går det bra.", "Enligt en ledamot går det bra."),
        ("Enligt Anna\tHemlig går det bra.", "Enligt en ledamot går det bra."),
        ("Enligt An\u00adna Hem\u200blig går det bra.", "Enligt en ledamot går det bra."),
        ("Anna Hemligs förslag bifölls.", "En ledamots förslag bifölls."),
        ("Förslaget var A. Hemligs.", "Förslaget var en ledamots."),
        ("Enligt A. Hemlig går det bra.", "Enligt en ledamot går det bra."),
        ("Enligt A Hemlig går det bra.", "Enligt en ledamot går det bra."),
        ("Enligt Hemlig, Anna går det bra.", "Enligt en ledamot går det bra."),
        ("Enligt Hemlig går det bra.", "Enligt en ledamot går det bra."),
        ("Anna tyckte annorlunda.", "En ledamot tyckte annorlunda."),
        ("Mötet höll med. Hemlig reserverade sig.", "Mötet höll med. En ledamot reserverade sig."),
        ("- Anna Hemlig\n- Per Öppen", "- En ledamot\n- Per Öppen"),
        (
            "| Namn | Roll |\n|---|---|\n| Anna Hemlig | x |",
            "| Namn | Roll |\n|---|---|\n| En ledamot | x |",
        ),
        ("[Anna Hemlig](https://example.org/a)", "[En ledamot](https://example.org/a)"),
        ("Per Öppen och Eva Dold.", "Per Öppen och en person."),
        (
            "Hemligheten är annorlunda; hemlig blir det.",
            "Hemligheten är annorlunda; hemlig blir det.",
        ),
    ],
)
def test_every_way_a_name_is_written(written, published):
    assert notes(written) == published


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_either_unicode_form(form):
    data = {
        **BASE,
        "participants": [{"name": "Zoë Åström", "role": "member", "publish_name": False}],
    }
    data["items"] = [
        {"title": "T", "notes": unicodedata.normalize(form, "Enligt Zoë Åström, och Åströms.")}
    ]
    out = public(Meeting.model_validate(data))
    assert out.items[0].notes == "Enligt en ledamot, och en ledamots."


def test_english_words_and_genitive():
    assert notes("Anna Hemlig's report. Per Öppen thanked Anna.", "en") == (
        "A member's report. Per Öppen thanked a member."
    )
    assert notes("Hemlig' notes were read.", "en") == "A member's notes were read."


def test_a_name_part_written_in_lowercase_is_a_word():
    data = {**BASE, "language": "en"}
    data["participants"] = [{"name": "Will Smith", "role": "officer", "publish_name": False}]
    data["items"] = [{"title": "T", "notes": "The board will decide. Will said so; so did SMITH."}]
    out = public(Meeting.model_validate(data))
    assert out.items[0].notes == "The board will decide. An officer said so; so did an officer."


def test_everything_about_the_person_goes_with_the_name():
    out = public(Meeting.model_validate(BASE))
    eva = out.participants[2]
    assert eva.name == "Namn ej publicerat" and eva.organisation is None
    assert "Fältgruppen" not in out.model_dump_json()


def test_every_text_field_is_rewritten_and_no_address():
    data = {**BASE}
    data["items"] = [
        {
            "title": "Anna Hemlig",
            "decisions": [{"text": "att tacka Anna", "reservations": ["Anna Hemlig"]}],
            "actions": [{"task": "Ring Hemlig", "owner": "anna hemlig"}],
            "attachments": [{"title": "Annas brev", "href": "https://example.org/brev.pdf"}],
        }
    ]
    data["corrections"] = [{"date": "2024-02-01", "text": "Anna Hemligs namn rättat"}]
    data["place"] = "Hos Anna"
    out = public(Meeting.model_validate(data))
    assert "Anna" not in out.model_dump_json() and "Hemlig" not in out.model_dump_json()
    item = out.items[0]
    assert item.title == "En ledamot"
    assert item.decisions[0].text == "att tacka en ledamot"
    assert item.decisions[0].reservations == ["Ledamot"]
    assert (item.actions[0].task, item.actions[0].owner) == ("Ring en ledamot", "Ledamot")
    assert item.attachments[0].title == "En ledamots brev"
    assert item.attachments[0].href == "https://example.org/brev.pdf"
    assert out.corrections[0].text == "En ledamots namn rättat"


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        ("href", "anna-hemlig.pdf", "items[0].attachments[0].href"),
        ("href", "https://example.org/Karin%20Ek/hemlig", "items[0].attachments[0].href"),
        ("notes", "Se [brevet](https://example.org/hemlig.pdf).", "items[0].notes"),
        ("notes", "Se <https://example.org/ANNA_HEMLIG>.", "items[0].notes"),
        ("notes", "![bild](hemlig.png)", "items[0].notes"),
        ("source", "https://example.org/hemlig", "source"),
    ],
)
def test_a_withheld_name_in_an_address_refuses_the_public_version(where, value, expected):
    data = {**BASE, "items": [{"title": "T"}]}
    data["participants"] = [*BASE["participants"], {"name": "Karin Ek", "publish_name": False}]
    if where == "href":
        data["items"] = [{"title": "T", "attachments": [{"title": "Brev", "href": value}]}]
    elif where == "notes":
        data["items"] = [{"title": "T", "notes": value}]
    else:
        data[where] = value
    with pytest.raises(Unsafe) as caught:
        redact(Meeting.model_validate(data))
    (refusal,) = caught.value.refusals
    assert (
        ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in refusal.loc).replace(".[", "[")
        == expected
    )
    assert "contains the withheld name" in refusal.message


def test_a_part_shared_with_a_published_name_refuses_rather_than_guesses():
    data = {**BASE}
    data["participants"] = [
        {"name": "Karin Lindberg", "role": "member", "publish_name": False},
        {"name": "Per Lindberg", "role": "chair"},
    ]
    data["items"] = [{"title": "T", "notes": "Per Lindberg och Karin Lindberg talade."}]
    out = public(Meeting.model_validate(data))
    assert out.items[0].notes == "Per Lindberg och en ledamot talade."
    data["items"] = [{"title": "T", "notes": "Lindberg talade."}]
    with pytest.raises(Unsafe) as caught:
        redact(Meeting.model_validate(data))
    (refusal,) = caught.value.refusals
    assert refusal.loc == ("items", 0, "notes")
    assert refusal.message == (
        "'Lindberg' is part of a withheld name and of a published one; write the name in full"
    )


def test_a_data_file_with_a_withheld_name_refuses(tmp_path):
    (tmp_path / "ok.csv").write_text("år,antal\n2023,4\n", encoding="utf-8")
    (tmp_path / "named.csv").write_text("namn,antal\nAnna Hemlig,4\n", encoding="utf-8")
    ok = Meeting.model_validate({**BASE, "data": {"ok": "ok.csv"}})
    assert public(ok, tmp_path).data == {"ok": "ok.csv"}
    named = Meeting.model_validate({**BASE, "data": {"named": "named.csv"}})
    with pytest.raises(Unsafe) as caught:
        redact(named, tmp_path)
    assert caught.value.refusals[0].message == (
        "the data file named.csv contains the withheld name 'Anna Hemlig'; "
        "the template would publish it"
    )


def test_replacements_are_listed_for_check():
    result = redact(meeting("Före. Anna Hemlig sa\natt Hemligs"))
    found = [(r.loc, r.found, r.shown, r.offset) for r in result.replacements]
    assert (("items", 0, "notes"), "Anna Hemlig", "En ledamot", 6) in found
    assert (("items", 0, "notes"), "Hemligs", "en ledamots", 25) in found


def test_the_organisation_of_a_withheld_person_named_elsewhere_is_noted():
    data = {**BASE, "items": [{"title": "T", "notes": "Fältgruppen har sett en ökning."}]}
    result = redact(Meeting.model_validate(data))
    assert [(n.loc, n.message) for n in result.notes] == [
        (
            ("items", 0, "notes"),
            "'Fältgruppen' is the organisation of a withheld participant: it may identify them",
        )
    ]


def test_a_withheld_name_that_a_published_participant_also_has_refuses():
    data = {**BASE}
    data["participants"] = [
        {"name": "Anna Ek", "publish_name": False},
        {"name": "anna  ek", "role": "chair"},
    ]
    with pytest.raises(Unsafe) as caught:
        redact(Meeting.model_validate(data))
    assert [r.loc for r in caught.value.refusals] == [("participants", 0, "name")]


def withheld(*names: str, published: tuple[str, ...] = (), language: str = "sv") -> dict:
    people = [{"name": n, "role": "member", "publish_name": False} for n in names]
    people += [{"name": n, "role": "chair"} for n in published]
    return {**BASE, "language": language, "participants": people}


def notes_of(data: dict, text: str) -> str:
    meeting = Meeting.model_validate({**data, "items": [{"title": "T", "notes": text}]})
    return public(meeting).items[0].notes or ""


@pytest.mark.parametrize(
    ("people", "written", "published"),
    [
        # a lowercase word before a name does not hide the name
        (
            ("Ida Hemlig",),
            "Detta togs upp i Hemligs rapport.",
            "Detta togs upp i en ledamots rapport.",
        ),
        (("Ida Hemlig",), "I Hemligs rapport stod det.", "I en ledamots rapport stod det."),
        (
            ("Seán O'Brien",),
            "Enligt Seán O’Brien, och O’Brien.",
            "Enligt en ledamot, och en ledamot.",
        ),
        (
            ("Jan van der Berg",),
            "J. van der Berg och van der Berg, Jan.",
            "En ledamot och en ledamot.",
        ),
        (("Anna-Karin Ek",), "Sagt av A.-K. Ek i går.", "Sagt av en ledamot i går."),
        (("Anna Lind-Hemlig",), "Sagt av A. Hemlig i går.", "Sagt av en ledamot i går."),
        (
            ("Anna Hemlig",),
            "Sagt av Hem\u200elig och Hem&shy;lig.",
            "Sagt av en ledamot och en ledamot.",
        ),
        (("Anna Hemlig",), "Anna&nbsp;Hemlig kom.", "En ledamot kom."),
        (("Anna Hemlig",), "Fråga Anna. Hemlig: ja", "Fråga en ledamot. En ledamot: ja"),
        (("Anna Hemlig",), "_" * 40 + " (Anna Hemlig)", "_" * 40 + " (en ledamot)"),
    ],
)
def test_names_as_they_are_really_written(people, written, published):
    assert notes_of(withheld(*people), written) == published


def test_published_names_win_where_they_are_the_longer_reading():
    data = withheld("Maria Andersson", published=("Maria Andersson Lind", "Anna Öppen"))
    assert notes_of(data, "Maria Andersson Lind talade. Maria Andersson också.") == (
        "Maria Andersson Lind talade. En ledamot också."
    )
    data = withheld("Maria Andersson Lind", published=("Maria Andersson",))
    assert notes_of(data, "Maria Andersson Lind talade. Maria Andersson också.") == (
        "En ledamot talade. Maria Andersson också."
    )
    data = withheld("Anna Hemlig", published=("Anna Öppen",))
    assert notes_of(data, "Anna Öppens förslag; Öppen, Anna; A. Öppen.") == (
        "Anna Öppens förslag; Öppen, Anna; A. Öppen."
    )
    assert notes_of(data, "Tack till Hemlig, Anna Öppen") == "Tack till en ledamot, Anna Öppen"


def test_a_field_that_is_a_name_counts_it_in_any_case():
    data = withheld("Anna Hemlig")
    data["items"] = [
        {
            "title": "T",
            "presenters": ["anna"],
            "actions": [{"task": "x", "owner": "hemlig"}],
            "decisions": [{"text": "att", "reservations": ["hemlig"]}],
        }
    ]
    data["recorded_by"] = "a. hemlig"
    out = public(Meeting.model_validate(data))
    assert "hemlig" not in out.model_dump_json().casefold()
    assert out.recorded_by == "Ledamot" and out.items[0].presenters == ["Ledamot"]


@pytest.mark.parametrize(
    "href", ["AnnaHemlig.pdf", "yttrande_AHemlig.pdf", "hemlig2024.pdf", "ahemlig.pdf"]
)
def test_a_name_joined_into_a_file_name_is_found(href):
    data = withheld("Anna Hemlig")
    data["items"] = [{"title": "T", "attachments": [{"title": "Brev", "href": href}]}]
    with pytest.raises(Unsafe):
        redact(Meeting.model_validate(data))


@pytest.mark.parametrize(
    "text", ["Kontakt: a.hemlig@kommun.se", "Se https://kommun.se/personal/hemlig för mer."]
)
def test_an_address_written_as_text_is_refused(text):
    with pytest.raises(Unsafe, match="contains the withheld name"):
        notes_of(withheld("Anna Hemlig"), text)


@pytest.mark.parametrize(
    "content", [b"namn,antal\nanna,hemlig\n", "namn\nAnna Hemlig\n".encode("utf-16")]
)
def test_data_files_in_any_case_or_encoding(tmp_path, content):
    (tmp_path / "d.csv").write_bytes(content)
    meeting = Meeting.model_validate({**withheld("Anna Hemlig"), "data": {"d": "d.csv"}})
    with pytest.raises(Unsafe, match=r"the data file d\.csv contains the withheld name"):
        redact(meeting, tmp_path)


def test_a_name_with_nothing_visible_in_it_does_not_break_the_build():
    data = withheld("\u200b", published=("Per Öppen",))
    assert notes_of(data, "Per Öppen talade.") == "Per Öppen talade."


def test_the_organisation_note_reads_the_text_as_written():
    data = withheld("Anna Hemlig")
    data["participants"][0]["organisation"] = "Hemlig Konsult AB"
    data["items"] = [{"title": "T", "presenters": ["Anna Hemlig (Hemlig Konsult AB)"]}]
    result = redact(Meeting.model_validate(data))
    assert [n.loc for n in result.notes] == [("items", 0, "presenters", 0)]


def test_position_party_and_a_seat_served_for_go_with_the_name():
    data = withheld("Anna Hemlig", published=("Per Öppen",))
    data["participants"][0].update(position="Fältsekreterare", party="MP")
    data["participants"].append({"name": "Eva Ers", "role": "deputy", "serving_for": "Anna Hemlig"})
    out = public(Meeting.model_validate({**data, "items": [{"title": "T"}]}))
    hidden = out.participants[0]
    assert (hidden.position, hidden.party, hidden.organisation) == (None, None, None)
    assert out.participants[2].serving_for == "Ledamot"
    assert "Fältsekreterare" not in out.model_dump_json()


def test_a_confidential_item_keeps_its_place_but_not_its_case():
    data = {
        **BASE,
        "items": [
            {
                "title": "Personalärende",
                "section": "Beslutsärenden",
                "number": "7",
                "case": "KS 2024/0001",
                "documents": [{"title": "Underlag MARK"}],
                "confidential": "OSL 39:3",
            }
        ],
    }
    item = public(Meeting.model_validate(data)).items[0]
    assert (item.section.title, item.number, item.case, item.documents) == (
        "Beslutsärenden",
        "7",
        None,
        [],
    )
    assert "KS 2024/0001" not in public(Meeting.model_validate(data)).model_dump_json()
    shown = public(Meeting.model_validate(data), show_case=True)
    assert shown.items[0].case == "KS 2024/0001"
    assert "MARK" not in shown.model_dump_json() and shown.items[0].documents == []


def test_names_in_reservations_recusals_statements_and_questions_are_withheld():
    data = withheld("Anna Hemlig", published=("Per Öppen",))
    data["items"] = [
        {
            "title": "T",
            "decisions": [
                {
                    "text": "att",
                    "reservations": [{"name": "Anna Hemlig", "text": "Anna Hemlig yrkade avslag."}],
                }
            ],
            "recused": [{"name": "Anna Hemlig", "reason": "jäv"}],
            "statements": [{"by": ["Anna Hemlig", "Per Öppen"], "text": "Hemlig noterar."}],
            "asked_by": "Anna Hemlig",
        }
    ]
    out = public(Meeting.model_validate(data))
    assert "Hemlig" not in out.model_dump_json()
    item = out.items[0]
    assert item.recused[0].name == "Ledamot" and item.asked_by == "Ledamot"
    assert item.statements[0].by == ["Ledamot", "Per Öppen"]


def test_names_in_proposals_votes_and_elections_are_withheld():
    data = withheld("Anna Hemlig", published=("Per Öppen",))
    data["items"] = [
        {
            "title": "Val",
            "proposals": [
                {
                    "id": "A",
                    "text": "att välja Anna Hemlig",
                    "by": "Anna Hemlig",
                    "seconded_by": ["Anna Hemlig"],
                }
            ],
            "votes": [
                {
                    "yes_for": "A",
                    "yes": ["Anna Hemlig", "Per Öppen"],
                    "casting_vote": "Anna Hemlig",
                },
                {"method": "ballot", "options": {"Anna Hemlig": 3, "Per Öppen": 2}},
            ],
        }
    ]
    out = public(Meeting.model_validate(data))
    assert "Hemlig" not in out.model_dump_json()
    votes = out.items[0].votes
    assert votes[0].yes == ["Ledamot", "Per Öppen"] and votes[0].casting_vote == "Ledamot"
    assert votes[1].options == {"Ledamot": 3, "Per Öppen": 2}
    assert out.items[0].proposals[0].by == "Ledamot"

"""Items' numbers and the anchors made from them: what readers cite, the same everywhere."""

from minutebook.meeting.numbering import anchors, numbers


def test_a_held_protokoll_numbers_paragraphs_through_the_year():
    assert numbers("protocol", "final", 34, [None, None, "36 a"]) == ["§ 34", "§ 35", "§ 36 a"]
    assert anchors(["§ 34", "§ 35", "§ 36 a"]) == ["p34", "p35", "p36-a"]


def test_a_kallelse_and_notes_number_items_from_one():
    assert numbers("protocol", "planned", 34, [None, None]) == ["1", "2"]
    assert numbers("notes", "final", None, [None, "3.10", None]) == ["1", "3.10", "3"]
    assert anchors(["1", "3.10", "3"]) == ["item-1", "item-3.10", "item-3"]


def test_a_number_used_twice_gets_an_anchor_of_its_own():
    assert anchors(["1", "1", "§ 1", "§ 1"]) == ["item-1", "item-1-2", "p1", "p1-2"]
    assert anchors(["§ / ?"]) == ["px"]

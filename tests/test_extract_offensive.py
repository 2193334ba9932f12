"""An offensive launched with no place of its own, in a sentence about one place and with
a date of its own, is an assault on that place on that date (issue 11); an offensive "in"
a township says where it was fought, and is none. Sentences are our own."""

from __future__ import annotations

import pytest
from support.extraction import run


def assaults(text: str) -> set[tuple[str, str]]:
    return {(e.place, e.date) for e in run(text) if e.event_type == "assault"}


@pytest.mark.parametrize("text, place, date", [
    ("The junta camp in Kutkai fell on 7 January, ten days after the TNLA launched an "
     "offensive on 28 December.", "camp in Kutkai", "2023-12-28"),
    ("Fighting has gripped Lashio since early July, when MNDAA troops renewed their "
     "offensive against the army.", "Lashio", "2024-07"),
    ("Clashes have hit Momauk since the KIA began an assault at the start of August.",
     "Momauk", "2024-08"),
    ("The KIA launched an offensive against the junta in October and captured Mansi on "
     "20 November.", "Mansi", "2024-10"),
])
def test_an_offensive_without_its_own_place_is_on_the_sentences_place(
        text: str, place: str, date: str) -> None:
    assert (place, date) in assaults(text)


@pytest.mark.parametrize("text", [
    # where the offensive was fought, not what it attacked
    "The army launched a counteroffensive in Waingmaw Township on 2 September.",
    # two places: the sentence does not say which one the offensive was on
    "The KIA launched an offensive against the junta in October, taking Mansi and Shwegu "
    "on 20 November.",
    # no date of its own
    "The KIA captured Mansi on 20 November after it launched an offensive against the army.",
    # planned, not launched
    "Kachin leaders plan to launch an offensive against the junta in January, residents of "
    "Mansi said on 20 November.",
])
def test_no_assault_when_the_sentence_does_not_settle_it(text: str) -> None:
    got = assaults(text)
    assert not {p for p, _ in got if p in ("Mansi", "Shwegu", "Waingmaw")}


@pytest.mark.parametrize("text, places", [
    ("Junta troops launched offensives in Bhamo on Monday evening.", {"Bhamo"}),
    ("Resistance forces are now pressing on to take Mogok, east of Singu.", {"Mogok"}),
    ("After Sadung, Kachin fighters pushed on to capture Mansi and Shwegu.",
     {"Mansi", "Shwegu"}),
])
def test_plural_offensives_in_and_pressing_on_are_assaults(text: str,
                                                           places: set[str]) -> None:
    assert {e.place for e in run(text) if e.event_type == "assault"} == places


@pytest.mark.parametrize("text, place, actor", [
    ("An attack by the TNLA on Kyaukme began on Monday.", "Kyaukme", "TNLA"),
    ("The offensive by the KIA against Bhamo resumed on Monday.", "Bhamo", "KIA"),
    ("A raid by KIA forces on the Sinbo camp on Monday killed ten soldiers.", "Sinbo camp",
     "KIA"),
])
def test_an_attack_by_a_group_on_a_place(text: str, place: str, actor: str) -> None:
    got = [(e.place, e.actor, e.date) for e in run(text) if e.event_type == "assault"]
    assert got == [(place, actor, "2024-12-09")], got

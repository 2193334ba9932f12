"""An occupation stated with the day it began is a capture on that day (issue 11); a town
an article first leaves unnamed ("another city") and names by its residents is that town.
Sentences are our own, in several phrasings."""

from __future__ import annotations

import datetime as dt

import pytest
from support.extraction import run

PUB2024 = dt.date(2024, 3, 10)


def events(text: str, published: dt.date | None = None) -> set[tuple[str, str, str, str]]:
    got = run(text) if published is None else run(text, published=published)
    return {(e.event_type, e.place, e.date, e.actor) for e in got
            if e.event_type in ("capture", "assault", "held")}


@pytest.mark.parametrize("text", [
    "The KIA has occupied Lweje since 29 March.",
    "Since 29 March, the KIA has occupied Lweje.",
    "KIA fighters have occupied Lweje since March 29, residents say.",
    "The KIA has been in occupation of Lweje since 29 March.",
    "KIA troops, which took the town in a night raid, have occupied Lweje since 29 March.",
])
def test_an_occupation_since_a_day_is_a_capture_that_day(text: str) -> None:
    assert ("capture", "Lweje", "2024-03-29", "KIA") in events(text)


@pytest.mark.parametrize("text", [
    "The KIA has occupied Lweje for months.",
    "The KIA has been in occupation of Lweje throughout the year.",
])
def test_an_occupation_without_its_first_day_is_a_holding(text: str) -> None:
    got = events(text)
    assert {kind for kind, place, _, _ in got if place == "Lweje"} == {"held"}


@pytest.mark.parametrize("text", [
    "The KIA has controlled Lweje since 29 March.",
    "The KIA has held Lweje since 29 March.",
    "Lweje has been held by the KIA since 29 March.",
    "Lweje had been controlled by Kachin fighters since 29 March.",
    "Since 29 March Lweje has been under the control of the KIA.",
])
def test_a_holding_since_a_day_is_a_capture_that_day(text: str) -> None:
    assert ("capture", "Lweje", "2024-03-29", "KIA") in events(text)


@pytest.mark.parametrize("text", [
    "Lweje, which lies on the road to the Chinese border, has been under KIA control "
    "since 29 March.",
    "Lweje, which the army had held for a decade, had since 29 March been in the hands of "
    "the KIA.",
    "Lweje, which sits across the river from Momauk, has been held by the KIA since "
    "29 March.",
])
def test_the_subject_of_a_holding_stands_before_its_relative_clause(text: str) -> None:
    got = events(text)
    assert ("capture", "Lweje", "2024-03-29", "KIA") in got
    assert not [e for e in got if e[1] == "Momauk"]


def test_a_holding_dated_long_ago_is_background() -> None:
    assert not [e for e in events("The KIA has controlled Laiza since 1961.")
                if e[0] == "capture"]


def test_the_first_day_of_a_holding_is_stated_beside_it() -> None:
    text = ("Fighting went on near Lashio after jets bombed the MNDAA-controlled city of "
            "Laukkaing at dawn, and the MNDAA announced a truce from 14 July to 18 July.")
    assert not [e for e in events(text) if e[1] == "Laukkaing" and e[0] == "capture"]


@pytest.mark.parametrize("text, date", [
    ("The KIA captured another border town on Thursday. Troops have been deployed across "
     "it, Lweje residents told reporters.", "2024-12-05"),
    ("Kachin fighters seized a second town on 5 December. Shops stayed shut on Monday, "
     "residents of Lweje said.", "2024-12-05"),
    ("Rebel troops have held the city since 5 December, but the junta's soldiers only "
     "surrendered this week, according to residents of Lweje.", ""),
])
def test_a_town_named_later_by_its_residents(text: str, date: str) -> None:
    got = run(text)
    lweje = [e for e in got if e.place == "Lweje" and e.event_type == "capture"]
    if date:
        assert [e.date for e in lweje] == [date]
    else:
        assert not lweje  # "held the city since": no occupation word, no capture


def test_a_town_named_later_in_another_role_is_not_the_one_taken() -> None:
    text = "The KIA captured another town on Thursday. The army then bombed Lweje."
    assert not [e for e in run(text) if e.event_type == "capture"]


@pytest.mark.parametrize("text", [
    "The KIA has occupied Lweje, Sinbo and Sumprabum towns and dozens of army posts.",
    "Kachin fighters have occupied Lweje and Sinbo, the group said.",
])
def test_has_occupied_without_a_period_reports_the_taking(text: str) -> None:
    got = events(text)
    assert ("capture", "Lweje") in {(k, p) for k, p, _, _ in got}
    assert "held" not in {k for k, p, _, _ in got if p == "Lweje"}


@pytest.mark.parametrize("text", [
    "The KIA has occupied Lweje for several months.",
    "Kachin troops have occupied Lweje for years.",
])
def test_has_occupied_for_a_while_is_a_holding(text: str) -> None:
    assert {k for k, p, _, _ in events(text) if p == "Lweje"} == {"held"}


@pytest.mark.parametrize("text", [
    "By then the KIA had controlled Lweje for months.",
    "The KIA had held Lweje for two years.",
    "Lweje was previously held by the KIA.",
])
def test_a_past_holding_without_its_first_day_reports_nothing(text: str) -> None:
    assert not [e for e in events(text) if e[1] == "Lweje"]


@pytest.mark.parametrize("text", [
    "The KIA had held Lweje since 29 March.",
    "Lweje had been in KIA hands since 29 March.",
])
def test_a_past_holding_since_a_day_is_still_a_capture_that_day(text: str) -> None:
    assert ("capture", "Lweje", "2024-03-29", "KIA") in events(text)


@pytest.mark.parametrize("text", [
    "The KIA has had control of Lweje since 29 March.",
    "KIA units have had complete control of Lweje since March 29, residents said.",
    "The army attacked a KIA camp. The KIA has had full control of the small town of Lweje "
    "since 29 March.",
])
def test_a_control_had_since_a_day_is_a_capture_that_day(text: str) -> None:
    assert ("capture", "Lweje", "2024-03-29", "KIA") in events(text)


@pytest.mark.parametrize("town", ["the small town", "the remote border town",
                                  "the riverside town"])
def test_a_described_town_is_the_town_named_before(town: str) -> None:
    text = (f"Army columns tried to retake Lweje on Monday. The KIA has had complete control "
            f"of {town} since 29 March.")
    assert ("capture", "Lweje", "2024-03-29", "KIA") in events(text)


@pytest.mark.parametrize("text", [
    "Army columns abandoned a mission to retake Lweje. The KIA has had complete control of "
    "the town since 29 March.",
    "Regime troops shelled and attacked Lweje again. Kachin fighters have held the town "
    "since 29 March.",
])
def test_the_day_a_holding_began_is_no_attack_s_day(text: str) -> None:
    assert [e[2] for e in events(text) if e[0] == "assault"] == [""]


@pytest.mark.parametrize("text, place, actor, date", [
    ("PDF forces have held Shwe Pyi Aye since 22 November last year.", "Shwe Pyi Aye", "PDF",
     "2023-11-22"),
    ("Several People's Defence Forces (PDFs) under the defence ministry of the civilian "
     "government have had complete control of Kawlin since Nov. 6 last year.", "Kawlin",
     "PDF", "2023-11-06"),
    ("KIA troops loyal to the northern command have held Sadung since 5 January.", "Sadung",
     "KIA", "2024-01-05"),
])
def test_a_group_s_troops_holding_a_place_since_a_day_took_it_then(
        text: str, place: str, actor: str, date: str) -> None:
    assert ("capture", place, date, actor) in events(text, PUB2024)


@pytest.mark.parametrize("text", [
    "The junta has launched an offensive against the TNLA-controlled Kyaukme since Tuesday.",
    "Since Tuesday the army has shelled the Ta'ang National Liberation Army (TNLA)-held "
    "town of Kyaukme.",
])
def test_a_holder_written_as_an_adjective_took_nothing_on_the_sentence_s_day(text: str
                                                                          ) -> None:
    assert not [e for e in events(text, PUB2024) if e[0] == "capture"]


@pytest.mark.parametrize("text, actor", [
    ("Light Infantry Battalion 424 troops at Kutkai retreated on 3 December after an attack "
     "by the KIA.", "KIA"),
    ("On 3 December junta soldiers stationed in Kutkai withdrew, and TNLA fighters moved in.",
     "TNLA"),
    ("The KIA attacked Kutkai on 2 December. Army troops based in Kutkai pulled out on 3 "
     "December.", "KIA"),
])
def test_troops_at_a_place_retreating_lose_it(text: str, actor: str) -> None:
    assert ("capture", "Kutkai", "2024-12-03", actor) in events(text)


@pytest.mark.parametrize("text", [
    "Residents in Kutkai fled on 3 December.",
    "Families living in Kutkai fled to the hills on 3 December.",
])
def test_people_fleeing_a_place_hand_it_to_nobody(text: str) -> None:
    assert not [e for e in events(text) if e[0] == "capture"]


def test_a_retreat_with_no_troops_placed_takes_no_date_from_the_capture() -> None:
    got = {(e[1], e[2]) for e in events(
        "The army retook Mongmit on 20 January after the KIA withdrew on 18 January.")
        if e[0] == "capture"}
    assert got == {("Mongmit", "2024-01-20")}

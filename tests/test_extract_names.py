"""Towns written under another name or romanisation (issue 11), found in running text,
and a list's date given to every place of the list. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest
from support.extraction import run


def captures(text: str) -> dict[str, str]:
    return {e.place: e.date for e in run(text) if e.event_type == "capture"}


@pytest.mark.parametrize("text, town", [
    ("The MNDAA said it had seized Kyugok on 20 November.", "Pang Hseng"),
    ("Kyu Gok, a border town in Muse Township, fell to the alliance on 20 November.",
     "Pang Hseng"),
    ("Alliance troops took control of Pansai town on 20 November.", "Pang Hseng"),
    ("On 20 November the alliance took Phaung Sai in Muse Township.", "Pang Hseng"),
    ("Phaungsai, a border town, fell to the MNDAA on 20 November.", "Pang Hseng"),
    ("Kachin fighters overran a junta camp in Wynemaw on 20 November.", "camp in Waingmaw"),
    ("On 20 November the KIA captured Wine Maw.", "Waingmaw"),
    ("Ta'ang fighters took Mokok town on 20 November.", "Mogok"),
    ("On 20 November, Mataya fell to the resistance.", "Madaya"),
])
def test_a_town_under_another_name_or_spelling(text: str, town: str) -> None:
    assert captures(text).get(town) == "2024-11-20"


@pytest.mark.parametrize("text, places, date", [
    ("The KIA captured Sadung and Chipwi in May.", {"Sadung", "Chipwi"}, "2024-05"),
    ("Resistance fighters took control of Mansi, Shwegu and Momauk on 3 October.",
     {"Mansi", "Shwegu", "Momauk"}, "2024-10-03"),
    ("The TNLA seized the junta's camp in Kyaukme in northern Shan State and Nawnghkio "
     "on 6 August.", {"camp in Kyaukme", "Nawnghkio"}, "2024-08-06"),
])
def test_a_date_after_a_list_dates_every_place_of_it(text: str, places: set[str],
                                                     date: str) -> None:
    got = captures(text)
    assert {p: got.get(p) for p in places} == dict.fromkeys(places, date)


def test_places_with_their_own_dates_keep_them() -> None:
    got = captures("The KIA captured Sadung on 3 May, Chipwi on 9 May and Tsawlaw.")
    assert (got["Sadung"], got["Chipwi"]) == ("2024-05-03", "2024-05-09")


@pytest.mark.parametrize("text, place", [
    ("KIA Seizes Mansi After Week-Long Battle\n\nFighting went on all week.", "Mansi"),
    ("TNLA Takes Control Of Namhsan Town\n\nResidents fled.", "Namhsan"),
    ("The KIA Captured Shwegu On 20 November.", "Shwegu"),
    ("KACHIN ARMY CAPTURES MANSI ON 20 NOVEMBER\n\nResidents fled.", "Mansi"),
])
def test_headlines_in_title_case_or_capitals_are_read(text: str, place: str) -> None:
    assert place in captures(text)


def test_a_person_in_a_title_case_headline_is_still_a_person() -> None:
    text = "U Kyaw Bhamo Speaks To Reporters About The Fighting\n\nNothing changed."
    assert captures(text) == {}


@pytest.mark.parametrize("text", [
    "The KIA attacked Bhamo at 5 am and Mansi at around 6 a.m. on 20 November.",
    "The KIA attacked Bhamo at 05:30 and Mansi at 6 pm on 20 November.",
])
def test_a_time_of_day_does_not_break_a_list(text: str) -> None:
    got = {e.place for e in run(text) if e.event_type == "assault"}
    assert {"Bhamo", "Mansi"} <= got, got


# -- a town's other name, given beside it by the article -----------------------------------

@pytest.mark.parametrize("text, kind", [
    ("The TNLA took Mogok (Mongkut) in July. The army shelled Kyaukme. On Monday the army "
     "entered Mongkut.", "assault"),
    ("Residents of Mongkut (Mogok) fear reprisals. Prices rose in Kyaukme. On Monday the "
     "army retook Mongkut.", "capture"),
])
def test_a_town_s_other_name_given_beside_it_is_that_town(text: str, kind: str) -> None:
    got = [e for e in run(text, dt.date(2025, 11, 27))
           if e.event_type == kind and e.date == "2025-11-24"]
    assert [e.place for e in got] == ["Mogok"], got


@pytest.mark.parametrize("text", [
    "The TNLA took Lashio (Shan) in July. On Monday the army retook Shan villages.",
    "The TNLA took Mogok (Township) in July. On Monday the army retook Township offices.",
])
def test_a_state_or_area_word_in_brackets_is_no_town_s_name(text: str) -> None:
    got = [e for e in run(text, dt.date(2025, 11, 27)) if e.date == "2025-11-24"]
    assert not got, got

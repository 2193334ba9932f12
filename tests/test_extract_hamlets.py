"""Villages named without the word "village" (issue 11): read from MIMU's table only where
the article's own townships and places settle which village it is; never a guess. Our own
sentences, several phrasings."""

from __future__ import annotations

import datetime as dt

import pytest
from support.extraction import run

PUB = dt.date(2024, 3, 1)  # a Friday


def _events(text: str, kind: str) -> dict[str, object]:
    return {e.place: e for e in run(text, PUB) if e.event_type == kind}


@pytest.mark.parametrize("text", [
    "Fighting spread across Shwegu Township this week. KIA troops overran Ngabat Gyi on "
    "Tuesday.",
    "The resistance pressed on near Shwegu. On Tuesday the KIA captured Nga Bat Gyi after a "
    "night of fighting.",
    "Clashes were reported in Shwegu Township. Ngabat Gyi fell to the KIA on Tuesday.",
])
def test_a_bare_village_name_the_township_settles(text: str) -> None:
    events = _events(text, "capture")
    assert "Nga Bat Gyi" in events, events
    e = events["Nga Bat Gyi"]
    assert e.date == "2024-02-27" and e.actor == "KIA"  # type: ignore[attr-defined]
    assert not e.place_approximate  # type: ignore[attr-defined]
    assert abs(e.lat - 24.17675) < 0.001  # MIMU's point  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "KIA troops overran Ngabat Gyi on Tuesday.",  # no township, no place: open
    "Fighting spread across Hpakant Township this week. KIA troops overran Ngabat Gyi on "
    "Tuesday.",  # the one Ngabat Gyi is in Shwegu, 150 km away
])
def test_a_bare_village_name_nothing_settles_is_not_read(text: str) -> None:
    assert "Nga Bat Gyi" not in _events(text, "capture")


def test_a_name_two_of_the_articles_townships_share_is_not_read() -> None:
    # MIMU has a Man Hkun in Bhamo Township and another in Momauk Township, 24 km apart,
    # both near the two towns: the article names both townships, so nothing settles it
    text = ("Fighting spread across Bhamo and Momauk townships this week. KIA troops overran "
            "Man Hkun on Tuesday.")
    assert "Man Hkun" not in _events(text, "capture")
    text = "Fighting spread across Bhamo Township. KIA troops overran Man Hkun on Tuesday."
    assert "Man Hkun" in _events(text, "capture")


def test_a_site_named_after_a_village_stands_at_the_village() -> None:
    text = ("The KIA attacked outposts in Shwegu Township on Monday. By Tuesday evening the "
            "Ngabat Gyi tactical camp was in KIA hands.")
    events = _events(text, "capture")
    assert "Ngabat Gyi camp" in events, events
    e = events["Ngabat Gyi camp"]
    assert e.place_approximate and abs(e.lat - 24.17675) < 0.001  # type: ignore[attr-defined]
    assert e.date == "2024-02-27"  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "Fighting spread across Shwegu Township this week, said Sai Ngabat Gyi, a local leader.",
    "Fighting spread across Shwegu Township this week, according to Ngabat Gyi Aung.",
])
def test_people_are_not_villages(text: str) -> None:
    from gazetteer.extract.article import find_actors, find_places, rules_for, sentence_spans
    from gazetteer.extract.sites import site_places
    from gazetteer.places import Gazetteer

    r = rules_for(Gazetteer.default())
    sentences = sentence_spans(text, abbreviations=r.abbreviations)
    locs = find_places(text, r, sentences)
    actors = [(a, b) for a, b, _ in find_actors(text, r, sentences).named]
    names = {loc.name for loc in site_places(text, locs, r, actors, sentences)}
    assert "Nga Bat Gyi" not in names


def test_a_time_of_day_before_the_date_still_dates_a_holding() -> None:
    for when in ("By 7:30 on Tuesday", "By 6 am on Tuesday", "By 07.30 on Tuesday"):
        text = f"The KIA attacked Mansi on Monday. {when}, the town was in KIA hands."
        events = _events(text, "capture")
        assert events.get("Mansi") is not None, when
        assert events["Mansi"].date == "2024-02-27", when  # type: ignore[attr-defined]


@pytest.mark.parametrize("said", [
    "he said, speaking to reporters on Tuesday",
    "the commander explained on Tuesday",
    "an officer noted on Tuesday",
])
def test_a_quote_is_counted_from_a_speaking_attribution(said: str) -> None:
    text = (f"“We fought all night, and by this morning Mansi was in KIA hands,” {said}. "
            "The KIA has led the offensive in the area.")
    captures = _events(text, "capture")
    assert captures.get("Mansi") is not None, said
    assert captures["Mansi"].date == "2024-02-27", said  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "Fighting broke out in Mohnyin Township last week. On Tuesday the KIA captured Nyaung "
    "Bin and Chaung Wa villages.",
    "Clashes spread across Mohnyin Township. The KIA overran Chaung Wa and Nyaungbin "
    "villages on Tuesday.",
])
def test_listed_villages_are_mimus_in_the_township_the_story_names(text: str) -> None:
    events = _events(text, "capture")
    assert {"Nyaung Pin", "Chaung Wa"} <= set(events), events  # "Bin" is "Pin" after "ng"
    assert all(not e.place_approximate for e in events.values())  # type: ignore[attr-defined]


def test_a_listed_village_mimu_lacks_in_the_township_is_left_open() -> None:
    # "Zzyzx Gyi" is no village of Mohnyin Township: not put at the township's seat
    text = ("Fighting broke out in Mohnyin Township last week. On Tuesday the KIA captured "
            "Chaung Wa and Zzyzx Gyi villages.")
    events = _events(text, "capture")
    assert set(events) == {"Chaung Wa"}


@pytest.mark.parametrize("text", [
    "Fighting spread across Nawnghkio Township. Nawnghkio was among the towns captured "
    "by TNLA-led forces during Phase 2 of the operation.",
    "In Nawnghkio Township the TNLA said Phase Two had begun, and it captured Nawnghkio.",
])
def test_a_numbered_stage_is_no_village(text: str) -> None:
    assert "Hpar Say" not in {e.place for e in run(text, PUB)}


@pytest.mark.parametrize("text", [
    "In Mohnyin Township the KIA has captured the Hwelon camp.",
    "In Mohnyin Township the KIA has captured the Nyaung Bin, Hwelon and Chaung Wa camps.",
])
def test_one_word_may_be_a_spelling_of_a_village(text: str) -> None:
    places = {e.place for e in run(text, PUB) if e.event_type == "capture"}
    assert any(p.startswith("Hwelon") or p == "Hway Long" for p in places), places

"""Candidates, not silence (issue 11): a capture or assault phrase whose place or date
cannot be settled is kept with the reason, in a table of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.articles import Article
from gazetteer.events import CANDIDATE_COLUMNS, CANDIDATE_REASONS
from gazetteer.extract import (
    extract_article,
    extract_candidates,
    extract_with_candidates,
    read_article,
)

PUB = dt.date(2024, 12, 10)


def candidates(text: str, published: dt.date | None = PUB) -> list[tuple[str, str, str]]:
    result = read_article(Article("c.txt", text, published))
    for c in result.candidates:
        assert text[c.char_start:c.char_end] == c.excerpt
        assert c.char_start <= c.highlight_start < c.highlight_end <= c.char_end
        assert c.reason in CANDIDATE_REASONS
    return [(c.reason, c.event_type, c.mention) for c in result.candidates]


@pytest.mark.parametrize("text, mention", [
    ("The KIA occupied Hkaw Lum Yang on 31 October.", "Hkaw Lum Yang"),
    ("Kachin troops overran Nam Sai Bum, a hilltop post, on Monday.", "Nam Sai Bum"),
])
def test_a_name_the_gazetteer_lacks_is_an_unlocated_candidate(text: str, mention: str
                                                                ) -> None:
    assert ("unlocated_place", "capture", mention) in candidates(text)
    assert not [e for e in extract_article(Article("c.txt", text, PUB))
                if e.event_type == "capture"]


@pytest.mark.parametrize("text", [
    "The MNDAA said it had captured a regional military command.",
    "Resistance fighters seized two junta camps after a week of fighting.",
])
def test_a_phrase_with_no_place_is_a_candidate(text: str) -> None:
    got = candidates(text)
    assert any(reason == "no_place" and kind == "capture" for reason, kind, _ in got)


def test_a_place_without_a_date_is_an_undated_event_not_a_candidate() -> None:
    text = "The KIA captured Sinbo, a spokesman said."
    assert candidates(text) == []
    assert [(e.place, e.date) for e in extract_article(Article("c.txt", text, PUB))] == \
        [("Sinbo", "")]


def test_background_events_are_historical_candidates() -> None:
    text = "Sinbo fell to the communists in 1968."
    got = read_article(Article("c.txt", text, PUB))
    assert not got.events
    assert [(c.reason, c.place, c.date) for c in got.candidates] == \
        [("historical", "Sinbo", "1968")]


@pytest.mark.parametrize("text", [
    "The KIA did not capture any camp near the border.",
    "The KIA plans to seize Hkaw Lum Yang next year.",
    "The captured outpost lies near the border.",
    "The KIA captured 30 soldiers and many weapons.",
])
def test_denied_planned_or_placeless_phrases_are_not_candidates(text: str) -> None:
    assert candidates(text) == []


def test_candidates_table_has_the_contract_columns_and_stable_ids() -> None:
    articles = [Article("a.txt", "The KIA occupied Hkaw Lum Yang on 31 October. Troops "
                                 "then seized Nam Lim Pa, residents said.", PUB),
                Article("b.txt", "The KIA captured Sinbo, a spokesman said.", PUB)]
    frame = extract_with_candidates(articles).candidates
    assert tuple(frame.columns) == CANDIDATE_COLUMNS
    assert set(frame["source_file"]) == {"a.txt"}
    again = extract_with_candidates(list(reversed(articles))).candidates
    assert list(frame["candidate_id"]) == list(again["candidate_id"])
    both = extract_with_candidates(articles)
    assert set(both.events["place"]) == {"Sinbo"}


def test_one_articles_candidates_as_the_corpus_store_reads_them() -> None:
    from gazetteer.ingest import extract_rows

    article = Article("a.txt", "The KIA occupied Hkaw Lum Yang on 31 October.", PUB)
    assert [c.row()["mention"] for c in extract_candidates(article)] == ["Hkaw Lum Yang"]
    events, candidates = extract_rows(article)
    assert events == []
    assert [(c["reason"], c["event_type"], c["mention"]) for c in candidates] == \
        [("unlocated_place", "capture", "Hkaw Lum Yang")]


@pytest.mark.parametrize("text", [
    "Insurgents captured an airfield in northern Myanmar on Monday, a witness said.",
    "Rebels have seized Myanmar's biggest jade market, residents said.",
    "Fighters took control of large parts of Shan State last year.",
    "The regime says it recaptured Chinese-built positions on 2 December.",
    "Junta troops have retaken ground along the Lashio-Muse route, the GNLM claimed.",
    "Troops seized the Mandalay-Lashio highway on 2 December.",
])
def test_country_state_route_and_newspaper_names_are_no_unlocated_site(text: str) -> None:
    assert [m for reason, _, m in candidates(text) if reason == "unlocated_place"] == []


def test_a_camp_named_beside_a_country_is_still_a_candidate() -> None:
    text = "Kachin fighters captured Hkaw Lum Yang camp in northern Myanmar on Monday."
    assert any(reason == "unlocated_place" and "Hkaw Lum Yang" in m
               for reason, _, m in candidates(text))


@pytest.mark.parametrize("text", [
    "Since the KIA captured Laiza decades ago, the town has been its headquarters.",
    "Residents recall when the army took over Kutkai in the 1990s.",
    "The army's 2009 offensive on Laukkai drove the MNDAA out.",
])
def test_undated_events_told_as_history_are_historical_candidates(text: str) -> None:
    result = read_article(Article("c.txt", text, PUB))
    assert [e for e in result.events if e.event_type in ("capture", "assault")] == []
    assert any(c.reason == "historical" for c in result.candidates)


def test_a_name_that_is_the_one_village_near_the_story_is_placed_there() -> None:
    text = ("Fighting went on near Mansi on 1 January. Kachin troops overran the Kaik Hteik "
            "camp on 2 January.")
    result = read_article(Article("c.txt", text, PUB))
    got = [e for e in result.events if e.event_type == "capture"]
    assert [(e.place, e.date) for e in got] == [("Kaik Hteik camp", "2024-01-02")]
    assert got[0].place_approximate
    assert not [c for c in result.candidates if c.mention.startswith("Kaik Hteik")]


@pytest.mark.parametrize("text", [
    # no place of the story near it: nothing settles which village it is
    "Kachin troops overran the Kaik Hteik camp on 2 January.",
    # named only as a point of reference
    "Fighting went on near Mansi on 1 January. A camp 20 miles away from Kaik Hteik "
    "camp was captured on 2 January.",
])
def test_a_village_name_the_story_does_not_settle_stays_a_candidate(text: str) -> None:
    result = read_article(Article("c.txt", text, PUB))
    assert not [e for e in result.events if e.place.startswith("Kaik Hteik")]

"""Date forms of translated and wire reporting (issue 11), in sentences of our own: a day in
brackets after its month, "last <month> <day>", "since last <month>", a count of days
from an event rather than from a date, and periods that are no date of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.dates import find_dates, has_window, parse_date

JAN = dt.date(2025, 1, 7)   # a Tuesday in January
MAR = dt.date(2025, 3, 20)


def values(text: str, published: dt.date = JAN) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in find_dates(text, published=published)]


@pytest.mark.parametrize("text, value", [
    ("The siege began on January (2nd).", "2025-01-02"),
    ("Fighting has gone on since last January (3rd) at the post.", "2025-01-03"),
    ("The outpost was shelled from January ( 4 ) onwards.", "2025-01-04"),
    ("Troops massed there in December (28th), residents said.", "2024-12-28"),
])
def test_a_day_in_brackets_after_its_month(text: str, value: str) -> None:
    found = find_dates(text, published=JAN)
    assert [d.value for d in found] == [value]
    assert found[0].precision == "day"


def test_since_and_a_bracketed_day_open_a_period() -> None:
    d = parse_date("since last January (2nd)", published=JAN)
    assert d is not None and d.since and d.value == "2025-01-02"


@pytest.mark.parametrize("text, value", [
    ("last December 15", "2024-12-15"),
    ("on last January 5", "2025-01-05"),
    ("last January 7", "2024-01-07"),  # the publication day itself: a year back
    ("this past January 6", "2025-01-06"),
])
def test_last_before_a_month_and_day_is_the_latest_such_day(text: str, value: str) -> None:
    assert parse_date(text, published=JAN).value == value  # type: ignore[union-attr]


@pytest.mark.parametrize("text, value", [
    ("since last January", "2025-01"),
    ("since last March", "2024-03"),  # in a March article: the March before
    ("from last February", "2025-02"),
])
def test_since_last_month(text: str, value: str) -> None:
    d = parse_date(text, published=MAR)
    assert d is not None and (d.value, d.precision, d.since) == (value, "month", True)


def test_a_month_with_a_bracketed_word_is_still_a_month() -> None:
    assert values("The talks were held in May (Tuesday).", MAR)[0] == ("in May", "2024-05")


@pytest.mark.parametrize("text", [
    "The post fell on 3 March, ten days after the offensive began.",
    "Kachin troops entered the town on 3 March, a week before the talks opened.",
    "It fell on 3 March, two days after the army withdrew its column.",
])
def test_days_after_an_event_are_not_counted_from_the_date_before(text: str) -> None:
    assert [v for _, v in values(text, MAR)] == ["2025-03-03"]


@pytest.mark.parametrize("text, expected", [
    ("The town fell two days after 5 March.", "2025-03-07"),
    ("The camp was abandoned seven days before 12 March.", "2025-03-05"),
    ("The camp was abandoned a week before 12 March.", "2025-03"),  # a week: its month
])
def test_days_after_a_date_count_from_that_date(text: str, expected: str) -> None:
    assert values(text, MAR)[0][1] == expected


def test_days_after_with_nothing_following_count_from_the_date_before() -> None:
    found = values("The KIA attacked on 1 March. Two days after, the town fell.", MAR)
    assert [v for _, v in found] == ["2025-03-01", "2025-03-03"]


@pytest.mark.parametrize("text", [
    "The rebels retook the hill within three days.",
    "Within two months the resistance had seized four camps.",
    "Over the next few days the army lost three more outposts.",
    "In the days that followed, the garrison surrendered.",
    "The post changed hands twice in recent weeks.",
    "They captured it in less than a week.",
    "within hours the bridge was taken",
])
def test_periods_counted_from_an_undated_event(text: str) -> None:
    assert has_window(text)


@pytest.mark.parametrize("text", [
    "The garrison held out for three days.",
    "The town fell on Monday.",
    "The base was besieged for weeks before it fell.",
])
def test_durations_and_dates_are_not_such_periods(text: str) -> None:
    assert not has_window(text)


def test_a_period_is_looked_for_only_in_the_span_given() -> None:
    text = "The town fell on Monday. The hill was retaken within a week."
    assert not has_window(text, 0, 24) and has_window(text, 24)


MON = dt.date(2024, 11, 18)  # a Monday
SUN = dt.date(2024, 11, 17)


@pytest.mark.parametrize("text, published, first, last", [
    ("The town fell over the weekend.", MON, "2024-11-16", "2024-11-17"),
    ("Rebels took the bridge at the weekend, residents said.", MON, "2024-11-16",
     "2024-11-17"),
    ("The post was lost last weekend.", MON, "2024-11-16", "2024-11-17"),
    ("The post was lost last weekend.", SUN, "2024-11-09", "2024-11-10"),
    ("Fighting resumed this weekend.", SUN, "2024-11-16", "2024-11-17"),
])
def test_weekends(text: str, published: dt.date, first: str, last: str) -> None:
    (d,) = find_dates(text, published=published)
    assert (d.start.isoformat(), d.end.isoformat(), d.precision) == (first, last, "month")
    assert d.kind == "relative"


@pytest.mark.parametrize("text, value", [
    ("The TNLA seized Kyaukme on the 16th.", "2024-11-16"),      # still to come: last month
    ("On the 5th, the town fell to the KIA.", "2024-12-05"),
    ("Fighting began on 1 November and the town fell on the 9th.", "2024-11-09"),
    ("The KIA has held the town since the 2nd.", "2024-12-02"),
])
def test_a_day_of_the_month_alone_takes_the_month_before_it(text: str, value: str) -> None:
    found = find_dates(text, published=dt.date(2024, 12, 10))
    assert found[-1].value == value and found[-1].precision == "day"


@pytest.mark.parametrize("text", [
    "The 11th battalion withdrew.",
    "They met on the 3rd floor of the hotel.",
    "It was the 2nd time the town changed hands.",
    "The army marked the 75th anniversary.",
])
def test_ordinals_that_are_no_day_give_no_date(text: str) -> None:
    assert find_dates(text, published=dt.date(2024, 12, 10)) == []


@pytest.mark.parametrize("text, value", [
    ("The town fell on New Year's Eve after a four-day fight.", "2024-12-31"),
    ("Troops withdrew on New Year’s Day, residents said.", "2025-01-01"),
    ("The post was overrun on Christmas Eve 2023.", "2023-12-24"),
    ("Shelling stopped on Christmas Day, the monks said.", "2024-12-25"),
])
def test_a_named_day_of_the_calendar(text: str, value: str) -> None:
    found = find_dates(text, published=JAN)
    assert [(d.value, d.precision) for d in found] == [(value, "day")]


def test_a_festival_as_a_word_is_no_date() -> None:
    assert not find_dates("The sides agreed a Christmas truce.", published=JAN)


@pytest.mark.parametrize("text", [
    "The next day marked the New Year's Day of 2715 in the Ta'ang calendar.",
    "Villagers kept the Ta'ang New Year's Day of their own calendar.",
])
def test_another_calendar_s_new_year_is_no_date(text: str) -> None:
    assert not [d for d in find_dates(text, published=JAN) if "Year" in d.text]


def _in_story(text: str, published: dt.date) -> list[tuple[str, str]]:
    from gazetteer.extract.sentences import sentence_spans
    return [(d.text, d.value) for d in find_dates(text, published=published,
                                                   sentences=sentence_spans(text))]


@pytest.mark.parametrize("text, month", [
    ("Namtu was seized on Aug. 5, 2024. Lashio was handed back to the army in April.",
     "2025-04"),
    ("The KIA began its push on 7 March 2024. The army had shelled Laiza in January.",
     "2024-01"),
    ("The KIA began its push on 7 March 2024. Earlier, in January, troops shelled Laiza.",
     "2024-01"),
    ("Namtu was seized on 5 August 2024. In October troops withdrew from Namhsan.",
     "2024-10"),
])
def test_a_lone_month_in_the_next_sentences_runs_forward_unless_told_as_before(
        text: str, month: str) -> None:
    assert _in_story(text, dt.date(2025, 10, 2))[-1][1] == month


def test_a_year_named_just_before_coup_carries_to_no_later_month() -> None:
    text = ("The junta that seized power in a February 2021 coup is under pressure. The "
            "TNLA overran the camps near the town in June.")
    assert _in_story(text, dt.date(2025, 3, 6))[-1] == ("in June", "2024-06")

"""Date expressions resolved against the publication day."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.dates import ResolvedDate, find_dates, parse_date

WED = dt.date(2024, 11, 20)  # a Wednesday
JAN = dt.date(2025, 1, 15)   # a Wednesday in January


def one(phrase: str, published: dt.date | None = WED) -> ResolvedDate:
    found = parse_date(phrase, published=published)
    assert found is not None, phrase
    return found


@pytest.mark.parametrize("phrase, value", [
    ("29 September 2024", "2024-09-29"),
    ("on 18 October", "2024-10-18"),
    ("Nov. 20, 2024", "2024-11-20"),
    ("Dec. 15", "2023-12-15"),          # latest Dec. 15 not after 2024-11-20
    ("January 7th", "2024-01-07"),
    ("the 9th of November", "2024-11-09"),
    ("2024-11-20", "2024-11-20"),
    ("Sept. 3", "2024-09-03"),
    ("NOV. 2", "2024-11-02"),
])
def test_absolute_days(phrase: str, value: str) -> None:
    d = one(phrase)
    assert (d.value, d.precision, d.kind) == (value, "day", "absolute")
    assert d.start == d.end == dt.date.fromisoformat(value)


def test_year_inference_december_in_a_january_article() -> None:
    assert one("Dec. 9", JAN).value == "2024-12-09"
    assert one("January 10", JAN).value == "2025-01-10"
    assert one("January 20", JAN).value == "2024-01-20"  # not after publication


def test_stated_year_carries_to_the_next_sentences_of_the_story() -> None:
    text = ("The KIA took Chipwi on 29 September 2023, Pangwa on 18 October. "
            "It took Sadung on 5 October.")
    spans = [(0, 65), (66, len(text))]
    found = find_dates(text, published=dt.date(2024, 12, 10), sentences=spans)
    assert [d.value for d in found] == ["2023-09-29", "2023-10-18", "2023-10-05"]


def test_narrative_year_fades_after_a_few_sentences() -> None:
    text = "Sinbo fell on 2 March 2023. A. B. C. D. Shwegu fell on 5 May."
    spans = [(0, 27), (28, 30), (31, 33), (34, 36), (37, 39), (40, len(text))]
    found = find_dates(text, published=dt.date(2024, 12, 10), sentences=spans)
    assert [d.value for d in found] == ["2023-03-02", "2024-05-05"]


@pytest.mark.parametrize("first, later", [
    ("Since October 2023 the alliance has seized much of the north.",
     "The army took back Lashio in April."),
    ("The rebels have held most of the state since 7 March 2024.",
     "Under pressure, they handed Lashio back in April."),
    ("The KIA has pressed its offensive since early January 2024.",
     "It lost the hill camp in April."),
])
def test_a_period_s_start_gives_its_year_to_no_later_sentence(first: str,
                                                             later: str) -> None:
    # a period running up to now sets no time for the story: "in April" is the last
    # April before publication, not the first after the period began
    text = f"{first} {later}"
    spans = [(0, len(first)), (len(first) + 1, len(text))]
    found = find_dates(text, published=dt.date(2025, 7, 15), sentences=spans)
    assert found[-1].value == "2025-04"


def test_a_period_s_start_still_gives_its_year_within_its_sentence() -> None:
    text = ("Fighting has raged since June 2024, when the alliance renewed its offensive "
            "and took Hsipaw in October.")
    found = find_dates(text, published=dt.date(2025, 10, 18), sentences=[(0, len(text))])
    assert found[-1].value == "2024-10"


@pytest.mark.parametrize("first, later", [
    ("From 7 March 2024 the KIA attacked camps along the road.",
     "It took the Sezin camp on 20 April."),
    # "since ..., when": what happened then starts the story
    ("Fighting has raged since 7 March 2024, when the KIA attacked camps along the road.",
     "It took the Sezin camp on 20 April."),
])
def test_a_story_that_runs_from_a_day_carries_its_year(first: str, later: str) -> None:
    text = f"{first} {later}"
    spans = [(0, len(first)), (len(first) + 1, len(text))]
    found = find_dates(text, published=dt.date(2025, 7, 15), sentences=spans)
    assert found[-1].value == "2024-04-20"


def test_lone_year_carries_in_its_sentence_unless_it_is_context() -> None:
    pub = dt.date(2024, 12, 10)
    assert [d.value for d in find_dates("In 2023 the KIA took Sinbo on 5 May.",
                                        published=pub)] == ["2023", "2023-05-05"]
    text = "The KIO, founded in 1961, took Sinbo on 5 May."
    assert [d.value for d in find_dates(text, published=pub)] == ["1961", "2024-05-05"]
    assert [d.value for d in find_dates(text)] == ["1961"]  # never anchors a guess


@pytest.mark.parametrize("context", [
    "The junta, which took power in a coup in February 2021, lost Sinbo.",
    "The ceasefire signed on 3 March 2021 collapsed long ago.",
    "Since the election of November 2020 the army has lost ground.",
    "The army, which seized power in 2021, is losing ground.",
    "The KIA fights the forces of the junta that toppled the elected government in 2021.",
    "Generals who overthrew the civilian government in February 2021 lost ground.",
])
def test_a_context_date_gives_its_year_to_no_later_date(context: str) -> None:
    # the story is of 2022: "on 27 April" is the last 27 April before publication
    text = f"{context} Rebels took Namtu on 27 April, residents said."
    found = find_dates(text, published=dt.date(2022, 5, 12))
    assert found[-1].value == "2022-04-27"


@pytest.mark.parametrize("text, published, values", [
    ("Fighting began in June 2024, and the town fell in October that year.",
     dt.date(2025, 3, 1), ["2024-06", "2024-10"]),
    ("The base was set up in 2019 and was overrun in May of that year.",
     dt.date(2025, 3, 1), ["2019", "2019-05"]),
    ("Rebels took two posts on December 15 last year.", dt.date(2025, 1, 7),
     ["2024-12-15"]),
    ("They seized it on 3 March this year.", dt.date(2025, 6, 1), ["2025-03-03"]),
    ("The offensive started in March 2023 and ended in May the following year.",
     dt.date(2025, 6, 1), ["2023-03", "2024-05"]),
])
def test_years_named_by_a_phrase(text: str, published: dt.date, values: list[str]) -> None:
    assert [d.value for d in find_dates(text, published=published)] == values


def test_weeks_of_a_month_and_times_of_the_next_day() -> None:
    d = one("in the third week of October", dt.date(2023, 11, 20))
    assert (d.value, d.precision, d.start.day, d.end.day) == ("2023-10", "month", 15, 21)
    found = find_dates("Shelling began on 3 March; the garrison gave up the following "
                       "morning and the KIA left that evening.", published=WED)
    assert [d.value for d in found] == ["2024-03-03", "2024-03-04", "2024-03-04"]


def test_carried_year_never_puts_a_date_after_publication() -> None:
    found = find_dates("on 3 March 2024 and on 20 December", published=dt.date(2024, 12, 1))
    assert [d.value for d in found] == ["2024-03-03", "2023-12-20"]


@pytest.mark.parametrize("phrase, value", [
    ("on Wednesday", "2024-11-20"),       # publication day itself
    ("early on Wednesday", "2024-11-20"),
    ("last Wednesday", "2024-11-13"),
    ("on Monday", "2024-11-18"),
    ("Thursday", "2024-11-14"),
    ("next Friday", "2024-11-22"),
    ("Sunday night", "2024-11-17"),
])
def test_weekdays(phrase: str, value: str) -> None:
    d = one(phrase)
    assert (d.value, d.precision, d.kind) == (value, "day", "weekday")


def test_weekday_followed_by_its_date_keeps_the_date() -> None:
    found = find_dates("on Tuesday, Nov. 12", published=WED)
    assert [(d.value, d.kind) for d in found] == [("2024-11-12", "absolute")]


@pytest.mark.parametrize("phrase, value, precision", [
    ("yesterday", "2024-11-19", "day"),
    ("last week", "2024-11", "month"),     # 11-11 .. 11-17
    ("this month", "2024-11", "month"),
    ("last month", "2024-10", "month"),
    ("last year", "2023", "year"),
    ("earlier this year", "2024", "year"),
    ("three days ago", "2024-11-17", "day"),
    ("in May", "2024-05", "month"),
    ("in December", "2023-12", "month"),    # the latest December not after publication
    ("since late December", "2023-12", "month"),
    ("mid-October", "2024-10", "month"),
    ("March 2021", "2021-03", "month"),
    ("in 2021", "2021", "year"),
    ("since early 2023", "2023", "year"),
])
def test_relative_and_coarse(phrase: str, value: str, precision: str) -> None:
    d = one(phrase)
    assert (d.value, d.precision) == (value, precision)


def test_parts_narrow_start_and_end() -> None:
    d = one("since late December")
    assert (d.start, d.end, d.since) == (dt.date(2023, 12, 21), dt.date(2023, 12, 31), True)
    assert one("last week").start == dt.date(2024, 11, 11)
    assert one("last week").end == dt.date(2024, 11, 17)


@pytest.mark.parametrize("words, published, value", [
    ("last week", dt.date(2024, 12, 3), "2024-11"),  # 25 Nov .. 1 Dec: six days in Nov
    ("last week", dt.date(2024, 12, 6), "2024-11"),
    ("two weeks ago", dt.date(2025, 3, 14), "2025-02"),  # 24 Feb .. 2 Mar
    ("a week ago", dt.date(2025, 1, 2), "2024-12"),  # 23 .. 29 Dec
    ("last week", dt.date(2025, 1, 9), "2025-01"),  # 30 Dec .. 5 Jan: five in January
])
def test_week_across_months_is_the_month_holding_most_of_it(words: str, published: dt.date,
                                                              value: str) -> None:
    d = one(words, published)
    assert (d.value, d.precision) == (value, "month")
    assert d.start.strftime("%Y-%m") == d.end.strftime("%Y-%m") == value


def test_counted_from_the_previous_date() -> None:
    found = find_dates("The KIA attacked on Nov. 2 and took the town two days later; "
                       "the next day it moved on.", published=WED)
    assert [(d.value, d.kind) for d in found] == [
        ("2024-11-02", "absolute"), ("2024-11-04", "anchored"), ("2024-11-05", "anchored")]


@pytest.mark.parametrize("text", [
    "The PDF took the police post on Nov. 2. It had shelled the post the night before, and "
    "by the next morning the guards were gone.",
    "The PDF took the police post on Nov. 2; the previous evening its fighters cut the "
    "road, and the next morning they walked in.",
    "On Nov. 2 the PDF entered the post. They had surrounded it the evening before; the "
    "next morning the guards surrendered.",
])
def test_the_night_before_a_stated_day_and_the_morning_after_it(text: str) -> None:
    found = find_dates(text, published=WED)
    assert [d.value for d in found] == ["2024-11-02", "2024-11-01", "2024-11-02"]


def test_anchor_precision_is_kept() -> None:
    found = find_dates("Formed in March 2021, a month earlier", published=WED)
    assert [(d.value, d.precision) for d in found] == [("2021-03", "month"),
                                                       ("2021-02", "month")]


def test_without_publication_only_stated_dates() -> None:
    text = "On Monday the KIA took Sinbo. It took Shwegu on Dec. 9, weeks after 3 March 2023."
    found = find_dates(text)
    assert [d.value for d in found] == ["2023-12-09", "2023-03-03"]
    assert parse_date("yesterday") is None
    assert parse_date("last week") is None


def test_offsets_index_the_text() -> None:
    text = "Fighting resumed on Dec. 4 and again last week."
    for d in find_dates(text, published=WED):
        assert text[d.char_start:d.char_end] == d.text


def test_not_dates() -> None:
    assert find_dates("He may go. They march on. 31 February 2024. 4:30 p.m.", published=WED) \
        == []
    assert find_dates("killed 29 people and 13 children in 300 raids", published=WED) == []


def test_list_running_into_the_next_year() -> None:
    text = "The KIA took Chinshwehaw on 29 December 2024 and Mongmit on 17 January."
    found = find_dates(text, published=dt.date(2025, 2, 20))
    assert [d.value for d in found] == ["2024-12-29", "2025-01-17"]
    found = find_dates(text, published=dt.date(2025, 1, 10))  # 2025-01-17 not yet
    assert [d.value for d in found] == ["2024-12-29", "2024-01-17"]


@pytest.mark.parametrize("text, value", [
    # the comma closes "founded"'s clause: 2024 is the story's year
    ("The KIO, founded in 1961, took Sinbo in May 2024. On 5 June its men took Shwegu.",
     "2024-06-05"),
    ("The army, which was formed long ago, lost Sinbo in May 2024. On 5 June it lost Shwegu.",
     "2024-06-05"),
    # one long clause: the coup's year carries nothing
    ("Rebels fighting the generals who toppled a democratically elected government in "
     "2021 took Shwegu on 5 June.", "2022-06-05"),
])
def test_a_context_word_reaches_only_its_own_clause(text: str, value: str) -> None:
    found = find_dates(text, published=dt.date(2022, 8, 1) if "2021" in text
                       else dt.date(2024, 12, 10))
    assert found[-1].value == value


@pytest.mark.parametrize("signature", [
    "\u2014 A Reporter (@areporter) April 11, 2024",
    "-- Some Analyst (@analyst_mm) 11 April 2024",
])
def test_an_embedded_post_s_signature_dates_nothing(signature: str) -> None:
    text = f"Rebels say they hold the town.\n{signature}\nThey took Indaw on Monday."
    found = find_dates(text, published=dt.date(2025, 4, 10))
    assert [d.value for d in found] == ["2025-04-07"]


@pytest.mark.parametrize("caption", [
    "Kachin soldiers drill at a camp near Laiza in March 2016 (EPA)",
    "A checkpoint on the road to Muse, seen in 2017. (Photo: A Photographer/Some Outlet)",
    "Jade miners at work in Hpakant, December 12, 2015. (A Name/Reuters)",
])
def test_a_photo_caption_s_year_carries_to_no_later_date(caption: str) -> None:
    # a file photo's year is the photo's: the story's "on 19 October" is this year's
    text = f"Rebels seize two bases\n{caption}\nOn 19 October the KIA overran a camp."
    found = find_dates(text, published=dt.date(2023, 10, 28))
    assert found[-1].value == "2023-10-19"


def test_a_year_in_a_line_that_is_no_caption_still_carries() -> None:
    text = "In March 2016 (a dry year) the talks failed.\nOn 19 October the KIA took a camp."
    found = find_dates(text, published=dt.date(2023, 10, 28))
    assert found[-1].value == "2016-10-19"


@pytest.mark.parametrize("text, value", [
    # the phrase restates the date; its clause's event is the day before (or after)
    ("The spokesman spoke on October 2, the day after the TNLA withdrew from the town.",
     "2025-10-01"),
    ("The army entered on October 2, the day before the rains began.", "2025-10-03"),
    # the phrase counts from the date when nothing follows it
    ("Rebels attacked on October 2. The day after, the town fell.", "2025-10-03"),
    ("They met on October 2, the day after.", "2025-10-03"),
])
def test_the_day_after_a_clause_restates_the_date_before_it(text: str, value: str) -> None:
    found = find_dates(text, published=dt.date(2025, 10, 5))
    assert found[-1].value == value

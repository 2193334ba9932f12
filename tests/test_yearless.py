"""Years for texts that state days and months but no year: an anniversary of a stated
founding, and a folder pass placing an undated article in the year of its neighbours.
Every basis says how the day was reached."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gazetteer.articles import infer_published, load_folder
from gazetteer.yearless import anniversary_year, folder_guess, yearless_dates

TODAY = dt.date(2026, 11, 26)
D = dt.date


@pytest.mark.parametrize(("text", "year"), [
    ("The party, founded in 1988, held its 36th anniversary rally on 3 March.", 2024),
    ("Leaders spoke at the thirty-sixth anniversary of the group's founding. The union "
     "was established in 1988 in the hills.", 2024),
    ("The front was formed on 12 June 1990 and marked its 34th founding anniversary "
     "with a parade on June 12.", 2024),
    ("Set up in 1975, the council celebrated the fiftieth anniversary of its formation "
     "on Friday, 7 March.", 2025),
])
def test_an_anniversary_of_a_stated_founding_gives_the_year(text: str, year: int) -> None:
    found = anniversary_year(text)
    assert found is not None and found[0] == year


@pytest.mark.parametrize("text", [
    # an anniversary of something other than the founding
    "The movement, founded in 1988, marked the 10th anniversary of the ceasefire signing.",
    # the anniversary clause names its own year
    "Founded in 1961, the league held its 60th anniversary event last year.",
    # two founding years: which one the anniversary counts from is unsaid
    "The army was founded in 1961 and its party formed in 1990; its 63rd anniversary "
    "fell on 5 February.",
    # no founding year at all
    "Crowds gathered for the 63rd anniversary on 5 February.",
    # two anniversaries that disagree
    "Founded in 1960, it marked its 63rd anniversary; its 64th anniversary parade "
    "was on 25 October.",
])
def test_no_sound_anniversary_year(text: str) -> None:
    assert anniversary_year(text) is None


def test_anniversary_dates_the_yearless_events_and_says_how() -> None:
    text = ("The movement, founded in 1961, marked its 62nd anniversary on Sunday. "
            "Its fighters overran a hill post on 30 January, a spokesman said, after "
            "shelling on January 21.")
    guess = infer_published(text, today=TODAY)
    assert guess is not None and guess.day == D(2023, 1, 30)
    assert "62nd anniversary" in guess.basis and "founding in 1961 gives 2023" in guess.basis
    assert guess.basis.startswith("inferred from text:")


def test_a_founding_year_alone_dates_nothing() -> None:
    text = "The group, founded in 1960, seized a post on October 20, residents said."
    assert infer_published(text, today=TODAY) is None


def test_yearless_dates_read_weekdays_and_skip_full_dates() -> None:
    got = yearless_dates("On Monday, January 1, they met; on 4 March 2024 they left; "
                         "the 9th of May was quiet; Dec. 15 saw fighting.")
    assert [(d.month, d.day, d.weekday) for d in got] == [(1, 1, 0), (5, 9, None),
                                                          (12, 15, None)]


def test_weekday_and_date_pick_the_year_of_the_folders_articles() -> None:
    # Monday, January 1 fits 2018 and 2024; the folder's articles are from 2023-2024.
    others = [("a.txt", D(2023, 11, 2)), ("b.txt", D(2024, 3, 9))]
    guess = folder_guess("Shelling began on Monday, January 1, villagers said.", others,
                         today=TODAY)
    assert guess is not None and guess.day == D(2024, 1, 1)
    assert guess.basis.startswith("inferred: weekday and date fit 2024, the year of the "
                                  "folder's other articles")


def test_a_date_without_weekday_goes_to_the_year_of_its_near_neighbour() -> None:
    # 20 March lies inside the span in 2024 and in 2025; only in 2025 is another
    # article of the folder published within a month of it.
    others = [("old.txt", D(2024, 1, 5)), ("new.txt", D(2025, 3, 28))]
    guess = folder_guess("Troops left the ridge on 20 March and the road reopened on "
                         "March 14.", others, today=TODAY)
    assert guess is not None and guess.day == D(2025, 3, 20)
    assert "new.txt" in guess.basis and "within 31 days" in guess.basis


@pytest.mark.parametrize(("text", "others"), [
    # both 2023 and 2024 have a neighbour within a month
    ("The bridge fell on 10 June.", [("a.txt", D(2023, 6, 20)), ("b.txt", D(2024, 6, 1))]),
    # the weekday fits no year near the folder
    ("It happened on Friday, 3 June.", [("a.txt", D(2024, 6, 20))]),
    # nothing to place
    ("The bridge fell last week.", [("a.txt", D(2024, 6, 20))]),
])
def test_the_folder_settles_nothing_uncertain(text, others) -> None:
    assert folder_guess(text, others, today=TODAY) is None


def test_load_folder_dates_an_undated_article_by_its_neighbours(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("LASHIO, Aug. 2, 2024 - A market burned.",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Fighters entered the camp on 9 August, a monk said.",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("Nobody said when the ferry stopped.", encoding="utf-8")
    articles, warnings = load_folder(tmp_path)
    by_file = {a.file: a for a in articles}
    assert by_file["b.txt"].published == D(2024, 8, 9)
    assert by_file["b.txt"].published_basis.startswith("inferred: date fits 2024")
    assert by_file["c.txt"].published is None
    assert "c.txt: publication date unknown" in warnings
    assert "b.txt: publication date unknown" not in warnings

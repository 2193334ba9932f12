"""Publication dates read from an article's own text when no metadata gives one: datelines,
dated lines at the top, the latest dated event, weekdays that must agree; the basis is
always recorded, and a folder of bare .txt files gives dated articles."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from gazetteer.articles import article_from_text, infer_published, load_folder

TODAY = dt.date(2026, 11, 26)
D = dt.date


@pytest.mark.parametrize(("text", "day", "evidence"), [
    ("MYITKYINA, Mar. 4, 2024 (Wire) - Fighters said the post was empty by noon.",
     D(2024, 3, 4), "dateline"),
    ("Lashio, 17 September 2024 - Shops reopened after the shelling stopped.",
     D(2024, 9, 17), "dateline"),
    ("Posted 12 Feb 2025\n\nThe militia withdrew from the ridge overnight.",
     D(2025, 2, 12), "dated line at the top"),
    ("Border news\n5 January, 2024, 10:40\n\nA ferry stopped running on the river.",
     D(2024, 1, 5), "dated line at the top"),
    ("Published on Sept. 9, 2023, 8:15 a.m.\nVillagers fled toward the hills.",
     D(2023, 9, 9), "dated line at the top"),
    ("Troops left the post on 2 June 2024 and came back on 9 June 2024 with trucks.",
     D(2024, 6, 9), "latest dated event"),
    ("The convoy was stopped on Wednesday, August 7, near the bridge.",
     D(2024, 8, 7), "a Wednesday only in 2024"),
])
def test_the_text_gives_the_day_and_says_how(text: str, day: dt.date, evidence: str) -> None:
    guess = infer_published(text, today=TODAY)
    assert guess is not None and guess.day == day
    assert guess.basis.startswith("inferred from text:") and evidence in guess.basis


def test_a_leading_header_counts_first() -> None:
    guess = infer_published("date 2023-05-06\nIt rained on 1 May 2023.", today=TODAY)
    assert guess.day == D(2023, 5, 6) and "header" in guess.basis


def test_a_weekday_stamp_far_from_the_story_is_a_display_date() -> None:
    # A site prints today's date above old stories; the story's own dated event wins.
    text = ("Friday, March 14, 2025\n\nRiver crossing closed\n\n"
            "The ferry stopped on Wednesday, August 7, after the clashes.")
    guess = infer_published(text, today=TODAY)
    assert guess.day == D(2024, 8, 7) and "latest dated event" in guess.basis


def test_a_weekday_stamp_close_to_the_story_is_taken() -> None:
    text = ("Thursday, April 11, 2024\n\nThe bridge reopened on Tuesday, April 9, "
            "after repairs.")
    guess = infer_published(text, today=TODAY)
    assert guess.day == D(2024, 4, 11) and "dated line at the top" in guess.basis


def test_a_dateline_its_own_weekdays_contradict_is_refused() -> None:
    # 29 April 2023 was a Saturday, so "Monday, April 29" cannot be a week before it.
    text = "BHAMO, May 3, 2023 - The market shut on Monday, April 29, after the raid."
    guess = infer_published(text, today=TODAY)
    assert guess is not None and guess.day == D(2024, 4, 29)
    assert "dateline" not in guess.basis


@pytest.mark.parametrize("text", [
    "Fighting went on near the river on Tuesday, residents said.",
    "The road reopened on 4 March, a trader said.",  # no year anywhere
    "The council met on Monday, January 1, to plan the harvest.",  # 2018 and 2024 fit
    "A vote is planned for 5 March 2027.",  # after today
    "Lashio, 10 November - Shops stayed shut.",  # a dateline without a year
])
def test_nothing_certain_gives_nothing(text: str) -> None:
    assert infer_published(text, today=D(2024, 6, 1) if "January 1" in text
                           else TODAY) is None


def test_days_after_today_are_never_returned() -> None:
    text = "YANGON, Dec. 1, 2026 - Talks resumed on 20 November 2026."
    guess = infer_published(text, today=D(2026, 11, 25))
    assert guess is not None and guess.day == D(2026, 11, 20)


def test_an_upload_without_metadata_is_dated_from_its_text() -> None:
    article = article_from_text("up.txt", "SADUNG, Jun. 12, 2024 - Shops reopened.")
    assert article.published == D(2024, 6, 12)
    assert article.published_basis.startswith("inferred from text: dateline")
    assert any(w.startswith("up.txt: publication date 2024-06-12") for w in article.warnings)
    given = article_from_text("up.txt", "SADUNG, Jun. 12, 2024 - Shops reopened.",
                              published="2024-06-13")
    assert (given.published, given.published_basis) == (D(2024, 6, 13), "given")


def test_a_bare_folder_gives_dated_articles_and_says_how(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("WAINGMAW, Jul. 2, 2025 - The checkpoint was burned.",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Date: 2025-07-09\nA bridge was repaired.",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("Nobody said when the ferry stopped.", encoding="utf-8")
    articles, warnings = load_folder(tmp_path)
    by_file = {a.file: a for a in articles}
    assert by_file["a.txt"].published == D(2025, 7, 2)
    assert "dateline" in by_file["a.txt"].published_basis
    assert by_file["b.txt"].published_basis == "the file's 'date 2025-07-09' header"
    assert by_file["c.txt"].published is None and by_file["c.txt"].published_basis == ""
    assert "c.txt: publication date unknown" in warnings


def test_file_time_only_when_asked_and_never_silently(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("Nobody said when the ferry stopped.", encoding="utf-8")
    stamp = dt.datetime(2024, 2, 3, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))
    (article,), _ = load_folder(tmp_path)
    assert article.published is None
    (article,), warnings = load_folder(tmp_path, mtime_fallback=True)
    assert article.published == D(2024, 2, 3)
    assert article.published_basis == "file modified time (2024-02-03)"
    assert any("modified time" in w for w in warnings)
    assert not any(w.endswith("publication date unknown") for w in warnings)


def test_extraction_of_a_bare_folder_dates_its_events(tmp_path: Path) -> None:
    from gazetteer.extract import extract_folder

    (tmp_path / "x.txt").write_text(
        "MYITKYINA, Jan. 3, 2024 - The KIA seized Sinbo on Jan. 1.", encoding="utf-8")
    frame, _ = extract_folder(tmp_path)
    captures = frame[frame["event_type"] == "capture"]
    assert list(captures["date"]) == ["2024-01-01"]
    assert set(captures["published"]) == {"2024-01-03"}

"""The five seed articles: every control event they report, and none they do not."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.extract import extract_folder
from gazetteer.settings import SEEDS_DIR
from gazetteer.timeline import Timeline


@pytest.fixture(scope="module")
def events():
    frame, warnings = extract_folder(SEEDS_DIR)
    assert warnings == []
    return frame


def rows(events, seed: str, **where):
    sel = events[events["source_file"].str.startswith(seed)]
    for col, value in where.items():
        sel = sel[sel[col] == value]
    return sel


def test_excerpts_are_the_sliced_article_text(events) -> None:
    from gazetteer.articles import load_folder

    texts = {a.file: a.text for a in load_folder(SEEDS_DIR)[0]}
    for row in events.itertuples():
        assert texts[row.source_file][row.char_start:row.char_end] == row.excerpt
        assert row.char_start <= row.highlight_start < row.highlight_end <= row.char_end


def test_000_meeting_article_reports_no_control_change(events) -> None:
    assert rows(events, "000").empty


def test_001_kan_paik_ti_captured_on_wednesday(events) -> None:
    caps = rows(events, "001", event_type="capture")
    assert set(caps["place"]) == {"Kan Paik Ti"}
    assert set(caps["date"]) == {"2024-11-20"}
    assert set(caps["actor"]) == {"KIA"}
    assert rows(events, "001", place="Myitkyina").empty


def test_002_three_captures_each_with_its_date(events) -> None:
    caps = rows(events, "002", event_type="capture")
    got = {(r.place, r.date) for r in caps.itertuples()}
    assert got == {("Chipwi", "2024-09-29"), ("Pangwa", "2024-10-18"),
                   ("Kan Paik Ti", "2024-11-20")}
    assert set(caps["actor"]) == {"KIA"} and set(caps["date_precision"]) == {"day"}


def test_002_bhamo_contested_since_4_december(events) -> None:
    bhamo = rows(events, "002", place="Bhamo")
    assert set(bhamo["event_type"]) == {"assault"}
    assert "2024-12-04" in set(bhamo["date"])


def test_002_held_places(events) -> None:
    held = rows(events, "002", event_type="held")
    got = {(r.place, r.actor) for r in held.itertuples()}
    assert ("Lweje", "KIA") in got
    assert any(place == "Lashio" and actor in ("MNDAA", "TNLA") for place, actor in got)
    assert set(held["date"]) == {"2024-12-10"}


def test_003_outpost_in_la_he_si_bum_not_khaunglanhpu(events) -> None:
    caps = rows(events, "003", event_type="capture")
    outpost = caps[caps["place"].str.contains("La He Si Bum")]
    assert "2024-12-15" in set(outpost["date"])
    assert rows(events, "003", place="Khaunglanhpu").empty


def test_003_sumprabum_taken_in_may(events) -> None:
    sump = rows(events, "003", place="Sumprabum")
    assert {(r.event_type, r.date, r.date_precision) for r in sump.itertuples()} == \
        {("capture", "2024-05", "month")}


def test_003_bhamo_offensive_is_contested_not_captured(events) -> None:
    bhamo = rows(events, "003", place="Bhamo")
    assert set(bhamo["event_type"]) == {"assault", "capture"}
    # "two thirds of the town area": a partial capture beside its assault, never a capture
    captures = bhamo[bhamo["event_type"] == "capture"]
    assert set(captures["extent"]) == {"partial"}
    assert set(captures["date"]) <= set(bhamo[bhamo["event_type"] == "assault"]["date"])
    assert {"2024-12-04", "2024-12-16"} <= set(bhamo["date"])
    state = Timeline.from_events(events).state_on(dt.date(2024, 12, 20))
    assert state.set_index("place").loc["Bhamo", "status"] == "contested"


def test_004_lal_long_aungja_base_seized_on_october_20(events) -> None:
    caps = rows(events, "004", event_type="capture")
    assert {(r.place, r.date) for r in caps.itertuples()} == \
        {("Lal Long Aungja base", "2023-10-20")}


def test_004_laiza_is_kia_headquarters(events) -> None:
    held = rows(events, "004", event_type="held", place="Laiza")
    assert set(held["actor"]) == {"KIA"}


def test_004_airstrike_and_bombed_concert_are_not_captures(events) -> None:
    assert set(rows(events, "004", event_type="capture")["place"]) == {"Lal Long Aungja base"}
    camp = rows(events, "004", place="Mung Lai Hkyet")
    assert set(camp["event_type"]) <= {"airstrike"}
    assert not set(rows(events, "004")["place"]) & {"Hpakant"}


@pytest.mark.parametrize("place", ["Bhamo", "Myitkyina", "Putao", "Khaunglanhpu"])
def test_no_false_captures(events, place: str) -> None:
    # a partial capture (Bhamo: "two thirds of the town") is no capture of the place
    assert rows(events, "", event_type="capture", place=place, extent="").empty


def test_only_control_events_on_known_places(events) -> None:
    control = events[events["event_type"].isin(["capture", "assault", "held"])]
    assert set(control["place"]) <= {
        "Kan Paik Ti", "Chipwi", "Pangwa", "Bhamo", "Lweje", "Lashio", "La He Si Bum",
        "Sumprabum", "Lal Long Aungja base", "Laiza"}


#: The nine control events the seeds report, as (file, type, place, date, actor); a bare
#: folder (no sources.csv) must still find at least eight of them.
GOLD_EVENTS = (
    ("001", "capture", "Kan Paik Ti", "2024-11-20", "KIA"),
    ("002", "capture", "Chipwi", "2024-09-29", "KIA"),
    ("002", "capture", "Pangwa", "2024-10-18", "KIA"),
    ("002", "capture", "Kan Paik Ti", "2024-11-20", "KIA"),
    ("002", "assault", "Bhamo", "2024-12-04", "KIA"),
    ("003", "capture", "La He Si Bum", "2024-12-15", "KIA"),
    ("003", "capture", "Sumprabum", "2024-05", "KIA"),
    ("003", "assault", "Bhamo", "2024-12-04", "KIA"),
    ("004", "capture", "Lal Long Aungja base", "2023-10-20", "KIA"),
)


def test_gold_events_all_found_with_sources(events) -> None:
    assert _found(events) == len(GOLD_EVENTS)


def test_bare_seed_texts_give_at_least_eight_of_nine(tmp_path) -> None:
    import shutil

    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    frame, warnings = extract_folder(tmp_path)
    assert _found(frame) >= 8
    assert not any(w.endswith("publication date unknown") for w in warnings)
    dated = frame.drop_duplicates("source_file")
    assert all(str(b).startswith("inferred") or "header" in str(b)
               for b in dated["published_basis"])


def _found(frame) -> int:
    got = {(r.source_file[:3], r.event_type, r.place, r.date, r.actor)
           for r in frame.itertuples()}
    return sum(1 for g in GOLD_EVENTS if g in got)

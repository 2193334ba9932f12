"""The status model: captures, assaults, held reports, baselines, merging and disputes."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.errors import DataFileError, EventTableError
from gazetteer.events import parse_event_date
from gazetteer.timeline import (
    STATE_COLUMNS,
    Timeline,
    load_actor_groups,
    read_baseline,
)

FIXTURE = Path(__file__).parent / "fixtures" / "events_small.csv"
_ids = itertools.count()


def ev(place: str, kind: str, date: str, actor: str = "KIA", *, target: str = "",
       precision: str | None = None, source: str = "a.txt", lat: float = 25.0,
       lon: float = 97.0, published: str = "2024-12-31") -> dict:
    """One event row in the contract's layout."""
    if precision is None:
        precision = {10: "day", 7: "month", 4: "year"}.get(len(date), "day")
    n = next(_ids)
    return {"event_id": f"e{n:04d}", "date": date, "date_precision": precision,
            "event_type": kind, "place": place, "lat": lat, "lon": lon, "actor": actor,
            "target": target, "source_file": source, "published": published,
            "excerpt": f"excerpt {n}", "char_start": 0, "char_end": 10, "confidence": 0.9}


def timeline(*rows: dict, baseline: pd.DataFrame | None = None) -> Timeline:
    return Timeline.from_events(pd.DataFrame(list(rows)), baseline=baseline)


def status(tl: Timeline, place: str, day: str) -> str:
    return tl.place_state(place, day).status


def base(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"place": p, "status": s, "as_of": dt.date.fromisoformat(a),
                          "basis": b} for p, s, a, b in rows])


# -- the rules --------------------------------------------------------------------------
def test_capture_sets_controller_from_its_date():
    tl = timeline(ev("X", "capture", "2024-03-10", "KIA"))
    assert status(tl, "X", "2024-03-09") == "unknown"
    assert status(tl, "X", "2024-03-10") == "KIA"
    assert status(tl, "X", "2030-01-01") == "KIA"


def test_assault_makes_contested_until_next_capture():
    tl = timeline(ev("X", "capture", "2024-01-05", "junta"),
                  ev("X", "assault", "2024-02-01", "KIA"),
                  ev("X", "capture", "2024-03-01", "KIA"))
    assert status(tl, "X", "2024-01-31") == "junta"
    assert status(tl, "X", "2024-02-01") == "contested"
    assert status(tl, "X", "2024-02-29") == "contested"
    assert status(tl, "X", "2024-03-01") == "KIA"
    state = tl.place_state("X", "2024-02-10")
    assert state.holder == "junta"
    assert state.since == dt.date(2024, 2, 1)


def test_assault_before_capture_on_same_day_ends_captured():
    tl = timeline(ev("X", "capture", "2024-11-20", "KIA"),
                  ev("X", "assault", "2024-11-20", "KIA"))
    assert status(tl, "X", "2024-11-20") == "KIA"


def test_held_report_sets_controller_and_defender_report_keeps_contest():
    tl = timeline(ev("X", "held", "2024-01-01", "junta"),
                  ev("X", "assault", "2024-02-01", "KIA"),
                  ev("X", "held", "2024-02-10", "junta"),
                  ev("X", "held", "2024-04-01", "KIA"))
    assert status(tl, "X", "2024-01-01") == "junta"
    assert status(tl, "X", "2024-02-10") == "contested"   # the defender still holds it
    assert status(tl, "X", "2024-04-01") == "KIA"         # someone else holds it now


def test_place_with_no_control_event_and_no_baseline_is_unknown():
    tl = timeline(ev("Camp", "airstrike", "2023-10-09", "junta"))
    assert tl.places == ("Camp",)
    row = tl.state_on("2024-01-01").iloc[0]
    assert row["status"] == "unknown"
    assert row["since"] == ""


def test_baseline_applies_before_first_event_and_is_assumed_without_support():
    tl = timeline(ev("X", "capture", "2024-05-05", "KIA"),
                  baseline=base(("X", "junta", "2021-02-01", "assumed: township seat")))
    before = tl.place_state("X", "2022-01-01")
    assert (before.status, before.assumed, before.kind) == ("junta", True, "baseline")
    assert "assumed" in before.basis
    assert status(tl, "X", "2024-05-05") == "KIA"


def test_baseline_supported_by_a_held_report_or_a_stated_target_is_not_assumed():
    tl = timeline(ev("Laiza", "held", "2023-10-25", "KIA"),
                  ev("Bhamo", "assault", "2024-12-04", "KIA", target="junta"),
                  baseline=base(("Laiza", "KIA", "2021-02-01", "KIA headquarters"),
                                ("Bhamo", "junta", "2021-02-01", "township seat")))
    laiza = tl.place_state("Laiza", "2022-01-01")
    assert not laiza.assumed
    assert laiza.event_ids  # the supporting report is cited
    assert not tl.place_state("Bhamo", "2022-01-01").assumed


def test_held_report_confirming_an_assumed_baseline_lifts_the_assumption():
    tl = timeline(ev("X", "held", "2024-01-01", "junta"), ev("Y", "held", "2024-01-01", "KIA"),
                  baseline=base(("Y", "junta", "2021-02-01", "assumed")))
    # Y's baseline (junta) is contradicted, not supported: assumed until KIA is reported
    assert tl.place_state("Y", "2023-01-01").assumed
    assert status(tl, "Y", "2024-01-01") == "KIA"


def test_baseline_place_without_event_takes_coordinates_from_places_table():
    places = pd.DataFrame([{"name": "Putao", "lat": 27.3, "lon": 97.4,
                            "coord_basis": "sourced"}])
    tl = Timeline.from_events(pd.DataFrame([ev("X", "capture", "2024-01-01")]),
                              baseline=base(("Putao", "junta", "2021-02-01", "assumed")),
                              places=places)
    row = tl.state_on("2024-06-01").set_index("place").loc["Putao"]
    assert (row["lat"], row["lon"], row["status"], row["assumed"]) == (27.3, 97.4, "junta",
                                                                     True)


def test_month_precision_counts_from_first_of_month():
    tl = timeline(ev("Sumprabum", "capture", "2024-05", "KIA"),
                  baseline=base(("Sumprabum", "junta", "2021-02-01", "assumed")))
    assert status(tl, "Sumprabum", "2024-04-30") == "junta"
    state = tl.place_state("Sumprabum", "2024-05-01")
    assert (state.status, state.since_precision) == ("KIA", "month")
    assert "day not stated" in state.basis
    row = tl.state_on("2024-06-01").iloc[0]
    assert row["since"] == "2024-05"
    assert row["since_precision"] == "month"


def test_event_without_date_is_dated_by_publication():
    tl = timeline(ev("X", "held", "", "KIA", precision="", published="2024-12-10"))
    state = tl.place_state("X", "2024-12-10")
    assert state.status == "KIA"
    assert "dated by publication" in state.basis
    assert status(tl, "X", "2024-12-09") == "unknown"


# -- merging and disputes ---------------------------------------------------------------
def test_reports_of_one_event_merge_and_cite_all_sources():
    tl = timeline(ev("Kan Paik Ti", "capture", "2024-11-20", "KIA", source="001.txt"),
                  ev("Kan Paik Ti", "capture", "2024-11-20", "KIA", source="002.txt"))
    [event] = tl.events_at("Kan Paik Ti")
    assert event.source_files == ("001.txt", "002.txt")
    assert len(event.event_ids) == 2
    assert not event.disputed
    row = tl.state_on("2024-11-21").iloc[0]
    assert set(row["event_ids"].split(";")) == set(event.event_ids)


def test_month_and_day_reports_agreeing_at_their_precision_merge_to_the_day():
    tl = timeline(ev("X", "capture", "2024-05", "KIA", source="a.txt"),
                  ev("X", "capture", "2024-05-17", "KIA", source="b.txt"))
    [event] = tl.events_at("X")
    assert (event.start, event.precision) == (dt.date(2024, 5, 17), "day")
    assert event.source_files == ("a.txt", "b.txt")


def test_date_disagreement_keeps_both_and_flags_dispute():
    tl = timeline(ev("X", "capture", "2024-11-19", "KIA", source="a.txt"),
                  ev("X", "capture", "2024-11-20", "KIA", source="b.txt"))
    events = tl.events_at("X")
    assert len(events) == 2
    assert all(e.disputed for e in events)
    assert "2024-11-19" in events[0].dispute and "2024-11-20" in events[0].dispute
    row = tl.state_on("2024-11-25").iloc[0]
    assert row["status"] == "KIA" and row["disputed"]
    assert row["since"] == "2024-11-19"


def test_captures_far_apart_or_with_a_recapture_between_are_not_disputed():
    tl = timeline(ev("X", "capture", "2024-01-01", "KIA"),
                  ev("X", "capture", "2024-03-01", "KIA"),
                  ev("Y", "capture", "2024-01-01", "KIA"),
                  ev("Y", "capture", "2024-01-05", "junta"),
                  ev("Y", "capture", "2024-01-10", "KIA"))
    assert not any(e.disputed for e in tl.events)


def test_outcome_disagreement_is_flagged():
    tl = timeline(ev("X", "capture", "2024-06-01", "KIA", source="a.txt"),
                  ev("X", "held", "2024-06-01", "junta", source="b.txt"))
    assert all(e.disputed for e in tl.events_at("X"))
    assert tl.state_on("2024-06-02").iloc[0]["disputed"]


# -- queries ----------------------------------------------------------------------------
def test_state_on_columns_and_recent_flag():
    tl = timeline(ev("X", "capture", "2024-03-10"))
    table = tl.state_on(dt.date(2024, 3, 20))
    assert tuple(table.columns[: len(STATE_COLUMNS)]) == STATE_COLUMNS
    assert table.iloc[0]["changed_recently"]
    assert not tl.state_on("2024-04-09").iloc[0]["changed_recently"]  # 30 days later
    assert tl.state_on("2024-04-08").iloc[0]["changed_recently"]


def test_change_dates_and_history():
    tl = timeline(ev("X", "capture", "2024-01-05", "junta"),
                  ev("X", "assault", "2024-02-01", "KIA"),
                  ev("X", "assault", "2024-02-10", "KIA"),   # continuing fight, no change
                  ev("Y", "capture", "2024-03-01", "KIA"))
    assert tl.change_dates() == [dt.date(2024, 1, 5), dt.date(2024, 2, 1), dt.date(2024, 3, 1)]
    hist = tl.history("X")
    assert list(hist["status"]) == ["junta", "contested", "contested"]
    assert list(hist["date"]) == ["2024-01-05", "2024-02-01", "2024-02-10"]
    assert tl.history("nowhere").empty


def test_bad_rows_are_skipped_with_warnings():
    rows = [ev("X", "capture", "2024-13-01"), ev("Y", "capture", "2024-02-01"),
            ev("Z", "capture", "2024-02-01", actor="Martians"),
            {**ev("W", "capture", "2024-02-01"), "lat": "north"}]
    tl = timeline(*rows)
    text = "\n".join(tl.warnings)
    assert "2024-13-01" in text and "Martians" in text and "north" in text
    assert status(tl, "Y", "2024-02-01") == "KIA"
    assert status(tl, "Z", "2024-02-01") == "unknown"
    assert "W" not in tl.places


def test_missing_column_is_an_error():
    with pytest.raises(EventTableError, match="place"):
        Timeline.from_events(pd.DataFrame([{"event_id": "x", "date": "2024-01-01"}]))


def test_parse_event_date():
    assert parse_event_date("2024-05", "month") == (dt.date(2024, 5, 1), dt.date(2024, 5, 31),
                                                    "month")
    assert parse_event_date("2024")[2] == "year"
    with pytest.raises(ValueError, match="precision"):
        parse_event_date("2024-05", "day")
    with pytest.raises(ValueError):
        parse_event_date("May 2024")


# -- data files -------------------------------------------------------------------------
def test_project_baseline_and_actor_groups_load():
    table = read_baseline()
    assert {"Myitkyina", "Bhamo", "Putao", "Waingmaw", "Laiza"} <= set(table["place"])
    groups = load_actor_groups()
    assert groups["kia"] == "KIA" and groups["pdf"] == "KIA" and groups["bgf"] == "BGF/militia"
    assert groups["mndaa"] == "other armed group" and groups["junta"] == "junta"


def test_bad_baseline_row_names_file_and_line(tmp_path):
    path = tmp_path / "baseline.csv"
    path.write_text("place,status,as_of,basis\nA,junta,2021-02-01,x\nB,rebels,2021-02-01,y\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=r"baseline.csv:3: status 'rebels'"):
        read_baseline(path)
    path.write_text("place,status,as_of,basis\nA,junta,Feb 2021,x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r":2: as_of"):
        read_baseline(path)


def test_bad_actor_group_names_file_and_line(tmp_path):
    path = tmp_path / "groups.csv"
    path.write_text("actor,group\nKIA,KIA\nXYZ,aliens\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"groups.csv:3: group 'aliens'"):
        load_actor_groups(path)


# -- the seed articles (hand-checked fixture sliced from seeds/) -------------------------
@pytest.fixture(scope="module")
def seeds_timeline() -> Timeline:
    events = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    return Timeline.from_events(events, baseline=read_baseline())


def test_seed_kan_paik_ti_changes_hands_on_20_november(seeds_timeline):
    assert status(seeds_timeline, "Kan Paik Ti", "2024-11-19") == "BGF/militia"
    after = seeds_timeline.place_state("Kan Paik Ti", "2024-11-21")
    assert after.status == "KIA"
    assert len(after.event_ids) == 2   # RFA (001) and KNG (002) merged


def test_seed_bhamo_is_contested_never_captured(seeds_timeline):
    assert status(seeds_timeline, "Bhamo", "2024-12-03") == "junta"
    assert status(seeds_timeline, "Bhamo", "2024-12-04") == "contested"
    assert status(seeds_timeline, "Bhamo", "2025-08-05") == "contested"
    assert not seeds_timeline.place_state("Bhamo", "2024-12-01").assumed  # 002/003 say so


def test_seed_laiza_baseline_is_supported_and_myitkyina_assumed(seeds_timeline):
    assert not seeds_timeline.place_state("Laiza", "2022-01-01").assumed
    assert seeds_timeline.place_state("Myitkyina", "2024-12-20").assumed
    assert status(seeds_timeline, "Mung Lai Hkyet", "2024-12-20") == "unknown"  # an airstrike


# -- a property: the status on a day depends only on events up to that day ---------------
_event = st.tuples(st.sampled_from(["A", "B", "C"]),
                   st.sampled_from(["capture", "assault", "held"]),
                   st.integers(0, 60), st.sampled_from(["KIA", "junta", "BGF"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(_event, min_size=1, max_size=12), st.integers(0, 60))
def test_status_depends_only_on_the_past(raw, offset):
    start = dt.date(2024, 1, 1)
    rows = [ev(p, k, (start + dt.timedelta(days=d)).isoformat(), a) for p, k, d, a in raw]
    day = start + dt.timedelta(days=offset)
    full = Timeline.from_events(pd.DataFrame(rows)).state_on(day).set_index("place")
    past = [r for r in rows if r["date"] <= day.isoformat()]
    if not past:
        assert set(full["status"]) == {"unknown"}
        return
    cut = Timeline.from_events(pd.DataFrame(past)).state_on(day).set_index("place")
    assert full.loc[cut.index, "status"].to_dict() == cut["status"].to_dict()


# -- the command line ---------------------------------------------------------------------
def test_cli_state_prints_csv(capsys):
    from gazetteer.cli import main

    assert main(["state", "--date", "2024-11-21", "--events", str(FIXTURE)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "place,lat,lon,status,controller,since,basis,event_ids"
    [row] = [line for line in out if line.startswith("Kan Paik Ti,")]
    assert row.startswith("Kan Paik Ti,25.40319,98.11739,KIA,KIA,2024-11-20,")
    assert "f87f6453cd4a" in row and "0d307f8ae830" in row


def test_cli_state_rejects_a_bad_date(capsys):
    from gazetteer.cli import main

    assert main(["state", "--date", "21/11/2024", "--events", str(FIXTURE)]) == 2
    assert "--date '21/11/2024' is not a YYYY-MM-DD date" in capsys.readouterr().err


def test_cli_state_reports_an_unreadable_table(tmp_path, capsys):
    from gazetteer.cli import main

    assert main(["state", "--date", "2024-11-21", "--events", str(tmp_path / "x.csv")]) == 1
    assert "x.csv" in capsys.readouterr().err

"""Hostile and malformed event tables (issue 14): formula cells, odd coordinates and
dates, ACLED's actor names and missing columns, Parquet, the state's controller."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from gazetteer.errors import EventTableError
from gazetteer.exchange import (
    ACLED_COLUMNS,
    EVENT_COLUMNS,
    read_events,
    state_geojson,
    to_acled,
    to_csv,
)
from gazetteer.timeline import Timeline

DANGER = ("=", "+", "-", "@", "\t", "\r")
NUMBER_CHARS = set("0123456789.-+eE")


def _event(**values: object) -> dict:
    row = dict(event_id="h1", date="2024-11-20", date_precision="day", event_type="capture",
               place="Bhamo", lat=24.25493, lon=97.23441, actor="KIA", target="junta",
               source_file="a.txt", published="2024-11-21",
               excerpt="The KIA captured Bhamo.", char_start=0, char_end=23, confidence=0.9)
    row.update(values)
    return row


HOSTILE = [
    _event(event_id="h1", source_file='=HYPERLINK("http:evil").txt'),
    _event(event_id="h2", excerpt="+1 the KIA captured Bhamo.", char_end=26,
           actor="@SUM(A1)"),
    _event(event_id="h3", excerpt="-2+3+cmd|' /C calc'!A0", char_end=22, target="-junta"),
    _event(event_id="h4", place="\tTabbed", excerpt="\rCarriage", char_end=9),
    _event(event_id="h5", place="'=already quoted", excerpt="'plain quote kept", char_end=17),
    _event(event_id="h6", place="Far West", lat=25.5, lon=-1.5, event_type="assault"),
]


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return set(cell) <= NUMBER_CHARS


def _assert_no_formula(text: str) -> None:
    for line in _cells(text):
        for cell in line:
            if cell[:1] in DANGER:
                assert _is_number(cell), f"formula-like cell {cell!r}"


def test_csv_export_neutralises_formula_cells() -> None:
    text = to_csv(_frame(HOSTILE))
    _assert_no_formula(text)
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    assert rows["h1"]["source_file"] == "'=HYPERLINK(\"http:evil\").txt"
    assert rows["h2"]["actor"] == "'@SUM(A1)"
    assert rows["h3"]["target"] == "'-junta"
    assert rows["h4"]["place"] == "'\tTabbed" and rows["h4"]["excerpt"] == "'\rCarriage"
    assert rows["h6"]["lon"] == "-1.5"  # a number stays a number


def test_acled_export_neutralises_formula_cells() -> None:
    text = to_acled(_frame(HOSTILE))
    _assert_no_formula(text)
    rows = {r["tags"].split()[-1]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    assert rows["h1"]["source"] == "'=HYPERLINK(\"http:evil\").txt"
    assert rows["h2"]["actor1"] == "'@SUM(A1)"
    assert rows["h6"]["longitude"] == "-1.5"


def test_our_export_reads_back_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(to_csv(_frame(HOSTILE)), encoding="utf-8", newline="")
    back, warnings = read_events(path)
    assert [w for w in warnings if "outside Myanmar" not in w] == []
    for original, read in zip(HOSTILE, back.to_dict("records"), strict=True):
        for col in ("source_file", "excerpt", "actor", "target", "place"):
            assert read[col] == original[col], col
        assert read["lon"] == original["lon"] and isinstance(read["lon"], float)


def test_acled_export_reads_back_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(to_acled(_frame(HOSTILE)), encoding="utf-8", newline="")
    back, _ = read_events(path)
    # ACLED cells are read with surrounding spaces trimmed
    assert list(back["place"]) == [e["place"].strip() for e in HOSTILE]
    assert list(back["excerpt"]) == [e["excerpt"].strip() for e in HOSTILE]
    assert back["source_file"].str.startswith("ACLED MMR-KCM").all()
    assert back.loc[5, "lon"] == -1.5


def test_null_island_is_skipped_and_far_points_are_warned(tmp_path: Path) -> None:
    rows = [_event(event_id="z1", lat=0.0, lon=0.0), _event(event_id="z2"),
            _event(event_id="z3", place="Paris", lat=48.85, lon=2.35)]
    path = tmp_path / "events.csv"
    path.write_text(to_csv(_frame(rows)), encoding="utf-8")
    back, warnings = read_events(path)
    assert list(back["event_id"]) == ["z2", "z3"]
    assert any(w.startswith(f"{path}:2: skipped row") and "(0, 0)" in w for w in warnings)
    assert any(w.startswith(f"{path}:4:") and "outside Myanmar" in w for w in warnings)
    assert len(warnings) == 2


@pytest.mark.parametrize("column, value", [("date", "0204-11-21"), ("date", "2999-01-01"),
                                           ("published", "0001-01-01")])
def test_implausible_days_in_tables_are_reported_and_skipped(tmp_path: Path, column: str,
                                                             value: str) -> None:
    rows = [_event(event_id="d1", **{column: value}), _event(event_id="d2")]
    path = tmp_path / "events.csv"
    path.write_text(to_csv(_frame(rows)), encoding="utf-8")
    back, warnings = read_events(path)
    assert list(back["event_id"]) == ["d2"]
    assert len(warnings) == 1 and warnings[0].startswith(f"{path}:2: skipped row")
    assert value in warnings[0]


def _acled(rows: list[dict], *, drop: tuple[str, ...] = ()) -> str:
    cols = [c for c in ACLED_COLUMNS if c not in drop]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for values in rows:
        row = dict.fromkeys(cols, "")
        row.update(event_id_cnty="MMR1", event_date="20 November 2024", time_precision="1",
                   sub_event_type="Non-state actor overtakes territory", location="Bhamo",
                   latitude="24.25", longitude="97.23", notes="Fighting near Bhamo.")
        row.update(values)
        writer.writerow(row)
    return buf.getvalue()


def test_acled_file_missing_notes_is_named_as_acled(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(_acled([{}], drop=("notes",)), encoding="utf-8")
    with pytest.raises(EventTableError, match=r"ACLED.*notes") as info:
        read_events(path)
    assert "excerpt" not in str(info.value)


def test_acled_actor_names_go_through_the_extractors_aliases(tmp_path: Path) -> None:
    names = ["KIO/A: Kachin Independence Organization/Army", "KIA: Kachin Independence Army",
             "Military Forces of Myanmar (2021-)", "Military Forces of Myanmar",
             "Military Forces of Myanmar (2016-2021)", "TNLA: Ta'ang National Liberation Army",
             "Kachin Independence Organization/Army", "Unidentified Armed Group (Myanmar)",
             "Unidentified Armed Group (Myanmar)", "Zomi Revolutionary Army"]
    rows = [{"event_id_cnty": f"MMR{i}", "actor1": name,
             "actor2": "Unidentified Armed Group (Myanmar)" if i == 0 else ""}
            for i, name in enumerate(names)]
    path = tmp_path / "acled.csv"
    path.write_text(_acled(rows), encoding="utf-8")
    events, warnings = read_events(path)
    assert list(events["actor"])[:7] == ["KIA", "KIA", "junta", "junta", "junta", "TNLA",
                                         "KIA"]
    unknown = [w for w in warnings if "unknown" in w.lower()]
    assert len(unknown) == 2, warnings
    assert any("'Unidentified Armed Group (Myanmar)'" in w and "3 row" in w for w in unknown)
    assert any("'Zomi Revolutionary Army'" in w and "1 row" in w for w in unknown)


def test_parquet_tables_read_like_csv(tmp_path: Path) -> None:
    frame = _frame([_event(event_id="p1"), _event(event_id="p2", place="Laiza", lat=24.77,
                                                   lon=97.56, event_type="held", date="")])
    csv_path, pq_path = tmp_path / "e.csv", tmp_path / "e.parquet"
    csv_path.write_text(to_csv(frame), encoding="utf-8")
    frame.to_parquet(pq_path, index=False)
    from_csv, w1 = read_events(csv_path)
    from_pq, w2 = read_events(pq_path)
    assert w1 == w2 == []
    pd.testing.assert_frame_equal(from_pq, from_csv)


def test_parquet_bad_rows_are_reported_by_row(tmp_path: Path) -> None:
    frame = _frame([_event(event_id="p1", excerpt=""), _event(event_id="p2")])
    path = tmp_path / "e.parquet"
    frame.to_parquet(path, index=False)
    back, warnings = read_events(path)
    assert list(back["event_id"]) == ["p2"]
    assert warnings[0].startswith(f"{path}: row 1: skipped row") and "excerpt" in warnings[0]


def test_broken_parquet_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    path.write_bytes(b"PAR1 not really")
    with pytest.raises(EventTableError, match=r"e\.parquet"):
        read_events(path)


def test_state_and_geojson_name_the_controlling_actor() -> None:
    events = _frame([
        _event(event_id="c1", place="Kutkai", lat=23.45, lon=97.94, actor="TNLA"),
        _event(event_id="c2", place="Laukkai", lat=23.69, lon=98.75, actor="MNDAA"),
        _event(event_id="c3", place="Bhamo", actor="junta", target="KIA", event_type="held"),
        _event(event_id="c4", place="Lashio", lat=22.93, lon=97.75, actor="junta"),
        _event(event_id="c5", place="Lashio", lat=22.93, lon=97.75, actor="MNDAA",
               event_type="assault", date="2024-11-25"),
    ])
    timeline = Timeline.from_events(events, baseline=None)
    state = timeline.state_on("2024-12-01").set_index("place")
    assert state.loc["Kutkai", "status"] == "other armed group"
    assert state.loc["Kutkai", "controller"] == "TNLA"
    assert state.loc["Laukkai", "controller"] == "MNDAA"
    assert state.loc["Bhamo", "controller"] == "junta"
    assert state.loc["Lashio", "status"] == "contested"
    assert state.loc["Lashio", "controller"] == "junta"  # still holds it while contested
    geo = state_geojson(timeline.state_on("2024-12-01"), events, on="2024-12-01")
    by_place = {f["properties"]["place"]: f["properties"] for f in geo["features"]}
    assert by_place["Kutkai"]["controller"] == "TNLA"
    json.dumps(geo)

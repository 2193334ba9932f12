"""Exchange: our CSV round trip, ACLED export layout, ACLED import, bad rows."""

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

TEXT = ("The KIA captured Kan Paik Ti on Wednesday, a resident said. "
        "Since 4 December the KIA has been attacking Bhamo Town, with `backticks` <b>.")


def _events() -> pd.DataFrame:
    first = TEXT.index("The KIA")
    second = TEXT.index("Since")
    rows = [
        dict(event_id="e1", date="2024-11-20", date_precision="day", event_type="capture",
             place="Kan Paik Ti", lat=25.40319, lon=98.11739, actor="KIA", target="junta",
             source_file="a.txt", published="2024-11-21",
             excerpt=TEXT[first:second - 1], char_start=first, char_end=second - 1,
             confidence=0.9),
        dict(event_id="e2", date="2024-12-04", date_precision="day", event_type="assault",
             place="Bhamo", lat=24.25493, lon=97.23441, actor="KIA", target="",
             source_file="a.txt", published="2024-12-10", excerpt=TEXT[second:],
             char_start=second, char_end=len(TEXT), confidence=0.8),
        dict(event_id="e3", date="2024-05", date_precision="month", event_type="capture",
             place="Sumprabum", lat=26.54373, lon=97.5677, actor="junta", target="KIA",
             source_file="b.txt", published="2024-12-17", excerpt="took, in May, Sumprabum",
             char_start=0, char_end=23, confidence=0.7),
        dict(event_id="e4", date="", date_precision="day", event_type="held",
             place="Laiza", lat=24.77, lon=97.56, actor="KIA", target="",
             source_file="b.txt", published="2024-12-17", excerpt="KIA headquarters in Laiza",
             char_start=30, char_end=55, confidence=0.6),
    ]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _normal(df: pd.DataFrame) -> list[dict]:
    out = []
    for row in df[list(EVENT_COLUMNS)].to_dict("records"):
        out.append({k: ("" if v is None or (isinstance(v, float) and v != v) else str(v))
                    for k, v in row.items()})
    return out


def test_our_csv_round_trip(tmp_path: Path) -> None:
    events = _events()
    path = tmp_path / "events.csv"
    path.write_text(to_csv(events), encoding="utf-8")
    back, warnings = read_events(path)
    assert warnings == []
    assert _normal(back) == _normal(events)
    assert list(back.columns[:len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)


def test_acled_export_has_acled_layout(tmp_path: Path) -> None:
    text = to_acled(_events())
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    assert len(rows) == 3  # held reports are not ACLED events
    cap, clash, month = rows
    assert cap["sub_event_type"] == "Non-state actor overtakes territory"
    assert cap["actor1"] == "KIA: Kachin Independence Army"
    assert cap["actor2"] == "Military Forces of Myanmar (2021-)"
    assert (cap["event_date"], cap["time_precision"], cap["year"]) == ("2024-11-20", "1",
                                                                       "2024")
    assert cap["notes"].startswith("The KIA captured Kan Paik Ti")
    assert clash["sub_event_type"] == "Armed clash" and clash["event_type"] == "Battles"
    assert month["sub_event_type"] == "Government regains territory"
    assert month["time_precision"] == "3"
    assert float(cap["latitude"]) == pytest.approx(25.40319)


def test_acled_export_reimports_as_events(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(to_acled(_events()), encoding="utf-8")
    back, warnings = read_events(path)
    assert warnings == []
    assert list(back["event_type"]) == ["capture", "assault", "capture"]
    assert list(back["actor"]) == ["KIA", "KIA", "junta"]
    assert list(back["place"]) == ["Kan Paik Ti", "Bhamo", "Sumprabum"]
    assert back.loc[2, "date"] == "2024-05" and back.loc[2, "date_precision"] == "month"
    first = back.iloc[0]
    assert first["excerpt"] == first["excerpt"][first["char_start"]:first["char_end"]]
    assert json.loads(first["provenance"])["event_id_cnty"] == "MMR-KCM1"


ACLED_HEAD = ",".join(ACLED_COLUMNS) + ",unknown_extra\n"


def _acled_line(**values: str) -> str:
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(values)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([*row.values(), "ignored"])
    return buf.getvalue()


def test_acled_import_bad_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    good = dict(event_id_cnty="MMR1", event_date="20 November 2024", time_precision="1",
                sub_event_type="Non-state actor overtakes territory",
                actor1="KIA: Kachin Independence Army", location="Kan Paik Ti",
                latitude="25.403", longitude="98.117", notes="KIA took Kan Paik Ti.")
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_HEAD + _acled_line(**good)
                    + _acled_line(**{**good, "latitude": "north"})
                    + _acled_line(**{**good, "event_date": "someday"})
                    + _acled_line(**{**good, "notes": ""})
                    + _acled_line(**{**good, "event_id_cnty": "MMR5"}), encoding="utf-8")
    events, warnings = read_events(path)
    assert list(events["event_id"]) == ["acled-MMR1", "acled-MMR5"]
    assert [w.split(": skipped")[0] for w in warnings] == [f"{path}:3", f"{path}:4",
                                                           f"{path}:5"]
    assert "latitude 'north'" in warnings[0] and "someday" in warnings[1]
    assert "unknown_extra" not in events.columns
    assert events.loc[0, "date"] == "2024-11-20"


def test_our_import_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    lines = to_csv(_events()).splitlines()
    header, rows = lines[0], lines[1:]
    broken = [rows[0].replace("2024-11-20", "2024-13-45", 1),
              rows[1].replace(",24.25493,", ",924.2,", 1), rows[2]]
    path.write_text("\n".join([header, *broken]) + "\n", encoding="utf-8")
    events, warnings = read_events(path)
    assert list(events["event_id"]) == ["e3"]
    assert warnings[0].startswith(f"{path}:2: skipped row") and "month" in warnings[0]
    assert warnings[1].startswith(f"{path}:3: skipped row") and "lat" in warnings[1]


def test_unreadable_or_unknown_layout(tmp_path: Path) -> None:
    with pytest.raises(EventTableError, match="cannot read"):
        read_events(tmp_path / "missing.csv")
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(EventTableError, match=r"other.csv:1: not an event table"):
        read_events(other)


def test_state_geojson_points_carry_sources() -> None:
    events = _events()
    state = pd.DataFrame([
        dict(place="Kan Paik Ti", lat=25.40319, lon=98.11739, status="KIA",
             since="2024-11-20", basis="captured", event_ids="e1"),
        dict(place="Myitkyina", lat=25.38749, lon=97.39036, status="unknown", since=None,
             basis="", event_ids=""),
    ])
    fc = state_geojson(state, events, on="2024-11-21")
    assert fc["type"] == "FeatureCollection"
    kpt, mkn = fc["features"]
    assert kpt["geometry"]["coordinates"] == [98.11739, 25.40319]
    assert kpt["properties"]["sources"][0]["excerpt"].startswith("The KIA captured")
    assert mkn["properties"]["sources"] == []
    json.dumps(fc)

"""The command line with hostile or careless input (issue 14): GeoJSON without --date,
the state's controller, formula cells in extract's CSV, --engine dask, implausible days."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from gazetteer.cli import main
from gazetteer.exchange import read_events
from gazetteer.settings import EVENTS_CSV


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_geojson_export_without_a_date_uses_the_last_event(capsys) -> None:
    code, out, err = _run(capsys, "export", "--format", "geojson", "--events",
                          str(EVENTS_CSV))
    assert code == 0, err
    collection = json.loads(out)
    days = {f["properties"]["date"] for f in collection["features"]}
    assert len(days) == 1
    last = max(pd.to_datetime(read_events(EVENTS_CSV)[0]["date"], errors="coerce").dropna())
    assert days.pop() == last.date().isoformat()


def test_state_csv_names_the_controlling_actor(capsys) -> None:
    code, out, _ = _run(capsys, "state", "--date", "2025-01-01", "--events", str(EVENTS_CSV))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert "controller" in rows[0]
    held = [r for r in rows if r["status"] == "KIA"]
    assert held and all(r["controller"] in ("KIA", "KIO", "PDF", "AA") for r in held)


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / '=HYPERLINK("http:evil").txt').write_text(
        "date 2024-05-04\nThe KIA captured Bhamo on 3 May 2024.", encoding="utf-8")
    (folder / "plain.txt").write_text(
        "date 2024-05-04\n-1 The KIA captured Shwegu on 3 May 2024.", encoding="utf-8")
    return folder


def test_extract_csv_guards_formula_cells_and_reads_back(tmp_path: Path, capsys) -> None:
    folder = _hostile_folder(tmp_path)
    out = tmp_path / "events.csv"
    code, _, err = _run(capsys, "extract", str(folder), "--out", str(out))
    assert code == 0, err
    cells = [c for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8")))
             for c in row]
    assert "'=HYPERLINK(\"http:evil\").txt" in cells
    assert not any(c.startswith("=") for c in cells)
    back, warnings = read_events(out)
    assert warnings == []
    assert '=HYPERLINK("http:evil").txt' in set(back["source_file"])


def test_extract_on_dask_writes_parquet_equal_to_csv(tmp_path: Path, capsys) -> None:
    folder = _hostile_folder(tmp_path)
    csv_out, pq_out = tmp_path / "events.csv", tmp_path / "events.parquet"
    assert _run(capsys, "extract", str(folder), "--out", str(csv_out))[0] == 0
    code, _, err = _run(capsys, "extract", str(folder), "--engine", "dask", "--workers", "1",
                        "--out", str(pq_out))
    assert code == 0, err
    assert "dask" in err and "wrote" in err
    from_csv, _ = read_events(csv_out)
    from_pq, _ = read_events(pq_out)
    pd.testing.assert_frame_equal(from_pq, from_csv)
    # state and export read the Parquet table as --events
    code, out, err = _run(capsys, "state", "--date", "2024-06-01", "--events", str(pq_out))
    assert code == 0 and "Bhamo" in out, err


def test_extract_on_dask_needs_an_output_and_a_reachable_scheduler(tmp_path: Path,
                                                                   capsys) -> None:
    folder = _hostile_folder(tmp_path)
    code, _, err = _run(capsys, "extract", str(folder), "--engine", "dask")
    assert code == 2 and "--out" in err
    code, _, err = _run(capsys, "extract", str(folder), "--engine", "dask", "--scheduler",
                        "tcp://127.0.0.1:9", "--connect-timeout", "2", "--out",
                        str(tmp_path / "e.parquet"))
    assert code == 1 and "no Dask scheduler answers" in err


def test_article_dated_in_year_one_is_reported_not_a_crash(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "old.txt").write_text("date 0001-01-01\nOn Monday the KIA captured Bhamo.",
                                    encoding="utf-8")
    code, _, err = _run(capsys, "extract", str(folder))
    assert code == 0
    assert "old.txt: line 1: date header 0001-01-01 is outside" in err

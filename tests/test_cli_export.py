"""``python -m gazetteer export``: CSV, GeoJSON and ACLED layouts from the seeds."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from gazetteer.cli import main
from gazetteer.exchange import ACLED_COLUMNS, read_events

EVENTS = str(Path(__file__).resolve().parents[1] / "data" / "events.csv")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["export", "--events", EVENTS, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_acled_export_from_events(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "acled")
    assert code == 0
    reader = csv.DictReader(io.StringIO(out))
    rows = list(reader)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    kpt = [r for r in rows if r["location"] == "Kan Paik Ti"
           and r["sub_event_type"] == "Non-state actor overtakes territory"]
    assert kpt and kpt[0]["event_date"] == "2024-11-20"
    assert kpt[0]["admin1"] == "Kachin" and kpt[0]["admin3"] == "Waingmaw"
    assert "KIA" in kpt[0]["notes"]


def test_geojson_state_on_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "geojson", "--date", "2024-11-21")
    assert code == 0
    fc = json.loads(out)
    props = {f["properties"]["place"]: f for f in fc["features"]}
    kpt = props["Kan Paik Ti"]
    assert kpt["properties"]["status"] == "KIA"
    assert kpt["geometry"]["coordinates"] == pytest.approx([98.11739, 25.40319])
    assert any("Kan Paik Ti" in s["excerpt"] for s in kpt["properties"]["sources"])


def test_csv_export_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "events.csv"
    code, _, err = _run(capsys, "--format", "csv", "--out", str(out))
    assert code == 0 and "wrote" in err
    again, warnings = read_events(out)
    original, _ = read_events(EVENTS)
    assert warnings == []
    assert list(again["event_id"]) == list(original["event_id"])
    assert list(again["excerpt"]) == list(original["excerpt"])


def test_export_up_to_a_date_and_no_silent_overwrite(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    code, out, _ = _run(capsys, "--date", "2024-10-31")
    dates = [r["date"] for r in csv.DictReader(io.StringIO(out)) if r["date"]]
    assert code == 0 and dates and max(dates) <= "2024-10-31"
    existing = tmp_path / "keep.csv"
    existing.write_text("mine\n", encoding="utf-8")
    code, _, err = _run(capsys, "--out", str(existing))
    assert code == 1 and "--force" in err
    assert existing.read_text(encoding="utf-8") == "mine\n"


def test_html_map_file_opens_on_the_date_and_carries_outlets(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seeds = str(Path(__file__).resolve().parents[1] / "seeds")
    out = tmp_path / "map.html"
    code = main(["export", "--format", "html", "--date", "2024-11-21", "--seeds", seeds,
                 "--out", str(out)])
    assert code == 0 and "wrote" in capsys.readouterr().err
    html = out.read_text(encoding="utf-8")
    data = json.loads(html.split('id="kcm-data">', 1)[1].split("</script>", 1)[0])
    assert data["day"] == (date(2024, 11, 21) - date(1970, 1, 1)).days
    assert "RFA" in data["rows"]["outlets"] and "Kan Paik Ti" in data["places"]["name"]
    assert main(["export", "--format", "html", "--seeds", seeds, "--out", str(out)]) == 1
    assert "exists" in capsys.readouterr().err                          # no overwrite

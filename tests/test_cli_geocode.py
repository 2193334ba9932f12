"""``python -m gazetteer geocode``: output, exit codes, messages."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from gazetteer.cli import GEOCODE_HEADER, main

FIXTURE = str(Path(__file__).parent / "fixtures" / "places_small.csv")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    code = main(["geocode", "--places", FIXTURE, *argv])
    out, err = capsys.readouterr()
    return code, list(csv.DictReader(io.StringIO(out))), err


def test_header_and_rows(capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, err = _run(capsys, "Banmaw", "Myitkina", "Kan Paik Ti")
    assert code == 0 and err == ""
    assert list(rows[0]) == GEOCODE_HEADER
    assert [(r["query"], r["name"], r["match"]) for r in rows] == [
        ("Banmaw", "Bhamo", "alias"), ("Myitkina", "Myitkyina", "fuzzy"),
        ("Kan Paik Ti", "Kan Paik Ti", "exact")]
    assert rows[0]["pcode"] == "MMR001010701"
    assert rows[0]["basis"] == "sourced"
    assert float(rows[0]["lat"]) == pytest.approx(24.25493)


def test_unknown_name_exits_1_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, err = _run(capsys, "Bhamo", "Bhamoo Roadside")
    assert code == 1
    assert [r["name"] for r in rows] == ["Bhamo"]
    assert "'Bhamoo Roadside'" in err and "closest: Bhamo" in err


def test_ambiguous_exits_1_and_hint_settles(capsys: pytest.CaptureFixture[str]) -> None:
    code, _rows, err = _run(capsys, "Myo Hla")
    assert code == 1 and "fits 2 places" in err
    code, rows, _ = _run(capsys, "Myo Hla", "--state", "Kachin")
    assert code == 0 and rows[0]["township"] == "Shwegu"


def test_bad_table_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "places.csv"
    bad.write_text("name,lat\nX,1\n", encoding="utf-8")
    assert main(["geocode", "--places", str(bad), "X"]) == 1
    assert f"{bad}:1: missing column" in capsys.readouterr().err


def test_module_entry_point_and_real_table() -> None:
    proc = subprocess.run([sys.executable, "-m", "gazetteer", "geocode", "Banmaw", "Hpākān",
                           "Lwegel", "Myitkina"],
                          capture_output=True, text=True, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["name"] for r in rows] == ["Bhamo", "Hpakant", "Lweje", "Myitkyina"]
    assert all(r["pcode"].startswith("MMR001") for r in rows)


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        main(["geocode"])
    assert info.value.code == 2

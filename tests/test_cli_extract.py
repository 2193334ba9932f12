"""`python -m gazetteer extract DIR [--out FILE] [--force]`."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from gazetteer.cli import main
from gazetteer.extract import EVENT_COLUMNS, EXTRA_COLUMNS
from gazetteer.settings import ROOT_DIR, SEEDS_DIR


def test_extract_to_stdout_with_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEEDS_DIR)]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == EVENT_COLUMNS + EXTRA_COLUMNS
    assert {"Chipwi", "Pangwa", "Kan Paik Ti"} <= {r["place"] for r in rows}
    assert "5 article(s) read" in err
    assert "capture" in err and "held" in err


def test_out_file_is_not_overwritten_without_force(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "events.csv"
    assert main(["extract", str(SEEDS_DIR), "--out", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    out.write_text("keep me", encoding="utf-8")
    assert main(["extract", str(SEEDS_DIR), "--out", str(out)]) == 1
    assert "exists" in capsys.readouterr().err and out.read_text() == "keep me"
    assert main(["extract", str(SEEDS_DIR), "--out", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8") == first


def test_bad_files_are_reported_and_the_rest_extracted(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    (tmp_path / "good.txt").write_text("date 2024-12-05 Momauk fell to the KIA on Dec. 1.",
                                       encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.txt").write_bytes(b"Shwegu fell to the KIA on 4 Nov. \xff")
    assert main(["extract", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert {r["place"] for r in csv.DictReader(io.StringIO(out))} == {"Momauk", "Shwegu"}
    assert "empty.txt: empty file" in err and "bad.txt: not valid UTF-8" in err
    assert "2 article(s) read" in err


def test_missing_folder_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope")]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_module_entry_point(tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    done = subprocess.run([sys.executable, "-m", "gazetteer", "extract", str(SEEDS_DIR),
                           "--out", str(out)], cwd=ROOT_DIR, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith(",".join(EVENT_COLUMNS))

"""A process killed in the middle of adding articles: what it reported as stored is in the
store, the store stays readable, and adding again completes without duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from support.corpus import CAPTURE_SUMPRABUM, page_html

from gazetteer.store import Store

ROOT = Path(__file__).resolve().parents[1]


def test_kill_mid_ingest_keeps_what_was_reported(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(200):
        pages.joinpath(f"p{i:03d}.html").write_text(page_html(
            title=f"Report {i}", canonical=f"https://hill.example/{i}",
            body=[CAPTURE_SUMPRABUM, f"This is report number {i} of the hill desk."]),
            encoding="utf-8")
    db = tmp_path / "corpus.sqlite3"
    command = [sys.executable, "-m", "gazetteer", "add", str(pages), "--db", str(db)]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    reported = []
    assert proc.stdout is not None
    for line in proc.stdout:
        reported.append(line.split("\t")[1])
        if len(reported) == 20:
            os.kill(proc.pid, signal.SIGKILL)          # no clean shutdown
            break
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    with Store(db, create=False) as store:
        stored = set(store.articles_meta())
        assert set(reported) <= stored and len(stored) < 200
        assert store.counts()["events"] == len(stored)     # each with its event, or none
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert f"{200 - len(stored)} article(s) added, {len(stored)} already in the store" \
        in done.stderr
    with Store(db, create=False) as store:
        assert store.counts()["articles"] == 200 and store.counts()["events"] == 200

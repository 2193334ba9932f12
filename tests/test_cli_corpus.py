"""``python -m gazetteer add / feed / reextract / reviews`` and exports from the store."""

from __future__ import annotations

import csv
import io
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.corpus import (
    ASSAULT_BHAMO,
    CAPTURE_SUMPRABUM,
    CAPTURE_WAINGMAW,
    loopback_server,
    page_html,
    rss,
)

from gazetteer import review
from gazetteer.cli import main
from gazetteer.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "one.txt").write_text(f"date 2024-12-10\n{CAPTURE_SUMPRABUM}", encoding="utf-8")
    (folder / "two.html").write_text(page_html(title="Two", body=[CAPTURE_WAINGMAW,
                                                                  ASSAULT_BHAMO]),
                                     encoding="utf-8")
    return folder


def test_add_prints_each_stored_article_and_skips_repeats(capsys, corpus: Path,
                                                          tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    code, out, err = _run(capsys, "add", str(corpus), "--db", str(db))
    assert code == 0
    assert out.splitlines() == ["added\tone.txt\t1 event(s)", "added\ttwo.html\t2 event(s)"]
    assert "2 article(s) added, 0 already in the store; 3 event(s)" in err
    code, out, err = _run(capsys, "add", str(corpus / "one.txt"), "--db", str(db))
    assert code == 0 and out == ""
    assert "skipped: one.txt: already in the store as one.txt (same text)" in err


def test_db_from_the_environment(capsys, corpus: Path, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KACHIN_MAP_DB", str(tmp_path / "env.sqlite3"))
    assert _run(capsys, "add", str(corpus))[0] == 0
    assert Store(tmp_path / "env.sqlite3").counts()["articles"] == 2


def test_reviews_export_and_reviewed_only_acled(capsys, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _run(capsys, "add", str(corpus), "--db", str(db))
    with Store(db) as store:
        items = {it.row["place"]: it for it in review.review_queue(store)}
        review.decide(store, items["Sumprabum"].evidence, decision="confirm", reviewer="Ann")
        review.decide(store, items["Bhamo"].evidence, decision="reject", reviewer="Bo",
                      reason="hearsay, no date")
    out_file = tmp_path / "out" / "reviews.csv"
    code, _, err = _run(capsys, "reviews", "--db", str(db), "--out", str(out_file))
    assert code == 0 and "2 decision(s)" in err
    rows = list(csv.DictReader(out_file.open(encoding="utf-8")))
    assert [(r["reviewer"], r["decision"], r["place"]) for r in rows] == [
        ("Ann", "confirm", "Sumprabum"), ("Bo", "reject", "Bhamo")]
    assert rows[1]["reason"] == "hearsay, no date" and rows[1]["state"] == "in force"
    assert _run(capsys, "reviews", "--db", str(db), "--out", str(out_file))[0] == 1
    code, out, _ = _run(capsys, "export", "--db", str(db), "--format", "csv")
    statuses = {r["place"]: r["review_status"] for r in csv.DictReader(io.StringIO(out))}
    assert statuses == {"Sumprabum": "confirmed", "Waingmaw": "unreviewed"}
    code, out, _ = _run(capsys, "export", "--db", str(db), "--format", "acled",
                        "--reviewed-only")
    assert [r["location"] for r in csv.DictReader(io.StringIO(out))] == ["Sumprabum"]
    code, _, err = _run(capsys, "export", "--format", "acled", "--reviewed-only")
    assert code == 2 and "needs --db" in err


def test_reextract_reports_and_keeps_decisions(capsys, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _run(capsys, "add", str(corpus), "--db", str(db))
    with Store(db) as store:
        item = review.review_queue(store)[0]
        review.decide(store, item.evidence, decision="confirm", reviewer="Ann")
    code, _, err = _run(capsys, "reextract", "--db", str(db))
    assert code == 0 and "2 article(s) extracted again" in err and "3 event(s)" in err
    assert "0 decision(s) whose event no longer appears" in err
    with Store(db) as store:
        assert store.counts()["decisions"] == 1


def test_feed_and_url_from_loopback(capsys, tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    routes = {"/a.html": ("text/html", page_html(title="A", body=[CAPTURE_SUMPRABUM])
                          .encode())}
    with loopback_server(routes) as server:
        routes["/rss"] = ("application/rss+xml", rss([
            ("A", server.url("/a.html"), "Sat, 19 Oct 2024 08:00:00 GMT")]).encode())
        code, out, _ = _run(capsys, "feed", server.url("/rss"), "--db", str(db))
        assert code == 0 and out.startswith("added\t127.0.0.1_a.html")
        code, out, err = _run(capsys, "add", "--url", server.url("/a.html"), "--db", str(db))
        assert code == 0 and out == "" and "same address" in err


def test_no_network_is_a_quick_clear_failure(capsys, tmp_path: Path) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    started = time.monotonic()
    code, _, err = _run(capsys, "feed", f"http://127.0.0.1:{port}/rss", "--db",
                        str(tmp_path / "c.sqlite3"))
    assert code == 1 and time.monotonic() - started < 3
    assert f"feed: http://127.0.0.1:{port}/rss: cannot fetch" in err and "Traceback" not in err


def test_corrupt_store_is_named_without_a_traceback(tmp_path: Path, corpus: Path) -> None:
    bad = tmp_path / "broken.sqlite3"
    bad.write_bytes(b"not a database at all\n" * 100)
    done = subprocess.run([sys.executable, "-m", "gazetteer", "add", str(corpus), "--db",
                           str(bad)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 1
    assert str(bad) in done.stderr and "Traceback" not in done.stderr
    assert bad.read_bytes() == b"not a database at all\n" * 100

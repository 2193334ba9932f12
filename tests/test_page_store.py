"""The page on a corpus store (AppTest): first start, a damaged store, read-only views."""

from __future__ import annotations

from pathlib import Path

from support.apptest import FIXTURE, run_app, shown

from gazetteer.store import Store


def test_first_start_creates_the_store_with_the_seeds(monkeypatch, tmp_path: Path) -> None:
    db = tmp_path / "new" / "corpus.sqlite3"
    at = run_app(monkeypatch, "--db", str(db))
    assert not at.error
    with Store(db, create=False) as store:
        assert store.counts()["articles"] == 5 and store.counts()["events"] > 10
        assert store.get_meta("seeds_loaded")
    assert any("corpus store" in shown(c) for c in at.sidebar.caption)
    at = run_app(monkeypatch, "--db", str(db))          # a second start adds nothing
    with Store(db, create=False) as store:
        assert store.counts()["articles"] == 5


def test_a_damaged_store_is_named_on_the_page(monkeypatch, tmp_path: Path) -> None:
    bad = tmp_path / "corpus.sqlite3"
    bad.write_bytes(b"these bytes are no database\n" * 50)
    at = run_app(monkeypatch, "--db", str(bad))
    assert any(str(bad) in shown(e) and "left as it is" in shown(e) for e in at.error)
    assert bad.read_bytes() == b"these bytes are no database\n" * 50


def test_seeds_and_events_stay_read_only_views(monkeypatch, tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite3"
    at = run_app(monkeypatch, "--events", str(FIXTURE), "--db", str(db))
    assert not db.exists()
    assert any("--db ignored" in shown(w) for w in at.warning)

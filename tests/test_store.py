"""The corpus store: schema, location, refusal of corrupt or foreign files, duplicates,
transactions, migrations and concurrent writers."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from gazetteer import storefile as store_module
from gazetteer.errors import GazetteerError, StoreError
from gazetteer.store import APPLICATION_ID, SCHEMA_VERSION, Evidence, Store, default_path

TEXT = "Fighters took the hill post on Monday, a villager said."


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _event(**over: object) -> dict[str, object]:
    row = {"event_id": "e1", "date": "2024-10-17", "date_precision": "day",
           "event_type": "capture", "place": "Sumprabum", "lat": 26.55, "lon": 97.56,
           "actor": "KIA", "target": "", "excerpt": TEXT[:30], "char_start": 0,
           "char_end": 30, "confidence": 0.9, "place_approximate": False,
           "highlight_start": 9, "highlight_end": 13}
    row.update(over)
    return row


def test_new_store_is_ours_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "corpus.sqlite3"
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.counts() == {"articles": 0, "events": 0, "candidates": 0, "decisions": 0}
        assert s._con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_location_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(store_module.DB_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == tmp_path / "xdg" / "kachin-control-map" / "corpus.sqlite3"
    monkeypatch.setenv(store_module.DB_ENV, str(tmp_path / "env.sqlite3"))
    assert default_path() == tmp_path / "env.sqlite3"
    assert default_path(tmp_path / "given.db") == tmp_path / "given.db"


def test_a_store_inside_the_repository_is_refused() -> None:
    inside = Path(store_module.ROOT_DIR) / "corpus-test.sqlite3"
    with pytest.raises(StoreError, match="inside the project's repository"):
        Store(inside)
    assert not inside.exists()


def test_missing_store_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no corpus store here"):
        Store(tmp_path / "none.sqlite3", create=False)


@pytest.mark.parametrize("content", [b"this is a text file, not a database\n" * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 3000])
def test_corrupt_file_is_named_and_left_as_it_is(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert str(path) in str(err.value)
    assert "left as it is" in str(err.value)
    assert isinstance(err.value, GazetteerError)
    assert path.read_bytes() == content


def test_damage_inside_a_store_is_reported_not_raised_raw(tmp_path: Path) -> None:
    path = tmp_path / "corpus.sqlite3"
    with Store(path) as s:
        for i in range(40):
            text = f"{TEXT} Report number {i}. " + "More words follow here. " * 60
            s.add_article(file=f"a{i}.txt", text=text, sha256=_sha(text))
    data = bytearray(path.read_bytes())
    assert len(data) > 16 * 4096
    data[4096 * 3: 4096 * 12] = b"\x5a" * (4096 * 9)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="not a readable corpus store"):
        s = Store(path)
        s.counts()
        list(s.iter_articles())
        s.events_frame()


def test_foreign_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    con.execute("INSERT INTO invoices VALUES (1, 9.5)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"another program.*invoices"):
        Store(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corpus.sqlite3"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer version"):
        Store(path)


def test_forward_migration_keeps_data_and_copies_the_file_aside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "corpus.sqlite3"
    with Store(path) as s:
        s.add_article(file="a.txt", text=TEXT, sha256=_sha(TEXT), events=[_event()],
                      extractor_version="v1")
    step = "ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';"
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, step])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION + 1
        assert s.counts()["articles"] == 1 and s.counts()["events"] == 1
        assert s._con.execute("SELECT language FROM articles").fetchone()[0] == "en"
    backup = path.with_name(f"{path.name}.schema{SCHEMA_VERSION}.bak")
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert old.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    old.close()


def test_same_address_or_same_text_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite3") as s:
        first = s.add_article(file="a.txt", text=TEXT, sha256=_sha(TEXT),
                              url="https://example.org/a")
        again = s.add_article(file="b.txt", text=TEXT, sha256=_sha(TEXT))
        other = TEXT + " Updated."
        same_url = s.add_article(file="c.txt", text=other, sha256=_sha(other),
                                 url="https://example.org/a")
        assert first.added and not again.added and not same_url.added
        assert again.duplicate_of == "same text" and again.file == "a.txt"
        assert same_url.duplicate_of == "same address"
        assert s.counts()["articles"] == 1


def test_a_taken_file_name_gets_the_hash_before_its_suffix(tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite3") as s:
        s.add_article(file="index.html", text=TEXT, sha256=_sha(TEXT))
        other = TEXT + " Another page."
        second = s.add_article(file="index.html", text=other, sha256=_sha(other))
        assert second.file == f"index-{_sha(other)[:8]}.html"
        assert second.notes == (f"stored as {second.file}",)
        assert s.article_text(second.file) == other


def test_article_and_events_are_one_transaction(tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite3") as s:
        with pytest.raises(StoreError, match="nothing of it was written"):
            s.add_article(file="a.txt", text=TEXT, sha256=_sha(TEXT),
                          events=[_event(), _event(event_id="e2", char_start=None)],
                          extractor_version="v1")
        assert s.counts() == {"articles": 0, "events": 0, "candidates": 0, "decisions": 0}
        s.add_article(file="a.txt", text=TEXT, sha256=_sha(TEXT), events=[_event()],
                      extractor_version="v1")
        frame = s.events_frame()
        assert frame.loc[0, "source_file"] == "a.txt"
        assert frame.loc[0, "article_sha256"] == _sha(TEXT)
        assert frame.loc[0, "extractor_version"] == "v1"
        assert not frame.loc[0, "place_approximate"]


def test_unknown_event_columns_survive_a_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite3") as s:
        s.add_article(file="a.txt", text=TEXT, sha256=_sha(TEXT),
                      events=[_event(published_basis="the page's metadata")],
                      candidates=[{"excerpt": TEXT, "char_start": 0, "char_end": len(TEXT),
                                   "event_type": "capture", "reason": "no place named",
                                   "trigger": "took"}], extractor_version="v1")
        assert s.events_frame().loc[0, "published_basis"] == "the page's metadata"
        cands = s.candidates_frame()
        assert cands.loc[0, "reason"] == "no place named" and cands.loc[0, "trigger"] == "took"


def test_revision_moves_on_every_write(tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite3") as s:
        r0 = s.revision()
        s.add_article(file="a.txt", text=TEXT, sha256=_sha(TEXT), events=[_event()],
                      extractor_version="v1")
        r1 = s.revision()
        s.add_decision(Evidence(_sha(TEXT), 0, 30, "capture", "Sumprabum"),
                       decision="confirm", reviewer="Ann")
        assert r0 < r1 < s.revision()


def test_two_connections_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with Store(path) as s:
        s.add_article(file="a.txt", text=TEXT, sha256=_sha(TEXT), events=[_event()],
                      extractor_version="v1")
    evidence = Evidence(_sha(TEXT), 0, 30, "capture", "Sumprabum")
    errors: list[BaseException] = []

    def review(name: str) -> None:
        try:
            with Store(path) as mine:
                for i in range(40):
                    mine.add_decision(evidence, decision="reject", reviewer=name,
                                      reason=f"check {i}")
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=review, args=(n,)) for n in ("Ann", "Bo", "Cy")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with Store(path) as s:
        decisions = s.decisions_frame()
        assert len(decisions) == 120
        assert decisions.groupby("reviewer").size().to_dict() == {"Ann": 40, "Bo": 40,
                                                                   "Cy": 40}

"""The corpus store: articles, their extracted events and candidates, and review decisions,
in one SQLite file that persists between runs and grows as articles are added.

The file is opened in WAL mode (readers never wait for a writer), with foreign keys on and
a busy time-out, so the page, several browser sessions and a command-line ``add`` can use
it at once. Every write is one transaction: an article is stored together with its events
or not at all, and a review decision is on disk before :meth:`Store.add_decision` returns.

Schema and upgrades (:mod:`gazetteer.storefile`)
    Opening a file of an older schema applies the forward migrations in order, after
    copying the file aside (``NAME.schemaN.bak``): an upgrade never deletes what the user
    added. A file of a newer schema, another program's database, or a file that is not
    SQLite at all raises :class:`~gazetteer.errors.StoreError` naming the file; it is never
    reset.

Review decisions are bound to their *evidence*, not to an event row: the article's SHA-256
and the excerpt's ``char_start``/``char_end``, the event type and the place as extracted
(:class:`Evidence`). Re-extraction replaces event rows but leaves decisions untouched, so a
decision finds its event again whenever the extractor reports the same evidence.

Location (:func:`default_path`): ``--db PATH``, else the ``KACHIN_MAP_DB`` environment
variable, else ``corpus.sqlite3`` in the per-user data folder (platformdirs). A path inside
the project's repository is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from gazetteer.errors import StoreError
from gazetteer.settings import ROOT_DIR
from gazetteer.storefile import (
    APPLICATION_ID,
    BUSY_TIMEOUT_S,
    DB_ENV,
    MIGRATIONS,
    SCHEMA_VERSION,
    default_path,
    inside_repository,
    open_connection,
    store_error,
)

__all__ = [
    "APPLICATION_ID",
    "DB_ENV",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddedArticle",
    "Evidence",
    "Store",
    "StoredArticle",
    "default_path",
]

#: Event columns stored as columns (the rest of a row goes into ``extra`` as JSON).
EVENT_FIELDS = ("event_id", "date", "date_precision", "event_type", "place", "lat", "lon",
                "actor", "target", "excerpt", "char_start", "char_end", "confidence",
                "place_approximate", "highlight_start", "highlight_end")
#: Candidate columns stored as columns: sentences the extractor could not settle.
CANDIDATE_FIELDS = ("event_type", "place", "date", "date_precision", "actor", "excerpt",
                    "char_start", "char_end", "highlight_start", "highlight_end", "reason")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a review decision is bound to: one excerpt of one article, as extracted.

    ``article_sha256`` is the article text's SHA-256 (hex); ``char_start``/``char_end``
    index that text; ``event_type`` and ``place`` are the extractor's values (not a
    correction's); ``kind`` is ``"event"`` or ``"candidate"``.
    """

    article_sha256: str
    char_start: int
    char_end: int
    event_type: str
    place: str
    kind: str = "event"


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored: the text as loaded and its metadata (dates ``YYYY-MM-DD``)."""

    id: int
    sha256: str
    file: str
    text: str
    url: str = ""
    outlet: str = ""
    title: str = ""
    published: str = ""
    published_basis: str = ""
    origin: str = ""
    added_at: str = ""


@dataclass(frozen=True, slots=True)
class AddedArticle:
    """Outcome of :meth:`Store.add_article`: the article's id and file name in the store,
    whether it was new, and if not, why (``"same address"`` or ``"same text"``)."""

    id: int
    file: str
    added: bool
    duplicate_of: str = ""
    events: int = 0
    candidates: int = 0
    notes: tuple[str, ...] = field(default=())


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Store:
    """One corpus store file. Safe to share between threads; use as a context manager or
    call :meth:`close`.

    Parameters
    ----------
    path : str or Path
        The SQLite file. Created (with its folder) when missing and ``create`` is true.
    create : bool
        False: a missing file raises :class:`StoreError` instead of being created.
    busy_timeout : float
        Seconds to wait for another writer before failing with a clear error.

    Raises
    ------
    StoreError
        The file is corrupt, another program's database, of a newer schema, inside the
        repository, or cannot be opened.
    """

    def __init__(self, path: str | Path, *, create: bool = True,
                 busy_timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = Path(path).expanduser()
        if inside_repository(self.path):
            raise StoreError(f"{self.path}: the corpus store may not live inside the "
                             f"project's repository ({ROOT_DIR}); give a path elsewhere "
                             f"with --db or ${DB_ENV}")
        if not self.path.exists() and not create:
            raise StoreError(f"{self.path}: no corpus store here (add articles first, or "
                             "give another --db path)")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a corpus store file")
        self._lock = threading.RLock()
        self._con = open_connection(self.path, busy_timeout=busy_timeout)

    def _error(self, err: Exception) -> StoreError:
        return store_error(self.path, err)


    def close(self) -> None:
        """Close the connection (the file stays as it is)."""
        with self._lock:
            self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._con
            except (sqlite3.DatabaseError, pd.errors.DatabaseError) as err:
                raise self._error(err) from err

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed on success; the revision counter moves."""
        with self._lock:
            try:
                self._con.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as err:
                raise self._error(err) from err
            try:
                yield self._con
                self._con.execute(
                    "INSERT INTO meta(key, value) VALUES ('revision', '1') ON CONFLICT(key) "
                    "DO UPDATE SET value = CAST(value AS INTEGER) + 1")
                self._con.execute("COMMIT")
            except BaseException as err:
                self._con.execute("ROLLBACK")
                if isinstance(err, sqlite3.DatabaseError):
                    raise self._error(err) from err
                raise

    # -- small facts ---------------------------------------------------------------
    def schema_version(self) -> int:
        """The file's schema version (``PRAGMA user_version``)."""
        with self._read() as con:
            return int(con.execute("PRAGMA user_version").fetchone()[0])

    def revision(self) -> int:
        """A counter that moves on every write: a cache key for what was read."""
        with self._read() as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return int(row[0]) if row else 0

    def get_meta(self, key: str, default: str = "") -> str:
        """A stored setting (e.g. ``"seeds_loaded"``)."""
        with self._read() as con:
            row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        """Store a setting."""
        with self._write() as con:
            con.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                        "UPDATE SET value = excluded.value", (key, value))

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, candidates, decisions."""
        with self._read() as con:
            return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                    for t in ("articles", "events", "candidates", "decisions")}

    # -- articles ------------------------------------------------------------------
    def find_article(self, *, url: str = "", sha256: str = "") -> StoredArticle | None:
        """The stored article with this address or this text hash, if any."""
        with self._read() as con:
            row = None
            if url:
                row = con.execute(f"{_ARTICLE_SELECT} WHERE url = ?", (url,)).fetchone()
            if row is None and sha256:
                row = con.execute(f"{_ARTICLE_SELECT} WHERE sha256 = ?",
                                  (sha256,)).fetchone()
            return None if row is None else _article(row)

    def add_article(self, *, file: str, text: str, sha256: str, url: str = "",
                    outlet: str = "", title: str = "", published: str = "",
                    published_basis: str = "", origin: str = "",
                    events: Sequence[Mapping[str, Any]] = (),
                    candidates: Sequence[Mapping[str, Any]] = (),
                    extractor_version: str = "") -> AddedArticle:
        """Store one article with its events and candidates, in one transaction.

        An article whose address (``url``) or text hash (``sha256``) is stored already is
        not added again: the result says which one it duplicates. A file name used by
        another article gets the hash's first 8 digits before its suffix.
        """
        with self._write() as con:
            dup = self._duplicate(con, url, sha256)
            if dup is not None:
                return AddedArticle(dup[0], dup[1], False, duplicate_of=dup[2])
            name = _free_name(con, file or f"{sha256[:12]}.txt", sha256)
            cur = con.execute(
                "INSERT INTO articles(sha256, file, url, outlet, title, published, "
                "published_basis, origin, text, added_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (sha256, name, url or None, outlet, title, published or None,
                 published_basis, origin, text, _now()))
            article_id = int(cur.lastrowid or 0)
            n_events, n_cands = _insert_extraction(con, article_id, name, events, candidates,
                                                   extractor_version)
        notes = (f"stored as {name}",) if name != file else ()
        return AddedArticle(article_id, name, True, events=n_events, candidates=n_cands,
                            notes=notes)

    @staticmethod
    def _duplicate(con: sqlite3.Connection, url: str, sha256: str
                   ) -> tuple[int, str, str] | None:
        if url:
            row = con.execute("SELECT id, file FROM articles WHERE url = ?", (url,)).fetchone()
            if row:
                return int(row[0]), str(row[1]), "same address"
        row = con.execute("SELECT id, file FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
        return (int(row[0]), str(row[1]), "same text") if row else None

    def iter_articles(self, *, batch: int = 200) -> Iterator[StoredArticle]:
        """Every stored article with its text, in the order added (read in batches)."""
        last = 0
        while True:
            with self._read() as con:
                rows = con.execute(f"{_ARTICLE_SELECT} WHERE id > ? ORDER BY id LIMIT ?",
                                   (last, batch)).fetchall()
                found = [_article(r) for r in rows]
            if not found:
                return
            yield from found
            last = found[-1].id

    def article_text(self, file: str) -> str:
        """The stored text of the article with this file name ("" when unknown)."""
        with self._read() as con:
            row = con.execute("SELECT text FROM articles WHERE file = ?", (file,)).fetchone()
        return row[0] if row else ""

    def articles_meta(self) -> dict[str, dict[str, str]]:
        """File name -> metadata (sha256, url, outlet, title, published, published_basis,
        origin, added_at) of every article, without the texts."""
        with self._read() as con:
            rows = con.execute(
                "SELECT file, sha256, coalesce(url, ''), outlet, title, "
                "coalesce(published, ''), published_basis, origin, added_at FROM articles"
            ).fetchall()
        keys = ("sha256", "url", "outlet", "title", "published", "published_basis",
                "origin", "added_at")
        return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in rows}

    def articles_records(self) -> dict[str, dict[str, str]]:
        """File name -> the record the page shows (file, outlet, title, url, published,
        text), for every article."""
        with self._read() as con:
            rows = con.execute("SELECT file, outlet, title, coalesce(url, ''), "
                               "coalesce(published, ''), text FROM articles").fetchall()
        keys = ("file", "outlet", "title", "url", "published", "text")
        return {r[0]: dict(zip(keys, r, strict=True)) for r in rows}

    # -- extraction ----------------------------------------------------------------
    def replace_extraction(self, article_id: int, *, events: Sequence[Mapping[str, Any]],
                           candidates: Sequence[Mapping[str, Any]] = (),
                           extractor_version: str) -> tuple[int, int]:
        """Replace one article's events and candidates (re-extraction), in one transaction.

        Decisions are bound to evidence, not to these rows, and are left untouched.
        Returns the numbers of events and candidates stored.
        """
        with self._write() as con:
            row = con.execute("SELECT file FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
            if row is None:
                raise StoreError(f"{self.path}: no article with id {article_id}")
            con.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
            con.execute("DELETE FROM candidates WHERE article_id = ?", (article_id,))
            return _insert_extraction(con, article_id, row[0], events, candidates,
                                      extractor_version)

    def events_frame(self) -> pd.DataFrame:
        """Every stored event: the event table's columns (``source_file``, ``published``
        from the article), plus ``article_sha256``, ``outlet`` and ``extractor_version``."""
        cols = ", ".join(f"e.{c}" for c in EVENT_FIELDS)
        with self._read() as con:
            frame = pd.read_sql_query(
                f"SELECT {cols}, a.file AS source_file, coalesce(a.published, '') AS "
                "published, a.sha256 AS article_sha256, a.outlet AS outlet, "
                "e.extractor_version, e.extra FROM events e JOIN articles a ON "
                "a.id = e.article_id ORDER BY a.file, e.char_start, e.place, e.event_type",
                con)
        frame["place_approximate"] = frame["place_approximate"].astype(bool)
        return _expand_extra(frame)

    def candidates_frame(self) -> pd.DataFrame:
        """Every stored candidate, with ``source_file``, ``published``, ``article_sha256``
        and ``outlet`` from its article."""
        cols = ", ".join(f"c.{c}" for c in CANDIDATE_FIELDS)
        with self._read() as con:
            frame = pd.read_sql_query(
                f"SELECT {cols}, a.file AS source_file, coalesce(a.published, '') AS "
                "published, a.sha256 AS article_sha256, a.outlet AS outlet, "
                "c.extractor_version, c.extra FROM candidates c JOIN articles a ON "
                "a.id = c.article_id ORDER BY a.file, c.char_start", con)
        return _expand_extra(frame)

    def stored_row(self, evidence: Evidence) -> dict[str, Any] | None:
        """The stored event or candidate (per ``evidence.kind``) with exactly this
        evidence, with its article's ``source_file``, ``published`` and ``outlet``."""
        table, fields = (("events", EVENT_FIELDS) if evidence.kind == "event"
                         else ("candidates", CANDIDATE_FIELDS))
        cols = ", ".join(f"x.{c}" for c in fields)
        with self._read() as con:
            cur = con.execute(
                f"SELECT {cols}, a.file, coalesce(a.published, ''), a.outlet, a.sha256 "
                f"FROM {table} x JOIN articles a ON a.id = x.article_id WHERE a.sha256 = ? "
                "AND x.char_start = ? AND x.char_end = ? AND x.event_type = ? AND "
                "x.place = ?", (evidence.article_sha256, evidence.char_start,
                                evidence.char_end, evidence.event_type, evidence.place))
            row = cur.fetchone()
        if row is None:
            return None
        keys = (*fields, "source_file", "published", "outlet", "article_sha256")
        return dict(zip(keys, row, strict=True))

    # -- review decisions ------------------------------------------------------------
    def add_decision(self, evidence: Evidence, *, decision: str, reviewer: str,
                     reason: str = "", corrected: Mapping[str, Any] | None = None,
                     decided_at: str | None = None) -> int:
        """Record one review decision (committed before returning); returns its id.

        Decisions are never updated or deleted: a later decision on the same evidence
        takes effect, and the history stays.
        """
        with self._write() as con:
            cur = con.execute(
                "INSERT INTO decisions(article_sha256, char_start, char_end, event_type, "
                "place, kind, decision, reason, corrected, reviewer, decided_at) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?)",
                (evidence.article_sha256, int(evidence.char_start), int(evidence.char_end),
                 evidence.event_type, evidence.place, evidence.kind, decision, reason,
                 json.dumps(dict(corrected or {}), ensure_ascii=False, sort_keys=True),
                 reviewer, decided_at or _now()))
            return int(cur.lastrowid or 0)

    def decided(self) -> set[Evidence]:
        """The evidence of every decision ever recorded (a cheap check for the queue)."""
        with self._read() as con:
            rows = con.execute("SELECT DISTINCT article_sha256, char_start, char_end, "
                               "event_type, place, kind FROM decisions").fetchall()
        return {Evidence(*r) for r in rows}

    def decisions_frame(self) -> pd.DataFrame:
        """Every decision, oldest first, with the article's file name (``source_file``)."""
        with self._read() as con:
            return pd.read_sql_query(
                "SELECT d.id AS decision_id, d.article_sha256, a.file AS source_file, "
                "d.char_start, d.char_end, d.event_type, d.place, d.kind, d.decision, "
                "d.reason, d.corrected, d.reviewer, d.decided_at FROM decisions d "
                "JOIN articles a ON a.sha256 = d.article_sha256 ORDER BY d.id", con)


#: The articles' columns in :class:`StoredArticle`'s field order.
_ARTICLE_SELECT = ("SELECT id, sha256, file, text, coalesce(url, ''), outlet, title, "
                   "coalesce(published, ''), published_basis, origin, added_at FROM articles")


def _article(row: Sequence[Any]) -> StoredArticle:
    return StoredArticle(*row)


def _free_name(con: sqlite3.Connection, name: str, sha256: str) -> str:
    if con.execute("SELECT 1 FROM articles WHERE file = ?", (name,)).fetchone() is None:
        return name
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, f".{suffix}") if dot and stem else (name, "")
    candidate, n = f"{stem}-{sha256[:8]}{suffix}", 1
    while con.execute("SELECT 1 FROM articles WHERE file = ?", (candidate,)).fetchone():
        n += 1
        candidate = f"{stem}-{sha256[:8]}-{n}{suffix}"
    return candidate


def _insert_extraction(con: sqlite3.Connection, article_id: int, file: str,
                       events: Iterable[Mapping[str, Any]],
                       candidates: Iterable[Mapping[str, Any]], version: str
                       ) -> tuple[int, int]:
    skip = {*EVENT_FIELDS, "source_file", "published"}
    event_rows = [(article_id, version, *(_cell(e.get(c), c) for c in EVENT_FIELDS),
                   _extra(e, skip)) for e in events]
    before = con.total_changes
    con.executemany(
        f"INSERT INTO events(article_id, extractor_version, {', '.join(EVENT_FIELDS)}, "
        f"extra) VALUES ({', '.join('?' * (len(EVENT_FIELDS) + 3))}) "
        "ON CONFLICT DO NOTHING", event_rows)
    n_events, before = con.total_changes - before, con.total_changes
    skip = {*CANDIDATE_FIELDS, "source_file", "published"}
    cand_rows = [(article_id, version, *(_cell(c.get(k), k) for k in CANDIDATE_FIELDS),
                  _extra(c, skip)) for c in candidates]
    con.executemany(
        f"INSERT INTO candidates(article_id, extractor_version, "
        f"{', '.join(CANDIDATE_FIELDS)}, extra) VALUES "
        f"({', '.join('?' * (len(CANDIDATE_FIELDS) + 3))}) ON CONFLICT DO NOTHING", cand_rows)
    return n_events, con.total_changes - before


_INT_FIELDS = {"char_start", "char_end", "highlight_start", "highlight_end"}
_REAL_FIELDS = {"lat", "lon", "confidence"}


def _cell(value: Any, name: str) -> Any:
    """A value as SQLite stores it: missing numbers become NULL, missing text ''."""
    missing = value is None or (isinstance(value, float) and value != value)
    if name in _INT_FIELDS:
        return None if missing else int(value)
    if name in _REAL_FIELDS:
        return None if missing else float(value)
    if name == "place_approximate":
        return int(not missing and str(value).strip().lower() in ("true", "1", "yes"))
    return "" if missing else str(value)


def _extra(row: Mapping[str, Any], known: set[str]) -> str:
    rest = {k: v for k, v in row.items() if k not in known and v is not None}
    return json.dumps(rest, ensure_ascii=False, sort_keys=True, default=str) if rest else "{}"


def _expand_extra(frame: pd.DataFrame) -> pd.DataFrame:
    extras = frame.pop("extra")
    if (extras != "{}").any():
        parsed = pd.DataFrame([json.loads(x) for x in extras], index=frame.index)
        for col in parsed.columns:
            if col not in frame.columns:
                frame[col] = parsed[col]
    return frame


"""This session's uploads: articles extracted in memory and uploaded event tables.

Nothing here writes into the project: uploads live in the session's memory only.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gazetteer.articles import MAX_BYTES
from gazetteer.events import empty_events
from gazetteer.isolated import UPLOAD_SECONDS, extract_isolated, extract_upload_parts
from gazetteer.sources import LoadedData, check_excerpts
from gazetteer.store import Store


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded article, extracted: its metadata and text, events and warnings."""

    article: dict[str, str]
    events: pd.DataFrame
    warnings: tuple[str, ...] = ()


#: The outlet shown for an uploaded article.
UPLOAD_OUTLET = "Uploaded in this session"
#: Largest uploaded article extracted (bytes): the same cap as for a folder's files.
MAX_UPLOAD_BYTES = MAX_BYTES
#: Largest uploaded event table read (bytes); the server refuses more than
#: ``server.maxUploadSize`` (.streamlit/config.toml, 20 MB) anyway.
MAX_TABLE_BYTES = 20_000_000


def too_large(name: str, size: int, *, limit: int) -> str:
    """A message when an upload of ``size`` bytes is over ``limit``; "" when it is not."""
    if size <= limit:
        return ""
    return (f"{name}: {size:,} bytes is over the {limit:,}-byte limit for uploads; "
            "not extracted")


def upload_name(name: str, taken: Iterable[str]) -> str:
    """A file name for an upload that clashes with no loaded article.

    The folder part is dropped; a clash gets an ``upload-`` prefix (then a number).
    """
    base = Path(str(name).replace("\\", "/")).name.strip() or "upload.txt"
    taken = set(taken)
    candidate, n = f"upload-{base}" if base in taken else base, 1
    while candidate in taken:
        n += 1
        candidate = f"upload{n}-{base}"
    return candidate


def extract_upload(name: str, raw: bytes, *, published: dt.date | None = None) -> Upload:
    """Read an uploaded article (:func:`gazetteer.articles.article_from_text`) and extract.

    Parameters
    ----------
    name : str
        The article's file name (see :func:`upload_name`).
    raw : bytes
        Its content; non-UTF-8 bytes are replaced, with a warning.
    published : datetime.date, optional
        Publication day; None means unknown: a ``date YYYY-MM-DD`` header, else only
        absolute dates in the text are used.

    Returns
    -------
    Upload
        Nothing is written anywhere: the result lives in memory only.
    """
    record, events, warnings = extract_upload_parts(name, raw, published=published)
    return _upload(name, record, events, warnings)


def extract_upload_isolated(name: str, raw: bytes, *, published: dt.date | None = None,
                            timeout: float = UPLOAD_SECONDS) -> Upload:
    """:func:`extract_upload` in a worker process (:func:`gazetteer.isolated.
    extract_isolated`): the server keeps serving other sessions meanwhile, and an
    article that takes longer than ``timeout`` seconds is given up with a warning."""
    result = extract_isolated(name, raw, published=published, timeout=timeout)
    if result is None:
        return _upload(name, None, empty_events(), [
            f"{name}: extraction took longer than {timeout:g} s; not extracted"])
    return _upload(name, *result)


def _upload(name: str, record: dict[str, str] | None, events: pd.DataFrame,
            warnings: Sequence[str]) -> Upload:
    """An :class:`Upload` from what the reader gave (no record: nothing could be read)."""
    if record is None:
        return Upload(article={"file": name, "outlet": UPLOAD_OUTLET, "title": "", "url": "",
                               "published": "", "published_basis": "", "text": ""},
                      events=empty_events(), warnings=tuple(warnings))
    meta = {**record, "outlet": record.get("outlet") or UPLOAD_OUTLET}
    notes = list(warnings)
    if events.empty:
        notes.append(f"{name}: no capture, assault or holding of a known place found")
    return Upload(article=meta, events=events, warnings=tuple(notes))


def keep_upload(store: Store, upload: Upload) -> str:
    """Store an uploaded article in the corpus store (extracted again there, with the
    extractor's version); returns what happened, naming the file."""
    import datetime as dt

    from gazetteer.articles import Article
    from gazetteer.ingest import add_article

    meta = upload.article
    if not meta.get("text", "").strip():
        return f"{meta['file']}: no text, not kept"
    outlet = "" if meta.get("outlet") == UPLOAD_OUTLET else meta.get("outlet", "")
    article = Article(meta["file"], meta["text"],
                      dt.date.fromisoformat(meta["published"]) if meta.get("published")
                      else None, outlet, meta.get("title", ""), meta.get("url", ""),
                      meta.get("published_basis", "") or ("given" if meta.get("published")
                                                          else ""))
    result = add_article(store, article, origin="uploaded in the page")
    if not result.added:
        return f"{meta['file']}: already in the store as {result.file} ({result.duplicate_of})"
    return f"{meta['file']}: stored as {result.file} with {result.events} event(s)"


def read_event_upload(name: str, raw: bytes) -> tuple[pd.DataFrame, list[str]]:
    """Read an uploaded event table (ours or ACLED's layout); warnings name ``name``.

    The bytes are read through :func:`gazetteer.exchange.read_events` from a private
    temporary folder that is removed at once; nothing is written in the project.

    Raises
    ------
    EventTableError
        The table cannot be used at all (its message names ``name`` and the line).
    """
    from gazetteer.errors import EventTableError
    from gazetteer.exchange import read_events

    shown = Path(str(name).replace("\\", "/")).name or "events.csv"
    with tempfile.TemporaryDirectory(prefix="kcm-upload-") as folder:
        path = Path(folder) / shown
        path.write_bytes(raw)
        try:
            frame, warnings = read_events(path)
        except EventTableError as err:
            raise EventTableError(str(err).replace(str(path), shown)) from None
    return frame, [w.replace(str(path), shown) for w in warnings]


def with_uploads(data: LoadedData, uploads: Sequence[Upload] = (), *,
                 table: pd.DataFrame | None = None, table_name: str = "",
                 table_warnings: Sequence[str] = (), replace: bool = False) -> LoadedData:
    """``data`` plus uploaded articles' events and an uploaded event table (a new object).

    Parameters
    ----------
    replace : bool
        Show the uploaded table (and uploaded articles) instead of the loaded events.

    Events sharing an ``event_id`` are kept once (the first: loaded, then table, then
    articles). ``data`` itself is never modified.
    """
    frames = [] if replace else [data.events]
    parts = [] if replace else [data.source]
    warnings = list(data.warnings)
    if table is not None:
        frames.append(table)
        parts.append(f"uploaded table {table_name}")
        warnings.extend(table_warnings)
    for up in uploads:
        frames.append(up.events)
        warnings.extend(up.warnings)
    if uploads:
        parts.append(f"{len(uploads)} uploaded article(s)")
    frames = [f for f in frames if not f.empty] or [data.events.iloc[0:0]]
    events = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].copy()
    if "event_id" in events:
        events = events.drop_duplicates("event_id", keep="first").reset_index(drop=True)
    articles = dict(data.articles)
    for up in uploads:
        articles[up.article["file"]] = up.article
    new = [up.events for up in uploads if not up.events.empty]
    if new:
        warnings.extend(check_excerpts(pd.concat(new, ignore_index=True), articles))
    return LoadedData(events=events, articles=articles, warnings=warnings,
                      errors=list(data.errors), source=" + ".join(p for p in parts if p))


def upload_events_csv(uploads: Sequence[Upload]) -> str:
    """The events extracted from this session's uploaded articles, as our CSV layout."""
    from gazetteer.exchange import to_csv

    frames = [up.events for up in uploads if not up.events.empty]
    if not frames:
        return to_csv(empty_events())
    return to_csv(pd.concat(frames, ignore_index=True))

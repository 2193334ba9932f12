"""Loading what the map shows: an article folder (read once) or an event table.

:func:`load_data` reads a folder of articles once (:func:`gazetteer.articles.load_folder`),
hands the :class:`~gazetteer.articles.Article` objects to the extractor, and keeps each
article's metadata and text so every excerpt can be checked against its article
(:func:`check_excerpts`). With an event table (ours or ACLED's layout) the folder is only
read for outlets, titles and texts. Bad input never raises here: it becomes a warning
naming the file (and line), and the rest still loads.
"""

from __future__ import annotations

__all__ = ["LoadedData", "article_record", "check_excerpts", "load_data", "load_store"]

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from gazetteer.articles import Article, load_folder
from gazetteer.dates import day_out_of_range
from gazetteer.errors import GazetteerError
from gazetteer.events import empty_events, text_or_empty


@dataclass(slots=True)
class LoadedData:
    """The event table, the articles' metadata and texts, and what went wrong loading."""

    events: pd.DataFrame
    articles: dict[str, dict[str, str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    source: str = ""


def load_data(seeds: str | Path, events: str | Path | None = None) -> LoadedData:
    """Load the events to show and the metadata of the articles behind them.

    Parameters
    ----------
    seeds : path
        Folder of articles. Extracted when ``events`` is None; otherwise only read for
        outlets, titles and to check excerpts.
    events : path, optional
        An event table (our layout or ACLED's) to show instead of extracting.

    Returns
    -------
    LoadedData
        Never raises for bad input: unreadable files and malformed rows become
        ``warnings``; a source that cannot be used at all becomes an entry of ``errors``
        and an empty table.
    """
    seeds = Path(seeds)
    out = LoadedData(events=empty_events())
    try:
        articles, article_warnings = load_folder(seeds)
    except GazetteerError as err:
        articles, article_warnings = [], [str(err)]
    out.articles = {a.file: article_record(a) for a in articles}
    if events is not None:
        from gazetteer.exchange import read_events

        try:
            frame, warns = read_events(events)
        except GazetteerError as err:
            out.errors.append(str(err))
            return out
        out.events, out.source = frame, f"event table {events}"
        out.warnings.extend(warns)
        cited = set(frame["source_file"].astype(str))
        out.articles = {k: v for k, v in out.articles.items() if k in cited}
    else:
        from gazetteer.extract import extract_articles

        out.warnings.extend(article_warnings)
        try:
            out.events = extract_articles(articles)
        except GazetteerError as err:
            out.errors.append(str(err))
            return out
        out.source = f"articles in {seeds}"
    out.events = _plausible_days(out.events, out.warnings)
    out.warnings.extend(check_excerpts(out.events, out.articles))
    return out


def load_store(path: str | Path, *, reviewed_only: bool = False) -> LoadedData:
    """Load what the corpus store at ``path`` holds: the effective events (decisions
    applied, a ``review_status`` column) and every article's metadata and text.

    ``reviewed_only`` keeps the confirmed and corrected events only. The store must
    exist (see :func:`gazetteer.ingest.open_store`); a store that cannot be read becomes
    an entry of ``errors``.
    """
    from gazetteer.review import effective_events
    from gazetteer.store import Store

    out = LoadedData(events=empty_events())
    try:
        with Store(path, create=False) as store:
            out.events = effective_events(store, reviewed_only=reviewed_only)
            out.articles = store.articles_records()
            counts = store.counts()
    except GazetteerError as err:
        out.errors.append(str(err))
        return out
    out.events = _plausible_days(out.events, out.warnings)
    shown = "reviewed events" if reviewed_only else "events"
    out.source = (f"{shown} of the corpus store {path} ({counts['articles']} articles, "
                  f"{counts['decisions']} review decisions)")
    return out


def _plausible_days(events: pd.DataFrame, warnings: list[str]) -> pd.DataFrame:
    """``events`` without rows dated (or published) outside 1900 .. a year from now,
    each reported with its article: a typo such as ``0204-11-21`` in an article would
    otherwise stretch the page's time slider over eighteen centuries."""
    if events.empty:
        return events
    keep = []
    for row in events.to_dict("records"):
        problem = ""
        for col in ("date", "published"):
            value = text_or_empty(row.get(col))
            if value and (problem := _day_problem(value)):
                problem = f"{col} {problem}"
                break
        if problem:
            warnings.append(f"{row.get('source_file')}: event {row.get('event_id')} at "
                            f"{row.get('place')}: {problem}; skipped")
        keep.append(not problem)
    return events[keep].reset_index(drop=True) if not all(keep) else events


def _day_problem(value: str) -> str:
    parts = [*value.split("-"), "01", "01"][:3]
    try:
        day = dt.date(*(int(p) for p in parts))
    except ValueError:
        return ""  # not a day at all: the timeline reports it
    return day_out_of_range(day) or ""


def article_record(article: Article) -> dict[str, str]:
    """An article's metadata and text as the plain strings the page shows."""
    return {"file": article.file, "outlet": article.outlet, "title": article.title,
            "url": article.url, "text": article.text,
            "published": article.published.isoformat() if article.published else ""}


def check_excerpts(events: pd.DataFrame, articles: Mapping[str, Mapping[str, str]]
                   ) -> list[str]:
    """One warning per event whose excerpt is not its article's text at its offsets."""
    problems = []
    if events.empty or not articles:
        return problems
    for row in events.to_dict("records"):
        art = articles.get(str(row.get("source_file")))
        if art is None:
            continue
        try:
            a, b = int(row["char_start"]), int(row["char_end"])
        except (TypeError, ValueError, KeyError):
            continue
        if art["text"][a:b] != str(row.get("excerpt")):
            problems.append(f"event {row.get('event_id')}: its excerpt is not the text of "
                            f"{row.get('source_file')} at [{a}:{b}]")
    return problems

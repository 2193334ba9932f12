"""Dated control events, with exact provenance, from news articles.

:func:`extract_article` is a pure function of one :class:`~gazetteer.articles.Article`
(the unit a Dask or Spark job would map over a corpus); :func:`extract_articles` and
:func:`extract_folder` assemble the event table, one row per event mention per article,
with the columns of :data:`~gazetteer.events.EVENT_COLUMNS` (then ``EXTRA_COLUMNS``).

The steps, one module each:

1. :mod:`~gazetteer.extract.matcher` compiles the rules (``rules/*.toml``) and the
   gazetteer's names into matchers, once per gazetteer.
2. :mod:`~gazetteer.extract.sentences` cuts the text into sentences (offsets kept).
3. :mod:`~gazetteer.extract.places` finds place mentions: gazetteer names, areas
   ("X Township"), and bases or villages the article locates by a known place
   (:mod:`~gazetteer.extract.sites`, placed by :mod:`~gazetteer.extract.anchors`; army
   units the gazetteer lacks: :mod:`~gazetteer.extract.units`).
4. :mod:`~gazetteer.extract.clauses` reads each trigger phrase (``rules/events.toml``):
   the places it speaks of and the cues that cancel it or make a capture an assault;
   :mod:`~gazetteer.extract.roles` finds its actor (the clause's subject, or "by/to
   ACTOR") and target, :mod:`~gazetteer.extract.timing` its date (the one stated with
   the place, else the nearest in the sentence, resolved by :mod:`gazetteer.dates`
   against the publication day).
5. :mod:`~gazetteer.extract.article` settles duplicates, lets a later undated mention of
   the same capture inherit its date (:mod:`~gazetteer.extract.story`: or an adjacent
   sentence's; background events long before publication are set aside), and writes
   each :class:`~gazetteer.events.Event` with its excerpt and offsets:
   ``article.text[char_start:char_end] == excerpt``.
6. What cannot be settled (a capture or assault phrase with no place the extractor can
   locate, :mod:`~gazetteer.extract.unplaced`, or no date) is kept as a
   :class:`~gazetteer.events.Candidate` with its reason:
   :func:`read_article`, :func:`extract_candidates` (one article, as the corpus store
   reads them), :func:`extract_with_candidates` (the two tables of many articles).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gazetteer.articles import Article, article_from_text, load_folder
from gazetteer.events import (
    CANDIDATE_COLUMNS,
    CANDIDATE_REASONS,
    CONTROL_TYPES,
    EVENT_COLUMNS,
    EXTRA_COLUMNS,
    Candidate,
    Event,
    candidates_frame,
    events_frame,
)
from gazetteer.extract.article import ArticleExtraction, extract_article, read_article
from gazetteer.extract.sentences import sentence_spans
from gazetteer.places import Gazetteer

__all__ = [
    "CANDIDATE_COLUMNS",
    "CANDIDATE_REASONS",
    "CONTROL_TYPES",
    "EVENT_COLUMNS",
    "EXTRA_COLUMNS",
    "ArticleExtraction",
    "Candidate",
    "Event",
    "Extraction",
    "candidates_frame",
    "events_frame",
    "extract_article",
    "extract_articles",
    "extract_candidates",
    "extract_folder",
    "extract_records",
    "extract_with_candidates",
    "read_article",
    "sentence_spans",
]


@dataclass(frozen=True)
class Extraction:
    """The tables of a set of articles: events and candidates.

    Attributes
    ----------
    events : pandas.DataFrame
        :data:`EVENT_COLUMNS` then :data:`EXTRA_COLUMNS` (see :func:`extract_articles`).
    candidates : pandas.DataFrame
        :data:`CANDIDATE_COLUMNS`: captures and assaults whose place or date could not be
        settled, each with its reason (:data:`CANDIDATE_REASONS`).
    """

    events: pd.DataFrame
    candidates: pd.DataFrame


def extract_with_candidates(articles: Sequence[Article] | Iterable[Article], *,
                            gazetteer: Gazetteer | None = None) -> Extraction:
    """The event table and the candidates table of several articles, in one pass."""
    gaz = gazetteer or Gazetteer.default()
    events: list[Event] = []
    candidates: list[Candidate] = []
    for article in articles:
        result = read_article(article, gazetteer=gaz)
        events.extend(result.events)
        candidates.extend(result.candidates)
    return Extraction(events_frame(events), candidates_frame(candidates))


def extract_candidates(article: Article, *, gazetteer: Gazetteer | None = None
                       ) -> list[Candidate]:
    """The candidates of one article (what the corpus store keeps beside its events):
    captures and assaults whose place or date could not be settled, each with its reason;
    ``candidate.row()`` is a dict keyed by :data:`CANDIDATE_COLUMNS`. For a table of many
    articles use :func:`extract_with_candidates`."""
    return read_article(article, gazetteer=gazetteer).candidates


def extract_articles(articles: Sequence[Article] | Iterable[Article], *,
                     gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """The event table of several articles (see :func:`extract_article`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EVENT_COLUMNS` then :data:`EXTRA_COLUMNS`, ordered by
        (source_file, char_start, place).
    """
    gaz = gazetteer or Gazetteer.default()
    events: list[Event] = []
    for article in articles:
        events.extend(extract_article(article, gazetteer=gaz))
    return events_frame(events)


def extract_folder(path: str | Path, *, gazetteer: Gazetteer | None = None,
                   max_bytes: int | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Load a folder of articles (:func:`gazetteer.articles.load_folder`) and extract.

    Returns
    -------
    (DataFrame, warnings)
        The event table (``frame.attrs["articles_read"]`` holds how many articles were
        read) and the loading warnings (each naming its file).
    """
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    articles, warnings = load_folder(path, **kwargs)
    frame = extract_articles(articles, gazetteer=gazetteer)
    frame.attrs["articles_read"] = len(articles)
    return frame, warnings


def extract_records(name: str, raw: bytes | str, published: str | None = None
                    ) -> list[dict[str, object]]:
    """Extract one article given as plain values: the function a distributed job maps.

    Parameters
    ----------
    name : str
        The article's file name (recorded as ``source_file``).
    raw : bytes or str
        Its content; bytes are decoded as files in a folder are.
    published : str, optional
        Publication day, ``YYYY-MM-DD``.

    Returns
    -------
    list of dict
        One dict per event, keyed by :data:`EVENT_COLUMNS` then :data:`EXTRA_COLUMNS`;
        plain Python values, ready for a Dask bag or a Spark row.
    """
    article = article_from_text(name, raw, published=published)
    return [event.row() for event in extract_article(article)]

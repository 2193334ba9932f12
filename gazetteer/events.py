"""The event table's contract: its columns, event types, flags and dates at a precision.

Every step that makes or reads events (the extractor, :mod:`gazetteer.exchange`,
:mod:`gazetteer.timeline`, :mod:`gazetteer.trends` and the web page) uses this module, so
the table is defined once:

- :data:`EVENT_COLUMNS` then :data:`EXTRA_COLUMNS`, in that order, one row per event
  mention per article; :class:`Event` is one row as a frozen value. ``extent``
  (:data:`EXTENTS`) marks a partial capture ("took much of the town"): a capture that
  leaves the place contested, never a change of control (:func:`is_partial`,
  :func:`event_label` for readers).
- :data:`EVENT_TYPES`: :data:`CONTROL_TYPES` (capture, assault, held) change or state who
  controls a place; the others (airstrike, shelling, meeting, clash) are context only.
  :data:`CHANGE_TYPES` are the control types that report a change.
- Dates are ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` at ``date_precision`` day, month or
  year (:func:`parse_event_date`, :func:`format_date`, :func:`period_start`,
  :func:`describe_date`).
- :data:`CANDIDATE_COLUMNS`: the candidates table (captures and assaults whose place or
  date could not be settled, with the reason); :class:`Candidate` is one row.
- :func:`normalize_events` types a frame read from anywhere once: text columns as ``str``
  (missing -> ""), offsets as integers, flags as ``bool`` (:func:`is_true`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = [
    "CANDIDATE_COLUMNS",
    "CANDIDATE_REASONS",
    "CHANGE_TYPES",
    "CONTROL_TYPES",
    "DATE_PRECISIONS",
    "EVENT_COLUMNS",
    "EVENT_TYPES",
    "EXTENTS",
    "EXTRA_COLUMNS",
    "RECENT_DAYS",
    "Candidate",
    "Event",
    "candidates_frame",
    "describe_date",
    "empty_events",
    "event_label",
    "event_start_days",
    "events_frame",
    "format_date",
    "is_missing",
    "is_partial",
    "is_true",
    "normalize_events",
    "parse_event_date",
    "period_start",
    "text_or_empty",
]

#: The event table's columns, in order (the data contract).
EVENT_COLUMNS = (
    "event_id", "date", "date_precision", "event_type", "place", "lat", "lon", "actor",
    "target", "source_file", "published", "excerpt", "char_start", "char_end", "confidence",
)
#: Extra columns written after :data:`EVENT_COLUMNS`.
EXTRA_COLUMNS = ("place_approximate", "highlight_start", "highlight_end", "published_basis",
                 "extent")
#: Values of the ``extent`` column: "" (the place as a whole, or not said) or "partial" (a
#: capture of part of the place only: "took much of the town"). A partial capture is a
#: report that the place is fought over, never a change of control (:func:`is_partial`).
EXTENTS = ("", "partial")
#: Event types that change or state who controls a place, in the order they apply on a day.
CONTROL_TYPES = ("held", "assault", "capture")
#: Control types that report a change (the "what changed" list, the trends).
CHANGE_TYPES = ("capture", "assault")
#: Every event type a rule may produce; the ones outside CONTROL_TYPES are context only.
EVENT_TYPES = (*CONTROL_TYPES, "airstrike", "shelling", "meeting", "clash")
#: Precisions of an event date, finest first.
DATE_PRECISIONS = ("day", "month", "year")
#: A place whose status changed less than this many days before the chosen day is "recent".
RECENT_DAYS = 30

_TRUE = frozenset({"true", "1", "yes", "y", "t"})
_MISSING = frozenset({"", "nan", "none", "<na>", "nat"})
_TEXT_COLUMNS = ("event_id", "date", "date_precision", "event_type", "place", "actor",
                 "target", "source_file", "published", "excerpt", "published_basis",
                 "extent")
_INT_COLUMNS = ("char_start", "char_end", "highlight_start", "highlight_end")


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention in one article.

    Attributes
    ----------
    event_id : str
        12 hex digits of SHA-1 over source_file, char_start, char_end, event_type, place.
    date : str
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` per ``date_precision``; empty if unknown.
    date_precision : str
        ``"day"``, ``"month"``, ``"year"``, or empty with no date.
    event_type : str
        One of :data:`EVENT_TYPES`.
    place : str
        The gazetteer's canonical name, or an article-named place ("outpost near Waingmaw").
    lat, lon : float
        WGS84 decimal degrees.
    actor, target : str
        Canonical actors (actors.toml); empty when not stated.
    source_file, published : str
        The article's file name and publication day (``YYYY-MM-DD`` or empty).
    excerpt : str
        ``Article.text[char_start:char_end]``: the sentence stating the event.
    confidence : float
        0..1, from the rules' weights (events.toml ``[confidence]``).
    place_approximate : bool
        The coordinates are an estimate (article-named place, or so in the gazetteer).
    highlight_start, highlight_end : int
        Offsets of the trigger phrase in ``Article.text``.
    published_basis : str
        Where ``published`` comes from (:attr:`gazetteer.articles.Article.published_basis`:
        "sources.csv", the file's date header, inferred from the text, ...); empty with no
        publication date.
    extent : str
        One of :data:`EXTENTS`: "partial" for a capture of part of the place ("took much
        of the town", "seized two thirds of X"). The extractor writes such a capture
        together with an assault from the same sentence; the timeline reads it as the
        place being contested, never as a change of control. Empty otherwise.
    """

    event_id: str
    date: str
    date_precision: str
    event_type: str
    place: str
    lat: float
    lon: float
    actor: str
    target: str
    source_file: str
    published: str
    excerpt: str
    char_start: int
    char_end: int
    confidence: float
    place_approximate: bool
    highlight_start: int
    highlight_end: int
    published_basis: str = ""
    extent: str = ""

    def row(self) -> dict[str, Any]:
        """The event as a dict in column order (:data:`EVENT_COLUMNS` + extras)."""
        return _row(self)


# -- cells ------------------------------------------------------------------------------
def is_missing(value: object) -> bool:
    """True for None, NaN, and text that only says "missing" ("", "nan", "None", "NaT")."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return str(value).strip().casefold() in _MISSING


def is_true(value: object) -> bool:
    """A flag cell as a bool: True, 1, or text "true", "1", "yes", "y", "t" (any case)."""
    if isinstance(value, str):
        return value.strip().casefold() in _TRUE
    if is_missing(value):
        return False
    return bool(value)


def text_or_empty(value: object) -> str:
    """A text cell stripped, or "" when it is missing (see :func:`is_missing`)."""
    return "" if is_missing(value) else str(value).strip()


def is_partial(event_type: object, extent: object) -> bool:
    """Whether a row is a partial capture (``capture`` with ``extent`` "partial")."""
    return text_or_empty(event_type) == "capture" and text_or_empty(extent) == "partial"


def event_label(event_type: object, extent: object = "") -> str:
    """The event's type in words for readers: "partial capture" for a capture of part of
    a place, else the type itself."""
    return "partial capture" if is_partial(event_type, extent) else text_or_empty(event_type)


# -- tables -----------------------------------------------------------------------------
def empty_events() -> pd.DataFrame:
    """An event table with no row and every column."""
    return pd.DataFrame({c: pd.Series(dtype=object)
                         for c in (*EVENT_COLUMNS, *EXTRA_COLUMNS)})


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Events as a DataFrame with :data:`EVENT_COLUMNS` then :data:`EXTRA_COLUMNS`,
    ordered by (source_file, char_start, place, event_type, highlight_start)."""
    rows = [e.row() for e in events]
    frame = pd.DataFrame(rows, columns=[*EVENT_COLUMNS, *EXTRA_COLUMNS])
    return frame.sort_values(["source_file", "char_start", "place", "event_type",
                              "highlight_start"], kind="stable").reset_index(drop=True)


def normalize_events(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` typed once: text columns ``str`` ("" for missing), offsets
    ``Int64`` (missing stays <NA>), ``lat``/``lon``/``confidence`` float, and
    ``place_approximate`` bool. Columns the frame lacks are left out; others are kept."""
    out = frame.copy()
    for col in _TEXT_COLUMNS:
        if col in out:
            out[col] = [text_or_empty(v) for v in out[col].tolist()]
    for col in _INT_COLUMNS:
        if col in out:
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("Int64")
    for col in ("lat", "lon", "confidence"):
        if col in out:
            out[col] = pd.to_numeric(out[col], errors="coerce")
    if "place_approximate" in out:
        out["place_approximate"] = [is_true(v) for v in out["place_approximate"].tolist()]
    return out


# -- dates at a precision ---------------------------------------------------------------
def parse_event_date(value: object, precision: object = None) -> tuple[dt.date, dt.date, str]:
    """The span of days an event date may denote.

    Parameters
    ----------
    value : str or datetime.date
        ``YYYY-MM-DD``, ``YYYY-MM`` (month precision) or ``YYYY`` (year precision).
    precision : {"day", "month", "year"}, optional
        Checked against the value's form; inferred from it when missing.

    Returns
    -------
    (start, end, precision)
        First and last possible day (inclusive) and the precision. A month-precision
        date starts on the 1st of the month.

    Raises
    ------
    ValueError
        The value is empty, malformed, or does not fit ``precision``.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value, "day"
    text = "" if value is None else str(value).strip()
    parts = text.split("-")
    form = {1: "year", 2: "month", 3: "day"}.get(len(parts))
    if not text or form is None or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"date {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    wanted = text_or_empty(precision)
    if wanted and wanted != form:
        raise ValueError(f"date {text!r} does not fit precision {wanted!r}")
    nums = [int(p) for p in parts]
    if len(nums) > 1 and not 1 <= nums[1] <= 12:
        raise ValueError(f"date {text!r} has no month {nums[1]}")
    if form == "year":
        return dt.date(nums[0], 1, 1), dt.date(nums[0], 12, 31), form
    if form == "month":
        last = calendar.monthrange(nums[0], nums[1])[1]
        return dt.date(nums[0], nums[1], 1), dt.date(nums[0], nums[1], last), form
    try:
        day = dt.date(*nums)
    except ValueError as err:
        raise ValueError(f"date {text!r} is not a real day ({err})") from None
    return day, day, form


def format_date(day: dt.date | None, precision: str = "day") -> str:
    """``day`` written at its precision: ``2024-11-20``, ``2024-05`` or ``2024``."""
    if day is None:
        return ""
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "year":
        return f"{day.year:04d}"
    return day.isoformat()


def period_start(value: object) -> str:
    """The first day of a date at its precision, as ``YYYY-MM-DD`` text ("2024-05" ->
    "2024-05-01", "2024" -> "2024-01-01"); other text is returned stripped."""
    text = text_or_empty(value)
    if len(text) == 4:
        return f"{text}-01-01"
    if len(text) == 7:
        return f"{text}-01"
    return text


def describe_date(value: object, precision: object = "day") -> str:
    """An event date in words for readers: "on 2024-11-20", "in 2024-05 (day not
    known)", "in 2024 (day and month not known)", or "(undated)"."""
    text = text_or_empty(value)
    if not text:
        return "(undated)"
    precision = text_or_empty(precision) or "day"
    if precision == "month":
        return f"in {text} (day not known)"
    if precision == "year":
        return f"in {text} (day and month not known)"
    return f"on {text}"


def event_start_days(events: pd.DataFrame) -> pd.Series:
    """Each event's first possible day (``datetime.date``; a month or year counts from its
    first day); an undated event counts from its publication day, and an event with
    neither gives None. Index aligned with ``events``."""
    out: list[dt.date | None] = []
    dates = events["date"].tolist() if "date" in events else [None] * len(events)
    published = events["published"].tolist() if "published" in events else [None] * len(events)
    for value, pub in zip(dates, published, strict=True):
        try:
            out.append(parse_event_date(pub if is_missing(value) else value)[0])
        except ValueError:
            out.append(None)
    return pd.Series(out, index=events.index, dtype=object)


# -- candidates ---------------------------------------------------------------------------
#: The candidates table's columns, in order: a sentence with a capture or assault phrase
#: whose place or date the extractor could not settle, kept for an analyst to settle.
CANDIDATE_COLUMNS = (
    "candidate_id", "reason", "event_type", "mention", "place", "lat", "lon", "date",
    "date_precision", "actor", "source_file", "published", "excerpt", "char_start",
    "char_end", "highlight_start", "highlight_end",
)
#: Why a candidate was kept (the ``reason`` column), most serious first.
CANDIDATE_REASONS = (
    "no_place",         # the phrase names no place the gazetteer or the article locates
    "unlocated_place",  # a named camp, base or village the article does not locate
    "historical",       # dated long before publication: background, not news
)
# An event with a place but no date, or a place chosen among several of the same name, is
# in the event table (empty date; lower confidence), reviewed there, not here.


@dataclass(frozen=True, slots=True)
class Candidate:
    """A capture or assault the extractor could not settle, with the reason.

    Attributes
    ----------
    candidate_id : str
        12 hex digits of SHA-1 over source_file, char_start, highlight_start, reason,
        mention.
    reason : str
        One of :data:`CANDIDATE_REASONS`.
    event_type : str
        ``"capture"`` or ``"assault"``.
    mention : str
        The words that name the place, as written ("Gang Dau Yang", "a regional military
        command"); empty when nothing does.
    place : str
        The place the extractor chose, when it chose one; else empty.
    lat, lon : float or None
        WGS84 decimal degrees of ``place``; None without a place.
    date, date_precision : str
        As in the event table; empty when unknown.
    actor : str
        Canonical actor, when stated.
    source_file, published, excerpt, char_start, char_end, highlight_start, highlight_end
        As in the event table: ``excerpt`` is the article's text at
        ``[char_start:char_end]``, the phrase at ``[highlight_start:highlight_end]``.
    """

    candidate_id: str
    reason: str
    event_type: str
    mention: str
    place: str
    lat: float | None
    lon: float | None
    date: str
    date_precision: str
    actor: str
    source_file: str
    published: str
    excerpt: str
    char_start: int
    char_end: int
    highlight_start: int
    highlight_end: int

    def row(self) -> dict[str, Any]:
        """The candidate as a dict in :data:`CANDIDATE_COLUMNS` order."""
        return _row(self)


def _row(record: Event | Candidate) -> dict[str, Any]:
    """A record's fields as a dict in field order: what :func:`dataclasses.asdict` gives
    for these flat records of numbers and strings, without its recursive deep copy (a
    sixth of the extraction time)."""
    return {f: getattr(record, f) for f in record.__slots__}


def candidates_frame(candidates: Iterable[Candidate]) -> pd.DataFrame:
    """Candidates as a DataFrame with :data:`CANDIDATE_COLUMNS`, ordered by (source_file,
    char_start, highlight_start, reason)."""
    frame = pd.DataFrame([c.row() for c in candidates], columns=list(CANDIDATE_COLUMNS))
    return frame.sort_values(["source_file", "char_start", "highlight_start", "reason"],
                             kind="stable").reset_index(drop=True)

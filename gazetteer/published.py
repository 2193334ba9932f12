"""A publication date read from an article's text, when no metadata gives one.

:func:`infer_published` reads, in turn: a leading ``date`` header, a dateline, a line at
the top that holds only a date, then the latest dated event of the story (a weekday with a
day and month only when one year fits). Weekdays in the text must agree with the day
chosen. The answer (:class:`PublishedGuess`) always says its basis; a story with no usable
date gets None, never a guess. Yearless stories are tried by :mod:`gazetteer.yearless`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

#: A leading "date YYYY-MM-DD" line, the seeds' header.
DATE_HEADER = re.compile(r"\A[ \t\r\n]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\n|\Z)",
                     re.IGNORECASE)


def iso_day(value: str) -> dt.date | None:
    """``YYYY-MM-DD`` text as a date; None for anything else (or no real day)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


#: How far into the text a dateline or a dated line counts as "at the top" (characters).
HEAD_CHARS = 400
#: A weekday-dated line at the top (often a site's display date, not the publication
#: day) is refused when the text's own latest dated event lies more days before it.
STAMP_MAX_GAP_DAYS = 31
#: A weekday with a day and month but no year ("Tuesday, December 19") is given the one
#: year of this many years up to the latest year the text states (or the current year)
#: in which that day falls on that weekday; none or several: no inference.
WEEKDAY_YEAR_WINDOW = 6

_MONTHS = {m.lower(): i for i, names in enumerate((
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
    ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
    ("September", "Sep", "Sept"), ("October", "Oct"), ("November", "Nov"),
    ("December", "Dec")), 1) for m in names}
_MONTH = r"(?P<{0}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")"
_FULL_DATE = (r"(?i:(?:" + _MONTH.format("m1") + r"\s+" + _DAY.format("d1") + r",?\s+"
              r"|" + _DAY.format("d2") + r"\s+" + _MONTH.format("m2") + r",?\s+)"
              r"(?P<year>(?:19|20)\d\d)\b|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b)")
_DATE_RE = re.compile(_FULL_DATE, re.IGNORECASE)
_DATELINE = re.compile(r"^[ \t]*(?!(?i:" + "|".join(_WEEKDAYS) + r")\b)"
                       r"(?P<place>[A-Z][A-Za-z'.-]+(?:[ \t]+[A-Z][A-Za-z'.-]+){0,3})"
                       r"[ \t]*,[ \t]*(?P<date>" + _FULL_DATE + r")", re.MULTILINE)
_DATED_LINE = re.compile(r"^[ \t]*(?:(?:published|updated|posted)(?:\s+on)?\s*:?\s*)?"
                         r"(?:" + _WEEKDAY + r",?\s+)?(?P<date>" + _FULL_DATE + r")"
                         r"[ \t,]*(?:\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?)?[ \t]*$",
                         re.IGNORECASE | re.MULTILINE)
_WEEKDAY_DATE = re.compile(_WEEKDAY + r"\b[,\s(]+(?:the\s+)?(?:" + _MONTH.format("m1")
                           + r"\s+" + _DAY.format("d1") + r"|" + _DAY.format("d2")
                           + r"\s+(?:of\s+)?" + _MONTH.format("m2") + r")\b"
                           r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PublishedGuess:
    """A publication day read from an article's text, and how (for ``published_basis``).

    ``basis`` starts with "inferred from text:" and names the evidence, e.g. "inferred
    from text: dateline 'YANGON, Oct 18, 2025'".
    """

    day: dt.date
    basis: str


def _date_of(m: re.Match[str]) -> dt.date | None:
    """The day a :data:`_FULL_DATE` match states, or None when it is not a real day."""
    try:
        if m["iso"]:
            return dt.date.fromisoformat(m["iso"])
        month = _MONTHS[(m["m1"] or m["m2"]).lower().rstrip(".")]
        return dt.date(int(m["year"]), month, int(m["d1"] or m["d2"]))
    except ValueError:
        return None


def _weekday_dates(text: str) -> list[tuple[int, int, int, int | None, str]]:
    """``(weekday 0-6, month, day, year or None, as written)`` for "Tuesday, December
    19" and alike."""
    found = []
    for m in _WEEKDAY_DATE.finditer(text):
        month = _MONTHS[(m["m1"] or m["m2"]).lower().rstrip(".")]
        day = int(m["d1"] or m["d2"])
        year = int(m["year"]) if m["year"] else None
        found.append((_WEEKDAYS.index(m["wd"].lower()), month, day, year, m.group(0)))
    return found


def _stated_dates(text: str) -> list[tuple[dt.date, str, int]]:
    """Every full date with a year the text states: ``(day, as written, offset)``."""
    return [(d, m.group(0), m.start()) for m in _DATE_RE.finditer(text)
            if (d := _date_of(m))]


def _weekday_agrees(day: dt.date, pairs: list[tuple[int, int, int, int | None, str]]
                    ) -> bool:
    """True when each "Weekday, Month Day" of the text falls on its weekday, counting a
    day without a year as the latest such day on or before ``day`` (plus one day)."""
    for weekday, month, mday, year, _ in pairs:
        y = year if year is not None else day.year
        try:
            when = dt.date(y, month, mday)
            if year is None and when > day + dt.timedelta(days=1):
                when = dt.date(y - 1, month, mday)
        except ValueError:
            return False
        if when.weekday() != weekday:
            return False
    return True


def _pinned(pairs: list[tuple[int, int, int, int | None, str]], latest_year: int
            ) -> list[tuple[dt.date, str]]:
    """Weekday dates without a year, each given the one year of the window that fits."""
    pinned = []
    for weekday, month, mday, year, written in pairs:
        if year is not None:
            continue
        fits = []
        for y in range(latest_year - WEEKDAY_YEAR_WINDOW, latest_year + 1):
            try:
                if dt.date(y, month, mday).weekday() == weekday:
                    fits.append(dt.date(y, month, mday))
            except ValueError:
                continue
        if len(fits) == 1:
            pinned.append((fits[0], f"{written!r} (a {_WEEKDAYS[weekday].title()} only in "
                                    f"{fits[0].year} of {latest_year - WEEKDAY_YEAR_WINDOW}-"
                                    f"{latest_year})"))
    return pinned


def _top_candidates(head: str) -> list[tuple[dt.date, str, bool, range]]:
    """``(day, basis, weekday-stamped, span)`` for a dateline or a dated line at the top."""
    found = []
    for m in _DATELINE.finditer(head):
        day = _date_of(m)
        if day is not None:
            found.append((day, f"dateline {m.group(0).strip()!r}", False,
                          range(m.start(), m.end())))
    for m in _DATED_LINE.finditer(head):
        day = _date_of(m)
        if day is not None:
            found.append((day, f"dated line at the top {m.group(0).strip()!r}",
                          bool(m["wd"]), range(m.start(), m.end())))
    return found


def _events(stated: list[tuple[dt.date, str, int]],
            pairs: list[tuple[int, int, int, int | None, str]], today: dt.date, *,
            skip: list[range]) -> list[tuple[dt.date, str]]:
    """Dated events of the text (full dates, and weekday dates pinned to one year), less
    the dates written inside the ``skip`` spans (a refused top line)."""
    kept = [(d, repr(w)) for d, w, at in stated if not any(at in r for r in skip)]
    latest_year = max([d.year for d, _ in kept] or [today.year])
    return [(d, w) for d, w in (*kept, *_pinned(pairs, latest_year)) if d <= today]


def infer_published(text: str, *, today: dt.date | None = None) -> PublishedGuess | None:
    """The publication day an article's text gives, when no metadata does.

    Evidence, strongest first:

    1. a leading ``date YYYY-MM-DD`` header;
    2. a dateline ("YANGON, Oct 18, 2025 (AFP) -") or a line holding only a full date
       ("16 Oct 2024", "Published on Sept. 18, 2023, 9:33 a.m.") within the first
       :data:`HEAD_CHARS` characters. A line that also names a weekday ("Monday, June 24,
       2024") is often the site's display date: it is refused when the text's latest dated
       event lies more than :data:`STAMP_MAX_GAP_DAYS` days before it;
    3. the latest dated event of the text, the publication day being on or after it: a
       full date with its year, or a weekday with day and month ("Tuesday, December 19")
       that fits one year only (:data:`WEEKDAY_YEAR_WINDOW`);
    4. an anniversary of a founding year the text states ("its 63rd anniversary", "founded
       in 1960"), giving the year of the text's day-month dates
       (:func:`gazetteer.yearless.anniversary_guess`).

    Every "Weekday, Month Day" of the text must fall on its weekday for the candidate
    day; a candidate it contradicts is dropped. Days after ``today`` are never returned.

    Parameters
    ----------
    text : str
        The article's text (cleaned or raw).
    today : datetime.date, optional
        The current day (default: the system's), the latest day that can be returned.

    Returns
    -------
    PublishedGuess or None
        The day and a basis string for :attr:`Article.published_basis`; None when the text
        settles nothing (then the article stays undated, with a warning).
    """
    today = today or dt.date.today()
    header = DATE_HEADER.match(text)
    if header and iso_day(header.group(1)) is not None:
        day = iso_day(header.group(1))
        if day is not None and day <= today:
            return PublishedGuess(day, f"the file's 'date {day}' header")
    pairs = _weekday_dates(text)
    stated = [(d, w, at) for d, w, at in _stated_dates(text) if d <= today]
    top = [c for c in _top_candidates(text[:HEAD_CHARS]) if c[0] <= today]
    refused: list[range] = []
    for day, basis, stamped, span in top:
        if not _weekday_agrees(day, pairs):
            refused.append(span)
            continue
        events = _events(stated, pairs, today, skip=[span])
        earlier = [d for d, _ in events if d < day]
        if stamped and earlier and (day - max(earlier)).days > STAMP_MAX_GAP_DAYS:
            refused.append(span)
            continue
        return PublishedGuess(day, f"inferred from text: {basis}")
    latest = max(_events(stated, pairs, today, skip=refused), default=None)
    if latest is not None and _weekday_agrees(latest[0], pairs):
        return PublishedGuess(latest[0], f"inferred from text: latest dated event "
                                         f"{latest[1]}; published on or after it")
    from gazetteer.yearless import anniversary_guess  # it imports this module

    return anniversary_guess(text, today=today)

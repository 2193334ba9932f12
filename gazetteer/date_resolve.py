"""What one matched date expression denotes, against the publication day.

:func:`resolve_match` turns a match of :func:`gazetteer.date_rules.scan` into a
:class:`ResolvedDate`: absolute dates (a day or month without a year is the latest such
date not after publication, or takes a carried year), weekdays, phrases counted from the
publication day and phrases counted from the date stated before. The calendar arithmetic
(month and year parts, weeks, precisions) lives here too. :mod:`gazetteer.dates` runs the
resolution over a whole text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from gazetteer.date_rules import DateTables

Precision = Literal["day", "month", "year"]
DateKind = Literal["absolute", "weekday", "relative", "anchored"]

__all__ = ["DateKind", "Precision", "ResolvedDate", "date_value", "month_of", "resolve_match",
           "stated_year", "year_reference"]


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date expression found in a text and what it denotes.

    Attributes
    ----------
    value : str
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, per ``precision``.
    precision : {"day", "month", "year"}
    start, end : datetime.date
        First and last day the expression may denote (inclusive).
    text : str
        The expression as written, including a leading "on", "since", ... when present.
    char_start, char_end : int
        Offsets of ``text`` in the string that was searched.
    kind : {"absolute", "weekday", "relative", "anchored"}
        Stated outright; a weekday; counted from the publication day; counted from the
        date stated before it.
    since : bool
        The expression opens a period ("since Dec. 4", "from 4 December").
    """

    value: str
    precision: Precision
    start: dt.date
    end: dt.date
    text: str
    char_start: int
    char_end: int
    kind: DateKind = "absolute"
    since: bool = False


def stated_year(m: re.Match[str]) -> int | None:
    for group in ("dmy_y", "mdy_y", "my_y", "yr_y"):
        if m.group(group):
            return int(m.group(group))
    if m.group("iso_v"):
        return int(m.group("iso_v")[:4])
    return None






def resolve_match(m: re.Match[str], t: DateTables, published: dt.date | None, carried: int | None,
             anchor_year: int | None, previous: ResolvedDate | None,
             that_year: int | None = None) -> ResolvedDate | None:
    """Resolve one matched date phrase to a :class:`ResolvedDate` (or None when it names
    no usable day). One branch per kind of phrase (ISO, day-month, month-day, month-year,
    year, weekday, relative), kept together so their order of precedence is visible."""
    kind = m.lastgroup
    g = m.group
    lead = g(f"{kind}_lead") if kind in ("iso", "dmy", "mdy", "my", "mon", "yr", "wd",
                                         "ord", "hol") else ""
    since = _first_word(lead) in t.since_words

    def made(start: dt.date, end: dt.date, precision: Precision, k: DateKind = "absolute"
             ) -> ResolvedDate:
        return ResolvedDate(date_value(start, precision), precision, start, end, m.group(0),
                            m.start(), m.end(), k, since)

    if kind == "iso":
        day = dt.date.fromisoformat(g("iso_v"))
        return made(day, day, "day")
    if kind in ("dmy", "mdy"):
        month = t.months[_month_key(g(f"{kind}_m"))]
        day_n = int(re.sub(r"\D", "", g(f"{kind}_d") or g("mdy_bd")))
        stated = g(f"{kind}_y")
        if stated:
            year: int | None = int(stated)
        elif g(f"{kind}_rel"):
            year = _referenced_year(t, g(f"{kind}_rel"), published, that_year)
        else:
            year = _infer_year(month, day_n, published, carried, anchor_year)
        if year is None:
            return None
        day = dt.date(year, month, day_n)
        if kind == "mdy" and g("mdy_past") and day == published and not stated:
            day = dt.date(year - 1, month, day_n) if _valid(year - 1, month, day_n) else day
        return made(day, day, "day")
    if kind == "hol":  # "on New Year's Eve": its month and day, the year as for "Dec 31"
        month, day_n = t.holidays[" ".join(g("hol_v").casefold().split())]
        year = int(g("hol_y")) if g("hol_y") else \
            _infer_year(month, day_n, published, carried, anchor_year)
        if year is None:
            return None
        day = dt.date(year, month, day_n)
        return made(day, day, "day")
    if kind in ("my", "mon"):
        month = t.months[_month_key(g(f"{kind}_m"))]
        part = _month_part(t, g(f"{kind}_part"), g(f"{kind}_lead"))
        if kind == "my":
            year = int(g("my_y")) if g("my_y") else \
                _referenced_year(t, g("my_rel"), published, that_year)
        else:
            before = "last" in (g("mon_lead") or "").casefold().split()
            year = _infer_month_year(month, published, carried, anchor_year, strictly=before)
        if year is None:
            return None
        start, end = _month_span(year, month, part)
        return made(start, end, "month")
    if kind == "yr":
        year = int(g("yr_y"))
        part = t.year_parts.get((g("yr_part") or "").casefold())
        start, end = _year_span(year, part)
        return made(start, end, "year")
    if kind == "wd":
        if published is None:
            return None
        weekday = t.weekdays[g("wd_d").casefold()]
        mode = t.weekday_words.get(" ".join((g("wd_lead") or "").casefold().split()),
                                   "on_or_before")
        if g("wd_pre") or g("wd_week"):  # "on Wednesday last week": that week's Wednesday
            day = published - dt.timedelta(days=published.weekday() + 7 - weekday)
        else:
            day = _weekday(published, weekday, mode)
        return made(day, day, "day", "weekday")
    if kind == "cnt":
        raw_n = g("cnt_n").casefold()
        n = int(raw_n) if raw_n.isdigit() else t.numbers[raw_n]
        how = t.counted[g("cnt_w").casefold()]
        sign = 1 if how.endswith("+") else -1
        base = published if how.startswith("published") else _anchor_day(previous)
        if base is None:
            return None
        start, end = _majority_month(*_shift(base, g("cnt_u").casefold(), sign * n))
        precision = _container(start, end)
        if how.startswith("anchor") and previous is not None:
            precision = _coarser(precision, previous.precision)
            start, end = _widen(start, end, precision)
        return made(start, end, precision,
                    "relative" if how.startswith("published") else "anchored")
    if kind == "ord":
        day = _ordinal_day(int(re.sub(r"\D", "", g("ord_d"))), published, previous)
        return None if day is None else made(day, day, "day", "anchored" if previous
                                             is not None else "relative")
    if kind == "phr":
        phrase_kind, unit, offset, part = t.phrases[" ".join(g("phr_v").casefold().split())]
        base = published if phrase_kind == "relative" else _anchor_day(previous)
        if base is None:
            return None
        start, end = _majority_month(*_shift(base, unit, offset))
        if part and unit == "month":
            start, end = _month_span(start.year, start.month, t.month_parts.get(part))
        elif part and unit == "year":
            start, end = _year_span(start.year, t.year_parts.get(part))
        precision = {"day": "day", "month": "month", "year": "year"}.get(unit) \
            or _container(start, end)
        if phrase_kind == "anchored" and previous is not None:
            precision = _coarser(precision, previous.precision)
            start, end = _widen(start, end, precision)
        return made(start, end, precision, phrase_kind)  # type: ignore[arg-type]
    return None


def year_reference(m: re.Match[str]) -> bool:
    kind = m.lastgroup
    return kind in ("dmy", "mdy", "my") and bool(m.group(f"{kind}_rel"))


def _referenced_year(t: DateTables, words: str, published: dt.date | None,
                     that_year: int | None) -> int | None:
    """The year "that year", "last year", "the following year" name (dates.toml)."""
    how = t.year_references[" ".join(words.casefold().split())]
    base = published.year if how.startswith("published") and published else \
        that_year if how.startswith("stated") else None
    if base is None:
        return None
    return base + int(how.split("+")[-1]) if "+" in how else \
        base - int(how.split("-")[-1]) if "-" in how else base


def _first_word(text: str | None) -> str:
    words = (text or "").casefold().split()
    return words[0] if words else ""


def _month_key(raw: str) -> str:
    return raw.rstrip(".").casefold()


def _month_part(t: DateTables, part: str | None, lead: str | None) -> tuple[int, int] | None:
    for candidate in (part, lead):
        key = " ".join((candidate or "").casefold().split())
        if key in t.month_parts:
            return t.month_parts[key]
        last = key.split(" ")[-1] if key else ""
        if last in t.month_parts:
            return t.month_parts[last]
    return None


def _infer_year(month: int, day: int, published: dt.date | None, carried: int | None,
                anchor_year: int | None) -> int | None:
    if carried is not None and _valid(carried, month, day) and (
            published is None or dt.date(carried, month, day) <= published):
        return carried
    if published is not None:
        for year in range(published.year, published.year - 9, -1):
            if _valid(year, month, day) and dt.date(year, month, day) <= published:
                return year
        return None
    if anchor_year is not None and _valid(anchor_year, month, day):
        return anchor_year
    return None


def _infer_month_year(month: int, published: dt.date | None, carried: int | None,
                      anchor_year: int | None, *, strictly: bool) -> int | None:
    if carried is not None and (published is None
                                or (carried, month) <= (published.year, published.month)):
        return carried
    if published is not None:
        after = (month > published.month) or (strictly and month == published.month)
        return published.year - 1 if after else published.year
    return anchor_year


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _month_span(year: int, month: int, part: tuple[int, int] | None
                ) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = part if part else (1, last)
    return dt.date(year, month, min(first_day, last)), dt.date(year, month, min(last_day, last))


def _year_span(year: int, part: tuple[int, int] | None) -> tuple[dt.date, dt.date]:
    first, last = part if part else (1, 12)
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _weekday(published: dt.date, weekday: int, mode: str) -> dt.date:
    if mode == "before":
        return published - dt.timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)
    if mode == "after":
        return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _anchor_day(previous: ResolvedDate | None) -> dt.date | None:
    return previous.start if previous is not None else None


def _shift(base: dt.date, unit: str, offset: int) -> tuple[dt.date, dt.date]:
    if unit == "day":
        day = base + dt.timedelta(days=offset)
        return day, day
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "weekend":  # the Saturday and Sunday on or before base ("over the weekend");
        # offset -1 on a weekend day: the one before ("last weekend", said on a Sunday)
        saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        if offset < 0 and base.weekday() >= 5:
            saturday -= dt.timedelta(weeks=-offset)
        return saturday, saturday + dt.timedelta(days=1)
    if unit == "month":
        index = base.year * 12 + base.month - 1 + offset
        return _month_span(index // 12, index % 12 + 1, None)
    return _year_span(base.year + offset, None)


def _ordinal_day(day_n: int, published: dt.date | None, previous: ResolvedDate | None
                 ) -> dt.date | None:
    """"On the 16th": that day of the month of the date stated before it (a day or a
    month), else of the publication month, or of the month before when the 16th is still
    to come; None when no such day exists or nothing anchors it."""
    if previous is not None and previous.precision in ("day", "month"):
        year, month = previous.start.year, previous.start.month
    elif published is not None:
        year, month = published.year, published.month
        if day_n > published.day:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    else:
        return None
    return dt.date(year, month, day_n) if _valid(year, month, day_n) else None


def _majority_month(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """A week or weekend that runs into a second month, cut to the month holding most of
    its days ("last week", said on 3 March: 24 February to 2 March, read as February):
    the month an analyst would write, not a whole year."""
    if (start.year, start.month) == (end.year, end.month) or (end - start).days > 7:
        return start, end
    first_of_next = end.replace(day=1)
    if (first_of_next - start).days >= (end - first_of_next).days + 1:
        return start, first_of_next - dt.timedelta(days=1)
    return first_of_next, end


def _container(start: dt.date, end: dt.date) -> Precision:
    if start == end:
        return "day"
    if (start.year, start.month) == (end.year, end.month):
        return "month"
    return "year"


_ORDER = {"day": 0, "month": 1, "year": 2}


def _coarser(a: Precision, b: Precision) -> Precision:
    return a if _ORDER[a] >= _ORDER[b] else b


def _widen(start: dt.date, end: dt.date, precision: Precision) -> tuple[dt.date, dt.date]:
    """The whole month or year around ``start`` .. ``end`` when precision is coarser."""
    if precision == "month" and _container(start, end) == "day":
        return _month_span(start.year, start.month, None)
    if precision == "year" and _container(start, end) != "year":
        return _year_span(start.year, None)
    return start, end


def month_of(x: ResolvedDate) -> ResolvedDate:
    """The month ``x`` falls in (its first day's), inferred from it: kind "anchored", as a
    date counted from another. ``x`` itself when it is a month already."""
    if x.precision == "month":
        return x
    start = x.start.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return ResolvedDate(date_value(start, "month"), "month", start, end, x.text,
                        x.char_start, x.char_end, "anchored", False)


def month_of_period(since: ResolvedDate | None, published: dt.date | None
                    ) -> ResolvedDate | None:
    """The month of a period that began on ``since`` and runs to ``published`` ("has
    seized X since 7 March", "attacks since Friday"), when both fall in one month; else
    None (the period spans months: no month of it is stated)."""
    if since is None or published is None or since.start > published or \
            (since.start.year, since.start.month) != (published.year, published.month):
        return None
    return month_of(since)


def date_value(start: dt.date, precision: Precision) -> str:
    if precision == "day":
        return start.isoformat()
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"

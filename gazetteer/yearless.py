"""Years for articles whose text states days and months but no year.

Two sound remedies, each recorded in ``published_basis`` (never silently):

* **An anniversary of a stated founding** (:func:`anniversary_guess`): "marked its 63rd
  anniversary" with "founded in 1960" in the same text gives 1960 + 63 = 2023; the text's
  day-month dates without a year ("on October 20") are then read in that year and the
  publication day is on or after the latest of them.
* **The folder's other articles** (:func:`folder_guess`): a day and month (with the weekday
  when stated) fit one year in every few; the year chosen is the one in which the date lies
  within the span of the folder's other, dated articles, or, when several do, the one in
  which it lies within :data:`NEAR_DAYS` days of one of them, if only one year does.

Both are called by :mod:`gazetteer.articles` only when nothing stronger dates an article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer.published import _MONTHS, _WEEKDAYS, PublishedGuess

__all__ = ["NEAR_DAYS", "YearlessDate", "anniversary_guess", "folder_guess",
           "yearless_dates"]

#: A date is "near" another article of the folder within this many days.
NEAR_DAYS = 31
#: Folder span margin (days) on either side of the other articles' publication days.
SPAN_MARGIN_DAYS = 7

_MONTH_NAMES = "|".join(sorted((m.title() for m in _MONTHS), key=len, reverse=True))
_WD = "|".join(w.title() for w in _WEEKDAYS)
_YEARLESS = re.compile(
    r"(?:\b(?P<wd>" + _WD + r")\b[,\s(]+(?:the\s+)?)?"
    r"(?:\b(?P<m1>" + _MONTH_NAMES + r")\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"|\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH_NAMES + r")\b\.?)"
    r"(?!,?\s*(?:\d{4}|'\d\d)\b)(?!\s*\d)")
_ORDINAL_WORDS = {w: i for i, w in enumerate((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth"), 1)}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS_ORD = {w: i for w, i in _ORDINAL_WORDS.items() if i < 10}
_ORDINAL = (r"(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<tens>" + "|".join(_TENS) + r")[- ]?(?P<unit>"
            + "|".join(_UNITS_ORD) + r")|(?P<word>" + "|".join(_ORDINAL_WORDS) + r"|"
            + "|".join(w[:-1] + "ieth" for w in _TENS) + r")")
_ANNIVERSARY = re.compile(
    r"\b(?:(?:its|their|the)\s+(?:[\w'’]+\s+){0,3}?)?(?:" + _ORDINAL + r")\s+"
    r"(?:founding\s+|foundation\s+)?anniversary\b(?P<tail>[^.;\n]{0,80})",
    re.IGNORECASE)
_OF_OTHER = re.compile(r"^\s+of\s+(?!(?:the\s+|its\s+|their\s+)?(?:[\w'’]+\s+){0,3}?"
                       r"(?:founding|foundation|establishment|formation)\b)", re.IGNORECASE)
_FOUNDED = re.compile(
    r"\b(?:founded|established|formed|set\s+up|created)\s+(?:(?:on|in)\s+)?"
    r"(?:[A-Za-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Za-z]+,?\s+|[A-Za-z]+\s+)?"
    r"(?P<year>1[89]\d\d|20\d\d)\b", re.IGNORECASE)
_OTHER_YEAR = re.compile(r"\b(?:last|next|previous)\s+year\b|\b(?:19|20)\d\d\b",
                         re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class YearlessDate:
    """A day and month the text states without a year, with its weekday when stated."""

    month: int
    day: int
    weekday: int | None
    written: str

    def in_year(self, year: int) -> dt.date | None:
        """This day in ``year``; None when it is not a real day or contradicts its
        weekday."""
        try:
            when = dt.date(year, self.month, self.day)
        except ValueError:
            return None
        if self.weekday is not None and when.weekday() != self.weekday:
            return None
        return when


def yearless_dates(text: str) -> list[YearlessDate]:
    """Every "October 20", "Dec. 15", "4 December", "Monday, January 1" without a year."""
    found = []
    for m in _YEARLESS.finditer(text):
        month = _MONTHS[(m["m1"] or m["m2"]).lower().rstrip(".")]
        day = int(m["d1"] or m["d2"])
        if not 1 <= day <= 31:
            continue
        weekday = _WEEKDAYS.index(m["wd"].lower()) if m["wd"] else None
        found.append(YearlessDate(month, day, weekday, m.group(0).strip()))
    return found


def _ordinal(m: re.Match[str]) -> int:
    if m["n"]:
        return int(m["n"])
    if m["tens"]:
        return _TENS[m["tens"].lower()] + _UNITS_ORD[m["unit"].lower()]
    word = m["word"].lower()
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    return next(v for k, v in _TENS.items() if k[:-1] + "ieth" == word)


def anniversary_year(text: str) -> tuple[int, str] | None:
    """The current year an anniversary of a stated founding gives, and the evidence.

    Counted: "its/the Nth anniversary", "the Nth anniversary of (its|the group's) founding"
    (digits or words). Not counted: an anniversary "of" something else ("of the signing of
    the ceasefire"), one whose own clause names another year ("last year", "in 2019"), and
    any text with two different founding years or two different anniversary years.
    """
    founded = {int(m["year"]) for m in _FOUNDED.finditer(text)}
    if len(founded) != 1:
        return None
    (base,) = founded
    years: dict[int, str] = {}
    for m in _ANNIVERSARY.finditer(text):
        tail = m["tail"]
        if _OF_OTHER.match(tail) or _OTHER_YEAR.search(tail):
            continue
        n = _ordinal(m)
        if 0 < n < 200:
            years.setdefault(base + n, text[m.start():m.start("tail")])
    if len(years) != 1:
        return None
    ((year, phrase),) = years.items()
    return year, f"{phrase.strip()!r} of a founding in {base} gives {year}"


def anniversary_guess(text: str, *, today: dt.date) -> PublishedGuess | None:
    """The publication day from an anniversary year and the text's yearless dates: the
    latest of them in that year (on or before ``today``), all weekdays agreeing."""
    found = anniversary_year(text)
    if found is None:
        return None
    year, evidence = found
    dates = yearless_dates(text)
    days = [(d.in_year(year), d) for d in dates]
    if not days or any(when is None for when, _ in days):
        return None
    when, date = max(((w, d) for w, d in days if w is not None), key=lambda p: p[0])
    if when > today:
        return None
    return PublishedGuess(when, f"inferred from text: {evidence}; latest dated event "
                                f"{date.written!r} ({year}); published on or after it")


def folder_guess(text: str, others: Sequence[tuple[str, dt.date]], *,
                 today: dt.date) -> PublishedGuess | None:
    """The publication day of an undated article from the folder's dated ``others``
    (``(file, published)``): see the module notes. None when no single year fits."""
    dates = yearless_dates(text)
    if not dates or not others:
        return None
    lo = min(d for _, d in others) - dt.timedelta(days=SPAN_MARGIN_DAYS)
    hi = max(d for _, d in others) + dt.timedelta(days=SPAN_MARGIN_DAYS)
    fits: dict[int, dt.date] = {}
    for year in range(lo.year - 1, hi.year + 2):
        days = [d.in_year(year) for d in dates]
        if all(days):
            latest = max(d for d in days if d is not None)
            if lo <= latest <= hi and latest <= today:
                fits[year] = latest
    near = {y: d for y, d in fits.items()
            if any(abs((d - p).days) <= NEAR_DAYS for _, p in others)}
    weekday = any(d.weekday is not None for d in dates)
    what = "weekday and date fit" if weekday else "date fits"
    if len(fits) == 1:
        ((year, latest),) = fits.items()
        why = "the year of the folder's other articles"
    elif len(near) == 1:
        ((year, latest),) = near.items()
        file, day = min(others, key=lambda o: abs((latest - o[1]).days))
        why = (f"the only year in which it lies within {NEAR_DAYS} days of another "
               f"article of the folder ({file}, {day})")
    else:
        return None
    written = ", ".join(repr(d.written) for d in dates[:3])
    return PublishedGuess(latest, f"inferred: {what} {year}, {why} ({written}); "
                                  "published on or after its latest date")

"""Dates in news text, resolved against the article's publication day.

Understands absolute dates ("29 September 2024", "Dec. 15", "Nov. 20, 2024", "January 7th",
"2024-11-20", "March 2021", "in May", "since late December", "in 2021"), weekdays ("on
Wednesday", "last Wednesday"), phrases counted from the publication day ("yesterday", "last
week", "this month", "last year", "two days ago") and phrases counted from the date stated
before them ("two days later", "the next day"). The words live in ``rules/dates.toml``.

Resolution rules
----------------
* A day or month without a year is the latest such date not after publication: "Dec. 9"
  in a January article falls in the previous year. A year stated earlier in the same
  sentence carries to the dates that follow it (unless that would put them after
  publication).
* "on Wednesday" (or plain "Wednesday") is the latest Wednesday on or before the
  publication day; "last Wednesday" the latest strictly before it; "next Wednesday" the
  first after it.
* Without a publication date, only dates stated in the text are used: a date without a
  year takes the year of the nearest date in the text that states one; weekdays and
  phrases such as "last week" stay unresolved.

Every :class:`ResolvedDate` has a precision of ``"day"``, ``"month"`` or ``"year"``; its
``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` accordingly, and ``start`` .. ``end``
(inclusive) the days it may denote ("late December" is precision month, start the 21st).
A week ("last week") gets the narrowest of day, month or year containing all its days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from gazetteer.ruledata import load_rules, trie_pattern

Precision = Literal["day", "month", "year"]
DateKind = Literal["absolute", "weekday", "relative", "anchored"]

__all__ = ["EARLIEST_DAY", "FUTURE_DAYS", "ResolvedDate", "day_out_of_range", "find_dates",
           "parse_date"]

#: The earliest publication or event day accepted from a file; earlier ones are typos
#: ("0204-11-21" for 2024-11-21) and are reported and skipped.
EARLIEST_DAY = dt.date(1900, 1, 1)
#: How many days after today a publication or event day may lie before it is a typo.
FUTURE_DAYS = 366


def day_out_of_range(day: dt.date, *, today: dt.date | None = None) -> str | None:
    """Why ``day`` is not a plausible publication or event day, or None when it is.

    Plausible days run from :data:`EARLIEST_DAY` to :data:`FUTURE_DAYS` days after
    ``today`` (default: the local date).
    """
    latest = (today or dt.date.today()) + dt.timedelta(days=FUTURE_DAYS)
    if EARLIEST_DAY <= day <= latest:
        return None
    return (f"{day.isoformat()} is outside the accepted range {EARLIEST_DAY.isoformat()} .. "
            f"{latest.isoformat()} (a typo?)")


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


# -- patterns built from rules/dates.toml ---------------------------------------------------

def _alternation(words: Sequence[str]) -> str:
    """Phrases as one trie-factored group; case is left to the pattern's flags."""
    return trie_pattern(w.casefold() for w in words)


def _capital_alternation(words: Sequence[str]) -> str:
    """Case-sensitive group of capitalised names and their all-capitals forms.

    A name that begins a longer one ("Dec" of "December") is an abbreviation and may end
    with a full stop ("Dec. 15"); a full name never takes the sentence's full stop.
    """
    full, short = set(), set()
    for word in words:
        is_short = any(o != word and o.casefold().startswith(word.casefold()) for o in words)
        for form in (word[:1].upper() + word[1:], word.upper()):
            (short if is_short else full).add(form)
    return (rf"(?-i:{trie_pattern(full)}|{trie_pattern(short)}\.?)"
            if short else f"(?-i:{trie_pattern(full)})")


@dataclass(frozen=True)
class _Tables:
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_words: dict[str, str]
    numbers: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    phrases: dict[str, tuple[str, str, int, str | None]]  # key -> (kind, unit, offset, part)
    counted: dict[str, str]
    since_words: frozenset[str]
    year_references: dict[str, str]
    context: re.Pattern[str]
    pattern: re.Pattern[str]
    core: re.Pattern[str]
    first: re.Pattern[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Compile ``rules/dates.toml`` into the date matcher (cached). One block per table,
    read top to bottom, which is why it runs past 60 lines."""
    rules = load_rules("dates.toml")
    months = {k.casefold(): v for k, v in rules["months"].items()}
    weekdays = {k.casefold(): v for k, v in rules["weekdays"].items()}
    phrases: dict[str, tuple[str, str, int, str | None]] = {}
    for kind in ("relative", "anchored"):
        for key, spec in rules[kind].items():
            phrases[" ".join(key.casefold().split())] = (
                kind, spec["unit"], spec["offset"], spec.get("part"))
    month = _capital_alternation(list(rules["months"]))
    weekday = _capital_alternation(list(rules["weekdays"]))
    lead = _alternation(rules["lead_words"]["words"])
    lone = _alternation(rules["lone_date_words"]["words"])
    mpart = _alternation(list(rules["month_parts"]))
    ypart = _alternation(list(rules["year_parts"]))
    wword = _alternation(list(rules["weekday_words"]))
    number = _alternation(list(rules["numbers"]))
    counted = _alternation(list(rules["counted"]))
    phrase = _alternation(list(phrases))
    day = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
    year = r"(?:1[89]|20)\d\d(?![\d-])"

    def lead_opt(name: str) -> str:
        return rf"(?:(?P<{name}_lead>{lead})\s+)?"

    rel_words = _alternation(list(rules["year_references"]))

    def rel_year(name: str) -> str:  # "in October that year", "December 15 last year"
        return rf",?\s+(?:of\s+)?(?P<{name}_rel>{rel_words})\s+year\b"

    alternatives = [
        ("iso", rf"{lead_opt('iso')}(?P<iso_v>\d{{4}}-\d\d-\d\d)(?![\d-])"),
        ("dmy", rf"{lead_opt('dmy')}(?:the\s+)?(?P<dmy_d>{day})(?:\s+of)?\s+(?P<dmy_m>{month})"
                rf"(?:,?\s+(?P<dmy_y>{year})|{rel_year('dmy')})?"),
        ("mdy", rf"{lead_opt('mdy')}(?P<mdy_m>{month})\s+(?P<mdy_d>{day})"
                rf"(?:,?\s+(?P<mdy_y>{year})|{rel_year('mdy')})?"),
        ("my", rf"(?:(?P<my_lead>{lone})(?:\s+|-))?(?:(?P<my_part>{mpart})(?:\s+|-))?"
               rf"(?P<my_m>{month})(?:,?\s+(?P<my_y>{year})|{rel_year('my')})"),
        ("mon", rf"(?P<mon_lead>{lone})(?:\s+|-)(?:(?P<mon_part>{mpart})(?:\s+|-))?"
                rf"(?P<mon_m>{month})(?!\s*\d)"),
        ("yr", rf"(?P<yr_lead>{lone})\s+(?:(?P<yr_part>{ypart})(?:\s+|-))?(?P<yr_y>{year})"),
        ("wd", rf"(?:(?P<wd_lead>{wword})\s+)?(?P<wd_d>{weekday})"
               r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
        ("cnt", rf"(?P<cnt_n>\d{{1,3}}|{number})\s+(?P<cnt_u>day|week|month|year)s?\s+"
                rf"(?P<cnt_w>{counted})"),
        ("phr", rf"(?P<phr_v>{phrase})"),
    ]
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in alternatives)
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?!\w)", re.IGNORECASE)
    # Every date expression holds a digit, a month or weekday name or a unit word; finding
    # these first and trying the full pattern only just before them is ~5x faster than
    # running it at every word.
    units = {w for p in phrases for w in p.split() if _UNIT_WORD.fullmatch(w)}
    units |= {"day", "days", "week", "weeks", "month", "months", "year", "years"}
    unit_forms = {f for w in units for f in (w, w.capitalize(), w.upper())}
    first_words = {p.split()[0] for p in (
        *phrases, *rules["lead_words"]["words"], *rules["lone_date_words"]["words"],
        *rules["month_parts"], *rules["weekday_words"], *rules["numbers"], "the")}
    core = re.compile(rf"(?<!\w)(?:\d|{month}|{weekday}|{trie_pattern(unit_forms)}(?!\w))")
    return _Tables(
        months=months, weekdays=weekdays,
        weekday_words={" ".join(k.casefold().split()): v
                       for k, v in rules["weekday_words"].items()},
        numbers={k.casefold(): v for k, v in rules["numbers"].items()},
        month_parts={" ".join(k.casefold().split()): tuple(v)
                     for k, v in rules["month_parts"].items()},
        year_parts={k.casefold(): tuple(v) for k, v in rules["year_parts"].items()},
        phrases=phrases, counted={k.casefold(): v for k, v in rules["counted"].items()},
        since_words=frozenset(w.casefold() for w in rules["lead_words"]["since_words"]),
        year_references={" ".join(k.casefold().split()): v
                         for k, v in rules["year_references"].items()},
        context=re.compile(rf"\b{_alternation(rules['context_words']['words'])}\b[^.;:]{{0,30}}$",
                           re.IGNORECASE),
        pattern=pattern, core=core,
        first=re.compile(rf"(?<![\w-])(?:\d|{_alternation(first_words)}(?!\w))", re.IGNORECASE),
    )


_UNIT_WORD = re.compile(r"\w*(?:day|week|month|year|night|morning|tonight|evening|afternoon)s?")

#: How far before a digit, name or unit word a date expression may begin (its lead words).
_MAX_LEAD = 40


def _scan(text: str, t: _Tables) -> list[re.Match[str]]:
    """Non-overlapping matches of the date pattern, leftmost first."""
    found: list[re.Match[str]] = []
    cores = [m.start() for m in t.core.finditer(text)]
    if not cores:
        return found
    last = 0
    for at in cores:
        if at < last:
            continue
        lo = max(last, at - _MAX_LEAD)
        starts = [m.start() for m in t.first.finditer(text, lo, at)]
        for start in [*starts, at]:
            m = t.pattern.match(text, start)
            if m is not None and m.end() > at:
                found.append(m)
                last = m.end()
                break
    return found


# -- public API -----------------------------------------------------------------------------

def find_dates(text: str, *, published: dt.date | None = None,
               sentences: Sequence[tuple[int, int]] | None = None) -> list[ResolvedDate]:
    """Find and resolve every date expression in ``text``.

    Parameters
    ----------
    text : str
        Any text; offsets in the results index it.
    published : datetime.date, optional
        The publication day, the reference for weekdays, relative phrases and dates
        without a year. Without it only dates stated in the text are used.
    sentences : sequence of (start, end), optional
        Sentence spans of ``text``; a year stated in a sentence carries to the later dates
        of the same sentence only. Without them the whole text is one sentence.

    Returns
    -------
    list of ResolvedDate
        In text order. Expressions that cannot be resolved (a weekday with no publication
        date, an impossible day such as "31 February") are left out.
    """
    tables = _tables()
    matches = _scan(text, tables)
    matches = _drop_weekday_before_date(text, matches)
    starts = [s for s, _ in sentences] if sentences else [0]
    explicit_years = [(m.start(), y) for m in matches
                      if m.lastgroup != "yr" and (y := _stated_year(m)) is not None]
    found: list[ResolvedDate] = []
    carry: _Carry | None = None
    that_year: int | None = None  # the last year stated in any form ("that year")
    for m in matches:
        sentence = bisect_right(starts, m.start()) - 1
        carried = carry.reaches(sentence) if carry else None
        anchor_year = _nearest_year(explicit_years, m.start()) if published is None else None
        previous = found[-1] if found else None
        try:
            resolved = _resolve(m, tables, published, carried, anchor_year, previous, that_year)
        except (ValueError, OverflowError):  # 31 February; a day before 1 January of year 1
            resolved = None
        if resolved is None:
            continue
        year = _stated_year(m)
        if year is None and _year_reference(m):
            year = resolved.start.year
        if carry and carried is not None and year is None and carry.sentence == sentence:
            resolved = _ascending(resolved, carry.day, published)
        found.append(resolved)
        if year is None:
            continue
        that_year = year
        if m.lastgroup != "yr":
            carry = _Carry(sentence, year, resolved.start, narrative=True)
        elif not tables.context.search(text, max(0, m.start() - 40), m.start()):
            carry = _Carry(sentence, year, resolved.start, narrative=False)
    return found


#: How many sentences after a full date ("7 March 2024") its year carries to the dates
#: that state none ("on 20 August"): the story's narrative year.
NARRATIVE_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class _Carry:
    """A stated year that carries to later dates without one."""

    sentence: int
    year: int
    day: dt.date
    narrative: bool  # a full date: carries to the next sentences too; a lone year does not

    def reaches(self, sentence: int) -> int | None:
        if sentence == self.sentence or (
                self.narrative and 0 < sentence - self.sentence <= NARRATIVE_SENTENCES):
            return self.year
        return None


def _ascending(d: ResolvedDate, stated: dt.date, published: dt.date | None) -> ResolvedDate:
    """A list runs forward in time: "29 December 2024 ... and 17 January" is 2025-01-17."""
    if d.kind != "absolute" or d.start >= stated or d.precision == "year":
        return d
    try:
        start, end = d.start.replace(year=d.start.year + 1), d.end.replace(year=d.end.year + 1)
    except ValueError:  # 29 February
        return d
    if published is not None and end > published and start > published:
        return d
    return ResolvedDate(_value(start, d.precision), d.precision, start, end, d.text,
                        d.char_start, d.char_end, d.kind, d.since)


def parse_date(phrase: str, *, published: dt.date | None = None) -> ResolvedDate | None:
    """Resolve the first date expression in ``phrase`` (see :func:`find_dates`)."""
    found = find_dates(phrase, published=published)
    return found[0] if found else None


# -- resolution -----------------------------------------------------------------------------

def _stated_year(m: re.Match[str]) -> int | None:
    for group in ("dmy_y", "mdy_y", "my_y", "yr_y"):
        if m.group(group):
            return int(m.group(group))
    if m.group("iso_v"):
        return int(m.group("iso_v")[:4])
    return None


def _nearest_year(years: list[tuple[int, int]], pos: int) -> int | None:
    """The year stated nearest ``pos`` (the earlier on a tie); ``years`` sorted by offset."""
    if not years:
        return None
    i = bisect_right(years, (pos, 10**9))
    best = [years[k] for k in (i - 1, i) if 0 <= k < len(years)]
    return min(best, key=lambda item: (abs(item[0] - pos), item[0]))[1]


def _drop_weekday_before_date(text: str, matches: list[re.Match[str]]
                              ) -> list[re.Match[str]]:
    """'on Wednesday, Nov. 20' states the date twice: keep the explicit one."""
    kept = []
    for i, m in enumerate(matches):
        following = matches[i + 1] if i + 1 < len(matches) else None
        if (m.lastgroup == "wd" and following is not None
                and following.lastgroup in ("dmy", "mdy", "iso")
                and re.fullmatch(r"[\s,(]*", text[m.end():following.start()])):
            continue
        kept.append(m)
    return kept


def _resolve(m: re.Match[str], t: _Tables, published: dt.date | None, carried: int | None,
             anchor_year: int | None, previous: ResolvedDate | None,
             that_year: int | None = None) -> ResolvedDate | None:
    """Resolve one matched date phrase to a :class:`ResolvedDate` (or None when it names
    no usable day). One branch per kind of phrase (ISO, day-month, month-day, month-year,
    year, weekday, relative), kept together so their order of precedence is visible."""
    kind = m.lastgroup
    g = m.group
    lead = g(f"{kind}_lead") if kind in ("iso", "dmy", "mdy", "my", "mon", "yr", "wd") else ""
    since = _first_word(lead) in t.since_words

    def made(start: dt.date, end: dt.date, precision: Precision, k: DateKind = "absolute"
             ) -> ResolvedDate:
        return ResolvedDate(_value(start, precision), precision, start, end, m.group(0),
                            m.start(), m.end(), k, since)

    if kind == "iso":
        day = dt.date.fromisoformat(g("iso_v"))
        return made(day, day, "day")
    if kind in ("dmy", "mdy"):
        month = t.months[_month_key(g(f"{kind}_m"))]
        day_n = int(re.sub(r"\D", "", g(f"{kind}_d")))
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
        return made(day, day, "day")
    if kind in ("my", "mon"):
        month = t.months[_month_key(g(f"{kind}_m"))]
        part = _month_part(t, g(f"{kind}_part"), g(f"{kind}_lead"))
        if kind == "my":
            year = int(g("my_y")) if g("my_y") else \
                _referenced_year(t, g("my_rel"), published, that_year)
        else:
            before = _first_word(g("mon_lead")) == "last"
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
        start, end = _shift(base, g("cnt_u").casefold(), sign * n)
        precision = _container(start, end)
        if how.startswith("anchor") and previous is not None:
            precision = _coarser(precision, previous.precision)
            start, end = _widen(start, end, precision)
        return made(start, end, precision,
                    "relative" if how.startswith("published") else "anchored")
    if kind == "phr":
        phrase_kind, unit, offset, part = t.phrases[" ".join(g("phr_v").casefold().split())]
        base = published if phrase_kind == "relative" else _anchor_day(previous)
        if base is None:
            return None
        start, end = _shift(base, unit, offset)
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


def _year_reference(m: re.Match[str]) -> bool:
    kind = m.lastgroup
    return kind in ("dmy", "mdy", "my") and bool(m.group(f"{kind}_rel"))


def _referenced_year(t: _Tables, words: str, published: dt.date | None,
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


def _month_part(t: _Tables, part: str | None, lead: str | None) -> tuple[int, int] | None:
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
    if unit == "month":
        index = base.year * 12 + base.month - 1 + offset
        return _month_span(index // 12, index % 12 + 1, None)
    return _year_span(base.year + offset, None)


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


def _value(start: dt.date, precision: Precision) -> str:
    if precision == "day":
        return start.isoformat()
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"

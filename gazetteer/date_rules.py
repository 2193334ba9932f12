"""The date matcher: ``rules/dates.toml`` compiled into one pattern and its word tables.

:func:`date_tables` reads the rule file once (cached) and builds the pattern of every date
expression :mod:`gazetteer.dates` understands (ISO, day-month, month-day, month-year, a
lone month or year after a lead word, weekdays, counted and named relative phrases);
:func:`scan` finds the expressions in a text, leftmost first. What each match denotes is
decided in :mod:`gazetteer.date_resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from gazetteer.ruledata import load_rules, trie_pattern

__all__ = ["DateTables", "date_tables", "scan"]


#: "last week", "the previous week", "the week before": the calendar week before the one
#: a text was published in (with a weekday: "on Wednesday last week").
_LAST_WEEK = r"(?:(?:last|the\s+(?:previous|preceding|prior))\s+week|the\s+week\s+before)"


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
class DateTables:
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_words: dict[str, str]
    numbers: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    phrases: dict[str, tuple[str, str, int, str | None]]  # key -> (kind, unit, offset, part)
    holidays: dict[str, tuple[int, int]]  # "new year's eve" -> (12, 31)
    counted: dict[str, str]
    since_words: frozenset[str]
    year_references: dict[str, str]
    context: re.Pattern[str]
    context_after: re.Pattern[str]  # "a February 2021 coup": the word just after the date
    window: re.Pattern[str]
    sequel: re.Pattern[str]  # "later", "subsequently": after the time told before
    pattern: re.Pattern[str]
    core: re.Pattern[str]
    first: re.Pattern[str]


@lru_cache(maxsize=1)
def date_tables() -> DateTables:
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
    past = _alternation(rules["lead_words"].get("past_words", ["last"]))
    mpart = _alternation(list(rules["month_parts"]))
    ypart = _alternation(list(rules["year_parts"]))
    wword = _alternation(list(rules["weekday_words"]))
    number = _alternation(list(rules["numbers"]))
    counted = _alternation(list(rules["counted"]))
    phrase = _alternation(list(phrases))
    holidays = {" ".join(k.casefold().split()): (v[0], v[1])
                for k, v in rules["holidays"].items()}
    holiday = _capital_alternation(list(rules["holidays"]))
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
        # "January 7", "last January 2", "January (2nd)": a day in brackets after its month
        ("mdy", rf"{lead_opt('mdy')}(?:(?P<mdy_past>{past})\s+)?(?P<mdy_m>{month})"
                rf"(?:\s+(?P<mdy_d>{day})|\s*\(\s*(?P<mdy_bd>{day})\s*\))"
                rf"(?:,?\s+(?P<mdy_y>{year})|{rel_year('mdy')})?"),
        ("my", rf"(?:(?P<my_lead>{lone})(?:\s+|-))?(?:(?P<my_part>{mpart})(?:\s+|-))?"
               rf"(?P<my_m>{month})(?:,?\s+(?P<my_y>{year})|{rel_year('my')})"),
        ("mon", rf"(?P<mon_lead>{lone})(?:\s+|-)(?:(?P<mon_part>{mpart})(?:\s+|-))?"
                rf"(?P<mon_m>{month})(?!\s*\d|\s*\(\s*{day}\s*\))"),
        ("yr", rf"(?P<yr_lead>{lone})\s+(?:(?P<yr_part>{ypart})(?:\s+|-))?(?P<yr_y>{year})"),
        # "on Wednesday last week", "last week on Wednesday", "the Wednesday of the
        # previous week": the weekday of the calendar week before publication's
        ("wd", rf"(?:(?P<wd_pre>{_LAST_WEEK}|a\s+week\s+ago)\s+(?:on\s+)?)?"
               rf"(?:(?P<wd_lead>{wword})\s+)?(?:the\s+)?(?P<wd_d>{weekday})"
               r"(?:\s+(?:morning|afternoon|evening|night))?"
               rf"(?:,?\s+(?P<wd_week>(?:of\s+)?{_LAST_WEEK}))?\b"),
        ("cnt", rf"(?P<cnt_n>\d{{1,3}}|{number})\s+(?P<cnt_u>day|week|month|year)s?\s+"
                rf"(?P<cnt_w>{counted})"),
        # "on the 16th": a day of the month of the date stated before, else of the
        # publication month (or the month before)
        ("ord", rf"(?P<ord_lead>on|by|since|from|until|till)\s+the\s+"
                rf"(?P<ord_d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))"
                rf"(?!\s*(?:of\s+)?{month})(?!\s+(?:\w+\s+)?(?:century|anniversary|"
                r"battalion|brigade|division|regiment|day|week|month|year|time|floor|"
                r"command|mile|round)s?\b)"),
        # "on New Year's Eve", "Christmas Day 2023"; not "New Year's Day of 2715 in the
        # Ta'ang calendar", another calendar's day
        ("hol", rf"{lead_opt('hol')}(?P<hol_v>{holiday})(?:,?\s+(?P<hol_y>{year}))?"
                r"(?![^.;]{0,40}\bcalendar\b)(?!\s+of\b)"),
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
    core = re.compile(rf"(?<!\w)(?:\d|{month}|{weekday}|{holiday}|"
                      rf"{trie_pattern(unit_forms)}(?!\w))")
    return DateTables(
        months=months, weekdays=weekdays,
        weekday_words={" ".join(k.casefold().split()): v
                       for k, v in rules["weekday_words"].items()},
        numbers={k.casefold(): v for k, v in rules["numbers"].items()},
        month_parts={" ".join(k.casefold().split()): tuple(v)
                     for k, v in rules["month_parts"].items()},
        year_parts={k.casefold(): tuple(v) for k, v in rules["year_parts"].items()},
        phrases=phrases, holidays=holidays,
        counted={k.casefold(): v for k, v in rules["counted"].items()},
        since_words=frozenset(w.casefold() for w in rules["lead_words"]["since_words"]),
        year_references={" ".join(k.casefold().split()): v
                         for k, v in rules["year_references"].items()},
        # not "anti-coup forces took X in August 2024": a word inside a group's name
        context=re.compile(rf"(?<![\w-])(?<!-\s)(?P<word>{_alternation(rules['context_words']['words'])})"
                           rf"\b[^.;:]{{0,50}}$", re.IGNORECASE),
        context_after=re.compile(rf"\s*{_alternation(rules['context_words']['words'])}\b",
                                 re.IGNORECASE),
        window=_window_pattern(rules["windows"], number),
        sequel=re.compile(rf"(?<![\w-])(?:{_alternation(rules['windows']['sequels'])})"
                          r"(?!\w)", re.IGNORECASE),
        pattern=pattern, core=core,
        first=re.compile(rf"(?<![\w-])(?:\d|{_alternation(first_words)}(?!\w))", re.IGNORECASE),
    )


def _window_pattern(windows: dict[str, list[str]], number: str) -> re.Pattern[str]:
    """"within three days", "over the next few weeks", "in the days that followed"."""
    lead = _alternation(windows["lead_words"])
    phrases = _alternation(windows["phrases"])
    count = rf"(?:(?:{number}|a\s+couple\s+of|\d{{1,3}})\s+)?"
    # not "after several days of fighting": the fighting before an event, no period of it
    fighting = (r"(?!\s+of\s+(?:heavy\s+|fierce\s+|intense\s+)?(?:fighting|attacks?|"
                r"clashes|siege|battles?|shelling|offensives?|combat|assaults?)\b)")
    # "three weeks after the KIA launched its offensive": counted back from another event
    offset = rf"(?:{number}|an?|\d{{1,3}})\s+(?:days?|weeks?|months?)\s+(?:after|before)"
    return re.compile(rf"(?<![\w-])(?:(?:{lead})\s+{count}(?:hours?|days?|weeks?|months?)"
                      rf"{fighting}|{phrases}|{offset})(?!\w)", re.IGNORECASE)


_UNIT_WORD = re.compile(r"\w*(?:day|week|weekend|month|year|night|morning|tonight|evening|"
                        r"afternoon)s?")

#: How far before a digit, name or unit word a date expression may begin (its lead words).
_MAX_LEAD = 40


def scan(text: str, t: DateTables) -> list[re.Match[str]]:
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

"""Dates in news text, resolved against the article's publication day.

Understands absolute dates ("29 September 2024", "Dec. 15", "Nov. 20, 2024", "January 7th",
"January (2nd)", "last December 15", "2024-11-20", "March 2021", "in May", "since late
December", "since last March", "in 2021"), weekdays ("on Wednesday", "last Wednesday"),
phrases counted from the publication day ("yesterday", "last week", "over the weekend",
"this month", "last year", "two days ago") and phrases counted from the date stated before
them ("two days later", "the next day") or just after them ("two days after 5 May"; "ten
days after the offensive began" counts from an event and is left out). Periods counted
from an undated event ("within three days", "over the next few weeks") are no dates:
:func:`has_window` finds them. The words live in ``rules/dates.toml``.

Resolution rules
----------------
* A day or month without a year is the latest such date not after publication: "Dec. 9"
  in a January article falls in the previous year. A year stated earlier in the same
  sentence carries to the dates that follow it (unless that would put them after
  publication).
* "on Wednesday" (or plain "Wednesday") is the latest Wednesday on or before the
  publication day; "last Wednesday" the latest strictly before it; "next Wednesday" the
  first after it. "last January 2" is the latest 2 January before the publication day, in
  whatever month the article appears (so "since last January (2nd)" in a January article
  is that month's 2nd).
* Without a publication date, only dates stated in the text are used: a date without a
  year takes the year of the nearest date in the text that states one; weekdays and
  phrases such as "last week" stay unresolved.

Every :class:`ResolvedDate` has a precision of ``"day"``, ``"month"`` or ``"year"``; its
``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` accordingly, and ``start`` .. ``end``
(inclusive) the days it may denote ("late December" is precision month, start the 21st).
A week ("last week") gets the narrowest of day, month or year containing all its days.

Three modules: this one runs the resolution over a text (years carried from sentence to
sentence, lists running forward in time); :mod:`gazetteer.date_rules` compiles the words
of ``rules/dates.toml`` into the matcher; :mod:`gazetteer.date_resolve` decides what one
matched expression denotes.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from gazetteer.date_resolve import (
    ResolvedDate,
    date_value,
    resolve_match,
    stated_year,
    year_reference,
)
from gazetteer.date_rules import DateTables, date_tables, scan

__all__ = ["EARLIEST_DAY", "FUTURE_DAYS", "ResolvedDate", "day_out_of_range", "find_dates",
           "has_sequel", "has_window", "parse_date", "restates"]

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
    tables = date_tables()
    matches = scan(text, tables)
    matches = [m for m in _drop_weekday_before_date(text, matches)
               if not _EMBED_SIGNATURE.match(text, text.rfind("\n", 0, m.start()) + 1)]
    starts = [s for s, _ in sentences] if sentences else [0]
    explicit_years = [(m.start(), y) for m in matches
                      if m.lastgroup != "yr" and (y := stated_year(m)) is not None]
    found: list[ResolvedDate] = []
    carry: _Carry | None = None
    that_year: int | None = None  # the last year stated in any form ("that year")
    for i, m in enumerate(matches):
        sentence = bisect_right(starts, m.start()) - 1
        carried = carry.reaches(sentence) if carry else None
        anchor_year = _nearest_year(explicit_years, m.start()) if published is None else None
        previous = found[-1] if found else None
        if _counts_from_what_follows(text, m):  # "two days after 5 May", not after the last
            following = matches[i + 1] if i + 1 < len(matches) else None
            if following is None or following.start() - m.end() > _OBJECT_GAP:
                continue  # "ten days after the offensive began": counted from an event
            previous = _resolved(following, tables, published, carried, anchor_year,
                                 previous, that_year)
            if previous is None:
                continue
        resolved = _resolved(m, tables, published, carried, anchor_year, previous, that_year)
        if resolved is None:
            continue
        if resolved.kind == "anchored" and previous is not None and \
                resolved.precision == previous.precision == "day" and \
                restates(text, previous.char_end, m.start()) and \
                _CLAUSE_FOLLOWS.match(text, m.end()) and \
                abs((resolved.start - previous.start).days) == 1:
            # "on October 2, the day after the TNLA withdrew": October 2 restated; the
            # clause's event is the day before it (and "the day before ..." the day after)
            day = previous.start - (resolved.start - previous.start)
            resolved = replace(resolved, value=day.isoformat(), start=day, end=day)
        year = stated_year(m)
        if year is None and year_reference(m):
            year = resolved.start.year
        if carry and carried is not None and year is None and (
                carry.sentence == sentence or not _told_before(text, starts, sentence)):
            # "seized on Aug. 5, 2024 ... handed back in April": the story runs forward,
            # April 2025 (not "... had shelled it in January": told as before)
            resolved = _ascending(resolved, carry.day, published)
        found.append(resolved)
        if year is None:
            continue
        that_year = year
        if published is not None and year < published.year - _HISTORY_YEARS:
            continue  # "overthrown on 2 March 1959": an aside, its year carries to nothing
        if in_context(text, m.start(), m.end()):
            continue  # "seized power in a coup in February 2021", "in a February 2021
            # coup": context, carries nothing
        if _in_caption(text, m.start()):
            continue  # "Soldiers in Laiza in November 2017 (EPA)": a file photo's year
        carry = _Carry(sentence, year, resolved.start,
                       narrative=m.lastgroup != "yr" and not (
                           _UP_TO_NOW.match(resolved.text) and
                           not _WHEN_THEN.match(text, m.end())))
    return found


def in_context(text: str, start: int, end: int, events: re.Pattern[str] | None = None
               ) -> bool:
    """Whether the date at ``text[start:end]`` dates context, not news: a context word of
    ``[context_words]`` (rules/dates.toml) in its clause before it ("since the coup in
    2021", "founded in 1961") or just after it ("a February 2021 coup"). With ``events``
    (the extractor's trigger phrases), a word before the date is context only when no such
    phrase stands between them: in "the ceasefire let the army retake X in April" the date
    is the retaking's."""
    tables = date_tables()
    if tables.context_after.match(text, end) is not None:
        return True
    word = tables.context.search(text, _clause_start(text, start), start)
    if word is None:
        return False
    return events is None or events.search(text, word.end("word"), start) is None


def restates(text: str, end: int, start: int) -> bool:
    """Whether the date starting at ``start`` restates the one ending at ``end``: only a
    comma between them ("this morning, December 24", "October 2, the day after ...")."""
    return _APPOSED.fullmatch(text, end, start) is not None


_APPOSED = re.compile(r"\s*,\s*")
#: A clause after "the day after": "the TNLA withdrew", not "," or "." (then the day is
#: counted from the date: "..., the day after.").
_CLAUSE_FOLLOWS = re.compile(r"\s+(?:the|a|an|its|their|his|her|[A-Z][\w'’-]*|[a-z]+ed)\b")
#: The signature line of an embedded post ("— A Reporter (@handle) April 11, 2024"): its
#: date is the post's, no date of the story.
_EMBED_SIGNATURE = re.compile(r"[ \t]*(?:\u2014|\u2013|-{1,2})[^\n]{0,80}\(@\w+\)")
#: A photo caption: a line that ends in its credit ("... in November 2017 (EPA)", "(Photo:
#: A Name/Outlet)", "(Soe Zeya Tun/Reuters)").
_CAPTION_CREDIT = re.compile(r"\((?:Photos?\s*:[^()\n]{0,80}|[A-Z][\w.'’ -]{0,40}"
                             r"(?:/[\w.'’ -]{1,40})?)\)[ \t]*$")


def _in_caption(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a photo caption: its dates date the photo, no story."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return _CAPTION_CREDIT.search(text, max(pos, end - 130), end) is not None


#: How far back (characters) a context word is looked for before a year, within its clause.
_CONTEXT_REACH = 64
_CLAUSE_MARK = re.compile(r"[,;:()\n]")


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts, at most ``_CONTEXT_REACH`` characters
    back: "the junta that toppled an elected government in 2021" is one clause; in "The
    KIO, founded in 1961, took Sinbo in May 2024" the comma ends "founded"'s."""
    lo = max(0, pos - _CONTEXT_REACH)
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, lo, pos)]
    return marks[-1] if marks else lo


#: A stated year this many years or more before publication is history ("its ruler was
#: overthrown on 2 March 1959"): it gives no year to the day-months that follow it.
_HISTORY_YEARS = 10


def has_window(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` names a period counted from an undated event ("within
    three days", "over the next few weeks", "in the days that followed": the words of
    ``[windows]`` in ``rules/dates.toml``). Such a period is no date of its own, but it
    says that what the sentence reports did not happen on a date stated elsewhere."""
    return date_tables().window.search(text, start, len(text) if end is None else end) \
        is not None


def has_sequel(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` tells of a time after the one told before without
    stating it ("troops later regained the camp", "was subsequently retaken": the
    ``sequels`` of ``[windows]`` in ``rules/dates.toml``): not the day of a neighbour."""
    return date_tables().sequel.search(text, start, len(text) if end is None else end) \
        is not None


#: A date that opens a period running up to now ("since October 2023"): it sets no time
#: for the story, so its year carries to no later sentence ("... retook Lashio in April":
#: the last April before publication).
_UP_TO_NOW = re.compile(r"since\b", re.IGNORECASE)
#: ... unless a clause tells what happened then ("since June 2024, when the alliance
#: renewed its offensive"): the story is told from that time.
_WHEN_THEN = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)
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


#: The past perfect or "earlier": a sentence told as before the story's stated day.
_BEFORE_WORDS = re.compile(r"\b(?:had\s+(?:been\s+|already\s+|earlier\s+)?[a-z]+(?:ed|en|"
                           r"ken|lost|held|fought|won|begun|seen)\b|earlier|previously|"
                           r"before\s+that|prior\s+to)", re.IGNORECASE)


def _told_before(text: str, starts: list[int], sentence: int) -> bool:
    """Whether sentence ``sentence`` (index into ``starts``) is told as before the story's
    stated day: in the past perfect, or with "earlier" / "previously"."""
    end = starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
    return _BEFORE_WORDS.search(text, starts[sentence], end) is not None


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
    return ResolvedDate(date_value(start, d.precision), d.precision, start, end, d.text,
                        d.char_start, d.char_end, d.kind, d.since)


def parse_date(phrase: str, *, published: dt.date | None = None) -> ResolvedDate | None:
    """Resolve the first date expression in ``phrase`` (see :func:`find_dates`)."""
    found = find_dates(phrase, published=published)
    return found[0] if found else None


def _resolved(m: re.Match[str], tables: DateTables, published: dt.date | None,
              carried: int | None, anchor_year: int | None, previous: ResolvedDate | None,
              that_year: int | None) -> ResolvedDate | None:
    """:func:`resolve_match`, None for a day that does not exist ("31 February", a day
    before 1 January of year 1)."""
    try:
        return resolve_match(m, tables, published, carried, anchor_year, previous, that_year)
    except (ValueError, OverflowError):
        return None


#: "N days after|before" followed by words counts from what those words name: from a date
#: only when one begins within this many characters ("two days after the 5 May attack").
_OBJECT_GAP = 12
_COUNTED_OBJECT = re.compile(r"\s+[\w(“\"']")


def _counts_from_what_follows(text: str, m: re.Match[str]) -> bool:
    """Whether a counted phrase ("ten days after", "a week before") takes an object
    ("... after the offensive began") rather than counting from the date stated before
    it ("... ten days after, the town fell")."""
    return (m.lastgroup == "cnt" and m.group("cnt_w").casefold() in ("after", "before")
            and _COUNTED_OBJECT.match(text, m.end()) is not None)


# -- helpers of find_dates ----------------------------------------------------------------

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

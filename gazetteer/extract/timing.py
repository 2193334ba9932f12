"""When an event happened: the date of a trigger from its sentence's dates ("seized X on
Tuesday", "a day after the KIA captured X", "from 4 August to 11 September"), the day a
statement was reported, and the phrases whose dates are not their own (an "after" clause,
an event named as a time)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from gazetteer.date_resolve import month_of_period
from gazetteer.date_rules import date_tables
from gazetteer.dates import ResolvedDate
from gazetteer.extract._context import Context, dates_between, next_trigger, scope_end
from gazetteer.extract.matcher import TriggerSpec
from gazetteer.extract.places import Mention
from gazetteer.ruledata import trie_pattern


def time_of_event(ctx: Context, t0: int, sentence: tuple[int, int], spec: TriggerSpec
                  ) -> bool:
    """Whether the phrase at ``t0`` names an event as a time ("during the fall of X",
    "since the capture of X"): it is dated only by its own words, never by the day the
    sentence reports or was reported."""
    return spec.noun and bool(_TIME_OF_EVENT.search(ctx.masked, max(sentence[0], t0 - 30),
                                                    t0))


def before_the_main_clause(ctx: Context, t0: int, sentence: tuple[int, int]) -> bool:
    """Whether the phrase at ``t0`` opens an "after" clause ("retook X a year after losing
    it"): its event came before the sentence's own, so the day the sentence was reported
    is not its day."""
    return _AFTER_CLAUSE.search(ctx.masked, max(sentence[0], t0 - 60), t0) is not None


def date_of(ctx: Context, t0: int, t1: int, loc: Mention, item_end: int,
              sentence: tuple[int, int], spec: TriggerSpec, listed: bool) -> ResolvedDate | None:
    dates = [replace(d, since=True) if not d.since and _SINCE_BEGAN.search(
        ctx.masked, max(sentence[0], d.char_start - 60), d.char_start) else d
        for d in dates_between(ctx, sentence[0], sentence[1])]  # "since the offensive
    if not dates:  # began on 7 March": that day opens a period, as "since 7 March"
        return None
    inside = next((d for d in dates if t0 < d.char_start and d.char_end <= t1), None)
    if inside is not None:
        return inside  # "the fall, on 8 October, of X": the phrase's own day
    clause = _opening_after_clause(ctx, t0, sentence)
    if clause is not None:  # "After the KIA took X, jets bombed the town on Sunday":
        dates = [d for d in dates if d.char_start < clause]  # the bombing's day, not X's
    lo = max(loc.end, t1) if spec.object == "after" else t1
    stop = _next_change_or_state(ctx, t1, sentence)  # "regained X, which had been held
    if _OPENING_PHRASE.match(ctx.masked, sentence[0], t0):  # "Prior to the takeover of X,
        comma = ctx.masked.find(",", lo, stop)  # the KIA had pressed on since 7 March"
        stop = comma if comma >= 0 else stop
    own = [d for d in dates if lo <= d.char_start < min(max(item_end, lo), stop)  # since
           and not _NEW_CLAUSE.search(ctx.masked, lo, d.char_start)]  # March": not its day
    if spec.object == "before":
        end = scope_end(ctx, t1, sentence)
        own = [d for d in dates if t1 <= d.char_start < end]
        then = _DEFENDERS_GAVE_UP.match(ctx.masked, t1) if not own else None
        if then:  # "X had fallen and 100 troops surrendered on Sunday": the same day
            own = [d for d in dates if then.end() <= d.char_start
                   < scope_end(ctx, then.end(), sentence)]
    within = spec.event_type == "capture" and not _STATE_WORD.search(ctx.masked, t0, t1)
    period = None  # "has seized X since 7 March": the period X was taken in
    if within:  # "has seized X and Y since 7 March": some time in that period, not that
        period = next((d for d in own if d.since), None)  # day (but "has occupied X
        own = [d for d in own if not d.since]  # since 7 March")
    if time_of_event(ctx, t0, sentence, spec):
        # "captured during the fall of Lashio, paraded on Tuesday": the fall is a time the
        # sentence refers to, dated only right after its place ("since the fall of X in
        # August"), never by the sentence's other events
        return next((d for d in own if _RIGHT_AFTER.fullmatch(ctx.masked, loc.end,
                                                              d.char_start)), None)
    if own:
        return own[0]
    if _counted()[1].search(ctx.masked, max(sentence[0], t0 - 80), t0):
        return None  # "retook it on 3 May, two years after losing it": long before any
        # day the sentence states
    when = _WHEN.match(ctx.masked, max(loc.end, t1))
    if when:  # "X came under MNDAA control when it seized the command on Aug. 3": the
        # when-clause's day is the main clause's
        own_phrase = _next_change_or_state(ctx, when.end(), sentence)  # its own phrase
        clause_end = _next_change_or_state(ctx, own_phrase + 1, sentence) \
            if own_phrase < sentence[1] else own_phrase
        at = [d for d in dates if when.end() <= d.char_start < clause_end and
              not _NEW_CLAUSE.search(ctx.masked, when.end(), d.char_start)]
        if at:
            return at[0]
    sub = _AFTER_CLAUSE.search(ctx.masked, max(sentence[0], t0 - 60), t0)
    since = _SINCE_CLAUSE.search(ctx.masked, max(sentence[0], t0 - 30), t0)
    if since:  # "on 22 April a convoy came from X, its base since losing Y": Y was lost before
        dates = [d for d in dates if d.char_start >= since.end()]
    opening = _OPENING_AFTER.match(ctx.masked, sentence[0], t0)
    if opening and opening.end() <= t0:  # "After capturing X on 28 December, the TNLA
        # attacked Y": that day is X's; Y's came after it
        dates = [d for d in dates if not opening.start() <= d.char_start < opening.end()]
    turn = _CONTRAST.search(ctx.masked, sentence[0], t0)
    if turn and next_trigger(ctx, sentence[0], (sentence[0], turn.start()),
                             control_only=True) < turn.start():
        # "the KIA held X in November, but it was retaken by the junta": the date of the
        # first clause's event is not the second's
        dates = [d for d in dates if d.char_start >= turn.start()]
    if within and period is None:
        period = next((d for d in dates if d.since and d.char_end <= t0), None)
    before = [d for d in dates if d.char_end <= t0 and not (
        d.since and spec.event_type == "capture" and  # "stepped up its offensive since 7
        not _STATE_WORD.search(ctx.masked, t0, t1)) and not (  # March, capturing several
        # camps": taken some time in that period (not "has occupied X since 7 March")
        d.since and _UNTIL.search(ctx.masked, d.char_end, t0)) and not (
        sub and d.since and d.char_end <= sub.start())]  # "has attacked X since Tuesday,
    # after it took Y": Y was taken before that period began
    if before and _PRESENT.search(ctx.masked, max(sentence[0], t0 - 40), t0):
        before = [d for d in before if not _NEW_CLAUSE.search(ctx.masked, d.char_end, t0)]
        # "took X on 7 April, and they are now attacking Y": Y's attack is today's
    if before:  # not "held it since 2024, until it was captured": that date opens a state
        return _offset(ctx, before[-1], t0)
    if listed:
        return _month_of_period(ctx, period)
    after = [d for d in dates if lo <= d.char_start < stop and not (within and d.since)]
    if within and period is None:
        period = next((d for d in dates if lo <= d.char_start < stop and d.since), None)
    return after[0] if after else _month_of_period(ctx, period)


def _opening_after_clause(ctx: Context, t0: int, sentence: tuple[int, int]) -> int | None:
    """The end of the "after" clause that opens the sentence ("After the KIA took X, ...")
    when the phrase at ``t0`` is inside it; else None."""
    clause = _OPENING_AFTER.match(ctx.masked, sentence[0], sentence[1])
    if clause and t0 < clause.end() and ctx.masked[clause.start():t0].lstrip(
            " \"“").casefold().startswith(("after", "following")):
        return clause.end()
    return None


def main_clause_bound(ctx: Context, t0: int, sentence: tuple[int, int]
                      ) -> ResolvedDate | None:
    """For a phrase inside an opening "after" clause, the first date of the main clause
    ("After the KIA took X, jets bombed the town on Sunday": X fell by Sunday), a bound
    rather than the phrase's day; else None."""
    end = _opening_after_clause(ctx, t0, sentence)
    if end is None:
        return None
    return next(iter(dates_between(ctx, end, sentence[1])), None)


def _month_of_period(ctx: Context, since: ResolvedDate | None) -> ResolvedDate | None:
    """The month of a period that began on ``since`` and runs to the publication day
    (:func:`~gazetteer.date_resolve.month_of_period`), inferred."""
    return month_of_period(since, ctx.article.published)


#: After a fall, its defenders giving up in a clause of their own: "(X had fallen) and more
#: than 100 regime troops surrendered".
_DEFENDERS_GAVE_UP = re.compile(
    r"[^.;:,]{0,40}?,?\s+and\s+(?:[\w'’-]+\s+){0,8}?(?:surrendered|gave\s+(?:themselves\s+)?up|"
    r"laid\s+down\s+(?:their\s+)?arms)\b", re.IGNORECASE)
#: Just after a phrase or its place: a clause of the same time opens.
_WHEN = re.compile(r"[^.;:,]{0,20}?,?\s*\bwhen\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _counted() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns that count from a stated day, their number words from ``[numbers]`` of
    rules/dates.toml: a day set off from it ("on Monday, a day after X fell": ``_offset``),
    and an "after" clause set months or years back ("a year after", "more than two years
    after", "months after": no day the sentence states)."""
    n = trie_pattern(date_tables().numbers)
    offset = re.compile(rf"\s*,?\s*(?:just\s+|only\s+|about\s+)?(?P<n>{n}|\d{{1,2}})\s+"
                        r"(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s", re.IGNORECASE)
    long_before = re.compile(
        rf"(?:\b(?:{n}|several|many|a\s+few|a\s+couple\s+of|\d{{1,2}})\s+|\b)"
        r"(?:months|years?)\s+(?:after|following)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
    return offset, long_before


def _next_change_or_state(ctx: Context, pos: int, sentence: tuple[int, int]) -> int:
    """Start of the next capture or assault phrase after ``pos`` in the sentence, or of a
    holding told in a relative clause ("regained X, which had been held by the KIA since
    March"), else the sentence's end: a date past it is that phrase's."""
    def accept(start: int, spec: TriggerSpec) -> bool:
        if spec.event_type == "capture" and (_AFTER_BEING.search(
                ctx.masked, max(pos, start - 20), start + 5) or _AFTER_THE_LAST.match(
                ctx.masked, max(pos, start - 12))):
            return False  # "was the latest to fall after being captured on Thursday",
            # "seized X after capturing its last outpost on Monday": the same taking told
            # again, or its last step; its day is the main clause's
        return spec.event_type in ("capture", "assault") or (
            spec.event_type == "held" and
            _RELATIVE_CLAUSE.search(ctx.masked, pos, start) is not None)

    return next_trigger(ctx, pos, sentence, accept=accept)


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|that|where|who)\b")
#: A town's last step: "after capturing the remaining outpost", "upon seizing the last base".
_AFTER_THE_LAST = re.compile(
    r".{0,12}?\b(?:after|upon)\s+(?:(?:it|they)\s+(?:had\s+)?(?:captured|seized|took|overran|"
    r"cleared)|capturing|seizing|taking|overrunning|clearing)\s+(?:control\s+of\s+)?"
    r"(?:the|its|their)\s+(?:last|remaining|final\b|(?:[\w()'’-]+\s+){0,6}?"
    r"(?:headquarters|command)\b)", re.IGNORECASE)  # "... after it seized the battalion
# headquarters on Monday": the town's last step, its day
#: "after being" up to a phrase's fifth character ("after being captu|red"; "after
#: being" when the phrase opens with "being").
_AFTER_BEING = re.compile(r"\b(?:after|upon|on)\s+being(?:\s+[a-z]{0,5})?$",
                          re.IGNORECASE)


def _offset(ctx: Context, date: ResolvedDate, t0: int) -> ResolvedDate:
    """The day of a phrase set off from a stated day ("bombed Laiza on Monday, a day
    after the KIA captured X": X was taken on Sunday); ``date`` itself otherwise."""
    m = _counted()[0].match(ctx.masked, date.char_end)
    if m is None or date.precision != "day" or t0 - m.end() > 60 or \
            re.search(r"[,;]", ctx.masked[m.end():t0]):
        return date  # not "On 10 May, two days after X fell, the army shelled Y": Y's day
    n = m["n"].casefold()
    days = (int(n) if n.isdigit() else date_tables().numbers[n]) * \
        (7 if m["unit"].startswith("w") else 1)
    day = date.start + dt.timedelta(days=-days if m["dir"].casefold() == "after" else days)
    return ResolvedDate(day.isoformat(), "day", day, day, date.text, date.char_start,
                        date.char_end, kind="anchored")


#: Between a place and a date: the date opens a clause of its own ("attacked Mogok, and on
#: 3 July the MNDAA ..."), not the place's.
#: A phrase that can tell a state as well as a taking ("has occupied X since March").
_STATE_WORD = re.compile(r"\b(?:occup|control|held|hold)", re.IGNORECASE)
#: A phrase that opens the sentence with what came later, up to its comma ("Prior to the
#: takeover of X, ..."): a date after that comma is the main clause's, an earlier time.
#: (After "After the fall of X, ..." a date may be the same day's, and is kept.)
_OPENING_PHRASE = re.compile(r"\s*(?:prior\s+to|before|ahead\s+of)\s+(?:(?:the|its|their)\s+"
                             r"[^,;:]*)?$", re.IGNORECASE)
#: Before a phrase: the present tense ("are also attacking", "is now besieging", "has been
#: shelling", "continue to attack").
_PRESENT = re.compile(r"\b(?:is|are|am|(?:has|have)\s+been|continues?\s+to|(?:is|are)\s+"
                      r"continuing\s+to)\s+(?:(?:also|now|still|currently|again|reportedly|"
                      r"meanwhile|already)\s+){0,2}$", re.IGNORECASE)


def present_tense(ctx: Context, t0: int, t1: int, sentence: tuple[int, int]) -> bool:
    """Whether the phrase at ``t0`` tells what is going on as the article is written ("the
    KIA is now attacking X", "troops continue to attack X"): a present participle or
    infinitive after a present auxiliary, outside any "when"/"after" clause."""
    word = ctx.text[t0:t1].split()[0].casefold()
    return (word.endswith("ing") or _INFINITIVE_LEAD.search(ctx.masked, max(0, t0 - 14), t0)
            is not None) and _PRESENT.search(ctx.masked, max(sentence[0], t0 - 40), t0) \
        is not None


_INFINITIVE_LEAD = re.compile(r"\bto\s+$", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while|whereas|then|before|after)\b|;")
#: A phrase inside an "after" clause ("... since Tuesday, after it recaptured X"): a
#: period the main clause opens began after its event.
#: An "after" clause opening the sentence (or its reported speech), up to its comma.
_OPENING_AFTER = re.compile(r"\s*(?:[^,;:]{0,60}?\bthat\s+)?[\"“]?(?:after|following)\b"
                            r"[^,;:]{1,120},", re.IGNORECASE)
_AFTER_CLAUSE = re.compile(r"\b(?:after|following)\s+(?:[\w'’-]+\s+){0,3}$")
#: A phrase opening a "since" clause ("since losing X", "since it lost X"): the event
#: came before the main clause's time, so no date before "since" is its own.
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:(?:it|they|we|he|she)\s+(?:had\s+|has\s+|have\s+)?)?$",
                           re.IGNORECASE)
#: A clause opening a period by an event's start: "since the offensive began (on)", "since
#: the operation was launched".
_SINCE_BEGAN = re.compile(r"\bsince\s+(?:the|its|their|this|that)\s+(?:[\w'’-]+\s+){0,3}?"
                          r"(?:began|begun|started|opened|kicked\s+off|(?:was|were)\s+"
                          r"launched)\s+$", re.IGNORECASE)
#: A named event used as a time ("during the fall of X", "since the capture of X").
_TIME_OF_EVENT = re.compile(r"\b(?:during|since|before|until|amid|throughout)\s+(?:the\s+)?"
                            r"(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_RIGHT_AFTER = re.compile(r"[\s,]*(?:(?:in|on|at|by)\s+)?", re.IGNORECASE)
#: A turn to a later event in the same sentence ("..., but the town was later retaken").
_CONTRAST = re.compile(r"(?:,\s*|\s+)(?:but|only\s+to|before)\s+(?:(?!but\b)[\w'’-]+\s+){0,4}$")
_UNTIL = re.compile(r"\b(?:until|till|before)\b", re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*$")


def range_end(ctx: Context, d: ResolvedDate, sentence: tuple[int, int]) -> ResolvedDate:
    """For a capture stated over a period ("from 4 August to 11 September"), its end."""
    if not d.since:
        return d
    following = dates_between(ctx, d.char_end, sentence[1])
    if following and _RANGE.match(ctx.masked[d.char_end:following[0].char_start]):
        return following[0]
    return d


def respective_dates(ctx: Context, after: int, sentence: tuple[int, int]
                     ) -> list[ResolvedDate]:
    """The dates a list pairs with its places by "respectively" ("seized A and B on Dec. 15
    and 19, respectively"), in order, between ``after`` (the list's end) and the word; a
    bare day after a day ("Dec. 15 and 19") or before a day-month ("3 and 5 March") is of
    that day's month and year. [] without the word."""
    word = _RESPECTIVELY.search(ctx.masked, after, sentence[1])
    if word is None:
        return []
    found: list[ResolvedDate] = []
    for d in dates_between(ctx, after, word.end()):
        if d.precision == "day":  # "on 3 and 5 March": the days before the month's
            lead = _DAYS_BEFORE.search(ctx.masked, max(after, d.char_start - 30),
                                       d.char_start)
            for day_text in re.findall(r"\d{1,2}", lead.group()) if lead else ():
                try:
                    day = d.start.replace(day=int(day_text))
                except ValueError:
                    return []
                found.append(ResolvedDate(day.isoformat(), "day", day, day, day_text,
                                          lead.start(), lead.end(), kind=d.kind))
        found.append(d)
        pos = d.char_end
        while d.precision == "day" and (more := _MORE_DAYS.match(ctx.masked, pos)):
            try:
                day = d.start.replace(day=int(more.group("day")))
            except ValueError:
                return []
            found.append(ResolvedDate(day.isoformat(), "day", day, day, more.group("day"),
                                      more.start("day"), more.end("day"), kind=d.kind))
            pos = more.end()
    return found


#: Bare days before a day-month ("on 3 and 5 March", "on 3, 5 and 8 March").
_DAYS_BEFORE = re.compile(r"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:,\s*(?:and\s+)?|"
                          r"\s+and\s+))+$", re.IGNORECASE)
_RESPECTIVELY = re.compile(r",?\s*respectively\b", re.IGNORECASE)
#: A bare day continuing a list of days: "Dec. 15 and 19", "3, 5 and 8 May" is not one.
_MORE_DAYS = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<day>[12]\d|3[01]|0?[1-9])"
                        r"(?:st|nd|rd|th)?\b(?!\s*(?:km|kilomet|mile|%|percent|per\s+cent))",
                        re.IGNORECASE)


def reported_date_of(ctx: Context, t0: int, sentence: tuple[int, int]) -> ResolvedDate | None:
    """The day a statement in the sentence was made ("announced on Tuesday that it had
    captured X"): the last before the phrase, else the first after it; an event's date
    only when its sentence states no other."""
    found = [d for d in ctx.reported if sentence[0] <= d.char_start < sentence[1]]
    before = [d for d in found if d.char_end <= t0]
    if before:
        return before[-1]
    return found[0] if found else None

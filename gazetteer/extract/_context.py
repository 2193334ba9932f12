"""The state shared by the steps that read one article's triggers (plumbing).

Every lookup here is a bisection over sorted start offsets, so the work per trigger does
not grow with the article's length (extraction stays linear in the text's length).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from gazetteer.articles import Article
from gazetteer.dates import ResolvedDate
from gazetteer.extract.matcher import Rules, TriggerSpec
from gazetteer.extract.places import Mention


@dataclass(slots=True)
class Draft:
    event_type: str
    loc: Mention
    actor: str
    target: str
    date: ResolvedDate | None
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    adjust: tuple[str, ...]
    date_inherited: bool = False
    date_reported: bool = False
    #: "partial" for a capture of part of the place ("took much of the town"), else ""
    extent: str = ""
    #: the date of an "after" clause of its sentence ("seized X following the offensive's
    #: return in June"): a bound, not the day; the date when no mention of the same event
    #: states one (``story.carry_story_dates``)
    bound: ResolvedDate | None = None
    #: told in an "after" clause ("retook X a year after losing it to the TNLA"; not
    #: "after the fall of X", which names the story's event as a time): an earlier event,
    #: kept out of the story's mentions and dates (``story``)
    anterior: bool = False
    #: told in the present tense ("the KIA is now attacking X"): when nothing else dates
    #: it, under way in the month of publication (``story.carry_story_dates``)
    present: bool = False


@dataclass(slots=True)
class Context:
    text: str
    masked: str
    article: Article
    r: Rules
    sentences: list[tuple[int, int]]
    dates: list[ResolvedDate]
    locs: list[Mention]
    loc_starts: list[int]
    actors: list[tuple[int, int, str]]
    hq_owner: str
    #: start and first reading of every trigger phrase, in text order (parallel lists:
    #: nothing per trigger for the garbage collector)
    trigger_starts: list[int] = field(default_factory=list)
    trigger_specs: list[TriggerSpec] = field(default_factory=list)
    #: dates just after a reporting verb ("announced on Tuesday that ..."): the day of the
    #: statement, an event's date only when its sentence states no other
    reported: list[ResolvedDate] = field(default_factory=list)
    #: starts of the actor mentions named by generic words ("the rebel troops")
    generic_actors: frozenset[int] = frozenset()
    #: generic words that name no actor named before: (start, end, side)
    unnamed_actors: list[tuple[int, int, str]] = field(default_factory=list)
    #: what could not be settled (``story.CandidateDraft``), in the order found
    candidates: list[Any] = field(default_factory=list)
    #: every object (place) read so far, in text order, and the start of its trigger's
    #: sentence (parallel lists)
    object_locs: list[Mention] = field(default_factory=list)
    object_starts: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    actor_starts: list[int] = field(default_factory=list)
    date_starts: list[int] = field(default_factory=list)
    #: (sentence start, pattern name) -> (starts, ends) of that pattern's matches in the
    #: masked sentence, found once per sentence however many triggers it holds
    spans: dict[tuple[int, str], tuple[list[int], list[int]]] = field(default_factory=dict)
    #: starts and ends of the cue prefilter's matches in the masked text (built on first use)
    cue_hits: tuple[list[int], list[int]] | None = None
    #: sentence start -> how many trigger phrases it holds (ints: nothing for the collector)
    trigger_count: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentence_starts = [s for s, _ in self.sentences]
        self.actor_starts = [a for a, _, _ in self.actors]
        self.date_starts = [d.char_start for d in self.dates]


def sentence_index(ctx: Context, pos: int) -> int:
    """Index in ``ctx.sentences`` of the sentence holding ``pos`` (0 when before the first)."""
    return max(bisect_right(ctx.sentence_starts, pos) - 1, 0)


def sentence_of(ctx: Context, pos: int) -> tuple[int, int]:
    return ctx.sentences[sentence_index(ctx, pos)] if ctx.sentences else (0, len(ctx.text))


def previous_sentence(ctx: Context, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence before ``sentence``, or None for the first."""
    i = bisect_left(ctx.sentence_starts, sentence[0])
    return ctx.sentences[i - 1] if 0 < i <= len(ctx.sentences) else None


def next_sentence(ctx: Context, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence after ``sentence``, or None for the last."""
    i = bisect_left(ctx.sentence_starts, sentence[0])
    return ctx.sentences[i + 1] if i + 1 < len(ctx.sentences) else None


def locs_between(ctx: Context, a: int, b: int) -> list[Mention]:
    i = bisect_left(ctx.loc_starts, a)
    out = []
    while i < len(ctx.locs) and ctx.locs[i].start < b:
        out.append(ctx.locs[i])
        i += 1
    return out


def actors_between(ctx: Context, a: int, b: int) -> list[tuple[int, int, str]]:
    """Known actors mentioned wholly inside ``[a, b)``, in text order."""
    i = bisect_left(ctx.actor_starts, a)
    out = []
    while i < len(ctx.actors) and ctx.actors[i][0] < b:
        x = ctx.actors[i]
        if x[1] <= b and x[2]:
            out.append(x)
        i += 1
    return out


def iter_actors(ctx: Context, a: int, b: int, *, reverse: bool = False
                ) -> Iterator[tuple[int, int, str]]:
    """Lazily, the known actors wholly inside ``[a, b)``; last first when ``reverse``."""
    if reverse:
        i = bisect_left(ctx.actor_starts, b) - 1
        while i >= 0 and ctx.actors[i][0] >= a:
            x = ctx.actors[i]
            if x[1] <= b and x[2]:
                yield x
            i -= 1
        return
    i = bisect_left(ctx.actor_starts, a)
    while i < len(ctx.actors) and ctx.actors[i][0] < b:
        x = ctx.actors[i]
        if x[1] <= b and x[2]:
            yield x
        i += 1


def dates_between(ctx: Context, a: int, b: int) -> list[ResolvedDate]:
    """Dates starting inside ``[a, b)``, in text order."""
    return ctx.dates[bisect_left(ctx.date_starts, a):bisect_left(ctx.date_starts, b)]


def _pattern(ctx: Context, name: str) -> re.Pattern[str] | None:
    r = ctx.r
    if name == "breaker":
        return r.breaker_re
    if name == "cue_breaker":
        return r.cue_breaker_re
    if name == "denial":
        return r.denial_re
    if name == "plan":
        return r.plan_re
    return r.cue.get(name)


def sentence_spans_of(ctx: Context, name: str, sentence: tuple[int, int]
                      ) -> tuple[list[int], list[int]]:
    """Starts and ends of the matches of pattern ``name`` in the masked ``sentence``:
    "breaker", "cue_breaker", "denial", "plan" or a cue list of events.toml."""
    key = (sentence[0], name)
    found = ctx.spans.get(key)
    if found is None:
        pattern = _pattern(ctx, name)
        starts: list[int] = []
        ends: list[int] = []
        if pattern is not None:
            for m in pattern.finditer(ctx.masked, sentence[0], sentence[1]):
                starts.append(m.start())
                ends.append(m.end())
        found = ctx.spans[key] = (starts, ends)
    return found


def _cue_hits(ctx: Context) -> tuple[list[int], list[int]]:
    """Starts and ends of the cue prefilter's matches in the whole masked text, found
    once per article (a few integers per match, nothing per sentence)."""
    if ctx.cue_hits is None:
        starts: list[int] = []
        ends: list[int] = []
        for m in ctx.r.cue_any_re.finditer(ctx.masked):
            starts.append(m.start())
            ends.append(m.end())
        ctx.cue_hits = (starts, ends)
    return ctx.cue_hits


def cue_from(ctx: Context, sentence: tuple[int, int], a: int, b: int) -> int | None:
    """Where, in ``[a, b)`` of the sentence, a cue, breaker or gap word may first match
    (the start of the first word of the prefilter that overlaps it, at least ``a``); None
    when none of those patterns can match there."""
    starts, ends = ctx.cue_hits or _cue_hits(ctx)
    i = bisect_right(ends, a)
    if i < len(starts):
        at = starts[i]
        if at < b and at < sentence[1]:
            return at if at > a else a
    return None


#: A sentence with more triggers than this indexes its cue matches once; fewer search
#: directly (cheaper for the one or two triggers of an ordinary sentence).
_DIRECT_TRIGGERS = 3


def _direct(ctx: Context, sentence: tuple[int, int]) -> bool:
    many = ctx.trigger_count.get(sentence[0])
    if many is None:
        lo = bisect_left(ctx.trigger_starts, sentence[0])
        hi = bisect_left(ctx.trigger_starts, sentence[1])
        many = ctx.trigger_count[sentence[0]] = hi - lo
    return many <= _DIRECT_TRIGGERS


def first_match_at(ctx: Context, name: str, sentence: tuple[int, int], pos: int) -> int | None:
    """Start of the first match of ``name`` in the sentence starting at or after ``pos``."""
    at = cue_from(ctx, sentence, pos, sentence[1])
    if at is None:
        return None
    if _direct(ctx, sentence):
        pattern = _pattern(ctx, name)
        m = pattern.search(ctx.masked, at, sentence[1]) if pattern is not None else None
        return m.start() if m else None
    starts, _ = sentence_spans_of(ctx, name, sentence)
    i = bisect_left(starts, pos)
    return starts[i] if i < len(starts) else None


def last_match_end(ctx: Context, name: str, sentence: tuple[int, int], pos: int) -> int | None:
    """End of the last match of ``name`` in the sentence that ends at or before ``pos``."""
    at = cue_from(ctx, sentence, sentence[0], pos)
    if at is None:
        return None
    if _direct(ctx, sentence):
        pattern = _pattern(ctx, name)
        end = None
        if pattern is not None:
            for m in pattern.finditer(ctx.masked, at, pos):
                end = m.end()
        return end
    _, ends = sentence_spans_of(ctx, name, sentence)
    i = bisect_right(ends, pos)
    return ends[i - 1] if i else None


def match_within(ctx: Context, name: str, sentence: tuple[int, int], a: int, b: int) -> bool:
    """Whether a match of ``name`` lies wholly inside ``[a, b)`` of the sentence."""
    at = cue_from(ctx, sentence, a, b)
    if at is None:
        return False
    if _direct(ctx, sentence):
        pattern = _pattern(ctx, name)
        return pattern is not None and pattern.search(ctx.masked, at, b) is not None
    starts, ends = sentence_spans_of(ctx, name, sentence)
    i = bisect_left(starts, a)
    return i < len(starts) and ends[i] <= b


def scope_end(ctx: Context, pos: int, sentence: tuple[int, int]) -> int:
    """Where the clause that began before ``pos`` ends: a breaker or the next trigger; not
    a word that describes the place just named ("attacks on the outposts and LIB 321
    headquarters on Saturday": "headquarters" is no new clause)."""
    brk = first_match_at(ctx, "breaker", sentence, pos)

    def new_clause(start: int, spec: TriggerSpec) -> bool:
        return not (spec.object == "before" and spec.event_type == "held"
                    and not ctx.text[pos:start].strip())

    return min(sentence[1] if brk is None else brk,
               next_trigger(ctx, pos, sentence, accept=new_clause))


def next_trigger(ctx: Context, pos: int, sentence: tuple[int, int], *,
                  control_only: bool = False,
                  accept: Callable[[int, TriggerSpec], bool] | None = None) -> int:
    """Start of the next trigger phrase after ``pos`` in the sentence, else its end: any
    phrase, a capture or assault one with ``control_only``, or one ``accept(start, spec)``
    takes."""
    i = bisect_left(ctx.trigger_starts, pos)
    while i < len(ctx.trigger_starts):
        start, spec = ctx.trigger_starts[i], ctx.trigger_specs[i]
        if start >= sentence[1]:
            break
        if accept is not None:
            if accept(start, spec):
                return start
        elif not control_only or spec.event_type in ("capture", "assault"):
            return start
        i += 1
    return sentence[1]


def unnamed_subject(ctx: Context, a: int, b: int) -> str:
    """The side ("resistance" or "junta") of a generic subject in ``[a, b)`` that names
    nobody ("Rebel troops captured X" with no rebel group named), else ""."""
    for start, _end, side in ctx.unnamed_actors:
        if a <= start < b:
            return side
    return ""

"""Rules across sentences: background dates, dates carried from the next sentence, and the
candidates an analyst must settle.

- A capture or assault dated more than ``[limits] history_years`` before publication is
  background ("fell to the CPB in 1968"), not news: it becomes a candidate, and no other
  mention inherits its date.
- An undated capture or assault takes the date of an adjacent sentence (the one before,
  then the one after, ``[limits] carry_sentences`` away at most) when that sentence
  reports nothing about another place: "Rebels captured X. The operation took place
  today." The date is marked inferred.
- What cannot be settled is kept as a :class:`CandidateDraft` with its reason (see
  :data:`gazetteer.events.CANDIDATE_REASONS`); an undated event stays in the event table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gazetteer.dates import ResolvedDate
from gazetteer.extract._context import Context, Draft, dates_between, sentence_index
from gazetteer.extract.places import Mention

CHANGES = ("capture", "assault")
#: How many sentences back the actor of the event before may be carried to one without.
_ACTOR_SENTENCES = 3


@dataclass(slots=True)
class CandidateDraft:
    """A capture or assault phrase not settled: why, and what is known."""

    reason: str
    event_type: str
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    mention: str = ""
    loc: Mention | None = None
    date: ResolvedDate | None = None
    actor: str = ""


def drop_historical(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Drafts without the background ones (kept as "historical" candidates)."""
    published = ctx.article.published
    years = ctx.r.limits.get("history_years", 0)
    if published is None or not years:
        return drafts
    try:
        horizon = published.replace(year=published.year - years)
    except ValueError:  # 29 February, or a year before 1 + years
        horizon = dt.date(max(1, published.year - years), published.month, 28)
    kept = []
    for d in drafts:
        if d.event_type in CHANGES and d.date is not None and d.date.end < horizon:
            ctx.candidates.append(CandidateDraft("historical", d.event_type, d.trigger,
                                                 d.sentence, d.loc.name, d.loc, d.date,
                                                 d.actor))
        else:
            kept.append(d)
    return kept


def carry_adjacent_dates(ctx: Context, drafts: list[Draft]) -> None:
    """Undated captures and assaults take the date of an adjacent sentence that reports
    nothing about another place (the sentence before first, then the one after)."""
    reach = ctx.r.limits.get("carry_sentences", 0)
    if not reach:
        return
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(sentence_index(ctx, d.sentence[0]), []).append(d)
    reported = {(c.sentence[0], c.event_type) for c in ctx.candidates}
    for d in drafts:
        if d.event_type not in CHANGES or d.date is not None:
            continue
        i = sentence_index(ctx, d.sentence[0])
        for step in range(1, reach + 2):
            if step > reach and (by_sentence.get(i - reach) or _dated(ctx, i - reach)
                                 or not _reports(ctx, i - step, d.event_type, reported)):
                break  # one sentence further: across a sentence that reports nothing, to
                # one that reports an event of the same kind (a phrase without a place)
            date = _date_of_neighbour(ctx, d, i - step, by_sentence, last=True) or \
                _date_of_neighbour(ctx, d, i + step, by_sentence, last=False)
            if date is not None:
                d.date, d.date_inherited = date, True
                break


def carry_actors(ctx: Context, drafts: list[Draft]) -> None:
    """A capture or assault with no actor of its own ("It has also seized X", "X fell on
    12 November") takes the actor of the event just before it, in its sentence or the
    previous one; marked inferred."""
    last: Draft | None = None
    changes = [d for d in drafts if d.event_type in CHANGES]
    following: list[Draft | None] = [None] * len(changes)  # the next event with an actor
    upcoming: Draft | None = None
    for n in range(len(changes) - 1, -1, -1):
        following[n] = upcoming
        if changes[n].actor:
            upcoming = changes[n]
    for n, d in enumerate(changes):
        if not d.actor and last is not None and \
                sentence_index(ctx, d.sentence[0]) - sentence_index(ctx, last.sentence[0]) \
                <= _ACTOR_SENTENCES:
            d.actor = last.actor
            d.adjust = (*d.adjust, "inferred_actor")
        elif not d.actor:  # none before: the actor of the next event, if as close
            after = following[n]
            if after is not None and sentence_index(ctx, after.sentence[0]) - \
                    sentence_index(ctx, d.sentence[0]) <= _ACTOR_SENTENCES:
                d.actor = after.actor
                d.adjust = (*d.adjust, "inferred_actor")
        if d.actor:
            last = d


def _reports(ctx: Context, j: int, event_type: str,
             reported: set[tuple[int, str]]) -> bool:
    """Whether sentence ``j`` holds a phrase of ``event_type`` left as a candidate."""
    return 0 <= j < len(ctx.sentences) and (ctx.sentences[j][0], event_type) in reported


def _dated(ctx: Context, j: int) -> bool:
    if not 0 <= j < len(ctx.sentences):
        return False
    return bool(dates_between(ctx, *ctx.sentences[j]))


def _date_of_neighbour(ctx: Context, d: Draft, j: int, by_sentence: dict[int, list[Draft]],
                       *, last: bool) -> ResolvedDate | None:
    if not 0 <= j < len(ctx.sentences):
        return None
    if any(not _same_place(o.loc, d.loc) for o in by_sentence.get(j, [])):
        return None  # that sentence is about another place
    others = [o for o in by_sentence.get(j, []) if o.event_type in CHANGES]
    own = [o.date for o in others if o.date is not None]
    if own:
        return own[-1] if last else own[0]
    start, end = ctx.sentences[j]
    dates = [x for x in dates_between(ctx, start, end) if x.precision != "year"]
    if not dates:
        return None
    return dates[-1] if last else dates[0]


def _same_place(a: Mention, b: Mention) -> bool:
    """The same place, or a base or camp at it ("the camp in Kutkai" and Kutkai)."""
    return a.name == b.name or (round(a.lat, 4), round(a.lon, 4)) == \
        (round(b.lat, 4), round(b.lon, 4))

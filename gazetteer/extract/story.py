"""Rules across sentences: background dates, dates carried from the next sentence, and the
candidates an analyst must settle.

- A capture or assault dated more than ``[limits] history_years`` before publication is
  background ("fell to the CPB in 1968"), not news: it becomes a candidate, and no other
  mention inherits its date.
- An undated capture or assault takes the date of an adjacent sentence (the one before,
  then the one after, ``[limits] carry_sentences`` away at most) when that sentence
  reports nothing about another place: "Rebels captured X. The operation took place
  today." An event there at a place that may be this one (a camp located only by its
  township, and a village of that township) gives its own date whatever else the sentence
  reports. The date is marked inferred.
- Failing that (:func:`carry_story_dates`), the date of the same kind of event at the
  same place a few sentences away (``[limits] story_sentences``), else the day stated for
  it anywhere in the article when no other day is ("X says it has seized Y." ... "The
  army's camp at Y fell on Wednesday"), else the date of an "after" clause of its own
  sentence, a bound ("seized Y following the offensive's return in June"), else the month
  of the nearest sentence before it that states one and reports nothing about another
  place: month precision, marked inferred and a story date ("the KIA captured X on 2
  October. ... The junta says the KIA has also seized bases near Y"). An event with such
  a bound takes no date from a neighbouring sentence.
- A sentence that puts its events in a period counted from something undated ("retook it
  within three days", "over the next few weeks") takes no date from its neighbours.
- What cannot be settled is kept as a :class:`CandidateDraft` with its reason (see
  :data:`gazetteer.events.CANDIDATE_REASONS`); an undated event stays in the event table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from gazetteer.date_resolve import month_of, month_of_period
from gazetteer.dates import ResolvedDate, has_sequel, has_window
from gazetteer.extract._context import (
    Context,
    Draft,
    dates_between,
    sentence_index,
    unnamed_subject,
)
from gazetteer.extract.places import Mention
from gazetteer.extract.quotes import quotations
from gazetteer.extract.roles import opponent, speaker_of_no_group, takes_back
from gazetteer.extract.sites import by_town, by_village
from gazetteer.ruledata import load_rules, trie_pattern

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


#: An undated event told as history: "decades ago", "in the 1990s", "the army's 2009
#: offensive".
_HISTORY = re.compile(r"\b(?:decades|generations)\s+(?:ago|earlier|before)\b|"
                      r"\b(?:in|during|since)\s+the\s+(?:19|20)\d0s\b|"
                      r"\b(?:19\d\d|200\d|201[0-5])\s+(?:offensive|attack|assault|battle|"
                      r"campaign|capture|fall|war|fighting)\b", re.IGNORECASE)


def drop_historical(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Drafts without the background ones (kept as "historical" candidates): dated ten
    years or more before publication, or undated in a sentence told as history."""
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
        told_as_history = d.date is None and bool(_HISTORY.search(ctx.text, *d.sentence))
        long_before = d.date is not None and d.date.end < horizon
        if d.event_type in CHANGES and (told_as_history or long_before):
            ctx.candidates.append(CandidateDraft("historical", d.event_type, d.trigger,
                                                 d.sentence, d.loc.name, d.loc, d.date,
                                                 d.actor))
        else:
            kept.append(d)
    return kept


def drop_attackers_retreats(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Drafts without the retreats of a side from a place it was attacking: "regime forces
    began attempting to retake the town on 26 January ... Regime forces retreated from the
    town late Saturday" ends the attack; the defenders took nothing. A side told as
    holding or taking the place before stays a loser when it retreats."""
    kept = []
    for d in drafts:
        if d.event_type == "capture" and d.target and \
                ctx.r.retreat_re.search(ctx.text, *d.trigger) and \
                any(o.event_type == "assault" and o.trigger[0] < d.trigger[0]
                    and o.actor and same_side(ctx, o.actor, d.target)
                    and _same_place(o.loc, d.loc) for o in drafts) and \
                not any(o is not d and o.event_type in ("capture", "held")
                        and o.trigger[0] < d.trigger[0] and o.actor
                        and same_side(ctx, o.actor, d.target) and _same_place(o.loc, d.loc)
                        for o in drafts):
            continue
        kept.append(d)
    return kept


def inherit_mentions(ctx: Context, drafts: list[Draft]) -> None:
    """A mention of a capture or assault without a date or actor takes those (and the
    target) of another mention of the same event: same type and place, the last dated one
    before it, else the first after it. A mention by the other side ("the army took it
    back", then "the KIA retook it") begins another event: mentions take nothing across
    it."""
    runs: dict[tuple[str, str], list[Draft]] = {}
    for d in drafts:
        if d.event_type in CHANGES and not d.anterior:  # an "after" clause's own event
            # ("after losing it to the TNLA") is an older one
            runs.setdefault((d.event_type, _place_key(d.loc)), []).append(d)
    for mentions in runs.values():
        if len(mentions) > 1 and any(d.date is None or not d.actor for d in mentions):
            holders = _taken_back_from_holder(ctx, mentions)
            for event in _by_side(ctx, [d for d in mentions if d not in holders]):
                _share(event)


def refine_coarse_dates(ctx: Context, drafts: list[Draft]) -> None:
    """A mention dated only to a week or a month ("ceded X last week"), only by the day it
    was reported ("said on Tuesday it had captured X"), or by a neighbour's date, takes
    the one day another mention of the same event (same type and place, same side) states
    within that span, or by that report ("took the camp on Monday"); marked inherited.
    Two such days: none is taken."""
    runs: dict[tuple[str, str], list[Draft]] = {}
    for d in drafts:
        if d.event_type in CHANGES and not d.anterior:  # see inherit_mentions
            runs.setdefault((d.event_type, _place_key(d.loc)), []).append(d)
    for mentions in runs.values():
        for event in _by_side(ctx, mentions) if len(mentions) > 1 else ():
            for d in event:
                if d.date is None or (d.date.precision == "day" and not d.date_reported
                                      and not d.date_inherited):
                    continue
                lo = d.date.start if not (d.date_reported or d.date_inherited) else \
                    dt.date.min
                hi = d.date.end if not d.date_inherited else dt.date.max
                days = {o.date.value: o.date for o in event if o.date is not None
                        and o.date.precision == "day" and not o.date_reported
                        and not o.date_inherited and lo <= o.date.start <= hi}
                if len(days) == 1:
                    d.date, d.date_inherited = next(iter(days.values())), True


def drop_township_sites(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A site located only by its township ("seized a junta base in Mansi Township") that
    the article names elsewhere (an event of the same type and side, on a day no more
    than ``_SAME_SITE_DAYS`` apart and told at most ``_SAME_SITE_SENTENCES`` sentences
    away, at a village, camp or base of that township: "the allies captured the base in
    Si Kham Gyi village") is that site: the unnamed mention is dropped, and the named one
    takes its date and actor when it states none (inherited). So is an unnamed site near
    a town that the article describes again, located by a village ("a camp near Hpakant
    ... The camp, located near the village of Nam Ya, fell"). Several sites ("three
    outposts in Mansi Township") stand for none of them."""
    kept: list[Draft] = []
    for d in drafts:
        named = _named_site(ctx, drafts, d)
        if named is None:
            kept.append(d)
            continue
        if named.date is None and d.date is not None:
            named.date, named.date_inherited = d.date, True
        if not named.actor and d.actor:
            named.actor, named.adjust = d.actor, (*named.adjust, "inferred_actor")
    return kept


#: The most days apart two reports of one site's taking may be dated ("on Monday seized a
#: base", "it fell on Sunday evening").
_SAME_SITE_DAYS = 3
#: ... and the most sentences apart they may be told.
_SAME_SITE_SENTENCES = 2


def _named_site(ctx: Context, drafts: list[Draft], d: Draft) -> Draft | None:
    """The named mention ``d``, an unnamed site in a township, stands for (see
    :func:`drop_township_sites`), else None."""
    loc = d.loc
    near_town = by_town(loc)
    if d.event_type not in CHANGES or d.anterior or not loc.site or loc.place is not None \
            or loc.name.split()[0] != loc.site or not loc.township \
            or (loc.anchor is not None and not loc.anchor.township_area and not near_town) \
            or re.search(rf"\b{re.escape(loc.site)}e?s\b",
                         ctx.text[min(d.trigger[1], loc.start):loc.end], re.IGNORECASE):
        return None  # a named site ("the Kai Htik outpost"), or several ("three outposts
        # in Mansi Township": not one of them)
    for o in drafts:
        place = o.loc.place
        if o is d or o.event_type != d.event_type or o.anterior or o.loc.township != \
                loc.township or not same_side(ctx, d.actor, o.actor):
            continue
        if (near_town or place is None or place.kind in ("town", "city")) and \
                not _relocated(ctx, loc, o.loc):
            continue  # "a camp near Hpakant" is no other site of Hpakant Township; but
            # "The camp, located near the village of Nam Ya" is that camp
        if d.date is not None and o.date is not None and \
                abs((o.date.start - d.date.start).days) > _SAME_SITE_DAYS:
            continue
        if abs(sentence_index(ctx, o.sentence[0]) - sentence_index(ctx, d.sentence[0])) > \
                _SAME_SITE_SENTENCES:
            continue  # told far apart: may be two events
        return o
    return None


#: A site described again after its word: "The camp, located near the village of X".
_REDESCRIBED = re.compile(r"[\w-]+\s*,\s+(?:which\s+(?:is|was|lies|lay)\s+|"
                          r"that\s+(?:is|was)\s+)?(?:located|situated|lying|based)\s",
                          re.IGNORECASE)


def _relocated(ctx: Context, coarse: Mention, fine: Mention) -> bool:
    """Whether ``fine``, the same word as unnamed ``coarse`` said again with "the" and a
    new location ("a camp near Hpakant ... The camp, located near the village of Nam
    Ya"), is located by a village."""
    return fine.definite and fine.site == coarse.site and by_village(fine) and \
        _REDESCRIBED.match(ctx.text, fine.start) is not None


def _place_key(loc: Mention) -> str:
    """What makes two mentions one place: the name, or for an unnamed site ("the base near
    Bhamo", "a base on the outskirts of Bhamo") its word and point."""
    if loc.site and loc.name.split()[0] == loc.site:
        return f"{loc.site}@{loc.lat:.4f},{loc.lon:.4f}"
    return loc.name


def _taken_back_from_holder(ctx: Context, mentions: list[Draft]) -> list[Draft]:
    """A taking back that names no taker ("the recapture of Kyaukme", "Banmauk had been won
    back") told beside the place's holding by a group in the past perfect ("Kyaukme had
    been under TNLA control since August"): the other side took it back, so it takes
    neither the holder's name nor the holding's date. Marked inferred, or by the side when
    no group of it is named. Returns the holdings so told: background, they part no
    mentions of the taking back."""
    holders: list[Draft] = []
    for d in mentions:
        if d.event_type != "capture" or d.actor or not takes_back(ctx.text, *d.trigger):
            continue
        holder = next((o for o in mentions if o is not d and o.actor
                       and not takes_back(ctx.text, *o.trigger)
                       and _background(ctx.text, *o.sentence)), None)
        if holder is None:
            continue
        d.actor = opponent(ctx, holder.actor, d.sentence)
        side = "side_resistance" if holder.actor in ctx.r.junta_side else "side_junta"
        d.adjust = (*d.adjust, "inferred_actor" if d.actor else side)
        holders.append(holder)
    return holders


def _by_side(ctx: Context, mentions: list[Draft]) -> list[list[Draft]]:
    """``mentions`` (in text order) cut where an actor of the other side acts."""
    events: list[list[Draft]] = [[]]
    side: bool | None = None
    for d in mentions:
        here = _side(ctx, d)
        if here is not None:
            if side is not None and here != side:
                events.append([])
            side = here
        events[-1].append(d)
    return events


#: Notes of a mention whose actor is a side's generic word naming no group ("opposition
#: fighters"): see clauses.events_of_trigger.
_UNNAMED_SIDES = frozenset({"side_junta", "side_resistance"})


def _side(ctx: Context, d: Draft) -> bool | None:
    """Whether ``d``'s actor is on the junta's side: by its group, else by the side a
    generic word or a taking back names ("opposition fighters"); None when unknown."""
    if d.actor:
        return d.actor in ctx.r.junta_side
    return ("side_junta" in d.adjust) if _UNNAMED_SIDES.intersection(d.adjust) else None


def _sides_agree(ctx: Context, a: Draft, b: Draft) -> bool:
    """Whether mentions ``a`` and ``b`` may tell one deed: no side known for one of them,
    or the same side (see :func:`same_side`)."""
    x, y = _side(ctx, a), _side(ctx, b)
    return x is None or y is None or x == y


def _share(mentions: list[Draft]) -> None:
    """Each mention of one event takes what it lacks from the others: the date of the last
    dated one before it (else the first after), and the actor of the nearest one that names
    it and whose date agrees ("Opposition forces seized X on Monday" ... "the forces that
    took X on Monday were the KIA's")."""
    dated = [o for o in mentions if o.date is not None]
    for n, d in enumerate(mentions):
        if d.date is None and dated:
            before = [o for o in mentions[:n] if o.date is not None]
            source = before[-1] if before else dated[0]
            d.date, d.date_inherited = source.date, True
            if not d.target:
                d.target = source.target
        if not d.actor:
            named = [o for o in mentions if o is not d and o.actor and _one_time(o, d)]
            if named:
                source = min(named, key=lambda o: (o.trigger[0] > d.trigger[0],
                                                   abs(o.trigger[0] - d.trigger[0])))
                d.actor = source.actor
                d.adjust = (*d.adjust, "inferred_actor")
                if not d.target:
                    d.target = source.target


def _one_time(a: Draft, b: Draft) -> bool:
    """Whether the dates of mentions ``a`` and ``b`` may be one: either undated, their spans
    overlap, or one is only the day it was reported ("said on Thursday it had taken X")
    and not before the other."""
    if a.date is None or b.date is None:
        return True
    lo_a = dt.date.min if a.date_reported else a.date.start
    lo_b = dt.date.min if b.date_reported else b.date.start
    return lo_a <= b.date.end and lo_b <= a.date.end


def carry_adjacent_dates(ctx: Context, drafts: list[Draft]) -> None:
    """Undated captures and assaults take the date of an adjacent sentence that reports
    nothing about another place (the sentence before first, then the one after); the other
    places of the same phrase take it too."""
    reach = ctx.r.limits.get("carry_sentences", 0)
    if not reach:
        return
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(sentence_index(ctx, d.sentence[0]), []).append(d)
    reported = {(c.sentence[0], c.event_type) for c in ctx.candidates}
    for d in drafts:
        if d.event_type not in CHANGES or d.date is not None or d.bound is not None \
                or d.anterior:
            continue  # a bound ("following ... in June") yields only to the same event;
            # so does an earlier event told in an "after" clause
        if has_window(ctx.text, *d.sentence) or has_sequel(ctx.text, *d.sentence):
            continue  # "retook it within three days", "later regained it": not on a
            # neighbour's date
        i = sentence_index(ctx, d.sentence[0])
        for step in range(1, reach + 2):
            if step > reach and (by_sentence.get(i - reach) or _dated(ctx, i - reach)
                                 or not _reports(ctx, i - step, d.event_type, reported)):
                break  # one sentence further: across a sentence that reports nothing, to
                # one that reports an event of the same kind (a phrase without a place)
            date = _date_of_neighbour(ctx, d, i - step, by_sentence, last=True) or \
                _date_of_neighbour(ctx, d, i + step, by_sentence, last=False)
            if date is not None:
                for o in by_sentence[i]:  # "also seized the camp at X and the one near
                    if o.trigger == d.trigger and o.date is None and not o.anterior:  # Y":
                        o.date, o.date_inherited = date, True  # one verb, one day
                break


def carry_actors(ctx: Context, drafts: list[Draft]) -> None:
    """A capture or assault with no actor of its own ("It has also seized X", "X fell on
    12 November", "'The city has been seized,' he said") takes the actor of the capture or
    assault phrase just before it (an event, or a candidate whose place is unsettled:
    "the KIA captured another city"), at most ``_ACTOR_SENTENCES`` sentences back, else
    of the next one as close; marked inferred."""
    phrases = sorted(
        [(d.trigger[0], sentence_index(ctx, d.sentence[0]), d) for d in drafts
         if d.event_type in CHANGES] +
        [(c.trigger[0], sentence_index(ctx, c.sentence[0]), c.actor) for c in ctx.candidates
         if c.event_type in CHANGES and c.actor],
        key=lambda p: p[0])
    actors = [p[2] if isinstance(p[2], str) else p[2].actor for p in phrases]
    following: list[int | None] = [None] * len(phrases)  # the next phrase with an actor
    upcoming: int | None = None
    for n in range(len(phrases) - 1, -1, -1):
        following[n] = upcoming
        if actors[n]:
            upcoming = n
    last: int | None = None
    for n, (_pos, i, d) in enumerate(phrases):
        if isinstance(d, Draft) and not d.actor and \
                not speaker_of_no_group(ctx, d.sentence[0], d.trigger[0]):  # not '"Our
            # forces took the town," a resident said': a speaker of no group named
            after = following[n]
            side = unnamed_subject(ctx, d.sentence[0], d.trigger[0]) or next(
                (n.removeprefix("side_") for n in d.adjust if n in _UNNAMED_SIDES), "")
            if last is not None and i - phrases[last][1] <= _ACTOR_SENTENCES:
                d.actor = actors[last]
            elif after is not None and phrases[after][1] - i <= _ACTOR_SENTENCES:
                d.actor = actors[after]
            if side and (d.actor in ctx.r.junta_side) != (side == "junta"):
                d.actor = ""  # "rebel troops" are not the army named before
            if d.actor and d.target and same_side(ctx, d.actor, d.target):
                d.actor = ""  # "after losing it to ...": not the loser's own capture
            if d.actor:
                actors[n] = d.actor
                d.adjust = (*d.adjust, "inferred_actor")
        if actors[n] and not (isinstance(d, Draft) and d.anterior):
            last = n  # not an earlier event told in an "after" clause


def carry_story_dates(ctx: Context, drafts: list[Draft]) -> None:
    """Undated captures and assaults that no adjacent sentence dates: the date of the same
    kind of event at the same place (or a camp at it) within ``[limits] story_sentences``
    (nearest first, before then after), else the day stated for it anywhere in the article
    when that is the only day stated for such an event there ("X says it has seized Y."
    ... "The army's posts at Y fell on Wednesday"), else the bound of its own sentence
    ("following the offensive's return in June"), else the month of the nearest sentence
    before it that states a day or month and reports nothing about another place. Marked
    inferred; the month, also as a story date (its own confidence adjustment)."""
    reach = ctx.r.limits.get("story_sentences", 0)
    if not reach:
        return
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(sentence_index(ctx, d.sentence[0]), []).append(d)
    quoted: frozenset[int] | None = None
    for d in drafts:
        if d.event_type not in CHANGES or d.date is not None or d.anterior or \
                has_window(ctx.text, *d.sentence):
            continue  # an "after" clause's own event is older than the story's days
        if quoted is None:
            quoted = _quoted_sentences(ctx)
        i = sentence_index(ctx, d.sentence[0])
        near = _nearby(ctx, i, reach, quoted)
        same = (o.date for j in near for o in by_sentence.get(j, [])
                if _same_event(ctx, drafts, o, d))
        date = next(same, None) or _only_day(ctx, drafts, d) or d.bound
        if date is None:  # the story so far: a date further on belongs to what follows
            date = next((m for j in near if j < i and all(_same_place(o.loc, d.loc)
                                                for o in by_sentence.get(j, []))
                         and (m := _month_of_sentence(ctx, j)) is not None), None)
            if date is not None:
                d.adjust = (*d.adjust, "story_date")
        if date is None and d.present:
            date = _month_of_publication(ctx, d)
            if date is not None:
                d.adjust = (*d.adjust, "present_tense")
        if date is not None:
            d.date, d.date_inherited = date, True


def _month_of_publication(ctx: Context, d: Draft) -> ResolvedDate | None:
    """The month the article was published in, for an event told as going on as it was
    written ("the KIA is now attacking X"): counted from the publication day."""
    published = ctx.article.published
    if published is None:
        return None
    text = ctx.text[d.trigger[0]:d.trigger[1]]
    day = ResolvedDate(published.isoformat(), "day", published, published, text,
                       d.trigger[0], d.trigger[1], "relative", False)
    return replace(month_of(day), kind="relative")


def _same_event(ctx: Context, drafts: list[Draft], o: Draft, d: Draft) -> bool:
    """Whether dated mention ``o`` may report the event of undated ``d``: same type, same
    place (or a camp at it), same side, and the other side not acting there between."""
    return o is not d and o.event_type == d.event_type and o.date is not None \
        and _same_place(o.loc, d.loc) and _sides_agree(ctx, o, d) \
        and not _retaken_between(ctx, drafts, o, d)


def _only_day(ctx: Context, drafts: list[Draft], d: Draft) -> ResolvedDate | None:
    """The day stated for ``d``'s event anywhere in the article (see :func:`_same_event`),
    when every such mention states that one day; else None."""
    days = [o.date for o in drafts if _same_event(ctx, drafts, o, d)
            and o.date is not None and o.date.precision == "day"]
    if not days or len({x.value for x in days}) > 1:
        return None
    return min(days, key=lambda x: abs(x.char_start - d.trigger[0]))


def _retaken_between(ctx: Context, drafts: list[Draft], a: Draft, b: Draft) -> bool:
    """Whether the other side acts at ``a``'s place between mentions ``a`` and ``b``."""
    lo, hi = sorted((a.trigger[0], b.trigger[0]))
    return any(lo < o.trigger[0] < hi and o.event_type == a.event_type and o.actor
               and not same_side(ctx, o.actor, a.actor) and _same_place(o.loc, a.loc)
               for o in drafts)


def same_side(ctx: Context, a: str, b: str) -> bool:
    """Whether actors ``a`` and ``b`` may have done the same thing: either unnamed, or both
    on the junta's side, or both against it ("the KIA retook X" is not the army's capture
    of X told before)."""
    return not a or not b or (a in ctx.r.junta_side) == (b in ctx.r.junta_side)


def _nearby(ctx: Context, i: int, reach: int, quoted: frozenset[int] = frozenset()
            ) -> list[int]:
    """Sentence indexes around ``i``, nearest first, the one before ahead of the one
    after: ``reach`` sentences each way, not counting those inside a quotation (a quoted
    source's few sentences do not part a story from its date)."""
    sides: list[list[int]] = []
    for way in (-1, 1):
        side: list[int] = []
        counted, j = 0, i + way
        while counted < reach and 0 <= j < len(ctx.sentences):
            side.append(j)
            counted += j not in quoted
            j += way
        sides.append(side)
    before, after = sides
    return [j for k in range(max(len(before), len(after)))
            for j in (before[k:k + 1] + after[k:k + 1])]


def _quoted_sentences(ctx: Context) -> frozenset[int]:
    """Indexes of the sentences that lie wholly inside a quotation."""
    spans = quotations(ctx.text)
    return frozenset(n for n, (start, end) in enumerate(ctx.sentences)
                     if any(q0 <= start and end <= q1 + 1 for q0, q1 in spans))


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
    here = by_sentence.get(j, [])
    own = [o.date for o in here if o.event_type in CHANGES and o.date is not None
           and _same_place(o.loc, d.loc) and _sides_agree(ctx, o, d)
           and not (o.date.since and o.event_type != d.event_type)]  # not "... has held
    # it since 22 November": the day a holding began is no attack's day
    if own:  # that sentence's event at this place (or at a camp that may be it)
        return own[-1] if last else own[0]
    if any(not _same_place(o.loc, d.loc) or not _sides_agree(ctx, o, d) for o in here):
        return None  # that sentence is about another place, or another side's deed
    start, end = ctx.sentences[j]
    if _background(ctx.text, start, end):
        return None  # "it had refused to surrender in March": told as background
    dates = [x for x in dates_between(ctx, start, end) if x.precision != "year"
             and not (d.event_type == "capture" and (x.since or _SINCE_WHAT.search(
                 ctx.text, max(start, x.char_start - 50), x.char_start)))]
    if not dates:
        return None  # "the latest to fall since the launch of an offensive on March 7":
    return dates[-1] if last else dates[0]  # when attacks began, not when a place fell


def _background(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` is told in the past perfect ("LIB 116 had
    refused to surrender in March"), not as reported speech ("said on Saturday that it had
    captured"): background to the news around it, whose dates are not carried to the
    events of other sentences."""
    m = _BACKGROUND.search(text, start, end)
    return m is not None and _reporting().search(text, start, m.start()) is None


@lru_cache(maxsize=1)
def _reporting() -> re.Pattern[str]:
    """A reporting verb ("said", "told", ...: ``[clauses] reporting`` of events.toml)."""
    words = load_rules("events.toml")["clauses"].get("reporting", ["said"])
    return re.compile(rf"\b{trie_pattern(w.casefold() for w in words)}\b", re.IGNORECASE)


#: The past perfect ("had refused", "had been held", "had previously attempted").
_BACKGROUND = re.compile(
    r"\bhad\s+(?:(?:previously|already|long|earlier|once|never|not|been)\s+)*"
    r"(?!(?:to|a|an|the|no|its|their|his|her|our|some|many|few|little|much|more)\b)"
    r"[a-z]{3,}\b")


def _same_place(a: Mention, b: Mention) -> bool:
    """The same place, or a base or camp at it ("the camp in Kutkai" and Kutkai), or a
    site located only by its township and a place of that township ("a camp in Shwegu
    Township" and "the base near a village" of Shwegu)."""
    return a.name == b.name or (round(a.lat, 4), round(a.lon, 4)) == \
        (round(b.lat, 4), round(b.lon, 4)) or _township_site(a, b) or _township_site(b, a) \
        or _one_township(a, b)


def _one_township(a: Mention, b: Mention) -> bool:
    """Two sites the article locates by one township ("a post in Shwegu Township" and a
    village of it the MIMU table places, away from the township's seat)."""
    return bool(a.site and b.site and a.anchor is not None and b.anchor is not None
                and a.anchor.area and b.anchor.area and a.anchor.name == b.anchor.name)


def _township_site(site: Mention, other: Mention) -> bool:
    return bool(site.site and site.anchor is None and site.township
                and site.township == other.township and (other.site or other.anchor))


#: A story month is the news's: a date further back than this many days before publication
#: is background ("in March 1992 the army retook it"), never a month to carry.
STORY_DAYS = 366


def _month_of_sentence(ctx: Context, j: int) -> ResolvedDate | None:
    """The month of the first day or month sentence ``j`` states (an event's date or the
    day of a statement, "said on Thursday"); not a date that opens or closes a period
    ("since July", "until Thursday"), which is not when its story happens, nor one more
    than :data:`STORY_DAYS` before publication."""
    published = ctx.article.published
    start, end = ctx.sentences[j]
    if _background(ctx.text, start, end):
        return None
    stated = [d for d in ctx.reported if start <= d.char_start < end]  # "said on Monday"
    for x in sorted([*dates_between(ctx, start, end), *stated], key=lambda d: d.char_start):
        if x.since and x.precision != "year":  # "attacks since Friday": a period opened
            # this month is this month
            period = month_of_period(x, published)
            if period is not None:
                return period
        elif x.precision != "year" and not _BOUND.search(x.text):
            if published is not None and (published - x.end).days > STORY_DAYS:
                return None
            return month_of(x)
    return None


#: "since" and the words up to a date, in one clause ("since the launch of the offensive
#: on"): the date begins a period.
_SINCE_WHAT = re.compile(r"\bsince\b[^,;:.]*$", re.IGNORECASE)
_BOUND = re.compile(r"^(?:until|till|by|before|after|since|from)\b", re.IGNORECASE)


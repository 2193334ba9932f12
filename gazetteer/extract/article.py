"""Every event one article reports: triggers found, read, settled and given provenance."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass

from gazetteer.articles import Article
from gazetteer.dates import ResolvedDate, find_dates, in_context, restates
from gazetteer.events import Candidate, Event
from gazetteer.extract._context import Context, Draft, sentence_index, sentence_of
from gazetteer.extract.clauses import events_of_trigger, launched_offensive, sentence_assault
from gazetteer.extract.matcher import ACTOR_MARK, Rules, TriggerSpec, phrase_key, rules_for
from gazetteer.extract.objects import garrison_place
from gazetteer.extract.places import Mention, find_places
from gazetteer.extract.quotes import counted_from_speech
from gazetteer.extract.roles import find_actors
from gazetteer.extract.sentences import sentence_spans, unwrapped
from gazetteer.extract.sites import site_places
from gazetteer.extract.story import (
    CHANGES,
    carry_actors,
    carry_adjacent_dates,
    carry_story_dates,
    drop_attackers_retreats,
    drop_historical,
    drop_township_sites,
    inherit_mentions,
    refine_coarse_dates,
)
from gazetteer.extract.unplaced import named_next, unplaced, village_event
from gazetteer.places import Gazetteer


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """What one article gives: its events and the candidates an analyst must settle."""

    events: list[Event]
    candidates: list[Candidate]


def extract_article(article: Article, *, gazetteer: Gazetteer | None = None) -> list[Event]:
    """Every event one article reports, in text order (see :func:`read_article`)."""
    return read_article(article, gazetteer=gazetteer).events


def read_article(article: Article, *, gazetteer: Gazetteer | None = None
                 ) -> ArticleExtraction:
    """Every event one article reports, in text order, and its candidates.

    A pure function of the article (and the gazetteer's table): no I/O, no shared state,
    so a corpus can be mapped over processes or a cluster.

    Parameters
    ----------
    article : Article
        The cleaned article; offsets in the events index ``article.text``.
    gazetteer : Gazetteer, optional
        Defaults to :meth:`Gazetteer.default`.

    Returns
    -------
    ArticleExtraction
        ``events`` sorted by (char_start, place, event_type); ``candidates`` (captures
        and assaults whose place or date could not be settled) sorted by (char_start,
        highlight_start, reason).
    """
    gaz = gazetteer or Gazetteer.default()
    r = rules_for(gaz)
    text = unwrapped(article.text)  # hard-wrapped prose read as sentences, offsets kept
    if not text.strip():
        return ArticleExtraction([], [])
    sentences = sentence_spans(text, abbreviations=r.abbreviations)
    dates, reported = [], []  # "residents said on Sunday": the day of the statement
    found = find_dates(text, published=article.published, sentences=sentences)
    found = counted_from_speech(text, found, sentences=sentences,
                                published=article.published)  # "'... today,' he said on Monday"
    for d in found:
        if article.published is not None and d.start > article.published and not (
                d.precision == "month" and d.start.replace(day=1) <= article.published):
            continue  # never after publication ("mid-December" in December is this month)
        if d.precision in ("year", "month") and in_context(text, d.char_start, d.char_end,
                                                           r.trigger_re):
            continue  # "its biggest win since the coup in 2021": the coup's year, no event's
        if r.reporting_re.search(text, max(0, d.char_start - 30), d.char_start) or (
                reported and restates(text, reported[-1].char_end, d.char_start)):
            reported.append(d)  # "announced this morning, December 24, that": restated
        else:
            dates.append(d)
    mentions = find_actors(text, r, sentences)
    actors = mentions.named
    locs = _outside_names(find_places(text, r, sentences), actors)
    unquoted = _unquoted(text)
    locs = site_places(unquoted, locs, r, [(a, b) for a, b, _ in actors], sentences)
    masked = _mask(unquoted, sorted(dates + reported, key=lambda d: d.char_start))
    ctx = Context(text, masked, article, r, sentences, dates, locs,
                   [loc.start for loc in locs], actors, _hq_owner(text, actors, r.hq_re),
                   reported=reported, generic_actors=mentions.generic,
                   unnamed_actors=mentions.unnamed)
    ends: list[int] = []
    readings: list[tuple[TriggerSpec, ...]] = []
    blanked = _blank_actors(_unbroken(text, [*dates, *reported]), actors, r.companion_re)
    for m in r.trigger_re.finditer(blanked):
        if _HANDS_NOUN.fullmatch(m.group()) and _OWNER_BEFORE.search(
                blanked, max(0, m.start() - 30), m.start()):
            continue  # "from junta hands", "into the group's hands": a noun, no verb
        if _ATTRIBUTIVE.fullmatch(m.group()) and _DETERMINER_BEFORE.search(
                blanked, max(0, m.start() - 12), m.start()) and \
                _SURROUNDINGS.match(blanked, m.end()):
            continue  # "Hpakant and its surrounding villages": an adjective, no siege
        specs = r.trigger_index.get(phrase_key(m.group().replace("\x01", "")))
        if specs and all(s.garrison for s in specs) and \
                not garrison_place(ctx, m.start(), sentence_of(ctx, m.start())):
            continue  # "the KIA withdrew in late January": no troops placed, no trigger
        if specs:
            a, b, specs = _finite_verb(text, m, specs, r) or (m.start(), m.end(), specs)
            ctx.trigger_starts.append(a)
            ends.append(b)
            readings.append(specs)
    ctx.trigger_specs = [specs[0] for specs in readings]
    drafts: list[Draft] = []
    seen: dict[tuple[str, ...], int] = {}
    offensives: list[tuple[int, int]] = []  # launched with no place of their own
    for a, b, specs in zip(ctx.trigger_starts, ends, readings, strict=True):
        for spec in specs:  # "the KIA's headquarters": of the place after it, else before
            made = events_of_trigger(ctx, a, b, spec)
            if made:
                drafts.extend(_new_mentions(ctx, made, seen))
                break
        else:
            if specs[0].event_type == "assault" and launched_offensive(ctx, a, b):
                offensives.append((a, b))
            elif specs[0].event_type in CHANGES:
                candidate = unplaced(ctx, a, b, specs[0])
                village = village_event(ctx, candidate) if candidate is not None else None
                if village is not None:
                    drafts.extend(_new_mentions(ctx, [village], seen))
                elif candidate is not None:
                    ctx.candidates.append(candidate)
    for a, b in offensives:  # "... ten days after the TNLA launched an offensive in May"
        made = sentence_assault(ctx, a, b, drafts)
        if made is not None:
            drafts.append(made)
        elif (candidate := unplaced(ctx, a, b, ctx.trigger_specs[
                ctx.trigger_starts.index(a)])) is not None:
            ctx.candidates.append(candidate)
    for c in list(ctx.candidates):  # "took 18 towns. These towns include A and B."
        listed = named_next(ctx, c)
        if listed:
            ctx.candidates.remove(c)
            drafts.extend(_new_mentions(ctx, listed, seen))
    drafts = settle(ctx, drafts)
    return ArticleExtraction(finish(ctx, drafts), finish_candidates(ctx))


#: A capture or assault repeated word for word (type, place, date, actor, target) within
#: this many sentences (1: the next sentence) of its last mention is the same event: only
#: the first is kept.
REPEAT_SENTENCES = 1


def _new_mentions(ctx: Context, made: list[Draft], seen: dict[tuple[str, ...], int]
                  ) -> list[Draft]:
    """``made`` less the captures and assaults identical to one read at most
    :data:`REPEAT_SENTENCES` sentences before (``seen``: key -> sentence index of its
    last mention, updated), so that a report repeated sentence after sentence is one event
    with the first mention's excerpt, and costs nothing further."""
    out = []
    for d in made:
        if d.event_type not in CHANGES:
            out.append(d)
            continue
        key = (d.event_type, d.loc.name, d.date.value if d.date else "",
               d.date.precision if d.date else "", d.actor, d.target, str(d.anterior))
        i = sentence_index(ctx, d.sentence[0])
        last = seen.get(key)
        seen[key] = i
        if last is None or i - last > REPEAT_SENTENCES:
            out.append(d)
    return out


_HANDS_NOUN = re.compile(r"hands?", re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"(?:\b(?:the|their|its|his|her|our|whose)|['’]s?|"
                           r"\b(?:from|into|in|of)\s+(?:the\s+)?\x00\x01*)\s+$")
#: A participle used as an adjective after a determiner ("its surrounding villages").
_ATTRIBUTIVE = re.compile(r"surrounding", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|and)\s+$", re.IGNORECASE)
_SURROUNDINGS = re.compile(r"\s+(?:villages?|areas?|hills?|towns?|townships?|regions?|"
                           r"countryside|mountains?|forests?|wards?|neighbou?rhoods?)\b",
                           re.IGNORECASE)
_ACTOR_THEN_VERB = re.compile(r"\x00\x01*(\s+)(\w+)$")
_PREPOSITION_END = re.compile(r"\b(?:in|into|under|of|from|to)\s+$", re.IGNORECASE)


def _finite_verb(text: str, m: re.Match[str], specs: tuple[TriggerSpec, ...], r: Rules
                 ) -> tuple[int, int, tuple[TriggerSpec, ...]] | None:
    """"The KIA occupied X" is a capture; only "KIA-occupied X" describes who holds X: an
    actor and a verb written apart that is a capture phrase on its own reads as that."""
    if specs[0].event_type != "held":
        return None
    tail = _ACTOR_THEN_VERB.search(m.group())
    if tail is None or _PREPOSITION_END.search(m.group(), 0, tail.start()):
        return None  # "in KIA hands": the actor's, not a verb
    verb = r.trigger_index.get(phrase_key(tail.group(2)))
    if not verb or verb[0].event_type != "capture":
        return None
    return m.start() + tail.start(2), m.end(), verb


def _mask(text: str, dates: list[ResolvedDate]) -> str:
    """``text`` (already :func:`_unquoted`) with dates blanked, offsets unchanged."""
    if not dates:
        return text
    parts, last = [], 0
    for d in dates:
        parts.append(text[last:d.char_start])
        parts.append(" " * (d.char_end - d.char_start))
        last = d.char_end
    parts.append(text[last:])
    return "".join(parts)


def _outside_names(locs: list[Mention], actors: list[tuple[int, int, str]]) -> list[Mention]:
    """The places not inside a group's name ("Mandalay PDF", "the Kawlin PDF"): a group
    named after a place is no mention of the place."""
    if not actors:
        return locs
    starts = [a for a, _, _ in actors]
    kept = []
    for loc in locs:
        k = bisect_right(starts, loc.start) - 1
        if k >= 0 and actors[k][0] <= loc.start and loc.end <= actors[k][1]:
            continue
        kept.append(loc)
    return kept


def _unbroken(text: str, dates: list[ResolvedDate]) -> str:
    """``text`` with each date that splits a noun from its "of" blanked, with the commas
    around it ("the capture this week of X", "the fall, on 8 October, of X"), so that the
    phrase reads whole; offsets unchanged."""
    chars = None
    for d in dates:
        after = _OF_AFTER.match(text, d.char_end)
        if after is None:
            continue
        before = _COMMA_BEFORE.search(text, max(0, d.char_start - 3), d.char_start)
        start = before.start() if before else d.char_start
        chars = chars if chars is not None else list(text)
        chars[start:after.start("of")] = " " * (after.start("of") - start)
    return "".join(chars) if chars is not None else text


#: After a date inside a noun phrase: its "of" ("the fall on Monday of", ", of").
_OF_AFTER = re.compile(r"\s*,?\s*(?P<of>of)\b")
_COMMA_BEFORE = re.compile(r",\s*$")


def _unquoted(text: str) -> str:
    """``text`` without the marks around quoted names and around a word or two in scare
    quotes ("troops “fully retook” X"): spaces instead, same offsets."""
    text = _QUOTED_NAME.sub(lambda m: f" {m.group(1)} ", text)
    return _SCARE_QUOTED.sub(lambda m: f" {m.group(1)} ", text)


#: A name in quotation marks: one to four capitalised or numbered words, nothing else.
_QUOTED_NAME = re.compile(r"[“\"‘]((?:[A-Z0-9][\w'’-]*)(?: [A-Z0-9][\w'’-]*){0,3})[”\"’](?!\w)")
#: A word or two in quotation marks inside a sentence: scare quotes, no quotation.
_SCARE_QUOTED = re.compile(r"[“\"‘](?<=\w [“\"‘])([a-z][\w'’-]*(?: [a-z][\w'’-]*)?)[”\"’]"
                           r"(?= \w)")


def _blank_actors(text: str, actors: list[tuple[int, int, str]],
                  companion_re: re.Pattern[str]) -> str:
    """The text with each actor mention as "\x00\x01...", offsets unchanged; "and its
    allies" after a mention is blanked with it, so "{actor} have controlled" still reads."""
    if not actors:
        return text
    parts, last = [], 0
    for a, b, _ in actors:
        if a < last:
            continue
        company = companion_re.match(text, b)
        b = company.end() if company else b
        parts.append(text[last:a])
        parts.append(ACTOR_MARK + "\x01" * (b - a - 1))
        last = b
    parts.append(text[last:])
    return "".join(parts)


def _hq_owner(text: str, actors: list[tuple[int, int, str]], hq_re: re.Pattern[str]) -> str:
    """The actor whose "headquarters" the article names ("the KIA headquarters")."""
    for _a, b, canon in actors:
        if hq_re.match(text, b, b + 20):
            return canon
    return ""


# -- assembling ------------------------------------------------------------------------------

#: Notes of a draft whose actor is not named in its own clause: inferred, or an offensive
#: given the sentence's place; such a draft is never a second event at a place.
_WEAK_ACTOR = frozenset({"inferred_actor", "sentence_place"})


#: An attack's length ("for four days", "for two weeks"): told as the way to a capture.
_FOR_A_SPAN = re.compile(r"\bfor\s+(?:\w+\s+){0,2}(?:days?|weeks?|months?|hours?)\b",
                         re.IGNORECASE)


#: Between an attack and the capture it led to in one sentence ("attacked X last week,
#: before overpowering the garrison on Monday and taking the town", "and finally took").
_THEN_TOOK = re.compile(r"\b(?:before|then|and\s+(?:finally|eventually|later)|finally|"
                        r"eventually)\b", re.IGNORECASE)
#: A length before a battle noun ("the four-day battle for", "a weeks-long siege of").
_SPAN_BEFORE = re.compile(r"\b(?:\w+-(?:day|week|month|hour)|(?:days?|weeks?|months?)"
                          r"-?long)\s+$", re.IGNORECASE)
#: Before an attack phrase, a time it names ("during the battle for control of X",
#: "amid the offensives on the bases in X").
_DURING = re.compile(r"\b(?:during|amid|throughout)\s+(?:the|its|their|this|that)\s+"
                     r"(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
#: After an attack phrase and its object, how long it lasted ("attacked the camp for
#: almost two days before taking it").
_SPAN_AFTER = re.compile(r"[^,;:.]{0,50}?\bfor\s+(?:(?:almost|nearly|about|over|more\s+than|"
                         r"some|several|another)\s+)?(?:[\w-]+\s+)?(?:days|weeks|months|hours|"
                         r"day|week|month)\b", re.IGNORECASE)


def settle(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Drop duplicates and held reports overruled in their sentence; inherit dates."""
    changed = {(d.sentence, d.loc.name) for d in drafts
               if d.event_type in ("capture", "assault")}
    drafts = [d for d in drafts if not (d.event_type == "held" and (
        (d.sentence, d.loc.name) in changed
        or (d.loc.anchor is not None and (d.sentence, d.loc.anchor.name) in changed)))]
    # "attacked X for four days and captured it": the attack is how the capture was told
    taken = {(d.sentence, d.loc.name): d.trigger[0] for d in drafts
             if d.event_type == "capture" and not d.extent and not d.anterior}
    drafts = [d for d in drafts if not (
        d.event_type == "assault" and d.trigger[0] < taken.get((d.sentence, d.loc.name), -1)
        and (_FOR_A_SPAN.search(ctx.masked, d.trigger[1], taken[(d.sentence, d.loc.name)])
             or _THEN_TOOK.search(ctx.masked, d.trigger[1],
                                  taken[(d.sentence, d.loc.name)])))]
    # "the four-day battle for the town" in a story that tells the town's capture: the
    # way to that capture, told again, no assault of its own
    captured = {d.loc.name for d in drafts if d.event_type == "capture" and not d.extent}
    drafts = [d for d in drafts if not (
        d.event_type == "assault" and d.loc.name in captured
        and (_SPAN_BEFORE.search(ctx.masked, max(0, d.trigger[0] - 20), d.trigger[0])
             or _SPAN_AFTER.match(ctx.text, d.trigger[1], d.sentence[1])
             or _DURING.search(ctx.masked, max(d.sentence[0], d.trigger[0] - 40),
                               d.trigger[0])))]
    # one event per (type, place, sentence), except "X, which the KIA held, was retaken by
    # the junta": another actor named in its own clause (not inferred) is another event
    first: dict[tuple[str, str, tuple[int, int]], str] = {}
    best: dict[tuple[str, str, tuple[int, int], str, bool], Draft] = {}
    for d in drafts:
        place = (d.event_type, d.loc.name, d.sentence)
        actor = first.setdefault(place, d.actor)
        if d.actor and d.actor != actor and not _WEAK_ACTOR.intersection(d.adjust):
            actor = d.actor
        key = (*place, actor, d.anterior)  # "retook X a year after losing it": two events
        if key not in best or (d.date is not None and best[key].date is None):
            best[key] = d
    drafts = sorted(best.values(), key=lambda d: (d.sentence[0], d.trigger[0]))
    drafts = drop_historical(ctx, drafts)
    inherit_mentions(ctx, drafts)
    carry_adjacent_dates(ctx, drafts)
    inherit_mentions(ctx, drafts)  # again: a carried date reaches later mentions
    carry_story_dates(ctx, drafts)
    inherit_mentions(ctx, drafts)
    refine_coarse_dates(ctx, drafts)
    carry_actors(ctx, drafts)
    drafts = drop_attackers_retreats(ctx, drafts)
    drafts = drop_township_sites(ctx, drafts)
    return [d for d in drafts if not _told_twice(d, drafts)]


def finish(ctx: Context, drafts: list[Draft]) -> list[Event]:
    art = ctx.article
    published = art.published.isoformat() if art.published else ""
    events: list[Event] = []
    for d in drafts:
        start, end = d.sentence
        excerpt = ctx.article.text[start:end]
        if d.event_type == "held":
            value, precision = published, ("day" if published else "")
        elif d.date is not None:
            value, precision = d.date.value, d.date.precision
        else:
            value, precision = "", ""
        confidence = _confidence(ctx, d, precision)
        event_id = hashlib.sha1(
            f"{art.file}|{start}|{end}|{d.event_type}|{d.loc.name}".encode()).hexdigest()[:12]
        events.append(Event(
            event_id=event_id, date=value, date_precision=precision, event_type=d.event_type,
            place=d.loc.name, lat=round(d.loc.lat, 5), lon=round(d.loc.lon, 5),
            actor=d.actor, target=d.target if d.target != d.actor else "",
            source_file=art.file, published=published, excerpt=excerpt, char_start=start,
            char_end=end, confidence=confidence, place_approximate=bool(d.loc.approximate),
            highlight_start=d.trigger[0], highlight_end=d.trigger[1],
            published_basis=art.published_basis if published else "", extent=d.extent))
    events.sort(key=lambda e: (e.char_start, e.place, e.event_type, e.highlight_start))
    return events


def _told_twice(d: Draft, drafts: list[Draft]) -> bool:
    """Whether ``d``, an "after" clause's event ("took X after capturing the last base
    there on Monday"), is its sentence's main event again: same type, place, actor and
    day."""
    return d.anterior and d.date is not None and any(
        not o.anterior and o.sentence == d.sentence and o.event_type == d.event_type
        and o.loc.name == d.loc.name and o.actor == d.actor and o.date is not None
        and o.date.value == d.date.value for o in drafts)


def finish_candidates(ctx: Context) -> list[Candidate]:
    """The candidates of ``ctx`` as table rows (one per phrase and reason)."""
    art = ctx.article
    published = art.published.isoformat() if art.published else ""
    out: dict[str, Candidate] = {}
    for c in ctx.candidates:
        start, end = c.sentence
        cid = hashlib.sha1(f"{art.file}|{start}|{c.trigger[0]}|{c.reason}|{c.mention}"
                           .encode()).hexdigest()[:12]
        loc = c.loc
        out.setdefault(cid, Candidate(
            candidate_id=cid, reason=c.reason, event_type=c.event_type, mention=c.mention,
            place=loc.name if loc else "", lat=round(loc.lat, 5) if loc else None,
            lon=round(loc.lon, 5) if loc else None,
            date=c.date.value if c.date else "", date_precision=c.date.precision if c.date
            else "", actor=c.actor, source_file=art.file, published=published,
            excerpt=ctx.article.text[start:end], char_start=start, char_end=end,
            highlight_start=c.trigger[0], highlight_end=c.trigger[1]))
    return sorted(out.values(), key=lambda c: (c.char_start, c.highlight_start, c.reason))


def _confidence(ctx: Context, d: Draft, precision: str) -> float:
    r = ctx.r
    value = r.base.get(d.event_type, 0.5)
    notes = list(d.adjust)
    if d.loc.article_named:
        notes.append("article_named_place")
    elif d.loc.approximate:
        notes.append("approximate_coordinates")
    if d.loc.ambiguous:
        notes.append("ambiguous_place")
    if d.event_type != "held":
        if not precision:
            notes.append("no_date")
        else:
            if d.date_inherited or d.date_reported or (
                    d.date is not None and d.date.kind != "absolute"):
                notes.append("inferred_date")
            if precision != "day":
                notes.append("coarse_date")
    if ctx.article.published is None:
        notes.append("no_publication_date")
    if not d.actor:
        notes.append("no_actor")
    for note in dict.fromkeys(notes):
        value += r.adjust.get(note, 0.0)
    return round(min(1.0, max(0.05, value)), 2)



"""Trigger phrases with no place the extractor can settle: kept as candidates with their
reason ("unlocated_place" when the phrase names something place-like, "no_place"
otherwise), or read as the one MIMU village of that name near the article's other places.
"""

from __future__ import annotations

import re

from gazetteer.extract._context import (
    Context,
    Draft,
    dates_between,
    iter_actors,
    locs_between,
    scope_end,
    sentence_index,
    sentence_of,
)
from gazetteer.extract.clauses import cues_of, retracted
from gazetteer.extract.matcher import TriggerSpec
from gazetteer.extract.places import Mention
from gazetteer.extract.roles import unplaced_actor
from gazetteer.extract.story import CandidateDraft


def unplaced(ctx: Context, t0: int, t1: int, spec: TriggerSpec) -> CandidateDraft | None:
    """A capture or assault phrase that names no place the extractor can settle, kept
    as a candidate when it speaks of something place-like ("seized Gang Dau Yang", "took
    a regional command") and no cue cancels it."""
    sentence = sentence_of(ctx, t0)
    if spec.object == "after" and spec.event_type == "capture" and \
            ctx.r.adjectival_re.search(ctx.text, max(0, t0 - 30), t0):
        return None
    mention = _unplaced_mention(ctx, t0, t1, spec, sentence)
    if not mention or _no_site(ctx, mention):
        return None
    verdict = cues_of(ctx, t0, t0, sentence, spec.event_type)
    if verdict == "cancel" or retracted(ctx, t1, sentence):
        return None
    event_type = "assault" if verdict == "attempt" else spec.event_type
    named = any(w[:1].isupper() and _POSSESSIVE.sub("", w.split("-")[0]).casefold()
                not in ctx.r.not_site_words for w in mention.split())
    before = dates_between(ctx, sentence[0], t0)
    after = dates_between(ctx, t1, sentence[1])
    date = before[-1] if before else after[0] if after else None
    actor = unplaced_actor(ctx, t0, spec, sentence)
    return CandidateDraft("unlocated_place" if named else "no_place", event_type, (t0, t1),
                          sentence, mention, None, date, actor)


#: An article and an owner before a name ("the regime's Nam Sai camp").
_NAME_LEAD = re.compile(r"^(?:(?:the|a|an)\s+)?(?:[\w-]+['’]s?\s+)?")
#: Points of at most this many of the article's places are used to settle a village, and
#: the village must lie within this many kilometres of one of them (the only one there).
_STORY_POINTS = 20
_STORY_KM = 40.0


def village_event(ctx: Context, c: CandidateDraft) -> Draft | None:
    """The event an ``unlocated_place`` candidate is when its name is the one MIMU village
    within 40 km of the article's other places ("the KIA occupied Tar Sai on 7 March" in a
    story about Momauk): at that village, marked approximate, confidence lowered; else
    None (the candidate stays). Names of a single short word are left alone."""
    if c.reason != "unlocated_place" or not c.mention:
        return None
    name = _NAME_LEAD.sub("", c.mention, count=1)
    # a site word of the rules (events.toml site_words) closing the name: "Nam Sai camp"
    tail = next((m for m in ctx.r.site_re.finditer(name)
                 if m.end() == len(name) and m.start() > 0 and name[m.start() - 1] == " "),
                None)
    site = tail.group().casefold() if tail else ""
    name = name[:tail.start()].rstrip() if tail else name
    words = name.split()
    if not words or not all(w[:1].isupper() for w in words) or \
            any(w.casefold() in ctx.r.not_site_words for w in words) or \
            (len(words) == 1 and len(name) < 6):
        return None
    points = list(dict.fromkeys((loc.lat, loc.lon) for loc in ctx.locs
                                if loc.place is not None and not loc.area
                                and not loc.approximate))[:_STORY_POINTS]
    if not points:
        return None
    village = ctx.r.gazetteer.resolve_village(name, near=points, max_km=_STORY_KM)
    start = ctx.text.find(name, c.sentence[0], c.sentence[1])
    if village is None or start < 0 or ctx.r.reference_re.search(
            ctx.masked, max(c.sentence[0], start - 30), start):
        return None  # "21 miles away from X camp": a point of reference
    end = start + len(name)
    if site and site != "village":
        loc = Mention(start, end, f"{name} {site}", None, village.lat, village.lon, True,
                      article_named=True, site=site, township=village.township)
    else:
        loc = Mention(start, end, village.name, village, village.lat, village.lon, True,
                      site="village", township=village.township)
    return Draft(c.event_type, loc, c.actor, "", c.date, c.trigger, c.sentence,
                 ("village_by_distance",))


#: Places counted, not named ("18 towns", "several army camps", "dozens of outposts").
_COUNTED = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|"
    r"some|numerous|dozens\s+of|scores\s+of|a\s+number\s+of|more\s+than\s+\d+)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:towns|cities|townships|bases|camps|outposts|posts|positions|"
    r"villages|places|areas)", re.IGNORECASE)
#: A sentence opening by naming the places just counted: "These towns include", "They
#: included", "Among them are" (after at most a short clause: "According to X, ...").
_NAMED_NEXT = re.compile(
    r"(?:[^.;:]{0,80},\s*)?(?:(?:these|those|the)\s+(?:[\w'’-]+\s+){0,2}?(?:towns|cities|"
    r"townships|bases|camps|outposts|posts|positions|villages|places|areas)|they)\s+"
    r"(?:include|included|includes|are|were)\s+|among\s+(?:them|these|those)\s+"
    r"(?:are|were)\s+", re.IGNORECASE)
#: Before a place that locates the items of a list rather than being one: "Kawlin and
#: Shwe Pyi Aye in Sagaing".
_LOCATOR = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)


def named_next(ctx: Context, c: CandidateDraft) -> list[Draft]:
    """The events of a phrase whose places are counted ("took control of 18 towns") and
    named in the very next sentence ("These towns include A, B and C."): one per place
    named there (not the regions that locate them), with the phrase's type, actor and
    date; the excerpt runs over both sentences. Else []."""
    if c.reason != "no_place" or not _COUNTED.search(c.mention or ""):
        return []
    i = sentence_index(ctx, c.sentence[0])
    if i + 1 >= len(ctx.sentences):
        return []
    nxt = ctx.sentences[i + 1]
    head = _NAMED_NEXT.match(ctx.masked, nxt[0], nxt[1])
    if head is None:
        return []
    span = (c.sentence[0], nxt[1])
    date = None if c.date is not None and c.date.since else c.date  # "20 camps since
    # March": taken one by one since then, none on that day
    return [Draft(c.event_type, loc, c.actor, "", date, c.trigger, span, ("listed_next",))
            for loc in locs_between(ctx, head.end(), nxt[1])
            if not loc.area and not _LOCATOR.search(ctx.masked, max(nxt[0], loc.start - 12),
                                                   loc.start)]


def _unplaced_mention(ctx: Context, t0: int, t1: int, spec: TriggerSpec,
                      sentence: tuple[int, int]) -> str:
    """The words a phrase's object is named by, when they look like a place."""
    if spec.object == "after":
        end = min(scope_end(ctx, t1, sentence), t1 + 80)
        for m in _PLACE_LIKE.finditer(ctx.masked, t1, end):
            if ctx.r.reference_re.search(ctx.masked, t1, m.start()):
                return ""
            words = m.group().split()
            site_noun = _SITE_NOUN.search(m.group())
            if (not site_noun and any(True for _ in iter_actors(ctx, m.start(), m.end()))) \
                    or words[0].casefold() in ctx.r.month_words:
                continue  # "captured KIA soldiers", "on Monday"
            return " ".join(words)
        return ""
    m = _PLACE_LIKE_BEFORE.search(ctx.masked, max(sentence[0], t0 - 80), t0)
    return " ".join(m.group(1).split()) if m else ""


_POSSESSIVE = re.compile(r"['’]s?$")


def _no_site(ctx: Context, mention: str) -> bool:
    """True when ``mention`` cannot name a site to place: only words that never do
    ("Myanmar's", "Chinese", "An"), an acronym ("GNLM"), a state or region ("Shan State"),
    or a route between two known places ("Mandalay-Muse")."""
    words = [_POSSESSIVE.sub("", w) for w in mention.split()]
    if _SITE_NOUN.search(mention):
        return False
    r = ctx.r
    if all(w.casefold() in r.not_site_words or w.casefold() in r.month_words
           or (w.isupper() and len(w) > 1) for w in words):
        return True
    if len(words) > 1 and words[-1].casefold() in ("state", "region", "division"):
        return True
    parts = mention.split("-")
    return len(parts) > 1 and all(p.strip() in r.place_index for p in parts)


# place-like words: a run of capitalised words (not a sentence opener), or a noun phrase
# ending in a site word ("a regional military command")
_SITE_NOUNS = (r"camps?|bases?|outposts?|posts?|command|headquarters|garrison|positions?|"
               r"villages?|towns?|city|cities|hill|checkpoints?|stations?|battalion")
_SITE_NOUN = re.compile(rf"\b(?:{_SITE_NOUNS})$")
_PLACE_LIKE = re.compile(
    rf"(?:(?:the|a|an|its|their|all|two|three|four|five|several|some|[\w'’-]+'s|"
    rf"[\w'’-]+’s)\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{_SITE_NOUNS})\b"
    r"|(?<![\w'’-])(?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,3}")
_PLACE_LIKE_BEFORE = re.compile(
    rf"((?:[A-Z][\w'’-]+\s+){{0,3}}(?:[A-Z][\w'’-]+|(?:{_SITE_NOUNS})))[\s,]*$")

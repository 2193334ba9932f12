"""References: the place "it", "the town" or "the outpost" stands for (the last
compatible place of its sentence, then of the sentences before), the town a township is
named after, and places named only as a point of reference ("75 km from Myitkyina").

Used by :mod:`gazetteer.extract.objects` when a phrase's object is a word for a place
rather than its name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from gazetteer.date_rules import date_tables
from gazetteer.extract._context import Context, sentence_index
from gazetteer.extract.places import Mention

#: How many sentences back a reference ("the town", "it") may reach.
REFERENCE_SENTENCES = 3


def town_of(loc: Mention) -> Mention:
    """The town a township is named after, as a place ("seized Mansi Township")."""
    return Mention(loc.start, loc.end, loc.name, loc.place, loc.lat, loc.lon, loc.approximate,
                   ambiguous=loc.ambiguous, township=loc.township)


def antecedent(ctx: Context, t0: int, t1: int, sentence: tuple[int, int]
               ) -> tuple[Mention | None, str]:
    """The place "it" / "the town" / "the outpost" after a phrase stands for; and the
    words that say only part of it ("much of the town": "much of"), else ""."""
    m = ctx.r.pronoun_re.match(ctx.text, t1)
    partial = None
    if not m:
        space = _SPACE.match(ctx.text, t1)
        partial = ctx.r.cue["partial"].match(ctx.text, space.end() if space else t1)
        m = ctx.r.pronoun_re.match(ctx.text, partial.end()) if partial else None
        if m is None:
            return None, ""
    words = m.group().strip().split()
    word = words[-1].casefold()
    if _OTHER_TOWNS.search(m.group()):
        return None, ""  # "attacks on the remaining townships held by the TNLA": others
    described = _described_as(ctx, words[-2], t0) if len(words) > 2 and \
        word in ("town", "city") else None
    return described or reference(ctx, word, t0, sentence, story=is_plain_town(m.group())), \
        partial.group() if partial else ""


def _described_as(ctx: Context, what: str, before: int) -> Mention | None:
    """The last town before ``before`` that the article described with ``what`` ("the
    border-trade town of X", "X, a jade-mining town"), for "the border town", "the jade
    town"; else None (then the last place that fits, as for "the town")."""
    lead, tail = _description(what.casefold())
    for k in range(bisect_left(ctx.loc_starts, before) - 1, -1, -1):
        loc = ctx.locs[k]
        if loc.area or loc.site or loc.place is None or loc.place.kind not in ("town", "city"):
            continue
        if lead.search(ctx.text, max(0, loc.start - 50), loc.start) or \
                tail.match(ctx.text, loc.end):
            return loc
    return None


@lru_cache(maxsize=64)
def _description(what: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of a town described with ``what``: before it ("the border-trade town
    of") and after it (", a jade-mining town")."""
    what = re.escape(what)
    lead = re.compile(rf"\b{what}[\w-]*\s+(?:[\w-]+\s+)?(?:town|city)\s+(?:of\s+)?(?:the\s+)?$",
                      re.IGNORECASE)
    tail = re.compile(rf"\s*(?:\([^()]{{1,30}}\)\s*)?,\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?"
                      rf"{what}[\w-]*\s+(?:[\w-]+\s+)?(?:town|city)\b", re.IGNORECASE)
    return lead, tail


def antecedents(ctx: Context, t0: int, t1: int, sentence: tuple[int, int]) -> list[Mention]:
    """The places "the two towns", "both townships", "the three outposts" after a phrase
    stand for: that many distinct places their word can stand for, none named only as a
    point of reference, from the last sentence that names that many (this one and the
    ones before, as :func:`reference`: "Tsawlaw and Chipwi lie near China. The KIA took
    Sinbo. It captured both towns": Tsawlaw and Chipwi), else the last that many named;
    [] when the article has not named that many, or for any other words."""
    m = _SEVERAL.match(ctx.text, t1)
    if m is None:
        return []
    count = 2 if m.group("count") is None else date_tables().numbers.get(
        m.group("count").casefold(), 0)
    word = m.group("noun").casefold().removesuffix("s")
    word = "city" if word == "citie" else word
    site = word if word in ctx.r.site_references else ""
    groups = _named_by_sentence(ctx, t0, sentence, word, site)
    together = next((found for found in groups if len(found) >= count), None)
    if together is not None:
        return together[-count:]
    spread: list[Mention] = []
    for found in groups:
        spread[:0] = [loc for loc in found if all(loc.name != o.name for o in spread)]
    return spread[-count:] if len(spread) >= count else []


def latter_or_former(ctx: Context, which: str, before: int, sentence: tuple[int, int]
                     ) -> Mention | None:
    """The place "the latter" (``which`` "latter") or "the former" stands for: the second
    or the first of the last two places named together, in the last sentence up to
    ``before`` that names two (this one, then the ones before, as :func:`reference`);
    never one named only as a point of reference. None when no sentence names two."""
    pair = next((found[-2:] for found in _named_by_sentence(ctx, before, sentence)
                 if len(found) >= 2), None)
    if pair is None:
        return None
    return pair[1] if which.casefold() == "latter" else pair[0]


def _named_by_sentence(ctx: Context, before: int, sentence: tuple[int, int], word: str = "",
                       site: str = "") -> list[list[Mention]]:
    """The distinct places named before ``before`` in ``sentence`` and the
    ``REFERENCE_SENTENCES`` before it, one list per sentence (in text order), the latest
    sentence first; with ``word``, only those it can stand for (:func:`_fits`). None named
    only as a point of reference, unless a phrase read it as its object."""
    i = sentence_index(ctx, sentence[0])
    lo = ctx.sentences[max(0, i - REFERENCE_SENTENCES)][0] if ctx.sentences else 0
    objects = {loc.start for loc in ctx.object_locs}
    by_sentence: dict[int, list[Mention]] = {}
    k = bisect_left(ctx.loc_starts, before) - 1
    while k >= 0 and ctx.locs[k].start >= lo:
        named = ctx.locs[k]
        loc = _site_or_anchor(named, site) if word else named
        k -= 1
        if (word and not _fits(ctx, loc, word, site)) or (
                named.start not in objects and is_reference_point(ctx, loc)):
            continue
        loc = town_of(loc) if loc.area else loc
        found = by_sentence.setdefault(sentence_index(ctx, named.start), [])
        if all(loc.name != o.name for o in found):
            found.insert(0, loc)
    return [by_sentence[n] for n in sorted(by_sentence, reverse=True)]


#: "the two towns", "these three outposts", "both townships": several places named before.
_SEVERAL = re.compile(
    r"\s*(?:(?:the|these|those)\s+(?P<count>two|three|four)|both(?:\s+the)?)\s+"
    r"(?P<noun>towns|townships|cities|bases|camps|outposts|posts|villages)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
#: Towns the sentence has not named ("the remaining townships", "the two towns" are
#: several: not the one place named before; "the remaining bases" of a town still are).
_OTHER_TOWNS = re.compile(r"\bremaining\s+(?:\w+\s+)?(?:towns|townships|cities)\b",
                          re.IGNORECASE)
_PREDICATE = re.compile(r"(?:\bis|\bwas|\bare|\bwere|\bremains|\bbecame|,)\s+$")
_UNNAMED_WORDS = frozenset({"town", "city", "camp", "base", "outpost", "village"})
_UNNAMED = re.compile(r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,3}?(?:town|city|camp|base|"
                      r"outpost|village)\b(?![^.]*\b(?:of|called|named)\s+[A-Z])")
_TOWN_WORDS = frozenset({"town", "city", "it", "township", "border town"})


#: A town named by the people who live there ("Lweje residents said", "residents of X").
_BY_RESIDENTS_AFTER = re.compile(r"\s+(?:residents?|locals?|villagers|inhabitants|"
                                 r"townspeople)\b", re.IGNORECASE)
_BY_RESIDENTS_BEFORE = re.compile(r"\b(?:residents?|locals?|villagers|inhabitants|people)\s+"
                                  r"(?:of|in)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$",
                                  re.IGNORECASE)


def names_its_people(text: str, end: int) -> bool:
    """Whether the place name ending at ``end`` names the people who live there
    ("Myitkyina residents fled"): the people, not the place, are what the clause is about."""
    return _BY_RESIDENTS_AFTER.match(text, end) is not None


def named_later(ctx: Context, pos: int, sentence: tuple[int, int]) -> Mention | None:
    """The town an unnamed "another city" or "the city" with no antecedent stands for,
    when the article names it right after by the people who live there ("..., Lweje
    residents said", "residents of Lweje told RFA"): in this sentence or the next. Any
    other later name is no answer (it may be another place)."""
    i = sentence_index(ctx, sentence[0])
    stop = ctx.sentences[min(i + 1, len(ctx.sentences) - 1)][1] if ctx.sentences \
        else sentence[1]
    k = bisect_left(ctx.loc_starts, pos)
    while k < len(ctx.locs) and ctx.locs[k].start < stop:
        loc = ctx.locs[k]
        k += 1
        kind = loc.place.kind if loc.place is not None else ""
        if loc.area or loc.site or kind not in ("town", "city"):
            continue
        if _BY_RESIDENTS_AFTER.match(ctx.text, loc.end) or _BY_RESIDENTS_BEFORE.search(
                ctx.text, max(0, loc.start - 40), loc.start):
            return replace(loc, start=pos, end=pos)  # read where the phrase names it
    return None


def reference(ctx: Context, word: str, before: int, sentence: tuple[int, int], *,
              reach: int = REFERENCE_SENTENCES, story: bool = False) -> Mention | None:
    """The last place before ``before`` (this sentence and the ``reach`` before it) that
    ``word`` ("it", "town", "camp", "village", "township") can stand for; with ``story``
    (a plain "the town"), else the town the article is about (:func:`_story_town`)."""
    if word.endswith("s") and word not in ("headquarters", "its"):
        word = word[:-1]
    site = word if word in ctx.r.site_references else ""
    i = sentence_index(ctx, sentence[0])
    lo = ctx.sentences[max(0, i - reach)][0] if ctx.sentences else 0
    objects = []
    for n in range(len(ctx.object_locs) - 1, -1, -1):
        if ctx.object_starts[n] < lo:
            break
        loc = ctx.object_locs[n]
        if loc.start < before:
            objects.append(loc)
    k = bisect_left(ctx.loc_starts, before) - 1
    named = []
    while k >= 0 and ctx.locs[k].start >= lo:
        named.append(ctx.locs[k])
        k -= 1
    unnamed = None
    if word in _UNNAMED_WORDS:
        for m in _UNNAMED.finditer(ctx.masked, lo, before):
            if not _PREDICATE.search(ctx.masked, max(0, m.start() - 12), m.start()):
                unnamed = m  # "another major city", not "X is a garrison town"
    if unnamed is not None:  # "another major city ... the city": not a place named before
        # it, but the unnamed one itself when the article locates it ("attacked a junta
        # base in X Township ... captured the base": the base in X Township)
        objects = [loc for loc in objects if loc.start > unnamed.end()]
        named = [loc for loc in named if loc.start >= unnamed.start()]
    # its own sentence first, then the ones before; in each, places read as objects
    # first (most recent first), then any place named, unless as a point of reference
    for own in (True, False):
        for loc in objects:
            if (loc.start >= sentence[0]) != own:
                continue
            loc = _site_or_anchor(loc, site)
            if _fits(ctx, loc, word, site):
                return town_of(loc) if loc.area else loc
        for loc in named:
            if (loc.start >= sentence[0]) != own:
                continue
            loc = _site_or_anchor(loc, site)
            if _fits(ctx, loc, word, site) and not is_reference_point(ctx, loc):
                return town_of(loc) if loc.area else loc
    if word in ("town", "city"):  # "attacked units stationed in X, taking control of the
        for loc in named:  # town": in its own sentence, the town a reference point names
            if loc.start >= sentence[0] and _fits(ctx, loc, word, site):
                return town_of(loc) if loc.area else loc
    if word == "village":  # "operations around X Village ... toward the village": a
        for loc in named:  # village named as a point of reference is still the village;
            if _fits(ctx, loc, word, site):  # so is the village a base is located in
                return loc  # ("the base, located in Sezin, a village ...")
            if loc.site and loc.anchor is not None and loc.anchor.place is not None and \
                    loc.anchor.place.kind == "village":
                return loc.anchor
    if word in ("town", "city"):  # "occupied the city since ..., Lweje residents said"
        return named_later(ctx, before, sentence) or (_story_town(ctx, lo) if story else None)
    if site and site != "village":
        return _only_site(ctx, site, lo)
    return None


#: "the town", "the city" with no word of description ("the jade town" may be another).
_PLAIN_TOWN = re.compile(r"\s*the\s+(?:town|city)\b", re.IGNORECASE)


def is_plain_town(words: str) -> bool:
    """Whether ``words`` open with a plain "the town" or "the city"."""
    return _PLAIN_TOWN.match(words) is not None


#: How often the article must have named its town, and how many times more often than
#: any other, for "the town" further back than the sentences looked at to stand for it.
_STORY_TOWN_MENTIONS = 3
_STORY_TOWN_LEAD = 2


def _story_town(ctx: Context, lo: int) -> Mention | None:
    """"The town" further back than the sentences looked at: the town the article is
    about, when it has named it at least three times before and at least twice as often
    as any other town (a story about one town: "HSIPAW: ... the town of Hsipaw ... a base
    in Hsipaw ... Images from the town ... had taken control of the town on Sunday")."""
    k = bisect_left(ctx.loc_starts, lo) - 1
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for loc in ctx.locs[:k + 1]:
        town = loc.anchor if loc.site and loc.anchor is not None else loc
        if town.area or town.site or town.place is None or \
                town.place.kind not in ("town", "city"):
            continue
        counts[town.name] = counts.get(town.name, 0) + 1
        first.setdefault(town.name, town)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    name, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if n < _STORY_TOWN_MENTIONS or n < _STORY_TOWN_LEAD * runner_up:
        return None
    return first[name]


def _only_site(ctx: Context, site: str, lo: int) -> Mention | None:
    """"The camp" further back than the sentences looked at: the article's one named site
    of that word before them (a story about one camp), else None."""
    k = bisect_left(ctx.loc_starts, lo) - 1
    found = {loc.name: loc for loc in ctx.locs[:k + 1]
             if loc.site == site and loc.article_named and loc.name.split()[0] != site}
    return next(iter(found.values())) if len(found) == 1 else None


def _site_or_anchor(loc: Mention, site: str) -> Mention:
    """For "the town" a camp in a town stands for its town ("the camps in Namhsan", "Hseni's
    police station")."""
    if not site and loc.site and loc.anchor is not None and loc.anchor.place is not None \
            and loc.anchor.place.kind in ("town", "city") and \
            (loc.name.split()[0] == loc.site or loc.name == f"{loc.anchor.name} {loc.site}"):
        return loc.anchor
    return loc


#: Kinds of gazetteer rows that are military sites (data/places.csv "kind"; a "camp" is
#: a camp for displaced people).
MILITARY_KINDS = frozenset({"military base", "hill camp"})


def _fits(ctx: Context, loc: Mention, word: str, site: str) -> bool:
    if word == "it":
        return not loc.area
    if site or word in ("command", "headquarters"):
        if not loc.site and loc.place is not None and site != "village":
            return loc.place.kind in MILITARY_KINDS  # a camp the
            # gazetteer names ("the Sakhan Thit camp ... an offensive to take the camp")
        return bool(loc.site) and (not site or loc.site == site or word == "camp"
                                   or loc.site.endswith(" " + site))  # "army base": base
    if word == "village" and loc.site == "village":
        return True  # "Sharaw Hka Village ... toward the village"
    if loc.site:
        return False
    kind = loc.place.kind if loc.place is not None else ""
    if word == "village":
        return kind == "village" or loc.article_named
    if word == "township":  # "Namhsan Township", or Namhsan, its town
        return (loc.area and bool(loc.township_area)) or \
            (not loc.area and kind in ("town", "city"))
    if loc.area:
        return False
    return kind in ("town", "city", "") or word not in _TOWN_WORDS


def is_reference_point(ctx: Context, loc: Mention, since: int = 0) -> bool:
    """Whether ``loc`` is named as a point of reference ("75 km from Myitkyina"), not as
    a place something happened to; a place an army left ("withdrew from Lashio") is not
    one. ``since``: where the words that may make it one begin (the start of the list item
    before it: in "trying to capture X, Y and Z" the "to" is no "fled to Y")."""
    lead = ctx.masked[max(since, loc.start - 52):loc.start]
    lead = lead[:_TOWN_OF.search(lead).start()]  # "withdrew to the town of X": "withdrew to"
    tail = _LAST_WORDS.search(lead)
    return bool(tail and ctx.r.reference_re.search(tail.group())
                and not _LEFT_FROM.search(lead))


_LAST_WORDS = re.compile(r"(\S+\s+){0,3}$")
_TOWN_OF = re.compile(r"(?:(?:the\s+)?(?:[\w-]+\s+)?(?:town|city|village)\s+of\s+)?$",
                      re.IGNORECASE)
#: A place named as the one an armed group withdrew from: what "the city" later in the
#: sentence means (people who fled from a town only name it as a point of reference).
_LEFT_FROM = re.compile(r"\b(?:withdr[ae]w(?:n|s|ing)?|withdraws|retreat(?:ed|s|ing)?|"
                        r"pull(?:ed|s|ing)?\s+out)\s+(?:of\s+|from\s+)?"
                        r"(?:the\s+(?:town|city)\s+of\s+)?"  # and a list: "from X, Y and Z"
                        r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$")

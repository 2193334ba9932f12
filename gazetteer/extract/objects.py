"""The places a trigger phrase speaks of: its objects.

A phrase takes the place(s) that follow it ("captured X", lists "X on 29 September, Y on
18 October and Z", lists running past a name the gazetteer lacks, a dash, a region or a
date) or precede it ("X fell to", "X, under KIA control", "X, where ..., fell on").

- A base, camp or post taken in or near a place is a place of its own, at that place's
  coordinates ("captured the police station in Hsipaw": the station, not Hsipaw); the
  place itself changes hands only when the article says so, or that its last (or every)
  base fell ("captured the last bases in Mansi": Mansi).
- "X Township" as the object is the town X, when nothing else is said.
- "it", "the town", "the city", "the camp", "the three camps", "the township" stand for the
  last compatible place named in this or the previous sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from gazetteer.extract._context import (
    Context,
    cue_from,
    iter_actors,
    next_trigger,
    scope_end,
)
from gazetteer.extract.matcher import TriggerSpec
from gazetteer.extract.places import REGION_WORDS, Mention, area_label
from gazetteer.extract.references import (
    MILITARY_KINDS,
    antecedent,
    antecedents,
    is_plain_town,
    is_reference_point,
    latter_or_former,
    named_later,
    names_its_people,
    reference,
    town_of,
)
from gazetteer.extract.units import unit_before

Objects = list[tuple[Mention, int, str]]


_FACILITY_TAIL = re.compile(  # "three hilltop outposts from the junta in " before a place
    r"(?P<all>\b(?:last|all|every|remaining|final)\b[^.;:]*?)?"
    r"\b(?P<site>police\s+stations?|military\s+bases?|army\s+bases?|border\s+gates?|"
    r"headquarters|HQ|outposts?|bases?|camps?|posts?|garrisons?|checkpoints?|stations?|"
    r"positions?|command|barracks|compound|hills?|offices?|"
    r"(?:battalions?|regiments?)(?!\s+(?:headquarters|HQ|bases?|camps?|compound)\b))\b"
    r"[^.;:]{0,60}?\b(?P<rel>in|at|inside|within|near|outside|around|overlooking|"
    r"on(?=\s+(?:the\s+)?$)|"  # "on the A–B road" (a road only: see _first_gap)
    r"on\s+the\s+(?:edges?|"
    r"outskirts|fringes?)\s+of)\s+(?:the\s+)?"
    r"(?:(?:[\w'’-]+\s+){0,4}?(?:town|city|village|township)\s+of\s+|"  # "the northern
    r"(?:[\w'’-]+\s+){0,2}?(?:town|city|capital|hub)\s+)?"  # Shan State town of", "near
    r"(?:(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+)?$",  # the state capital", "in
    re.IGNORECASE)  # Kachin State's", "in Nawnghkio's"
_LIST_HEADER = re.compile(
    r"\s*(?:the\s+)?(?:[\w-]+\s+)?(?:towns?|cities|townships|villages|places|bases|camps|"
    r"outposts|posts)(?:(?:\s+(?:in|of|across)\s+[^–—:;.]{0,60})?\s*[–—:]|\s*,?\s*(?:such\s+"
    r"as|like|namely|including))\s*", re.IGNORECASE)
_REGION_TOWN_OF = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:town|city|village)\s+of\s+",
                             re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\b", re.IGNORECASE)
_NAMED_AFTER_COLON = re.compile(r"[^:–—.;]{0,30}[:–—]\s*(?:the\s+)?")
#: A relative clause's phrase ("X, where the KIA took control"): X's role in the main
#: clause ("had yet to reach X") is no concern of it.
RELATIVE_LEAD = re.compile(r"(?:where|which|whose)\b", re.IGNORECASE)
_REGION_OWNS = re.compile(r"['’]s\s+")
_INSIDE = frozenset({"in", "at", "inside", "within"})
#: Unnamed posts listed before the places a strict phrase takes, with names the gazetteer
#: lacks between: "occupied security posts and A, B and C villages".
_SITES_FIRST = re.compile(
    r"\s*(?:(?:the|some|several|two|three|four|five|\d+)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:posts|camps|bases|outposts|positions|checkpoints|stations|gates)"
    r"(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+))*")
_WITHIN = re.compile(rf"\b(?:{'|'.join(sorted(_INSIDE))})\s+(?:the\s+)?"
                     r"(?:(?:[\w'’-]+\s+){0,4}?(?:town|city)\s+of\s+)?$", re.IGNORECASE)
#: After a place named as what people are from ("a Bhamo resident said"): no object.
_PEOPLE_OF = re.compile(r"[ \t-]+(?:residents?|locals?|villagers?|natives?|officials?|"
                        r"people|man|woman|men|women|source|sources|journalists?|"
                        r"reporters?|based)\b", re.IGNORECASE)
_PART_OWNED = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*")
_WARDS = re.compile(r"\bwards?\b", re.IGNORECASE)
#: After a town's name: the town itself, not a part of it ("Lashio's urban areas").
_TOWN_PROPER = re.compile(r"['’]s\s+(?:urban\s+(?:areas?|wards)|town\s+(?:area|proper)|"
                          r"city\s+proper)\b", re.IGNORECASE)
_LAST = re.compile(r"\b(?:last|all|every|remaining|final)\b[^.;:,]*$", re.IGNORECASE)
_SPREAD = re.compile(r"\b(?:across|throughout|along|all\s+over)\s+(?:the\s+)?$",
                     re.IGNORECASE)
#: "captured another city" (named later: "..., Lweje residents said")
_UNNAMED_OBJECT = re.compile(r"\s*(?:a|an|another)\s+(?:[\w-]+\s+){0,2}?(?:town|city)\b",
                             re.IGNORECASE)
_LONG_ASIDE = re.compile(r",[^;:“”\"]{1,240},")
_IN_REGION = re.compile(r"\bin\s+(?:the\s+)?(?:[a-z]+\s+)?$")
_QUALIFIER = re.compile(r"\s*,?\s*(?:in|of)\s+(?:the\s+)?(?:(?:northern|southern|eastern|"
                        r"western|central|upper|lower|north|south|east|west)\s+)?",
                        re.IGNORECASE)
_ASIDE = re.compile(  # "Kunlong, where the district office is based, fell"
    r"(?:\s*[,–—]\s*|\s+(?=(?:where|which|whose)\b))"  # "X where the guns are, was taken"
    r"(?:where|which|who|whose|located|situated|home|a|an|the|once|now|about|"
    r"some|near|just|long|itself|based|stationed|headquartered|positioned|perched|lying)\b"
    r"[^,;:–—]{1,100}[,–—]\s*"  # "IB 23, based in Hsipaw, was overrun"; "Kyaukme, which
    r"(?:(?:has|have|had|is|are|was|were|been|since|now|long|also|reportedly)\s+)*$",
    re.IGNORECASE)  # sits on the highway, had since August been in TNLA hands"
_PRONOUN_SUBJECT = re.compile(
    r"(?:\b(?:the|this|that)\s+(?:(?:[\w-]+\s+){0,2}?)(?P<word>town|city|camp|camps|base|"
    r"bases|outpost|outposts|post|village|garrison|hill|township|command|headquarters)|"
    r"(?<![\w'’])(?P<it>it))(?:\s+(?:is|was|are|were|remains|remained|has\s+been|"
    r"had\s+been|has|had))?\s*$", re.IGNORECASE)  # "the town had fallen"


def objects_of(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int]
               ) -> tuple[Objects, dict[str, bool]]:
    """The places a trigger speaks of, with the end of each list item and a note."""
    found, flags = (_after if spec.object == "after" else _before)(ctx, t0, t1, spec,
                                                                   sentence)
    partly = ctx.r.cue.get("partly")
    if partly is not None and spec.object == "before" and partly.search(ctx.masked, t0, t1):
        flags["partial"] = flags["share"] = True  # "X was partly occupied": part of X
    return [o for o in found if not _qualifier(ctx, o[0])], flags


_AND = re.compile(r"\band\b")
#: After a place that only locates the ones named next: "the Sagaing towns of A and B".
_TOWNS_OF = re.compile(r"\s+(?:towns?|city|cities|villages?|townships?)\s+of\s+(?:the\s+)?",
                       re.IGNORECASE)


_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_ENDS_TOWN = re.compile(r"\s(?:towns?|city|cities|villages?|townships?)$", re.IGNORECASE)


def _qualifier(ctx: Context, loc: Mention) -> bool:
    """Whether ``loc`` qualifies the place named right after it ("the Sagaing town of
    Kawlin"): a region, not an object."""
    m = _TOWNS_OF.match(ctx.masked, loc.end) or (  # "Sagaing town" read as one name
        _OF.match(ctx.masked, loc.end) if _ENDS_TOWN.search(ctx.text, loc.start, loc.end)
        else None)
    if m is None:
        return False
    k = bisect_left(ctx.loc_starts, m.end())  # the place named next is within it (not
    return k < len(ctx.locs) and ctx.locs[k].start == m.end() and not ctx.locs[k].area
    # "Mansi Township of Bhamo District")


# -- places after the phrase ------------------------------------------------------------------

def _after(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int]
           ) -> tuple[Objects, dict[str, bool]]:
    flags: dict[str, bool] = {}
    i = bisect_left(ctx.loc_starts, t1)
    first_ok = False
    site: tuple[str, str] | None = None
    if i + 1 < len(ctx.locs) and ctx.locs[i].area and not ctx.locs[i].township_area and \
            _REGION_TOWN_OF.fullmatch(ctx.masked, ctx.locs[i].end, ctx.locs[i + 1].start):
        i += 1  # "the last base in the northern Shan State town of Namkham": Namkham
    elif i + 1 < len(ctx.locs) and _REGION_OWNS.fullmatch(ctx.masked, ctx.locs[i].end,
                                                          ctx.locs[i + 1].start):
        i += 1  # "attacks on Mandalay's Mogok Township": Mogok
    inside = ctx.locs[i - 1] if i > 0 else None
    if inside is not None and inside.site and t0 < inside.start < t1 < inside.end:
        i -= 1  # the phrase ends in the site's own word ("fought junta bases in X")
        first_ok = True
    elif i < len(ctx.locs) and ctx.locs[i].start < sentence[1]:
        first_ok, site = _first_gap(ctx, t1, ctx.locs[i].start, spec, sentence, flags)
        if first_ok and _PEOPLE_OF.match(ctx.text, ctx.locs[i].end):
            first_ok, site = False, None  # "overran an outpost, a Bhamo resident said"
        elif first_ok and not ctx.locs[i].site and _PART_OWNED.match(ctx.text, ctx.locs[i].end) \
                and not _TOWN_PROPER.match(ctx.text, ctx.locs[i].end):
            flags["partial"] = True  # "seized Bhamo's university campus": a part of Bhamo
    if not first_ok and spec.event_type == "held":
        including = _INCLUDING.search(ctx.text, t1, sentence[1])
        if including:
            i = bisect_left(ctx.loc_starts, including.end())
            first_ok = i < len(ctx.locs) and ctx.locs[i].start == including.end()
    if not first_ok and spec.event_type in ("capture", "assault"):
        including = _SITES_INCLUDING.match(ctx.masked, t1, sentence[1])
        if including and ctx.r.breaker_re.search(including.group("between")) is None:
            i = bisect_left(ctx.loc_starts, including.end())  # "seized nearly 50 outposts
            if i < len(ctx.locs) and ctx.locs[i].start < sentence[1]:  # since March,
                first_ok, site = _first_gap(ctx, including.end(), ctx.locs[i].start, spec,
                                            sentence, flags)  # including the bases in X"
    if not first_ok and spec.event_type != "held":
        several = _sites_in_several(ctx, t0, t1, spec, sentence)  # "the bases in both towns"
        if several:
            end = scope_end(ctx, t1, sentence)
            return [(loc, end, "antecedent_place") for loc in several], flags
        ref = _site_in_reference(ctx, t0, t1, spec, sentence) or \
            _fronted_site(ctx, t0, t1, spec, sentence)
        if ref is not None:
            return [(ref, scope_end(ctx, t1, sentence), "antecedent_place")], flags
    if not first_ok:
        several = antecedents(ctx, t0, t1, sentence)  # "captured both towns"
        # "capturing the former on 15 December"; "A and B, the latter of which the TNLA took"
        latter = _LATTER.match(ctx.masked, t1) or \
            _relative_clause(ctx, _LATTER_OF_WHICH, t0, t1, sentence)
        if latter is not None:
            one = latter_or_former(ctx, latter.group("which"), t0, sentence)
            several = [one] if one is not None else []
        if several:
            end = scope_end(ctx, t1, sentence)
            return [(loc, end, "antecedent_place") for loc in several], flags
        loc, partial = antecedent(ctx, t0, t1, sentence)
        if partial:
            _note_partial(ctx, partial, flags)
        if loc is None and spec.event_type != "held":  # "captured another city ...,
            unnamed = _UNNAMED_OBJECT.match(ctx.masked, t1)  # Lweje residents said"
            loc = named_later(ctx, unnamed.end(), sentence) if unnamed else None
        if loc is None and spec.event_type != "held":
            loc = _relative_antecedent(ctx, t0, sentence)
        if loc is None and _BARE_CONTROL.search(ctx.masked, t0, t1) and \
                not _CONTROL_OF_WHAT.match(ctx.masked, t1) and \
                not _NO_PLACE_CONTROL.search(ctx.masked, *sentence):
            loc = reference(ctx, "it", t0, sentence, reach=1)  # "the army retook
            # control on July 16": of the place the sentence before is about
        end = scope_end(ctx, t1, sentence)
        return ([(loc, end, "antecedent_place")] if loc else []), flags
    items = _list_from(ctx, i, sentence)
    first = items[0]
    if first.site and first.anchor is not None and spec.event_type == "capture" and \
            _LAST.search(ctx.masked, max(t1, first.start - 40), first.start) and \
            (_WITHIN.search(ctx.masked, first.start, first.anchor.start)
             or _WARDS.search(ctx.masked, max(t1, first.start - 40), first.anchor.start)):
        items[0] = first.anchor  # "captured the last bases in Mansi", "all the wards and
        # bases around Mansi": Mansi fell (not "the last outposts around Mansi")
    if spec.event_type == "assault":  # "attacks on the bases in Bhamo": Bhamo is contested
        items = [loc.anchor if loc.site and loc.site != "village" and loc.anchor is not None
                 and (loc.name.split()[0] == loc.site or loc.place is not None)
                 and not (loc.anchor.area and not loc.anchor.township_area) else loc
                 for loc in items]  # a village attacked is that village, not its township;
        # a camp on a road is that camp (not "the Lashio–Muse highway", no place to mark)
    if first.site and first.anchor is not None and first.anchor.area:
        items[1:] = [_site_at(loc, first.site, "in") if loc.area else loc for loc in items[1:]]
    else:
        items = _plural_sites_in_each(ctx, items)
    bounds = [loc.start for loc in items[1:]] + [scope_end(ctx, items[-1].end, sentence)]
    out: Objects = []
    for loc, end in zip(items, bounds, strict=True):
        note = ""
        if site is not None and loc.area and loc.area_word in REGION_WORDS:
            continue  # "seized a camp in Mandalay Region": a region places no site
        if site is not None:
            loc = _site_at(loc, *site)
        elif _area_as_town(loc, spec.event_type):
            loc, note = town_of(loc), "township_as_town"
        out.append((loc, end, note))
    return out, flags


def _plural_sites_in_each(ctx: Context, items: list[Mention]) -> list[Mention]:
    """A list whose first item is unnamed sites in the plural ("seized camps in A, B and C",
    "positions at A and B were overrun"): a site of that kind at every place of it, not
    the places themselves."""
    first = items[0]
    if not first.site or first.anchor is None or first.name.split()[0] != first.site or \
            not ctx.r.plural_sites_re.search(ctx.text, first.start, first.anchor.start):
        return items
    rel = first.name.split()[1]
    return [first, *(_site_at(loc, first.site, rel) for loc in items[1:])]


#: A phrase of taking control with no object ("the military retook control on July 16").
_BARE_CONTROL = re.compile(r"\bcontrol$", re.IGNORECASE)
_CONTROL_OF_WHAT = re.compile(r"\s*(?:of|over|in|across|from)\b", re.IGNORECASE)
#: Control of a country, not of a place ("seized control in the 2021 coup").
_NO_PLACE_CONTROL = re.compile(r"\b(?:coup|power|government|country|nation|"
                               r"administration)\b", re.IGNORECASE)


_WHICH = re.compile(r",\s*(?:which|that)\s")
_WHO_PRONOUN = re.compile(r"\s*(?:it|they|we)\s", re.IGNORECASE)
_APPOSITION = re.compile(r"(?:\s*,\s*(?:the|a|an|its)\s+[^,;:.]{1,60})?\s*")


def _relative_antecedent(ctx: Context, t0: int, sentence: tuple[int, int]) -> Mention | None:
    """"Lashio, the state capital, which the MNDAA handed back to the junta": the place
    a relative clause holding the phrase (and no place of its own) is about."""
    which = _relative_clause(ctx, _WHICH, t0, t0, sentence)
    if which is None:
        return None
    k = bisect_left(ctx.loc_starts, which.start()) - 1
    if k < 0 or ctx.locs[k].start < sentence[0] or ctx.locs[k].area:
        return None
    loc = ctx.locs[k]
    return loc if _APPOSITION.fullmatch(ctx.masked, loc.end, which.start()) else None


def _relative_clause(ctx: Context, opening: re.Pattern[str], t0: int, t1: int,
                     sentence: tuple[int, int]) -> re.Match[str] | None:
    """The last ``opening`` (", which", ", the latter of which") before the phrase at
    ``t0`` in its sentence, when the clause it opens holds no other phrase and names who
    acted, before ``t1`` ("which the MNDAA handed back") or as "it", "they", "we" ("which
    it seized"); else None."""
    found = list(opening.finditer(ctx.masked, sentence[0], t0))
    if not found or next_trigger(ctx, found[-1].end(), sentence, control_only=True) < t0 \
            or (next(iter_actors(ctx, found[-1].end(), t1), None) is None
                and not _WHO_PRONOUN.match(ctx.masked, found[-1].end())):
        return None
    return found[-1]


_INCLUDING = re.compile(r"\bincluding\s+(?:the\s+)?")
#: Sites counted after a phrase, then some of them named: "seized nearly 50 junta outposts
#: in 16 days, including ..." (what follows "including" is the object).
_SITES_INCLUDING = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:outposts|bases|camps|posts|positions|stations|"
    r"checkpoints|headquarters|strongholds|garrisons|towns|cities|townships|villages|"
    r"areas|places|localities|territories)\b"
    r"(?P<between>[^;:.“”\"]{0,60}?),?\s+(?:including|among\s+them|namely|such\s+as)\s+"
    r"(?:the\s+)?",
    re.IGNORECASE)
#: Site words and the words that place them by a reference after ("the camps in the
#: township"): after an object phrase (:data:`_FACILITY_REFERENCE`) and before a verb
#: (:data:`_SITES_IN`, "a dozen outposts in the township fell").
_SITE_NOUNS = r"outposts?|bases?|camps?|posts?|positions?|stations?|checkpoints?|headquarters"
_SITE_RELS = r"in|at|inside|near|around"
_FACILITY_REFERENCE = re.compile(  # "attacking the camps in the township", "the last
    rf"\s*(?P<lead>(?:[\w'’-]+\s+){{0,4}}?)(?P<site>{_SITE_NOUNS})\s+"  # camp there"
    rf"(?:(?P<rel>{_SITE_RELS})\s+(?:the|this|that)\s+(?P<word>town|city|township|village)\b"
    r"|(?P<there>there)\b)", re.IGNORECASE)
_LAST_LEAD = re.compile(r"\b(?:last|final|remaining|every|all)\b", re.IGNORECASE)


def _site_in_reference(ctx: Context, t0: int, t1: int, spec: TriggerSpec,
                       sentence: tuple[int, int]) -> Mention | None:
    """"attacked the camps in the town": a site in the place a reference stands for."""
    m = _FACILITY_REFERENCE.match(ctx.masked, t1, min(sentence[1], t1 + 100))
    if m is None or next_trigger(ctx, t1, sentence, control_only=True) < m.end():
        return None
    there = m.group("there") is not None
    loc = reference(ctx, "it" if there else m.group("word").casefold(), t0, sentence)
    if loc is None:
        return None
    rel = "in" if there else m.group("rel").casefold()
    if spec.event_type != "capture" or (_LAST_LEAD.search(m.group("lead")) and rel in _INSIDE):
        return loc  # "attacking the camps in the township": the place is contested; "took
        # the last base in the town": the town fell
    word = _singular(" ".join(m.group("site").casefold().split()))
    return _site_at(loc, word, rel)


def _sites_in_several(ctx: Context, t0: int, t1: int, spec: TriggerSpec,
                      sentence: tuple[int, int]) -> list[Mention]:
    """"attacked the junta's bases in the two townships": the places "the two townships"
    stands for (:func:`antecedents`), contested; for a capture, the sites in them."""
    m = _FACILITY_IN.match(ctx.masked, t1, min(sentence[1], t1 + 100))
    if m is None or next_trigger(ctx, t1, sentence, control_only=True) < m.end():
        return []
    places = antecedents(ctx, t0, m.end(), sentence)
    if spec.event_type != "capture" or (_LAST_LEAD.search(m.group("lead"))
                                        and m.group("rel").casefold() in _INSIDE):
        return places
    word = _singular(" ".join(m.group("site").casefold().split()))
    return [_site_at(loc, word, m.group("rel").casefold()) for loc in places]


#: A site in places named by a reference to several: "the bases in" (the two towns).
_FACILITY_IN = re.compile(
    rf"\s*(?P<lead>(?:[\w'’-]+\s+){{0,4}}?)(?P<site>{_SITE_NOUNS})\s+(?P<rel>{_SITE_RELS})"
    r"(?=\s)", re.IGNORECASE)


_FACILITY_AFTER = re.compile(
    r"\s*(?:(?:at\s+least|more\s+than|nearly|about|around|over|some)\s+)?"
    r"(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some|its|"
    r"their)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?P<site>police\s+stations?|border\s+gates?|outposts?|bases?|"
    r"camps?|posts?|checkpoints?|stations?|positions?|headquarters|garrisons?)\b",
    re.IGNORECASE)
_FRONTED_AFTER_BREAK = re.compile(r"(?:[,;:]\s*(?:and\s+)?|\band\s+|\bthen\s+)(?:in|at)\s+$",
                                  re.IGNORECASE)
_FRONTED_FIRST = re.compile(r"\s*(?:in|at)\s+", re.IGNORECASE)
_SUBJECT_ONLY = re.compile(r"\s*,?\s*(?:[\w'’-]+\s+){1,6}")
#: After a place, an aside and then a subject: ", about 190 km south of Y, KIA forces".
_ASIDE_SUBJECT = re.compile(r"\s*,\s*[^,;:.“”\"]{1,60}?,\s*(?:[\w'’-]+\s+){1,6}")
#: A place's relative clause up to its phrase: ", where the allied forces".
_WHERE_SUBJECT = re.compile(r"\s*,\s*where\s+(?:[\w'’-]+\s+){1,6}", re.IGNORECASE)


def _fronted_site(ctx: Context, t0: int, t1: int, spec: TriggerSpec,
                  sentence: tuple[int, int]) -> Mention | None:
    """"In X, the KIA seized a police station": a base, post or station taken in the
    place a clause opens with (a capture of the site there, an assault on the place)."""
    if spec.event_type not in ("capture", "assault"):
        return None
    fac = _FACILITY_AFTER.match(ctx.masked, t1, min(sentence[1], t1 + 60))
    k = bisect_left(ctx.loc_starts, t0) - 1
    if fac is None or k < 0 or ctx.locs[k].start < sentence[0]:
        return None
    if k > 0 and ctx.locs[k - 1].start >= sentence[0] and ctx.r.reference_re.search(
            ctx.masked, max(sentence[0], ctx.locs[k].start - 20), ctx.locs[k].start):
        k -= 1  # "In X Township, about 190 km south of Y, KIA forces seized": X, not Y
    loc = ctx.locs[k]
    # "began in X Township, where the allies captured five outposts": X's where-clause
    where = _WHERE_SUBJECT.fullmatch(ctx.masked, loc.end, t0)
    plain = (_SUBJECT_ONLY.fullmatch(ctx.masked, loc.end, t0) or
             _ASIDE_SUBJECT.fullmatch(ctx.masked, loc.end, t0)) and \
        not ctx.r.breaker_re.search(ctx.masked, loc.end, t0)
    if (loc.area and not loc.township_area) or not (where or plain):
        return None
    lead = ctx.masked[sentence[0]:loc.start]
    if not (where or _FRONTED_FIRST.fullmatch(lead) or _FRONTED_AFTER_BREAK.search(lead)):
        return None
    if loc.township_area:
        loc = town_of(loc) if spec.event_type == "assault" else loc
    if spec.event_type == "assault":
        return loc
    word = _singular(" ".join(fac.group("site").casefold().split()))
    return _site_at(loc, word, "in")


#: A gap of a few words ending in "of" ("most of", "the western part of"): a share named.
_SHARE_GAP = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}of\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?")
#: A direction from a place, no part of it: "controls (the land) to the north of X".
_DIRECTION_TO = re.compile(r"\s+to\s+the\s+(?:north|south|east|west)", re.IGNORECASE)
#: Between an attack and its place: "attacking (in and) around X" (X is contested).
_AROUND = re.compile(r"\s*(?:in\s+and\s+)?around\s+(?:the\s+)?", re.IGNORECASE)
#: Just before a place: a description it is named after ("the state capital X", "the
#: border town X"), an apposition, not a reference to another place.
_APPOSITIVE_TAIL = re.compile(r"\s(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:town|city|capital|hub)\s+$",
                              re.IGNORECASE)
#: Places counted in a wider one: "two towns in X", "several townships across X" (not
#: "the towns of X and Y", which names them).
_PLACES_IN = re.compile(r"\b(?:towns|cities|townships)\s+(?:in|across|around)\s+"
                        r"(?:the\s+)?(?:[a-z]+\s+)?$", re.IGNORECASE)
#: A place after a word and "in / at / near": when the word is a facility
#: ("headquarters in Dawthponeyan"), the place locates it and is no subject.
_LOCATIVE = re.compile(r"([\w'’-]+)\s+(?:in|at|near)\s+$", re.IGNORECASE)
#: Inside a relative clause: ", which" / ", that" and no comma since.
_IN_RELATIVE = re.compile(r",\s+(?:which|that)\s[^,]*$")


#: Right after the phrase, "nearby" as an adjective of its object, not a preposition of
#: reference ("an outpost nearby X" names a point beside X).
_NEARBY_OBJECT = re.compile(r"\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:nearby|neighbou?ring|"
                            r"adjacent)\s+(?:(?:town|city|village)\s+of\s+)?", re.IGNORECASE)


def _first_gap(ctx: Context, a: int, b: int, spec: TriggerSpec, sentence: tuple[int, int],
               flags: dict[str, bool]) -> tuple[bool, tuple[str, str] | None]:
    """Whether the place at ``b`` is the object of the phrase ending at ``a``; and, when a
    base or camp in it is, that site's (word, relation)."""
    r = ctx.r
    if b - a > spec.max_gap and not (spec.strict and b - a <= 120 and (
            _SITES_FIRST.fullmatch(ctx.masked, a, b) or _last_bases_in(ctx.masked[a:b]))):
        return False, None
    gap = ctx.masked[a:b]
    if "\n" in gap:
        return False, None
    goods = [m.end() for m in r.goods_re.finditer(gap)] if spec.event_type == "capture" \
        else []
    if goods and not _FACILITY_TAIL.search(gap) and not _AND.search(gap, goods[-1]):
        return False, None  # "seized 30 weapons, a member of the X team said": not X (but
        # "seized 30 rifles and the camp at X")
    if next_trigger(ctx, a, sentence, control_only=True) < b:
        return False, None  # the place belongs to the next phrase ("attacked ... and seized X")
    if "," in gap and _IN_RELATIVE.search(ctx.masked, max(sentence[0], a - 120), a):
        return False, None  # "Kutkai, which the TNLA took last year, reached Muse": the
        # comma closes the relative clause; its place is the one it is about
    if _NEARBY_OBJECT.fullmatch(gap):
        return True, None  # "captured nearby Indaw", "took the nearby town of Shwegu"
    plain = cue_from(ctx, sentence, a, b) is None  # no breaker, cue or gap word in it
    if _SHARE_GAP.fullmatch(gap) and r.cue["share"].search(gap) and \
            r.breaker_re.search(gap) is None and not _DIRECTION_TO.match(gap):
        _note_partial(ctx, gap, flags)  # "took most of X", "took the western part of X",
        return True, None  # "captured the west of X" (not "10 km west of X")
    if spec.strict:
        ok = bool(r.object_ok["strict"].fullmatch(gap)) and (
            plain or not (r.breaker_re.search(gap) or r.reference_re.search(gap)))
        if not ok and _last_bases_in(gap) and r.breaker_re.search(gap) is None:
            flags.pop("partial", None)
            return True, None  # "took the last base in the Kachin State town of X"
        return ok or bool(_SITES_FIRST.fullmatch(gap) or _LIST_HEADER.fullmatch(gap)), None
    if plain:
        return True, None
    if _LIST_HEADER.fullmatch(gap):
        return True, None  # "lost five towns in northern Shan State – A, B and C", "towns
        # such as A, B and C"
    if r.breaker_re.search(gap):
        return False, None
    if _PLACES_IN.search(gap):
        return False, None  # "to recapture two towns in Sagaing": the region holds them
    if r.cue["partial"].search(gap):
        _note_partial(ctx, gap, flags)
    facility = _FACILITY_TAIL.search(gap) if spec.event_type != "held" else None
    if facility and facility.group("rel").casefold() == "on" and not _road_at(ctx, b):
        facility = None  # "the camp on Monday", "an outpost on the hill": no road
    if facility:
        rel = facility.group("rel").casefold()
        if facility.group("all") and rel in _INSIDE:
            flags.pop("partial", None)  # "the last bases in X": X itself fell
            flags.pop("share", None)
            return True, None
        if facility.group("all") or (spec.event_type != "capture" and rel in _INSIDE):
            return True, None  # "the last bases in X", "attacks on the bases in X": X itself
        word = " ".join(facility.group("site").casefold().split())
        flags.pop("partial", None)
        flags.pop("share", None)
        return True, (_singular(word), " ".join(rel.split()))
    if flags.get("partial") and not r.reference_re.search(r.cue["partial"].sub(" ", gap)) \
            and not r.facility_re.search(gap):
        return True, None  # "attacked the outskirts of X": X is contested
    if spec.event_type == "assault" and _AROUND.fullmatch(gap):
        return True, None  # "attacking in and around X"
    bare = _APPOSITIVE_TAIL.sub(" ", gap)
    if bare != gap and not (r.reference_re.search(bare) or _SPREAD.search(bare) or
                            _actor_object(ctx, a, b)):
        return True, None  # "positions near the state capital X": X named in apposition
    if r.reference_re.search(gap) or _SPREAD.search(gap):
        return False, None
    if spec.event_type == "assault" and _actor_object(ctx, a, b) and \
            not _ATTACKED_FORCES.search(ctx.masked, max(sentence[0], a - 12), b):
        return False, None  # "fighting against junta troops in X": X is where, not whom
        # (but "attacked junta troops in X" is an attack on X)
    if r.inside_re.search(gap):
        if spec.event_type == "capture":
            return bool(flags.get("partial")), None
        if spec.event_type == "held":
            return False, None
    return True, None


def _road_at(ctx: Context, pos: int) -> bool:
    """Whether the place at ``pos`` is read as a road ("the Chipwi–Pangwa road")."""
    k = bisect_left(ctx.loc_starts, pos)
    return k < len(ctx.locs) and ctx.locs[k].start == pos and ctx.locs[k].area and \
        ctx.locs[k].area_word in ctx.r.road_words


def _last_base_of(ctx: Context, loc: Mention, sentence: tuple[int, int],
                  spec: TriggerSpec) -> bool:
    """Whether ``loc``, the subject of a capture ("... fell"), is the last base in a town
    ("the regime's last outpost in Mansi"), so that the town itself fell."""
    anchor = loc.anchor
    if spec.event_type != "capture" or not loc.site or anchor is None or anchor.area or \
            anchor.start < loc.start:
        return False
    return bool(_LAST.search(ctx.masked, max(sentence[0], loc.start - 40), loc.start)
                and _WITHIN.search(ctx.masked, loc.start, anchor.start))


def _last_bases_in(gap: str) -> bool:
    """Whether ``gap`` ends "the last bases in (the town of)": the place after it fell."""
    m = _FACILITY_TAIL.search(gap)
    return m is not None and bool(m.group("all")) and m.group("rel").casefold() in _INSIDE


def _actor_object(ctx: Context, a: int, b: int) -> bool:
    """Whether the phrase's object is an actor ("against junta troops in X")."""
    for x in iter_actors(ctx, a, b):
        if ctx.r.holder_re.match(ctx.text, x[1]):
            continue  # "an assault on the KIA-held town of X": X is the object
        lead = ctx.masked[a:x[0]]
        if not lead.strip(" ,") or bool(_ARTICLE_ONLY.fullmatch(lead)):
            return not OWNER_OF_SITE.match(ctx.masked, x[1])  # "attacked a junta base
            # on a hill in X": the group owns the object
        return False
    return False


#: After a group: a site of its ("a militia camp", "the junta's main hill base").
OWNER_OF_SITE = re.compile(r"(?:'s|’s)?\s+(?:(?:military|army|main|frontline|strategic|hill|"
                           r"hilltop|border|key|major|battalion|brigade|command|tactical)\s+)"
                           r"{0,2}(?:camps?|bases?|outposts?|"
                           r"posts?|positions?|garrisons?|checkpoints?|headquarters|"
                           r"stations?|strongholds?)\b", re.IGNORECASE)


#: An attack on a group's men in a place: "attacked / attacking junta forces in X".
_ATTACKED_FORCES = re.compile(r"\b(?:attack|encircle|surround|besiege)(?:ed|d|ing|s)?\s+"
                              r"(?:the\s+)?[\w()' -]{2,60}?\s+"
                              r"(?:forces|troops|soldiers|positions|bases|camps|outposts|"
                              r"garrisons?|battalions?)\s+"
                              r"(?:and\s+(?:police|militias?|militiamen)\s+)?"
                              r"(?:in|at|inside)\s+$", re.IGNORECASE)
_ARTICLE_ONLY = re.compile(r"\s*(?:the|a|an)\s+", re.IGNORECASE)


def _singular(word: str) -> str:
    if word in ("headquarters", "barracks", "hq"):
        return "headquarters" if word != "barracks" else word
    parts = word.split()
    last = parts[-1]
    if last.endswith("s") and not last.endswith("ss"):
        parts[-1] = last[:-1]
    return " ".join(parts)


def _site_at(loc: Mention, word: str, rel: str) -> Mention:
    """A base, camp or post the article places at ``loc`` ("the camps in Namhsan")."""
    if loc.site:  # already a site of its own ("the Lal Long Aungja base in ...")
        return loc
    where = loc.name + (f" {area_label(loc.area_word)}" if loc.area else "")
    return Mention(loc.start, loc.end, f"{word} {rel} {where}", None, loc.lat, loc.lon, True,
                   article_named=True, site=word.split()[-1], township=loc.township)


def _area_as_town(loc: Mention, event_type: str) -> bool:
    """"Seized Mansi Township": the township stands for its town; "attacked the Mogok
    area" contests the town (an assault only: an area taken is not its town taken)."""
    if not loc.area or event_type not in ("capture", "assault", "held"):
        return False
    return loc.township_area or (event_type == "assault" and loc.area_word == "area")


def _list_from(ctx: Context, i: int, sentence: tuple[int, int]) -> list[Mention]:
    """The list of places starting at ``ctx.locs[i]``: it runs on past list words, dashes,
    a date, a name the gazetteer lacks, a relative clause, and a region that qualifies
    the items before ("..., Kyaukme and Hsipaw in northern Shan State, and Mogok")."""
    items = [ctx.locs[i]]
    loose = ctx.r.object_ok["list_loose"]
    end = items[0].end
    aside_end = 0  # the end of the last aside passed
    j = i + 1
    while j < len(ctx.locs) and ctx.locs[j].start < sentence[1]:
        nxt = ctx.locs[j]
        gap = ctx.masked[end:nxt.start]
        last = items[-1]
        if last.site and nxt.site and last.name.split()[0] == last.site and \
                _NAMED_AFTER_COLON.fullmatch(gap):
            items[-1], end = nxt, nxt.end  # "two camps near X: the A camp and the B camp"
            j += 1
            continue
        close = _ASIDE_CLOSE.match(ctx.masked, nxt.end)
        if close and not nxt.area and _ASIDE_OPEN.fullmatch(gap) and \
                is_reference_point(ctx, nxt, items[-1].start) and \
                next_trigger(ctx, end, sentence, control_only=True) > close.end():
            end = aside_end = close.end()  # "took Sinbo, 40 km from Bhamo, and Shwegu":
            j += 1  # an aside locating the item before; the list goes on after it
            continue
        if "\n" in gap or not loose.fullmatch(gap) or \
                next_trigger(ctx, end, sentence, control_only=True) < nxt.start:
            break
        if not nxt.area and (_IN_REGION.search(gap) or is_reference_point(
                ctx, nxt, max(items[-1].start, aside_end))):
            break  # "X in Y", "between X and Y": Y locates X, it is no item
        if names_its_people(ctx.text, nxt.end):
            break  # "took Sinbo, and Myitkyina residents fled": a new clause's subject
        if _NEXT_SUBJECT.match(ctx.masked, nxt.end) and not _AND_OR.search(gap):
            break  # "after the KIA seized X, the Northern Command in Myitkyina continued
            # to fire": a new clause's subject, no item
        anchor = items[-1].anchor if items[-1].site else None
        last = anchor if anchor is not None and anchor.area and anchor.start < items[-1].end \
            and not _BETWEEN.search(ctx.masked, items[-1].start, anchor.start) \
            else items[-1]  # "stations in A, B and C townships" (not "the X outpost, A
        # Township", where A locates the outpost, nor "a base between A and B townships")
        if nxt.area and not (last.area and last.area_word == nxt.area_word
                             and nxt.area_word in ("township", "sub-township", "area")):
            end = nxt.end  # a region qualifying the items before ("X, Y Township"), not one
        else:
            items.append(nxt)
            end = nxt.end
        j += 1
    return items


#: An aside opened after a list item, up to the place it locates the item by (", 40 km
#: from", " (a town near"), and its close.
_ASIDE_OPEN = re.compile(r"\s*[,(]\s*[^,;:()\n]{1,40}")
_ASIDE_CLOSE = re.compile(r"\s*[),](?=\s*(?:and\b|or\b|as\s+well\s+as\b|[A-Z]))")


#: After a place: a finite verb, perhaps past a place locating it ("..., the Northern
#: Command in Myitkyina continued to fire"): the place is a clause's subject.
_NEXT_SUBJECT = re.compile(r"(?:\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s+"
                           r"(?:has|have|had|was|were|is|are|continued|continues|said|says|"
                           r"launched|fired|shelled|responded|retaliated|remained|remains)\b")
_AND_OR = re.compile(r"\b(?:and|or)\b")
#: People told of before a place in a clause of their own: "soldiers who fled X".
_PEOPLE_WHO = re.compile(r"\b(?:soldiers|troops|personnel|prisoners|refugees|civilians|"
                         r"residents|officers|men|people|villagers|families)\s+(?:who|that)\s"
                         r"[^,;:]*$", re.IGNORECASE)


# -- places before the phrase ----------------------------------------------------------------

def _site_located_by(ctx: Context, k: int, t0: int, sentence: tuple[int, int]) -> int | None:
    """When ``ctx.locs[k]``, the place just before a phrase, only locates a site named
    before it, perhaps through other places locating each other ("Infantry Battalion 23
    outside Hsipaw had fallen", "the camp 5 km north of X fell", "the Battalion 1001
    headquarters in A village near B town in C Township was seized"), the site's index;
    else None."""
    if not ctx.r.object_ok["subject"].fullmatch(ctx.masked, ctx.locs[k].end, t0):
        return None
    located = False  # a reference word seen: "in X" alone may be where the site is (the
    j = k - 1  # town the site stands for) but not "near X"
    while j >= 0 and ctx.locs[j].start >= sentence[0]:
        prev, loc = ctx.locs[j], ctx.locs[j + 1]
        gap = _UNKNOWN_HOP.sub(" ", ctx.masked[prev.end:loc.start])  # past a village the
        # gazetteer lacks: "headquarters in Nu Village near Phimaw"
        ref = ctx.r.reference_re.search(gap)
        inside = _LOCATED_IN.fullmatch(gap)
        if inside is None and (ref is None or not _LOCATOR_LEAD.fullmatch(gap, 0, ref.start())
                               or not _LOCATOR_TAIL.fullmatch(gap, ref.end())):
            return None
        located = located or inside is None
        if (prev.site and prev.site != "village") or (
                prev.place is not None and prev.place.kind in MILITARY_KINDS):
            return j if located or j < k - 1 else None
        j -= 1
    return None


#: Between a site and the place it is in: "headquarters in", "base at", "Town in".
_LOCATED_IN = re.compile(r"\s*(?:(?:base|camp|outpost|headquarters|town|village|city)\s+)?"
                         r"(?:in|at|inside)\s+(?:the\s+(?:town|city|village)\s+of\s+)?",
                         re.IGNORECASE)
#: A named village or town the gazetteer lacks, passed on the way: " in Nu Village ".
_UNKNOWN_HOP = re.compile(r"\s(?:in|at)\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:[Vv]illage|[Tt]own)\s+"
                          r"(?=[a-z])")


#: Before a reference word that locates a site: its own site word, a distance ("base 5
#: km north of"); after it: "the town of".
_LOCATOR_LEAD = re.compile(r"\s*(?:(?:base|camp|outpost|headquarters|town|village|city)\s+)?"
                           r"(?:(?:just|about|"
                           r"some|roughly)\s+)?(?:[\d.,]+\s*(?:km|kilometres|kilometers|"
                           r"miles)\s+)?")
_LOCATOR_TAIL = re.compile(r"\s*(?:the\s+(?:town|city)\s+of\s+)?")


def _before(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int]
            ) -> tuple[Objects, dict[str, bool]]:
    flags: dict[str, bool] = {}
    k = bisect_left(ctx.loc_starts, t0) - 1
    last = ctx.locs[k] if k >= 0 and ctx.locs[k].start >= sentence[0] else None
    if last is not None and ctx.text[t0:t1].casefold().endswith(" to") and \
            _PEOPLE_WHO.search(ctx.masked, sentence[0], last.start):
        return [], flags  # "soldiers who fled X ... were handed back": people, not X
    ok = False
    gap_from = last.end if last is not None else t0
    while last is not None and last.area and not last.township_area and k > 0:
        prev = ctx.locs[k - 1]  # "Mongmit and Mabein townships in northern Shan State, which"
        if prev.start < sentence[0] or not _QUALIFIER.fullmatch(ctx.masked, prev.end,
                                                                  last.start):
            break
        k, last = k - 1, prev
    if last is not None and not spec.strict:  # "Kunlong, where the district office is, fell"
        k2, before_aside = _subject_before_aside(ctx, k, t0, sentence)
        if before_aside is not None:
            k, last, ok = k2, before_aside, True
    if last is not None and not ok and k > 0 and not spec.strict:
        located = _site_located_by(ctx, k, t0, sentence)
        if located is not None:  # "IB 23 outside Hsipaw had fallen": the base, not Hsipaw
            k, last, ok = located, ctx.locs[located], True
    if spec.garrison:  # "LIB 424 troops at X village in Y Township retreated": X
        return garrison_place(ctx, t0, sentence), flags
    if spec.appositive:  # "X, a northern Shan State town recaptured by Y": X, or nothing
        head = next((j for j in range(k, max(k - 3, -1), -1)
                     if ctx.locs[j].start >= sentence[0]
                     and _APPOSITIVE_HEAD.fullmatch(ctx.masked, ctx.locs[j].end, t0)), None)
        if head is None:
            return [], flags
        while head > 0 and ctx.locs[head - 1].start >= sentence[0] and \
                _LOCATED_BY.fullmatch(ctx.masked, ctx.locs[head - 1].end, ctx.locs[head].start):
            head -= 1  # "X, Kyaukme Township, the sixth town taken by Y": X, not its township
        k, last, ok = head, ctx.locs[head], True
    if last is not None and not ok:
        gap = ctx.masked[gap_from:t0]
        ok = bool(re.fullmatch(r"\s*(?:'s|’s)?\s*", gap)) if spec.strict else \
            bool(ctx.r.object_ok["subject"].fullmatch(gap)) or \
            bool(last.site and (word := BASE_WORD.match(gap)) and  # "the northeastern
                 ctx.r.object_ok["subject"].fullmatch(gap, word.end())) or \
            _coordinated(ctx, gap_from, t0, sentence) or \
            bool(last.site and _IN_UNKNOWN_PLACE.fullmatch(gap))  # "LIB 129 in Rankhon
        # village surrendered": a base the table places, in a village it does not
    if not ok or last is None:
        if spec.strict:
            return [], flags
        placed = _unnamed_subject_placed(ctx, t0, t1, sentence)
        if placed:
            return placed, flags
        ref = _reference_subject(ctx, t0, sentence, named_only=spec.event_type == "held")
        return ([(ref, t0, "antecedent_place")] if ref else []), flags
    if spec.sites_only and not last.site:
        return [], flags  # "residents of Bhamo surrendered their weapons"
    if spec.event_type == "held" and spec.actor == "adjacent" and last.place is not None \
            and last.place.kind in MILITARY_KINDS:
        return [], flags  # "the LIB 319 and 601 headquarters": the units' own, no group's seat
    items = [last]
    k -= 1
    while k >= 0 and ctx.locs[k].start >= sentence[0] and \
            ctx.r.object_ok["list"].fullmatch(ctx.masked, ctx.locs[k].end, items[-1].start) \
            and not _locates_facility(ctx, ctx.locs[k].start):
        items.append(ctx.locs[k])  # not "X headquarters in Dawthponeyan on 8 March and
        k -= 1  # Y was seized": a place in a locative phrase is no subject
    items.reverse()
    items = _plural_sites_in_each(ctx, items)
    lead = ctx.text[max(sentence[0], items[0].start - 30):items[0].start]
    if len(items) == 1 and _last_base_of(ctx, last, sentence, spec):
        return [(last.anchor, t0, "")], flags  # "the regime's last outpost in X fell": X
    if ctx.r.cue["partial"].search(lead) and not (len(items) > 1 and _COUNTED_AREAS.search(
            ctx.text, max(sentence[0], items[0].start - 60), items[0].start)):  # not "three
        _note_partial(ctx, lead, flags)  # army-held areas of A, B and C": named places
    if spec.event_type != "held" and not spec.appositive and \
            not RELATIVE_LEAD.match(ctx.text, t0) and \
            not (_WHICH_THEN.fullmatch(ctx.masked, items[-1].end, t0) and not
                 _IN_APPOSITIVE.search(ctx.masked, max(sentence[0], items[-1].start - 70),
                                       items[-1].start)) and (
            ctx.r.reference_re.search(lead[-14:])
            or _REFERENCE_LEAD_GAP.fullmatch(_after_reference(ctx, lead))):
        ref = None if spec.strict else _reference_subject(ctx, t0, sentence)
        return ([(ref, t0, "antecedent_place")] if ref else []), flags  # "21 miles from X"
    out: Objects = []
    for loc in items:
        if _area_as_town(loc, spec.event_type):
            out.append((town_of(loc), t0, "township_as_town"))
        else:
            out.append((loc, t0, ""))
    return out, flags


#: A subject that names no place: sites ("an army base", "all three battalion
#: headquarters") or counted towns ("four cities"), just before a passive phrase.
_UNNAMED_SUBJECT = re.compile(
    r"\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|"
    r"several|some|many|most|all|the|dozens\s+of)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?P<site>police\s+stations?|border\s+gates?|headquarters|outposts?|bases?|camps?|"
    r"posts?|garrisons?|checkpoints?|positions?|(?P<towns>towns|cities|townships))"
    r"(?:\s+(?:have|has|had))?\s*$",  # "four towns have fallen"
    re.IGNORECASE)
#: The same subject opening its sentence as a bare plural ("Positions have been seized in
#: A and B townships", "Junta outposts were overrun near X"): sites, never towns.
_BARE_SITES_SUBJECT = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,2}?(?P<site>police\s+stations|border\s+gates|outposts|bases|"
    r"camps|posts|garrisons|checkpoints|positions)(?P<towns>(?!))?\s*$", re.IGNORECASE)
#: After the passive phrase: who did it or when, then where ("was overrun by the KIA in
#: Momauk Township", "were seized on Tuesday near Bhamo").
_PLACED_AFTER = re.compile(
    r"(?:\s+by\s+(?:[\w'’()-]+\s+){1,6}?|\s+(?:on|last|this|early|late)\s+"
    r"(?:[\w'’-]+\s+){1,3}?)?\s*(?P<rel>in|at|near|inside|outside|around)\s+(?:the\s+)?"
    r"(?:(?:neighbou?ring|nearby|adjacent|(?:north|south|east|west)(?:ern)?)\s+)?",
    re.IGNORECASE)
#: After the passive phrase: the places counted, named ("four cities were captured by the
#: resistance, namely A, B and C").
_NAMED_AFTER = re.compile(
    r"(?:\s+by\s+[^,.;:]{1,60}?|\s+(?:on|last|this|since|in)\s+[^,.;:]{1,30}?)?"
    r"\s*,?\s+(?:namely|including|such\s+as|among\s+them)\s+(?:the\s+)?",
    re.IGNORECASE)


def _unnamed_subject_placed(ctx: Context, t0: int, t1: int, sentence: tuple[int, int]
                            ) -> Objects:
    """The places of a subject that names none, told after its passive phrase: "an army
    base was overrun in Momauk Township" (a base in Momauk), "four cities have been
    captured, namely A, B and C" (A, B and C)."""
    m = _UNNAMED_SUBJECT.search(ctx.masked, max(sentence[0], t0 - 80), t0) or \
        _BARE_SITES_SUBJECT.fullmatch(ctx.masked, sentence[0], t0)
    if m is None:
        return []
    named = _NAMED_AFTER.match(ctx.masked, t1, sentence[1])
    placed = None if named else _PLACED_AFTER.match(ctx.masked, t1, sentence[1])
    if m.group("towns") and named is None:
        return []
    at = (named or placed).end() if (named or placed) else -1
    i = bisect_left(ctx.loc_starts, at)
    if at < 0 or i >= len(ctx.locs) or ctx.locs[i].start != at or \
            next_trigger(ctx, t1, sentence, control_only=True) < at:
        return []
    if named is not None:
        items = _list_from(ctx, i, sentence)
        bounds = [loc.start for loc in items[1:]] + [scope_end(ctx, items[-1].end, sentence)]
        return [(town_of(loc) if _area_as_town(loc, "capture") else loc, end, "")
                for loc, end in zip(items, bounds, strict=True)]
    loc, rel = ctx.locs[i], placed.group("rel").casefold()
    end = scope_end(ctx, loc.end, sentence)
    if _LAST_LEAD.search(m.group()) and rel in _INSIDE and not loc.site:
        return [(town_of(loc) if loc.area else loc, end, "")]  # "all three battalion
    # headquarters were captured in Mansi Township": Mansi fell
    word = _singular(re.sub(r"\s+", " ", m.group("site").casefold()))
    if not m.group("site").casefold().endswith("s"):
        return [(_site_at(loc, word, rel), end, "")]
    items = _list_from(ctx, i, sentence)  # "outposts were seized in A, B and C townships"
    bounds = [x.start for x in items[1:]] + [scope_end(ctx, items[-1].end, sentence)]
    return [(_site_at(x, word, rel), b, "") for x, b in zip(items, bounds, strict=True)]


#: Between a place and a participle or relative phrase after it: an appositive's head
#: ("Nawnghkio, a northern Shan State town recaptured", "X, the hub the KIA took").
_APPOSITIVE_HEAD = re.compile(
    r"\s*,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?(?:town|city|capital|hub|base|outpost|"
    r"camp|stronghold|village|headquarters|township|garrison|post)\s+", re.IGNORECASE)
#: Troops and where they were, before what they did ("LIB 424 troops at", "the junta
#: soldiers stationed in").
_GARRISON_LEAD = re.compile(
    r"\b(?:troops|soldiers|forces|garrison|personnel|units|columns|men|defenders)\s+"
    r"(?:(?:stationed|based|deployed|posted|positioned)\s+)?(?:at|in|inside)\s+(?:the\s+)?",
    re.IGNORECASE)
#: Between the troops' place and their retreat: the place's own word, the township that
#: locates it, an adverb ("X village in Mansi Township reportedly").
_GARRISON_GAP = re.compile(
    r"(?:\s+(?:village|town|camp|base|outpost|hill))?(?:\s+(?:in|of)\s+(?:[A-Z][\w'’-]*\s+)"
    r"{1,2}(?:Township|District))?\s*(?:(?:had|have|has|also|then|finally|reportedly|"
    r"eventually|later)\s+)*")


def garrison_place(ctx: Context, t0: int, sentence: tuple[int, int]) -> Objects:
    """The place where the troops that retreat were ("troops at Man Wein Gyi village in
    Mansi Township retreated"), when the sentence says where they were just before the
    phrase; else nothing (not "residents of X fled")."""
    leads = list(_GARRISON_LEAD.finditer(ctx.masked, max(sentence[0], t0 - 120), t0))
    if not leads:
        return []
    at = leads[-1].end()
    i = bisect_left(ctx.loc_starts, at)
    if i >= len(ctx.locs) or ctx.locs[i].start != at or ctx.locs[i].area or \
            not _GARRISON_GAP.fullmatch(ctx.masked, ctx.locs[i].end, t0):
        return []
    return [(ctx.locs[i], t0, "")]


def army_unit_garrison(ctx: Context, place: int, sentence: tuple[int, int]) -> bool:
    """Whether the troops placed at ``place`` ("... troops at X") are an army unit's men
    ("Light Infantry Battalion 424 troops at X"): the junta's."""
    leads = [m for m in _GARRISON_LEAD.finditer(ctx.masked, max(sentence[0], place - 120),
                                                place) if m.end() == place]
    return bool(leads) and unit_before(ctx.text, leads[-1].start())


#: Between a place and the place that locates it ("X, Kyaukme Township", "X in Y").
_LOCATED_BY = re.compile(r"\s*(?:,|\bin\b|\bof\b)\s*(?:the\s+)?", re.IGNORECASE)
#: A base's own word after its name ("the northeastern regional command headquarters",
#: "the BGF's Battalion 1001 headquarters").
BASE_WORD = re.compile(r"\s*(?:headquarters|HQ|base|camp|compound|garrison)\b", re.IGNORECASE)
#: Between a base and its phrase: a place the gazetteer lacks that locates the base ("LIB
#: 129 in Rankhon village surrendered").
_IN_UNKNOWN_PLACE = re.compile(r"\s+(?:in|at|near)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}"
                               r"(?:village|town|area|hill)?\s*")
#: Between a place and its relative clause's phrase: "46 miles south of Lashio, which came
#: under the control of the MNDAA": the clause is about the place, a reference point or not.
_WHICH_THEN = re.compile(r"\s*,\s*(?:which|that)\s+(?:(?:had|has|was|were|then|later|also|"
                         r"itself|eventually|finally)\s+){0,2}", re.IGNORECASE)
#: An appositive opened before a place ("Thabeikkyin, a town north of Mandalay and west of
#: Mogok, which was captured"): its relative clause is about the appositive's head.
_IN_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+[^,;.]{0,60}$", re.IGNORECASE)
#: Between a reference word and the place it points to: an article or a determiner only
#: ("overseen by the Northern Command").
_REFERENCE_LEAD_GAP = re.compile(r"\s+(?:(?:the|its|their|a)\s+)?")


def _locates_facility(ctx: Context, pos: int) -> bool:
    """Whether the place at ``pos`` follows a facility word and "in / at / near"
    (``facility_words`` of events.toml: "headquarters in Dawthponeyan")."""
    m = _LOCATIVE.search(ctx.masked, max(0, pos - 30), pos)
    return m is not None and ctx.r.facility_re.fullmatch(m.group(1).casefold()) is not None


def _after_reference(ctx: Context, lead: str) -> str:
    """What follows the last reference word in ``lead`` ("x", which no gap matches, when
    there is none)."""
    ends = [m.end() for m in ctx.r.reference_re.finditer(lead)]
    return lead[ends[-1]:] if ends else "x"


def _coordinated(ctx: Context, a: int, t0: int, sentence: tuple[int, int]) -> bool:
    """"X was attacked on 2 January and was captured on 6 January": the second phrase
    shares the first one's subject."""
    i = bisect_left(ctx.trigger_starts, a)
    while i < len(ctx.trigger_starts) and ctx.trigger_starts[i] < t0:
        start, spec = ctx.trigger_starts[i], ctx.trigger_specs[i]
        if spec.object == "before" and ctx.r.object_ok["subject"].fullmatch(
                ctx.masked, a, start):
            return bool(_AND_THEN.search(ctx.masked, start, t0))
        i += 1
    return False


_AND_THEN = re.compile(r"\band\s+(?:(?:then|later|finally|only|also)\s+)?$")


def _subject_before_aside(ctx: Context, k: int, t0: int, sentence: tuple[int, int]
                          ) -> tuple[int, Mention | None]:
    """The place before a comma aside that ends just before the phrase, if any."""
    aside = _ASIDE.search(ctx.masked, sentence[0], t0)
    if aside is None:
        return k, None
    while k >= 0 and ctx.locs[k].start >= sentence[0]:
        loc = ctx.locs[k]
        if loc.end <= aside.start():
            if not ctx.masked[loc.end:aside.start()].strip():
                return k, loc
            return k, None
        k -= 1
    return k, None


_LATTER_OF_WHICH = re.compile(r",\s*the\s+(?P<which>latter|former)\s+of\s+(?:which|whom)\s",
                              re.IGNORECASE)
#: "the latter", "the former" (town) as a phrase's object, and as its subject.
_LATTER = re.compile(r"\s*the\s+(?P<which>latter|former)\b(?!\s+(?:of|is|was|has|had)\b)",
                     re.IGNORECASE)
_LATTER_SUBJECT = re.compile(r"\bthe\s+(?P<which>latter|former)(?:\s+(?:town|city|township|"
                             r"camp|base|outpost|village))?\s*$", re.IGNORECASE)


def _reference_subject(ctx: Context, t0: int, sentence: tuple[int, int], *,
                       named_only: bool = False) -> Mention | None:
    """"The town fell", "It was captured", "The camp was attacked": what they stand for.
    With ``named_only``, a noun only ("the town was in KIA hands"), never "it" (which
    holds anything: "it is under KIA control" may be a group's office)."""
    latter = _LATTER_SUBJECT.search(ctx.masked, max(sentence[0], t0 - 40), t0)
    if latter is not None:  # "The latter fell on 15 December"
        return latter_or_former(ctx, latter.group("which"), latter.start(), sentence)
    m = _PRONOUN_SUBJECT.search(ctx.masked, max(sentence[0], t0 - 60), t0)
    if m is None:  # "The camp, which is 21 miles from X, was attacked"
        aside = _LONG_ASIDE.search(ctx.masked, max(sentence[0], t0 - 300), t0)
        if aside is None or not ctx.r.object_ok["subject"].fullmatch(
                ctx.masked, aside.end(), t0):
            return None
        m = _PRONOUN_SUBJECT.search(ctx.masked, max(sentence[0], aside.start() - 60),
                                    aside.start())
        if m is None:
            return None
    else:
        fillers = ctx.masked[m.end():t0]
        if fillers.strip() and not ctx.r.object_ok["subject"].fullmatch(fillers):
            return None
    if named_only and not m.group("word"):
        return None
    word = (m.group("word") or "it").casefold()
    if word == "it" and (ahead := _cataphoric_place(ctx, m.start(), t0, sentence)):
        return ahead
    loc = reference(ctx, word, m.start(), sentence, story=is_plain_town(m.group()))
    sites = _SITES_IN.search(ctx.masked, max(sentence[0], m.start() - 60), m.start())
    if loc is not None and sites is not None and m.group("word"):
        return _site_at(loc, _singular(sites.group("site").casefold()),  # "a dozen
                        sites.group("rel").casefold())  # outposts in the township fell"
    return loc


#: Sites before the reference that locates them ("a dozen outposts in the township fell":
#: the outposts fell, not the township).
_SITES_IN = re.compile(rf"\b(?P<site>{_SITE_NOUNS})\s+(?P<rel>{_SITE_RELS})\s+$",
                       re.IGNORECASE)


#: A subordinate clause opening its sentence, up to its pronoun subject ("Ten days after
#: it", "Weeks after", "Since").
_FRONTED_CLAUSE = re.compile(
    r"\W*(?:(?:[\w'’-]+\s+){0,3}?(?:after|since|before|when|once|until)|"
    r"(?:after|since|before|when|once|until))\s+$", re.IGNORECASE)
#: After the fronted clause: the main clause's subject, a place ("..., the town of X",
#: "..., X").
_MAIN_SUBJECT = re.compile(r"[^,.;:]{0,120}?,\s+(?:the\s+(?:[\w'’-]+\s+){0,2}?"
                           r"(?:town|city|township)\s+of\s+)?")


def _cataphoric_place(ctx: Context, it: int, t0: int, sentence: tuple[int, int]
                      ) -> Mention | None:
    """The place a fronted clause's "it" stands for when the main clause after it names
    it as its subject: "Ten days after it was recaptured by the army, the town of X stands
    silent" (X), "Weeks after it fell, X is quiet" (X)."""
    if not _FRONTED_CLAUSE.fullmatch(ctx.masked, sentence[0], it):
        return None
    m = _MAIN_SUBJECT.match(ctx.masked, t0, sentence[1])
    if m is None:
        return None
    i = bisect_left(ctx.loc_starts, m.end())
    if i < len(ctx.locs) and ctx.locs[i].start == m.end() and not ctx.locs[i].area:
        return ctx.locs[i]
    return None


#: Areas counted, then named as a list: "three government-held areas of A, B and C".
_COUNTED_AREAS = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                            r"(?:[\w'’-]+\s+){0,2}?areas\s+of\s+$", re.IGNORECASE)


# -- partial places ------------------------------------------------------------------------

def _note_partial(ctx: Context, words: str, flags: dict[str, bool]) -> None:
    """``words`` before the place say only part of it: "partial" (the place is contested),
    and "share" when they name a share of the place itself ("much of", "two thirds of"),
    not its surroundings ("the outskirts of", "villages around"): a partial capture."""
    flags["partial"] = True
    share = ctx.r.cue.get("share")
    if share is not None and share.search(words):
        flags["share"] = True

"""Where a named site is: the place right after its site word, a township its story
names, the road it is on, a place counted before a colon, or MIMU's village the context
settles. Used by :mod:`~gazetteer.extract.sites` and :mod:`~gazetteer.extract.units`;
coordinates are WGS84 decimal degrees, distances kilometres.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from gazetteer.extract.matcher import Rules
from gazetteer.extract.places import Mention
from gazetteer.places import Place

__all__ = ["listed_after", "mimu_village", "overlaps_known", "road_anchor",
           "sentence_anchor", "site_anchor", "village_near"]


#: "on the Myitkyina-Bhamo road", "on the road between Myitkyina and Bhamo", "along the
#: Myitkyina highway": a site located only by the road it is on.
_ON_ROAD = re.compile(
    r"\s*,?\s+(?:on|along|beside|by|off|astride|overlooking)\s+the\s+"
    r"(?:(?:road|highway|route)\s+(?:between|from|linking|connecting)\s+(?:the\s+)?|"
    r"(?=[A-Z][\w'’-]*(?:\s*[-–]\s*[A-Z][\w'’-]*)*\s+(?:road|highway|route|motor\s*road)\b))")


_ROAD_END = re.compile(r"[A-Z][\w'’]*(?=\s*[-–])")


def road_anchor(text: str, pos: int, locs: list[Mention], starts: list[int], r: Rules
                 ) -> Mention | None:
    """The first town of the road a named site is on ("the X camp on the Myitkyina-Bhamo
    road": Myitkyina), when nothing else locates it; the site is placed there,
    approximate."""
    road = _ON_ROAD.match(text, pos)
    if road is None:
        return None
    k = bisect_left(starts, road.end())
    if k < len(locs) and locs[k].start == road.end() and locs[k].place is not None \
            and locs[k].place.kind in ("town", "city") and not locs[k].area:
        return locs[k]  # (an end of the road marked as the road: read anew below)
    first = _ROAD_END.match(text, road.end())  # "Myitkyina-Bhamo": no name on its own
    towns = [p for p in r.place_index.get(first.group(), ()) if p.kind in ("town", "city")] \
        if first else []
    if len(towns) != 1:
        return None
    town = towns[0]
    return Mention(first.start(), first.end(), town.name, town, town.lat, town.lon, False,
                   township=town.township)


#: How many sentences before a named site the township that locates it may be named.
_ANCHOR_SENTENCES = 3


def sentence_anchor(text: str, pos: int, locs: list[Mention], starts: list[int],
                     sentence_starts: list[int], sentences: list[tuple[int, int]] | None
                     ) -> Mention | None:
    """The township named in the sentence of ``pos`` (the nearest before it, else after),
    which locates a named site that is not located where it is named."""
    if not sentences:
        return None
    i = bisect_right(sentence_starts, pos) - 1
    for j in range(i, max(i - _ANCHOR_SENTENCES - 1, -1), -1):  # its sentence, then before
        s0, s1 = sentences[j]
        k = bisect_left(starts, s0)
        best: Mention | None = None
        while k < len(locs) and locs[k].start < s1:
            loc = locs[k]
            if loc.township_area and (best is None or loc.start < pos):
                best = loc
            k += 1
        if best is not None:
            return best
    return None


#: Sites counted and located, then named after a colon or dash: "two camps near X: the A
#: camp and the B camp".
_COUNTED_AT = re.compile(r"(?:camps|bases|outposts|posts|positions|checkpoints)\s+(?:near|in|"
                         r"at|around|outside)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$",
                         re.IGNORECASE)


def overlaps_known(a: int, b: int, locs: list[Mention], starts: list[int],
           actor_spans: list[tuple[int, int]]) -> bool:
    """Whether ``[a, b)`` overlaps a known place or an actor."""
    k = bisect_right(starts, b) - 1
    if k >= 0 and locs[k].end > a:
        return True
    return any(x < b and a < y for x, y in actor_spans)


def listed_after(text: str, pos: int, locs: list[Mention], starts: list[int],
                  sentence_starts: list[int], sentences: list[tuple[int, int]] | None
                  ) -> Mention | None:
    """The place of "two camps near X: the A camp and the B camp" for the named camps
    after the colon or dash, in the same sentence; else None."""
    if not sentences:
        return None
    s0, _s1 = sentences[bisect_right(sentence_starts, pos) - 1]
    for k in range(bisect_left(starts, pos) - 1, -1, -1):
        loc = locs[k]
        if loc.start < s0:
            break
        between = text[loc.end:pos]
        if re.search(r"[:–—]", between) and _COUNTED_AT.search(text, s0, loc.start) and \
                not loc.site:
            return loc
    return None


#: How close to one of the article's places a village named alone must lie, in km.
_NEAR_KM = 25.0


def village_near(r: Rules, name: str, points: list[tuple[float, float]]) -> Place | None:
    """The MIMU village ``name`` is when exactly one lies near the article's places."""
    if not points:
        return None
    try:
        return r.gazetteer.resolve_village(name, near=points, max_km=_NEAR_KM)
    except LookupError:
        return None


def village_in_townships(r: Rules, name: str, townships: list[str]) -> Place | None:
    """The MIMU village ``name`` is when exactly one lies in the townships the article
    names ("Hpakant Township" in its first lines, "Tar Ma Hkan village" further on)."""
    found: dict[str, Place] = {}
    for township in townships:
        try:
            village = r.gazetteer.resolve_village(name, township=township)
        except LookupError:
            continue
        if village is not None:
            found[village.key] = village
    return next(iter(found.values())) if len(found) == 1 else None


_DISTANCE = re.compile(
    r",?\s*(?:which\s+is\s+|located\s+|situated\s+|lying\s+|some\s+|about\s+|around\s+|"
    r"nearly\s+|roughly\s+|only\s+|just\s+)*\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|"
    r"miles?)\b(?:\s*\([^)]{0,30}\))?\s+(?:(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+of|from|away\s+from|of|outside)\s+(?:the\s+)?"
    r"(?:(?:town|city)\s+of\s+)?", re.IGNORECASE)


_LOCATED = re.compile(  # "which is located near X", "the camp, located near the village of X"
    r",?\s+(?:which\s+)?(?:(?:(?:is|was|are|were)\s+)?(?:located|situated|based)|lies|lay|"
    r"sits|stands)\s+"
    r"(?:[^.;:,]{0,80}?\s)?(?:near|outside|close\s+to|next\s+to|by|in)\s+(?:the\s+)?"
    r"(?:(?:town|city|village)\s+of\s+)?(?=[A-Z])", re.IGNORECASE)


#: "the outpost at Hpunlum Yang in Waingmaw Township": a name the gazetteer lacks, then
#: the place that locates it
_AT_NAME = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,4})(?:in|near)\s+(?:the\s+)?")


_VILLAGE_NAME = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,5})(?:Village|village)\s*,?\s+(?:in\s+)?")


def site_anchor(text: str, pos: int, locs: list[Mention], starts: list[int], r: Rules
                 ) -> tuple[int | None, str, str, int]:
    """The known place locating a site word: (loc index, village name, relation, end)."""
    rel = r.rel_re.match(text, pos)
    comma = re.match(r"\s*,\s+(?:in\s+)?", text[pos:pos + 10])
    distance = _DISTANCE.match(text, pos) or _LOCATED.match(text, pos)
    if distance:  # "Lamyang Village, which is about 10 km from Waingmaw Town", "The camp
        after, relation = distance.end(), "near"  # is located at the foot of a hill near X"
    elif rel:
        after, relation = rel.end(), " ".join(rel.group(1).casefold().split())
    elif comma and text[pos - 7:pos].casefold().endswith("village"):
        after, relation = pos + comma.end(), "in"
    else:
        return None, "", "", pos
    k = bisect_left(starts, after)
    if k < len(locs) and locs[k].start == after:
        return k, "", relation, locs[k].end
    village = _VILLAGE_NAME.match(text, after) or (
        _AT_NAME.match(text, after) if relation == "at" else None)
    if village:
        k = bisect_left(starts, village.end())
        if k < len(locs) and locs[k].start == village.end():
            return k, village.group(1).strip(), relation, locs[k].end
    return None, "", "", pos


def mimu_village(r: Rules, name: str, anchor: Mention, *, near: bool = True) -> Place | None:
    """The MIMU village ``name`` is, when the place locating it settles which (its
    township, and within 25 km of it unless ``near`` is False or the place is a township
    named as such: "X Village in Y Township"); else None, never a guess."""
    name = " ".join(name.split())
    if not name:
        return None
    township = anchor.name if anchor.area else (anchor.township or None)
    near = near and not anchor.township_area  # "X Village in Y Township": Y settles it
    try:
        return r.gazetteer.resolve_village(name, township=township, near=(
            anchor.lat, anchor.lon) if near or not township else None)
    except LookupError:
        return None

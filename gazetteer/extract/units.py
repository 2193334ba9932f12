"""Army units the gazetteer does not know ("LIB 143", "Infantry Battalion (IB) 148"), as
bases of their own where the article puts them. Units ``data/bases.csv`` locates are
:mod:`~gazetteer.extract.places`' (by designation); these are placed only by the article,
always approximate.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from gazetteer.extract.anchors import sentence_anchor, site_anchor
from gazetteer.extract.matcher import Rules
from gazetteer.extract.places import Mention, more_numbers

__all__ = ["unit_before", "unit_sites"]


#: A unit of the army by its designation ("LIB 143", "Light Infantry Battalion (LIB) 143",
#: "Infantry Battalion No. 148", "the 129th Light Infantry Battalion", "No. 68 Light
#: Infantry Regiment", "the 438 LIB"), then an owner's "'s" and a site word it may carry.
_UNIT = re.compile(
    r"(?=[LIAMN\d])\b(?:(?P<abbr>L?IB|LIR|AB|AOC|MOC)s?[\s-]*(?:No\.?\s*)?(?P<n1>\d{1,4})"
    r"|(?P<words>(?:Light\s+)?Infantry\s+Battalion|Light\s+Infantry\s+Regiment|Artillery\s+"
    r"Battalion|(?:Military|Artillery)\s+Operations?\s+Command)s?\s*"
    r"(?:\((?:L?IB|LIR|AB|AOC|MOC)s?\)\s*)?(?:No\.?\s*)?-?\s*(?P<n2>\d{1,4})"
    r"|(?P<n3>\d{1,4})(?:st|nd|rd|th)\s+(?P<words3>(?:Light\s+)?Infantry\s+Battalion|"
    r"Artillery\s+Battalion)"
    r"|No\.?\s*(?P<n4>\d{1,4})\s+(?P<words4>(?:Light\s+)?Infantry\s+(?:Battalion|Regiment|"
    r"Unit)|Artillery\s+Battalion)"
    r"|(?P<n5>\d{2,4})\s+(?P<words5>(?:Light\s+)?Infantry\s+Battalion|Artillery\s+Battalion)"
    r"|(?P<n6>\d{2,4})\s+(?P<abbr6>L?IB|LIR|AB))\b"
    r"(?:['’]s)?(?:\s+(?:[Bb]ase|[Cc]amp|[Hh]eadquarters|HQ|[Gg]arrison|[Cc]ompound))?")


#: A designation alone, without the site word the full pattern may take after it.
_UNIT_BARE = re.compile(_UNIT.pattern.rsplit("(?:['’]s)?", 1)[0])

_UNIT_PREFIX = {"light infantry regiment": "LIR", "light infantry": "LIB", "infantry": "IB",
                "artillery operation": "AOC", "artillery": "AB", "military": "MOC"}


def _town_area(r: Rules, loc: Mention) -> bool:
    """"Momauk region", "the Momauk area": a town's surroundings (its township, loosely),
    not a state or region named after its capital ("Mandalay Region")."""
    return loc.area_word in ("region", "area") and loc.place is not None and \
        loc.place.kind == "town" and loc.name.casefold() not in _states(r)


def _states(r: Rules) -> frozenset[str]:
    """Names of the states and regions (casefolded, "Shan (North)" as "shan")."""
    key = id(r.gazetteer)
    if key not in _STATES:
        _STATES[key] = frozenset(p.state.split(" (")[0].casefold()
                                 for p in r.gazetteer.places)
    return _STATES[key]


_STATES: dict[int, frozenset[str]] = {}


def unit_before(text: str, pos: int) -> bool:
    """Whether a unit's designation ends just before ``pos`` ("the 298 Light Infantry
    Battalion | base"): the base is the unit's (:func:`unit_sites`), not a named site."""
    lo = max(0, pos - 60)
    return any(m.end() == len(text[lo:pos].rstrip()) + lo
               for m in _UNIT_BARE.finditer(text, lo, pos))


def unit_sites(text: str, locs: list[Mention], r: Rules, sentence_starts: list[int],
                sentences: list[tuple[int, int]] | None) -> list[Mention]:
    """Units the gazetteer does not know ("LIB 143 ... in southern Kunlong Township
    surrendered"), as a base of their own where the article locates them: the place right
    after the designation ("in", "near", "at"), else a township named in its sentence or
    the ones before. Approximate: the point is that place's; never placed without one."""
    locs = sorted(locs, key=lambda loc: loc.start)
    starts = [loc.start for loc in locs]
    made: list[Mention] = []
    for m in _UNIT.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and locs[k].end > m.start():
            continue  # a base the gazetteer knows, or inside a site phrase already
        extra = more_numbers(text, _UNIT_BARE.match(text, m.start()).end()) \
            if m["n1"] or m["n2"] else []  # "LIBs 387 and 320", "Battalions 387, 320"
        k = bisect_right(starts, extra[0][0]) - 1 if extra else -1
        if k >= 0 and locs[k].end > extra[0][0]:
            extra = []  # a base the gazetteer knows ("LIB 319 and 601")
        anchor_i, _v, _rel, end = site_anchor(text, extra[-1][1] if extra else m.end(), locs,
                                              starts, r)
        if anchor_i is not None and locs[anchor_i].area and not locs[anchor_i].township_area \
                and not _town_area(r, locs[anchor_i]):
            anchor_i = None  # "IB 144 in Mandalay Division": a region places nothing
        anchor = locs[anchor_i] if anchor_i is not None else sentence_anchor(
            text, m.start(), locs, starts, sentence_starts, sentences)
        if anchor is None or (anchor.site and anchor.site != "village"):  # at a village: ok
            continue
        end = end if anchor_i is not None and not extra else m.end()
        words = (m["words"] or m["words3"] or m["words4"] or m["words5"] or "").casefold()
        prefix = m["abbr"] or m["abbr6"] or next(p for w, p in _UNIT_PREFIX.items()
                                                  if words.startswith(w))
        number = m["n1"] or m["n2"] or m["n3"] or m["n4"] or m["n5"] or m["n6"]
        made.append(Mention(m.start(), end, f"{prefix} {int(number)} base", None, anchor.lat,
                            anchor.lon, True, article_named=True, site="base",
                            township=anchor.township, anchor=anchor))
        made.extend(Mention(a, b, f"{prefix} {int(text[a:b])} base", None, anchor.lat,
                            anchor.lon, True, article_named=True, site="base",
                            township=anchor.township, anchor=anchor) for a, b in extra)
    return made

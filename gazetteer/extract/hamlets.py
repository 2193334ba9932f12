"""Villages an article names without the word "village" ("fighting near Nga Bat Gyi", "the
troops moved into Man Hkam"), kept only where the article settles which MIMU village it is.

A capitalised name the gazetteer's towns and the article's actors leave unread, after a
lower-case word or a comma, is looked up in MIMU's village table
(:meth:`gazetteer.places.Gazetteer.resolve_village`) among the townships the article's own
places lie in; it is kept when exactly one village of that name lies in those townships,
within :data:`NEAR_KM` of one of the article's places. Village names repeat by the hundred,
so anything looser would be a guess: a name that stays open stays unread.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from gazetteer.extract.matcher import Rules
from gazetteer.extract.places import SITE_DESCRIPTORS, Mention
from gazetteer.places import Place, haversine_km

__all__ = ["NEAR_KM", "bare_villages"]

#: How far from one of the article's places a bare village name may lie, in kilometres.
NEAR_KM = 25.0

#: A run of one to four capitalised words after a lower-case word or a comma, or of two to
#: four opening a sentence ("Ngabat Gyi fell"), not followed by a further capitalised word;
#: one word has four letters or more ("No", "La" are words or parts of personal names).
_RUN = re.compile(r"(?<![\w’'-])[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,3}(?![\w’'-]| [A-Z])")
#: What may stand before a run: a lower-case word ("KIA-held" too) or a comma ...
_AFTER_WORD = re.compile(r"(?:(?<=\s)|^)(?:[A-Za-z]+-)?[a-z][a-z-]* $|, $")
#: ... or, for two words or more, the start of a sentence or line.
_OPENING = re.compile(r"(?:^|[.!?]\s|\n)$")
#: Words between a village's name and a site word after it ("Seinlone tactical hill camp").
_SITE_LEAD = re.compile(rf"\s+(?:(?:{SITE_DESCRIPTORS})\s+){{0,2}}")
#: A lower-case word before the run that makes it a person or a title, not a place.
_NOT_PLACE_BEFORE = re.compile(r"(?:according to|named|called|said|says|told|by)\s+$")


def bare_villages(text: str, locs: list[Mention], r: Rules,
                  actor_spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions of MIMU villages named bare, settled by the article's townships and places.

    ``locs`` are the article's mentions so far (sorted by start); ``actor_spans`` the
    character spans of the actors it names. Each mention is at the village's MIMU point
    (approximate where MIMU places it at its tract or township).
    """
    townships = {loc.township.casefold() for loc in locs if loc.township and not loc.area}
    townships |= {loc.name.casefold() for loc in locs if loc.township_area}
    points = list({(loc.lat, loc.lon) for loc in locs if loc.place is not None
                   and (not loc.area or loc.township_area)})
    if not townships or not points:
        return []
    spans = sorted([(loc.start, loc.end) for loc in locs] + list(actor_spans))
    starts = [a for a, _ in spans]
    made: list[Mention] = []
    for m in _RUN.finditer(text):  # capitalised runs first: a cheap scan
        name = m.group()
        a, b = m.span()
        before = text[max(0, a - 30):a]
        if not _AFTER_WORD.search(before) and not (" " in name and _OPENING.search(before)):
            continue
        if " " not in name and len(name) < 4:
            continue
        k = bisect_right(starts, b) - 1
        if k >= 0 and spans[k][1] > a:
            continue  # part of a place or an actor already read
        words = name.split()
        if any(w.casefold() in r.honorifics or w.casefold() in r.month_words
               or w.casefold() in r.not_site_words for w in words):
            continue
        if _NOT_PLACE_BEFORE.search(text, max(0, a - 16), a):
            continue
        village = _settled(r, name, townships, points)
        if village is None:
            continue
        lead = _SITE_LEAD.match(text, b)
        site = r.site_re.match(text, lead.end()) if lead else None
        if _NUMBERED.match(text, b):
            continue  # a name numbered ("Phase 2", "Column 3"), no village
        if site is not None and site.group().casefold() != "village":
            word = " ".join(site.group().casefold().split())  # "the Seinlone base": a
            made.append(Mention(a, site.end(), f"{name} {word}", None, village.lat,
                                village.lon, True, article_named=True, site=word,
                                township=village.township))  # site at the village
        else:
            made.append(Mention(a, b, village.name, village, village.lat, village.lon,
                                village.approximate, site="village",
                                township=village.township))
    return made


#: After a capitalised word: a number, so the word names a stage or a unit ("Phase 2",
#: "Phase Two"), not a village.
_NUMBERED = re.compile(r"\s+(?:\d|(?:No\.?\s*\d)|(?:One|Two|Three|Four|Five|I|II|III|IV)\b)")


def _settled(r: Rules, name: str, townships: set[str], points: list[tuple[float, float]]
             ) -> Place | None:
    """The one village ``name`` is among ``townships`` near ``points``, else None."""
    if not r.gazetteer.village_candidates(name) and not name.endswith(" Gyi"):
        return None  # no such village (a "Gyi", "big", may be its main village: below)
    found: list[Place] = []
    for township in townships:
        try:
            place = r.gazetteer.resolve_village(name, township=township, near=points,
                                                max_km=NEAR_KM)
        except LookupError:
            place = None
        if place is not None and all(haversine_km((place.lat, place.lon), (p.lat, p.lon))
                                     > 1.0 for p in found):
            found.append(place)
    return found[0] if len(found) == 1 else None

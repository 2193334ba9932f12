"""Place mentions in one article: gazetteer names, spelling variants, bases and areas.

Places are found with one compiled pattern of every gazetteer name and alias (longest
first, whole words), then runs of capitalised words whose spelling key is a place's ("Kut
Khaing" is Kutkai: :meth:`gazetteer.places.Gazetteer.variant_forms`), then the bases the
gazetteer locates by designation ("IB 142"). "Pang War (Pangwa)" is one mention, "Chipwi
Town" includes "Town", and a name followed by "Township" or "District" is an area, never
its seat town. Bases, camps and villages the article names are :mod:`~gazetteer.extract.
sites`. Coordinates are WGS84 decimal degrees.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from gazetteer.extract.matcher import Rules
from gazetteer.names import voicing_key
from gazetteer.places import Place, spelling_key


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name: str
    place: Place | None
    lat: float
    lon: float
    approximate: bool
    article_named: bool = False
    area: bool = False
    ambiguous: bool = False
    site: str = ""
    township: str = ""
    definite: bool = False
    #: the place that locates a site ("Mansi" for "the bases in Mansi"), if any
    anchor: Mention | None = None
    #: for an area, the word that makes it one, singular and lower case ("township")
    area_word: str = ""

    @property
    def township_area(self) -> bool:
        """An area named as a township ("Mansi Township", "Momauk and Shwegu townships")."""
        return self.area and self.area_word in ("township", "sub-township")


#: Words between a site's name and its site word ("the Seinlone tactical hill camp", "the
#: Lagat Kawng army base"), as a regex alternation.
SITE_DESCRIPTORS = ("military|army|junta|regime|police|militia|hilltop|hill|tactical|strategic|"
                    "main|frontline|forward|border|security")
#: Area words of a state or region: too wide to place a site in ("Mandalay Region").
REGION_WORDS = frozenset({"region", "state", "division"})


def area_label(area_word: str) -> str:
    """How a site's name writes the area that locates it: "Township", else the word as
    the article has it ("area", "district"); "Township" when none is known."""
    return "Township" if area_word in ("", "township") else area_word


_WORDLIKE = re.compile(r"[A-Za-z][\w'’.]*")
_NEXT_WORD = re.compile(r" ([A-Z][\w'’]*)")
_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“:]\s+|\n\s*)$")


def _choose(r: Rules, places: tuple[Place, ...], near: tuple[float, float] | None
            ) -> tuple[Place, bool]:
    """One place for a name several places share: state priority, kind, proximity."""
    if len(places) == 1:
        return places[0], False
    pool = list(places)
    best_state = min(r.state_rank.get(p.state, 99) for p in pool)
    pool = [p for p in pool if r.state_rank.get(p.state, 99) == best_state]
    best_kind = min(r.kind_rank.get(p.kind, 99) for p in pool)
    pool = [p for p in pool if r.kind_rank.get(p.kind, 99) == best_kind]
    if len(pool) > 1 and near is not None:
        pool.sort(key=lambda p: (math.dist(p.point, near), p.key))
    else:
        pool.sort(key=lambda p: p.key)
    return pool[0], len(pool) > 1


def find_places(text: str, r: Rules, sentences: list[tuple[int, int]]) -> list[Mention]:
    raw: list[tuple[int, int, tuple[Place, ...]]] = []
    starts = [s for s, _ in sentences]
    for m in r.place_re.finditer(text):
        places = r.place_index.get(m.group())
        if not places or _part_of_name(text, m.start(), m.end(), r, starts):
            continue
        raw.append((m.start(), m.end(), places))
    raw = _with_variants(text, raw, r, starts)
    raw = _with_local_names(text, raw, r)
    raw = _with_bases(text, raw, r)
    # "Pang War (Pangwa)": one mention
    merged: list[tuple[int, int, tuple[Place, ...]]] = []
    i = 0
    while i < len(raw):
        s, e, ps = raw[i]
        if i + 1 < len(raw):
            s2, e2, ps2 = raw[i + 1]
            close = _CLOSE.match(text, e2)
            if close and _OPEN.fullmatch(text, e, s2):
                common = tuple(p for p in ps if p in ps2)
                merged.append((s, close.end(), common or ps))
                i += 2
                continue
        merged.append((s, e, ps))
        i += 1
    unique = [ps[0].point for _, _, ps in merged if len(ps) == 1]
    centre = (sum(p[0] for p in unique) / len(unique), sum(p[1] for p in unique) / len(unique)) \
        if unique else None
    locs: list[Mention] = []
    for s, e, ps in merged:
        place, ambiguous = _choose(r, ps, centre)
        if place.kind == "military base":
            town = _town_of_base(r, place)
            anchor = None if town is None else Mention(
                s, e, town.name, town, town.lat, town.lon, town.approximate,
                township=town.township)
            locs.append(Mention(s, e, place.name, place, place.lat, place.lon, True,
                                site="base", township=place.township, anchor=anchor))
            continue
        suffix = r.suffix_re.match(text, e)
        if suffix and not (place.kind in ("town", "city") and
                           suffix.group().strip().casefold() == "village"):
            e = suffix.end()  # "Chipwi Town"; a town called a village is the sites' to read
        locs.append(Mention(s, e, place.name, place, place.lat, place.lon, place.approximate,
                         ambiguous=ambiguous, township=place.township))
    _mark_areas(text, locs, r)
    return locs


#: Capitalised words; an apostrophe inside a word ("Hpa'an"), not a possessive ending one
#: ("Nawnghkio’s Tawng Hkam" is a run of two words after a name).
_CAP_WORD = r"[A-Z](?:[a-z]|['’](?=[a-z])(?!s(?![a-z])))+"
_CAP_RUN = re.compile(rf"(?<![\w'’-]){_CAP_WORD}(?:[ -]{_CAP_WORD}){{0,2}}(?![\w'’-])")


def _with_variants(text: str, raw: list[tuple[int, int, tuple[Place, ...]]], r: Rules,
                   starts: list[int]) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Add the names written in another romanisation ("Kut Khaing" for Kutkai, "Wai Hmaw"
    for Waingmaw, and for towns "Mokok" for Mogok): runs of capitalised words outside the
    names found, whose spelling key (or for a town, voicing key) is a place's (the longest
    run first)."""
    if not r.variant_index:
        return raw
    ends = [e for _, e, _ in raw]
    found = list(raw)
    for m in _CAP_RUN.finditer(text):
        k = bisect_right(ends, m.start())
        if k < len(raw) and raw[k][0] < m.end():
            continue  # overlaps a name the table spells this way
        hit = _variant_in(text, m, r, starts)
        if hit is not None:
            found.append(hit)
    if len(found) == len(raw):
        return raw
    return sorted(found, key=lambda x: x[0])


def _with_local_names(text: str, raw: list[tuple[int, int, tuple[Place, ...]]], r: Rules
                      ) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Add a town's other name that the article gives beside it, wherever the article uses
    it: "Mongkut (Mogok)" or "Mogok (Mongkut)" make every later "Mongkut" Mogok (Shan and
    Burmese names of one town). Only a name no table knows, of a town the table names."""
    local: dict[str, tuple[Place, ...]] = {}
    for s, e, ps in raw:
        if len(ps) != 1 or ps[0].kind not in ("town", "city"):
            continue
        before = _NAME_OPEN.search(text, max(0, s - 40), s)
        after = _CLOSE.match(text, e) if before else _OPEN_NAME.match(text, e)
        name = before.group("name") if before and after else (
            after.group("name") if after and not before else None)
        if name and _may_name_a_town(name, r):
            local.setdefault(name, ps)
    if not local:
        return raw
    taken = [(s, e) for s, e, _ in raw]
    found = list(raw)
    for name, ps in local.items():
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append((m.start(), m.end(), ps))
    return sorted(found, key=lambda x: x[0])


#: A town's other name just before it: "Mongkut (" Mogok; and just after it: Mogok "(Mongkut)".
_NAME_OPEN = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z'’-]{2,}(?:[ -][A-Z][a-z'’-]{2,})?)"
                        r"\s*\(\s*$")
_OPEN_NAME = re.compile(r"\s*\(\s*(?P<name>[A-Z][a-z'’-]{2,}(?:[ -][A-Z][a-z'’-]{2,})?)\s*\)")


def _may_name_a_town(name: str, r: Rules) -> bool:
    """Whether ``name`` may be a town's other name: no place, group, month, country,
    people or state the rules know, and no word of area ("Township (Mogok)")."""
    words = name.replace("-", " ").split()
    return not r.place_index.get(name) and name.casefold() not in r.actor_index and \
        not any(w.casefold() in r.not_site_words or w.casefold() in r.month_words or
                r.suffix_re.fullmatch(" " + w) or r.area_re.fullmatch(" " + w)
                for w in words)


def _with_bases(text: str, raw: list[tuple[int, int, tuple[Place, ...]]], r: Rules
                ) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Add the bases the gazetteer locates ("IB 142", "the Northeastern Command"); a base's
    designation wins over a place name inside it ("Laukkai Regional Operation Command")."""
    bases = []
    for m in r.base_re.finditer(text):
        base = r.gazetteer.resolve_base(m.group())
        if base is not None:
            bases.append((m.start(), m.end(), (base,)))
            unit = _UNIT_NUMBER.fullmatch(m.group())
            if unit is not None:  # "LIB 319 and 601": LIB 601 too
                bases.extend(_numbers_after(text, m.end(), unit.group(1), r))
    for m in _PLURAL_UNIT.finditer(text):  # "Light Infantry Battalions 503 and 504"
        base = r.gazetteer.resolve_base(f"{m.group('unit')} {m.group('n')}")
        if base is not None:
            bases.append((m.start(), m.end(), (base,)))
            bases.extend(_numbers_after(text, m.end(), m.group("unit"), r))
    if not bases:
        return raw
    bases.sort(key=lambda x: x[0])
    base_starts = [a for a, _, _ in bases]
    kept = []
    for x in raw:  # bases do not overlap each other: check the one before and after x
        k = bisect_right(base_starts, x[0]) - 1
        near = [bases[j] for j in (k, k + 1) if 0 <= j < len(bases)]
        if not any(a < x[1] and x[0] < b for a, b, _ in near):
            kept.append(x)
    return sorted(kept + bases, key=lambda x: x[0])


#: A designation ending in its number ("LIB 319", "MOC-21"): the unit, then the number.
_UNIT_NUMBER = re.compile(r"(.*?)[\s-]*\d{1,4}")
#: A plural unit word before its numbers ("Light Infantry Battalions 503 and 504", "LIBs
#: 319 and 601").
_PLURAL_UNIT = re.compile(
    r"(?<![\w'’-])(?P<unit>(?:Light\s+)?Infantry\s+Battalion|Artillery\s+Battalion|L?IB|AB)"
    r"s\s+(?:\((?:L?IB|AB)s?\)\s*)?(?:Nos?\.?\s*)?(?P<n>\d{1,4})(?![\w-])")
#: One more number of the same unit: ", 601", "and 601", ", and 601" (not "and 600
#: troops": a count).
_NEXT_NUMBER = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(\d{1,4})(?![\w-])"
    r"(?!\s+(?:troops|soldiers|men|personnel|people|civilians|prisoners|families|fighters|"
    r"officers|rounds|weapons|guns|km|kilometres|kilometers|miles|metres|meters|feet|"
    r"houses|homes|percent|per\s+cent)\b)")


def more_numbers(text: str, pos: int) -> list[tuple[int, int]]:
    """The spans of the numbers of the same unit that follow ``pos`` ("LIB 319 and 601",
    "Battalions 387, 320 and 438"), not a count ("and 600 troops")."""
    spans = []
    while (m := _NEXT_NUMBER.match(text, pos)) is not None:
        spans.append((m.start(1), m.end(1)))
        pos = m.end()
    return spans


def _numbers_after(text: str, pos: int, unit: str, r: Rules
                   ) -> list[tuple[int, int, tuple[Place, ...]]]:
    """The bases of ``unit`` whose numbers follow ``pos`` ("LIB 319 and 601"), as long as
    the gazetteer locates each."""
    found = []
    for a, b in more_numbers(text, pos):
        base = r.gazetteer.resolve_base(f"{unit} {text[a:b]}")
        if base is None:
            break
        found.append((a, b, (base,)))
    return found


def _town_of_base(r: Rules, base: Place) -> Place | None:
    """The town a base sits inside (``data/bases.csv`` basis "in town"), else None."""
    if " in town: placed at " not in base.coord_source:
        return None
    for place in r.place_index.get(base.township, ()):
        if place.kind in ("town", "city") and place.point == base.point:
            return place
    return None


_GENERIC_LAST = frozenset({"town", "township", "city", "village", "district", "state", "region",
                           "area", "division", "ward"})


def _variant_in(text: str, m: re.Match[str], r: Rules, starts: list[int]
                ) -> tuple[int, int, tuple[Place, ...]] | None:
    for a, b, places in _variant_spans(r, m.group()):  # longest first
        if not _part_of_name(text, m.start() + a, m.start() + b, r, starts):
            return m.start() + a, m.start() + b, places
    return None


def _variant_spans(r: Rules, run: str) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Spans of ``run`` (offsets in it) whose spelling key is a place's, longest first;
    remembered per run, as the same capitalised runs recur across articles."""
    cache = r.variant_cache
    found = cache.get(run)
    if found is not None:
        return found
    found = []
    words = list(_WORD.finditer(run))
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            a, b = words[i].start(), words[i + size - 1].end()
            name = run[a:b]
            if name.casefold() in r.month_words or len(name) < 4 or \
                    words[i + size - 1].group().casefold() in _GENERIC_LAST:
                continue  # "Wai Hmaw Township": the name is "Wai Hmaw", an area
            key = spelling_key(name)
            places = r.variant_index.get(key) or r.voicing_index.get(voicing_key(key))
            if places:
                found.append((a, b, places))
    if len(cache) > 100_000:
        cache.clear()
    cache[run] = found
    return found


_WORD = re.compile(r"[A-Za-z'’]+")


def _part_of_name(text: str, start: int, end: int, r: Rules, starts: list[int]) -> bool:
    """True when the match is part of a longer name ("U Kyaw", "Bhamo University"). In a
    headline in title case ("KIA Seizes Mansi After Week-Long Battle") only an honorific
    before it makes it part of a name."""
    if title_case_line(text, start):
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        return bool(before and before.group(1).rstrip(".").casefold() in r.honorifics)
    if start > 1 and text[start - 1] == " ":
        space = max(text.rfind(" ", max(0, start - 40), start - 1),
                    text.rfind("\n", max(0, start - 40), start - 1))
        raw = text[space + 1:start - 1]
        if _WORDLIKE.fullmatch(raw):
            word = raw.rstrip(".")
            if word.casefold() in r.honorifics:
                return True
            sentence_start = bisect_right(starts, start) - 1
            at_start = sentence_start >= 0 and starts[sentence_start] == space + 1
            if (word[:1].isupper() and not word.isupper() and not at_start
                    and word.casefold() not in r.month_words and not raw.endswith(".")
                    and not raw.endswith(("'s", "’s"))):  # "Kachin State's Hpakant"
                return True
    if end < len(text) and text[end] == "-" and end + 1 < len(text) and text[end + 1].isalpha():
        return True
    following = _NEXT_WORD.match(text, end)
    if following:
        word = following.group(1)
        if (not word.isupper() and not r.suffix_re.match(text, end)
                and not r.area_re.match(text, end) and not r.site_re.match(text, end + 1)
                and word.casefold() not in r.month_words):
            return True
    return False


_WORD_BEFORE = re.compile(r"([A-Za-z][\w.]*)\s+$")
_TITLE_LINE_MAX = 160


def title_case_line(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a short line whose words of four letters or more are all
    capitalised: a headline in title case (not running prose)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    b = len(text) if b < 0 else b
    if b - a > _TITLE_LINE_MAX:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text[a:b]) if len(w) >= 4]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)


#: Just before a name: a compass word ("northwestern Sagaing", "upper Sagaing").
_COMPASS_BEFORE = re.compile(r"\b(?:(?:north|south)(?:ern|-?(?:east|west)(?:ern)?)?|"
                             r"(?:east|west)(?:ern)?|central|upper|lower)\s+$", re.IGNORECASE)


#: Before a region's name used as an adjective: a determiner that is not "the" and up to
#: two lower-case words ("a key Sagaing town", "another Mandalay village", "two Magway
#: towns"); after it, the kind of place it qualifies.
_DESCRIBED_BEFORE = re.compile(
    r"(?<![\w'’-])(?:a|an|another|one|other|two|three|four|five|several|many|some|most|all|"
    r"the\s+(?:other|two|three|four|five|remaining))\s+(?:[a-z][\w-]*\s+){0,2}$",
    re.IGNORECASE)
_DESCRIBED_AFTER = re.compile(r"[\w'’-]+\s+(?:towns?|cities|city|villages?|townships?)\b")


def _region_named(text: str, loc: Mention, r: Rules) -> bool:
    """Whether a town named like its region stands for the region: after a compass word
    ("in northwestern Sagaing") or as the adjective of a place of it ("Katha, a key Sagaing
    town"; "another Mandalay village"), not in "Sagaing town" or "the Sagaing town of X"."""
    if text[loc.start:loc.end].split(" ")[0] not in r.region_namesakes:
        return False
    before = text[max(0, loc.start - 40):loc.start]
    if text[loc.start:loc.end] in r.region_namesakes and _COMPASS_BEFORE.search(before):
        return True
    return bool(_DESCRIBED_BEFORE.search(before) and _DESCRIBED_AFTER.match(text, loc.start))


def _may_name(loc: Mention, area_word: str) -> bool:
    """Whether ``loc`` may name an area of that kind in a list before the plural word
    ("Lashio and Muse districts"): a district only when it is named for the place, so
    "Theinni, Kutkai and Muse districts" leaves Theinni and Kutkai towns."""
    place = loc.place
    return area_word != "district" or place is None or \
        place.district.casefold() == place.name.casefold()


#: The dash between a road's two ends ("Mandalay–Muse highway").
_DASH = re.compile(r"\s*[-–—]\s*")


def _mark_areas(text: str, locs: list[Mention], r: Rules) -> None:
    for i, loc in enumerate(locs):
        m = r.area_re.match(text, loc.end)
        if not m:
            if _region_named(text, loc, r):
                loc.area, loc.area_word = True, "region"
            continue
        word = m.group(2)
        if m.group(1) and not word.endswith("s"):
            continue  # "Kunming, area" is no area mention; "Chipwi, and Tsawlaw, townships" is
        loc.area = True
        loc.end = m.end()
        singular = word.casefold()
        singular = singular[:-1] if singular.endswith("s") and singular != "sub-townships" \
            else singular
        loc.area_word = "sub-township" if singular.startswith("sub-township") else singular
        if singular in r.road_words and i > 0 and not locs[i - 1].area and \
                _DASH.fullmatch(text, locs[i - 1].end, loc.start):
            locs[i - 1].area, locs[i - 1].area_word = True, singular  # "the Mandalay–Muse
            # highway": both ends name the road
        if word.endswith("s"):  # "Bhamo and Mansi townships": the whole list
            j = i - 1
            while j >= 0 and not locs[j].area and re.fullmatch(
                    r"\s*,?\s*(?:(?:and|or|&)\s+)?", text[locs[j].end:locs[j + 1].start]) \
                    and _may_name(locs[j], loc.area_word):
                locs[j].area = True
                locs[j].area_word = loc.area_word
                j -= 1

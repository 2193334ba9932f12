"""Place mentions in one article: gazetteer names, areas, and article-named sites.

Places are found with one compiled pattern of every gazetteer name and alias (longest
first, whole words); "Pang War (Pangwa)" is one mention, "Chipwi Town" includes "Town",
and a name followed by "Township" or "District" is an area, never its seat town. A base,
outpost or village the gazetteer lacks but the article locates ("the Lal Long Aungja base
in Momauk Township", "an outpost near Waingmaw") becomes a place of its own at the
coordinates of the place it is located by, marked approximate. Coordinates are WGS84
decimal degrees.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from gazetteer.extract.matcher import Rules
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


_WORDLIKE = re.compile(r"[A-Za-z][\w'’.]*")
_NEXT_WORD = re.compile(r" ([A-Z][\w'’]*)")
_NAME_RUN = re.compile(r"((?:(?:[A-Z][\w'’-]*|\d+)\s+){1,6})(?:(?:military|army|junta|regime|"
                       r"police|militia|hilltop|hill|strategic|main|frontline|border)\s+)"
                       r"{0,2}$")
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
        if suffix:
            e = suffix.end()
        locs.append(Mention(s, e, place.name, place, place.lat, place.lon, place.approximate,
                         ambiguous=ambiguous, township=place.township))
    _mark_areas(text, locs, r)
    return locs


_CAP_RUN = re.compile(r"(?<![\w'’-])[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2}(?![\w'’-])")


def _with_variants(text: str, raw: list[tuple[int, int, tuple[Place, ...]]], r: Rules,
                   starts: list[int]) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Add the names written in another romanisation ("Kut Khaing" for Kutkai, "Wai Hmaw"
    for Waingmaw): runs of capitalised words outside the names found, whose spelling key
    is a place's (the longest run first)."""
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


def _with_bases(text: str, raw: list[tuple[int, int, tuple[Place, ...]]], r: Rules
                ) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Add the bases the gazetteer locates ("IB 142", "the Northeastern Command"); a base's
    designation wins over a place name inside it ("Laukkai Regional Operation Command")."""
    bases = []
    for m in r.base_re.finditer(text):
        base = r.gazetteer.resolve_base(m.group())
        if base is not None:
            bases.append((m.start(), m.end(), (base,)))
    if not bases:
        return raw
    base_starts = [a for a, _, _ in bases]
    kept = []
    for x in raw:  # bases do not overlap each other: check the one before and after x
        k = bisect_right(base_starts, x[0]) - 1
        near = [bases[j] for j in (k, k + 1) if 0 <= j < len(bases)]
        if not any(a < x[1] and x[0] < b for a, b, _ in near):
            kept.append(x)
    return sorted(kept + bases, key=lambda x: x[0])


def _village(r: Rules, name: str, anchor: Mention) -> Place | None:
    """The MIMU village ``name`` is, when the place locating it settles which (its
    township, or within 25 km of it); else None, never a guess."""
    name = " ".join(name.split())
    if not name:
        return None
    township = anchor.name if anchor.area else (anchor.township or None)
    try:
        return r.gazetteer.resolve_village(name, township=township, near=(anchor.lat,
                                                                            anchor.lon))
    except LookupError:
        return None


def _town_of_base(r: Rules, base: Place) -> Place | None:
    """The town a base sits inside (``data/bases.csv`` basis "in town"), else None."""
    if " in town: placed at " not in base.coord_source:
        return None
    for place in r.place_index.get(base.township, ()):
        if place.kind in ("town", "city") and place.point == base.point:
            return place
    return None


def _variant_in(text: str, m: re.Match[str], r: Rules, starts: list[int]
                ) -> tuple[int, int, tuple[Place, ...]] | None:
    words = list(re.finditer(r"[A-Za-z'’]+", m.group()))
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            a, b = m.start() + words[i].start(), m.start() + words[i + size - 1].end()
            name = text[a:b]
            if name.casefold() in r.month_words or len(name) < 4:
                continue
            places = r.variant_index.get(spelling_key(name))
            if places and not _part_of_name(text, a, b, r, starts):
                return a, b, places
    return None


def _part_of_name(text: str, start: int, end: int, r: Rules, starts: list[int]) -> bool:
    """True when the match is part of a longer name ("U Kyaw", "Bhamo University")."""
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


def _mark_areas(text: str, locs: list[Mention], r: Rules) -> None:
    for i, loc in enumerate(locs):
        m = r.area_re.match(text, loc.end)
        if not m:
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
        if word.endswith("s"):  # "Bhamo and Mansi townships": the whole list
            j = i - 1
            while j >= 0 and not locs[j].area and re.fullmatch(
                    r"\s*,?\s*(?:(?:and|or|&)\s+)?", text[locs[j].end:locs[j + 1].start]):
                locs[j].area = True
                locs[j].area_word = loc.area_word
                j -= 1


def site_places(text: str, locs: list[Mention], r: Rules, actor_spans: list[tuple[int, int]],
                sentences: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Bases, outposts and villages the article names and locates by a known place.

    One loop over the site words ("base", "outpost", "village"), each case a branch: a
    facility of a town ("the Bhamo base"), a named site located by a known place, or an
    outpost in a known village. Kept together so the cases are read side by side.
    """
    starts = [loc.start for loc in locs]
    sentence_starts = [a for a, _ in sentences or []]
    actor_starts = [a for a, _ in actor_spans]
    consumed: set[int] = set()
    made: list[Mention] = []
    named: dict[str, Mention] = {}  # a site's name -> where the article first located it
    for m in r.site_re.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and locs[k].end > m.start():
            continue  # the site word is part of a gazetteer name
        site = " ".join(m.group().casefold().split())
        if site.endswith("s") and site[:-1] in ("outpost", "base", "camp"):
            site = site[:-1]
        if (k >= 0 and locs[k].end == m.start() - 1 and text[locs[k].end] == " "
                and not locs[k].area and site != "village"):
            # "the Myitkyina airport", "the Bhamo base": a facility of the town, not the town
            town = locs[k]
            consumed.add(k)
            made.append(Mention(town.start, m.end(), f"{town.name} {site}", None, town.lat,
                             town.lon, True, article_named=True, site=site,
                             township=town.township))
            continue
        name_run = _NAME_RUN.search(text, max(0, m.start() - 60), m.start())
        name = _clean_name(name_run.group(1), actor_spans, actor_starts, name_run.start(), r) \
            if name_run else ""
        definite = bool(_DEFINITE.search(text, max(0, m.start() - 20), m.start()))
        anchor_i, vname, rel, end = _site_anchor(text, m.end(), locs, starts, r)
        if anchor_i is None:
            if name:  # "the Lagat Kawng outpost": located where the article said it is
                label = "Village" if site == "village" else site
                place = named.get(f"{name} {label}") or _sentence_anchor(
                    text, m.start(), locs, starts, sentence_starts, sentences)
                if place is not None:
                    made.append(_located(text, name_run, name, m, label, site, place,
                                         definite))
            continue
        anchor = locs[anchor_i]
        start = (name_run.start() + len(name_run.group(1)) - len(name.rstrip()) - 1
                 if name else m.start())
        start = max(start, 0)
        while start < m.start() and text[start].isspace():
            start += 1
        kind = (anchor.place.kind if anchor.place else "")
        if (not name and not vname and rel in ("in", "at") and kind not in ("town", "city")
                and not anchor.area and anchor.place is not None):
            place_name, article_named = anchor.name, False  # the outpost in a known village
            approximate = anchor.approximate
        else:
            article_named, approximate = True, True
            label = site if site != "village" else "Village"
            if name:
                place_name = f"{name} {label}" if site != "village" else f"{name} Village"
            elif vname:
                place_name = f"{vname} {site}"
            else:
                where = f"{anchor.name} Township" if anchor.area else anchor.name
                place_name = f"{site} {rel} {where}"
        consumed.add(anchor_i)
        village = _village(r, name if site == "village" else vname, anchor)
        if village is not None and site == "village":  # MIMU's village, where it is
            made.append(Mention(start, end, village.name, village, village.lat, village.lon,
                                village.approximate, site=site, township=village.township,
                                definite=definite, anchor=anchor))
        elif village is not None:  # a camp in a MIMU village: at the village, approximate
            made.append(Mention(start, end, place_name, None, village.lat, village.lon, True,
                                article_named=True, site=site, township=village.township,
                                definite=definite, anchor=anchor))
        else:
            made.append(Mention(start, end, place_name,
                                anchor.place if not article_named else None, anchor.lat,
                                anchor.lon, approximate, article_named=article_named,
                                site=site, township=anchor.township, definite=definite,
                                anchor=anchor))
        if name:
            named.setdefault(place_name, made[-1])
    kept = [loc for i, loc in enumerate(locs) if i not in consumed]
    merged = sorted(kept + made, key=lambda loc: (loc.start, -loc.end))
    out: list[Mention] = []
    for loc in merged:  # a site phrase swallows the names inside it
        if out and loc.start < out[-1].end:
            continue
        out.append(loc)
    _coreference_sites(out)
    return out


_DEFINITE = re.compile(r"\bthe\s+(?:captured\s+|seized\s+)?$", re.IGNORECASE)


def _located(text: str, name_run: re.Match[str] | None, name: str, m: re.Match[str],
             label: str, site: str, place: Mention, definite: bool) -> Mention:
    """A named site the article locates away from its name (in its sentence, or where it
    named it before): at that place's coordinates, approximate."""
    start = m.start()
    if name_run is not None:
        start = max(0, name_run.start() + len(name_run.group(1)) - len(name.rstrip()) - 1)
        while start < m.start() and text[start].isspace():
            start += 1
    place_name = f"{name} {label}"
    return Mention(start, m.end(), place_name, None, place.lat, place.lon, True,
                   article_named=True, site=site, township=place.township,
                   definite=definite, anchor=place.anchor or place)


def _sentence_anchor(text: str, pos: int, locs: list[Mention], starts: list[int],
                     sentence_starts: list[int], sentences: list[tuple[int, int]] | None
                     ) -> Mention | None:
    """The township named in the sentence of ``pos`` (the nearest before it, else after),
    which locates a named site that is not located where it is named."""
    if not sentences:
        return None
    i = bisect_right(sentence_starts, pos) - 1
    if i < 0:
        return None
    s0, s1 = sentences[i]
    k = bisect_left(starts, s0)
    best: Mention | None = None
    while k < len(locs) and locs[k].start < s1:
        loc = locs[k]
        if loc.township_area and \
                (best is None or loc.start < pos):
            best = loc
        k += 1
    return best


def _clean_name(run: str, actor_spans: list[tuple[int, int]], actor_starts: list[int],
                offset: int, r: Rules) -> str:
    words = run.split()
    # keep the trailing capitalised words that are neither actors nor sentence openers
    kept: list[str] = []
    pos = offset + len(run)
    for word in reversed(words):
        pos = run.rfind(word, 0, pos - offset) + offset
        k = bisect_right(actor_starts, pos) - 1
        if (k >= 0 and actor_spans[k][0] <= pos < actor_spans[k][1]) or \
                (word.isupper() and len(word) > 1):
            break
        if word.casefold() in r.determiners:
            break
        if word.casefold() in r.month_words:
            break
        kept.append(word)
    return " ".join(reversed(kept))


_VILLAGE_NAME = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,5})(?:Village|village)\s*,?\s+(?:in\s+)?")


def _site_anchor(text: str, pos: int, locs: list[Mention], starts: list[int], r: Rules
                 ) -> tuple[int | None, str, str, int]:
    """The known place locating a site word: (loc index, village name, relation, end)."""
    rel = r.rel_re.match(text, pos)
    comma = re.match(r"\s*,\s+(?:in\s+)?", text[pos:pos + 10])
    if rel:
        after, relation = rel.end(), " ".join(rel.group(1).casefold().split())
    elif comma and text[pos - 7:pos].casefold().endswith("village"):
        after, relation = pos + comma.end(), "in"
    else:
        return None, "", "", pos
    k = bisect_left(starts, after)
    if k < len(locs) and locs[k].start == after:
        return k, "", relation, locs[k].end
    village = _VILLAGE_NAME.match(text, after)
    if village:
        k = bisect_left(starts, village.end())
        if k < len(locs) and locs[k].start == village.end():
            return k, village.group(1).strip(), relation, locs[k].end
    return None, "", "", pos


def _coreference_sites(locs: list[Mention]) -> None:
    """"the outpost in Khaunglanhpu" after "the outpost in La He Si Bum Village, Khaunglanhpu
    Township": the same place."""
    latest: dict[tuple[str, str], Mention] = {}
    for loc in locs:
        key = (loc.site, loc.township)
        earlier = latest.get(key) if loc.site and loc.township else None
        if earlier is not None and loc.definite and loc.article_named:
            loc.name, loc.place = earlier.name, earlier.place
            loc.lat, loc.lon = earlier.lat, earlier.lon
            loc.approximate, loc.article_named = earlier.approximate, earlier.article_named
        if loc.site and loc.township:
            latest[key] = loc

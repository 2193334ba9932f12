"""Bases, outposts, camps and villages an article names and locates: places of their own.

A site word ("base", "outpost", "camp", "village", ...) with a name before it or a place
after it ("the Lal Long Aungja base in Momauk Township", "an outpost near Waingmaw", "the
Myitkyina airport") becomes a :class:`~gazetteer.extract.places.Mention` of its own, at
the coordinates of the place that locates it (marked approximate), or at the MIMU village
the context settles (:meth:`gazetteer.places.Gazetteer.resolve_village`). A named site the
article does not locate where it names it takes the place where it named it before, or
the township named in its sentence or the two before; else it stays unlocated (a
candidate). A facility named after a town ("the Bhamo base") is not the town.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from gazetteer.extract.anchors import (
    listed_after,
    mimu_village,
    overlaps_known,
    road_anchor,
    sentence_anchor,
    site_anchor,
    village_in_townships,
    village_near,
)
from gazetteer.extract.hamlets import bare_villages
from gazetteer.extract.matcher import Rules
from gazetteer.extract.places import (
    REGION_WORDS,
    SITE_DESCRIPTORS,
    Mention,
    area_label,
    title_case_line,
)
from gazetteer.extract.units import unit_before, unit_sites
from gazetteer.places import Place, haversine_km

_NAME_RUN = re.compile(rf"((?:(?:[A-Z][\w'’-]*|\d+)\s+){{1,6}})(?:(?:{SITE_DESCRIPTORS})\s+)"
                       r"{0,2}$")


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
    points = list({(loc.lat, loc.lon) for loc in locs if loc.place is not None
                   and not loc.area})[:20]  # the article's places, for villages near them
    townships = list(dict.fromkeys(loc.name for loc in locs if loc.township_area))[:5]
    for m in r.site_re.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and locs[k].end > m.start():
            continue  # the site word is part of a gazetteer name
        site = " ".join(m.group().casefold().split())
        if site == "village" and (of := _village_of(text, m, locs, starts, r, points,
                                                    sentence_starts, sentences)):
            made.append(of)  # "the village of Nam Sa in Shwegu Township"
            continue
        plural = site.endswith("s") and not site.endswith("ss")
        if plural:
            site = site[:-1]
            listed = _named_list(text, m, r, locs, starts, points, sentence_starts, sentences,
                                 site, named)
            if listed:
                made.extend(listed)
                continue
        if (k >= 0 and not locs[k].area and site != "village" and (
                (locs[k].end == m.start() - 1 and text[locs[k].end] == " ")
                or _OWNED_BY.fullmatch(text, locs[k].end, m.start()))):  # "Bhamo's airport"
            other = _elsewhere(text, m.end(), locs[k], locs, starts, r)
            if other is not None:  # "the Tatkone outpost in Mansi Township": a site's
                consumed.update((k, other))  # own name, though a far town spells it so
                made.append(_named_elsewhere(text, locs[k], locs[k].start, site,
                                             locs[other], r))
                continue
            # "the Myitkyina airport", "the Bhamo base": a facility of the town, not the town
            town = locs[k]
            consumed.add(k)
            end = m.end()
            within, _v, rel, _e = site_anchor(text, m.end(), locs, starts, r)
            if within is not None and not _v and rel in ("in", "at") and \
                    locs[within].township == town.township:
                consumed.add(within)  # "the LIB 321 base in Waingmaw fell": one subject
                end = locs[within].end
            made.append(Mention(town.start, end, f"{town.name} {site}", None, town.lat,
                             town.lon, True, article_named=True, site=site,
                             township=town.township, anchor=town))
            continue
        if site != "village" and unit_before(text, m.start()):
            continue  # "the 298 Light Infantry Battalion base": the unit's (units.py)
        if site == "village" and k >= 0 and _A_PLACE_AFTER.fullmatch(text, locs[k].end,
                                                                    m.start()):
            continue  # "Sezin, a village 40 miles from Hpakant": Sezin, no other village
        name_run = _NAME_RUN.search(text, max(0, m.start() - 60), m.start())
        name = _clean_name(name_run.group(1), actor_spans, actor_starts, name_run.start(), r) \
            if name_run else ""
        if name and title_case_line(text, m.start()) and \
                not overlaps_known(name_run.start(1), name_run.end(1), locs, starts, []):
            name = _named_in_prose(text, name)  # "KIA Takes Control of Administrative
            # Offices in X", "KIA Seizes Nam Sai Camp": a headline's capitals name only
            # what the story's sentences name
        definite = bool(_DEFINITE.search(text, max(0, m.start() - 20), m.start()))
        anchor_i, vname, rel, end = site_anchor(text, m.end(), locs, starts, r)
        appos = _APPOSED.search(text, max(0, m.start() - 80), m.start()) \
            if not name and anchor_i is not None and site != "village" else None
        if appos is not None and not overlaps_known(appos.start(1), appos.end(1), locs, starts,
                                            actor_spans):
            anchor = locs[anchor_i]  # "Sut Ngai Yang, a junta camp near Waingmaw"
            consumed.add(anchor_i)
            made.append(Mention(appos.start(1), end, f"{appos.group(1)} {site}", None,
                                anchor.lat, anchor.lon, True, article_named=True, site=site,
                                township=anchor.township, anchor=anchor))
            continue
        if anchor_i is None and not name and site != "village":
            at = _at_name(text, m, locs, starts, r, sentence_starts, sentences, site,
                          definite)
            if at is not None:  # "another camp at Taung Ta Ngar", in Madaya Township
                made.append(at)
                continue
        if anchor_i is None:
            if name:  # "the Lagat Kawng outpost": located where the article said it is
                label = "Village" if site == "village" else site
                place = named.get(f"{name} {label}") or sentence_anchor(
                    text, m.start(), locs, starts, sentence_starts, sentences) or \
                    road_anchor(text, m.end(), locs, starts, r) or \
                    listed_after(text, m.start(), locs, starts, sentence_starts, sentences)
                village = (village_near(r, name, points) or
                           village_in_townships(r, name, townships)) \
                    if site == "village" else None
                if village is None and site == "village" and place is not None and \
                        place.township_area:  # "... in Mansi Township. In X Village, ..."
                    village = mimu_village(r, name, place, near=False)
                if village is not None:
                    made.append(Mention(_name_start(text, name_run, name, m), m.end(),
                                        village.name, village, village.lat, village.lon,
                                        village.approximate, site=site,
                                        township=village.township, definite=definite))
                    continue
                if place is not None:
                    made.append(_located(text, name_run, name, m, label, site, place,
                                         definite, mimu_village(r, name, place)))
                    named.setdefault(f"{name} {label}", made[-1])
            continue
        anchor = locs[anchor_i]
        if anchor.area and anchor.area_word in REGION_WORDS:
            continue  # "a camp in Mandalay Region": a region places no site
        if anchor.place is not None and anchor.place.kind in ("town", "city") and \
                _CALLED_VILLAGE.match(text, anchor.end):
            continue  # "an outpost at Nam Hkam village in Momauk Township": not the town
        far = _elsewhere(text, anchor.end, anchor, locs, starts, r) \
            if anchor.place is not None and not anchor.area and not name else None
        if far is not None:  # "the camp at Kyauk Ta Dar in Madaya Township": not Yangon's
            consumed.update((anchor_i, far))  # Kyauktada, a "Kyauk Ta Dar camp" of Madaya
            made.append(_named_elsewhere(text, anchor, m.start(), site, locs[far], r))
            continue
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
                where = f"{anchor.name} {area_label(anchor.area_word)}" \
                    if anchor.area else anchor.name
                place_name = f"{site} {rel} {where}"
        consumed.add(anchor_i)
        village = mimu_village(r, name if site == "village" else (vname or name), anchor)
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
    made += bare_villages(text, sorted(kept + made, key=lambda loc: loc.start), r, actor_spans)
    made += unit_sites(text, kept + made, r, sentence_starts, sentences)
    merged = sorted(kept + made, key=lambda loc: (loc.start, -loc.end))
    out: list[Mention] = []
    for loc in merged:  # a site phrase swallows the names inside it
        if out and loc.start < out[-1].end:
            continue
        out.append(loc)
    _coreference_sites(out)
    return _lowercase_repeats(text, out)


_CALLED_VILLAGE = re.compile(r"\s+villages?\b", re.IGNORECASE)
#: Between a town and its site word: its possessive and up to two lower-case words
#: ("Bhamo's airport", "Lashio's main army base").
_OWNED_BY = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}")


_VILLAGE_SURFACE = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,4}?[A-Z][\w'’-]*)\s+[Vv]illage\b")


def _lowercase_repeats(text: str, locs: list[Mention]) -> list[Mention]:
    """A village the article names with capitals ("Man Wein Gyi Village") and settles,
    written again in other case ("the Man wein gyi police station"): the same place. Only
    names of two words or more, so that no common word is read as a village."""
    added: list[Mention] = []
    for loc in locs:
        if loc.site != "village" or (loc.place is None and not loc.article_named):
            continue
        m = _VILLAGE_SURFACE.match(text, loc.start)
        if m is None:
            continue
        surface = m.group(1)
        if len(surface.split()) < 2:
            continue
        pattern = re.compile(r"(?<![\w'’-])" + r"\s+".join(map(re.escape, surface.split()))
                             + r"(?![\w'’-])", re.IGNORECASE)
        for hit in pattern.finditer(text):
            if hit.group() == surface or any(o.start < hit.end() and hit.start() < o.end
                                             for o in (*locs, *added)):
                continue
            added.append(replace(loc, start=hit.start(), end=hit.end(), definite=False))
    if not added:
        return locs
    return sorted([*locs, *added], key=lambda loc: (loc.start, -loc.end))


_DEFINITE = re.compile(r"\bthe\s+(?:captured\s+|seized\s+)?$", re.IGNORECASE)


def _elsewhere(text: str, pos: int, town: Mention, locs: list[Mention],
               starts: list[int], r: Rules) -> int | None:
    """The index of the place right after ``pos`` ("in Mansi Township") when it lies in
    another township than ``town``, named just before (with the site word, or after it:
    "the camp at X in Y Township"): that name is then the site's own, not the far town's;
    else None."""
    anchor_i, vname, rel, _end = site_anchor(text, pos, locs, starts, r)
    if anchor_i is None or vname or rel not in ("in", "at"):
        return None
    anchor = locs[anchor_i]
    if anchor.place is None and not anchor.area:
        return None
    where = anchor.name if anchor.area else anchor.township
    return anchor_i if where and town.township and where != town.township else None


def _named_elsewhere(text: str, town: Mention, start: int, site: str, anchor: Mention,
                     r: Rules) -> Mention:
    """A site named like a far town but located by the article in ``anchor``, the mention
    running from ``start`` to the end of ``anchor``: at MIMU's village of that name there
    when the table settles one, else at ``anchor``; approximate either way."""
    name = " ".join(text[town.start:town.end].split())
    village = mimu_village(r, name, anchor)
    at = village if village is not None else anchor
    return Mention(start, anchor.end, f"{name} {site}", None, at.lat, at.lon, True,
                   article_named=True, site=site, township=at.township, anchor=anchor)


def _name_start(text: str, name_run: re.Match[str] | None, name: str, m: re.Match[str]
                ) -> int:
    """Where a site's name starts ("Man Wein Gyi Village": at "Man"), else its word's."""
    start = m.start()
    if name_run is not None:
        start = max(0, name_run.start() + len(name_run.group(1)) - len(name.rstrip()) - 1)
        while start < m.start() and text[start].isspace():
            start += 1
    return start


def _located(text: str, name_run: re.Match[str] | None, name: str, m: re.Match[str],
             label: str, site: str, place: Mention, definite: bool,
             village: Place | None = None) -> Mention:
    """A named site the article locates away from its name (in its sentence, or where it
    named it before): at the MIMU village of its name in that place's township when the
    table settles one ("the Mali Yang camp ... in Sumprabum Township"), else at that
    place's coordinates; approximate either way."""
    start = _name_start(text, name_run, name, m)
    place_name = f"{name} {label}"
    if village is not None:
        if site == "village":  # the article's spelling, MIMU's village and point
            return Mention(start, m.end(), place_name, village, village.lat, village.lon,
                           village.approximate, site=site, township=village.township,
                           definite=definite, anchor=place.anchor or place)
        return Mention(start, m.end(), place_name, None, village.lat, village.lon, True,
                       article_named=True, site=site, township=village.township,
                       definite=definite, anchor=place.anchor or place)
    return Mention(start, m.end(), place_name, None, place.lat, place.lon, True,
                   article_named=True, site=site, township=place.township,
                   definite=definite, anchor=place.anchor or place)


_AT_ONLY = re.compile(r"\s+at\s+((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)(?![\w'’-])"
                      r"(?!\s+(?:[Vv]illage|[A-Z]))")


def _at_name(text: str, m: re.Match[str], locs: list[Mention], starts: list[int],
             r: Rules, sentence_starts: list[int], sentences: list[tuple[int, int]] | None,
             site: str, definite: bool) -> Mention | None:
    """"A camp at Taung Ta Ngar" with no place after it: a site of that name, in the
    township its sentence (or one of the three before) names; at MIMU's village of the
    name there when the table settles one, else at the township, approximate."""
    at = _AT_ONLY.match(text, m.end())
    if at is None:
        return None
    if overlaps_known(at.start(1), at.end(1), locs, starts, []):
        return None  # "the camp at Waingmaw": a place the gazetteer knows
    place = sentence_anchor(text, m.start(), locs, starts, sentence_starts, sentences)
    if place is None:
        return None
    name = at.group(1)
    village = mimu_village(r, name, place, near=False)
    where = village if village is not None else place
    return Mention(m.start(), at.end(1), f"{name} {site}", None, where.lat, where.lon, True,
                   article_named=True, site=site, township=where.township,
                   definite=definite, anchor=place)


#: A name set before a site phrase by a comma: "Sut Ngai Yang, a junta camp near X".
_APPOSED = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}),\s+(?:a|an|the)"
                      r"\s+(?:[\w-]+\s+){0,2}?$")


#: Between a known place and the site word that describes it ("Sezin, a village ...").
_A_PLACE_AFTER = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?", re.IGNORECASE)


_OF_NAME = re.compile(r"\s+of\s+((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)")


def _village_of(text: str, m: re.Match[str], locs: list[Mention], starts: list[int],
                r: Rules, points: list[tuple[float, float]], sentence_starts: list[int],
                sentences: list[tuple[int, int]] | None) -> Mention | None:
    """"The village of Nam Sa in Shwegu Township": a village the gazetteer lacks by name,
    at MIMU's village when the place after it (else a township of its sentence or the ones
    before, else the article's other places) settles one, else at that place, approximate;
    None when nothing locates it or the name is a known place."""
    of = _OF_NAME.match(text, m.end())
    if of is None:
        return None
    if overlaps_known(of.start(1), of.end(1), locs, starts, []):
        return None  # "the village of Mansi": a place the gazetteer knows
    name = of.group(1)
    anchor_i, _v, _rel, end = site_anchor(text, of.end(), locs, starts, r)
    anchor = locs[anchor_i] if anchor_i is not None else sentence_anchor(
        text, m.start(), locs, starts, sentence_starts, sentences)
    end = end if anchor_i is not None else of.end()
    village = mimu_village(r, name, anchor, near=False) if anchor is not None else \
        village_near(r, name, points)
    if village is not None:
        return Mention(m.start(), end, village.name, village, village.lat, village.lon,
                       village.approximate, site="village", township=village.township)
    if anchor is None or anchor.site:
        return None
    return Mention(m.start(), end, f"{name} Village", None, anchor.lat, anchor.lon, True,
                   article_named=True, site="village", township=anchor.township,
                   anchor=anchor)


_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_NAME_LIST = re.compile(
    rf"((?:{_NAME}(?:\s*,\s*(?:and\s+)?|\s+and\s+))+{_NAME})\s+"
    r"(?:(?:militia|military|army|junta|police|hilltop|border)\s+)?$")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _named_list(text: str, m: re.Match[str], r: Rules, locs: list[Mention],
                starts: list[int], points: list[tuple[float, float]],
                sentence_starts: list[int], sentences: list[tuple[int, int]] | None,
                site: str, named: dict[str, Mention]) -> list[Mention]:
    """"the Kai Htik, Balawng Dingsa and Si Khan Gyi outposts", "Myothit and Tasai
    villages": one site per name, each located as a named site alone would be."""
    run = _NAME_LIST.search(text, max(0, m.start() - 160), m.start())
    if run is None:
        return []
    out: list[Mention] = []
    pos = run.start(1)
    for name in _LIST_SPLIT.split(run.group(1)):
        a = text.index(name, pos)
        pos = b = a + len(name)
        k = bisect_right(starts, a) - 1
        if k >= 0 and locs[k].end > a and site == "village":
            village = far_town_as_village(r, locs[k], points)
            if village is not None:  # "Myothit and Tasai villages" near Bhamo, not the
                out.append(village)  # town of Myothit in Magway
                continue
        if (k >= 0 and locs[k].end > a) or name.casefold() in r.determiners:
            continue  # a place the gazetteer knows, found already
        if name.casefold() in r.actor_index or name.casefold() in r.not_site_words or \
                (name.isupper() and len(name) > 1):
            continue  # "attacking TNLA and PDF posts near X": the posts' owners
        label = "Village" if site == "village" else site
        place = named.get(f"{name} {label}")
        village = village_near(r, name, points) if site == "village" else None
        if village is not None:
            out.append(Mention(a, b, village.name, village, village.lat, village.lon,
                               village.approximate, site=site, township=village.township))
            continue
        place = place or sentence_anchor(text, a, locs, starts, sentence_starts, sentences)
        if site == "village" and place is not None and place.township_area and \
                (village := mimu_village(r, name, place, near=False)) is not None:
            out.append(Mention(a, b, village.name, village, village.lat, village.lon,
                               village.approximate, site=site, township=village.township))
            continue  # "... in Mohnyin Township ... captured A and B villages": MIMU's
        if place is not None and site != "village":  # a village MIMU lacks there: open
            out.append(Mention(a, b, f"{name} {label}", None, place.lat, place.lon, True,
                               article_named=True, site=site, township=place.township,
                               anchor=place.anchor or place))
    if out:  # the last item runs to the site word
        last = out[-1]
        out[-1] = Mention(last.start, m.end(), last.name, last.place, last.lat, last.lon,
                          last.approximate, article_named=last.article_named,
                          site=last.site, township=last.township, anchor=last.anchor)
    return out


#: A town this far (km) from every other place of the article, written as a village, is
#: a MIMU village of the same name near them when one settles it.
FAR_TOWN_KM = 150.0


def far_town_as_village(r: Rules, loc: Mention, points: list[tuple[float, float]]
                        ) -> Mention | None:
    """``loc`` (a gazetteer town the article calls a village: "Myothit and Tasai villages")
    as the MIMU village of that name near the article's other places, when the town lies
    more than :data:`FAR_TOWN_KM` from all of them and exactly one such village does
    (:func:`_village_near`); else None."""
    if loc.place is None or loc.site or loc.area:
        return None
    others = [p for p in points if p != (loc.lat, loc.lon)]
    if len(others) < 2 or min(haversine_km(p, (loc.lat, loc.lon)) for p in others) \
            <= FAR_TOWN_KM:
        return None
    text_name = loc.place.name
    village = village_near(r, text_name, others)
    if village is None:
        return None
    return Mention(loc.start, loc.end, village.name, village, village.lat, village.lon,
                   village.approximate, site="village", township=village.township)


_FUNCTION_WORDS = frozenset({"in", "at", "on", "near", "from", "to", "of", "by", "for",
                             "with", "and", "or", "but", "into", "around", "inside"})


def _named_in_prose(text: str, name: str) -> str:
    """The longest end of a headline's ``name`` that the article also writes off its
    title-case lines ("Seizes Nam Sai": "Nam Sai"), else ""."""
    words = name.split()
    for i in range(len(words)):
        part = " ".join(words[i:])
        if any(not title_case_line(text, m.start()) for m in
               re.finditer(rf"(?<![\w'’-]){re.escape(part)}(?![\w'’-])", text)):
            return part
    return ""


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
        if word.casefold() in r.determiners or word.casefold() in _FUNCTION_WORDS or \
                word[:1].isdigit():  # "20 junta outposts": a count, no name
            break  # "In Man Wein Gyi village": "In" opens the sentence, it is no name
        if word.casefold() in r.month_words or word.casefold() in r.not_site_words:
            break  # "KIA Takes Control of Crucial Regime Base": a headline's capitals
        kept.append(word)
    return " ".join(reversed(kept))


def by_village(loc: Mention) -> bool:
    """A site located by a village ("the camp near Nam Ya village")."""
    anchor = loc.anchor
    return anchor is not None and anchor.place is not None and anchor.place.kind == "village"


def by_town(loc: Mention) -> bool:
    """An unnamed site located by a town ("a camp near Hpakant")."""
    anchor = loc.anchor
    return anchor is not None and not anchor.area and anchor.place is not None and \
        anchor.place.kind in ("town", "city") and loc.name.split()[0] == loc.site


def _coreference_sites(locs: list[Mention]) -> None:
    """"the outpost in Khaunglanhpu" after "the outpost in La He Si Bum Village, Khaunglanhpu
    Township": the same place; and "a camp near Hpakant" before "the camp near Nam Ya
    village": the same place, at the village."""
    latest: dict[tuple[str, str], Mention] = {}
    for loc in locs:
        key = (loc.site, loc.township)
        earlier = latest.get(key) if loc.site and loc.township else None
        if earlier is not None and loc.definite and loc.article_named:
            source, target = (loc, earlier) if by_village(loc) and by_town(earlier) \
                else (earlier, loc)  # "a camp near Hpakant ... the camp near Nam Ya
            # village": the village places both
            target.name, target.place = source.name, source.place
            target.lat, target.lon = source.lat, source.lon
            target.approximate, target.article_named = source.approximate, \
                source.article_named
        if loc.site and loc.township:
            latest[key] = loc



"""Dated control events, with exact provenance, from news articles.

:func:`extract_article` is a pure function of one :class:`~gazetteer.articles.Article`
(the unit a Dask or Spark job would map over a corpus); :func:`extract_articles` and
:func:`extract_folder` assemble the event table, one row per event mention per article,
with the columns of :data:`EVENT_COLUMNS` (and :data:`EXTRA_COLUMNS` after them).

How an event is found
---------------------
1. The text is cut into sentences (offsets kept). Places are found with one compiled
   pattern of every gazetteer name and alias (longest first, whole words); "Pang War
   (Pangwa)" is one mention, "Chipwi Town" includes "Town", and a name followed by
   "Township" or "District" is an area, never its seat town. A base, outpost or village
   the gazetteer lacks but the article locates ("the Lal Long Aungja base in Momauk
   Township", "an outpost near Waingmaw") becomes a place of its own at the coordinates of
   the place it is located by, marked approximate.
2. Trigger phrases (``rules/events.toml``) mark captures, assaults, held places and context
   events (airstrikes, shelling, meetings). A phrase takes the place(s) that follow it
   ("captured X", lists "X on 29 September, Y on 18 October and Z") or precede it ("X fell
   to", "X, under KIA control").
3. Cues in the clause before the phrase cancel it (negation, denial, intent: "denied",
   "plans to", "did not") or turn a capture into an assault (attempt: "trying to seize";
   partial control: "two thirds of").
4. The actor is the clause's subject (or "by/to ACTOR" for passive phrases), the target
   the actor the place is taken "from" or named as its holder ("junta-controlled").
5. The date is the one stated with the place (in a list, each item's own), else the
   nearest in the sentence, resolved by :mod:`gazetteer.dates` against the publication
   day. A later undated mention of the same capture inherits its date. ``held`` reports
   are dated on the publication day (the report says who controls the place then).

Offsets (``char_start``, ``char_end``, ``highlight_start``, ``highlight_end``) index
``Article.text``, the cleaned text: ``article.text[char_start:char_end] == excerpt``.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from gazetteer._rules import load_rules, trie_pattern
from gazetteer.articles import Article, load_folder
from gazetteer.dates import ResolvedDate, find_dates
from gazetteer.places import Gazetteer, Place

__all__ = [
    "CONTROL_TYPES",
    "EVENT_COLUMNS",
    "EXTRA_COLUMNS",
    "Event",
    "extract_article",
    "extract_articles",
    "extract_folder",
    "extract_records",
    "sentence_spans",
]

#: The event table's columns, in order (the data contract).
EVENT_COLUMNS = (
    "event_id", "date", "date_precision", "event_type", "place", "lat", "lon", "actor",
    "target", "source_file", "published", "excerpt", "char_start", "char_end", "confidence",
)
#: Extra columns written after :data:`EVENT_COLUMNS`.
EXTRA_COLUMNS = ("place_approximate", "highlight_start", "highlight_end")
#: Event types that change or state control; the others are context only.
CONTROL_TYPES = frozenset({"capture", "assault", "held"})


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention in one article.

    Attributes
    ----------
    event_id : str
        12 hex digits of SHA-1 over source_file, char_start, char_end, event_type, place.
    date : str
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` per ``date_precision``; empty if unknown.
    date_precision : str
        ``"day"``, ``"month"``, ``"year"``, or empty with no date.
    event_type : str
        capture, assault, held, airstrike, shelling or meeting.
    place : str
        The gazetteer's canonical name, or an article-named place ("outpost near Waingmaw").
    lat, lon : float
        WGS84 decimal degrees.
    actor, target : str
        Canonical actors (actors.toml); empty when not stated.
    source_file, published : str
        The article's file name and publication day (``YYYY-MM-DD`` or empty).
    excerpt : str
        ``Article.text[char_start:char_end]``: the sentence stating the event.
    confidence : float
        0..1, from the rules' weights (events.toml ``[confidence]``).
    place_approximate : bool
        The coordinates are an estimate (article-named place, or so in the gazetteer).
    highlight_start, highlight_end : int
        Offsets of the trigger phrase in ``Article.text``.
    """

    event_id: str
    date: str
    date_precision: str
    event_type: str
    place: str
    lat: float
    lon: float
    actor: str
    target: str
    source_file: str
    published: str
    excerpt: str
    char_start: int
    char_end: int
    confidence: float
    place_approximate: bool
    highlight_start: int
    highlight_end: int

    def row(self) -> dict[str, Any]:
        """The event as a dict in column order (:data:`EVENT_COLUMNS` + extras)."""
        return asdict(self)


# =========================================================================================
# Compiled rules
# =========================================================================================

@dataclass(frozen=True)
class _Spec:
    event_type: str
    object: str
    strict: bool
    max_gap: int
    actor: str
    noun: bool


@dataclass
class _Rules:
    place_re: re.Pattern[str]
    place_index: dict[str, tuple[Place, ...]]
    actor_re: re.Pattern[str]
    actor_index: dict[str, str]
    trigger_re: re.Pattern[str]
    trigger_index: dict[str, tuple[_Spec, ...]]
    cue: dict[str, re.Pattern[str]]
    site_re: re.Pattern[str]
    rel_re: re.Pattern[str]
    suffix_re: re.Pattern[str]
    area_re: re.Pattern[str]
    honorifics: frozenset[str]
    month_words: frozenset[str]
    object_ok: dict[str, re.Pattern[str]]
    breaker_re: re.Pattern[str]
    cue_breaker_re: re.Pattern[str]
    reference_re: re.Pattern[str]
    facility_re: re.Pattern[str]
    inside_re: re.Pattern[str]
    pronoun_re: re.Pattern[str]
    reporting_re: re.Pattern[str]
    abbreviations: frozenset[str]
    state_rank: dict[str, int]
    kind_rank: dict[str, int]
    base: dict[str, float]
    adjust: dict[str, float]


_ALT = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|(\{actor\})|(\S+)")
_PLACEHOLDER = "\x00"


def _expand(phrase: str) -> list[str]:
    """All literal forms of a phrase in the mini-syntax of events.toml (actor -> \\x00)."""
    options: list[list[str]] = []
    for m in _ALT.finditer(phrase):
        if m.group(1) is not None:
            options.append([o.strip() for o in m.group(1).split("|")])
        elif m.group(2) is not None:
            options.append([o.strip() for o in m.group(2).split("|")] + [""])
        elif m.group(3):
            options.append([_PLACEHOLDER])
        else:
            options.append([m.group(4)])
    forms = []
    for combo in itertools.product(*options):
        words = [w for w in combo if w]
        text = ""
        for word in words:
            glue = "" if not text or word[0] in "'’" else " "
            text += glue + word
        forms.append(text)
    return forms


def _key(text: str) -> str:
    """Matched phrase text -> lookup key (case, spaces and hyphens folded)."""
    key = re.sub(r"[\s\-]+", " ", text.casefold()).strip()
    return re.sub(r" (?=['’])", "", key)


def _variants(form: str) -> set[str]:
    """Lower case, sentence case and title case of a phrase (case-sensitive matching)."""
    lower = form.casefold() if form != _PLACEHOLDER else form
    out = {lower, lower[:1].upper() + lower[1:]}
    out.add(" ".join(w[:1].upper() + w[1:] for w in lower.split(" ")))
    return out


def _words_re(words: Iterable[str], *, whole: bool = True) -> str:
    forms = set()
    for w in words:
        forms |= {w, w.casefold(), w[:1].upper() + w[1:]}
    body = trie_pattern(forms, space=r"[\s-]+")
    return rf"(?<![\w'’]){body}(?![\w])" if whole else body


@lru_cache(maxsize=4)
def _rules_for(gaz: Gazetteer) -> _Rules:
    events = load_rules("events.toml")
    actors = load_rules("actors.toml")["actors"]
    dates = load_rules("dates.toml")
    places_cfg = events["places"]
    cues = events["cues"]

    # places: one pattern over every surface form, as written and in capitals
    stop = set(places_cfg["stop_forms"])
    place_index: dict[str, tuple[Place, ...]] = {}
    for form, places in gaz.surface_forms().items():
        if form in stop or not form[:1].isupper():
            continue
        for variant in (form, form.upper()):
            place_index[variant] = tuple(dict.fromkeys(place_index.get(variant, ()) + places))
    place_re = re.compile(rf"(?<![\w'’-]){trie_pattern(place_index)}(?![\w])")

    # actors: acronyms as written, other aliases in any usual case
    actor_index: dict[str, str] = {}
    actor_forms: set[str] = set()
    for canon, spec in actors.items():
        for alias in spec["aliases"]:
            acronym = alias.upper() == alias and any(c.isalpha() for c in alias)
            forms = {alias} if acronym else {alias, alias.casefold(), alias.upper(),
                                             alias[:1].upper() + alias[1:],
                                             " ".join(w[:1].upper() + w[1:]
                                                      for w in alias.split())}
            for form in forms:
                actor_forms.add(form)
                actor_index[form.casefold() if not acronym else form] = canon
                actor_index.setdefault(form.casefold(), canon)
    actor_body = trie_pattern(actor_forms)
    actor_re = re.compile(rf"(?<![\w'’]){actor_body}(?![\w])")

    # triggers: every literal form of every phrase, one trie
    trigger_index: dict[str, tuple[_Spec, ...]] = {}
    trigger_forms: set[str] = set()
    for spec in events["trigger"]:
        strict = spec.get("strict", False)
        s = _Spec(spec["event_type"], spec["object"], strict,
                  spec.get("max_gap", 30 if strict else 80), spec.get("actor", "subject"),
                  spec.get("noun", False))
        for phrase in spec["phrases"]:
            for form in _expand(phrase):
                key = _key(form)
                if s not in trigger_index.get(key, ()):
                    trigger_index[key] = (*trigger_index.get(key, ()), s)
                trigger_forms |= _variants(form)
    # actor mentions are blanked to "\x00\x01..." before triggers are matched, so the
    # actor alternation is not repeated inside every phrase that names an actor
    trigger_body = trie_pattern(trigger_forms, space=r"[\s-]+").replace(
        _PLACEHOLDER, _PLACEHOLDER + "\x01*")
    trigger_re = re.compile(rf"(?<![\w'’]){trigger_body}(?![\w])")

    cue = {name: re.compile(_words_re(words)) for name, words in cues.items()}
    suffix = _words_re(places_cfg["suffix_words"], whole=False)
    area = _words_re(places_cfg["area_words"], whole=False)
    site = _words_re(places_cfg["site_words"])
    rel_words = [*places_cfg["reference_words"], "in", "at", "on"]
    rel = _words_re(rel_words, whole=False)
    list_words = _words_re(places_cfg["list_words"], whole=False)
    clauses = events["clauses"]
    object_ok = {
        # between items of a list, once dates are blanked out
        "list": re.compile(rf"(?:[\s,()]|{list_words}(?![\w]))*"),
        # before a place that follows a strict phrase ("took the border town of X")
        "strict": re.compile(
            r"\s*(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?(?:(?:town|city|village)\s+of\s+)?"
            r"(?:the\s+)?", re.IGNORECASE),
        # between a place and a phrase after it ("Kan Paik Ti, a border town, has fallen")
        "subject": re.compile(
            r"(?:\s*(?:town|city|village|itself|,))*(?:\s*,[^,;:.\"“”]{1,60},)?\s*"
            r"(?:(?:which|that|the|a|an)\s+)?"
            r"(?:(?:has|have|had|was|were|is|are|been|being|reportedly|now|finally|also|"
            r"already|recently|completely|fully|effectively|remains|remain|still|firmly|"
            r"long|largely|entirely|officially|quickly|later|eventually|itself)\s+)*",
            re.IGNORECASE),
    }
    return _Rules(
        place_re=place_re, place_index=place_index, actor_re=actor_re,
        actor_index=actor_index, trigger_re=trigger_re, trigger_index=trigger_index,
        cue=cue, site_re=re.compile(site),
        rel_re=re.compile(rf"\s+({rel})\s+(?:the\s+)?(?:(?:village|town)\s+of\s+)?"),
        suffix_re=re.compile(rf"\s+{suffix}(?![\w])"),
        area_re=re.compile(rf"(\s*,)?\s+({area})(?![\w])"),
        honorifics=frozenset(h.casefold() for h in places_cfg["honorifics"]),
        month_words=frozenset(w.casefold() for w in (*dates["months"], *dates["weekdays"])),
        object_ok=object_ok,
        breaker_re=re.compile(_words_re(clauses["breakers"]) + r"|[;:“”\"]"),
        cue_breaker_re=re.compile(_words_re(clauses["cue_breakers"]) + r"|[;:]"),
        reference_re=re.compile(_words_re(places_cfg["reference_words"])),
        facility_re=re.compile(_words_re(places_cfg["facility_words"])),
        inside_re=re.compile(_words_re(["in", "at", "inside", "within"])),
        pronoun_re=re.compile(r"\s*(?:the\s+captured\s+|the\s+)?"
                              + _words_re(places_cfg["pronouns"], whole=False) + r"(?![\w])"),
        abbreviations=frozenset(a.casefold() for a in clauses["abbreviations"]),
        reporting_re=re.compile(_words_re(clauses.get("reporting", ["said"]))
                                + r"(?:\s+[\w'’]+){0,2}\s*$"),
        state_rank={s: i for i, s in enumerate(events["region"]["state_priority"])},
        kind_rank={k: i for i, k in enumerate(events["region"]["kind_priority"])},
        base=dict(events["confidence"]["base"]),
        adjust=dict(events["confidence"]["adjust"]),
    )


# =========================================================================================
# Sentences
# =========================================================================================

_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*")
_QUOTES = re.compile(r"[\"”’')\]]*")


def sentence_spans(text: str, *, abbreviations: frozenset[str] | None = None
                   ) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, whitespace trimmed, offsets kept.

    A full stop ends a sentence unless it ends a known abbreviation ("Dec.", "Gen.",
    "p.m."); a line break always ends one.
    """
    if abbreviations is None:
        abbreviations = frozenset(a.casefold() for a in
                                  load_rules("events.toml")["clauses"]["abbreviations"])
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            space = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start()))
            if text[space + 1:m.start() + 1].casefold() in abbreviations:
                continue
        cut = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        quote = _QUOTES.match(text, cut, m.end())
        cut = quote.end() if quote else cut
        _add_span(text, start, cut, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# =========================================================================================
# Places in an article
# =========================================================================================

@dataclass
class _Loc:
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


_WORDLIKE = re.compile(r"[A-Za-z][\w'’.]*")
_NEXT_WORD = re.compile(r" ([A-Z][\w'’]*)")
_NAME_RUN = re.compile(r"((?:(?:[A-Z][\w'’-]*|\d+)\s+){1,6})$")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“:]\s+|\n\s*)$")


def _choose(r: _Rules, places: tuple[Place, ...], near: tuple[float, float] | None
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


def _find_places(text: str, r: _Rules, sentences: list[tuple[int, int]]) -> list[_Loc]:
    raw: list[tuple[int, int, tuple[Place, ...]]] = []
    starts = [s for s, _ in sentences]
    for m in r.place_re.finditer(text):
        places = r.place_index.get(m.group())
        if not places or _part_of_name(text, m.start(), m.end(), r, starts):
            continue
        raw.append((m.start(), m.end(), places))
    # "Pang War (Pangwa)": one mention
    merged: list[tuple[int, int, tuple[Place, ...]]] = []
    i = 0
    while i < len(raw):
        s, e, ps = raw[i]
        if i + 1 < len(raw):
            s2, e2, ps2 = raw[i + 1]
            if re.fullmatch(r"\s*\(\s*", text[e:s2]) and re.match(r"\s*\)", text[e2:]):
                common = tuple(p for p in ps if p in ps2)
                close = re.match(r"\s*\)", text[e2:])
                merged.append((s, e2 + (close.end() if close else 0), common or ps))
                i += 2
                continue
        merged.append((s, e, ps))
        i += 1
    unique = [ps[0].point for _, _, ps in merged if len(ps) == 1]
    centre = (sum(p[0] for p in unique) / len(unique), sum(p[1] for p in unique) / len(unique)) \
        if unique else None
    locs: list[_Loc] = []
    for s, e, ps in merged:
        place, ambiguous = _choose(r, ps, centre)
        suffix = r.suffix_re.match(text, e)
        if suffix:
            e = suffix.end()
        locs.append(_Loc(s, e, place.name, place, place.lat, place.lon, place.approximate,
                         ambiguous=ambiguous, township=place.township))
    _mark_areas(text, locs, r)
    return locs


def _part_of_name(text: str, start: int, end: int, r: _Rules, starts: list[int]) -> bool:
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
                    and word.casefold() not in r.month_words and not raw.endswith(".")):
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


def _mark_areas(text: str, locs: list[_Loc], r: _Rules) -> None:
    for i, loc in enumerate(locs):
        m = r.area_re.match(text, loc.end)
        if not m:
            continue
        word = m.group(2)
        if m.group(1) and not word.endswith("s"):
            continue  # "Kunming, area" is no area mention; "Chipwi, and Tsawlaw, townships" is
        loc.area = True
        loc.end = m.end()
        if word.endswith("s"):  # "Bhamo and Mansi townships": the whole list
            j = i - 1
            while j >= 0 and re.fullmatch(r"\s*,?\s*(?:(?:and|or|&)\s+)?",
                                          text[locs[j].end:locs[j + 1].start]):
                locs[j].area = True
                j -= 1


def _site_places(text: str, locs: list[_Loc], r: _Rules, actor_spans: list[tuple[int, int]]
                 ) -> list[_Loc]:
    """Bases, outposts and villages the article names and locates by a known place."""
    starts = [loc.start for loc in locs]
    consumed: set[int] = set()
    made: list[_Loc] = []
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
            made.append(_Loc(town.start, m.end(), f"{town.name} {site}", None, town.lat,
                             town.lon, True, article_named=True, site=site,
                             township=town.township))
            continue
        name_run = _NAME_RUN.search(text, max(0, m.start() - 60), m.start())
        name = _clean_name(name_run.group(1), actor_spans, name_run.start(), r) \
            if name_run else ""
        definite = bool(re.search(r"\bthe\s+(?:captured\s+|seized\s+)?$",
                                  text[max(0, m.start() - 20):m.start()], re.IGNORECASE))
        anchor_i, vname, rel, end = _site_anchor(text, m.end(), locs, starts, r)
        if anchor_i is None:
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
        made.append(_Loc(start, end, place_name, anchor.place if not article_named else None,
                         anchor.lat, anchor.lon, approximate, article_named=article_named,
                         site=site, township=anchor.township, definite=definite))
    kept = [loc for i, loc in enumerate(locs) if i not in consumed]
    merged = sorted(kept + made, key=lambda loc: (loc.start, -loc.end))
    out: list[_Loc] = []
    for loc in merged:  # a site phrase swallows the names inside it
        if out and loc.start < out[-1].end:
            continue
        out.append(loc)
    _coreference_sites(out)
    return out


def _clean_name(run: str, actor_spans: list[tuple[int, int]], offset: int, r: _Rules) -> str:
    words = run.split()
    # keep the trailing capitalised words that are neither actors nor sentence openers
    kept: list[str] = []
    pos = offset + len(run)
    for word in reversed(words):
        pos = run.rfind(word, 0, pos - offset) + offset
        if any(a <= pos < b for a, b in actor_spans) or (word.isupper() and len(word) > 1):
            break
        if word.casefold() in ("the", "a", "an", "this", "that", "its", "their", "his", "her"):
            break
        if word.casefold() in r.month_words:
            break
        kept.append(word)
    return " ".join(reversed(kept))


_VILLAGE_NAME = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,5})(?:Village|village)\s*,?\s+(?:in\s+)?")


def _site_anchor(text: str, pos: int, locs: list[_Loc], starts: list[int], r: _Rules
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


def _coreference_sites(locs: list[_Loc]) -> None:
    """"the outpost in Khaunglanhpu" after "the outpost in La He Si Bum Village, Khaunglanhpu
    Township": the same place."""
    for i, loc in enumerate(locs):
        if not (loc.site and loc.definite and loc.article_named):
            continue
        for earlier in reversed(locs[:i]):
            if earlier.site == loc.site and earlier.township == loc.township and \
                    earlier.township:
                loc.name, loc.place = earlier.name, earlier.place
                loc.lat, loc.lon = earlier.lat, earlier.lon
                loc.approximate, loc.article_named = earlier.approximate, earlier.article_named
                break


# =========================================================================================
# Events of one article
# =========================================================================================

@dataclass
class _Draft:
    event_type: str
    loc: _Loc
    actor: str
    target: str
    date: ResolvedDate | None
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    adjust: list[str]
    date_inherited: bool = False


@dataclass
class _Context:
    text: str
    masked: str
    article: Article
    r: _Rules
    sentences: list[tuple[int, int]]
    dates: list[ResolvedDate]
    locs: list[_Loc]
    loc_starts: list[int]
    actors: list[tuple[int, int, str]]
    hq_owner: str
    triggers: list[tuple[int, _Spec]] = field(default_factory=list)
    trigger_starts: list[int] = field(default_factory=list)
    object_locs: list[_Loc] = field(default_factory=list)


def extract_article(article: Article, *, gazetteer: Gazetteer | None = None) -> list[Event]:
    """Every event one article reports, in text order.

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
    list of Event
        Sorted by (char_start, place, event_type).
    """
    gaz = gazetteer or Gazetteer.default()
    r = _rules_for(gaz)
    text = article.text
    if not text.strip():
        return []
    sentences = sentence_spans(text, abbreviations=r.abbreviations)
    dates = [d for d in find_dates(text, published=article.published, sentences=sentences)
             if (article.published is None or d.start <= article.published)
             and not r.reporting_re.search(text, max(0, d.char_start - 30), d.char_start)]
    actors = [(m.start(), m.end(), r.actor_index.get(m.group(), "")
               or r.actor_index.get(m.group().casefold(), ""))
              for m in r.actor_re.finditer(text)]
    locs = _find_places(text, r, sentences)
    locs = _site_places(text, locs, r, [(a, b) for a, b, _ in actors])
    masked = _mask(text, dates)
    ctx = _Context(text, masked, article, r, sentences, dates, locs,
                   [loc.start for loc in locs], actors, _hq_owner(text, actors))
    found = []
    for m in r.trigger_re.finditer(_blank_actors(text, actors)):
        specs = r.trigger_index.get(_key(m.group().replace("\x01", "")))
        if specs:
            found.append((m.start(), m.end(), specs))
    ctx.triggers = [(a, specs[0]) for a, _, specs in found]
    ctx.trigger_starts = [a for a, _, _ in found]
    drafts: list[_Draft] = []
    for a, b, specs in found:
        for spec in specs:  # "the KIA's headquarters": of the place after it, else before
            made = _events_of_trigger(ctx, a, b, spec)
            if made:
                drafts.extend(made)
                break
    drafts = _settle(ctx, drafts)
    return _finish(ctx, drafts)


def _mask(text: str, dates: list[ResolvedDate]) -> str:
    if not dates:
        return text
    parts, last = [], 0
    for d in dates:
        parts.append(text[last:d.char_start])
        parts.append(" " * (d.char_end - d.char_start))
        last = d.char_end
    parts.append(text[last:])
    return "".join(parts)


def _blank_actors(text: str, actors: list[tuple[int, int, str]]) -> str:
    """The text with each actor mention as "\x00\x01...", offsets unchanged."""
    if not actors:
        return text
    parts, last = [], 0
    for a, b, _ in actors:
        parts.append(text[last:a])
        parts.append(_PLACEHOLDER + "\x01" * (b - a - 1))
        last = b
    parts.append(text[last:])
    return "".join(parts)


def _hq_owner(text: str, actors: list[tuple[int, int, str]]) -> str:
    """The actor whose "headquarters" the article names ("the KIA headquarters")."""
    for _a, b, canon in actors:
        if re.match(r"(?:'s|’s)?\s+(?:headquarters|HQ)\b", text[b:b + 20]):
            return canon
    return ""


def _sentence_of(ctx: _Context, pos: int) -> tuple[int, int]:
    i = bisect_right([s for s, _ in ctx.sentences], pos) - 1
    return ctx.sentences[max(i, 0)] if ctx.sentences else (0, len(ctx.text))


def _events_of_trigger(ctx: _Context, t0: int, t1: int, spec: _Spec) -> list[_Draft]:
    text = ctx.text
    sentence = _sentence_of(ctx, t0)
    event_type = spec.event_type
    adjust: list[str] = []
    if _adjectival(text, t0) and spec.object == "after" and event_type == "capture":
        return []  # "the captured outpost"
    objects, flags = _objects(ctx, t0, t1, spec, sentence)
    if not objects:
        return []
    first = objects[0][0]
    cue_from = min(t0, first.start) if spec.object == "before" else t0
    verdict = _cues(ctx, cue_from, t0, sentence, event_type)
    if verdict != "cancel" and _retracted(ctx, t1, sentence):
        verdict = "cancel"
    if verdict == "cancel":
        return []
    if event_type == "held" and verdict in ("attempt",):
        return []
    if event_type == "held" and _past(ctx, cue_from, sentence):
        return []
    if verdict == "attempt" or flags.get("partial"):
        if event_type == "capture":
            event_type = "assault"
            adjust.append("downgraded")
        elif event_type == "held":
            event_type = "assault"
    if flags.get("facility") and event_type == "capture":
        event_type = "assault"
        adjust.append("downgraded")
    if verdict == "claim":
        adjust.append("claim")
    actor, actor_note = _actor(ctx, t0, t1, spec, sentence, objects)
    if spec.actor == "adjacent" and not actor:
        return []
    if actor_note:
        adjust.append(actor_note)
    target = _target(ctx, t0, t1, spec, sentence, objects, actor)
    drafts = []
    for loc, item_end, note in objects:
        if loc.area:
            continue
        ctx.object_locs.append(loc)
        notes = [*adjust, *([note] if note else [])]
        date = None if event_type == "held" else \
            _date_for(ctx, t0, t1, loc, item_end, sentence, spec, len(objects) > 1)
        drafts.append(_Draft(event_type, loc, actor, target, date, (t0, t1), sentence, notes))
    return drafts


def _adjectival(text: str, t0: int) -> bool:
    return bool(re.search(r"\b(?:the|a|an|newly|recently)\s+$", text[max(0, t0 - 10):t0],
                          re.IGNORECASE))


def _locs_between(ctx: _Context, a: int, b: int) -> list[_Loc]:
    i = bisect_left(ctx.loc_starts, a)
    out = []
    while i < len(ctx.locs) and ctx.locs[i].start < b:
        out.append(ctx.locs[i])
        i += 1
    return out


def _objects(ctx: _Context, t0: int, t1: int, spec: _Spec, sentence: tuple[int, int]
             ) -> tuple[list[tuple[_Loc, int, str]], dict[str, bool]]:
    """The places a trigger speaks of, with the end of each list item and a note."""
    flags: dict[str, bool] = {}
    if spec.object == "after":
        after = _locs_between(ctx, t1, sentence[1])
        first_i = None
        if after:
            gap = ctx.masked[t1:after[0].start]
            ok, gap_flags = _first_gap_ok(ctx, gap, spec)
            flags.update(gap_flags)
            if ok:
                first_i = 0
        if first_i is None and spec.event_type == "held":
            including = re.compile(r"\bincluding\s+(?:the\s+)?").search(
                ctx.text, t1, sentence[1])
            if including:
                after = _locs_between(ctx, including.end(), sentence[1])
                if after and after[0].start == including.end():
                    first_i = 0
        if first_i is None:
            loc, partial = _antecedent(ctx, t0, t1, sentence)
            if partial:
                flags["partial"] = True
            return ([(loc, t1, "antecedent_place")] if loc else []), flags
        items = [after[0]]
        for nxt in after[1:]:
            gap = ctx.masked[items[-1].end:nxt.start]
            if nxt.area or "\n" in gap or not ctx.r.object_ok["list"].fullmatch(gap):
                break
            items.append(nxt)
        bounds = [loc.start for loc in items[1:]] + [_scope_end(ctx, items[-1].end, sentence)]
        return [(loc, end, "") for loc, end in zip(items, bounds, strict=True)], flags
    # object before the trigger
    before = _locs_between(ctx, sentence[0], t0)
    if not before:
        return [], flags
    last = before[-1]
    gap = ctx.masked[last.end:t0]
    if spec.strict:
        if not re.fullmatch(r"\s*(?:'s|’s)?\s*", gap):
            return [], flags
    elif not ctx.r.object_ok["subject"].fullmatch(gap):
        return [], flags
    items = [last]
    for prev in reversed(before[:-1]):
        if ctx.r.object_ok["list"].fullmatch(ctx.masked[prev.end:items[0].start]):
            items.insert(0, prev)
        else:
            break
    lead = ctx.text[max(sentence[0], items[0].start - 30):items[0].start]
    if ctx.r.cue["partial"].search(lead):
        flags["partial"] = True
    if spec.event_type != "held" and ctx.r.reference_re.search(lead[-14:]):
        return [], flags
    return [(loc, t0, "") for loc in items], flags


def _first_gap_ok(ctx: _Context, gap: str, spec: _Spec) -> tuple[bool, dict[str, bool]]:
    r = ctx.r
    flags: dict[str, bool] = {}
    if "\n" in gap or len(gap) > spec.max_gap:
        return False, flags
    if spec.strict:
        return bool(r.object_ok["strict"].fullmatch(gap)) and not r.breaker_re.search(gap), \
            flags
    if r.breaker_re.search(gap):
        return False, flags
    if r.cue["partial"].search(gap):
        flags["partial"] = True
    if r.reference_re.search(gap):
        return False, flags
    if r.inside_re.search(gap):
        if spec.event_type == "capture":
            if r.facility_re.search(gap):
                flags["facility"] = True
                return True, flags
            return bool(flags.get("partial")), flags
        if spec.event_type == "held":
            return False, flags
    return True, flags


def _scope_end(ctx: _Context, pos: int, sentence: tuple[int, int]) -> int:
    """Where the clause that began before ``pos`` ends: a breaker or the next trigger."""
    m = ctx.r.breaker_re.search(ctx.masked, pos, sentence[1])
    return min(m.start() if m else sentence[1], _next_trigger(ctx, pos, sentence))


def _next_trigger(ctx: _Context, pos: int, sentence: tuple[int, int], *,
                  control_only: bool = False) -> int:
    """Start of the next trigger phrase after ``pos`` in the sentence, else its end."""
    i = bisect_left(ctx.trigger_starts, pos)
    for start, spec in ctx.triggers[i:]:
        if start >= sentence[1]:
            break
        if not control_only or spec.event_type in ("capture", "assault"):
            return start
    return sentence[1]


def _antecedent(ctx: _Context, t0: int, t1: int, sentence: tuple[int, int]
                ) -> tuple[_Loc | None, bool]:
    """The place "it" / "the town" / "the outpost" stands for; and whether only part."""
    m = ctx.r.pronoun_re.match(ctx.text, t1)
    partial = None
    if not m:
        partial = re.compile(r"\s*").match(ctx.text, t1)
        partial = ctx.r.cue["partial"].match(ctx.text, partial.end() if partial else t1)
        m = ctx.r.pronoun_re.match(ctx.text, partial.end()) if partial else None
        if m is None:
            return None, False
    word = m.group().strip().split()[-1].casefold()
    site = word if word in ("base", "outpost", "camp", "post", "hill", "garrison") else ""
    recent = _previous_sentence_start(ctx, sentence)
    objects = [loc for loc in ctx.object_locs if recent <= loc.start < t0]
    candidates = objects or [loc for loc in _locs_between(ctx, recent, t0)
                             if not loc.area and not _is_reference(ctx, loc)]
    if site:
        candidates = [c for c in candidates if c.site == site]
    else:
        candidates = [c for c in candidates if not c.site or word == "it"]
    if not candidates:
        return None, False
    return candidates[-1], partial is not None


def _previous_sentence_start(ctx: _Context, sentence: tuple[int, int]) -> int:
    i = ctx.sentences.index(sentence) if sentence in ctx.sentences else 0
    return ctx.sentences[max(i - 1, 0)][0]


def _is_reference(ctx: _Context, loc: _Loc) -> bool:
    lead = ctx.masked[max(0, loc.start - 40):loc.start]
    tail = re.search(r"(\S+\s+){0,3}$", lead)
    return bool(tail and ctx.r.reference_re.search(tail.group()))


def _clause_window(ctx: _Context, a: int, t0: int, sentence: tuple[int, int]) -> str:
    """Text of the clause before position ``t0`` (from the last cue breaker)."""
    start = sentence[0]
    for m in ctx.r.cue_breaker_re.finditer(ctx.masked, sentence[0], a):
        start = m.end()
    return ctx.masked[start:t0]


def _cues(ctx: _Context, a: int, t0: int, sentence: tuple[int, int], event_type: str) -> str:
    """cancel | attempt | claim | "" for the trigger at ``t0`` (clause starting before a)."""
    r = ctx.r
    clause = _clause_window(ctx, a, t0, sentence)
    near = " ".join(clause.split()[-5:])
    near3 = " ".join(clause.split()[-3:])
    if r.cue["hearsay"].search(clause) if "hearsay" in r.cue else False:
        return "cancel"
    attempt = r.cue["attempt"].search(near)
    negation = r.cue["negation"].search(near) or re.search(
        r"\b(?:denied|denies|deny|denying|refuted|dismissed)\b", clause)
    if negation and not attempt:
        return "cancel"
    if attempt and event_type in ("capture", "assault", "held"):
        return "cancel" if negation else "attempt"
    intent = any(m.group().casefold() != "to" or m.end() == len(near3.rstrip())
                 for m in r.cue["intent"].finditer(near3))
    if intent:
        to_have = re.search(r"\bto\s+have(?:\s+\w+)?\s*$", near3)
        success = "success" in r.cue and r.cue["success"].search(near)
        if not (to_have or success):
            return "cancel"
    if re.search(r"\b(?:no plans?|vowed|threatened|plans?)\s+to\b", clause):
        return "cancel"
    if r.cue["claim"].search(clause):
        return "claim"
    return ""


def _retracted(ctx: _Context, t1: int, sentence: tuple[int, int]) -> bool:
    """A denial after the phrase, in its clause ("reports that X had fallen were false")."""
    m = ctx.r.cue_breaker_re.search(ctx.masked, t1, sentence[1])
    clause = ctx.masked[t1:m.start() if m else sentence[1]]
    return "retraction" in ctx.r.cue and bool(ctx.r.cue["retraction"].search(clause))


def _past(ctx: _Context, a: int, sentence: tuple[int, int]) -> bool:
    near = " ".join(_clause_window(ctx, a, a, sentence).split()[-4:])
    return bool(re.search(r"\b(?:previously|formerly|once|used to|had been|until)\b", near,
                          re.IGNORECASE))


# -- actors ---------------------------------------------------------------------------------

_TARGET_LEAD = re.compile(r"\b(?:from|against|on|at|of|with|targeting|toward|towards|by)\s+"
                          r"(?:the\s+)?(?:[\w-]+\s+){0,1}$", re.IGNORECASE)


def _actors_between(ctx: _Context, a: int, b: int) -> list[tuple[int, int, str]]:
    return [x for x in ctx.actors if a <= x[0] and x[1] <= b and x[2]]


def _is_subject(ctx: _Context, a: int, b: int) -> bool:
    before = ctx.text[max(0, a - 25):a]
    after = ctx.text[b:b + 3]
    if after.startswith(("'s", "’s")):  # "the regime's troops" act; "the regime's base" not
        return bool(re.match(r"(?:'s|’s)\s+(?:troops|forces|soldiers|army|fighters|units|"
                             r"battalions?|columns?|men)\b", ctx.text[b:b + 20]))
    if re.match(r"-(?:controlled|held|aligned|backed|run|occupied|allied)", ctx.text[b:b + 12]):
        return False
    return not _TARGET_LEAD.search(before)


def _actor(ctx: _Context, t0: int, t1: int, spec: _Spec, sentence: tuple[int, int],
           objects: list[tuple[_Loc, int, str]]) -> tuple[str, str]:
    """(actor, confidence note) for a trigger."""
    inside = _actors_between(ctx, t0, t1)
    if spec.actor == "phrase" and inside:
        return inside[0][2], ""
    if spec.actor == "adjacent":
        loc = objects[0][0]
        near = _actors_between(ctx, max(sentence[0], loc.start - 25), loc.start)
        if near:
            return near[-1][2], ""
        return ctx.hq_owner, ("inferred_actor" if ctx.hq_owner else "")
    if spec.actor == "antecedent":
        before = _actors_between(ctx, sentence[0], t0)
        if not before:
            return "", ""
        k = len(before) - 1  # "The MNDAA and the TNLA, which control": the first named
        while k > 0 and re.fullmatch(r"[\s,()]*(?:(?:and|&)\s+)?(?:the\s+)?",
                                     ctx.text[before[k - 1][1]:before[k][0]]):
            k -= 1
        return before[k][2], ""
    if spec.noun:  # "the KIA's capture of X"
        own = _actors_between(ctx, max(sentence[0], t0 - 40), t0)
        if own and re.fullmatch(r"(?:'s|’s)\s+", ctx.text[own[-1][1]:t0]):
            return own[-1][2], ""
    if spec.object == "before" or spec.noun:
        tail_end = min(sentence[1], t1 + 60)
        m = re.match(r"\s*(?:to|by|into the hands of|under)\s+", ctx.text[t1:tail_end])
        if m:
            after = _actors_between(ctx, t1, tail_end)
            if after and after[0][0] - t1 <= m.end() + 6:
                return after[0][2], ""
        if spec.noun:
            return "", ""
    first_obj = objects[0][0].start if spec.object == "before" else t0
    subjects = [x for x in _actors_between(ctx, sentence[0], first_obj)
                if _is_subject(ctx, x[0], x[1])]
    if subjects:
        return subjects[-1][2], ""
    later = [x for x in _actors_between(ctx, t1, sentence[1]) if _is_subject(ctx, x[0], x[1])]
    if later:
        return later[0][2], ""
    i = ctx.sentences.index(sentence) if sentence in ctx.sentences else 0
    if i > 0:
        prev = ctx.sentences[i - 1]
        carried = [x for x in _actors_between(ctx, prev[0], prev[1])
                   if _is_subject(ctx, x[0], x[1])]
        if carried:
            return carried[0][2], "inferred_actor"
    return "", ""


def _target(ctx: _Context, t0: int, t1: int, spec: _Spec, sentence: tuple[int, int],
            objects: list[tuple[_Loc, int, str]], actor: str) -> str:
    if spec.event_type not in ("capture", "assault"):
        return ""
    text = ctx.text
    if spec.object == "after":
        region_end = _scope_end(ctx, objects[-1][0].end, sentence)
        for a, b, canon in _actors_between(ctx, t1, region_end):
            lead = text[max(t1, a - 12):a]
            owner = re.match(r"(?:'s|’s|-controlled|-held|\s+(?:outposts?|bases?|troops|"
                             r"forces|positions?|soldiers|camps?))", text[b:b + 12])
            if canon != actor and (owner or re.search(r"\b(?:from|against)\s+(?:the\s+)?$",
                                                      lead)):
                return canon
        tail = _actors_between(ctx, region_end, min(sentence[1], region_end + 40))
        for a, _b, canon in tail:
            if canon != actor and re.search(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+)?$",
                                            text[max(0, a - 20):a]):
                return canon
    return ""


# -- dates ----------------------------------------------------------------------------------

def _date_for(ctx: _Context, t0: int, t1: int, loc: _Loc, item_end: int,
              sentence: tuple[int, int], spec: _Spec, listed: bool) -> ResolvedDate | None:
    dates = [d for d in ctx.dates if sentence[0] <= d.char_start < sentence[1]]
    if not dates:
        return None
    lo = max(loc.end, t1) if spec.object == "after" else t1
    own = [d for d in dates if lo <= d.char_start < max(item_end, lo)]
    if spec.object == "before":
        own = [d for d in dates if t1 <= d.char_start < _scope_end(ctx, t1, sentence)]
    if own:
        return own[0]
    before = [d for d in dates if d.char_end <= t0]
    if before:
        return before[-1]
    if listed:
        return None
    stop = _next_trigger(ctx, t1, sentence, control_only=True)
    after = [d for d in dates if lo <= d.char_start < stop]
    return after[0] if after else None


# -- assembling ------------------------------------------------------------------------------

def _settle(ctx: _Context, drafts: list[_Draft]) -> list[_Draft]:
    """Drop duplicates and held reports overruled in their sentence; inherit dates."""
    changed = {(d.sentence, d.loc.name) for d in drafts
               if d.event_type in ("capture", "assault")}
    drafts = [d for d in drafts if not (d.event_type == "held"
                                        and (d.sentence, d.loc.name) in changed)]
    best: dict[tuple[str, str, tuple[int, int]], _Draft] = {}
    for d in drafts:
        key = (d.event_type, d.loc.name, d.sentence)
        if key not in best or (d.date is not None and best[key].date is None):
            best[key] = d
    drafts = sorted(best.values(), key=lambda d: (d.sentence[0], d.trigger[0]))
    for d in drafts:  # a later undated mention of the same event takes its date and actor
        if d.event_type not in ("capture", "assault"):
            continue
        if d.date is not None and d.actor:
            continue
        same = [o for o in drafts if o is not d and o.event_type == d.event_type
                and o.loc.name == d.loc.name and o.date is not None]
        if not same:
            continue
        earlier = [o for o in same if o.trigger[0] < d.trigger[0]]
        source = earlier[-1] if earlier else same[0]
        if d.date is None:
            d.date, d.date_inherited = source.date, True
        if not d.actor and source.actor:
            d.actor = source.actor
            d.adjust.append("inferred_actor")
        if not d.target:
            d.target = source.target
    return drafts


def _finish(ctx: _Context, drafts: list[_Draft]) -> list[Event]:
    art = ctx.article
    published = art.published.isoformat() if art.published else ""
    events: list[Event] = []
    for d in drafts:
        start, end = d.sentence
        excerpt = ctx.text[start:end]
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
            highlight_start=d.trigger[0], highlight_end=d.trigger[1]))
    events.sort(key=lambda e: (e.char_start, e.place, e.event_type, e.highlight_start))
    return events


def _confidence(ctx: _Context, d: _Draft, precision: str) -> float:
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
            if d.date_inherited or (d.date is not None and d.date.kind != "absolute"):
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


# =========================================================================================
# Tables
# =========================================================================================

def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Events as a DataFrame with :data:`EVENT_COLUMNS` then :data:`EXTRA_COLUMNS`."""
    rows = [e.row() for e in events]
    frame = pd.DataFrame(rows, columns=[*EVENT_COLUMNS, *EXTRA_COLUMNS])
    frame = frame.sort_values(["source_file", "char_start", "place", "event_type",
                               "highlight_start"], kind="stable").reset_index(drop=True)
    return frame


def extract_articles(articles: Sequence[Article] | Iterable[Article], *,
                     gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """The event table of several articles (see :func:`extract_article`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EVENT_COLUMNS` then :data:`EXTRA_COLUMNS`, ordered by
        (source_file, char_start, place).
    """
    gaz = gazetteer or Gazetteer.default()
    events: list[Event] = []
    for article in articles:
        events.extend(extract_article(article, gazetteer=gaz))
    return events_frame(events)


def extract_folder(path: str | Path, *, gazetteer: Gazetteer | None = None,
                   max_bytes: int | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Load a folder of articles (:func:`gazetteer.articles.load_folder`) and extract.

    Returns
    -------
    (DataFrame, warnings)
        The event table (``frame.attrs["articles_read"]`` holds how many articles were
        read) and the loading warnings (each naming its file).
    """
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    articles, warnings = load_folder(path, **kwargs)
    frame = extract_articles(articles, gazetteer=gazetteer)
    frame.attrs["articles_read"] = len(articles)
    return frame, warnings


def extract_records(name: str, raw: bytes | str, published: str | None = None
                    ) -> list[dict[str, object]]:
    """Extract one article given as plain values: the function a distributed job maps.

    Parameters
    ----------
    name : str
        The article's file name (recorded as ``source_file``).
    raw : bytes or str
        Its content; bytes are decoded as files in a folder are.
    published : str, optional
        Publication day, ``YYYY-MM-DD``.

    Returns
    -------
    list of dict
        One dict per event, keyed by :data:`EVENT_COLUMNS` then :data:`EXTRA_COLUMNS`;
        plain Python values, ready for a Dask bag or a Spark row.
    """
    from gazetteer.articles import article_from_text

    article = article_from_text(name, raw, published=published)
    return [event.row() for event in extract_article(article)]

"""The extractor's rules compiled once into matchers (the model: spaCy's SpanRuler).

:func:`rules_for` reads ``rules/events.toml``, ``rules/actors.toml`` and ``rules/dates.toml``
and the gazetteer's surface forms, and compiles them into one :class:`Rules`: a trie
pattern of every place name, of every actor alias, of every trigger phrase (the phrase
mini-syntax: ``(a|b)`` one of, ``[a|b]`` optional, ``{actor}`` an actor mention), and the
word lists the clause rules use. Nothing here reads an article.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from gazetteer.actors import load_actor_groups
from gazetteer.places import Gazetteer, Place
from gazetteer.ruledata import first_char_lookahead, load_rules, trie_pattern


@dataclass(frozen=True)
class TriggerSpec:
    event_type: str
    object: str
    strict: bool
    max_gap: int
    actor: str
    noun: bool
    sites_only: bool = False
    #: the place is an appositive's head before the phrase ("X, a town captured by Y")
    appositive: bool = False
    #: the place is where the troops before the phrase were ("troops at X retreated")
    garrison: bool = False


@dataclass
class Rules:
    place_re: re.Pattern[str]
    place_index: dict[str, tuple[Place, ...]]
    variant_index: dict[str, tuple[Place, ...]]
    #: voicing key -> the one town it is ("Mokok" for Mogok), where no variant decides
    voicing_index: dict[str, tuple[Place, ...]]
    base_re: re.Pattern[str]
    gazetteer: Gazetteer
    #: capitalised run -> its spans that are spelling variants of places (a cache)
    variant_cache: dict[str, list[tuple[int, int, tuple[Place, ...]]]]
    actor_re: re.Pattern[str]
    actor_index: dict[str, str]
    #: generic words for an actor ("the rebel troops", casefolded) -> the side they stand
    #: for ("resistance" or "junta"), and how many sentences back they look for its name
    generic_index: dict[str, str]
    generic_sentences: int
    trigger_re: re.Pattern[str]
    trigger_index: dict[str, tuple[TriggerSpec, ...]]
    cue: dict[str, re.Pattern[str]]
    #: right after an actor: "forces", "and its allies", read as part of its mention
    companion_re: re.Pattern[str]
    #: a sentence opening with troops of no listed group ("Opposition troops", "Local
    #: defence forces"): the clause has its own subject, named by nobody
    bare_forces_re: re.Pattern[str]
    #: just after a subject: it lost ground ("The junta suffered a defeat"), no taker
    loss_after_re: re.Pattern[str]
    #: a side leaving a place ("withdrew", "pulled back", "fled")
    retreat_re: re.Pattern[str]
    #: between a capture phrase and a place: what was taken instead ("30 weapons")
    goods_re: re.Pattern[str]
    site_re: re.Pattern[str]
    rel_re: re.Pattern[str]
    suffix_re: re.Pattern[str]
    area_re: re.Pattern[str]
    #: towns named like their region, read as the region after a compass word
    region_namesakes: frozenset[str]
    honorifics: frozenset[str]
    #: capitalised words that never name a site an analyst could place (casefolded)
    not_site_words: frozenset[str]
    month_words: frozenset[str]
    object_ok: dict[str, re.Pattern[str]]
    breaker_re: re.Pattern[str]
    cue_breaker_re: re.Pattern[str]
    reference_re: re.Pattern[str]
    facility_re: re.Pattern[str]
    inside_re: re.Pattern[str]
    hq_re: re.Pattern[str]
    adjectival_re: re.Pattern[str]
    #: the subject words of an attack from the air, at the end of a clause's lead
    air_subject_re: re.Pattern[str]
    fire_re: re.Pattern[str]
    denial_re: re.Pattern[str]
    plan_re: re.Pattern[str]
    past_re: re.Pattern[str]
    cue_any_re: re.Pattern[str]
    junta_side: frozenset[str]
    target_lead_re: re.Pattern[str]
    forces_re: re.Pattern[str]
    #: between a group and a relative "who": its men or nothing ("BGF troops who")
    men_gap_re: re.Pattern[str]
    #: between a subject and its verb: auxiliaries and adverbs ("rebels have also taken")
    fillers_re: re.Pattern[str]
    #: sites written in the plural ("camps", "outposts"): ``[places] plural_sites``
    plural_sites_re: re.Pattern[str]
    #: area words for a road (``[places] road_words``), lower case
    road_words: frozenset[str]
    holder_re: re.Pattern[str]
    passive_re: re.Pattern[str]
    owned_re: re.Pattern[str]
    determiners: frozenset[str]
    site_references: frozenset[str]
    pronoun_re: re.Pattern[str]
    reporting_re: re.Pattern[str]
    #: a reporting verb anywhere ("said", "told"): ``[clauses] reporting``
    reporting_word_re: re.Pattern[str]
    abbreviations: frozenset[str]
    state_rank: dict[str, int]
    kind_rank: dict[str, int]
    base: dict[str, float]
    adjust: dict[str, float]
    limits: dict[str, int]
    #: occupation words ("has occupied X since 29 March": taken then), or None
    occupation_re: re.Pattern[str] | None = None
    #: a group's speaker after its actor ("'s spokesperson", " information officer")
    speaker_after_re: re.Pattern[str] | None = None
    #: a speaker before its group's actor ("a spokesman for the ")
    speaker_before_re: re.Pattern[str] | None = None
    #: a verb of speech ("said", "mentioned", "according to")
    speech_re: re.Pattern[str] | None = None
    #: a speaker not named by group, opening a sentence ("He said", "The officer added")
    speaker_pronoun_re: re.Pattern[str] | None = None


_ALT = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|(\{actor\})|(\S+)")
ACTOR_MARK = "\x00"


def _expand(phrase: str) -> list[str]:
    """All literal forms of a phrase in the mini-syntax of events.toml (actor -> \\x00)."""
    options: list[list[str]] = []
    for m in _ALT.finditer(phrase):
        if m.group(1) is not None:
            options.append([o.strip() for o in m.group(1).split("|")])
        elif m.group(2) is not None:
            options.append([o.strip() for o in m.group(2).split("|")] + [""])
        elif m.group(3):
            options.append([ACTOR_MARK])
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


@lru_cache(maxsize=8192)
def phrase_key(text: str) -> str:
    """Matched phrase text -> lookup key (case, spaces and hyphens folded)."""
    key = re.sub(r"[\s\-]+", " ", text.casefold()).strip()
    return re.sub(r" (?=['’])", "", key)


def _any_case(words: Iterable[str]) -> str:
    """One group matching any of ``words`` exactly as listed (flags decide the case)."""
    return trie_pattern(words)


def _adjectival(words: dict[str, list[str]]) -> re.Pattern[str]:
    """Before a phrase, the end of a noun phrase using it as an adjective: a determiner
    ("the captured outpost"), or an adverb after a determiner or an owner ("its newly
    seized camp", "the KIA's recently captured base"; not "the army recently took X")."""
    det = _any_case(words["adjectival"])
    adverbs = words.get("adjectival_adverbs", [])
    if not adverbs:
        return re.compile(rf"\b{det}\s+$", re.IGNORECASE)
    owner = _any_case([*words["adjectival"], *words["determiners"]])
    return re.compile(rf"(?:\b{det}|(?:\b{owner}|['’]s)\s+{_any_case(adverbs)})\s+$",
                      re.IGNORECASE)


def words_re(words: Iterable[str], *, whole: bool = True, titled: bool = False) -> str:
    """One pattern for ``words`` as written, in lower case and capitalised; with
    ``titled`` also with every word capitalised (names of facilities: "the Indaw Police
    Station")."""
    forms = set()
    for w in words:
        forms |= {w, w.casefold(), w[:1].upper() + w[1:]}
        if titled:
            forms.add(" ".join(part[:1].upper() + part[1:] for part in w.split()))
    body = trie_pattern(forms, space=r"[\s-]+")
    return rf"{first_char_lookahead(forms)}(?<![\w'’]){body}(?![\w])" if whole else body


def _base_pattern(gaz: Gazetteer) -> re.Pattern[str]:
    """Every designation of a base the gazetteer locates ("IB 142", "Infantry Battalion
    (IB) 142", "northeast military command"), any case; resolved by
    :meth:`Gazetteer.resolve_base`."""
    forms = {" ".join(f.casefold().split()) for b in gaz.bases() for f in (b.name, *b.aliases)}
    forms.discard("")
    if not forms:
        return re.compile(r"(?!)")
    body = trie_pattern(forms, space=r"[\s-]+")
    return re.compile(rf"{first_char_lookahead(forms | {f.upper() for f in forms})}"
                      rf"(?<![\w'’-]){body}(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def rules_for(gaz: Gazetteer) -> Rules:
    """Compile every rule table and the gazetteer's names into one :class:`Rules`, once
    per gazetteer (cached).

    Longer than most functions on purpose: it is one pass over the rule files, a block
    per table (places, actors, triggers, word lists), so a reader sees in one place how
    every table of ``rules/*.toml`` becomes a pattern.
    """
    events = load_rules("events.toml")
    actors = load_rules("actors.toml")["actors"]
    dates = load_rules("dates.toml")
    places_cfg = events["places"]
    cues = events["cues"]

    # places: one pattern over every surface form, as written and in capitals
    stop = set(places_cfg["stop_forms"])
    place_index: dict[str, tuple[Place, ...]] = {}
    for form, places in gaz.surface_forms().items():
        numbered = form[:1].isdigit()  # "105-mile trade zone": no common word, any case
        if form in stop or not (form[:1].isupper() or numbered):
            continue
        for variant in (form, form.upper(), *((form.lower(), form.title()) if numbered
                                               else ())):
            place_index[variant] = tuple(dict.fromkeys(place_index.get(variant, ()) + places))
    place_re = re.compile(rf"{first_char_lookahead(place_index)}(?<![\w'’-])"
                          rf"{trie_pattern(place_index)}(?![\w])")

    # actors: acronyms as written, other aliases in any usual case
    actor_index: dict[str, str] = {}
    actor_forms: set[str] = set()
    for canon, spec in actors.items():
        for alias in spec["aliases"]:
            acronym = alias.upper() == alias and any(c.isalpha() for c in alias)
            words = alias.split()
            forms = {alias} if acronym else {
                alias, alias.casefold(), alias.upper(), alias[:1].upper() + alias[1:],
                " ".join(w[:1].upper() + w[1:] for w in words),
                # a name whose last word is left lower case ("the Kachin Independence army")
                " ".join([*(w[:1].upper() + w[1:] for w in words[:-1]), words[-1].casefold()])}
            for form in forms:
                actor_forms.add(form)
                actor_index[form.casefold() if not acronym else form] = canon
                actor_index.setdefault(form.casefold(), canon)
    # generic words ("the rebel troops"): matched with the actors, named by roles.py
    generic = load_rules("actors.toml")["generic"]
    generic_index: dict[str, str] = {}
    backed = [f"{lead} {word}" for lead in generic["junta_leads"]  # "junta-backed joint
              for word in generic["resistance"]  # forces": the junta's side
              if not word.casefold().startswith(("the ", "an ", "a "))]
    for side in ("resistance", "junta"):
        for word in generic[side] + (backed if side == "junta" else []):
            for form in {word, word.casefold(), word[:1].upper() + word[1:],
                         " ".join(w[:1].upper() + w[1:] for w in word.split())}:
                if form.casefold() not in actor_index:
                    actor_forms.add(form)
                    generic_index[form.casefold()] = side
    actor_body = trie_pattern(actor_forms)
    actor_re = re.compile(rf"{first_char_lookahead(actor_forms)}(?<![\w'’]){actor_body}(?![\w])")

    # triggers: every literal form of every phrase, one trie
    trigger_index: dict[str, tuple[TriggerSpec, ...]] = {}
    trigger_forms: set[str] = set()
    for spec in events["trigger"]:
        strict = spec.get("strict", False)
        s = TriggerSpec(spec["event_type"], spec["object"], strict,
                  spec.get("max_gap", 30 if strict else 80), spec.get("actor", "subject"),
                  spec.get("noun", False), spec.get("sites_only", False),
                  spec.get("appositive", False), spec.get("garrison", False))
        for phrase in spec["phrases"]:
            for form in _expand(phrase):
                key = phrase_key(form)
                if s not in trigger_index.get(key, ()):
                    trigger_index[key] = (*trigger_index.get(key, ()), s)
                trigger_forms.add(form.casefold() if form != ACTOR_MARK else form)
    # actor mentions are blanked to "\x00\x01..." before triggers are matched, so the
    # actor alternation is not repeated inside every phrase that names an actor; one
    # lower-case form per phrase, matched ignoring case ("Captured", "CAPTURED")
    trigger_body = trie_pattern(trigger_forms, space=r"[\s-]+").replace(
        ACTOR_MARK, ACTOR_MARK + "\x01*")
    lead = first_char_lookahead(trigger_forms | {f.upper() for f in trigger_forms})
    # a phrase opens a word, or is a place's possessive ("Sinbo's capture"; after an actor,
    # blanked to no word, "the KIA's capture of" is left to "capture of"); never the second
    # half of a compound adjective ("the resistance-occupied town"), but a verb after
    # "re-" or "counter-" ("counter-attacked")
    trigger_re = re.compile(
        rf"{lead}(?:(?<![\w'’])(?!['’])(?:(?<!\w-)|(?<=counter-)|(?<=\bre-))"
        rf"|(?<=\w)(?=['’]s\s)){trigger_body}(?![\w])",
        re.IGNORECASE)

    cue = {name: re.compile(words_re(words)) for name, words in cues.items()}
    suffix = words_re(places_cfg["suffix_words"], whole=False)
    area = words_re(places_cfg["area_words"], whole=False)
    site = words_re(places_cfg["site_words"], titled=True)
    rel_words = [*places_cfg["reference_words"], "in", "at", "on"]
    rel = words_re(rel_words, whole=False)
    list_words = words_re(places_cfg["list_words"], whole=False)
    clauses = events["clauses"]
    words = events["words"]
    retreat = list(words.get("retreat_verbs", ["withdrew"]))
    nouns = sorted({p.split(" ", 1)[1] for p in places_cfg["pronouns"] if " " in p}
                   | {"township", "command", "headquarters"})
    object_ok = {
        # between items of a list, once dates are blanked out
        "list": re.compile(rf"(?:[\s,()]|{list_words}(?![\w]))*"),
        # before a place that follows a strict phrase ("took the border town of X")
        "strict": re.compile(
            rf"\s*(?!{_any_case(words['not_taken'])}\b)"  # not "took place in X"
            r"(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?(?:(?:town|city|village)\s+of\s+)?"
            r"(?:the\s+)?", re.IGNORECASE),
        # between the items of a list that follows its phrase: list words, dashes, a name
        # the gazetteer lacks, a blanked date after "in"/"on", a relative clause
        "list_loose": re.compile(
            rf"(?:[\s,()–—-]|{list_words}(?![\w])|(?:in|by|since|from|until|during)(?=\s{{3}})"
            r"|in\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|upper|lower|"
            r"north|south|east|west)\s+)?"
            r"|[A-Z][\w'’-]*(?![\w'’-])|,\s*(?:where|which|who)\b[^,;:]{1,80},"
            # "X and its surrounding villages of A and B"
            r"|(?:its|their)\s+(?:surrounding|nearby|neighbou?ring)\s+(?:villages|towns)"
            r"(?:\s+of)?"
            r"|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:more\s+)?"
            r"(?:(?:towns?|cities)\s+)?(?:in|of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:of\s+)?"
            # a description before the item ("as well as the rare-earth mining hub of X")
            r"|(?:[a-z][\w'’-]*\s+){0,3}?(?:hub|capital|stronghold|enclave|centre|center)"
            r"\s+of\b"
            # a time of day ("at 5 am", "at around 6 a.m.")
            r"|at\s+(?:around\s+|about\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|hours)?"
            # an aside naming no place that locates the item before ("Hseni on the
            # highway and Kutkai"): short, and closed by the list's next word
            r"|(?:on|in|near|along|at|by)\s+the\s+(?:[\w'’-]+\s+){0,2}[a-z][\w'’-]*"
            r"(?=\s*(?:,|\b(?:and|or)\b))"
            r")*"),
        # between a place and a phrase after it ("Kan Paik Ti, a border town, has fallen")
        "subject": re.compile(
            r"(?:\s*(?:town|city|village|itself|,|(?:on|in|since|by|from)(?=\s{3})"
            r"|(?:in|of)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|"
            r"upper|lower)\s+)?(?:[A-Z][\w'’-]*\s+){1,2}(?:State|Region|Division|District)\b))*"
            r"(?:\s*,[^,;:.\"“”]{1,60},)?\s*"
            r"(?:(?:which|that|the|a|an)\s+)?"
            rf"(?:{_any_case(words['subject_fillers'])}\s+)*", re.IGNORECASE),
    }
    # every word and mark any cue, breaker or gap pattern can match, in any case: where it
    # finds nothing, none of them can match, and the clause rules skip them (a prefilter)
    any_words = [w for ws in cues.values() for w in ws]
    any_words += [*clauses["breakers"], *clauses["cue_breakers"], *places_cfg["reference_words"],
                  *places_cfg["facility_words"], *words["inside"], *words["denial"],
                  *words["plan"], *words["past"]]
    any_words = [w.casefold() for w in any_words]
    any_body = trie_pattern(set(any_words), space=r"[\s-]+")
    cue_any_re = re.compile(rf"{first_char_lookahead(any_words)}(?<!\w){any_body}|[;:“”\"]",
                            re.IGNORECASE)
    groups = load_actor_groups()
    junta_side = frozenset(canon for canon in actors
                           if groups.get(canon.casefold()) in ("junta", "BGF/militia"))
    return Rules(
        cue_any_re=cue_any_re, junta_side=junta_side,
        place_re=place_re, place_index=place_index,
        variant_index=_in_states(gaz.variant_forms(), events["region"]["variant_states"]),
        voicing_index=_in_states(gaz.voicing_forms(), events["region"]["variant_states"]),
        base_re=_base_pattern(gaz), gazetteer=gaz, variant_cache={},
        actor_re=actor_re, generic_index=generic_index,
        generic_sentences=generic["sentences"], actor_index=actor_index,
        trigger_re=trigger_re, trigger_index=trigger_index,
        cue=cue, site_re=re.compile(site),
        rel_re=re.compile(rf"\s+({rel})\s+(?:the\s+)?(?:(?:village|town)\s+of\s+)?"),
        suffix_re=re.compile(rf"\s+{suffix}(?![\w])"),
        # "Lwegel border town", "the Lweje border gate": a descriptor, not an area
        area_re=re.compile(rf"(\s*,)?\s+({area})(?![\w])(?!\s+(?:towns?|city|gates?|posts?|"
                           r"crossings?|trade\s+(?:town|hub|zone))\b)"),
        region_namesakes=frozenset(places_cfg.get("region_namesakes", ())),
        honorifics=frozenset(h.casefold() for h in places_cfg["honorifics"]),
        not_site_words=frozenset(w.casefold() for w in places_cfg["not_site_words"]),
        month_words=frozenset(w.casefold() for w in (*dates["months"], *dates["weekdays"])),
        object_ok=object_ok,
        breaker_re=re.compile(words_re(clauses["breakers"]) + r"|[;:“”\"]"),
        cue_breaker_re=re.compile(words_re(clauses["cue_breakers"]) + r"|[;:]"),
        reference_re=re.compile(words_re(places_cfg["reference_words"])),
        facility_re=re.compile(words_re(places_cfg["facility_words"], titled=True)),
        inside_re=re.compile(words_re(words["inside"])),
        hq_re=re.compile(rf"(?:'s|’s)?\s+{_any_case(words['headquarters'])}\b"),
        adjectival_re=_adjectival(words),
        fire_re=re.compile(
            rf"\s*,?\s*with\s+(?:[\w-]+\s+){{0,2}}?{_any_case(words.get('fire_weapons', []))}"
            r"(?![\w-])(?!\s+(?:and|as\s+well\s+as|along\s+with)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:troops|soldiers|fighters|infantry|forces)\b)", re.IGNORECASE),
        air_subject_re=re.compile(
            rf"\b{_any_case(words['air_subjects'])}\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE),
        denial_re=re.compile(words_re(words["denial"])),
        plan_re=re.compile(rf"\b{_any_case(words['plan'])}\s+to\b"),
        past_re=re.compile(rf"\b{_any_case(words['past'])}\b", re.IGNORECASE),
        # read on the masked text: "On Monday KIA troops" (a date, not a word) is no target
        target_lead_re=re.compile(rf"\b{_any_case(words['target_lead'])}\s{{1,2}}(?!\s)"
                                  r"(?:the\s+)?(?:[\w-]+\s+){0,1}$", re.IGNORECASE),
        # "the regime's troops", "the KIA's 3rd Brigade" act; "the junta's army base" not
        forces_re=re.compile(rf"(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}?{_any_case(words['forces'])}"
                             r"\b(?!\s+(?:camps?|bases?|outposts?|posts?|positions?|"
                             r"headquarters|barracks|garrisons?)\b)", re.IGNORECASE),
        men_gap_re=re.compile(rf"(?:'s|’s)?\s*(?:{_any_case(words['forces'])}\s*)?,?\s*",
                              re.IGNORECASE),
        fillers_re=re.compile(rf"\s+(?:{_any_case(words['subject_fillers'])}\s+)*",
                              re.IGNORECASE),
        plural_sites_re=re.compile(rf"\b{_any_case(places_cfg['plural_sites'])}\b",
                                   re.IGNORECASE),
        road_words=frozenset(w.casefold() for w in places_cfg.get("road_words", ())),
        holder_re=re.compile(rf"-{_any_case(words['holder_suffixes'])}"),
        passive_re=re.compile(rf"\s*{_any_case(words['passive_agents'])}\s+"),
        owned_re=re.compile(rf"(?:'s|’s|-{_any_case(words['holder_suffixes'][:2])}|"
                            rf"\s+{_any_case(words['owned'])})"),
        determiners=frozenset(w.casefold() for w in words["determiners"]),
        site_references=frozenset(w.casefold() for w in words["site_references"]),
        pronoun_re=re.compile(
            r"\s*(?:(?:the|this|that|these|those|both)\s+(?:(?:captured|seized|two|three|four|"
            r"five|six|remaining|main|military|junta|regime|army|strategic|border|key|entire|"
            r"whole|small|little|large|big|remote|riverside|hilltop|mining|trading|frontier|"
            r"besieged|embattled|contested|nearby|neighbouring|neighboring)\s+){0,2}"
            + words_re(nouns, whole=False) + r"s?|it)(?![\w])"),
        abbreviations=frozenset(a.casefold() for a in clauses["abbreviations"]),
        reporting_re=re.compile(words_re(clauses.get("reporting", ["said"]))
                                # "said on Monday", "told RFA on Monday"; not "told RFA
                                # that last month ...": that date is the report's content
                                + r"(?:\s+(?!that\b)[\w'’]+){0,2}\s*$"),
        reporting_word_re=re.compile(words_re(clauses.get("reporting", ["said"]))),
        state_rank={s: i for i, s in enumerate(events["region"]["state_priority"])},
        kind_rank={k: i for i, k in enumerate(events["region"]["kind_priority"])},
        base=dict(events["confidence"]["base"]),
        adjust=dict(events["confidence"]["adjust"]),
        limits=dict(events["limits"]),
        occupation_re=re.compile(words_re(words["occupation"]))
        if words.get("occupation") else None,
        goods_re=re.compile(words_re(words.get("goods", ["weapons"]))),
        loss_after_re=re.compile(
            rf"[\s,]*(?:(?:[\w'’-]+\s+){{0,4}}?)"
            rf"{_any_case([*words.get('loss_verbs', ['lost']), *retreat])}\b", re.IGNORECASE),
        retreat_re=re.compile(words_re(retreat)),
        bare_forces_re=re.compile(
            r"[\s\"“‘']*(?!(?:the|its|their|his|her|our|these|those|both|all|they|we|it)\b)"
            rf"(?:[A-Za-z][\w'’-]*\s+){{1,3}}?{_any_case(words['forces'])}\b", re.IGNORECASE),
        companion_re=re.compile(
            r"(?:\s*\([A-Za-z-]{2,10}\))?"  # "People's Defense Forces (PDFs)"
            # (the men only: [words] forces also holds "offensive", "attack")
            rf"(?:\s+(?:{_any_case(('forces', 'troops', 'fighters', 'soldiers', 'units'))}))?"
            rf"(?:\s+and\s+{_any_case(words.get('companions', ['its allies']))})?(?![\w])"
            # "PDFs under the NUG's defence ministry have had control of X": who they answer
            # to, before the clause's auxiliary
            r"(?:\s+(?:under|loyal\s+to|backed\s+by|led\s+by|allied\s+with|aligned\s+with)"
            r"(?:\s+[\w'’-]+){1,10}?(?=\s+(?:has|have|had|now|still|also|is|are|was|were)\b))?",
            re.IGNORECASE),
        **_speaker_patterns(load_rules("actors.toml")["speakers"]),
    )


def _in_states(index: dict[str, tuple[Place, ...]], states: list[str]
              ) -> dict[str, tuple[Place, ...]]:
    """``index`` (spelling key -> places) keeping only the places in ``states``."""
    keep = frozenset(states)
    kept = {key: tuple(p for p in places if p.state in keep) for key, places in index.items()}
    return {key: places for key, places in kept.items() if places}


def _speaker_patterns(speakers: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    """The patterns of ``[speakers]`` in actors.toml (see :class:`Rules`)."""
    nouns = _any_case(speakers["nouns"])
    return {
        "speaker_after_re": re.compile(
            rf"(?:'s|’s)?\s+(?:[\w'’-]+\s+){{0,2}}?{nouns}(?![\w])", re.IGNORECASE),
        "speaker_before_re": re.compile(
            rf"(?<![\w]){nouns},?\s+(?:of|for|from|with|in)\s+(?:the\s+)?$", re.IGNORECASE),
        "speech_re": re.compile(words_re(speakers["verbs"])),
        "speaker_pronoun_re": re.compile(
            rf"[\s\"“”'‘’]*(?:he|she|the\s+(?:[\w-]+\s+){{0,2}}?{nouns})\s+"
            rf"(?:[\w-]+\s+){{0,2}}?{words_re(speakers['verbs'], whole=False)}(?![\w])",
            re.IGNORECASE),
    }


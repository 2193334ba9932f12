"""Who acted and against whom: the actor and target of a trigger (its date:
:mod:`gazetteer.extract.timing`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from gazetteer.extract._context import (
    Context,
    iter_actors,
    next_sentence,
    previous_sentence,
    scope_end,
    sentence_of,
    unnamed_subject,
)
from gazetteer.extract._context import actors_between as _actors_between
from gazetteer.extract.matcher import Rules, TriggerSpec
from gazetteer.extract.objects import BASE_WORD, OWNER_OF_SITE, army_unit_garrison
from gazetteer.extract.places import Mention

# -- actors ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ActorMentions:
    """The actor mentions of one text (see :func:`find_actors`)."""

    #: ``(start, end, canonical name)`` in text order, generic words that name one included
    named: list[tuple[int, int, str]]
    #: starts of the named mentions that are generic words ("the rebel troops")
    generic: frozenset[int]
    #: generic words that name nobody the story has named: ``(start, end, side)``
    unnamed: list[tuple[int, int, str]]


def find_actors(text: str, r: Rules, sentences: list[tuple[int, int]]) -> ActorMentions:
    """Every actor mention of ``text``.

    A generic word ("the rebel troops", ``[generic]`` of ``rules/actors.toml``) names the
    last actor mentioned before it, at most ``[generic] sentences`` back, on its side
    (against the junta, or on the junta's side). With none it names nobody (``unnamed``:
    the clause has a subject, of that side, that no rule may replace by a guess). Followed
    by an actor's name ("the joint forces of the KIA") it is no mention at all.
    """
    starts = [s for s, _ in sentences] or [0]
    found: list[tuple[int, int, str]] = []
    sentence_of_mention: list[int] = []
    generic: set[int] = set()
    unnamed: list[tuple[int, int, str]] = []
    for m in r.actor_re.finditer(text):
        form = m.group()
        if _ANTI.search(text, max(0, m.start() - 5), m.start()):
            continue  # "anti-junta groups", "anti-military forces": against it, not it
        canon = r.actor_index.get(form) or r.actor_index.get(form.casefold(), "")
        i = bisect_right(starts, m.start()) - 1
        if not canon:
            side = r.generic_index.get(form.casefold())
            if side is None or _named_after(text, m.end(), r) or (
                    found and _OWNED.fullmatch(text, found[-1][1], m.start())):
                continue  # "the joint forces of the KIA", "junta joint forces"
            canon = _last_alliance(text, found, sentence_of_mention,
                                   i - r.generic_sentences) \
                if "alliance" in form.casefold() else ""  # "the alliance"
            canon = canon or _last_named(text, found, sentence_of_mention,
                                         i - r.generic_sentences, side == "junta",
                                         r.junta_side)
            if not canon:
                unnamed.append((m.start(), m.end(), side))
                continue
            generic.add(m.start())
        found.append((m.start(), m.end(), canon))
        sentence_of_mention.append(i)
    return ActorMentions(found, frozenset(generic), unnamed)




#: Between a group and a generic word that names its forces: "junta joint forces", "the
#: KIA's troops", "KIA-led forces", "junta–SNA joint forces" (with a partner no rule names).
_OWNED = re.compile(r"(?:\s?[-–/]\s?[A-Z][A-Za-z]{1,9}(?=\s))?(?:'s|’s|-led|-backed|-aligned)?"
                    r"\s{1,3}(?:[Tt]he\s+)?")
#: Words before the groups a force is made of ("a combined force comprising the KIA ...").
_MADE_UP_OF = r"comprising|consisting\s+of|made\s+up\s+of|composed\s+of|including"
_OF_ACTOR = re.compile(rf"\s*,?\s+(?:of|from|led\s+by|under|{_MADE_UP_OF}|that\s+included|"
                       r"which\s+included)\s+(?:the\s+)?", re.IGNORECASE)


def _named_after(text: str, end: int, r: Rules) -> bool:
    """"the joint forces of the KIA": the words belong to the actor named after them."""
    m = _OF_ACTOR.match(text, end)
    return m is not None and r.actor_re.match(text, m.end()) is not None


_ANTI = re.compile(r"\banti[- ]?$", re.IGNORECASE)


def _last_alliance(text: str, found: list[tuple[int, int, str]], sentence: list[int],
                   first: int) -> str:
    """The last actor of ``found`` named as an alliance ("the Brotherhood Alliance"), in
    sentence ``first`` or later: what "the alliance" stands for; else ""."""
    for k in range(len(found) - 1, -1, -1):
        if sentence[k] < first:
            return ""
        a, b, canon = found[k]
        if "alliance" in text[a:b].casefold():
            return canon
    return ""


def _last_named(text: str, found: list[tuple[int, int, str]], sentence: list[int],
                first: int, junta: bool, junta_side: frozenset[str]) -> str:
    """The last actor of ``found`` on the side wanted, named in sentence ``first`` or
    later; of several named together ("the MNDAA, TNLA and AA"), the first."""
    for k in range(len(found) - 1, -1, -1):
        if sentence[k] < first:
            return ""
        if (found[k][2] in junta_side) == junta:
            while k > 0 and sentence[k - 1] >= first and \
                    (found[k - 1][2] in junta_side) == junta and \
                    _COORDINATED.fullmatch(text, found[k - 1][1], found[k][0]):
                k -= 1
            return found[k][2]
    return ""


_FORCES_OF = re.compile(r"\b(?:forces?|troops|fighters|soldiers|units|columns|members|"
                        r"combatants|groups|battalions|brigades|divisions|regiments|"
                        r"companies)\s*,?\s+(?:from|of|led\s+by|under(?:\s+the\s+"
                        rf"command\s+of)?|commanded\s+by|{_MADE_UP_OF})\s+(?:the\s+)?$",
                        re.IGNORECASE)
#: A count of people before an actor ("a large number of junta troops", "hundreds of TNLA
#: fighters"): the actor's men, the subject.
_COUNT_OF = re.compile(r"\b(?:number|numbers|hundreds|thousands|dozens|scores|group|"
                       r"column|convoy)\s+of\s+(?:the\s+)?$", re.IGNORECASE)

def _is_subject(ctx: Context, a: int, b: int) -> bool:
    a = _named_from(ctx, a)  # "attacking State Administration Council (SAC) forces": the
    # acronym stands where its full name does
    before = ctx.text[max(0, a - 25):a]
    after = ctx.text[b:b + 3]
    if after.startswith(("'s", "’s")):  # "the regime's troops" act; "the regime's base" not
        if _owned_site(ctx, b):
            return False  # "the BGF's Battalion 1001 headquarters": a base, no men
        return bool(ctx.r.forces_re.match(ctx.text, b, b + 20)) or \
            _men_of(ctx, a)  # "battalions from the junta's LID 33 retook X"
    acronym = _ACRONYM_AFTER.match(ctx.text, b, b + 16)  # "Ta'ang ... Army (TNLA)-held"
    held_from = acronym.end() if acronym else b + (ctx.text[b:b + 1] == ")")
    if ctx.r.holder_re.match(ctx.text, held_from, held_from + 12) or \
            OWNER_OF_SITE.match(ctx.text, b):
        return False  # "junta-held", "a militia camp", "the military council camp"
    if _APPOSITIVE_LEAD.search(before) and _APPOSITIVE_TAIL.match(ctx.text, b, b + 40):
        return False  # "the MNDAA, a TNLA ally, has seized": the ally is not the subject
    if _men_of(ctx, a):
        return True  # "the joint forces of the KIA and KPDF captured", "a large number of
        # junta troops entered" (not "fighting against the forces of the junta")
    if _AGENT_OF_PLACE.search(ctx.masked, max(0, a - 80), a):
        return False  # "towns seized by the TNLA, DPLA and PDF": the places' takers
    if _DEED_BY.fullmatch(ctx.text, sentence_of(ctx, a)[0], a):
        return True  # "An offensive by the MNDAA captured X": its doer
    return not ctx.r.target_lead_re.search(ctx.masked, max(0, a - 25), a)


def _owned_site(ctx: Context, b: int) -> bool:
    """Whether an owner's "'s" ending at ``b`` + 2 is followed by a base or camp read as a
    place ("the junta's base near X", "the BGF's Battalion 1001 headquarters"; not "the
    junta's LIB 438 retook X": the unit's men)."""
    k = bisect_left(ctx.loc_starts, b)
    if k >= len(ctx.locs) or ctx.locs[k].start > b + 4:
        return False
    loc = ctx.locs[k]
    return bool(loc.site) or (loc.place is not None and loc.place.kind == "military base"
                              and BASE_WORD.match(ctx.text, loc.end) is not None)



def _men_of(ctx: Context, a: int) -> bool:
    """Whether the actor at ``a`` is named as the owner of the men who act: "the joint
    forces of (the KIA)", "battalions from (the junta's LID 33)", "hundreds of (TNLA
    fighters)"; not the men a verb or preposition targets ("fighting against the forces
    of the junta")."""
    men = _FORCES_OF.search(ctx.text, max(0, a - 45), a) or \
        _COUNT_OF.search(ctx.text, max(0, a - 25), a)
    return men is not None and not ctx.r.target_lead_re.search(
        ctx.masked, max(0, men.start() - 25), men.start())


#: A deed that opens its sentence, up to its doer: "An offensive by (the MNDAA captured
#: X)", "A joint operation by (the KIA and PDF overran ...)".
_DEED_BY = re.compile(r"[\s\"“]*(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:offensive|attack|assault|"
                      r"operation|push|advance|campaign|raid)\s+by\s+(?:the\s+)?",
                      re.IGNORECASE)
#: A passive participle's agent list up to an actor: "towns (temporarily) seized by the
#: TNLA, DPLA and"; the actors named there describe a noun and are no clause's subject.
_AGENT_OF_PLACE = re.compile(
    r"\b(?:seized|captured|taken|held|controlled|occupied|overrun|overran|retaken|"
    r"liberated|attacked)\s+by\s+(?:the\s+)?(?:[A-Z][\w'’()-]*(?:\s*,|\s+and|\s+&)?\s+"
    r"(?:the\s+|and\s+)?){0,6}$")
#: After a noun phrase's place, its agent: "(the capture of X) by", "(of X) last week by".
_NOUN_AGENT = re.compile(r"[\s\x00-\x08]*(?:(?:last|this|on|in)\s+\w+\s+)?by\s+",
                         re.IGNORECASE)
#: Right after a participle: "by" and its agent ("outposts seized by the KIA").
_BY = re.compile(r"\s+by\s+", re.IGNORECASE)
#: Between "by" and its agent: an article, a place or two words of the agent's name.
_AGENT_LEAD = re.compile(r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}")


def _named_from(ctx: Context, a: int) -> int:
    """Where the actor mention at ``a`` is first named: the start of the full name before
    it when the mention is an acronym in brackets ("the Mandalay People's Defense Force
    (MDY PDF)"), else ``a``."""
    named = _NAME_BEFORE_ACRONYM.search(ctx.text, max(0, a - 80), a)
    return named.start() if named is not None else a


#: A full name and the bracket opening its acronym, just before the acronym.
_NAME_BEFORE_ACRONYM = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,6}\($")
_ACRONYM_AFTER = re.compile(r"\s*\([\w'’-]{2,10}\)")
#: An actor inside an appositive: ", a TNLA ally," / ", another KIA partner,".
_APPOSITIVE_LEAD = re.compile(r",\s+(?:a|an|another|its|their|fellow)\s+(?:[\w-]+\s+){0,2}$")
_APPOSITIVE_TAIL = re.compile(r"[\w\s'’-]{0,30},")


def actor_of(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int],
           objects: list[tuple[Mention, int, str]]) -> tuple[str, str]:
    """(actor, confidence note) for a trigger."""
    repelled = _REPELLED.search(ctx.masked, max(sentence[0], t0 - 30), t0) \
        if spec.event_type == "assault" else None
    if repelled is not None and not _actors_between(ctx, repelled.start(), t1):
        defender = _actor_of(ctx, t0, t1, spec, sentence, objects)[0]  # "the junta repelled
        return (opponent(ctx, defender, sentence), "inferred_actor") if defender else \
            ("", "")  # attacks on X": the attackers are the other side ("repelled a KIA
    actor, note = _actor_of(ctx, t0, t1, spec, sentence, objects)  # attack": the KIA's)
    if actor and spec.object == "after" and spec.event_type in ("capture", "assault") and \
            actor == _site_owner(ctx, t1, objects[0][0].start):
        return opponent(ctx, actor, sentence), "inferred_actor"  # "attacking a KIA
    return actor, note  # checkpoint": not the KIA


#: After a participle: the side it was taken from ("recaptured from the TNLA").
_FROM_LOSER = re.compile(r"\s+from\s+(?:the\s+)?", re.IGNORECASE)


def _site_owner(ctx: Context, t1: int, place: int) -> str:
    """The actor named as the owner of the site a phrase takes or attacks ("a KIA
    checkpoint in X", "the junta's camp"), else ""."""
    for a, b, canon in _actors_between(ctx, t1, place):
        owns = OWNER_OF_SITE.match(ctx.text, b)  # "a KIA checkpoint", "the junta's camp"
        if owns and (not ctx.masked[t1:a].strip(" ,") or _ARTICLE.fullmatch(ctx.masked, t1, a)):
            return canon
    return ""


_ARTICLE = re.compile(r"\s*(?:the|a|an|one|two|three|several)\s+", re.IGNORECASE)


#: Before an attack noun: the subject fought the attack off ("repelled attacks on X").
_REPELLED = re.compile(r"\b(?:repelled|repulsed|repel|repulse|fended\s+off|fought\s+off|"
                       r"beat\s+back|beaten\s+back|thwarted|foiled)\s+(?:an?\s+|the\s+|"
                       r"several\s+|repeated\s+|[\w'’-]+\s+){0,2}$", re.IGNORECASE)


def _actor_of(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int],
              objects: list[tuple[Mention, int, str]]) -> tuple[str, str]:
    if spec.appositive and (m := _FROM_LOSER.match(ctx.masked, t1)):
        after = _actors_between(ctx, m.end(), min(sentence[1], m.end() + 60))
        if after and after[0][0] == m.end():  # "X, a town taken from the TNLA": the
            return opponent(ctx, after[0][2], sentence), "inferred_actor"  # other side
    if spec.actor == "phrase":
        inside = _actors_between(ctx, t0, t1)
        if inside:
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
        while k > 0 and _COORDINATED.fullmatch(ctx.text, before[k - 1][1], before[k][0]):
            k -= 1
        return before[k][2], ""
    if spec.actor == "recipient":  # "handed X over to the TNLA"
        taker = _recipient(ctx, objects, sentence) or (
            _to_actor_after(ctx, t1, sentence) if spec.object == "before" else "")
        if taker:
            return taker, ""
        loser = _subject_actor(ctx, t0, t1, spec, sentence, objects)[0]  # no "to": taken from
        return (opponent(ctx, loser, sentence), "inferred_actor") if loser else ("", "")
    if spec.actor == "opponent":  # "the junta lost X": taken by the other side
        return _taker_from_loser(ctx, t0, t1, spec, sentence, objects)
    if spec.noun:  # "the KIA's capture of X"; "the regime's loss of X": the other side's
        own = _actors_between(ctx, max(sentence[0], t0 - 40), t0)
        loss = _loss_noun(ctx, t0)
        if own and _POSSESSIVE_LEAD.fullmatch(ctx.text, own[-1][1], t0):
            if not loss:
                return own[-1][2], ""
            taker = _recipient(ctx, objects, sentence)
            if taker:
                return taker, ""
            return opponent(ctx, own[-1][2], sentence), "inferred_actor"
        if loss:  # "the fall of X to the TNLA"
            taker = _recipient(ctx, objects, sentence)
            if taker:
                return taker, ""
        comma = ctx.text.find(",", objects[-1][0].end, sentence[1])
        if _FRONTED_NOUN.fullmatch(ctx.text, sentence[0], t0) and comma > 0 \
                and next(iter_actors(ctx, t1, comma), None) is None:
            after = _first_subject(ctx, comma, min(sentence[1], comma + 80))  # "With the
            if after and not loss:  # capture of X on 8 January, the KIA controls ...":
                return after, "inferred_actor"  # the KIA's
            if after and _LOSS_OF.match(ctx.text, t0):  # "Following the loss of X in
                taker = opponent(ctx, after, sentence)  # September, junta battalions
                return taker, ("inferred_actor" if taker else "")  # moved ...": the
                # junta lost it (not "After the fall of X, the junta bombed the town")
        its = _ITS.search(ctx.text, max(sentence[0], t0 - 8), t0)
        if its:  # "completed its capture
            owner = _first_subject(ctx, max(sentence[0], t0 - 120), t0, reverse=True)  # of X"
            if not owner and _FRONTED_NOUN.fullmatch(ctx.text, sentence[0], its.start()) and \
                    comma > 0:  # "Following their capture of X and Y, the TNLA ...": the
                owner = _first_subject(ctx, comma, min(sentence[1], comma + 80))  # TNLA's
            if owner:
                return (opponent(ctx, owner, sentence), "inferred_actor") if loss else \
                    (owner, "")
    if spec.object == "before" and ctx.text[t0:t1].casefold().endswith(" to"):
        taker = _to_actor_after(ctx, t1 - 2, sentence)
        if taker:
            return taker, ""  # "was handed back to the junta by the MNDAA": the junta
    if spec.object == "before" or spec.noun:
        tail_end = min(sentence[1], t1 + 100)
        m = ctx.r.passive_re.match(ctx.masked[t1:tail_end])  # dates masked: "seized on
        if m:  # August 25 by the KIA"
            after = _actors_between(ctx, t1, tail_end)
            if after and _AGENT_LEAD.fullmatch(ctx.text, t1 + m.end(),
                                               _named_from(ctx, after[0][0])):
                return after[0][2], ""  # "by the (Mandalay) People's Defense Force"
            if unnamed_subject(ctx, t1 + m.end(), t1 + m.end() + 30):
                return "", ""  # "seized by opposition fighters": a side, no group named
        if spec.noun and spec.object == "after":  # "the capture of X by the TNLA"
            end = objects[-1][0].end
            by = _NOUN_AGENT.match(ctx.masked, end, min(sentence[1], end + 40))
            after = _actors_between(ctx, by.end(), min(sentence[1], by.end() + 60)) \
                if by else []
            if after and _AGENT_LEAD.fullmatch(ctx.text, by.end(),
                                               _named_from(ctx, after[0][0])):
                return after[0][2], ""
        if spec.noun:
            return _announcer(ctx, t0, sentence)
    if spec.object == "after" and not spec.noun and (by := _BY.match(ctx.masked, t1)):
        # "towns captured by the TNLA include X": the participle's agent
        after = _actors_between(ctx, by.end(), min(sentence[1], by.end() + 60))
        if after and _AGENT_LEAD.fullmatch(ctx.text, by.end(), _named_from(ctx, after[0][0])):
            return after[0][2], ""
    inside = _actors_between(ctx, t0, t1)
    if inside and inside[0][0] == t0:  # "the KIA now controls X": the phrase opens with it
        return inside[0][2], ""
    participle = _participle_subject(ctx, t0, t1, sentence)
    if participle:  # "The KIA attacked junta troops, capturing X": the KIA's, not theirs
        return participle, ""
    before = _actors_between(ctx, max(sentence[0], t0 - 100), t0)
    if spec.object == "after" and before and _WHICH_ACTOR.fullmatch(ctx.text, before[-1][1],
                                                                   t0):
        return before[-1][2], ""  # "in the hands of the KIA, which took it on Tuesday"
    if spec.object == "before" and _WHICH_FELL.search(ctx.text, max(sentence[0], t0 - 30),
                                                      t0):
        return _to_actor_after(ctx, t1, sentence), ""  # "troops were defending Bhamo,
        # including Mansi, which fell in January": not the main clause's subject ("which
        # was handed back to the junta": the junta)
    return _subject_actor(ctx, t0, t1, spec, sentence, objects)


def _participle_subject(ctx: Context, t0: int, t1: int, sentence: tuple[int, int]) -> str:
    """For a phrase opening a participle clause after a comma ("..., capturing X"), the
    main clause's subject: the first subject in the sentence, after an opening subordinate
    clause ("After the army shelled Laiza, the KIA ..."); "" for another phrase."""
    lead = _PARTICIPLE_LEAD.search(ctx.masked, max(sentence[0], t0 - 30), t0)
    if lead is None or not ctx.text[t0:t1].split()[0].casefold().endswith("ing"):
        return ""
    start = sentence[0]
    opening = _OPENING_CLAUSE.match(ctx.text, sentence[0], lead.start())
    if opening:
        start = opening.end()
    first = next((x for x in iter_actors(ctx, start, lead.start())
                  if _is_subject(ctx, x[0], x[1])), None)
    they = next((m for m in _THEY.finditer(ctx.masked, start, first[0] if first else
                                          lead.start())
                 if not ctx.r.reporting_word_re.match(ctx.masked,
                                                      _ADVERB.match(ctx.masked, m.end()).end())),
                None)  # "they" as a clause's subject, not the teller of "they said"
    if they is not None:  # "they enlisted allies and used the PDF as a shield, taking X":
        prev = previous_sentence(ctx, sentence)  # the group the pronoun stands for
        return _first_subject(ctx, prev[0], prev[1]) if prev is not None else ""
    return first[2] if first else ""


#: A comma, perhaps an adverb, then the phrase: a participle clause ("..., capturing X").
_PARTICIPLE_LEAD = re.compile(r",\s*(?:(?:also|then|later|eventually|finally|temporarily|"
                              r"briefly|effectively|successfully|quickly|thereby)\s+)?$",
                              re.IGNORECASE)
_THEY = re.compile(r"(?<![\w'’])they\b", re.IGNORECASE)
_ADVERB = re.compile(r"\s+(?:\w+ly\s+)?")
#: A sentence opening with a subordinate clause, up to its comma.
_OPENING_CLAUSE = re.compile(r"\s*[\"“]?(?:After|When|As|While|Following|Since|Before|"
                             r"Although|Though|Despite|Amid|With|Once|Having)\b[^,]*,")


#: A relative clause whose place is its subject, up to the phrase: "Mansi, which (had)
#: (already) fell/was captured".
_WHICH_FELL = re.compile(r",\s*(?:which|that)\s+(?:(?:has|had|have|was|were|been|then|later|"
                         r"also|reportedly|already|eventually|finally|itself)\s+){0,3}$",
                         re.IGNORECASE)
#: Between an actor and a phrase: a relative clause with the actor as its subject.
_WHICH_ACTOR = re.compile(r"\s*,\s*(?:which|who)\s+(?:(?:has|had|have|then|later|also|"
                          r"reportedly|already|eventually|finally)\s+){0,3}",
                          re.IGNORECASE)


#: An owner's "'s" before a phrase's noun, perhaps with adjectives ("the junta's recent
#: recapture of X").
_POSSESSIVE_LEAD = re.compile(r"(?:'s|’s)\s+(?:(?:recent|latest|swift|rapid|successful|"
                              r"reported|claimed|final|eventual|earlier)\s+)?")
_FRONTED_NOUN = re.compile(r"[\s\"“]*(?:with|after|following|since|upon)\s+(?:the\s+)?",
                           re.IGNORECASE)
_ITS = re.compile(r"\b(?:its|their)\s+$", re.IGNORECASE)
#: Nouns of a taker's report of its own capture ("released photos of the capture of X").
_ANNOUNCED = re.compile(
    r"(?:(?:^|\s)(?:announced|declared|celebrated|confirmed|proclaimed|hailed|marked|"
    r"reported|released|published|claimed)|\b(?:photos|pictures|images|videos?|footage|"
    r"news|details|statement|announcement)\s+(?:of|on|about|showing|documenting|"
    r"confirming|announcing))\s+"
    r"(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
_LOSER_NOUNS = ("fall", "loss")


def _announcer(ctx: Context, t0: int, sentence: tuple[int, int]) -> tuple[str, str]:
    """"The TNLA declared the liberation of X", "the MNDAA released photos of the capture
    of X": the group reporting a capture, liberation or takeover is its taker (never for
    "the fall of" or "the loss of", which the loser reports too)."""
    noun = ctx.text[t0:t0 + 12].casefold().removeprefix("the ").lstrip()
    lead = ctx.text[max(sentence[0], t0 - 60):t0]
    if noun.startswith(_LOSER_NOUNS) or not _ANNOUNCED.search(lead):
        return "", ""
    subject = _first_subject(ctx, max(sentence[0], t0 - 120), t0, reverse=True)
    return (subject, "inferred_actor") if subject else ("", "")


#: "X's claims it had captured", "a KIA statement that it had seized": the pronoun is the
#: owner of the claim (not "said in a statement that it had": the sentence's subject).
_CLAIM_OF = re.compile(r"(?:(?:'s|’s)|(?<=\s)(?P<word>(?!(?:a|an|the|its|their|his|her|this|that|"
                       r"in|of|with|by|to|on)\s)[\w-]+))\s+(?:claims?|statements?|assertions?|"
                       r"announcements?|reports?)\s+(?:(?:said|says|stated)\s+)?(?:that\s+)?"
                       r"(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)


def _subject_actor(ctx: Context, t0: int, t1: int, spec: TriggerSpec,
                   sentence: tuple[int, int], objects: list[tuple[Mention, int, str]]
                   ) -> tuple[str, str]:
    """The clause's subject (the last subject-like actor before the phrase), else the
    speaker's group when the subject is "we" in quoted speech, else the first subject after
    the phrase, else the previous sentence's."""
    first_obj = objects[0][0].start if spec.object == "before" else t0
    claim = _CLAIM_OF.search(ctx.text, max(sentence[0], t0 - 80), t0)
    if claim is not None:  # "a militia group's claims it had captured the base": the
        end = claim.end("word") if claim.group("word") else claim.start()  # owner of the
        owner = next(iter_actors(ctx, max(sentence[0], end - 40), end, reverse=True), None)
        return (owner[2] if owner is not None and owner[1] == end else ""), ""  # claim
    generic = [g for g in ctx.unnamed_actors
               if max(sentence[0], first_obj - 30) <= g[0] < first_obj]
    if generic and spec.object == "after" and \
            next(iter_actors(ctx, generic[-1][1], first_obj), None) is None and \
            ctx.r.breaker_re.search(ctx.masked, max(sentence[0], generic[-1][0] - 12),
                                    generic[-1][0]):
        return "", ""  # "the junta lost a base as rebels seized X": the rebels, unnamed
    subject = reported_group(ctx, sentence, first_obj)
    if not subject and _we_after_named(ctx, sentence[0], first_obj):
        return quoted_speaker(ctx, sentence[0], first_obj), ""  # '"The army bombed us but
        # we took X," he said': the speaker's group, or none named; never the army
    if not subject and spec.object == "after":
        people = _clause_people(ctx, sentence[0], t0)
        if people is not None:
            return people, ""  # "after another member of the alliance seized X": theirs
        if _own_clause_subject(ctx, sentence[0], t0):
            return "", ""  # "the junta lost a town as resistance seized X": not the junta
    if not subject:
        subject = _lead_subject(ctx, sentence[0], first_obj)
        teller = _generic_told_by(ctx, sentence, first_obj, t1) if subject else ""
        if teller and (teller in ctx.r.junta_side) == (subject in ctx.r.junta_side):
            return teller, "inferred_actor"  # "Resistance forces took X, the MDY-PDF said"
    if subject and spec.event_type == "capture" and spec.object == "before" and \
            subject in ctx.r.junta_side and \
            ctx.r.speech_re is not None and \
            ctx.r.speech_re.search(ctx.masked, sentence[0], first_obj) and \
            not takes_back(ctx.text, t0, t1):
        return opponent(ctx, subject, sentence), "inferred_actor"  # "the junta said X had
        # fallen": it tells its own loss (not "said X was retaken")
    if subject and generic and spec.object == "after" and \
            ctx.r.fillers_re.fullmatch(ctx.masked, generic[-1][1], t0) and \
            (subject in ctx.r.junta_side) != (generic[-1][2] == "junta"):
        return "", ""  # "the army shelled X and rebels took Y": the rebels, of no group
        # named, took Y; the other side's group named before is another clause's subject
    if subject:
        return subject, ""
    speaker = quoted_speaker(ctx, sentence[0], first_obj)
    if speaker:
        return speaker, ""
    side = unnamed_subject(ctx, sentence[0], first_obj)
    if side:
        teller = _generic_told_by(ctx, sentence, first_obj, t1, unnamed=True)
        if teller and (teller in ctx.r.junta_side) == (side == "junta"):
            return teller, "inferred_actor"  # "Resistance forces took X, the MDY-PDF said"
        return "", ""  # "Rebel troops captured X": a subject, of no group named so far
    # after a noun phrase ("the fall of X was a blow to the junta") an actor is no agent
    after_objects = max(t1, objects[-1][0].end) if spec.object == "after" else t1
    later = "" if spec.noun or (spec.object == "before" and
                                _fronted_clause(ctx, sentence, t0, after_objects)) \
        else _first_subject(ctx, after_objects, sentence[1], taker=True)
    if later:  # not "X fell amid junta airstrikes" (the strikes' owner took nothing), nor
        # "X had fallen and 100 regime troops surrendered" (the losers)
        return later, ""
    if ctx.r.bare_forces_re.match(ctx.text, sentence[0], first_obj):
        return "", ""  # "Opposition troops attacked X": a subject of no listed group
    prev = previous_sentence(ctx, sentence)
    if prev is not None:
        x = next((x for x in iter_actors(ctx, prev[0], prev[1])
                  if _is_subject(ctx, x[0], x[1]) and not _owns_strike(ctx, x[1])), None)
        if x is not None and not ctx.r.loss_after_re.match(ctx.text, x[1], prev[1]):
            return x[2], "inferred_actor"  # not "The junta suffered a defeat. X fell."
    return "", ""


#: A subordinate clause that opens the sentence: "Since the camp was captured, ...", "The
#: day after Kawlin fell, ...".
_FRONTED_CLAUSE = re.compile(
    r"[\s\"“‘']*(?:since|after|when|once|before|until|till|while|because|although|though|"
    r"as\s+soon\s+as|as|(?:on\s+)?(?:the|a)\s+(?:day|morning|night|week|month)\s+"
    r"(?:after|before))\s[^,;:]*$", re.IGNORECASE)


def _fronted_clause(ctx: Context, sentence: tuple[int, int], t0: int, end: int) -> bool:
    """Whether a phrase with no agent ("Kawlin was captured") sits in a subordinate clause
    that opens the sentence and a comma closes it soon after (``end``): the main clause
    that follows tells what others did then ("..., the junta flew troops to Katha"), and
    its subject took nothing."""
    return _FRONTED_CLAUSE.match(ctx.text, sentence[0], t0) is not None and \
        _CLOSING_COMMA.match(ctx.text, end, sentence[1]) is not None


#: From the end of a fronted clause's phrase to the comma that closes it: a date or a few
#: words ("fell on Monday,", "was captured last week,").
_CLOSING_COMMA = re.compile(r"[^,;:.]{0,40},")


#: A clause of its own just before a phrase, its subject a noun no rule names: "as
#: resistance seized", "while local militias took" (not "as it seized", "as they had").
_OWN_CLAUSE = re.compile(
    r"(?:^|[\s,])(?:as|while|whereas|but|when)\s+"
    r"(?!(?:it|they|we|he|she|its|their|the\s+(?:town|city|base|army|military|junta|regime))\b)"
    r"((?:[A-Za-z][\w'’-]*\s+){1,3})$", re.IGNORECASE)
#: A subordinate clause whose subject is people of no group named ("after another member
#: of the alliance seized", "once resistance fighters took").
_OWN_CLAUSE_PEOPLE = re.compile(
    r"(?:^|[\s,])(?:as|while|whereas|when|after|before|once|because|since|until)\s+"
    r"((?:[\w'’-]+\s+){0,4}?(?:members?|fighters|troops|soldiers|forces|units|rebels|"
    r"insurgents|groups?|allies|ally|militants|columns)(?:\s+of\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){1,2}?)?)(?:(?:had|have|has|also|then|later|finally)\s+)?$",
    re.IGNORECASE)
_NOT_A_SUBJECT_WORD = frozenset((
    "it", "they", "we", "he", "she", "its", "their", "has", "have", "had", "was", "were",
    "is", "are", "also", "then", "finally", "later", "reportedly", "successfully", "jointly",
    "eventually", "of", "after", "before", "that", "which", "who"))


#: A phrase of taking back ("was retaken", "recaptured", "came back"): the side that
#: tells it may be its taker.
_TAKEN_BACK = re.compile(r"\bre-?(?:tak|took|captur|gain|occup|claim|conquer|seiz|enter)|"
                         r"\bback\b", re.IGNORECASE)


def takes_back(text: str, t0: int, t1: int) -> bool:
    """Whether the capture phrase ``text[t0:t1]`` tells a taking back ("retook", "the
    recapture of", "was won back")."""
    return _TAKEN_BACK.search(text, t0, t1) is not None


def _clause_people(ctx: Context, a: int, t0: int) -> str | None:
    """For a phrase opening a subordinate clause whose subject is people ("days after
    another member of the alliance seized X", "once members of the KIA took X"): the group
    they are of, "" when none is named; None for another phrase."""
    people = _OWN_CLAUSE_PEOPLE.search(ctx.text, max(a, t0 - 80), t0)
    if people is None:
        return None
    x = next(iter_actors(ctx, people.start(1), t0), None)
    if x is None:
        return ""
    if _ANOTHER.match(people.group(1)):
        # "another member of the alliance": not the member the alliance stands for here
        return "alliance" if "alliance" in ctx.text[x[0]:x[1]].casefold() else ""
    return x[2]


_ANOTHER = re.compile(r"(?:an)?other\b", re.IGNORECASE)


def _own_clause_subject(ctx: Context, a: int, t0: int) -> bool:
    """Whether the phrase at ``t0`` opens a subordinate clause with a subject of its own
    that names no listed group ("as resistance seized X"), so the main clause's subject
    is not its actor."""
    m = _OWN_CLAUSE.search(ctx.text, max(a, t0 - 60), t0)
    if m is None or next(iter_actors(ctx, m.start(1), t0), None) is not None:
        return False
    words = m.group(1).casefold().split()
    return not any(w in _NOT_A_SUBJECT_WORD or w.endswith("ing") for w in words)


def _generic_told_by(ctx: Context, sentence: tuple[int, int], first_obj: int,
                     t1: int, *, unnamed: bool = False) -> str:
    """When the clause's subject is a generic word ("Resistance forces took X") and the
    sentence names the group that tells it after the phrase ("..., the Mandalay PDF
    said"), that group; else "". ``unnamed``: the generic word named nobody before."""
    if not unnamed and not any(x[0] in ctx.generic_actors
                               for x in iter_actors(ctx, sentence[0], first_obj)):
        return ""
    for x in iter_actors(ctx, t1, sentence[1]):
        gap = _TELLER_GAP.match(ctx.text, x[1])
        if gap and ctx.r.reporting_word_re.match(ctx.text, gap.end(), gap.end() + 12):
            return x[2]
    return ""


#: Between a group and its verb of speech: a space, or its acronym ("the Mandalay
#: People's Defence Force (MDY-PDF) said").
_TELLER_GAP = re.compile(r"\s+(?:\([\w-]{2,12}\)\s+)?")


def _we_after_named(ctx: Context, a: int, t0: int) -> bool:
    """Whether, in quoted speech, "we" (or "our troops") is the subject just before ``t0``
    with a group named before it: "The military launched airstrikes but we took X"."""
    last = next(reversed(list(_FIRST_PERSON.finditer(ctx.text, a, t0))), None)
    if last is None or any(True for _ in iter_actors(ctx, last.end(), t0)) or \
            not any(True for _ in iter_actors(ctx, a, last.start())):
        return False
    para = ctx.text.rfind("\n", 0, t0) + 1
    return ctx.text.count("\u201c", para, t0) > ctx.text.count("\u201d", para, t0) or \
        ctx.text.count('"', para, t0) % 2 == 1


def unplaced_actor(ctx: Context, t0: int, spec: TriggerSpec,
                   sentence: tuple[int, int]) -> str:
    """The actor of a phrase whose place is not settled ("the KIA captured another city"):
    its subject, or, for a phrase of loss ("the junta lost a town"), the other side."""
    subject = subject_before(ctx, sentence[0], t0)
    return opponent(ctx, subject, sentence) if spec.actor == "opponent" else subject


def subject_before(ctx: Context, a: int, t0: int) -> str:
    """The last actor before ``t0`` (from ``a``) that is a clause subject, else the
    speaker's group when the subject is "we" in quoted speech, else ""."""
    return reported_group(ctx, sentence_of(ctx, t0), t0) or \
        _first_subject(ctx, a, t0, reverse=True) or quoted_speaker(ctx, a, t0)


#: "they", "we" or "our troops" as the subject just before a phrase ("said they had
#: also seized", "stating that they captured")
_GROUP_PRONOUN = re.compile(
    r"(?<![\w'’])(?:they|we|our\s+(?:[\w-]+\s+)?(?:troops|forces|fighters|soldiers|units|"
    r"men|comrades|columns?|battalions?))\s+(?:(?:had|have|has|been|also|then|later|"
    r"successfully|jointly|together|finally|first|reportedly|already|just|recently|"
    r"eventually|now|once|again)\s+){0,3}$", re.IGNORECASE)


def reported_group(ctx: Context, sentence: tuple[int, int], t0: int) -> str:
    """The group of the speaker when the subject just before ``t0`` is "they", "we" or
    "our troops" in reported speech ("a KPDF officer said they seized two camps"): a
    speaker named by group (``[speakers]`` of actors.toml) in the sentence, the last
    before the pronoun, else the first after the phrase ("..., a TNLA spokesman said");
    with none, when the sentence's speaker is "he", "she" or "the officer", the last
    named in the sentence before. "" when the sentence reports no speech or no speaker's
    group is named (never a guess)."""
    r = ctx.r
    text = ctx.text
    pronoun = _GROUP_PRONOUN.search(text, max(sentence[0], t0 - 60), t0)
    if pronoun is None or r.speech_re is None:
        return ""
    if not r.speech_re.search(text, sentence[0], sentence[1]):
        return ""
    named = list(iter_actors(ctx, sentence[0], pronoun.start()))
    before = [x for x in named if _speaker(ctx, x)]
    if before:
        return before[-1][2]
    if _SUBORDINATE_LEAD.search(ctx.text, max(sentence[0], pronoun.start() - 12),
                                pronoun.start()) and \
            any(_is_subject(ctx, x[0], x[1]) for x in named):
        return ""  # "the military bombed homes as they lost the town, a TNLA spokesman
        # said": a subordinate clause's pronoun is its main clause's subject, not the teller
        # (but in "jets bombed the road, but they captured X, a KIA officer said" the KIA)
    after = next((x for x in iter_actors(ctx, t0, sentence[1]) if _speaker(ctx, x)), None)
    if after is not None:
        return after[2]
    prev = previous_sentence(ctx, sentence)
    if prev is None or r.speaker_pronoun_re is None or \
            not r.speaker_pronoun_re.match(text, sentence[0], pronoun.start()):
        return ""
    if any(True for _ in iter_actors(ctx, sentence[0], pronoun.start())):
        return ""
    earlier = [x for x in iter_actors(ctx, prev[0], prev[1]) if _speaker(ctx, x)]
    return earlier[-1][2] if earlier else ""


#: A subordinating word just before a pronoun: its clause shares the main clause's subject.
_SUBORDINATE_LEAD = re.compile(r"\b(?:as|after|when|while|because|since|before|until|once)"
                               r"\s+$", re.IGNORECASE)


def _speaker(ctx: Context, x: tuple[int, int, str]) -> bool:
    """Whether the actor mention ``x`` names a speaker's group ("a KIA officer", "the
    TNLA's spokesperson", "a spokesman for the MNDAA")."""
    r = ctx.r
    if r.speaker_after_re is None or r.speaker_before_re is None:
        return False
    return bool(r.speaker_after_re.match(ctx.text, x[1], x[1] + 40)
                or r.speaker_before_re.search(ctx.text, max(0, x[0] - 40), x[0]))


_FIRST_PERSON = re.compile(
    r"\b(?:we|us|our\s+(?:[\w-]+\s+)?(?:troops|forces|fighters|soldiers|army|units|men|"
    r"comrades|columns?|battalions?|brigades?|group))\b", re.IGNORECASE)
#: How far (characters) a quotation's attribution is looked for, after its closing mark
#: ("..." said the TNLA officer) or before its opening one (a KIA spokesman said: "...").
_ATTRIBUTION = 160
_SENTENCE_END = re.compile(r"[.!?\n]")
#: How far (characters) before a quotation a speaker the attribution names only as "the
#: source" or "he" is looked for ("a KIA frontline source confirmed. ... 'We took the
#: village,' the source said").
_SPEAKER_REACH = 400


def first_person_quoted(ctx: Context, a: int, t0: int) -> int:
    """Where the quotation opens whose subject just before ``t0`` (from ``a``) is the first
    person ("we captured", "our troops seized"); -1 when the subject is not so quoted."""
    text = ctx.text
    last = -1
    for m in _FIRST_PERSON.finditer(text, a, t0):
        last = m.end()
    if last < 0 or any(True for _ in iter_actors(ctx, last, t0)):
        return -1
    para = text.rfind("\n", 0, t0) + 1
    opened = max(text.rfind("\u201c", para, t0), -1)
    if opened < text.rfind("\u201d", para, t0):
        opened = -1
    if opened < 0 and text.count('"', para, t0) % 2 == 1:
        opened = text.rfind('"', para, t0)
    return opened


def speaker_of_no_group(ctx: Context, a: int, t0: int) -> bool:
    """Whether the phrase at ``t0`` has a first-person subject in a quotation whose
    attribution names a speaker of no group ('"Our forces took the town," a resident
    said'): its actor is no other group's named nearby."""
    if first_person_quoted(ctx, a, t0) < 0 or quoted_speaker(ctx, a, t0):
        return False
    span = _attribution(ctx, t0)  # none: a quotation cut off
    return span is not None and ctx.r.speech_re is not None and \
        ctx.r.speech_re.search(ctx.text, *span) is not None  # or never attributed


def _attribution(ctx: Context, t0: int) -> tuple[int, int] | None:
    """Where the attribution of the quotation holding ``t0`` may stand: from its closing
    mark to the end of that sentence, at most ``_ATTRIBUTION`` characters ('...," said a
    KIA spokesman.'); None when the quotation does not close."""
    closes = [c for c in (ctx.text.find("\u201d", t0), ctx.text.find('"', t0)) if c >= 0]
    if not closes:
        return None
    close = min(closes) + 1
    end = _SENTENCE_END.search(ctx.text, close, close + _ATTRIBUTION)
    return close, (end.start() if end else close + _ATTRIBUTION)


def quoted_speaker(ctx: Context, a: int, t0: int) -> str:
    """The group of the speaker of the quotation holding ``t0`` when its subject is the
    first person ("we captured", "our troops seized") between ``a`` and ``t0``: the first
    actor of the attribution after the quotation ('..." said a KIA spokesman'), else the
    last one just before it ('A TNLA officer said: "...'); "" when not quoted or unsaid."""
    text = ctx.text
    opened = first_person_quoted(ctx, a, t0)
    if opened < 0:
        return ""
    para = text.rfind("\n", 0, t0) + 1
    span = _attribution(ctx, t0)
    if span is not None:
        close = span[0]
        tail = next(iter_actors(ctx, *span), None)
        if tail is not None:
            return tail[2]
        if ctx.r.speaker_pronoun_re is not None and \
                ctx.r.speaker_pronoun_re.match(text, close):  # '...," the source said':
            told = next((x for x in iter_actors(ctx, max(0, opened - _SPEAKER_REACH), opened,
                                                reverse=True) if _speaker(ctx, x)), None)
            if told is not None:  # the speaker introduced before ("a KIA frontline
                return told[2]  # source confirmed")
    head = next((x for x in iter_actors(ctx, max(para, opened - _ATTRIBUTION), opened,
                                        reverse=True)
                 if _speaker(ctx, x) or _is_subject(ctx, x[0], x[1])), None)
    return head[2] if head is not None else ""  # not "a junta base" before the quote


_RECIPIENT = re.compile(r"\bto\s+(?:the\s+)?$")


def _recipient(ctx: Context, objects: list[tuple[Mention, int, str]],
               sentence: tuple[int, int]) -> str:
    """The actor a place went to: "lost X to the MNDAA", "the fall of X to the KIA" (the
    first actor after the last place, within 80 characters, led by "to"), else ""."""
    end = objects[-1][0].end
    for a, _b, canon in iter_actors(ctx, end, min(sentence[1], end + 80)):
        if _RECIPIENT.search(ctx.text, max(end, a - 12), a) and \
                not _OTHER_CLAUSE.search(ctx.text, end, a):
            return canon
        break
    return ""


def _to_actor_after(ctx: Context, t1: int, sentence: tuple[int, int]) -> str:
    """The actor just after a phrase ending at ``t1`` when "to" leads it ("X, which was
    handed back to the junta"), else ""."""
    taker = next(iter_actors(ctx, t1, min(sentence[1], t1 + 40)), None)
    if taker is None or not _RECIPIENT.search(ctx.text, max(t1, taker[0] - 12), taker[0]):
        return ""
    return taker[2]


#: Between a place and "to ACTOR": a verb or a conjunction, so the actor belongs to
#: another clause ("the fall of X was a blow to the junta", "X, and a blow to the army").
_OTHER_CLAUSE = re.compile(r"\b(?:was|were|is|are|has|have|had|been|being|marks?|marked|"
                           r"deals?|dealt|came|comes|as|and|but|which|that|blow)\b",
                           re.IGNORECASE)


#: The noun of a loss that is its subject's own ("the loss of X", not "the fall of X").
_LOSS_OF = re.compile(r"(?:the\s+)?loss\s+of\b", re.IGNORECASE)


def _loss_noun(ctx: Context, t0: int) -> bool:
    """Whether the noun phrase at ``t0`` names a loss ("the loss of", "the fall of"):
    its possessor lost the place ("the regime's loss of X")."""
    noun = ctx.text[t0:t0 + 12].casefold().removeprefix("the ").lstrip()
    return noun.startswith(_LOSER_NOUNS)


def _taker_from_loser(ctx: Context, t0: int, t1: int, spec: TriggerSpec,
                      sentence: tuple[int, int], objects: list[tuple[Mention, int, str]]
                      ) -> tuple[str, str]:
    """(actor, note) for a phrase naming who lost the place: the actor after "to" ("lost X
    to the TNLA"), else the loser's other side (:func:`_opponent`). The loser is the actor
    inside the phrase ("the army was driven out of X", "X fell out of the junta's hands"),
    else the clause's subject, else, for a subject with no name ("since losing X", "after
    it lost X"), the last actor named before the phrase in its sentence."""
    taker = _recipient(ctx, objects, sentence)
    if taker:
        return taker, ""
    inside = _actors_between(ctx, t0, t1)
    loser = inside[0][2] if inside else _loser(ctx, t0, t1, spec, sentence, objects)
    if not loser:
        return "", ""
    return opponent(ctx, loser, sentence), "inferred_actor"


_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they)\s+(?:had\s+|has\s+|have\s+)?$", re.IGNORECASE)


def _loser(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int],
           objects: list[tuple[Mention, int, str]]) -> str:
    """Who lost the place of a loss phrase with no actor inside: the clause's subject
    (named, or "we" in quoted speech), else the last actor named before the phrase in its
    sentence ("the junta's command, since losing X"), else the first subject after it
    ("after losing X, the junta ..."), else, for "it"/"they" just before the phrase, the
    previous sentence's subject; "" otherwise ("troops withdrew from X": nobody named)."""
    first_obj = objects[0][0].start if spec.object == "before" else t0
    if spec.garrison and army_unit_garrison(ctx, first_obj, sentence):
        return "junta"  # "Light Infantry Battalion 424 troops at X retreated": the army's
    who = _RELATIVE_BEFORE.search(ctx.text, max(sentence[0], t0 - 20), t0)
    if who is not None:  # "clashes between KIA forces and BGF troops who retreated from
        near = _actors_between(ctx, max(sentence[0], who.start() - 40), who.start())  # X"
        if near and ctx.r.men_gap_re.fullmatch(ctx.text, near[-1][1], who.start()):
            return near[-1][2]
    loser = reported_group(ctx, sentence, first_obj) or \
        _lead_subject(ctx, sentence[0], first_obj) or \
        quoted_speaker(ctx, sentence[0], first_obj)
    if loser or unnamed_subject(ctx, sentence[0], first_obj):
        return loser
    before = _actors_between(ctx, sentence[0], first_obj)
    if before:
        return before[-1][2]
    later = _first_subject(ctx, t1, sentence[1])
    if later:
        return later
    prev = previous_sentence(ctx, sentence)
    if prev is not None and _PRONOUN_SUBJECT.search(ctx.text, sentence[0], t0):
        return _first_subject(ctx, prev[0], prev[1])
    return ""


#: Just before a phrase, a relative pronoun: its subject is the noun before it.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|that)\s+(?:had\s+|have\s+|has\s+)?$", re.IGNORECASE)


def opponent(ctx: Context, loser: str, sentence: tuple[int, int]) -> str:
    """Who took a place ``loser`` lost: the junta when a group against it lost it; when
    the junta's side lost it, the last group against the junta named in this sentence or
    at most ``[generic] sentences`` before it (the side's last named actor, as for a
    generic word), else the first named in as many sentences after it (a headline's loss,
    its takers named below); "" when none is, or the loser is unknown (never a guess)."""
    junta_side = ctx.r.junta_side
    if not loser:
        return ""
    if loser not in junta_side:
        return "junta"
    first = sentence
    for _ in range(ctx.r.generic_sentences):
        prev = previous_sentence(ctx, first)
        if prev is None:
            break
        first = prev
    for x in iter_actors(ctx, first[0], sentence[1], reverse=True):
        if x[2] not in junta_side:
            return x[2]
    last = sentence  # none before: the first named after, as close ("The army lost X.
    for _ in range(ctx.r.generic_sentences):  # ... The MNDAA and TNLA had attacked X")
        nxt = next_sentence(ctx, last)
        if nxt is None:
            break
        last = nxt
    return next((x[2] for x in iter_actors(ctx, sentence[1], last[1])
                 if x[2] not in junta_side), "")


#: Between two actors named together as one subject: "the MNDAA and the TNLA", "KIA
#: Battalion 12 and the local PDF", "the KIA, along with PDF fighters,", "the alliance,
#: made up of the MNDAA, TNLA and AA,", "the KIA and its ally, the Kachin Region PDF".
#: Words that join the groups of one subject, between their names.
_JOINING_WORDS = (r"and|&|along\s+with|together\s+with|alongside|in\s+cooperation\s+with|"
                  r"jointly\s+with|with|made\s+up\s+of|comprising|consisting\s+of|"
                  r"including|which\s+(?:includes|comprises)")
_COORDINATED = re.compile(
    r"(?:\s+(?:Brigade|Battalion|Division|Regiment)(?:\s+No\.?)?\s+\d+)?"
    r"(?:\s+(?:troops|forces|fighters|soldiers|units|columns))?[\s,()]*"
    r"(?:[A-Z]{2,6}\s*,\s*){0,3}(?:[A-Z]{2,6}\s+(?=and\b))?"  # an unknown group listed too
    rf"(?:(?:{_JOINING_WORDS})\s+)?(?:(?:its|their)\s+(?:ally|allies|partners?)"
    r"\s*,?\s*)?(?:the\s+|its\s+)?(?:local\s+|allied\s+)?(?:[A-Z][\w'’-]*\s+){0,2}")


def _lead_subject(ctx: Context, a: int, b: int) -> str:
    """The clause's subject: the last subject-like actor in ``[a, b)``, or, when it is
    named with others as one subject ("KIA Battalion 12 and the Shwegu PDF launched"),
    the first of them."""
    mentions = iter_actors(ctx, a, b, reverse=True)
    for x in mentions:
        if _is_subject(ctx, x[0], x[1]) and not _closed_aside(ctx, a, x[0], x[1], b):
            head, joined = x, False
            for y in mentions:
                if not _COORDINATED.fullmatch(ctx.text, y[1], head[0]):
                    break
                joined = joined or _JOINING.search(ctx.text, y[1], head[0]) is not None
                if not joined and _OF_LEAD.search(ctx.text, max(a, y[0] - 8), y[0]):
                    break  # not "According to a commander of the TNLA, the military
                head = y  # lost X": a comma alone joins no owner's group to a subject
            return head[2]
    return ""


#: Before an actor: a preposition, so it is no subject of its own ("a commander of the
#: TNLA", "after talks with the junta").
_OF_LEAD = re.compile(r"\b(?:of|with|against|from|for)\s+(?:the\s+)?$", re.IGNORECASE)
#: A word joining the groups of one subject ("the KIA, the TNLA and the PDF").
_JOINING = re.compile(rf"(?<![\w&])(?:{_JOINING_WORDS})(?![\w])", re.IGNORECASE)


#: Before an actor: a relative clause opens ("the army advanced, an approach that the
#: TNLA did not expect, and retook X": not the TNLA).
_ASIDE_OPENS = re.compile(r",\s*(?:[\w'’-]+\s+){0,3}(?:that|which|who|whom)\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)


def _closed_aside(ctx: Context, a: int, start: int, end: int, b: int) -> bool:
    """Whether the actor at ``[start, end)`` sits in a relative clause that a comma closes
    before ``b``, after the clause's own verb (not "which the MNDAA, a TNLA ally, handed
    back": an appositive's comma)."""
    comma = ctx.masked.find(",", end, b)
    return comma > 0 and bool(ctx.masked[end:comma].strip()) and \
        bool(_ASIDE_OPENS.search(ctx.masked, max(a, start - 60), start))


def _owns_strike(ctx: Context, end: int) -> bool:
    """Whether a noun phrase of another kind than capture or assault opens right after
    the actor ending at ``end`` ("junta airstrikes", "regime shelling"): its owner (not
    "the junta shelled", a verb's subject)."""
    i = bisect_right(ctx.trigger_starts, end)
    return i < len(ctx.trigger_starts) and ctx.trigger_starts[i] - end <= 2 and \
        ctx.trigger_specs[i].event_type not in ("capture", "assault", "held") and \
        _PAST_VERB.match(ctx.text, ctx.trigger_starts[i]) is None


_PAST_VERB = re.compile(r"\w+ed\b")


def _first_subject(ctx: Context, a: int, b: int, *, reverse: bool = False,
                   taker: bool = False) -> str:
    """The first actor in ``[a, b)`` (the last, when ``reverse``) that is a subject; with
    ``taker``, one that could have taken something: not a strike's owner ("junta
    airstrikes"), nor a group losing ("100 regime troops surrendered")."""
    for x in iter_actors(ctx, a, b, reverse=reverse):
        if _is_subject(ctx, x[0], x[1]) and not (taker and (
                _owns_strike(ctx, x[1]) or ctx.r.loss_after_re.match(ctx.text, x[1], b))):
            return x[2]
    return ""


def target_of(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int],
            objects: list[tuple[Mention, int, str]], actor: str) -> str:
    if spec.event_type not in ("capture", "assault"):
        return ""
    if spec.actor == "opponent":  # "regime forces retreated from X": the loser
        inside = _actors_between(ctx, t0, t1)
        loser = inside[0][2] if inside else _loser(ctx, t0, t1, spec, sentence, objects)
        if loser and loser != actor:
            return loser
    text = ctx.text
    if spec.object == "after":
        region_end = scope_end(ctx, objects[-1][0].end, sentence)
        for a, b, canon in _actors_between(ctx, t1, region_end):
            lead = text[max(t1, a - 12):a]
            owner = ctx.r.owned_re.match(text, b, b + 12)
            if canon != actor and (owner or re.search(r"\b(?:from|against)\s+(?:the\s+)?$",
                                                      lead)):
                return canon
        tail = _actors_between(ctx, region_end, min(sentence[1], region_end + 40))
        for a, _b, canon in tail:
            if canon != actor and re.search(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+)?$",
                                            text[max(0, a - 20):a]):
                return canon
    return ""

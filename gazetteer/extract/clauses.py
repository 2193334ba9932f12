"""What a trigger phrase speaks of: its places, and the cues that cancel or weaken it.

A phrase takes the place(s) that follow it ("captured X", lists "X on 29 September, Y on
18 October and Z") or precede it ("X fell to", "X, under KIA control"). Cues in the
clause before the phrase cancel it (negation, denial, intent: "denied", "plans to", "did
not") or turn a capture into an assault (attempt: "trying to seize"; partial control:
"the outskirts of"); a capture of a share of the place ("two thirds of", "much of the
town") is an assault and a capture marked ``extent`` "partial" (contested, not taken).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from gazetteer.dates import ResolvedDate
from gazetteer.extract._context import (
    Context,
    Draft,
    cue_from,
    dates_between,
    first_match_at,
    iter_actors,
    last_match_end,
    locs_between,
    match_within,
    previous_sentence,
    scope_end,
    sentence_of,
    unnamed_subject,
)
from gazetteer.extract.matcher import TriggerSpec
from gazetteer.extract.objects import RELATIVE_LEAD, objects_of
from gazetteer.extract.places import Mention
from gazetteer.extract.roles import actor_of, subject_before, target_of
from gazetteer.extract.timing import (
    before_the_main_clause,
    date_of,
    main_clause_bound,
    present_tense,
    range_end,
    reported_date_of,
    respective_dates,
    time_of_event,
)


def events_of_trigger(ctx: Context, t0: int, t1: int, spec: TriggerSpec) -> list[Draft]:
    text = ctx.text
    sentence = sentence_of(ctx, t0)
    event_type = spec.event_type
    adjust: list[str] = []
    if spec.object == "after" and event_type == "capture" and \
            ctx.r.adjectival_re.search(text, max(0, t0 - 30), t0) and \
            next(iter_actors(ctx, t0, t1), (None,))[0] != t0:
        return []  # "the captured outpost" (not "the KIA was forced out of")
    of = _CONTROL_OF.match(text, t1) if spec.object == "before" and \
        RELATIVE_LEAD.match(text, t0) else None
    if of is not None:  # "Bhamo, where the junta took control of the airport": the airport
        spec, t1 = replace(spec, object="after", strict=True), of.end()
    if event_type == "assault" and _describes_capture(ctx, t0, sentence):
        return []  # "captured X on Tuesday after a three-week operation to retake it"
    objects, flags = objects_of(ctx, t0, t1, spec, sentence)
    if not objects:
        return []
    first = objects[0][0]
    cue_from = min(t0, first.start) if spec.object == "before" and not \
        RELATIVE_LEAD.match(ctx.text, t0) else t0  # "had yet to reach X, where the KIA
    # took control": the relative clause's own cues only
    verdict = cues_of(ctx, cue_from, t0, sentence, event_type)
    if verdict != "cancel" and (retracted(ctx, t1, sentence, event_type) or (
            (spec.noun or _gerund_subject(ctx, t0, t1, sentence))
            and _conjecture(ctx, _object_end(ctx, t1, objects[-1][0].end), sentence))):
        verdict = "cancel"
    if verdict == "cancel" or _gives_control(ctx, t1, spec, objects):
        return []
    kind = _kind(ctx, t0, t1, spec, sentence, objects, flags, verdict, cue_from)
    if kind is None:
        return []
    event_type, opened, share, downgraded = kind
    if downgraded:
        adjust.append("downgraded")
    if verdict == "claim":
        adjust.append("claim")
    actor, actor_note = actor_of(ctx, t0, t1, spec, sentence, objects)
    if opened is not None and not actor:  # "the KIA has occupied": the actor in the phrase
        actor = next((x[2] for x in iter_actors(ctx, t0, t1)), "")
    if (spec.actor == "adjacent" or (spec.noun and spec.actor == "recipient")) and not actor:
        return []  # "the return of X to normal life": no one took it
    if actor_note:
        adjust.append(actor_note)
    side = "" if actor else unnamed_subject(ctx, *sentence)
    if side:  # "seized by opposition fighters": no group named, but a side, which keeps
        adjust.append(f"side_{side}")  # another side's actor from reaching it (story)
    target = target_of(ctx, t0, t1, spec, sentence, objects, actor)
    drafts = []
    adjust_notes = tuple(adjust)
    objects = [o for o in objects if not o[0].area]
    dates = [opened] * len(objects) if opened is not None else \
        _dates_of(ctx, t0, t1, spec, sentence, objects, event_type)
    in_after_clause = before_the_main_clause(ctx, t0, sentence)
    present = event_type == "assault" and not in_after_clause and \
        present_tense(ctx, t0, t1, sentence)
    given_up_cue = ctx.r.cue.get("given_up")  # "abandoned their mission to retake X on
    given_up = given_up_cue is not None and (  # Saturday": the day it ended
        verdict == "attempt" or event_type == "assault") and given_up_cue.search(
        ctx.masked, _clause_start(ctx, t0, sentence), t0) is not None
    for (loc, _item_end, note), date in zip(objects, dates, strict=True):
        ctx.object_locs.append(loc)
        ctx.object_starts.append(sentence[0])
        notes = (*adjust, note) if note else adjust_notes
        reported = None
        if date is not None and event_type == "capture":
            date = range_end(ctx, date, sentence)
        bound = date if given_up or _after_clause(ctx, max(loc.end, t1), date) else \
            main_clause_bound(ctx, t0, sentence) if date is None else None
        if bound is not None:  # "took X following the offensive's return in June"; "gave
            # up their mission to retake X on Saturday": the day it ended
            date = None
        if date is None and event_type != "held" and bound is None and \
                not time_of_event(ctx, t0, sentence, spec) and not in_after_clause:
            date = reported = reported_date_of(ctx, t0, sentence)
        anterior = in_after_clause and not spec.noun  # not "after the fall of X", which
        # names the story's event as a time
        draft = Draft(event_type, loc, actor, target, date, (t0, t1), sentence, notes)
        draft.date_reported = reported is not None
        draft.bound, draft.anterior = bound, anterior
        draft.present = present
        if share:  # "took much of X": a partial capture, which the map reads as a contest
            draft = Draft("capture", loc, actor, target, date, (t0, t1), sentence,
                          (*notes, "partial_capture"), extent="partial")
            draft.date_reported, draft.bound = reported is not None, bound
            draft.anterior = anterior
        drafts.append(draft)
    _share_list_date(drafts)
    return drafts


def _dates_of(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int],
              objects: list[tuple[Mention, int, str]], event_type: str
              ) -> list[ResolvedDate | None]:
    """The date stated for each object of a phrase (none for a holding): its own, else the
    date after the next item that states one ("seized A, B and C on 3 May"; "retook A and
    B in April and C and D in October": A takes April, C October), else a date between the
    phrase and its first object ("captured two camps on Monday: the A camp and ...")."""
    if event_type == "held":
        return [None] * len(objects)
    paired = respective_dates(ctx, objects[-1][0].end, sentence) if len(objects) > 1 else []
    if len(paired) == len(objects):  # "took A and B on Dec. 15 and 19, respectively"
        return list(paired)
    dates = [date_of(ctx, t0, t1, loc, item_end, sentence, spec, len(objects) > 1)
             for loc, item_end, _ in objects]
    following: ResolvedDate | None = None  # the date closing the items after this one
    for n in range(len(dates) - 1, -1, -1):
        date = dates[n]
        if date is None:
            dates[n] = following
        elif date.char_start >= objects[n][0].end:
            following = date
    if not any(dates) and objects and spec.object == "after":
        ahead = dates_between(ctx, t1, objects[0][0].start)
        if ahead:
            return [ahead[0]] * len(dates)
    return dates


#: An assault told as the way to a capture: "after a three-week operation to retake it".
_AFTER_A = re.compile(r"\b(?:after|following)\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}$",
                      re.IGNORECASE)


def _describes_capture(ctx: Context, t0: int, sentence: tuple[int, int]) -> bool:
    """Whether the assault phrase at ``t0`` opens an "after a ... operation" clause that
    follows a capture in its sentence: the capture's story, no assault of its own."""
    lead = _AFTER_A.search(ctx.masked, max(sentence[0], t0 - 40), t0)
    if lead is None:
        return False
    lo = bisect_left(ctx.trigger_starts, sentence[0])
    hi = bisect_left(ctx.trigger_starts, lead.start())
    return any(ctx.trigger_specs[i].event_type == "capture" for i in range(lo, hi))


def _kind(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int],
          objects: list[tuple[Mention, int, str]], flags: dict[str, bool], verdict: str,
          cue_from: int) -> tuple[str, ResolvedDate | None, bool, bool] | None:
    """The event a phrase reports, from its cues and what follows it: (event type, the
    day a holding began when it is one, whether a share of the place was taken, whether
    a capture was downgraded to an assault); None when it reports nothing (a holding
    attempted, or past)."""
    event_type = spec.event_type
    if event_type == "held" and verdict in ("attempt",):
        return None
    # "by Monday morning X was in KIA hands": taken that day
    opened = _held_by(ctx, sentence) if event_type == "held" else None
    if opened is None and event_type == "held" and (  # a past holding, before or inside
            _past(ctx, cue_from, sentence) or ctx.r.past_re.search(ctx.masked, t0, t1)):
        opened = _opening(ctx, t0, t1, sentence)  # "had held X since 2 March": taken then
        if opened is None:
            return None  # a past holding ("the KIA had controlled X for months"): nothing
    if event_type == "capture" and _OCCUPIED.search(ctx.masked, t0, t1) and \
            _FOR_A_WHILE.match(ctx.masked, _object_end(ctx, t1, objects[-1][0].end)):
        event_type = "held"  # "has occupied X for months": a hold, not its taking
    if opened is None and event_type == "held" and not _HOLDER_ADJECTIVE.search(ctx.text, t0,
                                                                                t1):
        opened = _opening(ctx, t0, t1, sentence)  # not "an offensive on the TNLA-held X
        # since Tuesday": the date is the offensive's
    if opened is not None:  # "has occupied X since 29 March": taken that day
        event_type = "capture"
    if event_type == "assault" and _ENTERING.fullmatch(ctx.text, t0, t1) and (
            _OTHER_SIDE_LEFT.match(ctx.masked, _object_end(ctx, t1, objects[-1][0].end))
            or _defenders_left_as(ctx, sentence[0], t0)
            or _left_just_before(ctx, sentence, t0, objects[0][0])
            or _UNOPPOSED_AFTER.match(ctx.masked, _object_end(ctx, t1, objects[-1][0].end))
            or _UNOPPOSED_BEFORE.match(ctx.masked, sentence[0], t0)):
        event_type = "capture"  # "entered X following the withdrawal of the MNDAA", "the
        # defenders were forced to retreat as junta troops entered X"
    # "took much of the town", "now holds half of X": a capture of part of the place
    share = event_type in ("capture", "held") and verdict != "attempt" and \
        bool(flags.get("share")) \
        and not flags.get("facility")
    downgraded = False
    if (verdict == "attempt" or flags.get("partial")) and event_type in ("capture", "held"):
        downgraded = event_type == "capture"
        event_type = "assault"
    if event_type == "assault" and ctx.r.air_subject_re.search(
            ctx.masked, max(_clause_start(ctx, t0, sentence), t0 - 60), t0):
        event_type = "airstrike"  # "junta jets attacked Laiza": from the air, no assault
    if event_type == "assault" and ctx.r.fire_re.match(
            ctx.masked, t1 if spec.object == "before" else
            _object_end(ctx, t1, objects[-1][0].end)):
        event_type = "shelling"  # "attacked Lashio with rockets", "was attacked with drones"
    if flags.get("facility") and event_type == "capture":
        event_type, downgraded = "assault", True
    return event_type, opened, share, downgraded


#: "following", "after" opening a clause of its own after the place: what it dates is
#: the clause's event, before the one reported ("seized X following the resumption of
#: the offensive in late June").
_AFTER_WORD = re.compile(r"(?<![\w-])(?:following|after)(?![\w-])", re.IGNORECASE)


_CONTROL_OF = re.compile(r"\s+(?:of|over)\b", re.IGNORECASE)
_OCCUPIED = re.compile(r"occupied$", re.IGNORECASE)
_FOR_A_WHILE = re.compile(r"\s+for\s+(?:(?:many|several|some|a\s+few|\d+|two|three|four|"
                          r"five|six|the\s+past|the\s+last)\s+)?(?:days|weeks|months|years|"
                          r"decades|a\s+long\s+time|a\s+year|a\s+decade|long)\b", re.IGNORECASE)
_ASIDE_CLOSED = re.compile(r"[,–—)]")


def _after_clause(ctx: Context, lo: int, date: ResolvedDate | None) -> bool:
    """Whether ``date``, stated after offset ``lo`` (the place, or the phrase), belongs to
    an "after" or "following" clause between them: only a bound of the event's day."""
    if date is None or date.char_start <= lo:
        return False
    after = _AFTER_WORD.search(ctx.masked, lo, date.char_start)
    # "– three days after the truce ended – on 25 April": the aside closes before the date
    return after is not None and _ASIDE_CLOSED.search(ctx.masked, after.end(),
                                                      date.char_start) is None


#: "giving it total control of": what follows the object is given to it
_CONTROL_GIVEN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:control|command|access|charge)\b",
                            re.IGNORECASE)


def _gives_control(ctx: Context, t1: int, spec: TriggerSpec, objects: list) -> bool:
    """"Seized X, giving it control of the mines": after "give" the object is who receives
    something (control), not the place given away."""
    if spec.actor != "recipient" or not spec.strict:
        return False
    end = _object_end(ctx, t1, objects[-1][0].end)
    return bool(_CONTROL_GIVEN.match(ctx.text, end, end + 40))


def _share_list_date(drafts: list[Draft]) -> None:
    """"Attacked posts in X and Y on 2 June", "battles in X, Y and Z since June": a date
    stated after the last item of a list, where no other item has a date of its own,
    dates every item."""
    if len(drafts) < 2:
        return
    last = drafts[-1].date
    if last is None or drafts[-1].date_reported or last.char_start < drafts[-1].loc.end:
        return
    if any(d.date is not None and not d.date_reported for d in drafts[:-1]):
        return
    for d in drafts[:-1]:
        d.date, d.date_reported = last, False


#: How far back from a phrase its last few words are looked for, in characters.
_TAIL_CHARS = 240


#: A relative aside just before a phrase: "The KIA, which had been preparing for months,
#: captured X".
_ASIDE_BEFORE = re.compile(r",\s+(?:which|who|whose)\b[^,;:]{1,120},\s*$")
#: "Not yet" ends no clause ("has not yet taken X"), unlike "yet" for "but".
_NOT_YET = re.compile(r"(?:\bnot|n['’]t)\s+yet$", re.IGNORECASE)


def _clause_start(ctx: Context, a: int, sentence: tuple[int, int]) -> int:
    """Start of the clause holding position ``a`` (after the last cue breaker before it)."""
    end = last_match_end(ctx, "cue_breaker", sentence, a)
    while end is not None and _NOT_YET.search(ctx.masked, max(0, end - 12), end):
        end = last_match_end(ctx, "cue_breaker", sentence, end - 3)  # "has not yet taken"
    return sentence[0] if end is None else max(end, sentence[0])


def _tail_words(ctx: Context, start: int, t0: int, n: int, *, split_infinitive: bool = False
                ) -> str:
    """The last ``n`` words of the masked text in ``[start, t0)``, joined by spaces; with
    ``split_infinitive``, adverbs just before the phrase after "to" are left out ("to
    fully capture" reads as "to capture")."""
    lo = max(start, t0 - _TAIL_CHARS)
    words = ctx.masked[lo:t0].split()
    if lo > start and words and not ctx.masked[lo - 1].isspace():
        words = words[1:]  # a word cut by the window
    k = len(words)
    while split_infinitive and k and len(words[k - 1]) > 4 and words[k - 1].isalpha() and \
            words[k - 1].casefold().endswith("ly"):
        k -= 1
    if k < len(words) and k and words[k - 1].casefold() == "to":
        words = words[:k]
    return " ".join(words[-n:])


def cues_of(ctx: Context, a: int, t0: int, sentence: tuple[int, int], event_type: str) -> str:
    """cancel | attempt | claim | "" for the trigger at ``t0`` (clause starting before a)."""
    r = ctx.r
    start = _clause_start(ctx, a, sentence)
    if _PREPARING_FOR.search(ctx.masked, max(start, t0 - 60), t0):
        return "cancel"  # "made preparations for a swift capture of X"
    if cue_from(ctx, sentence, start, t0) is None:
        return ""  # no cue word in the clause
    aside = _ASIDE_BEFORE.search(ctx.masked, start, t0)
    if aside is not None and aside.start() > start:  # "The KIA, which had been preparing
        t0 = aside.start()  # for months, captured X": the aside's words cue nothing
    near = _tail_words(ctx, start, t0, 5)
    near3 = _tail_words(ctx, start, t0, 3, split_infinitive=True)
    if match_within(ctx, "hearsay", sentence, start, t0):
        return "cancel"
    attempt = r.cue["attempt"].search(near) or \
        _EFFORT_USING.search(ctx.masked, max(start, t0 - 90), t0)
    if attempt and before_the_main_clause(ctx, t0, sentence):
        attempt = None  # "is trying to recapture X after retaking Y": Y was taken
    negation = r.cue["negation"].search(near) or match_within(ctx, "denial", sentence, start, t0)
    if negation and not attempt:
        return "cancel"
    if attempt and event_type in ("capture", "assault", "held"):
        return "cancel" if negation or _planned_attempt(ctx, start, t0) else "attempt"
    result = _RESULT_TO.search(ctx.masked, max(start, t0 - 60), t0)
    if result is not None and r.cue["intent"].search(ctx.masked, max(start, result.start() - 30),
                                                     result.start()):
        result = None  # "would help the army to retake X": still to come
    intent = any(m.group().casefold() != "to" or (m.end() == len(near3.rstrip())
                                                  and not _TO_PREPOSITION.search(near3)
                                                  and result is None)
                 for m in r.cue["intent"].finditer(near3))
    if intent:
        to_have = re.search(r"\bto\s+have(?:\s+\w+)?\s*$", near3)
        success = "success" in r.cue and r.cue["success"].search(near)
        compelled = r.cue["compelled"].search(near) if "compelled" in r.cue else None
        if compelled and not any(m.group().casefold() != "to" for m in
                                 r.cue["intent"].finditer(near, 0, compelled.start())):
            success = True  # "was forced to hand X back" (not "could be forced to")
        if not (to_have or success):
            return "cancel"
    if match_within(ctx, "plan", sentence, start, t0) or _future(ctx, start, t0):
        return "cancel"
    if match_within(ctx, "claim", sentence, start, t0):
        return "claim"
    return ""


#: A result told with "to" ("seized the last base, allowing the KIA to take control of
#: X"): what was done let the side take the place; no intent.
_RESULT_TO = re.compile(r"\b(?:allow|allows|allowed|allowing|enable|enables|enabled|"
                        r"enabling|let|lets|letting|help|helps|helped|helping|permit|permits|"
                        r"permitted|permitting)\s+"
                        r"(?:[^\s,;.]+\s+){0,3}to\s+$", re.IGNORECASE)
#: "to" as part of a preposition ("due to the loss of X"): no infinitive of intent.
_TO_PREPOSITION = re.compile(r"\b(?:due|owing|thanks|according|prior|addition|contrary|"
                             r"compared|similar|related|opposed)\s+to\s*$", re.IGNORECASE)
#: An effort with its means before "to" ("pushing with ground troops and air strikes to
#: retake X"): an attempt, as "pushing to retake X" is.
_EFFORT_USING = re.compile(
    r"\b(?:push(?:ing|ed)?|press(?:ing|ed)?|fight(?:ing)?|fought|battl(?:ing|ed)|"
    r"striv(?:ing|ed)|struggl(?:ing|ed)|trying|tried|attempting|attempted)\s+(?:hard\s+)?"
    r"(?:with|using|backed\s+by|supported\s+by|by\s+means\s+of)\s+[^,.;:]{0,70}?\s+to\s+$",
    re.IGNORECASE)
#: Phrases of coming into a place (an assault, unless the other side had left it).
_ENTERING = re.compile(r"(?:entered|enters?|entering|moved\s+into|marched\s+into|"
                       r"rolled\s+into|drove\s+into)", re.IGNORECASE)
#: People who leave a town without holding it: their leaving hands it to nobody.
_CIVILIAN_WORDS = (r"(?:residents|villagers|civilians|people|locals|families|inhabitants|"
                   r"townspeople)")
#: Being made to leave: "had to withdraw", "were forced to pull out".
_FORCED_OUT = (r"(?:had|were\s+forced|was\s+forced|had\s+been\s+forced)\s+to\s+(?:withdraw|"
               r"pull\s+out|retreat|leave|flee|abandon)")
#: After an entered place: the other side had left it ("entered X on 22 April following
#: the withdrawal of the MNDAA", "... after KIA troops pulled out").
_OTHER_SIDE_LEFT = re.compile(
    r"[^.;:]{0,50}?\b(?:following|after|as|once|when|and)\s+(?:the\s+)?(?:(?:withdrawal|"
    r"retreat|pull-?out|departure|handover|hand-over|handing\s+over)\s+of|"
    rf"(?!(?:[\w'’()-]+\s+){{0,4}}{_CIVILIAN_WORDS}\b)"
    rf"(?:[\w'’()-]+\s+){{1,5}}(?:{_FORCED_OUT}|(?:had\s+)?"
    r"(?:withdrew|withdrawn|pulled\s+out|retreated|left|abandoned|fled|handed\s+(?:it\s+|"
    r"the\s+(?:town|city)\s+)?(?:back|over)))\b)",
    re.IGNORECASE)
#: After an entry and its place, an entry no one fought: with the other side's consent,
#: under a deal, or followed by settling in ("moved into X with the junta's consent",
#: "entered X and are occupying homes").
_UNOPPOSED_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:with\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:consent|approval|"
    r"permission|blessing)|under\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?(?:deal|agreement|"
    r"arrangement)|and\s+(?:are\s+|were\s+|have\s+been\s+|then\s+)?(?:occupying|occupied|"
    r"took\s+(?:up\s+)?positions|dug\s+in|set\s+up\s+(?:camp|positions|base)|took\s+over|"
    r"took\s+control))\b", re.IGNORECASE)
#: Before an entry, a sentence opening with the talks that allowed it ("After discussions
#: with the junta, UWSA troops entered X").
_UNOPPOSED_BEFORE = re.compile(
    r"[\s\"“]*(?:after|following)\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?:talks|discussions|"
    r"negotiations|agreement|deal)\b[^.;:]*$", re.IGNORECASE)
#: Before an entry in its sentence: the other side left as it came ("the defenders were
#: forced to retreat as junta troops entered X").
_LEFT_AS = re.compile(
    rf"\b(?:{_FORCED_OUT}(?:\s+\w+)?|withdrew|pulled\s+out|retreated|fled)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:as|when|after)\s+(?:[\w'’()-]+\s+){1,8}?$", re.IGNORECASE)
_CIVILIANS = re.compile(rf"\b{_CIVILIAN_WORDS}\b[^,;:.]{{0,30}}$", re.IGNORECASE)


def _defenders_left_as(ctx: Context, a: int, t0: int) -> bool:
    """Whether, before the entry at ``t0``, its sentence says the other side left as it
    came ("the defenders were forced to retreat as junta troops entered X"; not
    "residents fled as ...")."""
    m = _LEFT_AS.search(ctx.masked, a, t0)
    return m is not None and not _CIVILIANS.search(ctx.masked, a, m.start())


#: Leaving a town: "began to withdraw from the city", "pulled out of Hsipaw".
_LEFT_PLACE = re.compile(
    r"\b(?:withdr[ae]w|withdrawn|withdrawing|withdraw|pulled\s+out|pulling\s+out|pull\s+out|"
    r"retreated|retreating|abandoned|abandoning|fled)\s+(?:from|of)\s+(?:the\s+)?"
    r"(?P<what>city|town|[A-Z][\w'’-]*)", re.IGNORECASE)


def _left_just_before(ctx: Context, sentence: tuple[int, int], t0: int, loc: Mention
                      ) -> bool:
    """Whether the sentence before an entry into ``loc``, or its own words before the
    entry, say the other side was leaving it ("... the TNLA began to withdraw from the
    city. Now army columns have entered X"; "After the MNDAA withdrew from X, army convoys
    began entering the city")."""
    prev = previous_sentence(ctx, sentence)
    spans = ([prev] if prev is not None else []) + [(sentence[0], t0)]
    for a, b in spans:
        for m in _LEFT_PLACE.finditer(ctx.masked, a, b):
            what = m.group("what").casefold()
            if what in ("city", "town") or loc.name.casefold().startswith(what):
                return not _CIVILIANS.search(ctx.masked, max(a, m.start() - 40), m.start())
    return False


#: Just before a phrase: what is prepared for ("made preparations for a swift capture of
#: X", "are preparing for the assault on X").
_PREPARING_FOR = re.compile(r"\b(?:preparations?|prepar(?:e|es|ed|ing))\s+for\s+"
                            r"(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}$",
                            re.IGNORECASE)


def _planned_attempt(ctx: Context, start: int, t0: int) -> bool:
    """"Is preparing an offensive to retake X", "plans a push to take X": the attempt
    itself is only intended (an intent word in the three words before the attempt cue)."""
    tail = _tail_words(ctx, start, t0, 8)
    found = list(ctx.r.cue["attempt"].finditer(tail))
    if not found:
        return False
    before = " ".join(tail[:found[-1].start()].split()[-3:])
    return any(m.group().casefold() != "to" for m in ctx.r.cue["intent"].finditer(before))


#: A pronoun subject between a subordinator and its phrase ("once it captures X").
_SUBJECT_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "the", "troops", "forces"})


def _future(ctx: Context, start: int, t0: int) -> bool:
    """"The army will stop after retaking X": the phrase follows a subordinator in a clause
    that speaks of the future, so it reports nothing that has happened."""
    subs = ctx.r.cue.get("subordinators")
    future = ctx.r.cue.get("future")
    if subs is None or future is None:
        return False
    words = _tail_words(ctx, start, t0, 3).split()
    while words and words[-1].casefold() in _SUBJECT_PRONOUNS:
        words.pop()
    if not words or not subs.fullmatch(words[-1]):
        return False
    return bool(future.search(ctx.masked, start, t0))


def retracted(ctx: Context, t1: int, sentence: tuple[int, int], event_type: str = ""
               ) -> bool:
    """A denial after the phrase, in its clause ("reports that X had fallen were false"),
    or for an assault, its pause ("the push on X was halted")."""
    end = first_match_at(ctx, "cue_breaker", sentence, t1)
    end = sentence[1] if end is None else end
    return match_within(ctx, "retraction", sentence, t1, end) or (
        event_type == "assault" and match_within(ctx, "pause", sentence, t1, end))


def _object_end(ctx: Context, t1: int, end: int) -> int:
    """Where the object phrase after ``t1`` ends: the place's end, or for a reference
    standing for a place named before ("the village") the reference's own end."""
    if end > t1:
        return end
    m = ctx.r.pronoun_re.match(ctx.text, t1)
    return m.end() if m else t1


def _gerund_subject(ctx: Context, t0: int, t1: int, sentence: tuple[int, int]) -> bool:
    """"Capturing the village would ...": a phrase opening its sentence with a verb in
    -ing is the subject noun phrase, like "the capture of"."""
    return ctx.text[t0:t1].split()[0].casefold().endswith("ing") and \
        not ctx.masked[sentence[0]:t0].strip(" \n\"“'‘")


def _conjecture(ctx: Context, end: int, sentence: tuple[int, int]) -> bool:
    """"The capture of X would be the first time": a modal verb just after a noun phrase
    makes it a conjecture, not a report."""
    pattern = ctx.r.cue.get("hypothetical")
    if pattern is None:
        return False
    m = pattern.search(ctx.masked, end, min(sentence[1], end + 40))
    return bool(m and not ctx.masked[end:m.start()].strip(" ,"))


def _opening(ctx: Context, t0: int, t1: int, sentence: tuple[int, int]
             ) -> ResolvedDate | None:
    """For an occupation phrase ("has occupied", "in occupation of"), the date its
    sentence says the occupation began ("since 29 March", "from 7 March"), nearest to the
    phrase; None for another phrase or without such a date."""
    occupation = ctx.r.occupation_re
    if occupation is None or not occupation.search(ctx.text, t0, t1):
        return None
    def distance(d: ResolvedDate) -> int:
        return d.char_start - t1 if d.char_start >= t1 else t0 - d.char_end

    opening = [d for d in dates_between(ctx, sentence[0], sentence[1])
               if d.since and distance(d) <= _OPENING_REACH]
    return min(opening, key=distance) if opening else None


#: How far from its occupation phrase, in characters, the day it began may be stated: not
#: "the MNDAA-controlled city of X ..., a ceasefire from 14 July", another clause's date.
_OPENING_REACH = 80


#: "by" before a date, a clock time between them ("by 7:30 on Monday", "by 6 am today")
_BY = re.compile(r"\b[Bb]y\s+(?:the\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*"
                 r"(?:[ap]\.?m\b\.?|hours?\b|hrs\b)?\s+(?:on\s+)?)?$")


#: A holder written as an adjective: "TNLA-controlled", "(TNLA)-held".
_HOLDER_ADJECTIVE = re.compile(r"[\w)]-(?:controlled|held|occupied|administered|run|ruled|"
                               r"dominated)$", re.IGNORECASE)


def _held_by(ctx: Context, sentence: tuple[int, int]) -> ResolvedDate | None:
    """The day a past holding was reached ("by Monday morning X was in KIA hands"): a date
    of its sentence after "by"; None without one."""
    return next((d for d in dates_between(ctx, sentence[0], sentence[1])
                 if _BY.search(ctx.text, max(sentence[0], d.char_start - 24), d.char_start)
                 or ctx.text[d.char_start:d.char_start + 3].casefold() == "by "), None)


def _past(ctx: Context, a: int, sentence: tuple[int, int]) -> bool:
    near = _tail_words(ctx, _clause_start(ctx, a, sentence), a, 4)
    return bool(ctx.r.past_re.search(near))


# -- an offensive launched with no place of its own --------------------------------------------

#: "launched an offensive", "renewed its assault", "began attacks": an offensive begun.
_LAUNCHED = re.compile(
    r"\b(?:launch(?:ed|es|ing)?|renew(?:ed|s|ing)?|beg[au]n|begin(?:s|ning)?|start(?:ed|s|ing)?"
    r"|initiat(?:ed|es|ing)|mount(?:ed|s|ing)?|resum(?:ed|es|ing))\s+"
    r"(?:(?:a|an|the|its|their|his|her|fresh|new|major|renewed|heavy|joint|massive|ground|"
    r"final|full-scale|large-scale|coordinated|\w+-pronged)\s+){0,3}"
    r"(?:offensives?|assaults?|attacks?|onslaught|counter-?offensive)\b", re.IGNORECASE)


def launched_offensive(ctx: Context, t0: int, t1: int) -> bool:
    """Whether the assault phrase at ``t0`` is an offensive being launched ("renewed an
    offensive against the junta"), whatever its object."""
    sentence = sentence_of(ctx, t0)
    return bool(_LAUNCHED.search(ctx.masked, max(sentence[0], t0 - 40), t1))


#: Longest gap, in days, between an offensive launched and the event of its sentence's one
#: place for the offensive to be an assault on that place.
_OFFENSIVE_LEAD_DAYS = 60


#: "... an offensive in southern Kachin", "across northern Shan State": a campaign over a
#: region, not an assault on the one place its sentence names.
_IN_REGION = re.compile(
    r"(?:\s+(?:in|across|throughout))?\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|"
    r"(?:north|south)-?(?:east|west)(?:ern)?\s+|central\s+|upper\s+|lower\s+)?"
    r"(?:Kachin|Shan|Sagaing|Mandalay|Myanmar|Burma)\b", re.IGNORECASE)


def sentence_assault(ctx: Context, t0: int, t1: int, drafts: list[Draft]) -> Draft | None:
    """An offensive launched with no place of its own, but with its own date, in a
    sentence about one place ("X's camp was captured on 7 January, ten days after the TNLA
    launched an offensive at the end of December"; "fighting has rocked X since early July,
    when the MNDAA renewed an offensive against the junta"): an assault on that place, on
    the offensive's date. None when the sentence speaks of no place or of several, when a
    cue cancels the phrase, or when it gives the offensive no date of its own."""
    sentence = sentence_of(ctx, t0)
    if locs_between(ctx, t1, scope_end(ctx, t1, sentence)) or \
            _IN_REGION.match(ctx.masked, t1):
        return None  # "launched an offensive in Waingmaw Township / in southern Kachin":
        # where, not on what
    here = [d for d in drafts if d.sentence == sentence and d.event_type in (
        "capture", "assault", "clash") and not d.loc.area]
    if len({d.loc.name for d in here}) != 1:
        return None
    if cues_of(ctx, t0, t0, sentence, "assault") in ("cancel", "attempt") or \
            retracted(ctx, t1, sentence, "assault"):
        return None
    taken = {d.date.value for d in here if d.event_type == "capture" and d.date is not None}
    dates = [d for d in dates_between(ctx, sentence[0], sentence[1])
             if d.value not in taken]
    if not dates:
        return None
    date = min(dates, key=lambda d: d.char_start - t1 if d.char_start >= t1
               else t0 - d.char_end)
    if any(d.date is not None and d.event_type == "capture" and d.date.end < date.start
           for d in here):
        return None  # an offensive after the capture is no assault on what was taken
    if any(d.date is not None and (d.date.start - date.end).days > _OFFENSIVE_LEAD_DAYS
           for d in here):
        return None  # "... since an alliance launched an offensive in October 2023": the
        # campaign's start, long before this place's event, is background
    clause = last_match_end(ctx, "cue_breaker", sentence, t0) or sentence[0]
    actor = next((x[2] for x in iter_actors(ctx, max(clause, sentence[0]), t0,
                                            reverse=True)), "") or \
        subject_before(ctx, sentence[0], t0)
    return Draft("assault", here[0].loc, actor, "", date, (t0, t1), sentence,
                 ("sentence_place",))

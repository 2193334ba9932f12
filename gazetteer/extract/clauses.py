"""What a trigger phrase speaks of: its places, and the cues that cancel or weaken it.

A phrase takes the place(s) that follow it ("captured X", lists "X on 29 September, Y on
18 October and Z") or precede it ("X fell to", "X, under KIA control"). Cues in the
clause before the phrase cancel it (negation, denial, intent: "denied", "plans to", "did
not") or turn a capture into an assault (attempt: "trying to seize"; partial control:
"two thirds of").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from gazetteer.extract._context import (
    Context,
    Draft,
    cue_from,
    first_match_at,
    last_match_end,
    locs_between,
    match_within,
    previous_sentence,
    scope_end,
    sentence_of,
)
from gazetteer.extract.matcher import TriggerSpec
from gazetteer.extract.places import Mention
from gazetteer.extract.roles import actor_of, date_of, reported_date_of, target_of


def events_of_trigger(ctx: Context, t0: int, t1: int, spec: TriggerSpec) -> list[Draft]:
    text = ctx.text
    sentence = sentence_of(ctx, t0)
    event_type = spec.event_type
    adjust: list[str] = []
    if spec.object == "after" and event_type == "capture" and \
            ctx.r.adjectival_re.search(text, max(0, t0 - 10), t0):
        return []  # "the captured outpost"
    objects, flags = _objects(ctx, t0, t1, spec, sentence)
    if not objects:
        return []
    first = objects[0][0]
    cue_from = min(t0, first.start) if spec.object == "before" else t0
    verdict = _cues(ctx, cue_from, t0, sentence, event_type)
    if verdict != "cancel" and (_retracted(ctx, t1, sentence) or (
            spec.noun and _conjecture(ctx, objects[-1][0].end, sentence))):
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
    actor, actor_note = actor_of(ctx, t0, t1, spec, sentence, objects)
    if spec.actor == "adjacent" and not actor:
        return []
    if actor_note:
        adjust.append(actor_note)
    target = target_of(ctx, t0, t1, spec, sentence, objects, actor)
    drafts = []
    for loc, item_end, note in objects:
        if loc.area:
            continue
        ctx.object_locs.append((sentence[0], loc))
        notes = [*adjust, *([note] if note else [])]
        date = None if event_type == "held" else \
            date_of(ctx, t0, t1, loc, item_end, sentence, spec, len(objects) > 1)
        reported = None
        if date is None and event_type != "held":
            date = reported = reported_date_of(ctx, t0, sentence)
        draft = Draft(event_type, loc, actor, target, date, (t0, t1), sentence, notes)
        draft.date_reported = reported is not None
        drafts.append(draft)
    return drafts


def _objects(ctx: Context, t0: int, t1: int, spec: TriggerSpec, sentence: tuple[int, int]
             ) -> tuple[list[tuple[Mention, int, str]], dict[str, bool]]:
    """The places a trigger speaks of, with the end of each list item and a note."""
    flags: dict[str, bool] = {}
    if spec.object == "after":
        after = _locs_list(ctx, t1, sentence[1])
        first_i = None
        if after:
            ok, gap_flags = _first_gap_ok(ctx, t1, after[0].start, spec, sentence)
            flags.update(gap_flags)
            if ok:
                first_i = 0
        if first_i is None and spec.event_type == "held":
            including = re.compile(r"\bincluding\s+(?:the\s+)?").search(
                ctx.text, t1, sentence[1])
            if including:
                after = _locs_list(ctx, including.end(), sentence[1])
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
        bounds = [loc.start for loc in items[1:]] + [scope_end(ctx, items[-1].end, sentence)]
        return [(loc, end, "") for loc, end in zip(items, bounds, strict=True)], flags
    # object before the trigger
    k = bisect_left(ctx.loc_starts, t0) - 1
    if k < 0 or ctx.locs[k].start < sentence[0]:
        return [], flags
    last = ctx.locs[k]
    gap = ctx.masked[last.end:t0]
    if spec.strict:
        if not re.fullmatch(r"\s*(?:'s|’s)?\s*", gap):
            return [], flags
    elif not ctx.r.object_ok["subject"].fullmatch(gap):
        return [], flags
    items = [last]
    k -= 1
    while k >= 0 and ctx.locs[k].start >= sentence[0] and \
            ctx.r.object_ok["list"].fullmatch(ctx.masked, ctx.locs[k].end, items[-1].start):
        items.append(ctx.locs[k])
        k -= 1
    items.reverse()
    lead = ctx.text[max(sentence[0], items[0].start - 30):items[0].start]
    if ctx.r.cue["partial"].search(lead):
        flags["partial"] = True
    if spec.event_type != "held" and ctx.r.reference_re.search(lead[-14:]):
        return [], flags
    return [(loc, t0, "") for loc in items], flags


def _locs_list(ctx: Context, a: int, b: int) -> list[Mention]:
    """The places from ``a`` up to ``b`` that a list starting at the first could hold: the
    first, then each next one while the gap before it is list filler (bounded work)."""
    i = bisect_left(ctx.loc_starts, a)
    out: list[Mention] = []
    while i < len(ctx.locs) and ctx.locs[i].start < b:
        loc = ctx.locs[i]
        if out and not ctx.r.object_ok["list"].fullmatch(ctx.masked, out[-1].end, loc.start):
            out.append(loc)  # the breaking item: the caller stops there
            break
        out.append(loc)
        i += 1
    return out


def _first_gap_ok(ctx: Context, a: int, b: int, spec: TriggerSpec, sentence: tuple[int, int]
                  ) -> tuple[bool, dict[str, bool]]:
    """Whether the place at ``b`` can be the object of the phrase ending at ``a``."""
    r = ctx.r
    flags: dict[str, bool] = {}
    if b - a > spec.max_gap:
        return False, flags
    gap = ctx.masked[a:b]
    if "\n" in gap:
        return False, flags
    plain = cue_from(ctx, sentence, a, b) is None  # no breaker, cue or gap word in it
    if spec.strict:
        return bool(r.object_ok["strict"].fullmatch(gap)) and (
            plain or not (r.breaker_re.search(gap) or r.reference_re.search(gap))), flags
    if plain:
        return True, flags
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


def _antecedent(ctx: Context, t0: int, t1: int, sentence: tuple[int, int]
                ) -> tuple[Mention | None, bool]:
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
    site = word if word in ctx.r.site_references else ""
    prev = previous_sentence(ctx, sentence)
    recent = prev[0] if prev else sentence[0]
    objects = _recent_objects(ctx, recent, t0)
    candidates = objects or [loc for loc in locs_between(ctx, recent, t0)
                             if not loc.area and not _is_reference(ctx, loc)]
    if site:
        candidates = [c for c in candidates if c.site == site]
    else:
        candidates = [c for c in candidates if not c.site or word == "it"]
    if not candidates:
        return None, False
    return candidates[-1], partial is not None


def _recent_objects(ctx: Context, recent: int, t0: int) -> list[Mention]:
    """Places read as objects of triggers from ``recent`` on, before ``t0``, in order."""
    out = []
    for sentence_start, loc in reversed(ctx.object_locs):
        if sentence_start < recent:
            break
        if recent <= loc.start < t0:
            out.append(loc)
    out.reverse()
    return out


def _is_reference(ctx: Context, loc: Mention) -> bool:
    lead = ctx.masked[max(0, loc.start - 40):loc.start]
    tail = re.search(r"(\S+\s+){0,3}$", lead)
    return bool(tail and ctx.r.reference_re.search(tail.group()))


#: How far back from a phrase its last few words are looked for, in characters.
_TAIL_CHARS = 240


def _clause_start(ctx: Context, a: int, sentence: tuple[int, int]) -> int:
    """Start of the clause holding position ``a`` (after the last cue breaker before it)."""
    end = last_match_end(ctx, "cue_breaker", sentence, a)
    return sentence[0] if end is None else max(end, sentence[0])


def _tail_words(ctx: Context, start: int, t0: int, n: int) -> str:
    """The last ``n`` words of the masked text in ``[start, t0)``, joined by spaces."""
    lo = max(start, t0 - _TAIL_CHARS)
    words = ctx.masked[lo:t0].split()
    if lo > start and words and not ctx.masked[lo - 1].isspace():
        words = words[1:]  # a word cut by the window
    return " ".join(words[-n:])


def _cues(ctx: Context, a: int, t0: int, sentence: tuple[int, int], event_type: str) -> str:
    """cancel | attempt | claim | "" for the trigger at ``t0`` (clause starting before a)."""
    r = ctx.r
    start = _clause_start(ctx, a, sentence)
    if cue_from(ctx, sentence, start, t0) is None:
        return ""  # no cue word in the clause
    near = _tail_words(ctx, start, t0, 5)
    near3 = _tail_words(ctx, start, t0, 3)
    if match_within(ctx, "hearsay", sentence, start, t0):
        return "cancel"
    attempt = r.cue["attempt"].search(near)
    negation = r.cue["negation"].search(near) or match_within(ctx, "denial", sentence, start, t0)
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
    if match_within(ctx, "plan", sentence, start, t0):
        return "cancel"
    if match_within(ctx, "claim", sentence, start, t0):
        return "claim"
    return ""


def _retracted(ctx: Context, t1: int, sentence: tuple[int, int]) -> bool:
    """A denial after the phrase, in its clause ("reports that X had fallen were false")."""
    end = first_match_at(ctx, "cue_breaker", sentence, t1)
    return match_within(ctx, "retraction", sentence, t1, sentence[1] if end is None else end)


def _conjecture(ctx: Context, end: int, sentence: tuple[int, int]) -> bool:
    """"The capture of X would be the first time": a modal verb just after a noun phrase
    makes it a conjecture, not a report."""
    pattern = ctx.r.cue.get("hypothetical")
    if pattern is None:
        return False
    m = pattern.search(ctx.masked, end, min(sentence[1], end + 40))
    return bool(m and not ctx.masked[end:m.start()].strip(" ,"))


def _past(ctx: Context, a: int, sentence: tuple[int, int]) -> bool:
    near = _tail_words(ctx, _clause_start(ctx, a, sentence), a, 4)
    return bool(ctx.r.past_re.search(near))

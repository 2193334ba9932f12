"""The state shared by the steps that read one article's triggers (plumbing)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from gazetteer.articles import Article
from gazetteer.dates import ResolvedDate
from gazetteer.extract.matcher import Rules, TriggerSpec
from gazetteer.extract.places import Mention


@dataclass
class Draft:
    event_type: str
    loc: Mention
    actor: str
    target: str
    date: ResolvedDate | None
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    adjust: list[str]
    date_inherited: bool = False


@dataclass
class Context:
    text: str
    masked: str
    article: Article
    r: Rules
    sentences: list[tuple[int, int]]
    dates: list[ResolvedDate]
    locs: list[Mention]
    loc_starts: list[int]
    actors: list[tuple[int, int, str]]
    hq_owner: str
    triggers: list[tuple[int, TriggerSpec]] = field(default_factory=list)
    trigger_starts: list[int] = field(default_factory=list)
    object_locs: list[Mention] = field(default_factory=list)

def sentence_of(ctx: Context, pos: int) -> tuple[int, int]:
    i = bisect_right([s for s, _ in ctx.sentences], pos) - 1
    return ctx.sentences[max(i, 0)] if ctx.sentences else (0, len(ctx.text))


def locs_between(ctx: Context, a: int, b: int) -> list[Mention]:
    i = bisect_left(ctx.loc_starts, a)
    out = []
    while i < len(ctx.locs) and ctx.locs[i].start < b:
        out.append(ctx.locs[i])
        i += 1
    return out


def scope_end(ctx: Context, pos: int, sentence: tuple[int, int]) -> int:
    """Where the clause that began before ``pos`` ends: a breaker or the next trigger."""
    m = ctx.r.breaker_re.search(ctx.masked, pos, sentence[1])
    return min(m.start() if m else sentence[1], next_trigger(ctx, pos, sentence))


def next_trigger(ctx: Context, pos: int, sentence: tuple[int, int], *,
                  control_only: bool = False) -> int:
    """Start of the next trigger phrase after ``pos`` in the sentence, else its end."""
    i = bisect_left(ctx.trigger_starts, pos)
    for start, spec in ctx.triggers[i:]:
        if start >= sentence[1]:
            break
        if not control_only or spec.event_type in ("capture", "assault"):
            return start
    return sentence[1]


"""Quotations and the day they were said: a relative day inside a quote counts from it.

``"We took the town today," a spokesman told reporters on Wednesday`` in a Friday article
reports a capture on that Wednesday: "today", "yesterday", "this morning", "last night",
"two days ago" or a weekday inside a quotation are counted from the day its attribution
gives ("said on Monday", "told X on Tuesday", "said in a statement on 3 May"), not from the
publication day. The attribution is a reporting verb with a stated day just after the
closing mark, in the sentence where the quote ends (so a quote of two sentences is
covered), or just before the opening mark ("The KIA said on Monday: ..."). A quote
without such an attribution keeps the publication day.

Quotation marks: curly double quotes, straight double quotes paired in order within a
line, and curly single quotes whose closing mark is not an apostrophe inside a word. A
quote runs within one paragraph (a line) and at most :data:`MAX_QUOTE` characters.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from gazetteer.dates import ResolvedDate, find_dates
from gazetteer.ruledata import load_rules, trie_pattern

__all__ = ["MAX_QUOTE", "counted_from_speech", "quotations"]

#: Longest quotation considered, in characters (a few sentences); a longer run between two
#: marks is a stray mark, not a quote.
MAX_QUOTE = 800
#: Most characters between a closing mark and the attribution's date ('," Col. Naw Bu,
#: the group's spokesman, told reporters on Wednesday').
_AFTER_GAP = 120
#: Most characters between the attribution's date and an opening mark ("said on Monday:
#: ", "said in a statement on 3 May that ").
_BEFORE_GAP = 12

_DOUBLE = re.compile(r"[“”\"]")
_SINGLE_OPEN = re.compile(r"(?<![\w’'])‘")
_SINGLE_CLOSE = re.compile(r"’(?!\w)")
_MARK = re.compile(r"[“”\"‘]")  # not ’, an apostrophe as often as a closing mark
#: What may stand between an attribution's date and the quote it introduces.
_INTRODUCES = re.compile(r"[\s,:]*(?:that\s*)?[\s,:]*$", re.IGNORECASE)


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans ``(open, close)`` of the quotations in ``text``: ``open`` indexes the opening
    mark, ``close`` the character after the closing one. In text order, not nested."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        spans.extend(_double_quotes(line, line_start))
        spans.extend(_single_quotes(line, line_start, spans))
        line_start += len(line) + 1
    spans.sort()
    return spans


def _double_quotes(line: str, offset: int) -> list[tuple[int, int]]:
    out = []
    opened: int | None = None
    for m in _DOUBLE.finditer(line):
        mark = m.group()
        if opened is None:
            if mark != "”":
                opened = m.start()
        elif mark == "“":  # an unclosed quote: this one opens again
            opened = m.start()
        else:
            if m.end() - opened <= MAX_QUOTE:
                out.append((offset + opened, offset + m.end()))
            opened = None
    return out


def _single_quotes(line: str, offset: int, doubles: list[tuple[int, int]]
                   ) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while (m := _SINGLE_OPEN.search(line, pos)) is not None:
        close = _SINGLE_CLOSE.search(line, m.end())
        if close is None:
            break
        span = (offset + m.start(), offset + close.end())
        if close.end() - m.start() <= MAX_QUOTE and not any(
                a < span[0] < b for a, b in doubles):  # ‘nested’ inside a double quote
            out.append(span)
        pos = close.end()
    return out


def counted_from_speech(text: str, dates: Sequence[ResolvedDate], *,
                        sentences: Sequence[tuple[int, int]],
                        published: dt.date | None) -> list[ResolvedDate]:
    """``dates`` (from :func:`gazetteer.dates.find_dates` over ``text``) with each day
    counted from the publication day or a weekday inside a quotation counted again from
    the day the quote was said, when its attribution states that day (see the module's
    docstring). Offsets, text and kind are kept; everything else is returned as it is.

    ``sentences`` are the sentence spans of ``text``.
    """
    if published is None or not any(d.kind in ("relative", "weekday") for d in dates):
        return list(dates)
    quotes = quotations(text)
    if not quotes:
        return list(dates)
    starts = [d.char_start for d in dates]
    sentence_starts = [s for s, _ in sentences]
    out = list(dates)
    for open_at, close_at in quotes:
        inside = range(bisect_left(starts, open_at), bisect_left(starts, close_at))
        if not any(dates[k].kind in ("relative", "weekday") for k in inside):
            continue
        said = _attribution(text, dates, starts, (open_at, close_at), sentences,
                            sentence_starts)
        if said is None or said.start == published:
            continue
        for k in inside:
            if dates[k].kind in ("relative", "weekday"):
                out[k] = _recounted(dates[k], said.start) or dates[k]
    return out


def _attribution(text: str, dates: Sequence[ResolvedDate], starts: list[int],
                 quote: tuple[int, int], sentences: Sequence[tuple[int, int]],
                 sentence_starts: list[int]) -> ResolvedDate | None:
    """The day a quotation was said: a day-precise date just after a reporting verb,
    right after the quote in the sentence where it ends, else right before it."""
    open_at, close_at = quote
    k = bisect_left(starts, close_at)
    if sentences:
        end = sentences[max(bisect_right(sentence_starts, close_at - 1) - 1, 0)][1]
    else:
        end = len(text)
    if k < len(dates) and dates[k].char_start < min(end, close_at + _AFTER_GAP):
        d = dates[k]
        if _said(text, d, close_at) and not _MARK.search(text, close_at,
                                                                     d.char_start):
            return d if d.precision == "day" else None
    k = bisect_left(starts, open_at) - 1
    if k >= 0:
        d = dates[k]
        if d.char_end <= open_at and open_at - d.char_end <= _BEFORE_GAP and \
                _INTRODUCES.match(text[d.char_end:open_at]) and _said(text, d, 0):
            return d if d.precision == "day" else None
    return None


def _said(text: str, d: ResolvedDate, lo: int) -> bool:
    """Whether a reporting verb stands a few words before date ``d`` ("told reporters
    on", "said in a statement on"), after offset ``lo``."""
    return _reporting().search(text, max(lo, d.char_start - 80), d.char_start) is not None


@lru_cache(maxsize=1)
def _reporting() -> re.Pattern[str]:
    """A reporting verb (``[clauses] reporting`` of events.toml), then at most
    ``_VERB_WORDS`` words up to the end of the searched span."""
    words = load_rules("events.toml")["clauses"].get("reporting", ["said"])
    return re.compile(rf"(?<![\w'’]){trie_pattern(w.casefold() for w in words)}(?![\w])"
                      rf"(?:\s+(?!{_CLAUSE_WORDS}\b)[\w'’.-]+){{0,{_VERB_WORDS}}}\s*$",
                      re.IGNORECASE)


#: Most words between an attribution's reporting verb and its date ("said in a statement
#: on", "said during a press conference in Lashio on"); no comma among them ("said,
#: adding that talks began on Friday": that day is another clause's).
_VERB_WORDS = 7
#: Words that open another clause between the verb and a date ("said that the army left
#: on Friday", "told reporters as fighting resumed on Sunday").
_CLAUSE_WORDS = r"(?:that|and|but|as|after|before|when|while|which|who|where|since|if)"


def _recounted(d: ResolvedDate, said: dt.date) -> ResolvedDate | None:
    """``d``'s words counted from ``said`` instead of the publication day."""
    again = find_dates(d.text, published=said)
    if len(again) != 1 or again[0].kind != d.kind:
        return None
    x = again[0]
    return ResolvedDate(x.value, x.precision, x.start, x.end, d.text, d.char_start,
                        d.char_end, d.kind, d.since)

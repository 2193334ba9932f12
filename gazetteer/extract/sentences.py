"""Sentence spans of an article's text, offsets kept (the extractor's first step)."""

from __future__ import annotations

import re

from gazetteer.ruledata import load_rules

# a blank line ends a sentence; a line break too, unless the next line goes on in lower
# case ("The next\nday")
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n[ \t]*\n\s*|\n\s*+(?![a-z])")
_QUOTES = re.compile(r"[\"”’')\]]*")
_CLAUSE_CUT = re.compile(r"[;,]\s")

#: Longest sentence span, in characters. Real news sentences stay under ~450; a longer run
#: without a full stop (a list, a table flattened to text, hostile input) is cut at a clause
#: mark or a space, so that the work per trigger and every excerpt stay bounded.
MAX_SENTENCE = 600


def sentence_spans(text: str, *, abbreviations: frozenset[str] | None = None
                   ) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, whitespace trimmed, offsets kept.

    A full stop ends a sentence unless it ends a known abbreviation ("Dec.", "Gen.",
    "p.m."); a line break ends one unless the next line goes on in lower case (see
    :func:`unwrapped` for hard-wrapped text).
    A span longer than :data:`MAX_SENTENCE` characters is cut at its last ";" or ","
    (else space) before that length.
    """
    if abbreviations is None:
        abbreviations = frozenset(a.casefold() for a in
                                  load_rules("events.toml")["clauses"]["abbreviations"])
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and _abbreviation(text, m.start(), abbreviations) and \
                "\n" not in m.group():
            continue  # "6 p.m. local time" goes on; "by 6 p.m.\nBefore ..." does not
        cut = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        quote = _QUOTES.match(text, cut, m.end())
        cut = quote.end() if quote else cut
        _add_span(text, start, cut, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


#: A text is hard-wrapped (lines cut at a width, "...launched its offensive to seize" /
#: "Namhsan as a ...") when it has at least this many lines, none longer than
#: ``_WRAP_WIDTH`` characters, and most end inside a sentence (no closing mark).
_WRAP_MIN_LINES = 8
_WRAP_WIDTH = 100
_LINE_END = re.compile(r"[.!?:\"”’')\]]\s*$")


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` is hard-wrapped prose, whose single line breaks are no sentence
    ends (a blank line still is)."""
    lines = [ln for ln in text[:20000].splitlines() if ln.strip()]
    if len(lines) < _WRAP_MIN_LINES or max(len(ln) for ln in lines) > _WRAP_WIDTH:
        return False
    open_ends = sum(1 for ln in lines if not _LINE_END.search(ln))
    return open_ends * 2 > len(lines)


def unwrapped(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped prose inside a sentence made spaces
    (same length, offsets kept); a break after a short line (a heading, a paragraph's
    end) or before a list mark stays. Any other text is returned as it is."""
    if not hard_wrapped(text):
        return text
    width = max(len(ln) for ln in text[:20000].splitlines())
    out = list(text)
    for m in _SINGLE_BREAK.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if len(line.strip()) * 10 < width * 6 or _LINE_END.search(line) or \
                text[m.end():m.end() + 2].startswith(("- ", "• ", "* ")):
            continue
        out[m.start()] = " "
    return "".join(out)


_SINGLE_BREAK = re.compile(r"(?<!\n)\n(?![ \t]*\n)")


#: Longest token an abbreviation may be ("Brig.-Gen."), in characters.
_LONGEST_ABBREVIATION = 16
_TIME_ABBREVIATIONS = frozenset({"a.m.", "p.m.", "etc."})
_OPENER = re.compile(r"\s+[\"“‘']?(?:The|This|That|These|Those|It|Its|He|She|They|We|I|A|An|"
                     r"In|On|At|According|However|Meanwhile|But|Also)\b")


def _abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop at ``dot`` ends a known abbreviation ("Dec.", "Gen.")."""
    lo = max(0, dot - _LONGEST_ABBREVIATION)
    space = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot))
    if space < 0 and lo > 0:
        return False  # the token is longer than any abbreviation
    token = text[space + 1:dot + 1].casefold()
    if token not in abbreviations:
        return False
    # "at 10:00 a.m. The camp ...": a time ends the sentence when a sentence opener follows
    return not (token in _TIME_ABBREVIATIONS and _OPENER.match(text, dot + 1))


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while True:
        while start < end and text[start].isspace():
            start += 1
        if end - start <= MAX_SENTENCE:
            break
        cut = _long_cut(text, start)
        _trimmed(text, start, cut, spans)
        start = cut
    _trimmed(text, start, end, spans)


def _long_cut(text: str, start: int) -> int:
    """Where to cut an overlong span beginning at ``start``: after its last clause mark
    (else space) in the second half of the allowed length; else at the length itself."""
    lo, hi = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
    last = None
    for m in _CLAUSE_CUT.finditer(text, lo, hi):
        last = m
    if last is not None:
        return last.start() + 1
    space = max(text.rfind(" ", lo, hi), text.rfind("\n", lo, hi))
    return space if space > lo else hi


def _trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


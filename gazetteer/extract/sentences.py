"""Sentence spans of an article's text, offsets kept (the extractor's first step)."""

from __future__ import annotations

import re

from gazetteer.ruledata import load_rules

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


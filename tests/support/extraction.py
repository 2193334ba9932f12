"""Extract a sentence written for a test, checking every excerpt is its text's slice."""

from __future__ import annotations

import datetime as dt

from gazetteer.articles import Article
from gazetteer.events import Event
from gazetteer.extract import extract_article

PUB = dt.date(2024, 12, 10)  # a Tuesday


def run(text: str, published: dt.date | None = PUB) -> list[Event]:
    """The events of ``text`` published on ``published``; each excerpt checked."""
    events = extract_article(Article(file="t.txt", text=text, published=published))
    for e in events:
        assert text[e.char_start:e.char_end] == e.excerpt
    return events

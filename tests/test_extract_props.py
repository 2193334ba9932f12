"""Properties that hold for any text: excerpts are slices, nothing crashes."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.synthetic import synthetic_articles, synthetic_corpus

from gazetteer.articles import Article, article_from_text
from gazetteer.dates import find_dates
from gazetteer.extract import extract_article

# Words that make rules fire, so random texts reach the interesting code paths.
WORDS = st.sampled_from([
    "The", "KIA", "junta", "captured", "seized", "took", "control", "of", "fell", "to",
    "Bhamo", "Laiza", "Pang", "War", "(Pangwa)", "Kan Paik Ti", "Town", "Township",
    "on", "Dec.", "15", "4", "December", "2024", "Monday", "last", "week", "two",
    "thirds", "denied", "plans", "outpost", "near", "in", "Village", ",", ".", ";",
    "it", "the", "town", "KIA-controlled", "headquarters", "under", "since", "and",
    "“", "”", "\n", "  ", "<p>", "&amp;", "é", "\ufffd", "U", "Kyaw",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))
DAYS = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1),
                                     max_value=dt.date(2035, 12, 31)))
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS, DAYS)
def test_excerpt_is_always_the_sliced_text(text: str, published: dt.date | None) -> None:
    article = article_from_text("p.txt", text, published=published)
    for e in extract_article(article):
        assert article.text[e.char_start:e.char_end] == e.excerpt
        assert e.char_start <= e.highlight_start < e.highlight_end <= e.char_end
        assert 0.0 <= e.confidence <= 1.0
        assert e.date_precision in ("", "day", "month", "year")


@FAST
@given(st.binary(max_size=400))
def test_no_bytes_crash_the_loader_or_extractor(raw: bytes) -> None:
    article = article_from_text("b.txt", raw)
    extract_article(article)


@FAST
@given(TEXTS, DAYS)
def test_dates_never_crash_and_index_the_text(text: str, published: dt.date | None) -> None:
    for d in find_dates(text, published=published):
        assert text[d.char_start:d.char_end] == d.text
        assert d.start <= d.end


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_synthetic_articles_extract_cleanly(seed: int) -> None:
    for article in synthetic_articles(3, seed=seed):
        events = extract_article(article)
        assert events
        for e in events:
            assert article.text[e.char_start:e.char_end] == e.excerpt
            if e.date and e.event_type != "held":
                assert e.date <= article.published.isoformat()


def test_plain_article_object() -> None:
    article = Article("x.txt", "Momauk fell to the KIA on Dec. 1.", dt.date(2024, 12, 5))
    assert [e.place for e in extract_article(article)] == ["Momauk"]


def test_synthetic_recall_and_no_false_control_events() -> None:

    expected_total = hits = false = 0
    for article, expected in synthetic_corpus(200, seed=11):
        events = extract_article(article)
        got = {(e.event_type, e.place, e.date) for e in events}
        stated = {(x.event_type, x.place) for x in expected}
        expected_total += len(expected)
        hits += sum((x.event_type, x.place, x.date) in got for x in expected)
        false += sum((e.event_type, e.place) not in stated for e in events
                     if e.event_type in ("capture", "assault", "held"))
    assert hits / expected_total >= 0.95
    assert false == 0

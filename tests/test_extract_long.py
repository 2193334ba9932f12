"""Long and hostile texts: the whole extracts as the sum of its parts (issue 14, item 2).

Behaviour, not timing (speed is printed by tests/bench/bench_adversarial.py): a 200 KB
text made of repeated self-contained parts gives exactly the events of its parts, shifted
by their offsets; one report repeated sentence after sentence is one event; a run without
a full stop gives bounded excerpts that slice the text.
"""

from __future__ import annotations

import datetime as dt
import itertools

from gazetteer.articles import Article
from gazetteer.events import Event
from gazetteer.extract import extract_article
from gazetteer.extract.sentences import MAX_SENTENCE, sentence_spans

PUBLISHED = dt.date(2024, 12, 20)
SIZE = 200 * 1024

# Self-contained paragraphs, in our own words: each states its own dates and actors.
PARAGRAPHS = (
    "KIA captured Bhamo.",
    "The TNLA seized Kyaukme on 3 December 2024. Residents said Lashio fell to the MNDAA "
    "on 5 August 2024.",
    "Junta troops attacked Momauk on 9 December 2024, but the KIA denied that Mansi had "
    "fallen.",
)


def _key(e: Event, shift: int) -> tuple[object, ...]:
    return (e.event_type, e.place, e.date, e.date_precision, e.actor, e.target,
            e.char_start - shift, e.char_end - shift, e.excerpt, e.confidence)


def _whole_and_parts(part: str) -> None:
    unit = part + "\n\n"
    copies = SIZE // len(unit) + 1
    whole = Article("whole.txt", unit * copies, PUBLISHED)
    alone = [_key(e, 0) for e in extract_article(Article("part.txt", part, PUBLISHED))]
    assert alone, part
    expected = sorted((*k[:6], k[6] + i * len(unit), k[7] + i * len(unit), *k[8:])
                      for i in range(copies) for k in alone)
    got = sorted(_key(e, 0) for e in extract_article(whole))
    assert len(got) == len(expected) == copies * len(alone)
    assert got == expected


def test_repeated_event_sentence_is_one_event_at_its_first_mention() -> None:
    # The same report sentence after sentence is one event (REPEAT_SENTENCES), not 10,000.
    unit = PARAGRAPHS[0] + " "
    whole = Article("whole.txt", unit * (SIZE // len(unit)), PUBLISHED)
    events = extract_article(whole)
    assert [(e.event_type, e.place, e.actor, e.char_start, e.excerpt) for e in events] == \
        [("capture", "Bhamo", "KIA", 0, PARAGRAPHS[0])]


def test_the_same_report_far_apart_or_changed_is_kept() -> None:
    filler = "Rain fell. Markets opened. Schools closed. "
    text = ("The KIA seized Mansi on 4 December. Mansi was taken by the KIA on 4 December. "
            "The KIA seized Mansi on 5 December. " + filler + "On 4 December the KIA "
            "seized Mansi. The TNLA seized Mansi on 4 December. The KIA attacked Mansi on "
            "4 December.")
    events = extract_article(Article("x.txt", text, PUBLISHED))
    got = [(e.event_type, e.date, e.actor) for e in events]
    assert got == [("capture", "2024-12-04", "KIA"), ("capture", "2024-12-05", "KIA"),
                   ("capture", "2024-12-04", "KIA"), ("capture", "2024-12-04", "TNLA"),
                   ("assault", "2024-12-04", "KIA")]


def test_repeated_paragraphs_are_the_sum_of_their_parts() -> None:
    _whole_and_parts(" ".join(PARAGRAPHS[1:]))


def test_run_without_full_stop_gives_bounded_exact_excerpts() -> None:
    text = "the KIA captured Bhamo and " * (SIZE // 27)
    article = Article("run.txt", text, PUBLISHED)
    events = extract_article(article)
    assert events
    assert len(events) == 1  # one report repeated: one event
    for e in events:
        assert article.text[e.char_start:e.char_end] == e.excerpt
        assert len(e.excerpt) <= MAX_SENTENCE
        assert (e.event_type, e.place, e.actor) == ("capture", "Bhamo", "KIA")
    spans = sentence_spans(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))


def test_repeated_dates_without_publication_day_keep_their_year() -> None:
    text = "On 3 December 2024 fighting went on. " * 2000 + "The KIA seized Mansi on 4 Dec."
    events = extract_article(Article("dates.txt", text, None))
    assert [(e.place, e.date) for e in events] == [("Mansi", "2024-12-04")]

"""Extraction time per KB of text on hostile input, against normal articles (issue 14).

Each adversarial pattern is repeated to 4 KB ... 1 MB and extracted as one article; the
script prints milliseconds of CPU per KB for every size, so quadratic growth shows as a
rising column, and the worst case's ratio to a normal article's ms/KB (target: within 3x).
The normal article figure is the mean over synthetic articles (``tests/support``).
CPU time of this process (``time.process_time``), the best of a few runs, so that other
processes on a shared machine disturb the figures less. Prints figures; asserts nothing.
Run: ``PYTHONPATH=tests .venv/bin/python tests/bench/bench_adversarial.py [--max-kb N]``
(or ``make bench``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import time

from support.synthetic import synthetic_articles  # tests/ is on sys.path (run_all.py)

from gazetteer.articles import Article
from gazetteer.extract import extract_article
from gazetteer.places import Gazetteer

PUBLISHED = dt.date(2024, 12, 20)

#: name -> (repeated unit, publication date or None)
PATTERNS: dict[str, tuple[str, dt.date | None]] = {
    "one event sentence, repeated": ("KIA captured Bhamo. ", PUBLISHED),
    "one sentence without a full stop": ("the KIA captured Bhamo and ", PUBLISHED),
    "repeated dates, no publication day": ("On 3 December 2024 ", None),
    "dated events in one sentence": ("the KIA seized Mansi on 3 Dec. 2024, ", PUBLISHED),
    "varied towns, dates and actors": (
        "The TNLA captured Kyaukme on Dec. 3. Lashio fell to the MNDAA on 5 August. "
        "Junta troops attacked Bhamo on Monday, but the KIA denied that Momauk had fallen. ",
        PUBLISHED),
    "place names without triggers": ("Bhamo, Myitkyina and Lashio; ", PUBLISHED),
    "undated captures, references, sites": (
        "Kachin fighters took the camp near Sinbo. Nobody was hurt. They seized a post. "
        "The town fell. IB 142 and the Ja Pa and Nam Sa outposts were overrun. ",
        PUBLISHED),
    "actors without triggers": ("KIA, TNLA and the junta; ", PUBLISHED),
}

SIZES_KB = (4, 16, 64, 256, 1024)


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def _cpu_ms(articles: list[Article], gaz: Gazetteer, *, repeats: int) -> tuple[float, int]:
    """Best CPU milliseconds over ``repeats`` runs, and the events of the last."""
    best, events = float("inf"), 0
    for _ in range(repeats):
        start = time.process_time()
        events = sum(len(extract_article(a, gazetteer=gaz)) for a in articles)
        best = min(best, (time.process_time() - start) * 1e3)
    return best, events


def normal_ms_per_kb(gaz: Gazetteer) -> float:
    """CPU ms per KB over 400 synthetic articles (about 2 KB each)."""
    corpus = synthetic_articles(400, seed=11)
    kb = sum(len(a.text) for a in corpus) / 1024
    ms, _ = _cpu_ms(corpus, gaz, repeats=3)
    return ms / kb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=SIZES_KB[-1])
    args = parser.parse_args()
    _one_core()
    gaz = Gazetteer.default()
    extract_article(Article("warm.txt", "The KIA seized Sinbo on Dec. 1.", PUBLISHED),
                    gazetteer=gaz)
    normal = normal_ms_per_kb(gaz)
    print(f"normal articles (synthetic, ~2 KB each): {normal:.2f} ms/KB")
    sizes = [s for s in SIZES_KB if s <= args.max_kb]
    print(f"{'pattern':<38}" + "".join(f"{f'{s} KB':>9}" for s in sizes)
          + f"{'events/KB':>11}{'worst/normal':>14}")
    worst_ratio = 0.0
    for name, (unit, published) in PATTERNS.items():
        cells, per_kb_events, worst = [], 0.0, 0.0
        for size in sizes:
            text = unit * (size * 1024 // len(unit) + 1)
            article = Article("adversarial.txt", text[:size * 1024], published)
            ms, events = _cpu_ms([article], gaz, repeats=3 if size <= 64 else 1)
            cells.append(ms / size)
            worst = max(worst, ms / size)
            per_kb_events = events / size
        ratio = worst / normal
        worst_ratio = max(worst_ratio, ratio)
        print(f"{name:<38}" + "".join(f"{c:9.2f}" for c in cells)
              + f"{per_kb_events:11.1f}{ratio:13.1f}x")
    verdict = "OK" if worst_ratio <= 3 else "ABOVE TARGET"
    print(f"worst case: {worst_ratio:.1f}x a normal article's ms/KB (target <= 3x): {verdict}")
    _frozen(gaz, normal, max(sizes))
    return 0


def _frozen(gaz: Gazetteer, normal: float, size: int) -> None:
    """The densest pattern again with the loaded tables (gazetteer, villages, rules: some
    100,000 objects) moved out of the garbage collector's reach, as a long-running worker
    may do with ``gc.freeze()``: how much of the cost at large sizes is the collector's."""
    gaz.village_candidates("warm")  # the village table, read on first use
    gc.collect()
    gc.freeze()
    unit, published = PATTERNS["one event sentence, repeated"]
    text = unit * (size * 1024 // len(unit) + 1)
    ms, _ = _cpu_ms([Article("adversarial.txt", text[:size * 1024], published)], gaz,
                    repeats=1)
    print(f"same, {size} KB, static tables frozen out of the garbage collector: "
          f"{ms / size:.2f} ms/KB ({ms / size / normal:.1f}x)")
    gc.unfreeze()


if __name__ == "__main__":
    raise SystemExit(main())

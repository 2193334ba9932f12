"""Benchmark of the corpus store (issue 12), on one core, in a temporary folder.

Prints:
- adding 1,000 saved web pages (main text, date, extraction, storing): articles/s;
- a store of 10,000 articles: building it, then reading the map's data from it
  (effective events with decisions applied, and the timeline) -- the store's part of
  opening the page;
- a review action in the model as the page makes it (the next item nobody decided, the
  decision recorded and committed), median over 30, on the 1,000-page store, and the
  queue's build time;
- re-extracting the 1,000-page store.
The page's own figures (first map, review round trip and slider step in a browser, with
the store behind the page) are printed by ``bench_store_browser.py``.
Asserts nothing. Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_store.py``.
"""

from __future__ import annotations

import html
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def synthetic(n: int, seed: int) -> list:
    """Synthetic articles from the test-only generator (tests/support/synthetic.py)."""
    from support.synthetic import synthetic_articles

    return synthetic_articles(n, seed=seed)


def write_pages(folder: Path, n: int, *, seed: int = 3) -> None:
    """``n`` saved pages: a site's menus and footer around a synthetic article."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, article in enumerate(synthetic(n, seed)):
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article.text.split("\n")
                             if p.strip())
        day = article.published.isoformat() if article.published else "2024-01-01"
        (folder / f"page{i:05d}.html").write_text(
            "<!doctype html><html><head><title>Report</title>"
            '<meta property="og:site_name" content="Bench Post">'
            f'<meta property="article:published_time" content="{day}T08:00:00+06:30">'
            f'<link rel="canonical" href="https://bench.example/{i}"></head><body>'
            "<nav>Home | News | Opinion | About</nav>"
            f"<article><h1>Report {i}</h1>{paragraphs}</article>"
            "<footer>Bench Post, all rights reserved.</footer></body></html>",
            encoding="utf-8")


def bench_pages(tmp: Path) -> Path:
    from gazetteer import ingest
    from gazetteer.store import Store

    write_pages(tmp / "pages", 1000)
    path = tmp / "pages.sqlite3"
    with Store(path) as store:
        t0 = time.perf_counter()
        report = ingest.add_paths(store, [tmp / "pages"])
        took = time.perf_counter() - t0
    print(f"  adding 1,000 saved pages: {len(report.added)} added in {took:.1f} s = "
          f"{len(report.added) / took:.0f} articles/s ({report.events} events, "
          f"{len(report.warnings)} problems)")
    return path


def bench_big_store(tmp: Path) -> None:
    from gazetteer import ingest, review
    from gazetteer.store import Store
    from gazetteer.timeline import Timeline

    path = tmp / "big.sqlite3"
    with Store(path) as store:
        t0 = time.perf_counter()
        for article in synthetic(10_000, 11):
            ingest.add_article(store, article)
        built = time.perf_counter() - t0
        counts = store.counts()
    print(f"  store of {counts['articles']:,} articles, {counts['events']:,} events built "
          f"in {built:.0f} s ({counts['articles'] / built:.0f} articles/s); "
          f"{path.stat().st_size / 1e6:.0f} MB")
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        with Store(path) as store:
            events = review.effective_events(store)
            meta = store.articles_meta()
        timeline = Timeline.from_events(events)
        times.append(time.perf_counter() - t0)
    print(f"  map data from the 10,000-article store (open, effective events, article "
          f"metadata, timeline of {len(timeline.places):,} places): median "
          f"{statistics.median(times):.2f} s of 3 ({len(meta):,} articles)")


def bench_review(path: Path) -> None:
    from gazetteer import review
    from gazetteer.store import Store

    with Store(path) as store:
        t0 = time.perf_counter()
        queue = review.review_queue(store)
        first = time.perf_counter() - t0
        times = []
        for i in range(30):  # as the page does: decide, then the first item nobody decided
            t0 = time.perf_counter()
            item = next(it for it in queue if it.evidence not in store.decided())
            review.decide(store, item.evidence, decision="reject" if i % 3 == 0 else
                          "confirm", reviewer="bench", reason="bench reason")
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        review.review_queue(store)
        rebuild = time.perf_counter() - t0
    print(f"  review queue of {len(queue):,} items built in {first * 1e3:.0f} ms "
          f"(rebuilt after 30 decisions in {rebuild * 1e3:.0f} ms); a review action "
          f"(next undecided item, decide, commit): median "
          f"{statistics.median(times) * 1e3:.1f} ms over 30")


def bench_reextract(path: Path) -> None:
    from gazetteer import ingest
    from gazetteer.store import Store

    with Store(path) as store:
        t0 = time.perf_counter()
        result = ingest.reextract(store)
        took = time.perf_counter() - t0
    print(f"  re-extracting {result.articles:,} articles: {took:.1f} s "
          f"({result.articles / took:.0f} articles/s); {result.orphaned} orphaned decisions")


def main() -> None:
    _pin_one_core()
    with tempfile.TemporaryDirectory(prefix="bench-store-") as name:
        tmp = Path(name)
        pages = bench_pages(tmp)
        bench_review(pages)
        bench_reextract(pages)
        bench_big_store(tmp)


if __name__ == "__main__":
    main()

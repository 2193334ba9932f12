"""Extraction speed and memory on synthetic articles, one core.

Prints: the load average (``uptime``); gazetteer load, the village table (read before
timing, so that every figure is with it loaded) and rule compilation; articles/s on 2,000
synthetic articles (target >= 500, aim 1,000); peak memory (traced Python allocations
and the process's max RSS; target < 300 MB); and the time for 500, 2,000 and 8,000
articles, to show how time grows.
Run: ``.venv/bin/python tests/bench/bench_extract.py`` (or ``make bench``).
"""

from __future__ import annotations

import os
import resource
import time
import tracemalloc

from support.synthetic import synthetic_articles  # tests/ is on sys.path (run_all.py)

from gazetteer.articles import Article
from gazetteer.extract import extract_article, extract_articles
from gazetteer.places import Gazetteer


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def _timed(articles: list[Article]) -> tuple[float, int]:
    start = time.perf_counter()
    frame = extract_articles(articles)
    return time.perf_counter() - start, len(frame)


def _best_rate(articles: list[Article], runs: int = 3) -> tuple[float, float, int]:
    """Articles per second: the best wall-clock run of ``runs``, and per CPU second (what
    the process itself used, whatever else the shared cores were doing)."""
    walls, cpus, events = [], [], 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        events = len(extract_articles(articles))
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return len(articles) / min(walls), len(articles) / min(cpus), events


def main() -> int:
    _one_core()
    print("load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    start = time.perf_counter()
    gaz = Gazetteer.default()
    loaded = time.perf_counter()
    gaz.resolve_village("Tar Ma Khan", township="Hpakant")  # reads the village table
    villages = time.perf_counter()
    extract_article(Article("warm.txt", "The KIA seized Sinbo on Dec. 1.", None), gazetteer=gaz)
    print(f"gazetteer {(loaded - start) * 1000:.0f} ms; village table loaded "
          f"({len(gaz._extra('villages')):,} rows) {(villages - loaded) * 1000:.0f} ms; "
          f"rules compiled {(time.perf_counter() - villages) * 1000:.0f} ms")

    corpus = synthetic_articles(8000, seed=7)
    size = sum(len(a.text) for a in corpus[:2000]) / 2000
    print(f"synthetic articles: mean {size:,.0f} characters")

    tracemalloc.start()
    seconds, events = _timed(corpus[:2000])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # untraced (tracemalloc slows Python down), village table loaded, best of three
    rate, cpu_rate, events = _best_rate(corpus[:2000])
    verdict = "OK" if rate >= 500 else "BELOW TARGET"
    print(f"2,000 articles, village table loaded: {rate:,.0f} articles/s (best of 3, wall), "
          f"{cpu_rate:,.0f} per CPU second; {events:,} events (target >= 500/s, aim "
          f"1,000/s): {verdict}")
    print("load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak traced allocations during 2,000: {peak / 1e6:.1f} MB; process max RSS "
          f"(8,000 articles held in memory): {rss_mb:.0f} MB (target < 300 MB): "
          f"{'OK' if rss_mb < 300 else 'ABOVE TARGET'}")

    previous = None
    for n in (500, 2000, 8000):
        seconds, events = _timed(corpus[:n])
        per = seconds / n * 1e3
        growth = f", x{seconds / previous[1]:.2f} time for x{n // previous[0]} articles" \
            if previous else ""
        print(f"{n:>5,} articles: {seconds:6.2f} s ({per:.2f} ms/article, {n / seconds:,.0f}/s)"
              f"{growth}")
        previous = (n, seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark at scale (issue 6): 50,000 events over 2,000 places, and 10,000 articles.

Prints, for one core:
- building the timeline's per-place intervals from 50,000 events;
- the state of every place on a date (median and p95 over random dates; target < 20 ms);
- Voronoi areas: computing the 2,000 cells once, then recolouring them for a date;
- extracting 10,000 synthetic articles: articles/s and peak memory.
Asserts nothing. Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_scale.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import statistics
import time
import tracemalloc


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def _pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def bench_state() -> None:
    from support.synthetic import synthetic_events

    from gazetteer.areas import areas_for_day, areas_geojson, myanmar_outline, voronoi_cells
    from gazetteer.boundaries import load_boundaries
    from gazetteer.timeline import Timeline
    from gazetteer.web.layers import AreaLayer

    events = synthetic_events(50_000, 2_000, seed=1)
    t0 = time.perf_counter()
    timeline = Timeline.from_events(events)
    build = time.perf_counter() - t0
    rng = random.Random(5)
    days = [dt.date(2021, 2, 1) + dt.timedelta(days=rng.randrange(0, 1790)) for _ in range(60)]
    timeline.state_on(days[0])
    times = []
    for day in days:
        t0 = time.perf_counter()
        state = timeline.state_on(day)
        times.append(time.perf_counter() - t0)
    print(f"  timeline from 50,000 events over 2,000 places: built in {build:.2f} s")
    print(f"  state on a date ({len(state)} places): median {statistics.median(times) * 1e3:.1f}"
          f" ms, p95 {_pct(times, 0.95) * 1e3:.1f} ms over {len(days)} dates "
          "(target < 20 ms)")
    outline = myanmar_outline(load_boundaries())
    places = state[["place", "lat", "lon"]].itertuples(index=False, name=None)
    t0 = time.perf_counter()
    cells = voronoi_cells(places, outline)
    cells_s = time.perf_counter() - t0
    recolour, export = [], []
    for day in days[:10]:
        state_df = timeline.state_on(day)
        t0 = time.perf_counter()
        payload = AreaLayer(areas_for_day(cells, state_df), cells_url="cells.json").day_js
        recolour.append(time.perf_counter() - t0)
        size = len(payload)
        st = state_df.set_index("place")[["status", "since"]]
        t0 = time.perf_counter()
        areas_geojson(cells, st.to_dict("index"))
        export.append(time.perf_counter() - t0)
    print(f"  Voronoi areas: {len(cells)} cells computed once in {cells_s:.2f} s; per date, "
          f"the page's styles (index tables) in median {statistics.median(recolour) * 1e3:.1f}"
          f" ms ({size / 1e3:.0f} kB sent), a full GeoJSON of them in "
          f"{statistics.median(export) * 1e3:.1f} ms")


def bench_extract() -> None:
    from support.synthetic import synthetic_articles

    from gazetteer.extract import extract_article
    from gazetteer.places import Gazetteer

    gaz = Gazetteer.default()
    articles = synthetic_articles(10_000, seed=11, gazetteer=gaz)
    extract_article(articles[0], gazetteer=gaz)  # compile rules once, outside the timing
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    events = []
    for article in articles:
        events.extend(extract_article(article, gazetteer=gaz))
    elapsed = time.perf_counter() - t0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(a.text) for a in articles) / len(articles)
    print(f"  extraction of 10,000 synthetic articles (mean {chars:.0f} chars): "
          f"{elapsed:.1f} s, {len(articles) / elapsed:.0f} articles/s on one core, "
          f"{len(events)} events")
    # Memory of the extraction itself, traced on a slice (tracing slows the loop ~3x).
    tracemalloc.start()
    kept = [extract_article(a, gazetteer=gaz) for a in articles[:2_000]]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    print(f"  memory: process max RSS {rss_before:.0f} MB before extraction (10,000 articles "
          f"and the timeline above in memory), {rss_after:.0f} MB after; Python peak while "
          f"extracting and keeping 2,000 articles' events {peak / 2**20:.1f} MB")


def main() -> None:
    _pin_one_core()
    print("scale benchmark (one core)")
    bench_state()
    bench_extract()


if __name__ == "__main__":
    main()

"""Benchmark (issue 11): the gazetteer with villages, wards, bases and spelling variants.

Prints, on one core: ``Gazetteer.default()`` load (cold caches, in process, and a fresh
interpreter including imports; target < 200 ms); the first use of the village table (read
lazily, never at load); 10,000 mixed town lookups (names, aliases, spelling variants,
misspellings; target < 1 s); 10,000 village resolutions with a township; 10,000 base
resolutions. Figures only, no assertions.
Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_villages.py``.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time

from gazetteer.places import Gazetteer, normalize, spelling_key

N = 10_000


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def _variant(rng: random.Random, name: str) -> str:
    swaps = [("Hs", "S"), ("Hp", "P"), ("Hk", "K"), ("Kh", "K"), ("aw", "au"), ("ai", "e"),
             (" ", ""), (" ", "-")]
    old, new = rng.choice([s for s in swaps if s[0] in name] or [(" ", " ")])
    return name.replace(old, new, 1)


def _misspell(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, max(2, len(name) - 1))
    return name[:i] + name[i] + name[i:]


def _loads() -> tuple[list[float], float]:
    loads = []
    for _ in range(10):
        normalize.cache_clear()
        spelling_key.cache_clear()
        start = time.perf_counter()
        Gazetteer()
        loads.append(time.perf_counter() - start)
    code = ("import time; t = time.perf_counter(); from gazetteer.places import Gazetteer; "
            "Gazetteer.default(); print(time.perf_counter() - t)")
    fresh = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout)
    return loads, fresh


class _Query:
    """One lookup to time (a callable that keeps its query for reuse)."""

    def __init__(self, gaz: Gazetteer, query: str) -> None:
        self.gaz, self.query = gaz, query

    def __call__(self) -> object:
        return self.gaz.lookup(self.query)


def names_of(queries: list[_Query]) -> list[str]:
    """The query strings of :class:`_Query` calls."""
    return [q.query for q in queries]


def _timed(calls: list) -> tuple[float, int, int]:
    found = failed = 0
    start = time.perf_counter()
    for call in calls:
        try:
            found += call() is not None
        except LookupError:
            failed += 1
    return time.perf_counter() - start, found, failed


def main() -> None:
    _one_core()
    loads, fresh = _loads()
    gaz = Gazetteer.default()
    print("gazetteer with villages, bases and spelling variants (one core)")
    print(f"  places {len(gaz.places)}, spelling keys {len(gaz._by_variant)}")
    print(f"  Gazetteer() load: median {statistics.median(loads) * 1000:.1f} ms, max "
          f"{max(loads) * 1000:.1f} ms (cold caches); Gazetteer.default() in a fresh "
          f"interpreter, imports included: {fresh * 1000:.0f} ms (target < 200 ms)")
    start = time.perf_counter()
    villages = gaz._extra("villages")
    print(f"  village table, first use (lazy): {len(villages)} villages and wards in "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")

    start = time.perf_counter()
    gaz.lookup("Qqxqzzy")  # loads the offline GeoNames fallback that misses fall to
    print(f"  GeoNames fallback, first use: {(time.perf_counter() - start) * 1000:.0f} ms")
    rng = random.Random(11)
    towns = [p for p in gaz.places if len(p.name) >= 5]
    queries = []
    for _ in range(N):
        town = rng.choice(towns)
        kind = rng.choice(("name", "alias", "variant", "misspelt"))
        name = rng.choice(town.aliases) if kind == "alias" and town.aliases else town.name
        if kind == "variant":
            name = _variant(rng, name)
        elif kind == "misspelt":
            name = _misspell(rng, name)
        queries.append(_Query(gaz, name))
    seconds, found, ambiguous = _timed(queries)
    print(f"  {N:,} town lookups (names, aliases, variants, misspellings): {seconds:.3f} s "
          f"(target < 1 s); found {found}, ambiguous {ambiguous}")
    offline = Gazetteer(secondary=False)
    seconds, found, ambiguous = _timed([lambda q=q: offline.lookup(q) for q in names_of(
        queries)])
    print(f"  the same without the GeoNames fallback for misses: {seconds:.3f} s")

    sample = rng.sample(range(len(villages.places)), N)
    calls = [lambda i=i: gaz.resolve_village(villages.places[i].name,
                                             township=villages.places[i].township)
             for i in sample]
    seconds, found, _ = _timed(calls)
    print(f"  {N:,} village resolutions with a township: {seconds:.3f} s; settled {found} "
          f"({found / N:.0%}; the rest share their name within the township)")
    names = [b.name for b in gaz.bases()] + [a for b in gaz.bases() for a in b.aliases]
    picks = [rng.choice(names) for _ in range(N)]
    calls = [lambda q=q: gaz.resolve_base(q) for q in picks]
    seconds, found, _ = _timed(calls)
    print(f"  {N:,} base resolutions: {seconds:.3f} s; found {found}")


if __name__ == "__main__":
    main()

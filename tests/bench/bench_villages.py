"""Benchmark (issue 11): the gazetteer with villages, wards, bases and spelling variants.

Prints, on one core, with the machine's load average (``uptime``) before and after:
``from gazetteer.places import Gazetteer; Gazetteer.default()`` in a fresh interpreter,
imports included (median and fastest of several runs, wall clock and CPU time; target
< 200 ms); in those same interpreters, the first village resolution, which reads the
village table (never read at load); ``Gazetteer()`` in process with cold caches; 10,000
mixed town lookups (names, aliases, spelling variants, misspellings; target < 1 s);
10,000 village resolutions with a township; 10,000 base resolutions. Figures only, no
assertions.
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


FRESH_RUNS = 9
#: Child interpreter: times ``Gazetteer.default()`` (imports included), then the first
#: village resolution; prints wall and CPU seconds of each.
FRESH_CODE = """
import time
w0, c0 = time.perf_counter(), time.process_time()
from gazetteer.places import Gazetteer
gaz = Gazetteer.default()
w1, c1 = time.perf_counter(), time.process_time()
assert gaz.resolve_village("Tar Ma Khan", township="Hpakant") is not None
w2, c2 = time.perf_counter(), time.process_time()
print(w1 - w0, c1 - c0, w2 - w1, c2 - c1)
"""


def _load_average() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _fresh_runs() -> list[tuple[float, ...]]:
    """``(load wall, load cpu, first village wall, first village cpu, process wall)``
    in seconds, one tuple per fresh interpreter."""
    runs = []
    for _ in range(FRESH_RUNS):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", FRESH_CODE], capture_output=True,
                             text=True, check=True).stdout
        runs.append((*map(float, out.split()), time.perf_counter() - start))
    return runs


def _ms(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:.0f} ms, fastest "
            f"{min(values) * 1000:.0f} ms, slowest {max(values) * 1000:.0f} ms")


def _report_fresh() -> None:
    print(f"  before: {_load_average()} (2 cores shared by other work)")
    runs = _fresh_runs()
    column = list(zip(*runs, strict=True))
    print(f"  Gazetteer.default() in a fresh interpreter, imports included, {len(runs)} runs:")
    print(f"    wall {_ms(column[0])} (target < 200 ms)")
    print(f"    CPU  {_ms(column[1])}")
    print(f"    the whole child process (interpreter start and exit too): {_ms(column[4])}")
    print("  first village resolution in the same interpreters (reads the village table):")
    print(f"    wall {_ms(column[2])}; CPU {_ms(column[3])}")
    print(f"  after: {_load_average()}")


def _loads() -> list[float]:
    loads = []
    for _ in range(10):
        normalize.cache_clear()
        spelling_key.cache_clear()
        start = time.perf_counter()
        Gazetteer()
        loads.append(time.perf_counter() - start)
    return loads


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
    print("gazetteer with villages, bases and spelling variants (one core)")
    _report_fresh()
    loads = _loads()
    gaz = Gazetteer.default()
    print(f"  places {len(gaz.places)}, spelling keys {len(gaz.variant_forms())}")
    print(f"  Gazetteer() in process, cold caches: median "
          f"{statistics.median(loads) * 1000:.1f} ms, max {max(loads) * 1000:.1f} ms")
    start = time.perf_counter()
    villages = gaz._extra("villages")
    print(f"  village table in process: {len(villages)} villages and wards in "
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

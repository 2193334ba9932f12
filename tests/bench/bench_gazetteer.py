"""Benchmark: loading the gazetteer, and 10,000 mixed exact/alias/fuzzy lookups on one core.

Targets (issue 3): load under 50 ms; 10,000 lookups under 1 s. Prints figures; asserts none.
Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_gazetteer.py``.
"""

from __future__ import annotations

import random
import statistics
import time

from gazetteer.places import Gazetteer, normalize


def _misspell(rng: random.Random, name: str) -> str:
    chars = list(name)
    i = rng.randrange(1, len(chars) - 1)
    if rng.random() < 0.5:
        del chars[i]
    else:
        chars.insert(i, chars[i])
    return "".join(chars)


def main() -> None:
    loads = []
    for _ in range(15):
        normalize.cache_clear()  # measure a cold load, as a fresh process sees it
        t0 = time.perf_counter()
        gaz = Gazetteer(secondary=False)
        loads.append(time.perf_counter() - t0)
    rng = random.Random(7)
    queries: list[tuple[str, str]] = []
    places = [p for p in gaz.places if len(normalize(p.name)) >= 6]
    for _ in range(10_000):
        place = rng.choice(places)
        kind = rng.choice(["exact", "alias", "fuzzy"])
        if kind == "alias" and place.aliases:
            queries.append((kind, rng.choice(place.aliases).upper()))
        elif kind == "fuzzy":
            queries.append((kind, _misspell(rng, place.name)))
        else:
            queries.append(("exact", place.name))
    found = ambiguous = 0
    t0 = time.perf_counter()
    for _kind, q in queries:
        try:
            found += gaz.lookup(q) is not None
        except LookupError:
            ambiguous += 1
    elapsed = time.perf_counter() - t0
    kinds = {k: sum(1 for kk, _ in queries if kk == k) for k in ("exact", "alias", "fuzzy")}
    print("gazetteer benchmark (one core)")
    print(f"  places: {len(gaz.places)}, lookup keys: {len(gaz._keys)}")
    print(f"  load: median {statistics.median(loads) * 1000:.1f} ms, "
          f"max {max(loads) * 1000:.1f} ms over {len(loads)} loads (target < 50 ms)")
    print(f"  10,000 lookups {kinds}: {elapsed:.3f} s (target < 1 s), "
          f"{elapsed / len(queries) * 1e6:.1f} us each; found {found}, ambiguous {ambiguous}")


if __name__ == "__main__":
    main()

"""Extraction of 10,000 synthetic articles: one process against a dask.distributed
LocalCluster of two worker processes (issue 14).

Prints the wall-clock time and articles/s of each (the cluster's time includes starting
it and writing Parquet parts; the single process's includes reading the folder), the
speed-up, and whether both give the same table. Run:
``PYTHONPATH=tests .venv/bin/python tests/bench/bench_dask.py [N]`` (or ``make bench``).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from support.synthetic import write_synthetic_folder  # tests/ is on sys.path (run_all.py)

from gazetteer.distributed import extract_to_parquet
from gazetteer.extract import extract_folder


def main(n: int = 10_000) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"cores available: {cores}; articles: {n:,}")
    with tempfile.TemporaryDirectory(prefix="kcm-bench-dask-") as tmp:
        folder = Path(tmp) / "articles"
        start = time.perf_counter()
        write_synthetic_folder(folder, n, seed=2024)
        size = sum(p.stat().st_size for p in folder.glob("*.txt"))
        print(f"corpus written: {size / 1e6:.1f} MB in {time.perf_counter() - start:.1f} s")

        start = time.perf_counter()
        single, _ = extract_folder(folder)
        one = time.perf_counter() - start
        print(f"one process:            {one:7.1f} s  {n / one:7.0f} articles/s  "
              f"{len(single):,} events")

        start = time.perf_counter()
        report = extract_to_parquet(folder, Path(tmp) / "events.parquet", workers=2)
        two = time.perf_counter() - start
        print(f"LocalCluster, 2 workers: {two:7.1f} s  {n / two:7.0f} articles/s  "
              f"{report.events:,} events, {len(list(report.out.iterdir()))} Parquet parts "
              f"(of which {report.startup_seconds:.1f} s starting the cluster)")
        same = pd.read_parquet(report.out).to_dict("records") == single.to_dict("records")
        print(f"speed-up: {one / two:.2f}x; same table as one process: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))

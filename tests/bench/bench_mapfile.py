"""Map file benchmark: sizes, time to the map, and a date step timed inside the page.

For the seeds' map file and a synthetic one of 2,000 places / 50,000 events:
- size in bytes, and gzipped;
- build time in Python (timeline -> HTML);
- first map: navigation start to markers drawn, opened from file:// in Chromium;
- date step (median, p95 of 30): timed in the page with performance.now, from the start
  of the slider's input handler to the new colours ("recolour": the step's script and
  the style recalculation it forces) and to the next painted frame ("frame":
  requestAnimationFrame, then a task); and how long the input event waited before its
  handler ran ("input wait", the browser's queue, not the step's work);
  two kinds: the slider's arrow key (one day; few markers change) and jumps between two
  dates 30% and 80% along the record (most markers change).

Targets (issue 13): seeds <= 400 KB (<= 150 KB gzipped) and a step <= 16 ms; 2,000 /
50,000 <= 5 MB and a step <= 50 ms. Asserts nothing.

Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_mapfile.py [--steps N]``.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]   # the package, and tests/support/
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
JUMPS = """async (steps) => {
    const s = document.getElementById('kcm-date');
    const lo = +s.min, hi = +s.max, before = window.kcm.timings.length;
    for (let i = 0; i < steps; i++) {
        s.value = lo + Math.round((hi - lo) * (i % 2 ? 0.3 : 0.8));
        s.dispatchEvent(new Event('input'));
        await new Promise((r) => setTimeout(r, 60));
    }
    return window.kcm.timings.slice(before);
}"""
FIRST_MAP = """() => document.querySelectorAll('path.kcm-marker').length > 0
    && performance.now()"""


def seeds_file() -> tuple[str, float]:
    import pandas as pd

    from gazetteer.articles import load_folder
    from gazetteer.mapfile import map_file_html
    from gazetteer.places import Gazetteer
    from gazetteer.timeline import Timeline

    start = time.perf_counter()
    events = pd.read_csv(ROOT / "data" / "events.csv", dtype=str, keep_default_na=False)
    articles, _ = load_folder(ROOT / "seeds")
    meta = {a.file: {"outlet": a.outlet, "title": a.title,
                     "published": a.published.isoformat() if a.published else ""}
            for a in articles}
    timeline = Timeline.from_events(events, baseline=ROOT / "data" / "baseline.csv")
    html = map_file_html(timeline, events, articles=meta,
                         places={p.name: p for p in Gazetteer.default().places})
    return html, time.perf_counter() - start


def synthetic_file(places: int, events_n: int) -> tuple[str, float]:
    from support.synthetic import synthetic_events

    from gazetteer.mapfile import map_file_html
    from gazetteer.timeline import Timeline

    events = synthetic_events(events_n, places, seed=1)
    start = time.perf_counter()
    html = map_file_html(Timeline.from_events(events), events)
    return html, time.perf_counter() - start


def fmt(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms"


def measure(browser, path: Path, steps: int) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    first = page.wait_for_function(FIRST_MAP, polling=5, timeout=60_000).json_value()
    page.wait_for_timeout(300)
    page.locator("#kcm-date").focus()
    before = len(page.evaluate("() => window.kcm.timings"))
    for i in range(steps):
        page.keyboard.press("ArrowLeft" if i % 2 else "ArrowRight")
        page.wait_for_timeout(60)
    keys = page.evaluate("() => window.kcm.timings")[before:]
    jumps = page.evaluate(JUMPS, steps)
    page.close()
    return {"first": first, "keys": keys, "jumps": jumps, "requests": len(requests)}


def main(*, header: bool = True) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--places", type=int, default=2000)
    parser.add_argument("--events", type=int, default=50_000)
    args = parser.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"Chromium not found at {CHROMIUM}: sudo apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    if header:
        print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores: other work skews "
              "the figures)")
    work = Path(tempfile.mkdtemp(prefix="kcm-mapfile-"))
    cases = [("seeds", *seeds_file()),
             (f"{args.places:,} places / {args.events:,} events",
              *synthetic_file(args.places, args.events))]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, html, build in cases:
            path = work / f"{name.split()[0].replace(',', '')}.html"
            path.write_text(html, encoding="utf-8")
            raw = html.encode("utf-8")
            res = measure(browser, path, args.steps)
            print(f"\n{name}:")
            print(f"  size               {len(raw):>10,} bytes   gzipped "
                  f"{len(gzip.compress(raw)):>9,} bytes")
            print(f"  built in           {build * 1000:8.0f} ms (Python: timeline + HTML)")
            print(f"  first map          {res['first']:8.0f} ms after navigation "
                  f"(requests: {res['requests']}, the file itself)")
            for label, key in (("step, arrow key", "keys"), ("step, jump", "jumps")):
                timings = res[key]
                print(f"  {label:<17}  recolour   {fmt([t[0] for t in timings])}")
                print(f"  {'':<17}  frame      {fmt([t[1] for t in timings])}")
                print(f"  {'':<17}  input wait {fmt([t[2] for t in timings])}")
        browser.close()
    for file in work.iterdir():
        file.unlink()
    work.rmdir()
    if header:
        print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

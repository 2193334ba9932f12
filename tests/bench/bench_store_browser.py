"""Browser benchmark of the page on a corpus store (issue 12): 10,000 articles.

Builds a store of 10,000 synthetic articles (tests/support/synthetic.py, extracted as they
are added), starts the dashboard on loopback with ``-- --db FILE``, and measures in
Debian's chromium:
- the first map: navigation start to markers drawn, on the server's first page (the
  store read and the timeline built) and then warm;
- slider steps with the store behind the page (one day forward each, to recoloured
  markers), median and p95;
- a review action's round trip: from the click on Confirm to the next item shown (the
  decision committed in between), median over the actions;
then the same first map and slider steps from the same events exported as a table
(``-- --events FILE``, the page as it was before the store) for comparison.
Asserts nothing. Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_store_browser.py
[--articles N] [--steps N] [--reviews N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_dashboard import CHROMIUM, CHROMIUM_ARGS, ROOT, Server, fmt  # noqa: E402
from bench_scale_browser import WAIT_MAP, stepping  # noqa: E402

ONE_ITEM = """() => document.querySelectorAll('.kcm-review-item').length === 1 &&
    [...document.querySelectorAll('button')].filter(b => b.innerText.startsWith('Confirm'))
        .length === 1"""
NEXT_ITEM = """(k) => { const el = document.querySelector('.kcm-review-item');
    return (!el || el.dataset.key !== k) && /Saved decision/.test(document.body.innerText)
        ? performance.now() : false; }"""


def build_store(path: Path, n: int) -> float:
    """A store of ``n`` synthetic articles; returns the seconds it took."""
    from support.synthetic import synthetic_articles

    from gazetteer import ingest
    from gazetteer.store import Store

    t0 = time.perf_counter()
    with Store(path) as store:
        for article in synthetic_articles(n, seed=11):
            ingest.add_article(store, article)
        store.set_meta("seeds_loaded", "not loaded: benchmark store")
    return time.perf_counter() - t0


async def first_maps(browser, url: str, loads: int) -> tuple[float, list[float], object]:
    """(cold first map ms, warm first maps ms, the last page)."""
    times, page = [], None
    for _ in range(loads + 1):
        if page is not None:
            await page.context.close()
        context = await browser.new_context(viewport={"width": 1400, "height": 1000})
        page = await context.new_page()
        await page.goto(f"{url}/?date=2023-06-01", timeout=600_000)
        handle = await page.wait_for_function(WAIT_MAP, polling=10, timeout=600_000)
        times.append((await handle.json_value())[0])
    return times[0], times[1:], page


async def reviewing(page, count: int) -> list[float]:
    """``count`` confirmations in the review view: ms from click to the next item."""
    await page.get_by_text("Review", exact=True).click()
    name = page.get_by_label("Your name, recorded with each decision")
    await name.fill("bench")
    await name.press("Enter")
    await page.locator(".kcm-review-item").wait_for(timeout=600_000)
    await page.wait_for_timeout(1000)
    times = []
    for _ in range(count):
        await page.wait_for_function(ONE_ITEM, timeout=60_000)  # no stale item left
        key = await page.locator(".kcm-review-item").get_attribute("data-key")
        t0 = await page.evaluate("() => performance.now()")
        await page.locator(f".st-key-confirm-{key} button").click()  # this item's
        handle = await page.wait_for_function(NEXT_ITEM, arg=key, polling=5, timeout=60_000)
        times.append(await handle.json_value() - t0)
    return times


async def main_async(args: argparse.Namespace) -> None:
    from playwright.async_api import async_playwright

    from gazetteer.exchange import to_csv
    from gazetteer.review import effective_events
    from gazetteer.store import Store

    work = Path(tempfile.mkdtemp(prefix="kcm-store-bench-"))
    db = work / "corpus.sqlite3"
    built = build_store(db, args.articles)
    with Store(db) as store:
        counts = store.counts()
        (work / "events.csv").write_text(to_csv(effective_events(store)), encoding="utf-8")
    shutil.copy(HERE / "timed_page.py", work / "timed_page.py")
    results = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        runs = [("store", ("--db", str(db))), ("table", ("--events", str(work / "events.csv")))]
        for label, source in runs[::-1] if args.table_first else runs:
            server = Server(ROOT / "dashboard.py", work, *source)
            try:
                cold, warm, page = await first_maps(browser, server.url, args.loads)
                await page.wait_for_timeout(500)
                steps, reruns, _ = await stepping(page, server, args.steps)
                reviews = await reviewing(page, args.reviews) if label == "store" else []
                results[label] = (cold, warm, steps, reruns, reviews, server.memory_mb())
            finally:
                server.stop()
        await browser.close()
    shutil.rmtree(work, ignore_errors=True)
    print(f"store of {counts['articles']:,} articles, {counts['events']:,} events "
          f"(built in {built:.0f} s)")
    for label, (cold, warm, steps, reruns, reviews, (rss, peak)) in results.items():
        what = "the store (--db)" if label == "store" else "the same events as a table"
        print(f"  page on {what}:")
        print(f"    first map, server's first page   {cold:9.0f} ms")
        print(f"    first map, warm                  {fmt(warm)}")
        print(f"    slider step to recoloured markers {fmt(steps)}")
        print(f"    script rerun per step (server)   {fmt(reruns)}")
        if reviews:
            print(f"    review action round trip         {fmt(reviews)}")
        print(f"    server memory                    RSS {rss:.0f} MB (peak {peak:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--loads", type=int, default=2)
    parser.add_argument("--reviews", type=int, default=20)
    parser.add_argument("--table-first", action="store_true",
                        help="measure the page on the table before the page on the store")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()

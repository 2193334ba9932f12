"""Browser benchmark at scale (issue 6): the real page over 50,000 events and 2,000 places.

Writes a synthetic event table (tests/support/synthetic.py), starts the
dashboard on loopback with ``-- --events FILE``, and measures in Debian's chromium:
- first interactive map (navigation start to markers drawn; warm server caches);
- slider step to recoloured markers (each step one day forward, to a day the session has
  not shown yet): from the key press to the moment the page has applied the new day to
  every layer (markers, and areas when on: the shapes whose look changed are restyled by
  then), median and p95;
- the server's run time per step (the date fragment's rerun, timed by timed_page.py);
first with the areas layer off (the page's default), then on.
Targets: step median < 300 ms with the areas on or off, first map < 3 s. Asserts nothing.

Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_scale_browser.py
[--areas off|on|both] [--steps N] [--loads N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_dashboard import ARM, CHROMIUM, CHROMIUM_ARGS, ROOT, Server, fmt  # noqa: E402

WAIT_MAP = """() => {
    const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
    const doc = frame && frame.contentWindow && frame.contentWindow.document;
    const n = doc ? doc.querySelectorAll('path.kcm-marker').length : 0;
    return n > 0 ? [performance.now(), n] : false;
}"""
MARK_OLD = """() => {
    const w = document.querySelector('iframe[title="streamlit_folium.st_folium"]').contentWindow;
    const slots = w.kcmSlots || {};
    window.__before = Object.keys(slots).map(k => [k, slots[k].day]);
}"""
# The step is done when every layer on the map has applied the new day's payload: the
# markers (and areas) whose look changed are restyled, in the same task, before that.
WAIT_NEW = """() => {
    const w = document.querySelector('iframe[title="streamlit_folium.st_folium"]').contentWindow;
    if (window.__t0 == null || !w.kcmSlots) { return false; }
    const done = window.__before.every(([k, day]) => w.kcmSlots[k] && w.kcmSlots[k].day !== day);
    return done ? performance.now() - window.__t0 : false;
}"""
RESTYLED = """() => {
    const w = document.querySelector('iframe[title="streamlit_folium.st_folium"]').contentWindow;
    return Object.keys(w.kcmSlots).map(k => [k, w.kcmSlots[k].restyled]);
}"""


async def main_async(args: argparse.Namespace) -> None:
    from playwright.async_api import async_playwright
    from support.synthetic import synthetic_events

    work = Path(tempfile.mkdtemp(prefix="kcm-scale-"))
    events_csv = work / "events.csv"
    synthetic_events(args.events, args.places, seed=3).to_csv(events_csv, index=False)
    shutil.copy(HERE / "timed_page.py", work / "timed_page.py")
    server = Server(ROOT / "dashboard.py", work, "--events", str(events_csv))
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            firsts = []
            for load in range(args.loads + 1):
                context = await browser.new_context(viewport={"width": 1400, "height": 1000})
                page = await context.new_page()
                await page.goto(f"{server.url}/?date=2023-06-01", timeout=300_000)
                handle = await page.wait_for_function(WAIT_MAP, polling=10, timeout=300_000)
                first_ms, n_markers = await handle.json_value()
                if load:  # the first load only warms the server's caches
                    firsts.append(first_ms)
                if load < args.loads:
                    await context.close()
            runs = {}
            for areas in ("off", "on") if args.areas == "both" else (args.areas,):
                if areas == "on":  # off by default on the page: switch it on
                    await page.get_by_text("Areas of control (approximate)").click()
                    await page.wait_for_timeout(3000)
                await page.wait_for_timeout(500)
                runs[areas] = await stepping(page, server, args.steps)
            rss, peak = server.memory_mb()
            await browser.close()
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"scale page: {args.events:,} events over {args.places:,} places, "
          f"{n_markers} markers drawn")
    print(f"  first interactive map        {fmt(firsts)}   (target < 3 s)")
    for areas, (steps, reruns, restyled) in runs.items():
        print(f"  areas layer {areas}: {len(steps)} steps, each one day forward")
        print(f"    step to recoloured markers   {fmt(steps)}   (target median < 300 ms)")
        print(f"    script rerun (server)        {fmt(reruns)}")
        for name, counts in restyled.items():
            print(f"    {name} shapes restyled a step  median "
                  f"{statistics.median(counts):.0f} (max {max(counts)})")
        if steps and reruns:
            print(f"    slowest {max(steps):.0f} ms; median rerun share "
                  f"{statistics.median(reruns) / statistics.median(steps):.0%}")
    print(f"  server memory                RSS {rss:.0f} MB (peak {peak:.0f} MB)")


async def stepping(page, server: Server, count: int
                   ) -> tuple[list[float], list[float], dict[str, list[int]]]:
    """``count`` slider steps: (ms per step, server rerun ms, shapes restyled per layer)."""
    steps: list[float] = []
    restyled: dict[str, list[int]] = {}
    server.reset_reruns()
    for _ in range(count):
        await page.evaluate(MARK_OLD)
        await page.evaluate(ARM)
        await page.locator(".st-key-date input[type=range]").focus()
        # forward, to a day not shown before: Streamlit's message cache cannot replay an
        # earlier map message
        await page.keyboard.press("ArrowRight")
        handle = await page.wait_for_function(WAIT_NEW, polling=5, timeout=60_000)
        steps.append(await handle.json_value())
        for name, n in await page.evaluate(RESTYLED):
            restyled.setdefault(name, []).append(n)
        await page.wait_for_timeout(200)
    return steps, server.reruns(), restyled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--places", type=int, default=2_000)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--areas", choices=("off", "on", "both"), default="both",
                        help="step with the areas layer off, on, or off then on")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()

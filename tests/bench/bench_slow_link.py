"""Slow-link benchmark: the first visit on an emulated poor connection, and date steps.

Chromium's network emulation (CDP Network.emulateNetworkConditions): 750 kbit/s down,
250 kbit/s up, 300 ms round trip. Prints, in one run against servers on loopback:

1. first visit (fresh browser profile) and second visit (same profile, reloaded) of
   - the page served by Streamlit directly (as configured: websocket compression on),
   - the page through nginx (``make serve``: gzip, immutable bundles),
   - the seeds' map file, downloaded uncompressed from a plain HTTP server:
   bytes transferred (HTTP responses as received, headers included; the websocket's
   frames counted apart, decompressed), requests, and time to map (navigation start to
   the first markers drawn);
2. a date step on the slow link through nginx with Streamlit's websocket compression off
   and on (``server.enableWebsocketCompression``): key press to recoloured marker
   (median), and the websocket's bytes per step as on the wire. Chromium's emulation
   does not slow websocket frames (a step takes the same time with and without it), so
   here the slow link is a shaping TCP relay in front of nginx (:class:`Shaper`: the same
   rates and round trip, shared by all connections; connection set-up is not delayed);
   the proxied page's first visit is also measured through it, websocket included;
3. the page's own date step against the naive page (bench_dashboard.py's measurement,
   no emulation), and their ratio;
4. the map file's sizes and its date step timed inside the page, for the seeds and for
   2,000 places / 50,000 events (bench_mapfile.py's measurement).

Targets (issue 13): through the proxy at most 1.2 MB and a map within 15 s; the map
file's map within 5 s; the page's step median <= 100 ms and <= 0.4x the naive page's;
the map file's step median <= 16 ms (seeds) and <= 50 ms (2,000 / 50,000), its size
<= 400 KB (<= 150 KB gzipped) and <= 5 MB.
Asserts nothing.

Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_slow_link.py [--steps N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import functools
import http.server
import os
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1])]

from bench_dashboard import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    PURPLE,
    ROOT,
    WAIT_COLOUR,
    WAIT_MAP,
    Server,
    fmt,
    single_session,
    step,
)

SLOW = {"offline": False, "latency": 300, "downloadThroughput": 750_000 / 8,
        "uploadThroughput": 250_000 / 8, "connectionType": "cellular3g"}
WAIT_FILE_MAP = """() => document.querySelectorAll('path.kcm-marker').length > 0
    && performance.now()"""


class Link:
    """One direction of an emulated link, shared by every connection over it."""

    def __init__(self, bits_per_s: float, delay_s: float) -> None:
        self.rate = bits_per_s / 8          # bytes per second
        self.delay = delay_s                # one way, seconds
        self.free_at = 0.0

    def arrival(self, n_bytes: int) -> float:
        """When ``n_bytes`` sent now arrive (event-loop time): queued, sent, delayed."""
        now = asyncio.get_running_loop().time()
        self.free_at = max(now, self.free_at) + n_bytes / self.rate
        return self.free_at + self.delay


class Shaper:
    """A TCP relay on loopback that shapes traffic like :data:`SLOW` (both directions).

    ``ws_down`` counts the bytes sent to the browser on websocket connections (those
    whose first request is ``GET /_stcore/stream``), as they travel: compressed frames
    when the websocket is compressed.
    """

    def __init__(self, upstream_port: int) -> None:
        delay = SLOW["latency"] / 2000
        self.down = Link(SLOW["downloadThroughput"] * 8, delay)
        self.up = Link(SLOW["uploadThroughput"] * 8, delay)
        self.upstream_port = upstream_port
        self.ws_down = 0
        self.port = 0
        self.server = None

    async def start(self) -> Shaper:
        self.server = await asyncio.start_server(self._connect, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def _connect(self, reader, writer) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        first = await reader.read(65536)
        is_ws = first.startswith(b"GET /_stcore/stream")
        await asyncio.gather(self._pipe(reader, up_writer, self.up, first),
                             self._pipe(up_reader, writer, self.down, count=is_ws),
                             return_exceptions=True)

    async def _pipe(self, src, dst, link: Link, first: bytes = b"", count: bool = False
                    ) -> None:
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver() -> None:
            loop = asyncio.get_running_loop()
            while True:
                at, data = await queue.get()
                await asyncio.sleep(max(0.0, at - loop.time()))
                if data is None:
                    break
                dst.write(data)
                await dst.drain()
            dst.close()

        task = asyncio.create_task(deliver())
        data = first or await src.read(16384)
        while data:
            if count:
                self.ws_down += len(data)
            queue.put_nowait((link.arrival(len(data)), data))
            data = await src.read(16384)
        queue.put_nowait((link.arrival(0), None))
        await task

    def close(self) -> None:
        if self.server is not None:
            self.server.close()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Traffic:
    """Requests and bytes of one page, from the DevTools protocol's network events."""

    def __init__(self) -> None:
        self.requests = 0
        self.bytes = 0
        self.ws_bytes = 0

    def attach(self, cdp) -> None:
        cdp.on("Network.requestWillBeSent", lambda e: self._request())
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def _request(self) -> None:
        self.requests += 1

    def _finished(self, event: dict) -> None:
        self.bytes += int(event.get("encodedDataLength", 0))

    def _frame(self, event: dict) -> None:
        frame = event.get("response", {})
        data = frame.get("payloadData", "")
        self.ws_bytes += len(base64.b64decode(data)) if frame.get("opcode") == 2 \
            else len(data.encode("utf-8"))


async def visit_twice(browser, url: str, wait_js: str) -> list[dict]:
    """First visit in a fresh profile, then a reload; both on the slow link."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    cdp = await context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.emulateNetworkConditions", SLOW)
    out = []
    for _ in range(2):
        traffic = Traffic()
        traffic.attach(cdp)
        await page.goto(url, wait_until="commit", timeout=300_000)
        handle = await page.wait_for_function(wait_js, polling=50, timeout=300_000)
        map_ms = await handle.json_value()
        await page.wait_for_timeout(1500)        # what the page still loads after the map
        out.append({"ms": map_ms, "requests": traffic.requests, "bytes": traffic.bytes,
                    "ws": traffic.ws_bytes})
    await context.close()
    return out


def serve_file(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A plain HTTP server (no compression) for the map file, on a free loopback port."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def print_visits(name: str, visits: list[dict]) -> None:
    for label, v in zip(("first visit", "second visit"), visits, strict=True):
        print(f"  {name:<22} {label:<13} {v['bytes'] / 1e6:6.2f} MB in {v['requests']:3d} "
              f"requests (+ websocket {v['ws'] / 1e3:6.1f} kB)   map after "
              f"{v['ms'] / 1000:5.1f} s")


async def slow_steps(browser, proxy, steps: int) -> dict:
    """Date steps over a :class:`Shaper` in front of ``proxy``; time and bytes a step."""
    shaper = await Shaper(proxy.port).start()
    try:
        url = f"http://127.0.0.1:{shaper.port}"
        context = await browser.new_context(viewport={"width": 1400, "height": 1000})
        page = await context.new_page()
        await page.goto(f"{url}/?date=2024-11-19", timeout=300_000)
        handle = await page.wait_for_function(WAIT_MAP, polling=20, timeout=300_000)
        first_ms = await handle.json_value()
        await page.evaluate("() => { window.__t0 = performance.now(); }")
        await page.wait_for_function(WAIT_COLOUR, arg=PURPLE, polling=5, timeout=60_000)
        await page.wait_for_timeout(2000)
        before = shaper.ws_down
        times = [await step(page, i, timeout_ms=60_000) for i in range(steps)]
        await page.wait_for_timeout(500)
        per_step = (shaper.ws_down - before) / steps
        await context.close()
    finally:
        shaper.close()
    return {"steps": times, "bytes_per_step": per_step, "first": first_ms}


async def page_vs_naive(browser, steps: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="kcm-bench-"))
    shutil.copy(HERE / "timed_page.py", work / "timed_page.py")
    real = Server(ROOT / "dashboard.py", work)
    naive = Server(HERE / "naive_page.py", work)
    try:
        from bench_dashboard import open_page

        for server in (real, naive):                # warm the servers' caches
            context, _, _ = await open_page(browser, server.url)
            await context.close()
        return {name: await single_session(browser, server, steps, 1)
                for name, server in (("real", real), ("naive", naive))}
    finally:
        real.stop()
        naive.stop()
        shutil.rmtree(work, ignore_errors=True)


async def main_async(args: argparse.Namespace) -> None:
    from playwright.async_api import async_playwright

    from gazetteer.deploy.serve import Proxy

    plain = Proxy(port=free_port(), streamlit_port=free_port(), streamlit_flags=(
        "--server.enableWebsocketCompression", "false")).start()
    deflate = Proxy(port=free_port(), streamlit_port=free_port(), streamlit_flags=(
        "--server.enableWebsocketCompression", "true")).start()
    folder = Path(tempfile.mkdtemp(prefix="kcm-slow-"))
    (folder / "map.html").write_text(seeds_map_file(), encoding="utf-8")
    httpd, file_url = serve_file(folder)
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for proxy in (plain, deflate):          # warm both servers' caches, unthrottled
                context = await browser.new_context()
                page = await context.new_page()
                await page.goto(f"{proxy.url}/?date=2024-11-19")
                await page.wait_for_function(WAIT_MAP, polling=50, timeout=120_000)
                await context.close()
            print(f"\n1. First and second visit, {SLOW['downloadThroughput'] * 8 / 1000:.0f} "
                  f"kbit/s down, {SLOW['uploadThroughput'] * 8 / 1000:.0f} kbit/s up, "
                  f"{SLOW['latency']} ms round trip:")
            date = "/?date=2024-11-19"
            for name, url, wait in (
                    ("page, direct", f"http://127.0.0.1:{deflate.streamlit_port}{date}",
                     WAIT_MAP),
                    ("page, through nginx", deflate.url + date, WAIT_MAP),
                    ("map file (seeds)", f"{file_url}/map.html", WAIT_FILE_MAP)):
                print_visits(name, await visit_twice(browser, url, wait))
            print(f"\n2. Date step on the slow link (shaping relay) through nginx "
                  f"({args.slow_steps} steps):")
            for name, proxy in (("websocket compression off", plain),
                                ("websocket compression on", deflate)):
                res = await slow_steps(browser, proxy, args.slow_steps)
                print(f"  {name:<27} {fmt(res['steps'])}   "
                      f"{res['bytes_per_step'] / 1e3:6.1f} kB on the wire per step   "
                      f"(first map over the relay: {res['first'] / 1000:.1f} s)")
            plain.stop()
            deflate.stop()
            print(f"\n3. The page's date step against the naive page ({args.steps} steps, "
                  "loopback, no emulation):")
            res = await page_vs_naive(browser, args.steps)
            for name in ("real", "naive"):
                print(f"  {name:<6} step to recoloured markers {fmt(res[name]['steps'])}")
            ratio = statistics.median(res["real"]["steps"]) / statistics.median(
                res["naive"]["steps"])
            print(f"  real/naive step median ratio: {ratio:.2f}")
            await browser.close()
        print("\n4. The map file (opened from file://, no emulation):")
        await asyncio.to_thread(map_file_figures, args.steps)
    finally:
        httpd.shutdown()
        plain.stop()
        deflate.stop()
        shutil.rmtree(folder, ignore_errors=True)


def map_file_figures(steps: int) -> None:
    """bench_mapfile.py's figures (its own browser, in a thread: a sync Playwright)."""
    import bench_mapfile

    sys.argv = [sys.argv[0], "--steps", str(steps)]
    bench_mapfile.main(header=False)


def seeds_map_file() -> str:
    from bench_mapfile import seeds_file

    return seeds_file()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=30, help="page vs naive steps")
    parser.add_argument("--slow-steps", type=int, default=10, help="steps on the slow link")
    args = parser.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"Chromium not found at {CHROMIUM}: sudo apt-get install -y chromium")
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores: other work skews "
          "the figures)")
    asyncio.run(main_async(args))
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

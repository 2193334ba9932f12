"""Dashboard benchmark: the real page against a naive one that rebuilds the map each step.

Prints, for both pages, in one run against servers on loopback:
- slider step to recoloured markers (median, p95): from the key press on the date slider
  to Kan Paik Ti's marker showing the new colour in the map's iframe;
- first interactive map: navigation start to markers drawn (warm server caches);
- script rerun time (median, p95), timed inside the server by timed_page.py;
then, for the real page, 20 concurrent sessions (one Chromium, 20 pages) each stepping 20
times: p95 step time, errors and the server's memory; and where a rerun's time goes.

Targets (issue 5): step median < 150 ms and under half the naive page's; first map < 2 s;
rerun < 50 ms; no errors with 20 sessions. Asserts nothing.

Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_dashboard.py [--quick]``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
PURPLE, BLUE = "#CC79A7", "#0072B2"   # Kan Paik Ti on 2024-11-19 (BGF) and 2024-11-20 (KIA)

# Resolves once Kan Paik Ti's marker has the wanted fill; returns ms since the key press.
WAIT_COLOUR = """(colour) => {
    const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
    const w = frame && frame.contentWindow;
    if (window.__t0 == null || !w || !w.map) { return false; }
    for (const layer of Object.values(w.map._layers)) {
        if (layer.options && layer.options.place === 'Kan Paik Ti' && layer._path) {
            return layer._path.getAttribute('fill') === colour
                ? performance.now() - window.__t0 : false;
        }
    }
    return false;
}"""
WAIT_MAP = """() => {
    const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
    const w = frame && frame.contentWindow;
    return w && w.document && w.document.querySelectorAll('path.kcm-marker').length > 0
        ? performance.now() : false;
}"""
# Timestamps of websocket traffic, to split a step into browser -> server -> browser.
WS_HOOK = """
window.__ws = [];
(() => {
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
        window.__ws.push(['send', performance.now()]);
        return send.call(this, data);
    };
    const Original = window.WebSocket;
    window.WebSocket = function (...args) {
        const ws = new Original(...args);
        ws.addEventListener('message', () => window.__ws.push(['recv', performance.now()]));
        return ws;
    };
    window.WebSocket.prototype = Original.prototype;
    Object.assign(window.WebSocket, Original);
})();
"""
PHASES = """(t0) => {
    const after = window.__ws.filter(e => e[1] >= t0);
    const send = after.find(e => e[0] === 'send');
    const recv = after.filter(e => e[0] === 'recv' && send && e[1] >= send[1]);
    if (!send || !recv.length) { return null; }
    return [send[1] - t0, recv[0][1] - t0, recv[recv.length - 1][1] - t0];
}"""
ARM = """() => { window.__t0 = null; window.__ws = [];
    document.addEventListener('keydown', () => { window.__t0 = performance.now(); },
                              {once: true, capture: true}); }"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def fmt(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"median {statistics.median(values):7.1f} ms   p95 {pct(values, 0.95):7.1f} ms"


class Server:
    """A page served by streamlit through timed_page.py, from a temporary folder."""

    def __init__(self, page: Path, workdir: Path, *args: str) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / f"reruns-{page.stem}.log"
        self.log.write_text("")
        env = {**os.environ, "KCM_PAGE": str(page), "KCM_BENCH_LOG": str(self.log),
               "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(workdir / "timed_page.py"),
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--", *args],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError(f"{page.name}: streamlit did not start") from None
                time.sleep(0.1)

    def reruns(self) -> list[float]:
        return [float(x) for x in self.log.read_text().split()]

    def reset_reruns(self) -> None:
        self.log.write_text("")

    def memory_mb(self) -> tuple[float, float]:
        """(current RSS, peak RSS) of the server process, in MB."""
        fields = dict(line.split(":", 1) for line in
                      Path(f"/proc/{self.proc.pid}/status").read_text().splitlines()
                      if ":" in line)
        return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)

    def cpu_seconds(self) -> float:
        """User + system CPU time the server process has used, in seconds."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


async def open_page(browser, url: str):
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    await context.add_init_script(WS_HOOK)
    page = await context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    await page.goto(f"{url}/?date=2024-11-19", timeout=120_000)
    handle = await page.wait_for_function(WAIT_MAP, polling=5, timeout=60_000)
    first_ms = await handle.json_value()
    await page.evaluate("() => { window.__t0 = performance.now(); }")
    await page.wait_for_function(WAIT_COLOUR, arg=PURPLE, polling=5, timeout=30_000)
    return context, page, first_ms


async def step(page, i: int, *, timeout_ms: int = 30_000, phases: list | None = None
               ) -> float:
    """One slider step (alternating 19 <-> 20 November); ms to the recoloured marker.

    ``phases`` collects (key -> message sent, -> first reply, -> last reply) in ms.
    """
    key, colour = ("ArrowRight", BLUE) if i % 2 == 0 else ("ArrowLeft", PURPLE)
    await page.evaluate(ARM)
    await page.locator(".st-key-date input[type=range]").focus()
    await page.keyboard.press(key)
    handle = await page.wait_for_function(WAIT_COLOUR, arg=colour, polling=5,
                                          timeout=timeout_ms)
    ms = await handle.json_value()
    await page.wait_for_timeout(150)   # let the rerun finish before the next key press
    if phases is not None:
        split = await page.evaluate(f"() => ({PHASES})(window.__t0)")
        if split:
            phases.append(split)
    return ms


async def single_session(browser, server: Server, steps: int, loads: int) -> dict:
    firsts = []
    for _ in range(loads):
        context, page, first_ms = await open_page(browser, server.url)
        firsts.append(first_ms)
        await context.close()
    context, page, _ = await open_page(browser, server.url)
    await page.wait_for_timeout(500)
    server.reset_reruns()
    phases: list = []
    cpu0 = server.cpu_seconds()
    times = [await step(page, i, phases=phases) for i in range(steps)]
    cpu = (server.cpu_seconds() - cpu0) / steps * 1000
    reruns = server.reruns()
    await context.close()
    return {"steps": times, "first": firsts, "reruns": reruns, "phases": phases,
            "server_cpu": cpu}


async def concurrent(browser, server: Server, sessions: int, steps: int) -> dict:
    """``sessions`` pages open one after another, then all step the slider at once."""
    errors: list[str] = []
    times: list[float] = []
    pages = []
    for n in range(sessions):
        try:
            context, page, _ = await open_page(browser, server.url)
            pages.append((n, context, page))
        except Exception as err:  # counted and reported
            errors.append(f"session {n} load: {str(err).splitlines()[0]:.120}")

    async def one(n: int, page) -> None:
        for i in range(steps):
            try:
                times.append(await step(page, i, timeout_ms=60_000))
            except Exception as err:  # counted and reported
                errors.append(f"session {n} step {i}: {str(err).splitlines()[0]:.120}")
                break

    start, cpu0 = time.perf_counter(), server.cpu_seconds()
    await asyncio.gather(*(one(n, page) for n, _, page in pages))
    wall = time.perf_counter() - start
    cpu = server.cpu_seconds() - cpu0
    for n, context, page in pages:
        errors.extend(f"session {n} page error: {e:.120}" for e in page.errors)
        await context.close()
    return {"steps": times, "errors": errors, "wall": wall, "memory": server.memory_mb(),
            "server_cpu": cpu}


def rerun_breakdown(repeats: int = 50) -> dict[str, float]:
    """Where a rerun's time goes: the page's steps timed in-process (ms, median)."""
    from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

    from gazetteer import web
    from gazetteer.web.layers import StatusLayer
    from gazetteer.web.map import base_map, static_boundaries_url

    model = web.build_model(web.Options())
    days = [model.first + dt.timedelta(days=d) for d in range(repeats)]
    parts: dict[str, list[float]] = {k: [] for k in (
        "timeline.state_on (uncached)", "StatusLayer (markers)", "base_map build",
        "streamlit-folium strings + hash", "panel_html", "events_table")}
    for day in days:
        t = time.perf_counter()
        state = model.timeline.state_on(day)
        parts["timeline.state_on (uncached)"].append(time.perf_counter() - t)
        t = time.perf_counter()
        layer = StatusLayer(state)
        parts["StatusLayer (markers)"].append(time.perf_counter() - t)
        t = time.perf_counter()
        m = base_map(boundaries_url=static_boundaries_url())
        parts["base_map build"].append(time.perf_counter() - t)
        t = time.perf_counter()
        m.get_root().render()
        script = _get_map_string(m)
        generate_js_hash(script, "map")
        fg = _get_feature_group_string(layer, m)
        parts["streamlit-folium strings + hash"].append(time.perf_counter() - t)
        t = time.perf_counter()
        web.panel_html(model, "Kan Paik Ti", day)
        parts["panel_html"].append(time.perf_counter() - t)
        t = time.perf_counter()
        web.events_table(model, day)
        parts["events_table"].append(time.perf_counter() - t)
    out = {k: statistics.median(v) * 1000 for k, v in parts.items()}
    out["(script bytes: base map)"] = len(script)
    out["(script bytes: markers)"] = len(fg)
    return out


async def main_async(args: argparse.Namespace) -> None:
    from playwright.async_api import async_playwright

    work = Path(tempfile.mkdtemp(prefix="kcm-bench-"))
    shutil.copy(HERE / "timed_page.py", work / "timed_page.py")
    real = Server(ROOT / "dashboard.py", work)
    naive = Server(HERE / "naive_page.py", work)
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # warm both servers' caches (extraction, timeline) before timing anything
            for server in (real, naive):
                context, _, _ = await open_page(browser, server.url)
                await context.close()
            results = {}
            for name, server in (("real (fixed base + feature group)", real),
                                 ("naive (whole map rebuilt)", naive)):
                results[name] = await single_session(browser, server, args.steps, args.loads)
            print(f"\nOne session, {args.steps} slider steps, {args.loads} cold page loads "
                  "(warm server caches):")
            for name, res in results.items():
                print(f"  {name}")
                print(f"    step to recoloured markers  {fmt(res['steps'])}")
                print(f"    first interactive map       {fmt(res['first'])}")
                print(f"    script rerun (server)       {fmt(res['reruns'])}")
                print(f"    server CPU per step         {res['server_cpu']:7.1f} ms")
                if res["phases"]:
                    parts = [statistics.median(p[k] for p in res["phases"]) for k in range(3)]
                    print("    step phases (median ms after the key press): message sent "
                          f"{parts[0]:.0f}, first reply {parts[1]:.0f}, last reply "
                          f"{parts[2]:.0f}, markers recoloured "
                          f"{statistics.median(res['steps']):.0f}")
            real_med = statistics.median(results["real (fixed base + feature group)"]["steps"])
            naive_med = statistics.median(results["naive (whole map rebuilt)"]["steps"])
            print(f"  real/naive step median ratio: {real_med / naive_med:.2f}")
            naive.stop()
            print(f"\n{args.sessions} concurrent sessions (one Chromium, {args.sessions} pages "
                  f"opened in turn, then all stepping at once), {args.conc_steps} steps each,"
                  " one server:")
            conc = await concurrent(browser, real, args.sessions, args.conc_steps)
            print(f"  steps measured  {len(conc['steps'])} of "
                  f"{args.sessions * args.conc_steps}   wall {conc['wall']:.1f} s")
            print(f"  step time       {fmt(conc['steps'])}   max "
                  f"{max(conc['steps'], default=0):.0f} ms")
            print(f"  server CPU      {conc['server_cpu']:.1f} s of {conc['wall']:.1f} s wall "
                  f"({conc['server_cpu'] / max(len(conc['steps']), 1) * 1000:.0f} ms a step); "
                  "the rest of the 2 cores went to Chromium drawing the pages")
            print(f"  errors          {len(conc['errors'])}")
            for err in conc["errors"][:10]:
                print(f"    {err}")
            rss, peak = conc["memory"]
            print(f"  server memory   RSS {rss:.0f} MB (peak {peak:.0f} MB)")
            await browser.close()
    finally:
        real.stop()
        naive.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("\nWhere a rerun's time goes (in-process, median of 50 dates):")
    for part, value in rerun_breakdown().items():
        unit = "bytes" if part.startswith("(") else "ms"
        print(f"  {part:<34} {value:9.2f} {unit}" if unit == "ms" else
              f"  {part:<34} {value:9.0f} {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--conc-steps", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="fewer steps and sessions")
    args = parser.parse_args()
    if args.quick:
        args.steps, args.loads, args.sessions, args.conc_steps = 10, 2, 4, 5
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"Chromium not found at {CHROMIUM}: sudo apt-get install -y chromium")
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores: other work skews "
          "the figures)")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()

"""Real-browser tests: Playwright drives Debian's Chromium against the running app.

The app is started with ``streamlit run dashboard.py`` on a free loopback port, reading a
temporary copy of the seeds plus an article full of markup. Chromium is required: when it
is missing these tests fail with the command that installs it (they never skip).
Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
KPT_EXCERPT = "launched a final push for Kan Paik Ti town"
EVIL_ARTICLE = (
    "KIA fighters captured Sinbo town on 12 December 2024, residents said "
    "&lt;script&gt;window.__pwned=1&lt;/script&gt; "
    "&lt;img src=x onerror=\"window.__pwned=2\"&gt; `${window.__pwned=3}` in a message.\n\n"
    "<script>window.__pwned=4</script><img src=x onerror=\"window.__pwned=5\">Nothing else.\n")
EVIL_NAME = "Evil`);window.__pwned=6;(`${window.__pwned=7}<img src=x onerror=window.__pwned=8>"


def _require_chromium() -> None:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium is needed for the browser tests and is not at {CHROMIUM}. "
                    "Install it with:  sudo apt-get install -y chromium   (or `make chromium`"
                    " as root), or set CHROMIUM=/path/to/chromium.", pytrace=False)


CONNECT_HOOK = """
import os, socket

_LOG = os.environ["KCM_CONNECT_LOG"]
_LOCAL = ("127.", "localhost", "::1", "0.0.0.0")


def _note(what):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(f"{what}\\n")


_getaddrinfo = socket.getaddrinfo
_connect = socket.socket.connect


def getaddrinfo(host, *args, **kwargs):
    if host and not str(host).startswith(_LOCAL):
        _note(f"resolve {host}")
        raise socket.gaierror("outbound lookup blocked by the test")
    return _getaddrinfo(host, *args, **kwargs)


def connect(self, address):
    if isinstance(address, tuple) and not str(address[0]).startswith(_LOCAL):
        _note(f"connect {address}")
        raise OSError("outbound connection blocked by the test")
    return _connect(self, address)


socket.getaddrinfo = getaddrinfo
socket.socket.connect = connect
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Server:
    """``streamlit run dashboard.py -- ARGS`` on a free loopback port."""

    def __init__(self, *args: str, log: Path, flags: tuple[str, ...] = (
            "--server.address", "127.0.0.1", "--server.headless", "true"),
                 env: dict[str, str] | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log.open("w")
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py",
             "--server.port", str(self.port), *flags, "--", *args],
            cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})})
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1):
                    break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"streamlit did not start; see {log}") from None
                time.sleep(0.1)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._log.close()


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    for src in (ROOT / "seeds").iterdir():
        shutil.copyfile(src, folder / src.name)
    (folder / "005_markup.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    with (folder / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write('005_markup.txt,2024-12-13,"Test <b>Outlet</b> `x`",,,test article\n')
    return folder


@pytest.fixture(scope="module")
def app_url(seeds_dir, tmp_path_factory) -> Iterator[str]:
    _require_chromium()
    server = _Server("--seeds", str(seeds_dir),
                     log=tmp_path_factory.mktemp("logs") / "streamlit.log")
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.requests, pg.dialogs, pg.errors = [], [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


# -- helpers ------------------------------------------------------------------------------
def map_frame(page, *, timeout: float = 30.0):
    """The map's iframe once its markers are drawn."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url:
                try:
                    if frame.evaluate("() => document.querySelectorAll("
                                      "'path.kcm-marker').length") > 0:
                        return frame
                except Exception:  # the frame is still loading
                    pass
        page.wait_for_timeout(50)
    page.screenshot(path=str(ARTIFACTS / "map_not_ready.png"))
    raise AssertionError("the map did not draw its markers")


def open_app(page, url: str, query: str = ""):
    page.goto(f"{url}/{query}")
    return map_frame(page)


def fill_of(frame, place: str) -> str | None:
    return frame.evaluate("""(place) => {
        for (const layer of Object.values(window.map._layers)) {
            if (layer.options && layer.options.place === place && layer._path) {
                return layer._path.getAttribute('fill');
            }
        }
        return null;
    }""", place)


def wait_fill(page, frame, place: str, colour: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while fill_of(frame, place) != colour:
        assert time.monotonic() < deadline, f"{place} never turned {colour}"
        page.wait_for_timeout(30)


def step_date(page, key: str, expected: str) -> None:
    """Press an arrow key on the date slider and wait for the page to show ``expected``."""
    page.locator(".st-key-date input[type=range]").focus()
    page.keyboard.press(key)
    page.get_by_text(f"Control on {expected}", exact=True).wait_for(timeout=15000)


def marker(frame, place: str):
    """The SVG path of a place's marker (its class is kcm-place-<slug of the name>)."""
    slug = "".join(c if c.isalnum() else "-" for c in place.lower()).strip("-")
    return frame.locator(f"path.kcm-place-{slug}")


def click_marker(page, frame, place: str) -> None:
    marker(frame, place).click()
    page.locator(f'.kcm-panel[data-place="{place}"]').wait_for(timeout=15000)


def off_loopback(urls: list[str]) -> list[str]:
    return [u for u in urls if urlsplit(u).scheme in ("http", "https", "ws", "wss")
            and urlsplit(u).hostname not in LOOPBACK]


# -- tests --------------------------------------------------------------------------------
def test_no_request_leaves_loopback(page, app_url):
    frame = open_app(page, app_url, "?date=2024-11-19")
    step_date(page, "ArrowRight", "2024-11-20")
    click_marker(page, frame, "Kan Paik Ti")
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(500)
    assert off_loopback(page.requests) == []
    served = {urlsplit(u).path for u in page.requests}
    assert "/app/static/vendor/leaflet/leaflet.js" in served          # Leaflet from us
    assert "/app/static/data/boundaries.geojson" in served
    assert frame.evaluate("() => window.map.hasLayer(window.L ? Object.values("
                          "window.map._layers).find(l => l.feature) : null)") is not None
    assert page.errors == []


def test_server_started_like_make_run_connects_nowhere(page, tmp_path):
    """``make run`` flags only: .streamlit/config.toml must stop every call home."""
    (tmp_path / "sitecustomize.py").write_text(CONNECT_HOOK, encoding="utf-8")
    attempts = tmp_path / "connects.log"
    attempts.write_text("")
    env = {"PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
           "KCM_CONNECT_LOG": str(attempts)}
    probe = ("import socket\ntry:\n    socket.getaddrinfo('example.com', 80)\n"
             "except OSError:\n    pass")
    subprocess.run([sys.executable, "-c", probe], env={**os.environ, **env}, check=True)
    assert "resolve example.com" in attempts.read_text()        # the hook is active
    attempts.write_text("")
    server = _Server(log=tmp_path / "streamlit.log", flags=("--server.headless", "true"),
                     env=env)
    try:
        open_app(page, server.url, "?date=2024-11-21")
        click_marker(page, map_frame(page), "Kan Paik Ti")
    finally:
        server.stop()
    assert attempts.read_text() == "", attempts.read_text()
    assert "External URL" not in server.log.read_text()
    assert off_loopback(page.requests) == []


def test_kan_paik_ti_changes_colour_between_19_and_21_november(page, app_url):
    ARTIFACTS.mkdir(exist_ok=True)
    frame = open_app(page, app_url, "?date=2024-11-19")
    page.wait_for_timeout(400)  # boundaries fetched and drawn
    before = fill_of(frame, "Kan Paik Ti")
    page.screenshot(path=str(ARTIFACTS / "map_2024-11-19.png"))
    step_date(page, "ArrowRight", "2024-11-20")
    step_date(page, "ArrowRight", "2024-11-21")
    wait_fill(page, frame, "Kan Paik Ti", "#0072B2")                  # KIA blue
    page.screenshot(path=str(ARTIFACTS / "map_2024-11-21.png"))
    assert before == "#CC79A7" != fill_of(frame, "Kan Paik Ti")       # was BGF purple


def test_clicking_a_marker_opens_its_sources(page, app_url):
    frame = open_app(page, app_url, "?date=2024-11-21")
    click_marker(page, frame, "Kan Paik Ti")
    panel = page.locator(".kcm-panel")
    assert KPT_EXCERPT in panel.inner_text()
    assert "RFA" in panel.inner_text()
    assert panel.locator("mark.kcm-event", has_text="captured").count() >= 1
    # another place, then the same place again: both clicks register
    click_marker(page, frame, "Chipwi")
    click_marker(page, frame, "Kan Paik Ti")
    # after the date moved, the panel follows the date and clicks still work
    step_date(page, "ArrowLeft", "2024-11-20")
    page.get_by_text("On 2024-11-20:", exact=False).wait_for(timeout=10000)
    click_marker(page, frame, "Chipwi")
    click_marker(page, frame, "Kan Paik Ti")
    assert KPT_EXCERPT in page.locator(".kcm-panel").inner_text()
    page.screenshot(path=str(ARTIFACTS / "panel_kan_paik_ti.png"))


def test_a_marker_low_on_a_half_visible_map_takes_the_click(page, app_url):
    # Leaflet focuses the map on a press; that focus must not scroll the page, or the
    # press ends elsewhere and the click is lost
    page.set_viewport_size({"width": 1400, "height": 700})
    frame = open_app(page, app_url, "?date=2024-11-21")
    page.mouse.move(700, 300)
    page.mouse.wheel(0, marker(frame, "Chipwi").bounding_box()["y"] - 640)  # Chipwi low
    page.wait_for_timeout(400)
    frame_box = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    assert frame_box["y"] + frame_box["height"] > 700                 # partly out of view
    spot = marker(frame, "Chipwi").bounding_box()
    assert spot["y"] + spot["height"] < 700                            # Chipwi in view
    page.mouse.click(spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2)
    page.locator('.kcm-panel[data-place="Chipwi"]').wait_for(timeout=15000)


def test_slider_steps_keep_zoom_and_do_not_reload_the_map(page, app_url):
    frame = open_app(page, app_url, "?date=2024-11-18")
    page.locator("iframe[title='streamlit_folium.st_folium']").evaluate(
        "(el) => { el.dataset.probe = 'same-iframe'; }")
    for _ in range(2):                                                 # the user zooms in
        frame.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(400)
    box = frame.locator("#map_div").bounding_box()
    page.mouse.move(box["x"] + 300, box["y"] + 300)                    # and drags the map
    page.mouse.down()
    page.mouse.move(box["x"] + 220, box["y"] + 260, steps=5)
    page.mouse.up()
    page.wait_for_timeout(400)
    zoom, center = frame.evaluate("() => [window.map.getZoom(), window.map.getCenter()]")
    frame.evaluate("() => { window.__probe = 'kept'; window.map.__probe = 'same-map'; }")
    frame.evaluate("""() => document.querySelectorAll('path.kcm-marker')
        .forEach(p => p.setAttribute('data-probe', 'drawn-once'))""")
    for day in ("2024-11-19", "2024-11-20", "2024-11-21"):
        step_date(page, "ArrowRight", day)
    wait_fill(page, frame, "Kan Paik Ti", "#0072B2")                  # markers did update
    # restyled in place: the same SVG paths, the new status in their class
    kpt = marker(frame, "Kan Paik Ti")
    assert kpt.get_attribute("data-probe") == "drawn-once"
    assert "kcm-status-kia" in kpt.get_attribute("class").split()
    assert frame.locator("path.kcm-marker:not([data-probe])").count() == 0
    assert frame.evaluate("() => [window.__probe, window.map.__probe]") == ["kept", "same-map"]
    after_zoom, after_center = frame.evaluate(
        "() => [window.map.getZoom(), window.map.getCenter()]")
    assert zoom == 9                                                   # 7, zoomed in twice
    assert after_zoom == zoom
    assert after_center == pytest.approx(center)
    assert page.locator("iframe[data-probe='same-iframe']").count() == 1


def test_a_new_set_of_places_redraws_the_markers_once_each(page, app_url):
    frame = open_app(page, app_url, "?date=2024-11-21")
    shown = frame.locator("path.kcm-marker").count()
    page.locator(".st-key-show_unreported label").click()         # every Kachin town
    deadline = time.monotonic() + 15
    while frame.locator("path.kcm-marker").count() <= shown:
        assert time.monotonic() < deadline, "unreported towns never drawn"
        page.wait_for_timeout(50)
    places = frame.evaluate("""() => Object.values(window.map._layers)
        .filter(l => l.options && l.options.place && l._radius).map(l => l.options.place)""")
    assert len(places) == len(set(places)) == frame.locator("path.kcm-marker").count()
    wait_fill(page, frame, "Kan Paik Ti", "#0072B2")
    page.locator(".st-key-show_unreported label").click()
    deadline = time.monotonic() + 15
    while frame.locator("path.kcm-marker").count() != shown:
        assert time.monotonic() < deadline, "unreported towns never removed"
        page.wait_for_timeout(50)
    click_marker(page, frame, "Kan Paik Ti")                           # still clickable
    assert page.errors == []


def test_article_markup_is_shown_as_text_and_runs_nothing(page, app_url):
    frame = open_app(page, app_url, "?date=2024-12-20&place=Sinbo")
    panel = page.locator(".kcm-panel")
    panel.wait_for()
    text = panel.inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert 'onerror="window.__pwned=2"' in text
    assert "`${window.__pwned=3}`" in text
    assert "Test <b>Outlet</b> `x`" in text                            # outlet, as text
    assert panel.locator("script, img, b").count() == 0
    table = page.locator(".kcm-events")                                # the events table
    assert "<script>window.__pwned=1</script>" in table.inner_text()
    assert table.locator("script, img").count() == 0
    marker(frame, "Sinbo").hover()
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert frame.evaluate("() => window.__pwned") is None
    assert page.dialogs == [] and page.errors == []


@pytest.fixture(scope="module")
def evil_events_url(tmp_path_factory) -> Iterator[str]:
    """An app reading an event table whose place name is full of markup."""
    _require_chromium()
    folder = tmp_path_factory.mktemp("evil_events")
    header = ("event_id,date,date_precision,event_type,place,lat,lon,actor,target,"
              "source_file,published,excerpt,char_start,char_end,confidence")
    name = EVIL_NAME.replace('"', '""')
    row = (f'e1,2024-11-20,day,capture,"{name}",25.5,97.5,KIA,junta,x.txt,2024-11-21,'
           f'"The KIA took ""{name}"".",0,10,0.9')
    path = folder / "events.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    server = _Server("--events", str(path), "--seeds", str(folder),
                     log=folder / "streamlit.log")
    yield server.url
    server.stop()


def test_tooltip_markup_is_inert(page, evil_events_url):
    frame = open_app(page, evil_events_url, "?date=2024-11-21")
    marker(frame, EVIL_NAME).hover()
    tooltip = frame.locator(".leaflet-tooltip.kcm-tooltip")
    tooltip.wait_for()
    assert tooltip.inner_text().startswith(f"{EVIL_NAME} — KIA and allies")
    assert tooltip.locator("img, script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert frame.evaluate("() => window.__pwned") is None
    assert page.errors == []


def test_a_saved_map_draws_its_embedded_layers(page, tmp_path):
    """A map saved as one HTML file (no app server): markers and areas embedded, no fetch."""
    import pandas as pd

    from gazetteer import app
    from gazetteer._assets import install_static_assets
    from gazetteer.mapview import AreaLayer, StatusLayer, base_map

    install_static_assets(tmp_path / "static")
    model = app.build_model(app.Options(seeds=ROOT / "seeds"))
    state = model.state(pd.Timestamp("2024-11-21").date())
    m = base_map(asset_base_url="static", boundaries=ROOT / "data" / "boundaries.geojson")
    cells, cells_js = app.area_cells(app.cell_sites(state))
    AreaLayer(app.areas_for_day(cells, state), cells_js=cells_js).add_to(m)
    StatusLayer(state).add_to(m)
    m.save(str(tmp_path / "map.html"))
    page.goto((tmp_path / "map.html").as_uri())
    page.locator("path.kcm-marker").first.wait_for(timeout=10000)
    assert page.locator("path.kcm-marker").count() == len(state)
    assert page.locator("path.kcm-area").count() >= len(cells)
    kpt = page.locator("path.kcm-place-kan-paik-ti")
    assert kpt.get_attribute("fill") == "#0072B2"                    # KIA blue, restyled
    assert "kcm-status-kia" in kpt.get_attribute("class").split()
    assert page.errors == []
    assert all(urlsplit(u).scheme == "file" for u in page.requests)  # nothing fetched

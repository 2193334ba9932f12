"""Browser fixtures: Debian's Chromium driven by Playwright, the app on a loopback port.

``app_url`` serves ``streamlit run dashboard.py`` on a free loopback port, reading a
temporary copy of the seeds plus an article full of markup. Chromium is required: when it
is missing these tests fail with the command that installs it (they never skip).
Screenshots go to tests/artifacts/ (git-ignored). Helpers reach tests through the
session fixture ``ui`` (``ui.map_frame(page)``, ``ui.Server(...)``, ``ui.ROOT``).
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
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
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


@pytest.fixture(scope="session")
def ui() -> SimpleNamespace:
    """The browser helpers and constants, for tests and their module fixtures."""
    return SimpleNamespace(
        ROOT=ROOT, ARTIFACTS=ARTIFACTS, CHROMIUM=CHROMIUM, CHROMIUM_ARGS=CHROMIUM_ARGS,
        LOOPBACK=LOOPBACK, KPT_EXCERPT=KPT_EXCERPT, EVIL_ARTICLE=EVIL_ARTICLE,
        EVIL_NAME=EVIL_NAME, CONNECT_HOOK=CONNECT_HOOK, Server=_Server,
        require_chromium=_require_chromium, free_port=_free_port, map_frame=map_frame,
        open_app=open_app, fill_of=fill_of, wait_fill=wait_fill, step_date=step_date,
        marker=marker, click_marker=click_marker, off_loopback=off_loopback)

"""The map file in Firefox (Debian's firefox-esr, driven over WebDriver BiDi by
tests/support/bidi.py), opened from disk: it asks for nothing, steps through dates with the
slider, Play and previous/next change, shows a place's excerpts and a hostile excerpt as
text, names its towns without overlap, and fits a phone. The same checks as
test_map_file.py makes in Chromium, on the same file (tests/support/mapfile_page.py).

Mouse and keyboard are real input (``input.performActions``). Every request a tab makes is
recorded from ``network.beforeRequestSent``; a navigation to a loopback server shows that
the recording works. Firefox missing is a failure naming the install command, never a skip.
Screenshots go to tests/artifacts/mapfile_firefox_*.png (git-ignored).
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.bidi import ARROW_RIGHT, Firefox, Tab, missing_firefox
from support.mapfile_data import HOSTILE, HOSTILE_PLACE
from support.mapfile_page import (
    BLUE,
    FILL,
    LABEL_BOXES,
    NO_PAGE_SCROLL,
    NO_SIDEWAYS_SCROLL,
    PLAY_DONE,
    PURPLE,
    WATCH,
    overlaps,
    write_test_map_file,
)

from gazetteer.palette import slug

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
KPT = "Kan Paik Ti"
KPT_EXCERPT = "launched a final push for Kan Paik Ti town"
TEXT = "(sel) => { const e = document.querySelector(sel); return e ? e.textContent : null; }"
COUNT = "(sel) => document.querySelectorAll(sel).length"
#: Move the map, then wait two frames: the labels are placed in the frame after a move.
SET_VIEW = """(at, zoom) => { window.kcm.map.setView(at, zoom, {animate: false});
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))); }"""


@pytest.fixture(scope="module")
def map_file(tmp_path_factory) -> Path:
    return write_test_map_file(tmp_path_factory.mktemp("mapfile"))


@pytest.fixture(scope="module")
def firefox(tmp_path_factory) -> Iterator[Firefox]:
    why = missing_firefox()
    if why:
        pytest.fail(why, pytrace=False)
    with Firefox(tmp_path_factory.mktemp("firefox")) as browser:
        yield browser


@pytest.fixture
def tab(firefox) -> Iterator[Tab]:
    opened = firefox.new_tab()
    yield opened
    opened.close()


def open_file(tab: Tab, path: Path, fragment: str = "") -> None:
    tab.preload(WATCH)
    tab.navigate(path.as_uri() + fragment)
    tab.wait_for(COUNT, "path.kcm-marker", what="the map file drew no marker")


def fill(tab: Tab, place: str) -> str:
    return tab.call(FILL, slug(place))


def wait_fill(tab: Tab, place: str, colour: str) -> None:
    tab.wait_for(f"(cls, colour) => ({FILL})(cls) === colour", slug(place), colour,
                 what=f"{place} never turned {colour} (it is {fill(tab, place)})")


def day(tab: Tab) -> str:
    return tab.call(TEXT, "#kcm-day")


def click_place(tab: Tab, place: str) -> None:
    tab.click(f"path.kcm-place-{slug(place)}")
    tab.wait_for("(p) => document.querySelector('.kcm-panel').dataset.place === p", place,
                 what=f"a click on {place} did not open its panel")


def assert_clean(tab: Tab) -> None:
    """No script error, dialog, blocked fetch or injected script in this tab."""
    assert tab.errors() == []
    assert tab.dialogs() == []
    assert tab.call("() => window.__blocked") == []
    assert tab.call("() => window.__pwned === undefined")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_opened_from_disk_it_requests_nothing_and_steps_through_dates(tab, map_file):
    open_file(tab, map_file, "#date=2024-11-19")
    assert fill(tab, KPT) == PURPLE
    tab.call("() => document.getElementById('kcm-date').focus()")
    tab.press(ARROW_RIGHT)                                             # slider: +1 day
    wait_fill(tab, KPT, BLUE)
    assert day(tab) == "2024-11-20"
    tab.click("#kcm-prev")                                             # previous change
    tab.wait_for("() => document.getElementById('kcm-day').textContent < '2024-11-20'",
                 what="'previous change' did not go back")
    wait_fill(tab, KPT, PURPLE)
    tab.click("#kcm-next")                                             # next change
    tab.wait_for("() => document.getElementById('kcm-day').textContent === '2024-11-20'",
                 what="'next change' did not come back to 2024-11-20")
    wait_fill(tab, KPT, BLUE)
    x, y = tab.center("#kcm-date")                                     # slider by mouse:
    left = tab.call("() => document.getElementById('kcm-date').getBoundingClientRect().x")
    tab.click_at(round(left) + 3, y)                                   # its first day
    tab.wait_for("() => document.getElementById('kcm-day').textContent < '2024-11-01'",
                 what="a click at the slider's left end did not go back in time")
    wait_fill(tab, KPT, PURPLE)
    first = day(tab)
    tab.click_at(x, y)                                                 # and its middle
    tab.wait_for("(d) => document.getElementById('kcm-day').textContent > d", first,
                 what="a click in the slider's middle did not move the date")
    tab.call("() => { document.getElementById('kcm-speed').value = '400'; }")
    tab.click("#kcm-play")                                             # Play to the end
    tab.wait_for("() => document.getElementById('kcm-play').textContent.includes('Pause')",
                 what="Play did not start")
    tab.wait_for(PLAY_DONE, what="Play did not run to the last change", timeout=20)
    assert day(tab) > "2024-11-20"
    tab.click(".leaflet-control-zoom-in")
    tab.wait_for("() => window.kcm.map.getZoom() > 7 && !document.querySelector("
                 "'.leaflet-zoom-anim')", what="the map did not zoom in")
    click_place(tab, KPT)                                              # its excerpts
    panel = tab.call(TEXT, ".kcm-panel")
    assert KPT_EXCERPT in panel
    assert "published 2024-11-21 · 001_6eea88aa589c2e7f.txt" in panel
    assert tab.call(COUNT, ".kcm-panel blockquote") >= 1
    assert tab.call(TEXT, ".kcm-label-selected") == KPT                 # and it is named
    assert tab.call(COUNT, ".kcm-label") > 3
    assert [u.split("#")[0] for u in tab.requests()] in ([], [map_file.as_uri()])
    assert_clean(tab)
    # the recording works: a page from a loopback server is seen
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        tab.navigate(url)
        assert url in tab.requests()
    finally:
        server.shutdown()
        server.server_close()


def test_a_hostile_excerpt_and_place_name_are_shown_as_text(tab, map_file):
    open_file(tab, map_file, "#date=2024-12-05")
    marker = f"path.kcm-place-{slug(HOSTILE_PLACE)}"
    tab.hover(marker)
    tip = tab.wait_for(TEXT, ".leaflet-tooltip.kcm-tooltip", what="no tooltip on hover")
    assert tip.startswith(f"{HOSTILE_PLACE} — KIA and allies")
    click_place(tab, HOSTILE_PLACE)
    assert tab.call(TEXT, ".kcm-panel h2") == HOSTILE_PLACE
    assert tab.call(TEXT, ".kcm-panel blockquote") == HOSTILE
    assert "evil <i>file</i>.txt" in tab.call(TEXT, ".kcm-panel")
    assert tab.call(COUNT, ".kcm-panel img, .kcm-panel script, .kcm-panel b, "
                    ".kcm-panel i") == 0
    assert tab.call(COUNT, "body img") == 0
    assert_clean(tab)


def test_labels_never_overlap_and_the_clicked_place_is_named(tab, map_file):
    open_file(tab, map_file, "#date=2024-12-20")
    seen = {}
    for zoom in (6, 8, 10):
        tab.call(SET_VIEW, [25.4, 97.6], zoom)
        boxes = tab.call(LABEL_BOXES)
        assert boxes, zoom
        assert overlaps(boxes) == [], zoom
        seen[zoom] = {b["text"] for b in boxes}
    # Waingmaw sits next to Myitkyina: unnamed when zoomed out, named when zoomed in
    assert "Myitkyina" in seen[6] and "Waingmaw" not in seen[6]
    assert {"Myitkyina", "Waingmaw"} <= seen[8]
    tab.call(SET_VIEW, [25.0, 97.6], 8)
    for place in ("Waingmaw", "Myitkyina", "Lal Long Aungja base", "Mung Lai Hkyet"):
        click_place(tab, place)
        tab.wait_for("(p) => [...document.querySelectorAll('.kcm-label-selected')]"
                     ".map((e) => e.textContent).join('|') === p", place,
                     what=f"{place} is not the one selected label")
        assert overlaps(tab.call(LABEL_BOXES)) == []
    assert_clean(tab)


def test_phone_and_desktop_layouts(tab, map_file):
    tab.set_viewport(390, 844)
    open_file(tab, map_file, "#date=2024-11-21&place=Kan%20Paik%20Ti")
    tab.wait_for("() => document.querySelector('.kcm-panel').dataset.place === 'Kan Paik Ti'",
                 what="the place in the address did not open its panel")
    box = tab.call("""() => Object.fromEntries([['map', '#kcm-map'],
        ['controls', '.kcm-controls'], ['panel', '#kcm-panel']].map(([k, s]) => {
            const r = document.querySelector(s).getBoundingClientRect();
            return [k, {x: r.x, y: r.y, width: r.width, height: r.height}]; }))""")
    tab.screenshot(ARTIFACTS / "mapfile_firefox_390x844.png")
    # desktop Firefox draws a classic scrollbar (12 px here) where a phone overlays one:
    # the map fills the width the page is given
    width = tab.call("() => document.documentElement.clientWidth")
    assert 370 <= width <= 390
    assert box["map"]["x"] == 0 and box["map"]["width"] == width        # map first, full
    assert box["map"]["y"] < box["controls"]["y"] < box["panel"]["y"]
    assert box["controls"]["y"] + box["controls"]["height"] <= 844      # controls in reach
    assert tab.call(NO_SIDEWAYS_SCROLL)
    tab.call("() => { [...document.querySelectorAll('#kcm-panel blockquote')].pop()"
             ".scrollIntoView(); }")
    controls = tab.call("() => { const r = document.querySelector('.kcm-controls')"
                        ".getBoundingClientRect(); return [r.top, r.bottom]; }")
    assert controls[0] >= 0 and controls[1] <= 844                     # still in reach
    before = day(tab)
    tab.click("#kcm-next")                                              # and usable
    tab.wait_for("(d) => document.getElementById('kcm-day').textContent > d", before,
                 what="'next change' did not work with the page scrolled")
    assert tab.call(NO_SIDEWAYS_SCROLL)
    tab.screenshot(ARTIFACTS / "mapfile_firefox_390x844_scrolled.png")
    tab.set_viewport(1400, 1000)
    # Leaflet redraws its SVG for the new size 200 ms after the window's resize event
    tab.wait_for("""() => { const m = document.getElementById('kcm-map');
        return window.innerWidth === 1400 && [...m.querySelectorAll('svg')]
            .every((s) => +s.getAttribute('width') >= m.clientWidth); }""",
                 what="the map was not redrawn for a 1400 px window")
    assert tab.call(NO_SIDEWAYS_SCROLL)
    assert tab.call(NO_PAGE_SCROLL)
    assert tab.call("() => document.documentElement.clientWidth") == 1400   # no scrollbar
    tab.screenshot(ARTIFACTS / "mapfile_firefox_1400x1000.png")
    assert_clean(tab)

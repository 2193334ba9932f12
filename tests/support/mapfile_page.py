"""What the map file's browser tests share, whichever browser drives them (Chromium through
Playwright in tests/browser/test_map_file.py, Firefox through WebDriver BiDi in
tests/browser/test_map_file_firefox.py): the file under test, the colours to expect, and
the page scripts that read it. Scripts are JS function sources taking JSON arguments."""

from __future__ import annotations

import itertools
from pathlib import Path

from gazetteer.mapfile import map_file_html
from gazetteer.places import Gazetteer
from gazetteer.timeline import Timeline
from support.mapfile_data import BASELINE, hostile_events

PURPLE, BLUE = "rgb(204, 121, 167)", "rgb(0, 114, 178)"   # BGF, KIA
#: Records Content-Security-Policy violations in ``window.__blocked`` (run before the page).
WATCH = """() => {
    window.__blocked = [];
    document.addEventListener('securitypolicyviolation', (e) =>
        window.__blocked.push(e.blockedURI + ' ' + e.violatedDirective));
}"""
#: The computed fill of a place's marker (argument: the place's slug), or null.
FILL = """(cls) => { const p = document.querySelector('path.kcm-place-' + cls);
    return p ? getComputedStyle(p).fill : null; }"""
#: Play has run to the last change: the button offers Play again and "next" is disabled.
PLAY_DONE = """() => document.getElementById('kcm-play').textContent.includes('Play')
    && document.getElementById('kcm-next').disabled"""
LABEL_BOXES = """() => [...document.querySelectorAll('.kcm-label, .kcm-region-label')]
    .map((e) => { const r = e.getBoundingClientRect();
                  return {text: e.textContent, x: r.x, y: r.y, w: r.width, h: r.height}; })"""
NO_SIDEWAYS_SCROLL = """() => document.documentElement.scrollWidth <= window.innerWidth
    && document.body.scrollWidth <= window.innerWidth"""
#: On a desktop the page is exactly the window's height: the panel scrolls, not the page.
NO_PAGE_SCROLL = """() => document.documentElement.scrollHeight <= window.innerHeight"""


def write_test_map_file(folder: Path) -> Path:
    """The seeds' map file plus one hostile event (support.mapfile_data), as map.html."""
    events = hostile_events()
    html = map_file_html(Timeline.from_events(events, baseline=BASELINE), events,
                         places={p.name: p for p in Gazetteer.default().places},
                         note="browser test")
    path = folder / "map.html"
    path.write_text(html, encoding="utf-8")
    return path


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of label boxes (from :data:`LABEL_BOXES`) that overlap."""
    out = []
    for a, b in itertools.combinations(boxes, 2):
        if (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]):
            out.append((a["text"], b["text"]))
    return out

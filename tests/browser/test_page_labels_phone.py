"""The page's map names its towns (labels never pile up, the clicked place is always
named) and the page fits a phone: at 390 px the map comes first and fills the width, the
time controls stay in reach, the source panel follows, and nothing scrolls sideways.

Screenshots at 390x844 and 1400x1000 go to tests/artifacts/ (git-ignored).
Fixtures (``page``, ``app_url``, ``ui``) come from tests/browser/conftest.py.
"""

from __future__ import annotations

import itertools

import pytest

pytestmark = pytest.mark.browser

LABEL_BOXES = """() => [...document.querySelectorAll('.kcm-label, .kcm-region-label')]
    .map((e) => { const r = e.getBoundingClientRect();
                  return {text: e.textContent, region: e.classList.contains('kcm-region-label'),
                          x: r.x, y: r.y, w: r.width, h: r.height}; })"""


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of labels that overlap, town labels against every other label."""
    return [(a["text"], b["text"]) for a, b in itertools.combinations(boxes, 2)
            if not (a["region"] and b["region"])
            and a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]


def test_town_labels_never_overlap_and_the_clicked_place_is_named(ui, page, app_url):
    frame = ui.open_app(page, app_url, "?date=2024-11-21")
    page.wait_for_timeout(500)                             # boundaries and their names
    seen = {}
    for zoom in (6, 8, 10):
        frame.evaluate("(z) => window.map.setView([25.4, 97.6], z, {animate: false})", zoom)
        page.wait_for_timeout(300)
        boxes = frame.evaluate(LABEL_BOXES)
        assert overlaps(boxes) == [], zoom
        seen[zoom] = {b["text"] for b in boxes if not b["region"]}
        assert seen[zoom], zoom
    # Waingmaw sits next to Myitkyina: unnamed when zoomed out, named when zoomed in
    assert "Myitkyina" in seen[6] and "Waingmaw" not in seen[6]
    assert {"Myitkyina", "Waingmaw"} <= seen[8]
    frame.evaluate("() => window.map.setView([25.4, 97.6], 6, {animate: false})")
    page.wait_for_timeout(300)
    ui.click_marker(page, frame, "Waingmaw")               # hidden at this zoom until now
    selected = frame.locator(".kcm-label-selected")
    selected.wait_for(timeout=5000)
    assert selected.inner_text() == "Waingmaw"
    assert overlaps(frame.evaluate(LABEL_BOXES)) == []
    ui.step_date(page, "ArrowRight", "2024-11-22")          # still named after a step
    assert frame.locator(".kcm-label-selected").inner_text() == "Waingmaw"
    assert page.errors == []


def no_sideways_scroll(page) -> list[str]:
    """Elements wider than the window, or scroll boxes that scroll sideways."""
    return page.evaluate("""() => {
        const w = window.innerWidth, out = [];
        if (document.documentElement.scrollWidth > w) { out.push('document'); }
        for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width && getComputedStyle(el).visibility !== 'hidden'
                    && !el.closest('[data-testid="stSidebar"]')
                    && (r.right > w + 1 || el.scrollWidth > el.clientWidth + 1
                        && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))) {
                out.push((el.dataset.testid || el.tagName) + '.' + el.className);
            }
        }
        return out.slice(0, 10);
    }""")


def test_phone_layout_and_screenshots(ui, page, app_url):
    page.set_viewport_size({"width": 390, "height": 844})
    frame = ui.open_app(page, app_url, "?date=2024-11-21&place=Kan+Paik+Ti")
    page.locator('.kcm-panel[data-place="Kan Paik Ti"]').wait_for(timeout=15_000)
    page.wait_for_timeout(800)
    page.screenshot(path=str(ui.ARTIFACTS / "page_390x844.png"))
    box = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    panel = page.locator(".kcm-panel").bounding_box()
    bar = page.locator(".st-key-kcm_time").bounding_box()
    assert box["width"] >= 370 and box["x"] <= 10                     # fills the width
    assert box["y"] < 844 / 2 and box["y"] + box["height"] < panel["y"]  # map, then panel
    assert bar["y"] >= 0 and bar["y"] + bar["height"] <= 844           # controls in reach
    assert bar["y"] > box["y"]                                         # below the map's top
    assert no_sideways_scroll(page) == []
    page.locator(".kcm-panel h4").last.scroll_into_view_if_needed()      # read the sources
    page.wait_for_timeout(300)
    bar = page.locator(".st-key-kcm_time").bounding_box()
    assert bar["y"] >= 0 and bar["y"] + bar["height"] <= 844           # still in reach
    ui.step_date(page, "ArrowRight", "2024-11-22")                      # and usable
    ui.wait_fill(page, frame, "Kan Paik Ti", "#0072B2")
    page.screenshot(path=str(ui.ARTIFACTS / "page_390x844_sources.png"))
    assert no_sideways_scroll(page) == []
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.locator("h1").first.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    page.screenshot(path=str(ui.ARTIFACTS / "page_1400x1000.png"))
    bar = page.locator(".st-key-kcm_time").bounding_box()
    box = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    assert bar["y"] + bar["height"] <= box["y"]                         # above the map
    assert no_sideways_scroll(page) == []
    assert page.errors == []

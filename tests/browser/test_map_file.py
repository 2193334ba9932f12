"""The map file in a real browser (Chromium), opened from disk: it asks for nothing, steps
through dates, shows hostile excerpts as text, keeps labels apart, and fits a phone.

Screenshots go to tests/artifacts/ (git-ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.mapfile_data import HOSTILE, HOSTILE_PLACE
from support.mapfile_page import (
    BLUE,
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


@pytest.fixture(scope="module")
def map_file(tmp_path_factory) -> Path:
    return write_test_map_file(tmp_path_factory.mktemp("mapfile"))


def open_file(page, path: Path, fragment: str = "") -> None:
    page.add_init_script(f"({WATCH})()")
    page.goto(path.as_uri() + fragment)
    page.locator("path.kcm-marker").first.wait_for(timeout=10_000)


def fill(page, place: str) -> str:
    return page.locator(f"path.kcm-place-{slug(place)}").evaluate(
        "(p) => getComputedStyle(p).fill")


def wait_fill(page, place: str, colour: str) -> None:
    page.wait_for_function(
        "([cls, colour]) => { const p = document.querySelector('path.kcm-place-' + cls);"
        " return p && getComputedStyle(p).fill === colour; }",
        arg=[slug(place), colour], timeout=5_000)


def test_opened_from_disk_it_requests_nothing_and_steps_through_dates(page, map_file):
    open_file(page, map_file, "#date=2024-11-19")
    assert fill(page, "Kan Paik Ti") == PURPLE
    page.locator("#kcm-date").focus()
    page.keyboard.press("ArrowRight")                                  # slider: +1 day
    wait_fill(page, "Kan Paik Ti", BLUE)
    assert page.locator("#kcm-day").inner_text() == "2024-11-20"
    page.locator("#kcm-prev").click()                                  # previous change
    assert page.locator("#kcm-day").inner_text() < "2024-11-20"
    wait_fill(page, "Kan Paik Ti", PURPLE)
    page.locator("#kcm-next").click()                                  # next change
    assert page.locator("#kcm-day").inner_text() == "2024-11-20"
    page.select_option("#kcm-speed", "400")
    page.locator("#kcm-play").click()                                  # Play to the end
    page.wait_for_function(PLAY_DONE, timeout=20_000)
    assert page.locator("#kcm-day").inner_text() > "2024-11-20"
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_function("() => window.kcm.map.getZoom() > 7 && "  # the zoom has ended:
                           "!document.querySelector('.leaflet-zoom-anim')")  # paths settled
    page.locator(f"path.kcm-place-{slug('Kan Paik Ti')}").click()
    page.locator('.kcm-panel[data-place="Kan Paik Ti"]').wait_for()
    page.wait_for_timeout(300)
    assert page.requests == [map_file.as_uri() + "#date=2024-11-19"] or \
        [u.split("#")[0] for u in page.requests] == [map_file.as_uri()]
    assert page.evaluate("() => window.__blocked") == []
    assert page.errors == []


def test_a_hostile_excerpt_and_place_name_are_shown_as_text(page, map_file):
    open_file(page, map_file, "#date=2024-12-05")
    marker = page.locator(f"path.kcm-place-{slug(HOSTILE_PLACE)}")
    marker.hover()
    tip = page.locator(".leaflet-tooltip.kcm-tooltip")
    tip.wait_for()
    assert tip.inner_text().startswith(f"{HOSTILE_PLACE} — KIA and allies")
    marker.click()
    panel = page.locator(".kcm-panel")
    panel.locator("blockquote").first.wait_for()
    assert panel.locator("h2").inner_text() == HOSTILE_PLACE
    quote = panel.locator("blockquote").first.evaluate("(q) => q.textContent")
    assert quote == HOSTILE
    assert "evil <i>file</i>.txt" in panel.inner_text()
    assert panel.locator("img, script, b, i").count() == 0
    assert page.locator("body img").count() == 0
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == [] and page.errors == []
    assert page.evaluate("() => window.__blocked") == []


def test_labels_never_overlap_and_the_clicked_place_is_named(page, map_file):
    open_file(page, map_file, "#date=2024-12-20")
    seen = {}
    for zoom in (6, 8, 10):
        page.evaluate("(z) => window.kcm.map.setView([25.4, 97.6], z, {animate: false})", zoom)
        page.wait_for_timeout(150)
        boxes = page.evaluate(LABEL_BOXES)
        assert boxes, zoom
        assert overlaps(boxes) == [], zoom
        seen[zoom] = {b["text"] for b in boxes}
    # Waingmaw sits next to Myitkyina: unnamed when zoomed out, named when zoomed in
    assert "Myitkyina" in seen[6] and "Waingmaw" not in seen[6]
    assert {"Myitkyina", "Waingmaw"} <= seen[8]
    page.evaluate("() => window.kcm.map.setView([25.0, 97.6], 8, {animate: false})")
    for place in ("Waingmaw", "Myitkyina", "Lal Long Aungja base", "Mung Lai Hkyet"):
        page.locator(f"path.kcm-place-{slug(place)}").click()
        page.locator(f'.kcm-panel[data-place="{place}"]').wait_for()
        page.wait_for_timeout(100)
        selected = page.locator(".kcm-label-selected")
        assert selected.count() == 1 and selected.inner_text() == place
        assert overlaps(page.evaluate(LABEL_BOXES)) == []


def no_sideways_scroll(page) -> bool:
    return page.evaluate(NO_SIDEWAYS_SCROLL)


def test_phone_and_desktop_layouts(page, map_file):
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 390, "height": 844})
    open_file(page, map_file, "#date=2024-11-21&place=Kan%20Paik%20Ti")
    page.locator('.kcm-panel[data-place="Kan Paik Ti"]').wait_for()
    page.wait_for_timeout(200)
    page.screenshot(path=str(ARTIFACTS / "mapfile_390x844.png"))
    box = {k: page.locator(s).bounding_box() for k, s in (
        ("map", "#kcm-map"), ("controls", ".kcm-controls"), ("panel", "#kcm-panel"))}
    assert box["map"]["x"] == 0 and box["map"]["width"] == 390          # map first, full
    assert box["map"]["y"] < box["controls"]["y"] < box["panel"]["y"]
    assert box["controls"]["y"] + box["controls"]["height"] <= 844      # controls in reach
    assert no_sideways_scroll(page)
    page.locator("#kcm-panel blockquote").last.scroll_into_view_if_needed()
    controls = page.locator(".kcm-controls").bounding_box()
    assert controls["y"] >= 0 and controls["y"] + controls["height"] <= 844   # still in reach
    page.locator("#kcm-next").click()                                   # and usable
    assert no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "mapfile_390x844_scrolled.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_timeout(200)
    assert no_sideways_scroll(page)
    assert page.evaluate(NO_PAGE_SCROLL)
    page.screenshot(path=str(ARTIFACTS / "mapfile_1400x1000.png"))
    assert page.errors == []

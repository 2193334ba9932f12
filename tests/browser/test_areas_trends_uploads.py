"""Real-browser tests of areas of control, the trends chart and uploads.

One app per module (``streamlit run dashboard.py -- --seeds COPY``), driven by Debian's
Chromium through Playwright; the server, browser and page helpers come from
tests/browser/conftest.py (``ui``). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
pytestmark = pytest.mark.browser

SHWEGU = "Rebel forces overran Shwegu on 3 March 2025, residents said."


@pytest.fixture(scope="module")
def app_url(ui, tmp_path_factory) -> Iterator[str]:
    ui.require_chromium()
    folder = tmp_path_factory.mktemp("seeds6")
    for src in (ROOT / "seeds").iterdir():
        shutil.copyfile(src, folder / src.name)
    server = ui.Server("--seeds", str(folder), log=folder / "streamlit.log")
    yield server.url
    server.stop()


def area_count(frame) -> int:
    return frame.evaluate("() => document.querySelectorAll('path.kcm-area').length")


def wait_areas(page, frame, present: bool, timeout: float = 15.0) -> None:
    deadline = page.evaluate("() => performance.now()") + timeout * 1000
    while (area_count(frame) > 0) != present:
        assert page.evaluate("() => performance.now()") < deadline, \
            f"areas never {'appeared' if present else 'went away'}"
        page.wait_for_timeout(50)


def shown_date(page) -> str:
    text = page.get_by_text(re.compile(r"^Control on \d{4}-\d{2}-\d{2}$")).inner_text()
    return text.removeprefix("Control on ")


def test_area_layer_shows_cells_under_the_markers_and_toggles(ui, page, app_url):
    ARTIFACTS.mkdir(exist_ok=True)
    frame = ui.open_app(page, app_url, "?date=2024-12-17")
    wait_areas(page, frame, False)                               # off until asked for
    page.locator(".st-key-show_areas label").click()
    wait_areas(page, frame, True)
    page.wait_for_timeout(400)                                   # boundaries drawn too
    page.screenshot(path=str(ARTIFACTS / "areas_2024-12-17.png"))
    cells = frame.evaluate("""() => Array.from(document.querySelectorAll('path.kcm-area'))
        .map(p => [p.getAttribute('class'), p.getAttribute('fill')])""")
    kia = [fill for cls, fill in cells if "kcm-area-status-kia" in cls]
    assert kia and all(fill == "#0072B2" for fill in kia)        # the markers' blue, lighter
    hatched = [fill for cls, fill in cells if "kcm-area-hatched" in cls]
    assert hatched and all(fill.startswith("url(#kcm-hatch-") for fill in hatched)
    # the areas sit in their own pane, under the markers' pane
    z = frame.evaluate("""() => [getComputedStyle(window.map.getPane('kcmareas')).zIndex,
                                 getComputedStyle(window.map.getPane('overlayPane')).zIndex]""")
    assert int(z[0]) < int(z[1])
    ui.click_marker(page, frame, "Kan Paik Ti")                     # markers still clickable
    # a cell's tooltip names its place
    box = frame.locator("#map_div").bounding_box()
    frame.evaluate("() => window.map.setView([25.0, 96.2], 7)")  # over western Kachin
    page.mouse.move(box["x"] + box["width"] / 2 + 3, box["y"] + box["height"] / 2 + 3)
    tooltip = frame.locator(".kcm-area-tooltip")
    tooltip.wait_for(timeout=5000)
    assert tooltip.inner_text().startswith("Area nearest ")
    assert "approximation" in tooltip.inner_text()
    assert page.get_by_text("Shaded areas are an approximation derived from point reports",
                            exact=False).is_visible()
    # switch off: the cells go, the markers and the map (zoom) stay
    zoom = frame.evaluate("() => window.map.getZoom()")
    page.locator(".st-key-show_areas label").click()
    wait_areas(page, frame, False)
    assert ui.marker(frame, "Kan Paik Ti").count() == 1
    assert frame.evaluate("() => window.map.getZoom()") == zoom
    page.locator(".st-key-show_areas label").click()
    wait_areas(page, frame, True)
    assert ui.off_loopback(page.requests) == [] and page.errors == []


def test_clicking_the_chart_moves_the_map_date(ui, page, app_url):
    ui.open_app(page, app_url, "?date=2024-12-17")
    page.locator(".st-key-show_trends label").click()
    chart = page.locator(".st-key-trends")
    chart.scroll_into_view_if_needed()
    plot = chart.locator("svg.marks, canvas.marks").first
    plot.wait_for(timeout=15000)
    box = plot.bounding_box()
    # the selection picks the point nearest the click: at the plot's left edge, that is a
    # point of the first sampled day, the data's first day
    page.mouse.click(box["x"] + 60, box["y"] + box["height"] * 0.45)
    page.get_by_text("Control on 2023-10-09", exact=True).wait_for(timeout=15000)
    expect(page.locator(".st-key-date input[type=range]")).to_have_attribute(
        "aria-valuetext", "2023-10-09", timeout=15000)          # the slider followed
    page.screenshot(path=str(ARTIFACTS / "trends_click.png"))
    # and a point at the right end (the last change or the last day) moves it forward
    page.mouse.click(box["x"] + box["width"] - 30, box["y"] + box["height"] * 0.45)
    page.wait_for_function(
        "() => !document.body.innerText.includes('Control on 2023-10-09')", timeout=15000)
    assert dt.date.fromisoformat(shown_date(page)) > dt.date(2024, 12, 1)
    assert page.errors == []


def test_an_uploaded_article_is_mapped_with_its_excerpt(ui, page, app_url, tmp_path):
    frame = ui.open_app(page, app_url, "?date=2025-03-10")
    page.get_by_text("Add articles or an event table", exact=True).click()   # the popover
    year = page.locator(".st-key-upload_published [role=spinbutton][data-type=year]")
    year.scroll_into_view_if_needed()
    year.focus()
    page.keyboard.type("20250305")                               # yyyy, mm, dd segments
    page.get_by_text("Their publication date", exact=True).click()  # leave the field: commits
    article = tmp_path / "shwegu_report.txt"
    article.write_text(SHWEGU + "\n", encoding="utf-8")
    page.locator(".st-key-upload_articles input[type=file]").set_input_files(str(article))
    page.get_by_text("shwegu_report.txt: 1 event(s) extracted (published 2025-03-05)",
                     exact=True).wait_for(timeout=30000)
    frame = ui.map_frame(page)
    target = ui.marker(frame, "Shwegu")
    target.wait_for(timeout=15000)
    ui.click_marker(page, frame, "Shwegu")
    panel = page.locator(".kcm-panel")
    assert SHWEGU in panel.inner_text()
    assert "Uploaded in this session" in panel.inner_text()
    assert "shwegu_report.txt" in panel.inner_text()
    assert ui.off_loopback(page.requests) == [] and page.errors == []


def test_no_project_file_was_written(app_url):
    """After the uploads above, seeds/ and data/ are as they were (module-level check)."""
    for folder in ("seeds", "data"):
        names = {p.name for p in (ROOT / folder).iterdir()}
        assert not any("shwegu" in n.lower() for n in names), names
    assert Path(ROOT / "seeds").is_dir()

"""Real-browser tests of the map page: colours by date, the source panel, zoom kept across
steps, markup shown as text, nothing fetched off loopback, and a saved map file.

Fixtures (``page``, ``app_url``, ``ui``) come from tests/browser/conftest.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
pytestmark = pytest.mark.browser

def test_no_request_leaves_loopback(ui, page, app_url):
    frame = ui.open_app(page, app_url, "?date=2024-11-19")
    ui.step_date(page, "ArrowRight", "2024-11-20")
    ui.click_marker(page, frame, "Kan Paik Ti")
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(500)
    assert ui.off_loopback(page.requests) == []
    served = {urlsplit(u).path for u in page.requests}
    assert "/app/static/vendor/leaflet/leaflet.js" in served          # Leaflet from us
    assert "/app/static/data/boundaries.geojson" in served
    assert frame.evaluate("() => window.map.hasLayer(window.L ? Object.values("
                          "window.map._layers).find(l => l.feature) : null)") is not None
    assert page.errors == []


def test_server_started_like_make_run_connects_nowhere(ui, page, tmp_path):
    """``make run`` flags only: .streamlit/config.toml must stop every call home."""
    (tmp_path / "sitecustomize.py").write_text(ui.CONNECT_HOOK, encoding="utf-8")
    attempts = tmp_path / "connects.log"
    attempts.write_text("")
    env = {"PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
           "KCM_CONNECT_LOG": str(attempts)}
    probe = ("import socket\ntry:\n    socket.getaddrinfo('example.com', 80)\n"
             "except OSError:\n    pass")
    subprocess.run([sys.executable, "-c", probe], env={**os.environ, **env}, check=True)
    assert "resolve example.com" in attempts.read_text()        # the hook is active
    attempts.write_text("")
    server = ui.Server(log=tmp_path / "streamlit.log", flags=("--server.headless", "true"),
                     env=env)
    try:
        ui.open_app(page, server.url, "?date=2024-11-21")
        ui.click_marker(page, ui.map_frame(page), "Kan Paik Ti")
    finally:
        server.stop()
    assert attempts.read_text() == "", attempts.read_text()
    assert "External URL" not in server.log.read_text()
    assert ui.off_loopback(page.requests) == []


def test_kan_paik_ti_changes_colour_between_19_and_21_november(ui, page, app_url):
    ARTIFACTS.mkdir(exist_ok=True)
    frame = ui.open_app(page, app_url, "?date=2024-11-19")
    page.wait_for_timeout(400)  # boundaries fetched and drawn
    before = ui.fill_of(frame, "Kan Paik Ti")
    page.screenshot(path=str(ARTIFACTS / "map_2024-11-19.png"))
    ui.step_date(page, "ArrowRight", "2024-11-20")
    ui.step_date(page, "ArrowRight", "2024-11-21")
    ui.wait_fill(page, frame, "Kan Paik Ti", "#0072B2")                  # KIA blue
    page.screenshot(path=str(ARTIFACTS / "map_2024-11-21.png"))
    assert before == "#CC79A7" != ui.fill_of(frame, "Kan Paik Ti")       # was BGF purple


def test_clicking_a_marker_opens_its_sources(ui, page, app_url):
    frame = ui.open_app(page, app_url, "?date=2024-11-21")
    ui.click_marker(page, frame, "Kan Paik Ti")
    panel = page.locator(".kcm-panel")
    assert ui.KPT_EXCERPT in panel.inner_text()
    assert "RFA" in panel.inner_text()
    assert panel.locator("mark.kcm-event", has_text="captured").count() >= 1
    # another place, then the same place again: both clicks register
    ui.click_marker(page, frame, "Chipwi")
    ui.click_marker(page, frame, "Kan Paik Ti")
    # after the date moved, the panel follows the date and clicks still work
    ui.step_date(page, "ArrowLeft", "2024-11-20")
    page.get_by_text("On 2024-11-20:", exact=False).wait_for(timeout=10000)
    ui.click_marker(page, frame, "Chipwi")
    ui.click_marker(page, frame, "Kan Paik Ti")
    assert ui.KPT_EXCERPT in page.locator(".kcm-panel").inner_text()
    page.screenshot(path=str(ARTIFACTS / "panel_kan_paik_ti.png"))


def test_a_marker_low_on_a_half_visible_map_takes_the_click(ui, page, app_url):
    # Leaflet focuses the map on a press; that focus must not scroll the page, or the
    # press ends elsewhere and the click is lost
    page.set_viewport_size({"width": 1400, "height": 700})
    frame = ui.open_app(page, app_url, "?date=2024-11-21")
    page.mouse.move(700, 300)
    page.mouse.wheel(0, ui.marker(frame, "Chipwi").bounding_box()["y"] - 640)  # Chipwi low
    page.wait_for_timeout(400)
    frame_box = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    assert frame_box["y"] + frame_box["height"] > 700                 # partly out of view
    spot = ui.marker(frame, "Chipwi").bounding_box()
    assert spot["y"] + spot["height"] < 700                            # Chipwi in view
    page.mouse.click(spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2)
    page.locator('.kcm-panel[data-place="Chipwi"]').wait_for(timeout=15000)


def test_slider_steps_keep_zoom_and_do_not_reload_the_map(ui, page, app_url):
    frame = ui.open_app(page, app_url, "?date=2024-11-18")
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
        ui.step_date(page, "ArrowRight", day)
    ui.wait_fill(page, frame, "Kan Paik Ti", "#0072B2")                  # markers did update
    # restyled in place: the same SVG paths, the new status in their class
    kpt = ui.marker(frame, "Kan Paik Ti")
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


def test_a_new_set_of_places_redraws_the_markers_once_each(ui, page, app_url):
    frame = ui.open_app(page, app_url, "?date=2024-11-21")
    shown = frame.locator("path.kcm-marker").count()
    page.locator(".st-key-show_unreported label").click()         # every Kachin town
    deadline = time.monotonic() + 15
    while frame.locator("path.kcm-marker").count() <= shown:
        assert time.monotonic() < deadline, "unreported towns never drawn"
        page.wait_for_timeout(50)
    places = frame.evaluate("""() => Object.values(window.map._layers)
        .filter(l => l.options && l.options.place && l._radius).map(l => l.options.place)""")
    assert len(places) == len(set(places)) == frame.locator("path.kcm-marker").count()
    ui.wait_fill(page, frame, "Kan Paik Ti", "#0072B2")
    page.locator(".st-key-show_unreported label").click()
    deadline = time.monotonic() + 15
    while frame.locator("path.kcm-marker").count() != shown:
        assert time.monotonic() < deadline, "unreported towns never removed"
        page.wait_for_timeout(50)
    ui.click_marker(page, frame, "Kan Paik Ti")                           # still clickable
    assert page.errors == []


def test_article_markup_is_shown_as_text_and_runs_nothing(ui, page, app_url):
    frame = ui.open_app(page, app_url, "?date=2024-12-20&place=Sinbo")
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
    ui.marker(frame, "Sinbo").hover()
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert frame.evaluate("() => window.__pwned") is None
    assert page.dialogs == [] and page.errors == []


@pytest.fixture(scope="module")
def evil_events_url(ui, tmp_path_factory) -> Iterator[str]:
    """An app reading an event table whose place name is full of markup."""
    ui.require_chromium()
    folder = tmp_path_factory.mktemp("evil_events")
    header = ("event_id,date,date_precision,event_type,place,lat,lon,actor,target,"
              "source_file,published,excerpt,char_start,char_end,confidence")
    name = ui.EVIL_NAME.replace('"', '""')
    row = (f'e1,2024-11-20,day,capture,"{name}",25.5,97.5,KIA,junta,x.txt,2024-11-21,'
           f'"The KIA took ""{name}"".",0,10,0.9')
    path = folder / "events.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    server = ui.Server("--events", str(path), "--seeds", str(folder),
                     log=folder / "streamlit.log")
    yield server.url
    server.stop()


def test_tooltip_markup_is_inert(ui, page, evil_events_url):
    frame = ui.open_app(page, evil_events_url, "?date=2024-11-21")
    ui.marker(frame, ui.EVIL_NAME).hover()
    tooltip = frame.locator(".leaflet-tooltip.kcm-tooltip")
    tooltip.wait_for()
    assert tooltip.inner_text().startswith(f"{ui.EVIL_NAME} — KIA and allies")
    assert tooltip.locator("img, script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert frame.evaluate("() => window.__pwned") is None
    assert page.errors == []


def test_a_saved_map_draws_its_embedded_layers(ui, page, tmp_path):
    """A map saved as one HTML file (no app server): markers and areas embedded, no fetch."""
    import pandas as pd

    from gazetteer import areas
    from gazetteer.web import Options, build_model
    from gazetteer.web.assets import install_static_assets
    from gazetteer.web.layers import AreaLayer, StatusLayer, cells_script
    from gazetteer.web.map import base_map

    install_static_assets(tmp_path / "static")
    model = build_model(Options(seeds=ROOT / "seeds"))
    state = model.state(pd.Timestamp("2024-11-21").date())
    m = base_map(asset_base_url="static", boundaries=ROOT / "data" / "boundaries.geojson")
    sites = areas.cell_sites(state)
    cells, cells_js = areas.area_cells(sites), cells_script(sites)
    AreaLayer(areas.areas_for_day(cells, state), cells_js=cells_js).add_to(m)
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

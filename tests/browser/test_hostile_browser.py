"""Issue 14 in a real browser: markdown payloads in the URL, in place names, outlets and
file names load nothing from outside and show no live link; fast key presses on the date
slider all count; a worst-case upload never holds another session's steps."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

IMAGE = "![t](https://beacon.invalid/t.png)"
PHISH = "[Your session expired](https://phish.invalid)"
PLACE = "[Kan](https://phish.invalid/kan)"
OUTLET = "![o](https://beacon.invalid/o.png)"
FILE = "![f](https:beacon.invalid\\f.png).txt"
HEADER = ("event_id,date,date_precision,event_type,place,lat,lon,actor,target,source_file,"
          "published,excerpt,char_start,char_end,confidence,outlet")


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@pytest.fixture(scope="module")
def hostile_url(ui, tmp_path_factory) -> Iterator[str]:
    """An app reading an event table whose place, actor, file and outlet are markdown."""
    ui.require_chromium()
    folder = tmp_path_factory.mktemp("hostile_md")
    rows = []
    for i, day in enumerate(("2024-11-01", "2024-11-20", "2024-12-10", "2025-01-15")):
        excerpt = f"The KIA took the place named {PLACE} on that day."
        rows.append(",".join([
            f"m{i}", day, "day", "capture" if i % 2 else "assault", _csv_cell(PLACE),
            "25.5", "97.5", _csv_cell("[KIA](https://phish.invalid/a)"), "junta",
            _csv_cell(FILE), day, _csv_cell(excerpt), "0", str(len(excerpt)), "0.9",
            _csv_cell(OUTLET)]))
    rows.append("m9,2024-11-21,day,capture,Bhamo,24.25493,97.23441,KIA,junta,b.txt,"
                "2024-11-22,The KIA captured Bhamo.,0,23,0.9,")
    path = folder / "events.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    server = ui.Server("--events", str(path), "--seeds", str(folder),
                       log=folder / "streamlit.log")
    yield server.url
    server.stop()


def _no_live_markdown(ui, page) -> None:
    frames = [page.main_frame, *page.frames]
    for frame in frames:
        try:
            links = frame.evaluate("() => [...document.querySelectorAll('a[href]')]"
                                   ".map(a => a.href + ' IN ' + (a.closest('[data-testid]')"
                                   " || a.parentElement).outerHTML.slice(0, 300))")
            images = frame.evaluate("() => [...document.querySelectorAll('img[src]')]"
                                    ".map(i => i.src)")
        except Exception:  # a frame that went away
            continue
        outside = [u for u in links + images
                   if "invalid" in (urlsplit(u.split(" IN ")[0]).hostname or "")]
        assert outside == []
    assert ui.off_loopback(page.requests) == []


@pytest.mark.parametrize("payload", [IMAGE, PHISH])
def test_markdown_in_the_link_loads_nothing_and_links_nowhere(ui, page, hostile_url,
                                                               payload):
    from urllib.parse import quote

    ui.open_app(page, hostile_url, f"?date=2024-11-21&place={quote(payload)}")
    page.get_by_text("is not on the map", exact=False).first.wait_for(timeout=15000)
    page.wait_for_timeout(500)
    assert payload in page.inner_text("body").replace("\u2060", "")  # shown, as text
    _no_live_markdown(ui, page)
    assert page.errors == []


def test_markdown_in_places_outlets_actors_and_files_stays_text(ui, page, hostile_url):
    from urllib.parse import quote

    frame = ui.open_app(page, hostile_url, f"?date=2024-11-21&place={quote(PLACE)}")
    panel = page.locator(".kcm-panel")
    panel.wait_for(timeout=15000)
    text = panel.inner_text().replace("\u2060", "")
    assert PLACE in text and OUTLET in text and FILE in text
    ui.marker(frame, PLACE).hover()
    frame.locator(".leaflet-tooltip.kcm-tooltip").wait_for()
    page.get_by_text("Filter by place").first.click()
    page.wait_for_timeout(300)
    page.keyboard.press("Escape")
    page.get_by_text("Add articles or an event table", exact=True).click()   # the popover
    page.locator(".st-key-upload_articles input[type=file]").set_input_files(
        files=[{"name": f"{PHISH.replace('//', '')}.txt", "mimeType": "text/plain",
                "buffer": b"Nothing happened here."}])
    page.get_by_text("0 event(s) extracted", exact=False).wait_for(timeout=30000)
    page.wait_for_timeout(500)
    _no_live_markdown(ui, page)
    assert page.errors == []


@pytest.mark.parametrize("gap_ms", [70, 200])
def test_fast_key_presses_on_the_slider_all_count(ui, page, app_url, gap_ms):
    """Presses about as far apart as a rerun takes were taken back by the server's
    reply to an earlier one (13 of 20 counted at 60 ms, 18 at 200 ms)."""
    ui.open_app(page, app_url, "?date=2024-10-01")
    page.locator(".st-key-date input[type=range]").focus()
    for _ in range(20):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(gap_ms)
    page.get_by_text("Control on 2024-10-21", exact=True).wait_for(timeout=20000)
    page.wait_for_timeout(2000)  # no late rerun takes presses back
    assert page.get_by_text("Control on 2024-10-21", exact=True).is_visible()
    assert "date=2024-10-21" in page.url


def test_a_worst_case_upload_never_holds_another_sessions_steps(ui, browser, app_url,
                                                                tmp_path):
    """One visitor uploads 1.5 MB of hostile text; another keeps stepping the date.

    Generous bound: a hang guard, not a speed goal (the bench prints the figures).
    """
    uploader = browser.new_context().new_page()
    viewer = browser.new_context().new_page()
    try:
        ui.open_app(viewer, app_url, "?date=2024-11-01")
        ui.open_app(uploader, app_url, "?date=2024-11-01")
        bomb = tmp_path / "bomb.txt"
        bomb.write_bytes(("<p>" + "<script>" * 100_000).encode()
                         + b"The KIA captured Bhamo. " * 30_000)
        uploader.get_by_text("Add articles or an event table", exact=True).click()
        uploader.locator(".st-key-upload_articles input[type=file]").set_input_files(
            str(bomb))
        uploader.wait_for_timeout(300)
        worst = 0.0
        day = dt.date(2024, 11, 1)
        for _ in range(6):
            day += dt.timedelta(days=1)
            started = time.monotonic()
            ui.step_date(viewer, "ArrowRight", day.isoformat())
            worst = max(worst, time.monotonic() - started)
        assert worst < 10.0, f"a date step took {worst:.1f} s during the upload"
    finally:
        uploader.context.close()
        viewer.context.close()

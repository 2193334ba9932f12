"""Issue 6 on the page: areas of control, trends, what changed, exchange and uploads.

AppTest drives dashboard.py; the helpers behind it (gazetteer.app) are tested directly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from support.apptest import FIXTURE, ROOT, map_args, run_app

from gazetteer import areas, web
from gazetteer.errors import EventTableError
from gazetteer.palette import PALETTE
from gazetteer.web import charts, tables, uploads
from gazetteer.web.assets import served_static_dir
from gazetteer.web.layers import (
    AreaLayer,
    area_style,
    cells_script,
    expand_areas,
    layer_call_args,
    published_json,
)

EVIL = ("KIA troops captured Shwegu town on 3 March 2025, residents said "
        "&lt;script&gt;window.__pwned=1&lt;/script&gt; "
        "&lt;img src=x onerror=\"window.__pwned=2\"&gt; `${window.__pwned=3}`.\n")


def feature_js(at: AppTest) -> str:
    return map_args(at)["feature_group"]


def shown(element) -> str:
    """An element's markdown as the page shows it (data is backslash-escaped)."""
    return re.sub(r"\\(.)", r"\1", element.value)


def html_bodies(at: AppTest, marker: str) -> list[str]:
    return [h.proto.body for h in at.html if marker in h.proto.body]


def change_rows(at: AppTest) -> list[list[str]]:
    """The "what changed" rows (cells as text)."""
    [body] = html_bodies(at, 'class="kcm-changes"')
    rows = re.findall(r"<tr data-event-id=.*?</tr>", body, re.DOTALL)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in
             re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)] for row in rows]


def snapshot(*folders: Path) -> dict[str, tuple[int, str]]:
    out = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                out[str(path)] = (path.stat().st_mtime_ns,
                                  hashlib.sha256(path.read_bytes()).hexdigest())
    return out


@pytest.fixture(scope="module")
def model() -> web.Model:
    return web.build_model(web.Options(events=FIXTURE))


# -- the page -----------------------------------------------------------------------------
def test_areas_layer_toggles_without_changing_the_base_map(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    base = map_args(at)["script"]
    assert at.checkbox(key="show_areas").value is False          # off until asked for
    assert "feature_group_feature_group_1" not in feature_js(at)
    at.checkbox(key="show_areas").check().run()
    js = feature_js(at)
    assert "feature_group_feature_group_1" in js and "kcmareas" in js
    cells_js, day, _, _, url = layer_call_args(js, "feature_group_feature_group_1")
    assert cells_js is None                                       # fetched once, from url
    areas = {a["place"]: a for a in expand_areas(published_json(url)["places"], day)}
    assert areas["Kan Paik Ti"]["tooltip"].startswith("Area nearest <strong>Kan Paik Ti")
    assert any("approximation derived from point reports" in c.value for c in at.caption)
    assert map_args(at)["script"] == base                        # same base map: zoom kept
    at.checkbox(key="show_areas").uncheck().run()
    assert "feature_group_feature_group_1" not in feature_js(at)
    assert "kcm-marker" in feature_js(at)                       # the markers stay
    assert map_args(at)["script"] == base
    assert not any("approximation derived" in c.value for c in at.caption)


def test_what_changed_lists_captures_between_two_dates(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    assert not at.date_input or at.date_input[0].key == "upload_published"  # hidden at first
    at.toggle(key="show_trends").set_value(True).run()
    start, end = at.date_input[0], at.date_input[1]
    assert (start.value, end.value) == (dt.date(2024, 10, 22), dt.date(2024, 11, 21))
    rows = change_rows(at)
    assert {r[2] for r in rows} == {"Kan Paik Ti"}               # Chipwi fell on 29 Sept
    assert any(r[5] == "RFA" and "captured it" in r[8] and r[7] == "001_6eea88aa589c2e7f.txt"
               for r in rows)                                    # outlet, excerpt, article
    start.set_value(dt.date(2024, 9, 1)).run()
    assert {"Chipwi", "Pangwa", "Kan Paik Ti"} <= {r[2] for r in change_rows(at)}
    at.date_input[0].set_value(dt.date(2024, 11, 22)).run()
    at.date_input[1].set_value(dt.date(2024, 12, 1)).run()
    [body] = html_bodies(at, 'class="kcm-changes"')
    assert "No capture or new assault is dated between these days." in body


def test_chart_and_downloads_are_on_the_page(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    at.toggle(key="show_trends").set_value(True).run()
    [chart] = [e for e in at.main if getattr(e, "type", "") == "vega_lite_chart"]
    spec = json.loads(chart.proto.spec)
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "point", "rule"]
    assert spec["params"][0]["name"] == "pick"
    assert spec["params"][0]["select"]["nearest"] is True
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Event table (CSV)", "Control on 2024-11-21 (GeoJSON)",
                      "Events in ACLED's layout (CSV)", "The map as one file (HTML)"]


def test_uploaded_article_is_mapped_escaped_and_writes_nothing(monkeypatch):
    before = snapshot(ROOT / "seeds", ROOT / "data")
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    at.date_input(key="upload_published").set_value(dt.date(2025, 3, 5))
    at.file_uploader(key="upload_articles").set_value(
        ("evil `x`<b>.txt", EVIL.encode(), "text/plain")).run()
    assert not at.exception
    assert any("1 event(s) extracted (published 2025-03-05)" in shown(c) for c in at.caption)
    assert at.slider[0].value == dt.date(2024, 11, 21)          # the view is kept
    at.slider[0].set_value(dt.date(2025, 3, 5)).run()
    at.selectbox[0].set_value("Shwegu").run()
    [panel] = html_bodies(at, 'class="kcm-panel"')
    assert "KIA and allies</strong> since 2025-03-03" in panel
    assert "Uploaded in this session" in panel
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in panel
    assert 'onerror=&#34;window.__pwned=2&#34;' in panel or \
        "onerror=&quot;window.__pwned=2&quot;" in panel
    assert "<script" not in panel and "<img" not in panel and "<b>" not in panel
    assert "evil `x`&lt;b&gt;.txt" in panel                     # the file name, escaped
    [table] = html_bodies(at, 'class="kcm-events"')
    assert "&lt;script&gt;" in table and "<script" not in table and "<img" not in table
    js = feature_js(at)
    assert not re.search(r"<script|<img|`\$\{", js)              # nothing raw in the map
    downloads = [b.proto.label for b in at.get("download_button")]
    assert "Events of the uploaded articles (CSV)" in downloads
    assert snapshot(ROOT / "seeds", ROOT / "data") == before     # nothing written


def test_uploaded_event_table_reports_bad_rows_with_line_numbers(monkeypatch):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    bad = lines[1].split(",")
    bad[5] = "north"                                             # lat
    content = "\n".join([lines[0], lines[1], ",".join(bad), *lines[2:]]) + "\n"
    at = run_app(monkeypatch, params={"date": "2024-11-21"})
    at.file_uploader(key="upload_table").set_value(
        ("mine.csv", content.encode(), "text/csv")).run()
    assert not at.exception
    text = "\n".join(shown(w) for w in at.sidebar.warning)
    assert "mine.csv:3: skipped row: lat 'north' is not a number" in text
    assert "/tmp" not in text                                   # the upload's name, no path
    at.toggle(key="upload_replace").set_value(True).run()
    assert any("uploaded table mine.csv" in shown(c) and
               f"Showing {len(lines) - 1} events" in shown(c) for c in at.caption)


# -- the helpers --------------------------------------------------------------------------
def test_area_style_colours_like_the_markers_and_hatches_assumptions():
    sourced = area_style("KIA")
    assert sourced["fillColor"] == PALETTE["KIA"] and sourced["fillOpacity"] < 0.5
    assert "dashArray" not in sourced
    for style in (area_style("junta", assumed=True), area_style("unknown"),
                  area_style("nonsense")):
        assert style["fillColor"].startswith("url(#kcm-hatch-")
        assert style["dashArray"] and "kcm-area-hatched" in style["className"]
    assert area_style("junta", assumed=True)["fillColor"] == "url(#kcm-hatch-junta)"


def test_cells_once_per_place_set_and_coloured_per_day(model):
    state = model.state(dt.date(2024, 11, 21))
    sites = areas.cell_sites(state)
    assert [s[0] for s in sites][:2] == sorted(
        state.loc[~state["approximate"], "place"])[:2]           # sourced places first
    cells, geometries = areas.area_cells(sites), cells_script(sites)
    assert areas.area_cells(sites) is cells                        # computed once
    names = {c.place for c in cells}
    assert {"Laiza", "Kan Paik Ti", "Pangwa"} <= names          # border towns snapped in
    drawn = json.loads(geometries)
    assert drawn["places"] == [c.place for c in cells]
    assert len(drawn["geometries"]) == len(cells)
    drawn_areas = AreaLayer(areas.areas_for_day(cells, state), cells_js=geometries).areas
    by_place = {a["place"]: a for a in drawn_areas}
    assert by_place["Kan Paik Ti"]["style"]["fillColor"] == PALETTE["KIA"]
    assert "Area nearest <strong>Kan Paik Ti</strong>" in by_place["Kan Paik Ti"]["tooltip"]
    earlier = {a["place"]: a for a in AreaLayer(areas.areas_for_day(
        cells, model.state(dt.date(2024, 11, 19))), cells_js=geometries).areas}
    assert earlier["Kan Paik Ti"]["style"]["fillColor"] == PALETTE["BGF/militia"]


def test_area_tooltips_escape_place_names():
    state = pd.DataFrame([{"place": "<img src=x onerror=alert(1)>`${x}`", "lat": 25.4,
                           "lon": 97.4, "status": "KIA", "assumed": False,
                           "approximate": False}])
    sites = areas.cell_sites(state)
    cells, cells_js = areas.area_cells(sites), cells_script(sites)
    layer = AreaLayer(areas.areas_for_day(cells, state), cells_js=cells_js)
    assert not re.search(r"[<>`$]", layer.day_js)               # the name is not in it
    [area] = layer.areas
    assert "<img" not in area["tooltip"] and "`" not in area["tooltip"]
    assert "&lt;img src=x onerror=alert(1)&gt;&#96;&#36;{x}&#96;" in area["tooltip"]


def test_place_in_areas(model):
    cells = model.cells(dt.date(2024, 11, 21))
    assert areas.place_in_areas({"lat": 25.39, "lng": 97.39}, cells) == "Myitkyina"
    assert areas.place_in_areas({"lat": 10.0, "lng": 0.0}, cells) is None
    assert areas.place_in_areas(None, cells) is None
    assert areas.place_in_areas({"lat": "x"}, cells) is None


def test_area_layer_script_is_stable_and_safe(model):
    one = model.area_layer(dt.date(2024, 11, 21))
    two = model.area_layer(dt.date(2024, 11, 21))
    assert one.day_js == two.day_js and one.cells_url == two.cells_url
    assert not re.search(r"[<>`$]", one.day_js)
    cells = Path(served_static_dir(), "cells",
                 one.cells_url.rsplit("/", 1)[1]).read_text()
    assert not re.search(r"[<>`$]", cells)


def test_holdings_and_chart(model):
    table = web.holdings(model)
    first = table[table["date"] == pd.Timestamp(model.first)]
    assert first["places"].sum() == len(model.state(model.first))
    assert set(table["date"]) >= {pd.Timestamp(d) for d in model.changes}
    fewer = web.holdings(model, assumed=False)
    assert fewer["places"].sum() < table["places"].sum()
    spec = web.trends_chart(table, dt.date(2024, 11, 21)).to_dict()
    colours = dict(zip(spec["layer"][0]["encoding"]["color"]["scale"]["domain"],
                       spec["layer"][0]["encoding"]["color"]["scale"]["range"], strict=True))
    assert colours["KIA and allies"] == PALETTE["KIA"]
    assert spec["params"][0]["name"] == web.TREND_SELECTION
    assert spec["params"][0]["select"]["fields"] == ["date"]


@pytest.mark.parametrize(("state", "expected"), [
    ({"selection": {"pick": [{"date": 1732060800000}]}}, dt.date(2024, 11, 20)),
    ({"selection": {"pick": [{"date": "2024-11-20T00:00:00"}]}}, dt.date(2024, 11, 20)),
    ({"selection": {"pick": []}}, None),
    ({"selection": {}}, None),
    (None, None),
    ({"selection": {"pick": [{"date": "soon"}]}}, None),
])
def test_date_from_selection(state, expected):
    assert web.date_from_selection(state) == expected


def test_changes_table_has_outlets_and_swaps_reversed_dates(model):
    table = web.changes_table(model, dt.date(2024, 11, 30), dt.date(2024, 11, 1))
    assert list(table.columns) == list(tables.TABLE_COLUMNS)
    assert set(table["place"]) == {"Kan Paik Ti"} and "RFA" in set(table["outlet"])


def test_upload_name_never_clashes():
    assert uploads.upload_name("a.txt", {"b.txt"}) == "a.txt"
    assert uploads.upload_name("dir/a.txt", {"a.txt"}) == "upload-a.txt"
    assert uploads.upload_name("a.txt", {"a.txt", "upload-a.txt"}) == "upload2-a.txt"


def test_read_event_upload_names_the_upload():
    with pytest.raises(EventTableError, match=r"^x\.csv:1: not an event table"):
        uploads.read_event_upload("x.csv", b"a,b\n1,2\n")


def test_with_uploads_leaves_the_shared_data_alone(model):
    before = len(model.data.events)
    up = uploads.extract_upload("s.txt", b"KIA troops captured Shwegu town on 3 March 2025.",
                            published=dt.date(2025, 3, 5))
    merged = uploads.with_uploads(model.data, [up])
    assert len(model.data.events) == before and "s.txt" not in model.data.articles
    assert len(merged.events) == before + len(up.events) and "s.txt" in merged.articles
    assert merged.articles["s.txt"]["outlet"] == uploads.UPLOAD_OUTLET
    again = uploads.with_uploads(merged, [up])                     # same ids: kept once
    assert len(again.events) == len(merged.events)
    store: dict = {}
    one = web.session_model(model, web.Options(events=FIXTURE), uploads=[up], store=store)
    assert one is not model and "Shwegu" in one.timeline.places
    assert web.session_model(model, web.Options(events=FIXTURE), uploads=[up],
                             store=store) is one
    assert web.session_model(model, web.Options(events=FIXTURE)) is model
    assert "Shwegu" in uploads.upload_events_csv([up])


def test_exports(model):
    day = dt.date(2024, 11, 21)
    geo = json.loads(web.state_geojson_text(model, day))
    kpt = next(f for f in geo["features"] if f["properties"]["place"] == "Kan Paik Ti")
    assert kpt["properties"]["status"] == "KIA" and kpt["properties"]["sources"]
    assert web.events_csv(model).splitlines()[0].startswith("event_id,date,")
    acled = web.acled_csv(model)
    assert acled.startswith("event_id_cnty,") and "Waingmaw" in acled   # admin3 filled


def test_chart_dates_are_thinned_evenly_keeping_the_ends():
    days = [dt.date(2021, 1, 1) + dt.timedelta(days=i) for i in range(1000)]
    picked = charts.sample_days(days, limit=50)
    assert len(picked) == 50 and picked[0] == days[0] and picked[-1] == days[-1]
    assert charts.sample_days(days[:10], limit=50) == days[:10]

"""The generated map: offline assets only, escaped strings, stable scripts, styles."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import folium
import pandas as pd
import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from gazetteer.palette import LABELS, PALETTE
from gazetteer.web.assets import COMPONENT_STATIC_URL, install_static_assets, use_local_assets
from gazetteer.web.layers import (
    StatusLayer,
    label_ranks,
    marker_style,
    script_markers,
    tooltip_html,
)
from gazetteer.web.map import base_map, place_at, static_boundaries_url
from gazetteer.web.render import escape_text, js_json

EVIL = ("Evil`); alert(1); (`${alert(2)}<script>alert(3)</script>"
        "<img src=x onerror=alert(4)>\\\"'")


def state_rows(*rows: dict) -> pd.DataFrame:
    defaults = {"lat": 25.0, "lon": 97.0, "status": "KIA", "since": "2024-11-20",
                "basis": "b", "event_ids": "e1", "assumed": False, "approximate": False,
                "changed_recently": False, "disputed": False, "since_precision": "day",
                "holder": "KIA", "kind": "capture"}
    return pd.DataFrame([{**defaults, **r} for r in rows])


def elements(node):
    yield node
    for child in getattr(node, "_children", {}).values():
        yield from elements(child)


def feature_group_js(layer: StatusLayer) -> str:
    return _get_feature_group_string(layer, base_map(boundaries=None))


def markers_json(js: str) -> list[dict]:
    return script_markers(js)


# -- offline: no asset from a CDN ---------------------------------------------------------
def test_map_assets_are_local_and_minimal():
    m = base_map(boundaries_url=static_boundaries_url())
    m.get_root().render()
    urls = [url for el in elements(m) for _, url in
            [*getattr(el, "default_js", []), *getattr(el, "default_css", [])]]
    assert urls, "the map must still load Leaflet"
    assert all(u.startswith(f"{COMPONENT_STATIC_URL}/vendor/") for u in urls), urls
    assert not any(re.search(r"bootstrap|awesome|fontawesome", u) for u in urls)
    assert not any(isinstance(el, folium.branca.colormap.ColorMap) for el in elements(m))


def test_rendered_page_requests_nothing_remote():
    m = base_map(boundaries_url=static_boundaries_url())
    page = m.get_root().render()
    remote = re.findall(r"""(?:src|href)\s*=\s*["'](?:https?:)?//[^"']+""", page)
    assert remote == []
    # the only absolute URLs left are the opt-in OSM layer's tile template and its credit
    others = {u for u in re.findall(r"https?://[^\s\"'\\)]+", page)
              if "openstreetmap.org" not in u}
    assert others == set()


def test_saved_map_embeds_boundaries_without_static_folder(tmp_path):
    geojson = {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"name": "Kachin</script><b>", "country": "MMR"},
        "geometry": {"type": "Point", "coordinates": [97, 25]}}]}
    page = base_map(boundaries=geojson, osm_layer=False).get_root().render()
    assert "Kachin\\u003c/script\\u003e\\u003cb\\u003e" in page
    assert "</script><b>" not in page


def test_missing_boundaries_file_is_not_fatal(tmp_path):
    m = base_map(boundaries=tmp_path / "absent.geojson")
    assert "L.geoJSON" not in m.get_root().render()


# -- assets copied for Streamlit's static serving ------------------------------------------
def test_install_static_assets_copies_real_files(tmp_path):
    boundaries = tmp_path / "b.geojson"
    boundaries.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    static = tmp_path / "static"
    files = install_static_assets(static, boundaries=boundaries)
    names = {p.relative_to(static).as_posix() for p in files}
    assert {"vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css",
            "vendor/leaflet/images/layers.png", "data/boundaries.geojson"} <= names
    assert not any("jquery" in name for name in names)                 # maps do not use it
    assert all(p.is_file() and not p.is_symlink() for p in files)
    assert b"Leaflet" in (static / "vendor/leaflet/leaflet.js").read_bytes()[:2000]
    before = {p: p.stat().st_mtime_ns for p in files}
    install_static_assets(static, boundaries=boundaries)            # idempotent
    assert {p: p.stat().st_mtime_ns for p in files} == before
    # every asset the map asks for exists in the static folder
    m = use_local_assets(folium.Map(tiles=None))
    for _, url in [*m.default_js, *m.default_css]:
        assert (static / url.removeprefix(f"{COMPONENT_STATIC_URL}/")).is_file(), url


# -- escaping -----------------------------------------------------------------------------
def test_escape_text_neutralises_html_and_template_literals():
    out = escape_text(EVIL)
    assert not set("<>`$\\\"'") & set(out)
    assert html.unescape(out) == EVIL


def test_tooltip_escapes_names_and_keeps_them_readable():
    tip = tooltip_html({"place": EVIL, "status": "KIA", "since": "2024-11-20"})
    assert "<script" not in tip and "<img" not in tip and "`" not in tip and "${" not in tip
    assert html.unescape(re.sub(r"<[^>]+>", "", tip)).startswith(EVIL + " — KIA and allies")


def test_feature_group_script_carries_data_only_as_json():
    js = feature_group_js(StatusLayer(state_rows({"place": EVIL})))
    assert "`" not in js and "${" not in js
    assert "<script" not in js.lower() and "<img" not in js.lower()
    [marker] = markers_json(js)
    assert marker["place"] == EVIL                          # exact, via JSON
    assert "<img" not in marker["tooltip"] and "&lt;img src=x onerror=alert(4)&gt;" in \
        marker["tooltip"]


# -- stable ids ---------------------------------------------------------------------------
def test_same_state_gives_identical_scripts():
    rows = state_rows({"place": "Kan Paik Ti"}, {"place": "Bhamo", "status": "contested"})
    first = feature_group_js(StatusLayer(rows))
    second = feature_group_js(StatusLayer(rows.iloc[::-1].reset_index(drop=True)))
    assert first == second
    assert not re.search(r"[0-9a-f]{32}", first)  # no random element ids


def test_base_map_script_is_stable_across_builds():
    def script() -> str:
        m = base_map(boundaries_url=static_boundaries_url())
        m.get_root().render()
        return _get_map_string(m)

    assert generate_js_hash(script(), "map") == generate_js_hash(script(), "map")


# -- styles -------------------------------------------------------------------------------
def test_statuses_have_distinct_colours_and_labels():
    assert len(set(PALETTE.values())) == len(PALETTE) == 6
    assert set(LABELS) == set(PALETTE)


def test_marker_variants():
    plain = marker_style("junta")
    assumed = marker_style("junta", assumed=True)
    recent = marker_style("KIA", recent=True)
    disputed = marker_style("KIA", disputed=True)
    assert assumed["fillOpacity"] < 0.3 <= plain["fillOpacity"]     # hollow
    assert assumed["color"] == PALETTE["junta"]                      # ring in status colour
    assert plain["radius"] < recent["radius"] <= 10                  # clicks hit the centre
    assert recent["weight"] > plain["weight"]
    assert disputed.get("dashArray") and "dashArray" not in plain
    assert marker_style("nonsense")["fillColor"] == PALETTE["unknown"]


# -- clicks back to places ------------------------------------------------------------------
def test_place_at_maps_a_click_to_the_nearest_marker():
    layer = StatusLayer(state_rows({"place": "A", "lat": 25.0, "lon": 97.0},
                                   {"place": "B", "lat": 25.5, "lon": 97.5}))
    assert place_at({"lat": 25.0, "lng": 97.0}, layer) == "A"
    assert place_at({"lat": 25.501, "lng": 97.499}, layer) == "B"
    assert place_at({"lat": 20.0, "lng": 90.0}, layer) is None
    assert place_at(None, layer) is None


def test_places_sharing_a_point_get_distinct_clickable_markers():
    layer = StatusLayer(state_rows({"place": "Town", "lat": 26.0, "lon": 98.0},
                                   {"place": "Outpost", "lat": 26.0, "lon": 98.0,
                                    "approximate": True}))
    spots = {m["place"]: (m["lat"], m["lon"]) for m in layer.markers}
    assert spots["Town"] == (26.0, 98.0)          # the sourced place keeps its point
    assert spots["Outpost"] != spots["Town"]
    for name, (lat, lon) in spots.items():
        assert place_at({"lat": lat, "lng": lon}, layer) == name


@pytest.mark.parametrize("path", ["status_layer.js", "boundary_layer.js"])
def test_templates_use_no_template_literals(path):
    text = (Path(__file__).parents[1] / "gazetteer" / "web" / "templates" / path).read_text()
    assert "`" not in text


def test_layers_added_to_the_map_itself_survive_streamlit_folium_renaming():
    # streamlit-folium renames element ids; every variable used must still be defined
    m = base_map(boundaries_url=static_boundaries_url())
    StatusLayer(state_rows({"place": "Kan Paik Ti"})).add_to(m)
    m.get_root().render()
    js = _get_map_string(m)
    defined = set(re.findall(r"(?:var|let|const)\s+(\w+)\s*=", js))
    used = set(re.findall(r"(\w+)\.addTo\(", js)) | set(re.findall(r"\.addTo\((\w+)\)", js))
    assert used and used <= defined, used - defined


def test_day_payload_shares_tables_and_matches_python_tooltips():
    rows = state_rows(*(
        {"place": f"P{i}", "lat": 25.0 + i / 10, "status": ("KIA", "junta", "unknown")[i % 3],
         "since": f"2024-0{1 + i % 5}-01", "kind": "baseline" if i % 4 == 0 else "capture",
         "assumed": i % 4 == 0, "changed_recently": i % 5 == 1, "disputed": i % 7 == 2,
         "approximate": i % 6 == 3} for i in range(40)))
    layer = StatusLayer(rows)
    day = layer.day
    assert len(day["styles"]) < 20 and len(day["tips"]) < 40 and len(day["dates"]) <= 6
    assert len(day["codes"]) == 3 * 40
    drawn = {m["place"]: m for m in markers_json(feature_group_js(layer))}
    for row in rows.to_dict("records"):
        marker = drawn[row["place"]]
        assert marker["tooltip"] == tooltip_html(row)             # the page's twin of it
        expected = marker_style(row["status"], assumed=row["assumed"],
                                recent=row["changed_recently"], disputed=row["disputed"])
        assert {k: marker["style"][k] for k in expected if k != "className"} == \
            {k: v for k, v in expected.items() if k != "className"}
        assert marker["style"]["className"].startswith(expected["className"])


def test_sites_are_shared_by_every_day_of_a_place_set():
    a = StatusLayer(state_rows({"place": "A"}, {"place": "B", "lat": 26.0}))
    b = StatusLayer(state_rows({"place": "B", "lat": 26.0, "status": "junta"},
                               {"place": "A", "status": "contested"}))
    assert a.sites is b.sites and a.day["key"] == b.day["key"] == a.sites.key
    c = StatusLayer(state_rows({"place": "A"}))
    assert c.sites.key != a.sites.key


def test_tooltip_templates_keep_the_place_escaped():
    layer = StatusLayer(state_rows({"place": EVIL, "since": "<b>2024</b>"}))
    assert EVIL not in layer.day_js and "<b>" not in layer.day_js
    [marker] = layer.markers
    assert marker["tooltip"] == tooltip_html({**state_rows({"place": EVIL, "since":
                                                            "<b>2024</b>"}).iloc[0]})


@pytest.mark.parametrize("name", ["{{ 'jinja' ~ 'ran' }}", "{% raw %}", "{# x", "a{%b", "{{"])
def test_names_that_look_like_jinja_tags_stay_text(name):
    # folium compiles rendered scripts as Jinja templates; our layers' scripts are kept
    # as text and js_json escapes a "{" that opens a tag, so nothing is run or broken
    layer = StatusLayer(state_rows({"place": name}))
    [marker] = markers_json(feature_group_js(layer))
    assert marker["place"] == name
    m = base_map(boundaries=None)
    StatusLayer(state_rows({"place": name})).add_to(m)
    page = m.get_root().render()
    assert "jinjaran" not in page
    assert all(opener not in js_json({"k": name}) for opener in ("{{", "{%", "{#"))
    assert json.loads(js_json({"k": name})) == {"k": name}


def test_labels_rank_reported_places_first_then_cities_then_towns():
    ranks = label_ranks(["Village", "Big city", "Town", "Reported village"],
                        events={"Reported village": 3},
                        kinds={"Big city": "city", "Town": "town", "Village": "village",
                               "Reported village": "village"})
    assert sorted(ranks, key=ranks.get) == ["Reported village", "Big city", "Town", "Village"]


def test_the_sites_carry_label_ranks_and_the_day_the_chosen_place():
    rows = state_rows({"place": "A"}, {"place": "B", "lat": 26.0}, {"place": "C", "lat": 27.0})
    layer = StatusLayer(rows, ranks={"C": 0, "A": 1}, selected="C")
    sites = json.loads(layer.sites.js)
    assert [s[0] for s in sites] == ["A", "B", "C"]
    assert [s[4] for s in sites] == [1, 2, 0]                        # unranked B comes last
    assert layer.day["selected"] == 2
    assert StatusLayer(rows).day["selected"] == -1
    assert StatusLayer(rows, selected="Nowhere").day["selected"] == -1

"""The vendored state/region polygons (data/boundaries.geojson) and gazetteer.boundaries."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import shape

from gazetteer.boundaries import (
    distance_to_state_km,
    load_boundaries,
    natural_earth_name,
    state_at,
    state_polygon,
)
from gazetteer.errors import DataFileError, PlaceNotFound
from gazetteer.settings import BOUNDARIES_GEOJSON

MYANMAR_STATES = {
    "Ayeyarwady", "Bago", "Chin", "Kachin", "Kayah", "Kayin", "Magway", "Mandalay", "Mon",
    "Rakhine", "Sagaing", "Shan", "Tanintharyi", "Yangon",
}
NEIGHBOURS = {"Yunnan": "CHN", "Xizang": "CHN", "Arunachal Pradesh": "IND",
              "Nagaland": "IND", "Manipur": "IND", "Mizoram": "IND"}


def test_file_is_a_small_feature_collection() -> None:
    data = load_boundaries()
    assert data["type"] == "FeatureCollection"
    assert BOUNDARIES_GEOJSON.stat().st_size < 1_500_000


def test_features_have_the_documented_properties_and_valid_geometry() -> None:
    for feature in load_boundaries()["features"]:
        props = feature["properties"]
        assert set(props) == {"name", "country", "kind", "code_hasc"}, props
        assert props["kind"] == "state"
        geom = shape(feature["geometry"])
        assert geom.geom_type in ("Polygon", "MultiPolygon"), props["name"]
        assert geom.is_valid and not geom.is_empty, props["name"]
        minx, miny, maxx, maxy = geom.bounds
        assert 70 < minx <= maxx < 110 and 5 < miny <= maxy < 40, props["name"]


def test_all_myanmar_states_and_the_bordering_units_are_present() -> None:
    found = {(f["properties"]["name"], f["properties"]["country"])
             for f in load_boundaries()["features"]}
    assert {name for name, country in found if country == "MMR"} == MYANMAR_STATES
    for name, country in NEIGHBOURS.items():
        assert (name, country) in found
    kachin = [f for f in load_boundaries()["features"] if f["properties"]["name"] == "Kachin"]
    assert kachin[0]["properties"]["code_hasc"] == "MM.KC"


def test_kachin_borders_china_and_india() -> None:
    kachin = state_polygon("Kachin")
    assert kachin.distance(state_polygon("Yunnan")) < 0.01
    assert kachin.distance(state_polygon("Arunachal Pradesh")) < 0.01
    assert kachin.distance(state_polygon("Xizang")) < 0.01


@pytest.mark.parametrize(("lat", "lon", "expected"), [
    (25.38749, 97.39036, "Kachin"),     # Myitkyina (MIMU)
    (27.29934, 97.41590, "Kachin"),     # Putao
    (22.95277, 97.74747, "Shan"),       # Lashio, MIMU's Shan (North)
    (21.29189, 99.60360, "Shan"),       # Kengtung, Shan (East)
    (24.18163, 96.33167, "Sagaing"),    # Katha
    (21.98940, 96.09210, "Mandalay"),   # Mandalay
    (19.80326, 96.18566, "Mandalay"),   # Nay Pyi Taw lies in Natural Earth's Mandalay
])
def test_state_at_known_points(lat: float, lon: float, expected: str) -> None:
    assert state_at(lat, lon) == expected


def test_state_at_outside_myanmar() -> None:
    assert state_at(25.03889, 102.71833) is None                    # Kunming
    assert state_at(25.03889, 102.71833, country=None) == "Yunnan"
    assert state_at(0.0, 0.0, country=None) is None


def test_state_at_within_km_catches_border_towns() -> None:
    # Laiza's Wikipedia point sits ~0.3 km past Natural Earth's generalised border line.
    assert state_at(24.76000, 97.56333) is None
    assert state_at(24.76000, 97.56333, within_km=3) == "Kachin"


def test_mimu_names_map_onto_natural_earth() -> None:
    assert natural_earth_name("Shan (North)") == "Shan"
    assert natural_earth_name("Bago (West)") == "Bago"
    assert natural_earth_name("Nay Pyi Taw") == "Mandalay"
    assert natural_earth_name("Kachin") == "Kachin"
    assert state_polygon("Shan (South)").equals(state_polygon("Shan"))


def test_unknown_state_suggests_known_names() -> None:
    with pytest.raises(PlaceNotFound) as err:
        state_polygon("Atlantis")
    assert "Kachin" in err.value.suggestions


def test_distance_to_state() -> None:
    assert distance_to_state_km(25.38749, 97.39036, "Kachin") == 0.0
    # Lashio is far outside Kachin, but inside Shan.
    assert distance_to_state_km(22.95277, 97.74747, "Kachin") > 50
    assert distance_to_state_km(22.95277, 97.74747, "Shan (North)") == 0.0


def test_bad_boundaries_file_names_the_file(tmp_path) -> None:
    missing = tmp_path / "none.geojson"
    with pytest.raises(DataFileError, match=r"none\.geojson"):
        load_boundaries(missing)
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.geojson:1"):
        load_boundaries(broken)
    wrong = tmp_path / "wrong.geojson"
    wrong.write_text(json.dumps({"type": "Feature"}), encoding="utf-8")
    with pytest.raises(DataFileError, match="FeatureCollection"):
        load_boundaries(wrong)

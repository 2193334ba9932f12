"""Voronoi areas of control: every cell inside the boundary, one cell per place."""

from __future__ import annotations

import random

import pytest
from shapely.geometry import Point, Polygon, box, shape

from gazetteer.areas import areas_geojson, myanmar_outline, voronoi_cells

SQUARE = box(96.0, 24.0, 98.0, 26.0)


def test_one_cell_per_place_all_inside_boundary() -> None:
    rng = random.Random(3)
    places = [(f"P{i}", rng.uniform(24.1, 25.9), rng.uniform(96.1, 97.9)) for i in range(40)]
    cells = voronoi_cells(places, SQUARE)
    assert [c.place for c in cells] == [p[0] for p in places]
    for cell in cells:
        assert SQUARE.buffer(1e-9).covers(cell.geometry)
        assert cell.geometry.covers(Point(cell.lon, cell.lat))
    total = sum(c.geometry.area for c in cells)
    assert total == pytest.approx(SQUARE.area, rel=0.02)


def test_cells_do_not_overlap() -> None:
    places = [("A", 24.5, 96.5), ("B", 25.5, 97.5), ("C", 24.5, 97.5), ("D", 25.5, 96.5)]
    cells = voronoi_cells(places, SQUARE)
    for i, a in enumerate(cells):
        for b in cells[i + 1:]:
            assert a.geometry.intersection(b.geometry).area < 1e-6


def test_clipped_to_irregular_boundary_and_outside_points_dropped() -> None:
    triangle = Polygon([(96, 24), (98, 24), (96, 26)])
    places = [("in1", 24.3, 96.3), ("in2", 24.5, 97.0), ("out", 25.9, 97.9)]
    cells = voronoi_cells(places, triangle)
    assert [c.place for c in cells] == ["in1", "in2"]
    for cell in cells:
        assert triangle.buffer(1e-9).covers(cell.geometry)


def test_coincident_points_give_the_first_place_the_cell() -> None:
    places = [("Town", 25.0, 97.0), ("outpost near Town", 25.0, 97.0), ("B", 24.2, 96.2)]
    assert [c.place for c in voronoi_cells(places, SQUARE)] == ["Town", "B"]


def test_single_place_gets_whole_boundary() -> None:
    (cell,) = voronoi_cells([("Only", 25.0, 97.0)], SQUARE)
    assert cell.geometry.equals(SQUARE)


def test_geojson_carries_status_and_defaults_to_unknown() -> None:
    cells = voronoi_cells([("A", 24.5, 96.5), ("B", 25.5, 97.5)], SQUARE)
    fc = areas_geojson(cells, {"A": {"status": "KIA", "since": "2024-11-20"}})
    props = {f["properties"]["place"]: f["properties"] for f in fc["features"]}
    assert props["A"]["status"] == "KIA" and props["B"]["status"] == "unknown"
    assert shape(fc["features"][0]["geometry"]).is_valid


def test_myanmar_outline_needs_myanmar_features() -> None:
    with pytest.raises(ValueError, match="MMR"):
        myanmar_outline({"features": []})
    fc = {"features": [{"properties": {"country": "MMR"},
                        "geometry": {"type": "Polygon",
                                     "coordinates": [[[96, 24], [98, 24], [98, 26],
                                                      [96, 24]]]}}]}
    assert myanmar_outline(fc).area == pytest.approx(2.0)

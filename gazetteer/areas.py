"""Areas of control: Voronoi cells of the places, clipped to Myanmar's boundary.

The cells depend only on where the places are, never on the date, so they are computed
once (:func:`voronoi_cells`) and only recoloured per date (:func:`areas_geojson`). They are
an approximation derived from point reports, and the map says so.

Coordinates are ``(lat, lon)`` in decimal degrees at the interface; geometries are shapely
objects in ``(x=lon, y=lat)`` order, as GeoJSON wants.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import shapely
from shapely.geometry import MultiPoint, Point, mapping, shape
from shapely.geometry.base import BaseGeometry

#: Cells are simplified to this tolerance (degrees, about 1 km) to keep the page light.
SIMPLIFY_DEG = 0.01


@dataclass(frozen=True, slots=True)
class Cell:
    """One place's Voronoi cell, clipped to the boundary."""

    place: str
    lat: float
    lon: float
    geometry: BaseGeometry

    #: The geometry as a GeoJSON dict, converted once (recolouring reuses it).
    geojson: dict = field(compare=False, repr=False, default_factory=dict)


def _cell(name: str, lat: float, lon: float, geometry: BaseGeometry) -> Cell:
    return Cell(name, lat, lon, geometry, mapping(geometry))


def myanmar_outline(boundaries: Mapping) -> BaseGeometry:
    """The union of Myanmar's state and region polygons in a boundaries FeatureCollection.

    Features count as Myanmar's when ``properties.country`` is ``"MMR"``.
    """
    polygons = [shape(f["geometry"]) for f in boundaries.get("features", ())
                if f.get("properties", {}).get("country") == "MMR"]
    if not polygons:
        raise ValueError("the boundaries hold no Myanmar (country MMR) feature")
    return shapely.union_all([shapely.make_valid(p) for p in polygons])


def voronoi_cells(places: Iterable[tuple[str, float, float]], boundary: BaseGeometry
                  ) -> list[Cell]:
    """Voronoi cells of the given places, each clipped to ``boundary``.

    Parameters
    ----------
    places : iterable of (name, lat, lon)
        Places with distinct coordinates in decimal degrees; of several places at the same
        point only the first gets a cell (list the sourced place before approximate ones).
    boundary : shapely geometry
        Lon/lat polygon(s) to clip to, e.g. :func:`myanmar_outline`.

    Returns
    -------
    list of Cell
        One per distinct point inside ``boundary``, in input order.
    """
    seen: dict[tuple[float, float], str] = {}
    kept: list[tuple[str, float, float]] = []
    for name, lat, lon in places:
        point = (round(float(lon), 6), round(float(lat), 6))
        if point in seen or not boundary.covers(Point(point)):
            continue
        seen[point] = name
        kept.append((name, float(lat), float(lon)))
    if not kept:
        return []
    if len(kept) == 1:
        name, lat, lon = kept[0]
        return [_cell(name, lat, lon, boundary)]
    points = MultiPoint([(lon, lat) for _, lat, lon in kept])
    regions = shapely.voronoi_polygons(points, extend_to=boundary.envelope.buffer(1.0))
    # Match each region to the point inside it (region order is not guaranteed).
    tree = shapely.STRtree([Point(lon, lat) for _, lat, lon in kept])
    by_point: dict[int, BaseGeometry] = {}
    for region in regions.geoms:
        hits = tree.query(region, predicate="contains")
        if len(hits):
            by_point[int(hits[0])] = region
    cells = []
    for i, (name, lat, lon) in enumerate(kept):
        region = by_point.get(i)
        if region is None:
            continue
        clipped = shapely.intersection(region, boundary)
        if not clipped.is_empty:
            clipped = clipped.simplify(SIMPLIFY_DEG, preserve_topology=True)
            clipped = shapely.intersection(clipped, boundary)
            cells.append(_cell(name, lat, lon, clipped))
    return cells


def areas_geojson(cells: Iterable[Cell], status_of: Mapping[str, Mapping[str, object]]
                  ) -> dict:
    """A FeatureCollection of the cells, each with its place's status properties.

    ``status_of`` maps a place name to properties (status, since, assumed, ...); a cell
    whose place is missing there gets ``status="unknown"``.
    """
    features = []
    for cell in cells:
        props = {"place": cell.place, "status": "unknown"}
        props.update({k: v for k, v in status_of.get(cell.place, {}).items()
                      if isinstance(v, str | int | float | bool) or v is None})
        features.append({"type": "Feature", "properties": props,
                         "geometry": cell.geojson or mapping(cell.geometry)})
    return {"type": "FeatureCollection", "features": features}

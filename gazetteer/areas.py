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
from functools import lru_cache
from typing import Any

import pandas as pd
import shapely
from shapely.geometry import MultiPoint, Point, mapping, shape
from shapely.geometry.base import BaseGeometry

from gazetteer.errors import GazetteerError
from gazetteer.events import is_true

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


# -- cells of the places on the map ----------------------------------------------------
def cell_sites(state: pd.DataFrame) -> tuple[tuple[str, float, float], ...]:
    """The places of ``state`` as ``(name, lat, lon)`` for :func:`area_cells`.

    Sourced coordinates come before approximate ones, so a place at its own point keeps the
    cell when an approximate place shares it. Coordinates are rounded to 1e-6 degrees.
    """
    if state.empty:
        return ()
    approx = state["approximate"] if "approximate" in state else pd.Series(False,
                                                                            state.index)
    rows = sorted(zip(approx.astype(bool), state["place"].astype(str), state["lat"],
                      state["lon"], strict=True))
    return tuple((name, round(float(lat), 6), round(float(lon), 6))
                 for _, name, lat, lon in rows)


@lru_cache(maxsize=64)
def area_cells(sites: tuple[tuple[str, float, float], ...]) -> tuple[Cell, ...]:
    """Voronoi cells of ``sites`` clipped to Myanmar, and the cells as JavaScript.

    Parameters
    ----------
    sites : tuple of (name, lat, lon)
        From :func:`cell_sites`; decimal degrees WGS84.

    Returns
    -------
    (cells, cells_js)
        The :class:`gazetteer.areas.Cell` objects, and ``{"places": [...],
        "geometries": [...]}`` (GeoJSON geometries, ``[lon, lat]``, rounded to 1e-4
        degrees, about 11 m) as a script-safe object for
        :class:`gazetteer.web.layers.AreaLayer`. Computed once per set of places;
        ``((), "")`` when the boundaries are missing.
    """
    outline = _myanmar_outline()
    if outline is None or not sites:
        return ()
    return tuple(voronoi_cells([_snapped(site, outline) for site in sites], outline))


#: Places this close (degrees, about 11 km) outside the simplified national boundary, such
#: as border towns like Laiza, are moved onto it so they still get a cell.
SNAP_DEG = 0.1


def _snapped(site: tuple[str, float, float], outline: Any) -> tuple[str, float, float]:
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    name, lat, lon = site
    point = Point(lon, lat)
    if outline.covers(point) or outline.distance(point) > SNAP_DEG:
        return site
    edge = nearest_points(outline, point)[0]
    # step 0.002 degrees (about 200 m) past the edge, so the point is surely inside
    dx, dy = edge.x - lon, edge.y - lat
    norm = max((dx * dx + dy * dy) ** 0.5, 1e-12)
    inside = Point(edge.x + 0.002 * dx / norm, edge.y + 0.002 * dy / norm)
    if not outline.covers(inside):
        return site
    return name, round(inside.y, 6), round(inside.x, 6)


@lru_cache(maxsize=1)
def _myanmar_outline() -> Any:
    from gazetteer.boundaries import load_boundaries

    try:
        return myanmar_outline(load_boundaries())
    except (GazetteerError, ValueError):
        return None


def rounded_geometry(geometry: Mapping[str, Any]) -> dict[str, Any]:
    def rnd(coords: Any) -> Any:
        if coords and isinstance(coords[0], (int, float)):
            return [round(float(c), 4) for c in coords]
        return [rnd(c) for c in coords]

    return {"type": geometry["type"], "coordinates": rnd(geometry["coordinates"])}


def areas_for_day(cells: Iterable[Any], state: pd.DataFrame) -> list[dict[str, Any]]:
    """Per cell, its place's ``status`` and ``assumed`` flag on the day of ``state``.

    A cell whose place is missing from ``state`` is unknown (drawn hatched grey).
    Returns ``[{"place", "status", "assumed"}, ...]`` in the cells' order, for
    :class:`gazetteer.web.layers.AreaLayer`.
    """
    rows = {str(p): {"status": s, "assumed": a} for p, s, a in
            zip(state["place"].tolist(), state["status"].tolist(),
                state["assumed"].tolist() if "assumed" in state else [False] * len(state),
                strict=True)}
    out = []
    for cell in cells:
        row = rows.get(cell.place, {})
        assumed = row.get("assumed")
        out.append({"place": cell.place, "status": str(row.get("status") or "unknown"),
                    "assumed": is_true(assumed)})
    return out


def place_in_areas(click: Mapping[str, Any] | None, cells: Iterable[Any]) -> str | None:
    """The place whose cell contains a click (``{"lat": ..., "lng": ...}``), else None."""
    from shapely.geometry import Point

    if not click:
        return None
    try:
        point = Point(float(click.get("lng", click.get("lon"))), float(click["lat"]))
    except (KeyError, TypeError, ValueError):
        return None
    return next((c.place for c in cells if c.geometry.covers(point)), None)

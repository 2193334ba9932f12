"""State and region polygons: which state a point lies in, and each state's shape.

The polygons are Natural Earth's 10m admin-1 units (public domain), vendored as a small
GeoJSON subset in ``data/boundaries.geojson`` (rebuilt by ``data/build/build_boundaries.py``):
Myanmar's 14 states and regions plus the Chinese and Indian units on its border.

That Natural Earth release predates some of MIMU's divisions, so MIMU's state/region
names map onto it as follows: "Shan (North)", "Shan (South)" and "Shan (East)" are one
"Shan"; "Bago (East)" and "Bago (West)" are "Bago"; "Nay Pyi Taw" lies inside Natural
Earth's "Mandalay". Coordinates are WGS84 decimal degrees; functions take ``lat`` before
``lon`` (GeoJSON stores lon, lat).
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points
from shapely.prepared import PreparedGeometry, prep

from gazetteer.errors import DataFileError, PlaceNotFound
from gazetteer.settings import BOUNDARIES_GEOJSON

# MIMU state/region name -> Natural Earth feature name, where they differ.
MIMU_TO_NATURAL_EARTH: dict[str, str] = {
    "Shan (North)": "Shan",
    "Shan (South)": "Shan",
    "Shan (East)": "Shan",
    "Bago (East)": "Bago",
    "Bago (West)": "Bago",
    "Nay Pyi Taw": "Mandalay",
}


@cache
def load_boundaries(path: str | Path = BOUNDARIES_GEOJSON) -> dict[str, Any]:
    """Read the boundaries GeoJSON (cached; treat the result as read-only).

    Parameters
    ----------
    path : str or Path, optional
        The GeoJSON file; defaults to the project's ``data/boundaries.geojson``.

    Returns
    -------
    dict
        A GeoJSON FeatureCollection; each feature's properties hold ``name``,
        ``country`` (ISO3), ``kind`` and ``code_hasc``.

    Raises
    ------
    DataFileError
        The file is missing, not JSON, or not a FeatureCollection.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise DataFileError(path, f"cannot read the boundaries ({err.strerror}); rebuild "
                                  "with python data/build/build_boundaries.py") from err
    except json.JSONDecodeError as err:
        raise DataFileError(path, f"not valid JSON: {err.msg}", line=err.lineno) from err
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise DataFileError(path, "not a GeoJSON FeatureCollection")
    return data


@cache
def _shapes(path: Path) -> tuple[tuple[str, str, BaseGeometry, PreparedGeometry], ...]:
    out = []
    for feature in load_boundaries(path)["features"]:
        props = feature.get("properties") or {}
        geom = shape(feature["geometry"])
        out.append((str(props.get("name")), str(props.get("country")), geom, prep(geom)))
    return tuple(out)


def natural_earth_name(state: str) -> str:
    """Map a MIMU state/region name to the Natural Earth feature that holds it.

    Parameters
    ----------
    state : str
        A MIMU name ("Shan (North)", "Nay Pyi Taw", "Kachin") or a feature name
        ("Shan", "Yunnan").

    Returns
    -------
    str
        The feature name ("Shan", "Mandalay", "Kachin"); unknown names come back unchanged.
    """
    return MIMU_TO_NATURAL_EARTH.get(state, state)


def state_polygon(state: str, *, path: str | Path = BOUNDARIES_GEOJSON) -> BaseGeometry:
    """The polygon of a state or region, by MIMU name or Natural Earth name.

    Parameters
    ----------
    state : str
        "Kachin", "Shan (North)", "Bago (West)", "Nay Pyi Taw" (gives Mandalay's polygon),
        "Yunnan", ...
    path : str or Path, optional
        The boundaries GeoJSON.

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        A Polygon or MultiPolygon in lon/lat degrees.

    Raises
    ------
    PlaceNotFound
        No feature has that name; ``suggestions`` lists the known names.
    """
    wanted = natural_earth_name(state)
    shapes = _shapes(Path(path))
    for name, _country, geom, _prepared in shapes:
        if name == wanted:
            return geom
    raise PlaceNotFound(state, sorted({name for name, *_ in shapes}))


def state_at(lat: float, lon: float, *, country: str | None = "MMR", within_km: float = 0.0,
             path: str | Path = BOUNDARIES_GEOJSON) -> str | None:
    """The Natural Earth state/region containing a point.

    Parameters
    ----------
    lat, lon : float
        WGS84 decimal degrees (latitude first).
    country : str or None
        ISO3 code of the country to search ("MMR" by default, so a point in China gives
        ``None``); ``None`` searches every feature (then Kunming gives "Yunnan").
    within_km : float
        When no feature contains the point, accept the nearest selected feature if it lies
        within this many kilometres (for towns on a border that Natural Earth's generalised
        line puts a little outside, e.g. Laiza). 0 (default) means containment only.
    path : str or Path, optional
        The boundaries GeoJSON.

    Returns
    -------
    str or None
        The feature name ("Kachin", "Shan", ...); Natural Earth names, so a point in MIMU's
        "Shan (North)" gives "Shan" and one in "Nay Pyi Taw" gives "Mandalay". ``None``
        outside every selected feature (and farther than ``within_km`` from them).
    """
    point = Point(lon, lat)
    selected = [s for s in _shapes(Path(path)) if country is None or s[1] == country]
    for name, _country, _geom, prepared in selected:
        if prepared.covers(point):
            return name
    if within_km > 0:
        nearest = min(((_km_to(geom, lat, lon), name) for name, _c, geom, _p in selected),
                      default=None)
        if nearest is not None and nearest[0] <= within_km:
            return nearest[1]
    return None


def _km_to(geom: BaseGeometry, lat: float, lon: float) -> float:
    """Kilometres from (lat, lon) to ``geom`` (equirectangular at the point's latitude)."""
    point = Point(lon, lat)
    if geom.covers(point):
        return 0.0
    near = nearest_points(geom, point)[0]
    dx = (near.x - lon) * 111.32 * math.cos(math.radians(lat))
    dy = (near.y - lat) * 110.57
    return math.hypot(dx, dy)


def distance_to_state_km(lat: float, lon: float, state: str, *,
                         path: str | Path = BOUNDARIES_GEOJSON) -> float:
    """How far a point lies outside a state's polygon, in kilometres (0.0 when inside).

    Uses an equirectangular approximation at the point's latitude, good to a few percent
    over the tens of kilometres that matter here.

    Parameters
    ----------
    lat, lon : float
        WGS84 decimal degrees (latitude first).
    state : str
        A MIMU or Natural Earth state/region name (see :func:`state_polygon`).
    path : str or Path, optional
        The boundaries GeoJSON.

    Returns
    -------
    float
        Kilometres from the point to the polygon; 0.0 inside or on the boundary.
    """
    return _km_to(state_polygon(state, path=path), lat, lon)


#: Neighbouring countries' units are clipped to this box (lon0, lat0, lon1, lat1), degrees.
NEIGHBOUR_BOX = (88.0, 8.0, 104.0, 31.0)


def compact_boundaries(path: str | Path = BOUNDARIES_GEOJSON, *, simplify_deg: float = 0.0,
                       digits: int = 3, label_points: bool = False) -> str:
    """The boundaries as compact, script-safe GeoJSON text for a browser (cached).

    Neighbouring countries' units are clipped to :data:`NEIGHBOUR_BOX`; coordinates are
    rounded to ``digits`` decimals (3: about 100 m, finer than the source's own
    simplification); with ``simplify_deg`` > 0 the units are simplified together
    (``shapely.coverage_simplify``: shared borders stay shared). ``label_points`` adds a
    ``label_lat``/``label_lon`` inside each unit's largest part.

    Raises
    ------
    DataFileError
        The file is missing or not a GeoJSON FeatureCollection.
    """
    return _compact_cached(str(Path(path).resolve()), simplify_deg, digits, label_points)


@cache
def _compact_cached(path: str, simplify_deg: float, digits: int, label_points: bool) -> str:
    import shapely
    from shapely.geometry import box, mapping

    from gazetteer.escaping import js_json

    features = load_boundaries(path)["features"]
    try:
        shapes = [shape(f["geometry"]) for f in features]
    except (KeyError, TypeError, AttributeError, ValueError) as err:
        raise DataFileError(Path(path), f"a feature has no valid geometry ({err})") from err
    if simplify_deg > 0:
        shapes = list(shapely.coverage_simplify(shapes, simplify_deg))
    clip = box(*NEIGHBOUR_BOX)
    out = []
    for feature, geom in zip(features, shapes, strict=True):
        props = dict(feature.get("properties") or {})
        if props.get("country") != "MMR":
            geom = geom.intersection(clip)
        if geom.is_empty:
            continue
        if label_points:
            largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
            point = largest.point_on_surface()
            props.update(label_lat=round(point.y, digits), label_lon=round(point.x, digits))
        out.append({"type": "Feature", "properties": props,
                    "geometry": _rounded(mapping(geom), digits)})
    return js_json({"type": "FeatureCollection", "features": out}, compact=True)


def _rounded(geometry: Any, digits: int) -> dict[str, Any]:
    def rnd(coords: Any) -> Any:
        if coords and isinstance(coords[0], (int, float)):
            return [round(coords[0], digits), round(coords[1], digits)]
        return [rnd(c) for c in coords]

    return {"type": geometry["type"], "coordinates": rnd(geometry["coordinates"])}

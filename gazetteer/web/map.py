"""The folium base map: drawn once per session, so its iframe, zoom and pan are kept.

The dashboard draws :func:`base_map` once per session (its script never changes, so
streamlit-folium keeps the same iframe) and passes the day's
:class:`~gazetteer.web.layers.StatusLayer` as ``feature_group_to_add``.

Security: every string that reaches the map (place names, statuses, region names) is HTML
escaped (in Python, or by the page's ``esc``, its exact twin, for names filled into
tooltips) and passed to JavaScript as :func:`~gazetteer.web.render.js_json` literals;
nothing from the data is ever placed inside a JavaScript template literal.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import folium
import xyzservices
from branca.element import Element, MacroElement
from folium.template import Template

from gazetteer.settings import BOUNDARIES_GEOJSON
from gazetteer.web.assets import BOUNDARIES_FILE, COMPONENT_STATIC_URL, use_local_assets
from gazetteer.web.layers import StatusLayer
from gazetteer.web.render import TEMPLATES_DIR, _RendersVerbatim, _template

#: (lat, lon) the map opens on: Kachin State.
KACHIN_CENTER = (25.9, 97.6)


class BoundaryLayer(_RendersVerbatim, folium.map.Layer):
    """State and country boundaries, fetched from ``url`` or embedded from ``data``.

    Parameters
    ----------
    url : str, optional
        Address of the GeoJSON as seen from the page (fetched by the browser).
    data : mapping, optional
        The GeoJSON itself, embedded in the page (for saved HTML files).
    country : str
        ISO3 code of the home country (features' ``country`` property); others are drawn
        as neighbours.
    focus : str
        Name of the state drawn with a heavier outline.
    labels : bool
        Label each region with its name.
    """

    def __init__(self, *, url: str | None = None, data: Mapping | None = None,
                 name: str = "State and country boundaries", country: str = "MMR",
                 focus: str = "Kachin", labels: bool = True) -> None:
        if (url is None) == (data is None):
            raise ValueError("give exactly one of url= or data=")
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "BoundaryLayer"
        self._id = "boundaries"
        self._template = _template("boundary_layer.js")
        self.url, self.data = url, data
        self.country, self.focus, self.labels = country, focus, labels
        #: The land is drawn in its own pane below the overlay pane (areas, markers).
        self.pane, self.pane_z = "kcmbase", 350
        self.styles = {
            "home": {"color": "#6b6b6b", "weight": 1, "fillColor": "#f6f4ee",
                     "fillOpacity": 1},
            "focus": {"color": "#2b2b2b", "weight": 2.5, "fillColor": "#fbfaf5",
                      "fillOpacity": 1},
            "neighbour": {"color": "#9a9a9a", "weight": 0.8, "fillColor": "#e4e4e0",
                          "fillOpacity": 1},
        }


def base_map(*, boundaries: str | Path | Mapping | None = BOUNDARIES_GEOJSON,
             boundaries_url: str | None = None, osm_layer: bool = True,
             location: tuple[float, float] = KACHIN_CENTER, zoom_start: int = 7,
             asset_base_url: str = COMPONENT_STATIC_URL) -> folium.Map:
    """The fixed part of the map: boundaries, an optional OSM layer, a layer control.

    Parameters
    ----------
    boundaries : path or mapping, optional
        GeoJSON to embed when ``boundaries_url`` is not given; a missing file means no
        boundary layer (the map still works).
    boundaries_url : str, optional
        Fetch the boundaries from this address instead of embedding them (the dashboard
        uses the static copy: ``../../app/static/data/boundaries.geojson``), which keeps
        the map's script small on every rerun.
    osm_layer : bool
        Offer OpenStreetMap tiles as a layer, off by default (they need the internet).
    location : (lat, lon)
        Initial centre, WGS84 degrees.
    asset_base_url : str
        Where the static folder with Leaflet is (see
        :func:`gazetteer.web.assets.use_local_assets`).
    """
    m = folium.Map(location=list(location), zoom_start=zoom_start, tiles=None,
                   control_scale=True, min_zoom=4, max_zoom=14)
    use_local_assets(m, base_url=asset_base_url)
    m.get_root().header.add_child(_MapStyle(), name="kcm_style")
    _FocusWithoutScroll().add_to(m)
    layer = _boundary_layer(boundaries, boundaries_url)
    if layer is not None:
        layer.add_to(m)
    if osm_layer:
        # a provider object, not the name: looking a name up costs ~3 ms a map
        folium.TileLayer(xyzservices.providers.OpenStreetMap.Mapnik,
                         name="OpenStreetMap tiles (online)", overlay=True, control=True,
                         show=False).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return m


class _FocusWithoutScroll(MacroElement):
    """Keeps a press on the map from scrolling the page (templates/map_focus.js)."""

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusWithoutScroll"
        self._id = "focuswithoutscroll"  # a stable name: the base map's script never changes
        self._template = _template("map_focus.js")


class _MapStyle(Element):
    """The map's stylesheet (templates/map_style.css) in the page header."""

    _template = Template("<style>{{ this.css }}</style>")

    def __init__(self) -> None:
        super().__init__()
        self.css = _map_css()


@cache
def _map_css() -> str:
    return (TEMPLATES_DIR / "map_style.css").read_text(encoding="utf-8")


def _boundary_layer(boundaries: str | Path | Mapping | None, url: str | None
                    ) -> BoundaryLayer | None:
    if url is not None:
        return BoundaryLayer(url=url)
    if boundaries is None:
        return None
    if isinstance(boundaries, Mapping):
        return BoundaryLayer(data=boundaries)
    path = Path(boundaries)
    if not path.is_file():
        return None
    return BoundaryLayer(data=json.loads(path.read_text(encoding="utf-8")))


def static_boundaries_url(base_url: str = COMPONENT_STATIC_URL) -> str:
    """Address of the static copy of the boundaries, as seen from the map's iframe."""
    return f"{base_url.rstrip('/')}/{BOUNDARIES_FILE}"


def place_at(click: Mapping[str, Any] | None, layer: StatusLayer, *,
             tolerance_deg: float = 0.02) -> str | None:
    """The place whose marker was clicked.

    Parameters
    ----------
    click : mapping
        streamlit-folium's ``last_object_clicked``: ``{"lat": ..., "lng": ...}`` (Leaflet
        reports a circle marker of radius <= 10 px at its centre).
    layer : StatusLayer
        The markers on the map when the click happened.
    tolerance_deg : float
        Largest distance (degrees) between the click and a marker's drawn centre.

    Returns
    -------
    str or None
        The nearest marker's place within the tolerance, else None.
    """
    if not click:
        return None
    try:
        lat, lon = float(click["lat"]), float(click.get("lng", click.get("lon")))
    except (KeyError, TypeError, ValueError):
        return None
    best, best_d = None, tolerance_deg ** 2
    scale = math.cos(math.radians(lat))
    for name, (m_lat, m_lon) in zip(layer.sites.places, layer.sites.positions, strict=True):
        d = (m_lat - lat) ** 2 + ((m_lon - lon) * scale) ** 2
        if d <= best_d:
            best, best_d = name, d
    return best

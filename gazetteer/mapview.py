"""The folium map: a fixed base map and a feature group of status markers per day.

The dashboard draws :func:`base_map` once per session (its script never changes, so
streamlit-folium keeps the same iframe, zoom and pan) and passes :class:`StatusLayer` as
``feature_group_to_add``: moving the date only replaces the markers.

Colours follow the Okabe-Ito palette (distinct under the common colour-vision
deficiencies). An *assumed* baseline is drawn hollow (faded fill, ring in the status
colour); a place that changed in the last :data:`~gazetteer.timeline.RECENT_DAYS` days is
larger with a thick ring; a disputed status has a dashed black ring. Marker radii stay at
or under 10 px so Leaflet reports a click at the marker's centre (see :func:`place_at`).

Security: every string that reaches the map (place names, statuses, region names) is HTML
escaped in Python and passed to JavaScript through ``tojson``; nothing from the data is
ever placed inside a JavaScript template literal.
"""

from __future__ import annotations

import html
import json
import math
from collections import defaultdict
from collections.abc import Mapping
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import folium
import pandas as pd
import xyzservices
from branca.element import Element
from folium.template import Template

from gazetteer._assets import BOUNDARIES_FILE, COMPONENT_STATIC_URL, use_local_assets
from gazetteer._paths import BOUNDARIES_GEOJSON, PACKAGE_DIR

__all__ = [
    "KACHIN_CENTER",
    "LABELS",
    "PALETTE",
    "AreaLayer",
    "BoundaryLayer",
    "StatusLayer",
    "area_style",
    "area_tooltip_html",
    "base_map",
    "escape_text",
    "js_json",
    "marker_style",
    "place_at",
    "tooltip_html",
]

TEMPLATES_DIR = PACKAGE_DIR / "templates"
#: Okabe-Ito colours per status.
PALETTE: dict[str, str] = {
    "KIA": "#0072B2",                # blue
    "junta": "#D55E00",              # vermillion
    "BGF/militia": "#CC79A7",        # reddish purple
    "other armed group": "#009E73",  # bluish green
    "contested": "#F0E442",          # yellow
    "unknown": "#999999",            # grey
}
#: Human-readable status names for legends and tooltips.
LABELS: dict[str, str] = {
    "KIA": "KIA and allies",
    "junta": "Junta (Myanmar military)",
    "BGF/militia": "BGF / junta-aligned militia",
    "other armed group": "Other armed group (MNDAA, TNLA, ...)",
    "contested": "Contested",
    "unknown": "Unknown",
}
#: (lat, lon) the map opens on: Kachin State.
KACHIN_CENTER = (25.9, 97.6)
_RING = "#1a1a1a"
#: Places drawn at the same point are spread on a circle of this radius (degrees).
_SPREAD_DEG = 0.03


@cache
def _template(name: str) -> Template:
    text = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
    if _HELPERS_MARK in text:
        helpers = (TEMPLATES_DIR / "layer_helpers.js").read_text(encoding="utf-8")
        text = text.replace(_HELPERS_MARK, helpers)
    return Template(text)


_HELPERS_MARK = "    /* kcm:layer-helpers */\n"


def escape_text(value: object) -> str:
    """HTML-escape ``value`` for text or attribute context, backticks and ``$`` included.

    The extra entities keep a string inert even if some consumer pastes it into a
    JavaScript template literal (as folium's own ``Tooltip`` does).
    """
    text = "" if value is None else str(value)
    return (html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;")
            .replace("\\", "&#92;"))


def js_json(value: object) -> str:
    """``value`` as a JavaScript literal that is safe anywhere in a script.

    JSON with ``<``, ``>``, ``&``, quotes, backticks, ``$`` and line separators written as
    ``\\uXXXX`` escapes: it cannot close a ``<script>`` element, a string or a template
    literal, whatever the data holds. Keys are sorted so equal data gives equal text.
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False)
    for char, escaped in _JS_ESCAPES:  # str.replace per character: far faster than translate
        if char in text:
            text = text.replace(char, escaped)
    return text


_JS_ESCAPES = tuple((c, f"\\u{ord(c):04x}") for c in "<>&'`$\u2028\u2029")


def compact_items(items: list[dict[str, Any]]) -> dict[str, Any]:
    """Items with per-item ``style`` and ``tooltip`` as shared tables, for the page.

    Thousands of markers share a handful of styles and tooltip texts; sending each once
    keeps a date step's script small (the page rebuilds it every step). Returns
    ``{"styles": [...], "tips": [...], "items": [...]}`` where an item keeps its own
    fields plus ``s`` (style index), ``k`` (the ``kcm-place-<slug>`` class, if any) and
    ``t``: tooltip pieces around the escaped ``<strong>place</strong>``, which the page
    escapes again from ``place`` itself. :func:`expand_items` is the inverse.
    """
    styles: list[dict[str, Any]] = []
    tips: list[str] = []
    style_index: dict[str, int] = {}
    tip_index: dict[str, int] = {}

    def tip(text: str) -> int:
        if text not in tip_index:
            tip_index[text] = len(tips)
            tips.append(text)
        return tip_index[text]

    out = []
    for item in items:
        compact = {k: v for k, v in item.items() if k not in ("style", "tooltip")}
        if "style" in item:
            style = dict(item["style"])
            place = style.pop("place", None)
            classes = [c for c in str(style.get("className", "")).split()
                       if not c.startswith("kcm-place-")]
            style["className"] = " ".join(classes)
            key = json.dumps(style, sort_keys=True)
            if key not in style_index:
                style_index[key] = len(styles)
                styles.append(style)
            compact.update(s=style_index[key], k=_slug(str(place)) if place is not None else "")
        if "tooltip" in item:
            tooltip = str(item["tooltip"])
            head = f"<strong>{escape_text(item.get('place'))}</strong>"
            i = tooltip.find(head) if "place" in item else -1
            compact["t"] = ([tip(tooltip[:i]), tip(tooltip[i + len(head):])] if i >= 0
                            else [tip(tooltip)])
        out.append(compact)
    return {"styles": styles, "tips": tips, "items": out}


def expand_items(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The inverse of :func:`compact_items`: items with full ``style`` and ``tooltip``."""
    out = []
    for item in data["items"]:
        full = {k: v for k, v in item.items() if k not in ("s", "k", "t")}
        if "s" in item:
            style = dict(data["styles"][item["s"]])
            if item.get("k"):
                style["place"] = item["place"]
                style["className"] = f"{style['className']} kcm-place-{item['k']}"
            full["style"] = style
        if "t" in item:
            pieces = [data["tips"][i] for i in item["t"]]
            full["tooltip"] = (pieces[0] if len(pieces) == 1 else
                               f"{pieces[0]}<strong>{escape_text(item['place'])}</strong>"
                               f"{pieces[1]}")
        out.append(full)
    return out


def marker_style(status: str, *, assumed: bool = False, recent: bool = False,
                 disputed: bool = False) -> dict[str, Any]:
    """Leaflet path options for one place's circle marker.

    Parameters
    ----------
    status : str
        One of :data:`PALETTE`'s keys (anything else is drawn as ``unknown``).
    assumed : bool
        Baseline not supported by an article: hollow (faded fill, ring in the colour).
    recent : bool
        Status changed recently: radius 10 px (the largest that keeps clicks at the
        marker's centre) and a 3.5 px ring.
    disputed : bool
        Sources disagree: dashed black ring.
    """
    colour = PALETTE.get(status, PALETTE["unknown"])
    style: dict[str, Any] = {"radius": 7, "color": _RING, "weight": 1.5, "opacity": 1.0,
                             "fillColor": colour, "fillOpacity": 0.92}
    if assumed:
        style.update(color=colour, weight=3, fillOpacity=0.18)
    if recent:
        style.update(radius=10, weight=3.5)
    if disputed:
        style.update(color="#000000", dashArray="3 3", weight=max(style["weight"], 2.5))
    classes = ["kcm-marker", f"kcm-status-{_slug(status)}"]
    classes += [c for c, on in (("kcm-assumed", assumed), ("kcm-recent", recent),
                                ("kcm-disputed", disputed)) if on]
    style["className"] = " ".join(classes)
    return style


@lru_cache(maxsize=65_536)
def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def tooltip_html(row: Mapping[str, Any]) -> str:
    """The tooltip for one state row: ``name — status`` and its flags, HTML escaped."""
    status = str(row.get("status", "unknown"))
    parts = [f"<strong>{escape_text(row.get('place'))}</strong> — "
             f"{escape_text(LABELS.get(status, status))}"]
    since = str(row.get("since") or "")
    if since and status != "unknown":
        parts.append(f"<br><small>{'as of' if row.get('kind') == 'baseline' else 'since'} "
                     f"{escape_text(since)}</small>")
    flags = [text for key, text in (
        ("assumed", "assumed baseline, no article supports it"),
        ("disputed", "sources disagree"),
        ("changed_recently", "changed in the last 30 days"),
        ("approximate", "approximate location"),
    ) if _truthy(row.get(key))]
    if flags:
        parts.append("<br><small><em>" + escape_text("; ".join(flags)) + "</em></small>")
    return "".join(parts)


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value) and not (isinstance(value, float) and math.isnan(value))


def _display_positions(state: pd.DataFrame) -> list[tuple[float, float]]:
    """Marker positions; places sharing a point are spread on a small circle around it."""
    points = [(float(a), float(b)) for a, b in zip(state["lat"], state["lon"], strict=True)]
    groups: dict[tuple[float, float], list[int]] = defaultdict(list)
    for i, (lat, lon) in enumerate(points):
        groups[(round(lat, 4), round(lon, 4))].append(i)
    approx = list(state["approximate"]) if "approximate" in state else [False] * len(points)
    for members in groups.values():
        if len(members) < 2:
            continue
        # the place with sourced coordinates keeps the point; the others move around it
        members.sort(key=lambda i: (_truthy(approx[i]), str(state["place"].iat[i])))
        movers = members[1:]
        for k, i in enumerate(movers):
            angle = 2 * math.pi * k / len(movers)
            lat, lon = points[i]
            points[i] = (lat + _SPREAD_DEG * math.cos(angle),
                         lon + _SPREAD_DEG * math.sin(angle) / math.cos(math.radians(lat)))
    return points


#: The state columns a marker reads (style and tooltip).
_MARKER_FIELDS = ("place", "status", "since", "kind", "assumed", "changed_recently",
                  "disputed", "approximate")


def records(frame: pd.DataFrame, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows as dicts of the given columns (those present): faster than ``to_dict``."""
    cols = [f for f in fields if f in frame.columns]
    values = [frame[c].tolist() for c in cols]
    return [dict(zip(cols, row, strict=True)) for row in zip(*values, strict=True)]


class StatusLayer(folium.FeatureGroup):
    """A feature group with one circle marker per place, coloured by status.

    Parameters
    ----------
    state : pandas.DataFrame
        A :meth:`gazetteer.timeline.Timeline.state_on` table (``place, lat, lon, status,
        assumed, changed_recently, disputed, approximate, since, kind``).
    name : str
        The layer's name in a layer control.

    Notes
    -----
    Markers are sorted by place and the script holds no random ids, so the same state
    always yields the same JavaScript (open tooltips and the map survive reruns).
    ``markers`` keeps each marker's drawn position, for :func:`place_at`.
    """

    def __init__(self, state: pd.DataFrame, *, name: str = "Control on the chosen date"
                 ) -> None:
        super().__init__(name=name, overlay=True, control=False, show=True)
        self._id = "statusmarkers"  # [a-z0-9] only, as streamlit-folium expects
        self._template = _template("status_layer.js")
        ordered = state.sort_values("place", kind="stable").reset_index(drop=True)
        positions = _display_positions(ordered)
        self.markers: list[dict[str, Any]] = []
        for row, (lat, lon) in zip(records(ordered, _MARKER_FIELDS), positions, strict=True):
            status = str(row.get("status", "unknown"))
            style = marker_style(status, assumed=_truthy(row.get("assumed")),
                                 recent=_truthy(row.get("changed_recently")),
                                 disputed=_truthy(row.get("disputed")))
            style.update(place=str(row["place"]), status=status,
                         className=f"{style['className']} kcm-place-{_slug(str(row['place']))}")
            self.markers.append({"place": str(row["place"]), "lat": round(lat, 6),
                                 "lon": round(lon, 6), "style": style,
                                 "tooltip": tooltip_html(row)})

    @cached_property
    def markers_js(self) -> str:
        """The markers as a script-safe JavaScript object (:func:`compact_items`)."""
        return js_json(compact_items(self.markers))


def area_style(status: str, *, assumed: bool = False) -> dict[str, Any]:
    """Leaflet path options for one place's area (its Voronoi cell) on a date.

    A sourced status fills the cell with the marker's colour, lighter (opacity 0.28); an
    assumed baseline or an unknown status is hatched in its colour (an SVG pattern defined
    by ``templates/area_layer.js``) with a dashed edge, so it never looks like sourced
    control.
    """
    colour = PALETTE.get(status, PALETTE["unknown"])
    slug = _slug(status if status in PALETTE else "unknown")
    style: dict[str, Any] = {"color": colour, "weight": 0.8, "opacity": 0.7,
                             "fillColor": colour, "fillOpacity": 0.28}
    hatched = assumed or status not in PALETTE or status == "unknown"
    if hatched:
        style.update(fillColor=f"url(#kcm-hatch-{slug})", fillOpacity=1.0, dashArray="4 4",
                     opacity=0.6)
    classes = ["kcm-area", f"kcm-area-status-{slug}"]
    if hatched:
        classes.append("kcm-area-hatched")
    style["className"] = " ".join(classes)
    return style


def area_tooltip_html(row: Mapping[str, Any]) -> str:
    """An area's tooltip: the place it is nearest to, its status, and the caveat; escaped."""
    status = str(row.get("status", "unknown"))
    note = "assumed baseline, " if _truthy(row.get("assumed")) else ""
    return (f"Area nearest <strong>{escape_text(row.get('place'))}</strong> — "
            f"{escape_text(LABELS.get(status, status))}<br><small><em>"
            f"{escape_text(note)}an approximation derived from point reports</em></small>")


class AreaLayer(folium.FeatureGroup):
    """Areas of control: one polygon per place (its Voronoi cell), styled for one date.

    Parameters
    ----------
    geometries_js : str or None
        The cells' GeoJSON geometries as a script-safe JavaScript array (see
        :func:`js_json`), fixed for a set of places; coordinates are ``[lon, lat]``.
    geometries_url : str, optional
        Instead of ``geometries_js``: the address of the same array as a JSON file (see
        :func:`gazetteer._assets.publish_static`). The map's page fetches it once and
        keeps it, so a date step sends only the styles.
    areas : list of dict
        One entry per cell, in the same order: ``place``, ``style`` (:func:`area_style`)
        and ``tooltip`` (:func:`area_tooltip_html`).
    name : str
        The layer's name in a layer control.

    Notes
    -----
    The areas are drawn in their own pane (``kcmareas``) between the land and the markers,
    so markers stay on top and clickable. The geometry text is computed once per set of
    places and only the styles change with the date.
    """

    def __init__(self, geometries_js: str | None, areas: list[dict[str, Any]], *,
                 geometries_url: str | None = None,
                 name: str = "Areas of control (approximate)") -> None:
        super().__init__(name=name, overlay=True, control=False, show=True)
        if (geometries_js is None) == (geometries_url is None):
            raise ValueError("give exactly one of geometries_js or geometries_url")
        self._id = "areas"  # [a-z0-9] only, as streamlit-folium expects
        self._template = _template("area_layer.js")
        self.geometries_js = geometries_js or "null"
        self.geometries_url = geometries_url
        self.areas = areas
        self.pane, self.pane_z = "kcmareas", 390
        self.hatches = {_slug(s): c for s, c in PALETTE.items()}

    @cached_property
    def areas_js(self) -> str:
        """Styles and tooltips as a script-safe JavaScript object (:func:`compact_items`)."""
        return js_json(compact_items(self.areas))


class BoundaryLayer(folium.map.Layer):
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
        Where the static folder with Leaflet and jQuery is (see
        :func:`gazetteer._assets.use_local_assets`).
    """
    m = folium.Map(location=list(location), zoom_start=zoom_start, tiles=None,
                   control_scale=True, min_zoom=4, max_zoom=14)
    use_local_assets(m, base_url=asset_base_url)
    m.get_root().header.add_child(_MapStyle(), name="kcm_style")
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
    for m in layer.markers:
        d = (m["lat"] - lat) ** 2 + ((m["lon"] - lon) * math.cos(math.radians(lat))) ** 2
        if d <= best_d:
            best, best_d = m["place"], d
    return best

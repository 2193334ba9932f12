"""The folium map: a fixed base map and a feature group of status markers per day.

The dashboard draws :func:`base_map` once per session (its script never changes, so
streamlit-folium keeps the same iframe, zoom and pan) and passes :class:`StatusLayer` as
``feature_group_to_add``: moving the date only replaces that group. The group's script
carries the day's statuses as small index tables; the page keeps the markers (and the
areas of :class:`AreaLayer`) between reruns and restyles only those that changed.

Colours follow the Okabe-Ito palette (distinct under the common colour-vision
deficiencies). An *assumed* baseline is drawn hollow (faded fill, ring in the status
colour); a place that changed in the last :data:`~gazetteer.timeline.RECENT_DAYS` days is
larger with a thick ring; a disputed status has a dashed black ring. Marker radii stay at
or under 10 px so Leaflet reports a click at the marker's centre (see :func:`place_at`).

Security: every string that reaches the map (place names, statuses, region names) is HTML
escaped (in Python, or by the page's ``esc``, its exact twin, for names filled into
tooltips) and passed to JavaScript as :func:`js_json` literals; nothing from the data is
ever placed inside a JavaScript template literal.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import folium
import pandas as pd
import xyzservices
from branca.element import Element, MacroElement
from folium.elements import ElementAddToElement
from folium.template import Template

from gazetteer._assets import BOUNDARIES_FILE, COMPONENT_STATIC_URL, use_local_assets
from gazetteer._paths import BOUNDARIES_GEOJSON, PACKAGE_DIR

__all__ = [
    "KACHIN_CENTER",
    "LABELS",
    "PALETTE",
    "AreaLayer",
    "BoundaryLayer",
    "MarkerSites",
    "StatusLayer",
    "area_style",
    "area_tooltip_html",
    "base_map",
    "escape_text",
    "expand_areas",
    "expand_markers",
    "js_json",
    "marker_sites",
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
    literal, whatever the data holds; nor can it open a Jinja tag (a ``{`` before ``{``,
    ``%`` or ``#`` is escaped too). Keys are sorted so equal data gives equal text.
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False)
    for char, escaped in _JS_ESCAPES:  # str.replace per character: far faster than translate
        if char in text:
            text = text.replace(char, escaped)
    if "{" in text:  # a "{" before "{", "%" or "#" is inside a string: JSON puts '"' there
        text = _TEMPLATE_OPENER.sub(r"\\u007b", text)
    return text


_JS_ESCAPES = tuple((c, f"\\u{ord(c):04x}") for c in "<>&'`$\u2028\u2029")
#: Jinja's delimiters: folium compiles rendered scripts as templates again.
_TEMPLATE_OPENER = re.compile(r"\{(?=[{%#])")


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


def _column(frame: pd.DataFrame, name: str, default: Any) -> list[Any]:
    return frame[name].tolist() if name in frame.columns else [default] * len(frame)


def _flags(frame: pd.DataFrame, name: str) -> list[bool]:
    """A flag column as booleans (``_truthy`` for text or missing values)."""
    if name not in frame.columns:
        return [False] * len(frame)
    column = frame[name]
    if column.dtype == bool:
        return column.tolist()
    return [_truthy(v) for v in column.tolist()]


def records(frame: pd.DataFrame, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows as dicts of the given columns (those present): faster than ``to_dict``."""
    cols = [f for f in fields if f in frame.columns]
    values = [frame[c].tolist() for c in cols]
    return [dict(zip(cols, row, strict=True)) for row in zip(*values, strict=True)]


class _VerbatimScript(Element):
    """A layer's rendered script, kept as text.

    folium wraps each rendered script in a new ``Element`` whose template is that text,
    so Jinja compiles it again: slow for a large payload, and data that looked like a
    Jinja tag would break or change the page.
    """

    _template = Template("{{ this.text }}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class _RendersVerbatim:
    """Mixin for our layers: folium's ``Layer.render`` with the script kept as text."""

    def render(self, **kwargs: Any) -> None:
        if self.show:
            self.add_child(ElementAddToElement(element_name=self.get_name(),
                                               element_parent_name=self._parent.get_name()),
                           name=self.get_name() + "_add")
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_VerbatimScript(script), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class _Interner:
    """Values numbered in order of first use: the shared tables of a day's payload."""

    def __init__(self, make: Callable[..., Any]) -> None:
        self.values: list[Any] = []
        self._make = make
        self._index: dict[tuple[Any, ...], int] = {}

    def __call__(self, *key: Any) -> int:
        """The index of ``make(*key)``, made on first use."""
        if key not in self._index:
            self._index[key] = len(self.values)
            self.values.append(self._make(*key))
        return self._index[key]


#: Stand-ins for the holes of a tooltip template (escape_text keeps control characters, so
#: they survive it; the page fills in the escaped place name and date).
_PLACE_HOLE, _DATE_HOLE = "\x00", "\x01"


def _tip_pieces(tip: str) -> list[str]:
    """A tooltip made with the stand-ins, as ``[before place, between, after date]``."""
    before, _, rest = tip.partition(_PLACE_HOLE)
    between, _, after = rest.partition(_DATE_HOLE)
    return [before, between, after]


def _fill_tip(pieces: list[str], place: str, date: str = "") -> str:
    """The tooltip of ``pieces`` for ``place``, as the page builds it (``date`` escaped)."""
    return f"{pieces[0]}{escape_text(place)}{pieces[1]}{date}{pieces[2]}"


def _key(js: str) -> str:
    return hashlib.sha256(js.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class MarkerSites:
    """Where a set of places is drawn; fixed while the set of places stays the same.

    ``places`` are sorted, ``positions`` are the drawn ``(lat, lon)`` in degrees (places
    sharing a point are spread around it), ``js`` is ``[[place, slug, lat, lon], ...]``
    as a script-safe array and ``key`` names it: the page builds the markers once per
    key and afterwards only restyles them.
    """

    places: tuple[str, ...]
    positions: tuple[tuple[float, float], ...]
    js: str
    key: str


@lru_cache(maxsize=32)
def marker_sites(sites: tuple[tuple[str, float, float, bool], ...]) -> MarkerSites:
    """The :class:`MarkerSites` of ``(place, lat, lon, approximate)`` sorted by place."""
    frame = pd.DataFrame(list(sites), columns=["place", "lat", "lon", "approximate"])
    positions = tuple((round(lat, 6), round(lon, 6)) for lat, lon in _display_positions(frame))
    places = tuple(site[0] for site in sites)
    js = js_json([[p, _slug(p), lat, lon] for p, (lat, lon) in zip(places, positions,
                                                                    strict=True)])
    return MarkerSites(places, positions, js, _key(js))


def _marker_entry(status: str, assumed: bool, recent: bool, disputed: bool
                  ) -> dict[str, Any]:
    return {**marker_style(status, assumed=assumed, recent=recent, disputed=disputed),
            "status": status}


def _marker_tip(status: str, baseline: bool, dated: bool, assumed: bool, recent: bool,
                disputed: bool, approximate: bool) -> list[str]:
    return _tip_pieces(tooltip_html({
        "place": _PLACE_HOLE, "status": status, "since": _DATE_HOLE if dated else "",
        "kind": "baseline" if baseline else "", "assumed": assumed,
        "changed_recently": recent, "disputed": disputed, "approximate": approximate}))


def _area_tip(status: str, assumed: bool) -> list[str]:
    return _tip_pieces(area_tooltip_html({"place": _PLACE_HOLE, "status": status,
                                          "assumed": assumed}))


class StatusLayer(_RendersVerbatim, folium.FeatureGroup):
    """A feature group with one circle marker per place, coloured by status.

    Parameters
    ----------
    state : pandas.DataFrame
        A :meth:`gazetteer.timeline.Timeline.state_on` table (``place, lat, lon, status,
        assumed, changed_recently, disputed, approximate, since, kind``).
    publish : callable, optional
        Stores the sites' script text and returns its address as seen from the page
        (:func:`gazetteer._assets.publish_static`). The script then carries the sites
        only when :attr:`embed_sites` is set (the dashboard sets it the first time a
        session gets a set of places); otherwise the page fetches them once, if it does
        not have them yet. Without ``publish`` they are always embedded (saved maps).
    name : str
        The layer's name in a layer control.

    Notes
    -----
    The script carries two things: the places' :class:`MarkerSites` (the same on every
    date) and the day's payload, ``day``: shared tables of styles, tooltip templates
    (:func:`tooltip_html` with holes for the place and the date) and dates, and per
    place three indices into them (``codes``). The page keeps the markers of a set of
    places between reruns and restyles only those whose look changed (see
    ``templates/status_layer.js``), so a date step costs little even with thousands of
    places. Markers are sorted by place and the script holds no random ids: the same
    state always yields the same JavaScript. :attr:`markers` is the Python twin of what
    the page draws.
    """

    def __init__(self, state: pd.DataFrame, *,
                 publish: Callable[[str], str] | None = None,
                 name: str = "Control on the chosen date") -> None:
        super().__init__(name=name, overlay=True, control=False, show=True)
        self._id = "statusmarkers"  # [a-z0-9] only, as streamlit-folium expects
        self._template = _template("status_layer.js")
        ordered = state.sort_values("place", kind="stable")
        places = [str(p) for p in ordered["place"].tolist()]
        assumed, recent, disputed, approximate = (
            _flags(ordered, c) for c in ("assumed", "changed_recently", "disputed",
                                         "approximate"))
        self.sites = marker_sites(tuple(zip(
            places, ordered["lat"].astype(float).tolist(),
            ordered["lon"].astype(float).tolist(), approximate, strict=True)))
        statuses = [str(s) for s in _column(ordered, "status", "unknown")]
        baselines = [k == "baseline" for k in _column(ordered, "kind", "")]
        sinces = [str(s or "") for s in _column(ordered, "since", "")]
        styles, tips = _Interner(_marker_entry), _Interner(_marker_tip)
        dates = _Interner(escape_text)
        dates("")
        codes: list[int] = []
        for status, a, r, d, ap, baseline, since in zip(
                statuses, assumed, recent, disputed, approximate, baselines, sinces,
                strict=True):
            dated = bool(since) and status != "unknown"
            codes += (styles(status, a, r, d), tips(status, baseline, dated, a, r, d, ap),
                      dates(since) if dated else 0)
        self.day = {"key": self.sites.key, "styles": styles.values, "tips": tips.values,
                    "dates": dates.values, "codes": codes}
        #: Where the page fetches the sites from when the script does not carry them.
        self.sites_url = publish(self.sites.js) if publish is not None else None
        #: Whether the script carries the sites (always, without a ``sites_url``).
        self.embed_sites = self.sites_url is None

    @cached_property
    def day_js(self) -> str:
        """:attr:`day` as a script-safe JavaScript object."""
        return js_json(self.day)

    @cached_property
    def markers(self) -> list[dict[str, Any]]:
        """The markers as the page draws them: place, lat, lon, style and tooltip."""
        return expand_markers(json.loads(self.sites.js), self.day)


def expand_markers(sites: list[list[Any]], day: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Markers from a :class:`StatusLayer`'s two script arguments, as the page builds them.

    Returns one dict per place: ``place, lat, lon, style`` (Leaflet options, with the
    ``kcm-place-<slug>`` class) and ``tooltip`` (HTML, escaped).
    """
    out = []
    codes = day["codes"]
    for i, (place, slug, lat, lon) in enumerate(sites):
        s, t, d = codes[3 * i:3 * i + 3]
        style = {**day["styles"][s], "place": place}
        style["className"] = f"{style['className']} kcm-place-{slug}"
        out.append({"place": place, "lat": lat, "lon": lon, "style": style,
                    "tooltip": _fill_tip(day["tips"][t], place, day["dates"][d])})
    return out


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


class AreaLayer(_RendersVerbatim, folium.FeatureGroup):
    """Areas of control: one polygon per place (its Voronoi cell), styled for one date.

    Parameters
    ----------
    areas : sequence of mapping
        One entry per cell, in the cells' order: ``place``, ``status`` and ``assumed``.
    cells_js : str, optional
        The cells as a script-safe JavaScript object ``{"places": [...], "geometries":
        [...]}`` (GeoJSON geometries, ``[lon, lat]``), fixed for a set of places.
    cells_url : str, optional
        Instead of ``cells_js``: the address of the same object as a JSON file (see
        :func:`gazetteer._assets.publish_static`). The page fetches it once.
    name : str
        The layer's name in a layer control.

    Notes
    -----
    Like :class:`StatusLayer`, the script sends only the day's payload (``day``: shared
    styles, tooltip templates and two indices per cell); the page keeps the polygons of a
    set of cells and restyles those that changed. The areas are drawn in their own pane
    (``kcmareas``) between the land and the markers, so markers stay on top and
    clickable.
    """

    def __init__(self, areas: Sequence[Mapping[str, Any]], *, cells_js: str | None = None,
                 cells_url: str | None = None,
                 name: str = "Areas of control (approximate)") -> None:
        super().__init__(name=name, overlay=True, control=False, show=True)
        if (cells_js is None) == (cells_url is None):
            raise ValueError("give exactly one of cells_js or cells_url")
        self._id = "areas"  # [a-z0-9] only, as streamlit-folium expects
        self._template = _template("area_layer.js")
        self.cells_js, self.cells_url = cells_js or "null", cells_url
        self.places = [str(a["place"]) for a in areas]
        self.pane, self.pane_z = "kcmareas", 390
        self.hatches = {_slug(s): c for s, c in PALETTE.items()}
        styles = _Interner(lambda status, assumed: area_style(status, assumed=assumed))
        tips = _Interner(_area_tip)
        codes: list[int] = []
        for area in areas:
            status = str(area.get("status") or "unknown")
            assumed = _truthy(area.get("assumed"))
            codes += (styles(status, assumed), tips(status, assumed))
        self.day = {"key": cells_url or _key(self.cells_js), "styles": styles.values,
                    "tips": tips.values, "codes": codes}

    @cached_property
    def day_js(self) -> str:
        """:attr:`day` as a script-safe JavaScript object."""
        return js_json(self.day)

    @cached_property
    def areas(self) -> list[dict[str, Any]]:
        """The cells as the page draws them: ``place``, ``style`` and ``tooltip``."""
        return expand_areas(self.places, self.day)


def expand_areas(places: Sequence[str], day: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Per cell, its place, style and tooltip from an :class:`AreaLayer`'s ``day``."""
    codes = day["codes"]
    return [{"place": place, "style": dict(day["styles"][codes[2 * i]]),
             "tooltip": _fill_tip(day["tips"][codes[2 * i + 1]], place)}
            for i, place in enumerate(places)]


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
        Where the static folder with Leaflet and jQuery is (see
        :func:`gazetteer._assets.use_local_assets`).
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

"""The day's layers: status markers and areas of control, restyled in place.

:class:`StatusLayer` is passed to streamlit-folium as ``feature_group_to_add``: moving the
date only replaces that group. The group's script carries the day's statuses as small
index tables; the page keeps the markers (and the areas of :class:`AreaLayer`) between
reruns and restyles only those that changed.

Colours follow the Okabe-Ito palette (:mod:`gazetteer.palette`). An *assumed* baseline
is drawn hollow (faded fill, ring in the status colour); a place that changed in the last
:data:`~gazetteer.events.RECENT_DAYS` days is larger with a thick ring; a disputed status
has a dashed black ring. Marker radii stay at or under 10 px so Leaflet reports a click at
the marker's centre (see :func:`gazetteer.web.map.place_at`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import folium
import pandas as pd

from gazetteer.areas import area_cells, rounded_geometry
from gazetteer.events import RECENT_DAYS, is_true
from gazetteer.mapdata import spread_positions
from gazetteer.palette import LABELS, PALETTE, marker_style
from gazetteer.palette import slug as _slug
from gazetteer.web.assets import served_static_dir
from gazetteer.web.render import (
    _DATE_HOLE,
    _PLACE_HOLE,
    _fill_tip,
    _Interner,
    _key,
    _RendersVerbatim,
    _template,
    _tip_pieces,
    escape_text,
    js_json,
)


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
        ("changed_recently", f"changed in the last {RECENT_DAYS} days"),
        ("approximate", "approximate location"),
    ) if is_true(row.get(key))]
    if flags:
        parts.append("<br><small><em>" + escape_text("; ".join(flags)) + "</em></small>")
    return "".join(parts)


def _display_positions(state: pd.DataFrame) -> list[tuple[float, float]]:
    """Marker positions; places sharing a point are spread on a small circle around it
    (:func:`gazetteer.mapdata.spread_positions`, as the map file draws them)."""
    points = [(float(a), float(b)) for a, b in zip(state["lat"], state["lon"], strict=True)]
    approx = ([is_true(v) for v in state["approximate"]] if "approximate" in state
              else [False] * len(points))
    return spread_positions(points, approximate=approx,
                            names=[str(p) for p in state["place"]])


def _column(frame: pd.DataFrame, name: str, default: Any) -> list[Any]:
    return frame[name].tolist() if name in frame.columns else [default] * len(frame)


def _flags(frame: pd.DataFrame, name: str) -> list[bool]:
    """A flag column as booleans (``is_true`` for text or missing values)."""
    if name not in frame.columns:
        return [False] * len(frame)
    column = frame[name]
    if column.dtype == bool:
        return column.tolist()
    return [is_true(v) for v in column.tolist()]



@dataclass(frozen=True)
class MarkerSites:
    """Where a set of places is drawn; fixed while the set of places stays the same.

    ``places`` are sorted, ``positions`` are the drawn ``(lat, lon)`` in degrees (places
    sharing a point are spread around it), ``js`` is ``[[place, slug, lat, lon, rank],
    ...]`` as a script-safe array (``rank``: the order in which the page places their
    labels, 0 first) and ``key`` names it: the page builds the markers and labels once
    per key and afterwards only restyles them.
    """

    places: tuple[str, ...]
    positions: tuple[tuple[float, float], ...]
    js: str
    key: str


@lru_cache(maxsize=32)
def marker_sites(sites: tuple[tuple[str, float, float, bool, int], ...]) -> MarkerSites:
    """The :class:`MarkerSites` of ``(place, lat, lon, approximate, rank)`` sorted by place.

    ``rank`` orders the labels (0 first: the label most worth showing).
    """
    frame = pd.DataFrame([s[:4] for s in sites],
                         columns=["place", "lat", "lon", "approximate"])
    positions = tuple((round(lat, 6), round(lon, 6)) for lat, lon in _display_positions(frame))
    places = tuple(site[0] for site in sites)
    js = js_json([[p, _slug(p), lat, lon, site[4]] for p, (lat, lon), site in zip(
        places, positions, sites, strict=True)])
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
        (:func:`gazetteer.web.assets.publish_static`). The script then carries the sites
        only when :attr:`embed_sites` is set (the dashboard sets it the first time a
        session gets a set of places); otherwise the page fetches them once, if it does
        not have them yet. Without ``publish`` they are always embedded (saved maps).
    name : str
        The layer's name in a layer control.
    ranks : mapping, optional
        Place -> label rank (0 first; see :func:`label_ranks`); places not in it follow,
        by name. Labels are placed in this order and never overlap: a place whose label
        has no room at the map's zoom stays unnamed until the reader zooms in (or clicks
        it: the clicked place is always named).
    selected : str, optional
        The place chosen on the page: its label is shown whatever the zoom. A click on a
        marker names its place at once, in the page; this follows the next rerun.

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
                 name: str = "Control on the chosen date",
                 ranks: Mapping[str, int] | None = None,
                 selected: str | None = None) -> None:
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
            ordered["lon"].astype(float).tolist(), approximate,
            _ranks(places, ranks or {}), strict=True)))
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
                    "dates": dates.values, "codes": codes,
                    "selected": places.index(selected) if selected in places else -1}
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


def _ranks(places: Sequence[str], ranks: Mapping[str, int]) -> list[int]:
    """Each place's label rank: its own, else after every ranked place, by name."""
    order = sorted(range(len(places)), key=lambda i: (ranks.get(places[i], len(ranks)),
                                                      places[i]))
    out = [0] * len(places)
    for rank, i in enumerate(order):
        out[i] = rank
    return out


def label_ranks(places: Sequence[str], *, events: Mapping[str, int],
                kinds: Mapping[str, str]) -> dict[str, int]:
    """The order labels are placed in: reported places first, cities, then towns, then
    the most reported; ``events`` counts reports per place, ``kinds`` is the gazetteer's
    kind of place (city, town, ...)."""
    kind_rank = {"city": 0, "town": 1}
    order = sorted(places, key=lambda p: (events.get(p, 0) == 0,
                                          kind_rank.get(kinds.get(p, ""), 2),
                                          -events.get(p, 0), p))
    return {p: i for i, p in enumerate(order)}


def expand_markers(sites: list[list[Any]], day: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Markers from a :class:`StatusLayer`'s two script arguments, as the page builds them.

    Returns one dict per place: ``place, lat, lon, style`` (Leaflet options, with the
    ``kcm-place-<slug>`` class) and ``tooltip`` (HTML, escaped).
    """
    out = []
    codes = day["codes"]
    for i, (place, slug, lat, lon, *_rank) in enumerate(sites):
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
    note = "assumed baseline, " if is_true(row.get("assumed")) else ""
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
        :func:`gazetteer.web.assets.publish_static`). The page fetches it once.
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
            assumed = is_true(area.get("assumed"))
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


def layer_call_args(js: str, group: str) -> list[Any]:
    """The JSON arguments after ``group`` in ``})(group, ARG, ...);`` of a layer script:
    the data a layer hands to the page, read back (for checks of the generated code)."""
    head = f"}})({group}, "
    pos = js.index(head) + len(head)
    decoder, args = json.JSONDecoder(), []
    while True:
        value, pos = decoder.raw_decode(js, pos)
        args.append(value)
        rest = js[pos:].lstrip()
        if not rest.startswith(","):
            return args
        pos = len(js) - len(rest) + 1
        pos += len(js[pos:]) - len(js[pos:].lstrip())


def published_json(url: str) -> Any:
    """A file the page fetches from the app's static folder (``publish_static``'s address)."""
    folder, name = url.rsplit("/", 2)[-2:]
    return json.loads(Path(served_static_dir(), folder, name).read_text(encoding="utf-8"))


def script_markers(js: str, group: str = "feature_group_feature_group_0") -> list[dict]:
    """The markers a :class:`StatusLayer` script draws (:func:`expand_markers` of its
    arguments, the sites fetched from the static folder when the script names them)."""
    sites, url, day = layer_call_args(js, group)[:3]
    return expand_markers(sites if sites is not None else published_json(url), day)


@lru_cache(maxsize=64)
def cells_script(sites: tuple[tuple[str, float, float], ...]) -> str:
    """The cells of ``sites`` (:func:`gazetteer.areas.area_cells`) as a script-safe object
    for :class:`AreaLayer`: ``{"places": [...], "geometries": [...]}`` (GeoJSON
    geometries, ``[lon, lat]``, rounded to 1e-4 degrees, about 11 m); "" with no cell."""
    cells = area_cells(sites)
    if not cells:
        return ""
    return js_json({"places": [c.place for c in cells],
                    "geometries": [rounded_geometry(c.geojson) for c in cells]})

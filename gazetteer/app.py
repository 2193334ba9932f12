"""The dashboard's logic: loading, permalinks, the source panel, the legend, the tables.

``dashboard.py`` only lays the page out; everything it shows is computed here, so it can
be tested without a browser. Nothing here draws Streamlit widgets except the cached
loaders (:func:`cached_model`), which import Streamlit only when first used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import tempfile
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
import pandas as pd

from gazetteer._paths import BASELINE_CSV, EVENTS_CSV, PACKAGE_DIR, SEEDS_DIR
from gazetteer.errors import GazetteerError
from gazetteer.events import parse_event_date
from gazetteer.mapview import (
    LABELS,
    PALETTE,
    AreaLayer,
    StatusLayer,
    area_style,
    js_json,
    marker_style,
)
from gazetteer.timeline import (
    STATE_COLUMNS,
    Timeline,
    read_baseline,
)

__all__ = [
    "PLAY_SPEEDS",
    "LoadedData",
    "Model",
    "Options",
    "Permalink",
    "Upload",
    "acled_csv",
    "area_cells",
    "areas_for_day",
    "build_model",
    "cached_extract_upload",
    "cached_model",
    "cell_sites",
    "changes_table",
    "clear_caches",
    "date_from_selection",
    "ensure_static_assets",
    "events_csv",
    "events_table",
    "events_table_html",
    "extract_upload",
    "holdings",
    "legend_html",
    "load_data",
    "next_change",
    "panel_context",
    "panel_html",
    "parse_options",
    "place_in_areas",
    "prev_change",
    "read_event_upload",
    "read_permalink",
    "session_model",
    "state_geojson_text",
    "trends_chart",
    "upload_events_csv",
    "upload_name",
    "with_unreported",
    "with_uploads",
]

#: Speeds offered for Play: label -> seconds between steps.
PLAY_SPEEDS = {"slow (2 s a step)": 2.0, "normal (1 s a step)": 1.0,
               "fast (0.4 s a step)": 0.4}
TABLE_COLUMNS = ("date", "event_type", "place", "actor", "target", "outlet", "published",
                 "source_file", "excerpt", "event_id")

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(PACKAGE_DIR / "templates")),
    autoescape=jinja2.select_autoescape(["html"], default_for_string=True),
    undefined=jinja2.StrictUndefined,
)


# -- options ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Options:
    """Where the page reads from: an article folder, or an event table."""

    seeds: Path = SEEDS_DIR
    events: Path | None = None
    baseline: Path = BASELINE_CSV
    problems: tuple[str, ...] = ()


def parse_options(argv: Sequence[str]) -> Options:
    """Parse the page's arguments (``streamlit run dashboard.py -- --seeds DIR``).

    Unknown arguments are reported in :attr:`Options.problems`, never fatal.
    """
    parser = argparse.ArgumentParser(prog="dashboard.py", add_help=False)
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR,
                        help="folder of *.txt articles (default: seeds/)")
    parser.add_argument("--events", type=Path, default=None,
                        help="an event table (CSV) to show instead of extracting")
    parser.add_argument("--baseline", type=Path, default=BASELINE_CSV,
                        help="baseline table (default: data/baseline.csv)")
    args, unknown = parser.parse_known_args(list(argv))
    problems = tuple(f"ignored unknown argument {a!r}" for a in unknown)
    return Options(seeds=args.seeds, events=args.events, baseline=args.baseline,
                   problems=problems)


# -- loading ----------------------------------------------------------------------------
@dataclass(slots=True)
class LoadedData:
    """The event table, the articles' metadata and texts, and what went wrong loading."""

    events: pd.DataFrame
    articles: dict[str, dict[str, str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    source: str = ""


def load_data(seeds: str | Path, events: str | Path | None = None) -> LoadedData:
    """Load the events to show and the metadata of the articles behind them.

    Parameters
    ----------
    seeds : path
        Folder of articles. Extracted when ``events`` is None; otherwise only read for
        outlets, titles and to check excerpts.
    events : path, optional
        An event table (our layout or ACLED's) to show instead of extracting.

    Returns
    -------
    LoadedData
        Never raises for bad input: unreadable files and malformed rows become
        ``warnings``; a source that cannot be used at all becomes an entry of ``errors``
        and an empty table.
    """
    seeds = Path(seeds)
    out = LoadedData(events=_empty_events())
    articles, article_warnings = _read_articles(seeds)
    out.articles = {a["file"]: a for a in articles}
    if events is not None:
        from gazetteer.exchange import read_events

        try:
            frame, warns = read_events(events)
        except GazetteerError as err:
            out.errors.append(str(err))
            return out
        out.events, out.source = frame, f"event table {events}"
        out.warnings.extend(warns)
        cited = set(frame["source_file"].astype(str))
        out.articles = {k: v for k, v in out.articles.items() if k in cited}
    else:
        out.warnings.extend(article_warnings)
        frame, warns, source = _extract(seeds)
        out.warnings.extend(warns)
        if frame is None:
            out.errors.append(source)
            return out
        out.events, out.source = frame, source
    out.warnings.extend(_check_excerpts(out.events, out.articles))
    return out


def _empty_events() -> pd.DataFrame:
    from gazetteer.exchange import EVENT_COLUMNS

    return pd.DataFrame({c: pd.Series(dtype=object) for c in EVENT_COLUMNS})


def _read_articles(seeds: Path) -> tuple[list[dict[str, str]], list[str]]:
    from gazetteer.articles import load_folder

    try:
        articles, warnings = load_folder(seeds)
    except GazetteerError as err:
        return [], [str(err)]
    rows = [{"file": a.file, "outlet": a.outlet, "title": a.title, "url": a.url,
             "published": a.published.isoformat() if a.published else "", "text": a.text}
            for a in articles]
    return rows, list(warnings)


def _extract(seeds: Path) -> tuple[pd.DataFrame | None, list[str], str]:
    try:
        from gazetteer.extract import extract_folder
    except ImportError:
        if EVENTS_CSV.is_file():
            from gazetteer.exchange import read_events

            frame, warns = read_events(EVENTS_CSV)
            return frame, [*warns, "the extractor is not available: showing the committed "
                           f"{EVENTS_CSV.name}"], f"event table {EVENTS_CSV}"
        return None, [], "the extractor is not available and there is no data/events.csv"
    try:
        frame, warns = extract_folder(seeds)
    except GazetteerError as err:
        return None, [], str(err)
    return frame, list(warns), f"articles in {seeds}"


def _check_excerpts(events: pd.DataFrame, articles: Mapping[str, Mapping[str, str]]
                    ) -> list[str]:
    problems = []
    if events.empty or not articles:
        return problems
    for row in events.to_dict("records"):
        art = articles.get(str(row.get("source_file")))
        if art is None:
            continue
        try:
            a, b = int(row["char_start"]), int(row["char_end"])
        except (TypeError, ValueError, KeyError):
            continue
        if art["text"][a:b] != str(row.get("excerpt")):
            problems.append(f"event {row.get('event_id')}: its excerpt is not the text of "
                            f"{row.get('source_file')} at [{a}:{b}]")
    return problems


# -- the model --------------------------------------------------------------------------
@dataclass(slots=True)
class Model:
    """Everything the page needs, built once per input and shared by all sessions."""

    data: LoadedData
    timeline: Timeline
    first: dt.date
    last: dt.date
    changes: list[dt.date]
    places: dict[str, Any]
    event_starts: pd.Series
    warnings: list[str]
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    def remember(self, key: Any, compute: Any) -> Any:
        """``compute()``, kept under ``key`` (date-independent or per-day page parts)."""
        if key not in self.memo:
            if len(self.memo) > 4096:
                self.memo.clear()
            self.memo[key] = compute()
        return self.memo[key]

    def shown(self, day: dt.date, *, unreported: bool = False, assumed: bool = True
              ) -> pd.DataFrame:
        """The state rows drawn on the map for ``day`` with the given layer toggles."""
        state = self.state(day)
        if not assumed:
            state = state[~state["assumed"]]
        if unreported:
            state = with_unreported(state, self.places)
        return state

    def layer(self, day: dt.date, *, unreported: bool = False, assumed: bool = True
              ) -> StatusLayer:
        """The markers for ``day`` (a fresh object each call: st_folium mutates it).

        The places' sites go to the static folder once per set of places
        (:func:`_publish_sites`); the layer's script then carries only the day.
        """
        return StatusLayer(self.shown(day, unreported=unreported, assumed=assumed),
                           publish=lambda js: self.remember(("sites-url", js),
                                                            lambda: _publish_sites(js)))

    def area_layer(self, day: dt.date, *, unreported: bool = False, assumed: bool = True
                   ) -> AreaLayer | None:
        """The areas of control for ``day``: the shown places' cells, coloured for the day.

        The cells are computed once per set of places (:func:`area_cells`); the styles
        once per day and toggles. None when no cell can be drawn (no boundaries).
        """
        state = self.shown(day, unreported=unreported, assumed=assumed)
        cells, cells_js = area_cells(cell_sites(state))
        if not cells:
            return None
        areas = self.remember(("areas", day, unreported, assumed),
                              lambda: areas_for_day(cells, state))
        url = self.remember(("cells-url", cells_js), lambda: _publish_cells(cells_js))
        return AreaLayer(areas, cells_url=url)

    def cells(self, day: dt.date, *, unreported: bool = False, assumed: bool = True
              ) -> tuple[Any, ...]:
        """The cells drawn on ``day`` (see :meth:`area_layer`), for :func:`place_in_areas`."""
        return area_cells(cell_sites(self.shown(day, unreported=unreported,
                                                assumed=assumed)))[0]

    def state(self, day: dt.date) -> pd.DataFrame:
        """The timeline's state on ``day``."""
        return _state_cached(self.timeline, day)


@lru_cache(maxsize=512)
def _state_cached(timeline: Timeline, day: dt.date) -> pd.DataFrame:
    return timeline.state_on(day)


def build_model(options: Options, *, data: LoadedData | None = None) -> Model:
    """Load, extract and build the timeline for ``options`` (uncached).

    ``data`` skips loading when already at hand (the cached path passes it).
    """
    if data is None:
        data = load_data(options.seeds, options.events)
    warnings = [*options.problems, *data.warnings]
    try:
        baseline = read_baseline(options.baseline)
    except GazetteerError as err:
        baseline = None
        warnings.append(f"baseline not used: {err}")
    places = _gazetteer_places()
    timeline = Timeline.from_events(data.events, baseline=baseline)
    warnings.extend(timeline.warnings)
    starts = _event_starts(data.events)
    published = [dt.date.fromisoformat(a["published"]) for a in data.articles.values()
                 if a.get("published")]
    published += [d.date() for d in pd.to_datetime(data.events.get("published"),
                                                   errors="coerce").dropna()]
    first = starts.min() if starts.notna().any() else None
    last = max([*published, *starts.dropna()], default=None)
    if first is None:
        first = last or dt.date.today()
    if last is None or last <= first:
        last = first + dt.timedelta(days=1)
    return Model(data=data, timeline=timeline, first=first, last=last,
                 changes=timeline.change_dates(), places=places, event_starts=starts,
                 warnings=warnings)


@lru_cache(maxsize=1)
def _caches() -> tuple[Any, Any, Any, Any]:
    """Streamlit's caches around the loaders, made on first use (the CLI never needs them).

    Loading and extraction go through ``st.cache_data``; the model built from them is a
    shared ``st.cache_resource`` (one per input for the server's life), so a rerun (a
    slider step) repeats no work and copies no table.
    """
    import streamlit as st

    data = st.cache_data(show_spinner="Reading the articles and extracting events…")(load_data)

    @st.cache_resource(show_spinner="Building the timeline…")
    def model(seeds: str, events: str | None, baseline: str,
              problems: tuple[str, ...]) -> Model:
        options = Options(seeds=Path(seeds), events=Path(events) if events else None,
                          baseline=Path(baseline), problems=problems)
        return build_model(options, data=data(seeds, events))

    @st.cache_resource(show_spinner=False)
    def assets() -> tuple[str, ...]:
        from gazetteer._assets import install_static_assets

        return tuple(str(p) for p in install_static_assets())

    # keyed by the upload's name, content and date: the same text is extracted once
    uploads = st.cache_data(show_spinner="Extracting events from the uploaded article…",
                            max_entries=256)(extract_upload)
    return data, model, assets, uploads


def cached_model(options: Options) -> Model:
    """:func:`build_model`, cached per input for the life of the server (see _caches)."""
    return _caches()[1](str(options.seeds), str(options.events) if options.events else None,
                        str(options.baseline), options.problems)


def ensure_static_assets() -> tuple[str, ...]:
    """Copy Leaflet, jQuery and the boundaries into ``static/`` once per server process."""
    return _caches()[2]()


def clear_caches() -> None:
    """Forget loaded data, so the next run reads the files again."""
    data, model, _, uploads = _caches()
    data.clear()
    model.clear()
    uploads.clear()
    _state_cached.cache_clear()


def cached_extract_upload(name: str, raw: bytes, *, published: dt.date | None = None
                          ) -> Upload:
    """:func:`extract_upload`, cached by name, content and publication date."""
    return _caches()[3](name, raw, published=published)


def _gazetteer_places() -> dict[str, Any]:
    try:
        from gazetteer.places import Gazetteer

        return {p.name: p for p in Gazetteer.default().places}
    except (ImportError, OSError, GazetteerError):
        return {}


def _event_starts(events: pd.DataFrame) -> pd.Series:
    out = []
    for row in events.to_dict("records"):
        try:
            value = row.get("date")
            if value is None or str(value).strip() in ("", "nan"):
                value = row.get("published")
            start = parse_event_date(value, None)[0]
        except ValueError:
            start = None
        out.append(start)
    return pd.Series(out, index=events.index, dtype=object)


# -- time navigation --------------------------------------------------------------------
def prev_change(day: dt.date, changes: Sequence[dt.date]) -> dt.date | None:
    """The latest change strictly before ``day`` (None when there is none)."""
    earlier = [c for c in changes if c < day]
    return earlier[-1] if earlier else None


def next_change(day: dt.date, changes: Sequence[dt.date]) -> dt.date | None:
    """The earliest change strictly after ``day`` (None when there is none)."""
    return next((c for c in changes if c > day), None)


# -- permalinks -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Permalink:
    """A view read from the URL: the day, the place, and messages about bad values."""

    day: dt.date | None
    place: str | None
    messages: tuple[str, ...] = ()


def read_permalink(params: Mapping[str, Any], *, first: dt.date, last: dt.date,
                   places: Iterable[str]) -> Permalink:
    """Read ``?date=YYYY-MM-DD&place=NAME``; invalid values give a message and None.

    A place matches its canonical name, ignoring case and surrounding spaces.
    """
    messages = []
    day = None
    raw_day = _param(params, "date")
    if raw_day:
        try:
            day = dt.date.fromisoformat(raw_day.strip())
        except ValueError:
            messages.append(f"The link's date {raw_day!r} is not a YYYY-MM-DD date; showing "
                            f"{last.isoformat()} instead.")
        if day is not None and not first <= day <= last:
            messages.append(f"The link's date {day.isoformat()} is outside the data "
                            f"({first.isoformat()} to {last.isoformat()}); showing "
                            f"{last.isoformat()} instead.")
            day = None
    place = None
    raw_place = _param(params, "place")
    if raw_place:
        wanted = " ".join(raw_place.split()).casefold()
        place = next((p for p in places if p.casefold() == wanted), None)
        if place is None:
            messages.append(f"The link's place {raw_place!r} is not on the map; no place "
                            "is selected.")
    return Permalink(day=day, place=place, messages=tuple(messages))


def _param(params: Mapping[str, Any], key: str) -> str:
    value = params.get(key)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return "" if value is None else str(value)


# -- map helpers ------------------------------------------------------------------------
def with_unreported(state: pd.DataFrame, places: Mapping[str, Any], *,
                   states: Iterable[str] = ("Kachin",),
                   kinds: Iterable[str] = ("town", "city")) -> pd.DataFrame:
    """``state`` plus, as ``unknown``, the gazetteer's towns that no article mentions."""
    wanted_states, wanted_kinds = set(states), set(kinds)
    have = set(state["place"])
    rows = []
    for name, p in places.items():
        if name in have or p.state not in wanted_states or p.kind not in wanted_kinds:
            continue
        rows.append({"place": name, "lat": p.lat, "lon": p.lon, "status": "unknown",
                     "since": "", "basis": "no article in the table mentions it",
                     "event_ids": "", "assumed": False, "approximate": p.approximate,
                     "changed_recently": False, "disputed": False, "since_precision": "day",
                     "holder": "", "kind": "unknown"})
    if not rows:
        return state
    extra = pd.DataFrame(rows, columns=list(state.columns) if len(state.columns) else
                         list(STATE_COLUMNS))
    return pd.concat([state, extra], ignore_index=True)


def legend_html(*, areas: bool = False) -> str:
    """The legend (status colours and the three marker variants) as escaped HTML.

    ``areas`` adds the two kinds of area: sourced (light fill) and assumed or unknown
    (hatched).
    """
    items = []
    for status, label in LABELS.items():
        items.append(_legend_item(label, marker_style(status)))
    items.append(_legend_item("assumed baseline (no article)",
                              marker_style("junta", assumed=True)))
    items.append(_legend_item("changed in the last 30 days",
                              marker_style("KIA", recent=True)))
    items.append(_legend_item("sources disagree", marker_style("KIA", disputed=True)))
    if areas:
        items.extend(_area_legend_items())
    return _env.get_template("legend.html").render(items=items)


def _area_legend_items() -> list[dict[str, Any]]:
    sourced = area_style("KIA")
    colour = sourced["fillColor"].lstrip("#")
    rgb = f"{int(colour[0:2], 16)}, {int(colour[2:4], 16)}, {int(colour[4:6], 16)}"
    grey = PALETTE["unknown"]
    return [
        {"label": "area nearest a place (approximate)", "size": 14, "square": True,
         "fill_rgba": f"rgba({rgb}, {sourced['fillOpacity']})", "stroke": sourced["color"],
         "weight": 1, "border_style": "solid"},
        {"label": "area: assumed or unknown status", "size": 14, "square": True,
         "fill_rgba": f"repeating-linear-gradient(45deg, {grey} 0 2px, transparent 2px 6px)",
         "stroke": grey, "weight": 1, "border_style": "dashed"},
    ]


def _legend_item(label: str, style: Mapping[str, Any]) -> dict[str, Any]:
    r, weight = float(style["radius"]), float(style["weight"])
    fill = style["fillColor"].lstrip("#")
    rgba = (f"rgba({int(fill[0:2], 16)}, {int(fill[2:4], 16)}, {int(fill[4:6], 16)}, "
            f"{style['fillOpacity']})")
    return {"label": label, "size": round(2 * r + weight, 1), "fill_rgba": rgba,
            "stroke": style["color"], "weight": weight,
            "border_style": "dashed" if style.get("dashArray") else "solid", "square": False}


# -- the events table -------------------------------------------------------------------
def events_table(model: Model, day: dt.date, *, places: Iterable[str] = (),
                 actors: Iterable[str] = ()) -> pd.DataFrame:
    """Events dated on or before ``day`` (newest first), optionally by place and actor.

    A month-precision event counts from the 1st of its month; an undated event from its
    article's publication day. ``actors`` matches the actor or the target.
    """
    table, starts = model.remember("events_sorted", lambda: _events_sorted(model))
    if table.empty:
        return table
    # ``starts`` is descending: the rows on or before ``day`` are a suffix
    cut = int(np.searchsorted(starts, -day.toordinal(), side="left"))
    out = table.iloc[cut:]
    places, actors = set(places), set(actors)
    if places:
        out = out[out["place"].isin(places)]
    if actors:
        out = out[out["actor"].isin(actors) | out["target"].isin(actors)]
    return out.reset_index(drop=True)


def _events_sorted(model: Model) -> tuple[pd.DataFrame, np.ndarray]:
    events = model.data.events
    if events.empty:
        return pd.DataFrame(columns=list(TABLE_COLUMNS)), np.array([], dtype=np.int64)
    out = events.copy()
    out["outlet"] = out["source_file"].map(
        lambda f: model.data.articles.get(str(f), {}).get("outlet", ""))
    known = model.event_starts.notna()
    out = out[known]
    out["_key"] = [-d.toordinal() for d in model.event_starts[known]]
    out = out.sort_values(["_key", "place"], kind="stable")
    keys = out["_key"].to_numpy(dtype=np.int64)
    return out[list(TABLE_COLUMNS)].reset_index(drop=True), keys


def filter_options(model: Model) -> tuple[list[str], list[str]]:
    """The events table's filter choices: every place, every actor or target (sorted)."""
    def compute() -> tuple[list[str], list[str]]:
        events = model.data.events
        places = sorted(str(p) for p in events["place"].dropna().unique())
        actors = sorted((set(events["actor"].dropna().astype(str))
                         | set(events["target"].dropna().astype(str))) - {""})
        return places, actors

    return model.remember("filter_options", compute)


#: Rows an events table shows (newest first); filters or the CSV download reach the rest.
#: Every row is HTML the browser sanitises and lays out again on each date step.
TABLE_ROWS = 100


def events_table_html(table: pd.DataFrame, *, limit: int = TABLE_ROWS,
                      empty: str = "No event up to this date matches.",
                      css_class: str = "kcm-events") -> str:
    """An :func:`events_table` as escaped HTML, the newest ``limit`` rows.

    Plain HTML rather than ``st.dataframe``: excerpts wrap and stay readable, and the
    page does not load a 1.2 MB grid component on every visit. ``empty`` is the note
    shown when there is no row; ``css_class`` names the table (``kcm-events``, or
    ``kcm-changes`` for the "what changed" list).
    """
    rows = [{k: "" if _blank(v) else str(v) for k, v in row.items()}
            for row in table.head(limit).to_dict("records")]
    columns = ["Date", "Type", "Place", "Actor", "Target", "Outlet", "Published", "Article",
               "Excerpt"]
    return _env.get_template("events_table.html").render(
        rows=rows, columns=columns, total=len(table), hidden=len(table) > limit,
        empty=empty, css_class=css_class)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


# -- the source panel -------------------------------------------------------------------
def panel_html(model: Model, place: str, day: dt.date) -> str:
    """The source panel for ``place`` on ``day`` as HTML (every value escaped)."""
    return _env.get_template("panel.html").render(**panel_context(model, place, day))


def panel_context(model: Model, place: str, day: dt.date) -> dict[str, Any]:
    """The data shown in the panel (see ``templates/panel.html``)."""
    tl = model.timeline
    details = model.places.get(place)
    st_ = tl.place_state(place, day)
    state_rows = model.state(day)
    approximate = bool(state_rows.loc[state_rows["place"] == place, "approximate"].any()) \
        or bool(details is not None and details.approximate)
    return {
        "place": place,
        "day": day.isoformat(),
        "details": _details(details),
        "approximate": approximate,
        "approximate_basis": details.coord_source if details is not None and
        details.approximate else "",
        "status": _status_view(tl, place, st_),
        "history": _history_view(tl, place, day),
        "excerpts": model.remember(("excerpts", place),
                                   lambda: _excerpts(model, place, details)),
    }


def _details(p: Any) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"kind": p.kind or "place", "township": p.township, "district": p.district,
            "state": p.state, "pcode": p.pcode, "aliases": list(p.aliases),
            "coord_source": p.coord_source}


def _since_text(state: Any) -> str:
    if state.since is None or state.status == "unknown":
        return ""
    if state.kind == "baseline":
        return f"as of {state.since.isoformat()} (baseline)"
    if state.since_precision == "month":
        return f"since {state.since:%B %Y} (the day is not known)"
    if state.since_precision == "year":
        return f"since {state.since.year} (the day and month are not known)"
    return f"since {state.since.isoformat()}"


def _status_view(tl: Timeline, place: str, state: Any) -> dict[str, Any]:
    disputes = [ev.dispute for ev in tl.events_at(place)
                if ev.disputed and set(ev.event_ids) & set(state.event_ids)]
    holder = ""
    if state.status == "contested" and state.holder:
        holder = f"Held by {LABELS.get(state.holder, state.holder)} when the fighting began"
    return {"label": LABELS.get(state.status, state.status),
            "colour": PALETTE.get(state.status, PALETTE["unknown"]),
            "since_text": _since_text(state), "basis": state.basis,
            "assumed": state.assumed, "disputes": list(dict.fromkeys(disputes)),
            "holder_text": holder}


def _history_view(tl: Timeline, place: str, day: dt.date) -> list[dict[str, Any]]:
    hist = tl.history(place)
    rows = []
    current = tl.place_state(place, day)
    for row in hist.to_dict("records"):
        when = row["date"] or "baseline"
        if row["precision"] == "month" and row["date"]:
            when = f"{row['date']} (day not known)"
        rows.append({"date": when, "label": LABELS.get(row["status"], row["status"]),
                     "colour": PALETTE.get(row["status"], PALETTE["unknown"]),
                     "basis": row["basis"], "disputed": row["disputed"],
                     "assumed": row["assumed"], "current": row["basis"] == current.basis})
    return rows


def _excerpts(model: Model, place: str, details: Any) -> list[dict[str, Any]]:
    """Every excerpt naming ``place``, one per article passage, newest article first.

    Events at the place come first; other events' excerpts that mention one of its
    names are included too. Each passage highlights the trigger words of every event it
    states about this place, and the place's names.
    """
    events = model.data.events
    if events.empty:
        return []
    names = [place, *(details.aliases if details is not None else ())]
    pattern = _mention_pattern(tuple(sorted(set(names), key=len, reverse=True)))
    passages: dict[tuple, list[dict[str, Any]]] = {}
    for row in events.to_dict("records"):
        if row.get("place") != place and not pattern.search(str(row.get("excerpt") or "")):
            continue
        key = (row.get("source_file"), row.get("char_start"), row.get("char_end"))
        passages.setdefault(key, []).append(row)
    out = []
    for rows in passages.values():
        here = [r for r in rows if r.get("place") == place]
        first = (here or rows)[0]
        art = model.data.articles.get(str(first.get("source_file")), {})
        if here:
            what = "; ".join(dict.fromkeys(f"{r.get('event_type')} {_event_when(r)}"
                                           for r in here)) + " here"
        else:
            what = f"mentions it (a {first.get('event_type')} at {first.get('place')})"
        out.append({
            "outlet": art.get("outlet") or str(first.get("outlet") or ""),
            "title": art.get("title", ""),
            "published": str(first.get("published") or art.get("published", "") or ""),
            "file": str(first.get("source_file") or ""), "what": what,
            "segments": _segments(first, here, pattern), "_sort": _sort_key(first)})
    out.sort(key=lambda e: e["_sort"], reverse=True)
    for e in out:
        del e["_sort"]
    return out


def _event_when(row: Mapping[str, Any]) -> str:
    value = str(row.get("date") or "").strip()
    if not value or value == "nan":
        return "(undated)"
    precision = str(row.get("date_precision") or "day")
    if precision == "month":
        return f"in {value} (day not known)"
    if precision == "year":
        return f"in {value} (day and month not known)"
    return f"on {value}"


def _sort_key(row: Mapping[str, Any]) -> tuple[str, str, str]:
    return (str(row.get("published") or ""), str(row.get("date") or ""),
            str(row.get("source_file") or ""))


@lru_cache(maxsize=256)
def _mention_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in names if n)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _segments(row: Mapping[str, Any], events: Iterable[Mapping[str, Any]],
              pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """Split an excerpt into (text, css class) runs: event words, then place mentions."""
    text = str(row.get("excerpt") or "")
    marks: list[tuple[int, int, str]] = []
    for ev in events:
        try:
            base = int(ev["char_start"])
            hs, he = int(ev["highlight_start"]) - base, int(ev["highlight_end"]) - base
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= hs < he <= len(text) and all(he <= a or hs >= b for a, b, _ in marks):
            marks.append((hs, he, "kcm-event"))
    for m in pattern.finditer(text):
        if all(m.end() <= a or m.start() >= b for a, b, _ in marks):
            marks.append((m.start(), m.end(), "kcm-place"))
    marks.sort()
    segments, pos = [], 0
    for a, b, cls in marks:
        if a > pos:
            segments.append((text[pos:a], ""))
        segments.append((text[a:b], cls))
        pos = b
    if pos < len(text):
        segments.append((text[pos:], ""))
    return segments


# -- areas of control -------------------------------------------------------------------
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


def _publish_sites(sites_js: str) -> str:
    from gazetteer._assets import publish_static

    return publish_static(sites_js, folder="sites")


def _publish_cells(cells_js: str) -> str:
    from gazetteer._assets import publish_static

    return publish_static(cells_js, folder="cells")


@lru_cache(maxsize=64)
def area_cells(sites: tuple[tuple[str, float, float], ...]) -> tuple[tuple[Any, ...], str]:
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
        :class:`gazetteer.mapview.AreaLayer`. Computed once per set of places;
        ``((), "")`` when the boundaries are missing.
    """
    from gazetteer.areas import voronoi_cells

    outline = _myanmar_outline()
    if outline is None or not sites:
        return (), ""
    cells = tuple(voronoi_cells([_snapped(site, outline) for site in sites], outline))
    return cells, js_json({"places": [c.place for c in cells],
                           "geometries": [_rounded_geometry(c.geojson) for c in cells]})


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
    from gazetteer.areas import myanmar_outline
    from gazetteer.boundaries import load_boundaries

    try:
        return myanmar_outline(load_boundaries())
    except (GazetteerError, ValueError):
        return None


def _rounded_geometry(geometry: Mapping[str, Any]) -> dict[str, Any]:
    def rnd(coords: Any) -> Any:
        if coords and isinstance(coords[0], (int, float)):
            return [round(float(c), 4) for c in coords]
        return [rnd(c) for c in coords]

    return {"type": geometry["type"], "coordinates": rnd(geometry["coordinates"])}


def areas_for_day(cells: Iterable[Any], state: pd.DataFrame) -> list[dict[str, Any]]:
    """Per cell, its place's ``status`` and ``assumed`` flag on the day of ``state``.

    A cell whose place is missing from ``state`` is unknown (drawn hatched grey).
    Returns ``[{"place", "status", "assumed"}, ...]`` in the cells' order, for
    :class:`gazetteer.mapview.AreaLayer`.
    """
    from gazetteer.mapview import records

    rows = {str(r["place"]): r for r in records(state, ("place", "status", "assumed"))}
    out = []
    for cell in cells:
        row = rows.get(cell.place, {})
        assumed = row.get("assumed")
        out.append({"place": cell.place, "status": str(row.get("status") or "unknown"),
                    "assumed": bool(assumed) and str(assumed).lower() != "false"})
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


# -- trends -----------------------------------------------------------------------------
def holdings(model: Model, *, assumed: bool = True) -> pd.DataFrame:
    """Places per status on each change date (and the first and last day), cached.

    See :func:`gazetteer.trends.holdings_over_time`; ``assumed=False`` leaves out places
    whose status is an assumed baseline.
    """
    from gazetteer.trends import holdings_over_time

    def state_on(day: dt.date) -> pd.DataFrame:
        state = model.state(day)
        return state if assumed else state[~state["assumed"]]

    days = _sample_days(sorted({*model.changes, model.first, model.last}))
    return model.remember(("holdings", assumed), lambda: holdings_over_time(state_on, days))


#: The trends chart samples at most this many change dates: enough for the shape of years
#: of reporting, small enough that its spec does not slow every slider step.
MAX_CHART_DATES = 150


def _sample_days(days: list[dt.date], limit: int = MAX_CHART_DATES) -> list[dt.date]:
    """``days`` (sorted) thinned evenly to ``limit``, keeping the first and last."""
    if len(days) <= limit:
        return days
    step = (len(days) - 1) / (limit - 1)
    return sorted({days[round(i * step)] for i in range(limit)})


#: Name of the chart's point selection (read back with :func:`date_from_selection`).
TREND_SELECTION = "pick"


def trends_chart(table: pd.DataFrame, day: dt.date) -> Any:
    """An Altair chart of :func:`holdings`, the chosen ``day`` marked by a rule.

    Clicking near a point selects its date (selection ``"pick"``, field ``date``); the
    colours are the markers' (:data:`gazetteer.mapview.PALETTE`). The lines and points
    are built and schema-validated once per table; a new ``day`` only adds its rule, and
    the chart skips Altair's full re-validation on every slider step.
    """
    import altair as alt

    lines, points, layer_class = _trend_layers(table)
    rule = alt.Chart(pd.DataFrame({"date": [pd.Timestamp(day)]})).mark_rule(
        color="#333333", strokeDash=[5, 3], strokeWidth=1.5).encode(x="date:T")
    return layer_class(layer=[lines, points, rule]).properties(height=260)


_TREND_LAYERS: dict[int, tuple[pd.DataFrame, Any, Any, Any]] = {}


def _trend_layers(table: pd.DataFrame) -> tuple[Any, Any, Any]:
    cached = _TREND_LAYERS.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1:]
    import altair as alt

    class PrevalidatedLayerChart(alt.LayerChart):
        """A layer chart whose parts were validated when first built."""

        def to_dict(self, validate: bool = False, **kwargs: Any) -> dict:
            return super().to_dict(validate=validate, **kwargs)

    present = [s for s in PALETTE if s in set(table["status"])]
    present += sorted(set(table["status"]) - set(present))
    data = table.assign(label=table["status"].map(lambda s: LABELS.get(s, s)),
                        day=table["date"].dt.strftime("%Y-%m-%d"))
    scale = alt.Scale(domain=[LABELS.get(s, s) for s in present],
                      range=[PALETTE.get(s, PALETTE["unknown"]) for s in present])
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y")),
        y=alt.Y("places:Q", title="Places held", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("label:N", scale=scale, title=None,
                        legend=alt.Legend(orient="bottom", columns=3)))
    pick = alt.selection_point(name=TREND_SELECTION, fields=["date"], on="click",
                               nearest=True, clear=False)
    lines = base.mark_line(interpolate="step-after", strokeWidth=2)
    points = base.mark_point(filled=True, size=70, cursor="pointer").encode(
        tooltip=[alt.Tooltip("day:N", title="Date"), alt.Tooltip("label:N", title="Status"),
                 alt.Tooltip("places:Q", title="Places")]).add_params(pick)
    alt.layer(lines, points).to_dict(validate=True)  # validate the fixed parts once
    if len(_TREND_LAYERS) > 32:
        _TREND_LAYERS.clear()
    _TREND_LAYERS[id(table)] = (table, lines, points, PrevalidatedLayerChart)
    return lines, points, PrevalidatedLayerChart


def date_from_selection(state: Mapping[str, Any] | None, *,
                        name: str = TREND_SELECTION) -> dt.date | None:
    """The date picked in :func:`trends_chart` (Streamlit's selection state), else None.

    Vega-Lite reports a temporal field as milliseconds since 1970-01-01 UTC; an ISO
    string is accepted too.
    """
    try:
        picked = (state or {})["selection"][name]
    except (KeyError, TypeError):
        return None
    if not picked:
        return None
    value = picked[0].get("date") if isinstance(picked[0], Mapping) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return pd.Timestamp(int(value), unit="ms").date()
    if isinstance(value, str) and value:
        try:
            return pd.Timestamp(value).date()
        except ValueError:
            return None
    return None


# -- what changed -----------------------------------------------------------------------
def changes_table(model: Model, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Captures and new assaults dated in ``[start, end]`` (newest first), table columns.

    See :func:`gazetteer.trends.changes_between`; each row keeps its excerpt and article.
    """
    from gazetteer.trends import changes_between, period_starts

    if end < start:
        start, end = end, start
    events = model.data.events
    starts = model.remember("period_starts", lambda: period_starts(events))
    frame = changes_between(events, start, end, starts=starts)
    if frame.empty:
        return pd.DataFrame(columns=list(TABLE_COLUMNS))
    frame = frame.copy()
    given = frame["outlet"] if "outlet" in frame else pd.Series("", index=frame.index)
    frame["outlet"] = [model.data.articles.get(str(f), {}).get("outlet") or
                       ("" if _blank(g) else str(g))
                       for f, g in zip(frame["source_file"], given, strict=True)]
    return frame[list(TABLE_COLUMNS)]


# -- exchange ---------------------------------------------------------------------------
def events_csv(model: Model) -> str:
    """The events shown (with this session's uploads) as our CSV layout."""
    from gazetteer.exchange import to_csv

    return model.remember("export_csv", lambda: to_csv(model.data.events))


def state_geojson_text(model: Model, day: dt.date) -> str:
    """The state on ``day`` as GeoJSON text, each place with the excerpts behind it."""
    from gazetteer.exchange import state_geojson

    return json.dumps(state_geojson(model.state(day), model.data.events, on=day),
                      ensure_ascii=False, indent=1)


def acled_csv(model: Model) -> str:
    """The events in ACLED's CSV layout, admin areas from the gazetteer."""
    from gazetteer.exchange import to_acled

    return model.remember("export_acled",
                          lambda: to_acled(model.data.events, places=model.places))


# -- this session's uploads -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded article, extracted: its metadata and text, events and warnings."""

    article: dict[str, str]
    events: pd.DataFrame
    warnings: tuple[str, ...] = ()


#: The outlet shown for an uploaded article.
UPLOAD_OUTLET = "Uploaded in this session"


def upload_name(name: str, taken: Iterable[str]) -> str:
    """A file name for an upload that clashes with no loaded article.

    The folder part is dropped; a clash gets an ``upload-`` prefix (then a number).
    """
    base = Path(str(name).replace("\\", "/")).name.strip() or "upload.txt"
    taken = set(taken)
    candidate, n = f"upload-{base}" if base in taken else base, 1
    while candidate in taken:
        n += 1
        candidate = f"upload{n}-{base}"
    return candidate


def extract_upload(name: str, raw: bytes, *, published: dt.date | None = None) -> Upload:
    """Read an uploaded article (:func:`gazetteer.articles.article_from_text`) and extract.

    Parameters
    ----------
    name : str
        The article's file name (see :func:`upload_name`).
    raw : bytes
        Its content; non-UTF-8 bytes are replaced, with a warning.
    published : datetime.date, optional
        Publication day; None means unknown: a ``date YYYY-MM-DD`` header, else only
        absolute dates in the text are used.

    Returns
    -------
    Upload
        Nothing is written anywhere: the result lives in memory only.
    """
    from gazetteer.articles import article_from_text
    from gazetteer.extract import extract_articles

    article = article_from_text(name, raw, published=published)
    events = extract_articles([article])
    meta = {"file": article.file, "outlet": UPLOAD_OUTLET, "title": article.title,
            "url": "", "published": article.published.isoformat() if article.published
            else "", "text": article.text}
    warnings = list(article.warnings)
    if events.empty:
        warnings.append(f"{name}: no capture, assault or holding of a known place found")
    return Upload(article=meta, events=events, warnings=tuple(warnings))


def read_event_upload(name: str, raw: bytes) -> tuple[pd.DataFrame, list[str]]:
    """Read an uploaded event table (ours or ACLED's layout); warnings name ``name``.

    The bytes are read through :func:`gazetteer.exchange.read_events` from a private
    temporary folder that is removed at once; nothing is written in the project.

    Raises
    ------
    EventTableError
        The table cannot be used at all (its message names ``name`` and the line).
    """
    from gazetteer.errors import EventTableError
    from gazetteer.exchange import read_events

    shown = Path(str(name).replace("\\", "/")).name or "events.csv"
    with tempfile.TemporaryDirectory(prefix="kcm-upload-") as folder:
        path = Path(folder) / shown
        path.write_bytes(raw)
        try:
            frame, warnings = read_events(path)
        except EventTableError as err:
            raise EventTableError(str(err).replace(str(path), shown)) from None
    return frame, [w.replace(str(path), shown) for w in warnings]


def with_uploads(data: LoadedData, uploads: Sequence[Upload] = (), *,
                 table: pd.DataFrame | None = None, table_name: str = "",
                 table_warnings: Sequence[str] = (), replace: bool = False) -> LoadedData:
    """``data`` plus uploaded articles' events and an uploaded event table (a new object).

    Parameters
    ----------
    replace : bool
        Show the uploaded table (and uploaded articles) instead of the loaded events.

    Events sharing an ``event_id`` are kept once (the first: loaded, then table, then
    articles). ``data`` itself is never modified.
    """
    frames = [] if replace else [data.events]
    parts = [] if replace else [data.source]
    warnings = list(data.warnings)
    if table is not None:
        frames.append(table)
        parts.append(f"uploaded table {table_name}")
        warnings.extend(table_warnings)
    for up in uploads:
        frames.append(up.events)
        warnings.extend(up.warnings)
    if uploads:
        parts.append(f"{len(uploads)} uploaded article(s)")
    frames = [f for f in frames if not f.empty] or [data.events.iloc[0:0]]
    events = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].copy()
    if "event_id" in events:
        events = events.drop_duplicates("event_id", keep="first").reset_index(drop=True)
    articles = dict(data.articles)
    for up in uploads:
        articles[up.article["file"]] = up.article
    new = [up.events for up in uploads if not up.events.empty]
    if new:
        warnings.extend(_check_excerpts(pd.concat(new, ignore_index=True), articles))
    return LoadedData(events=events, articles=articles, warnings=warnings,
                      errors=list(data.errors), source=" + ".join(p for p in parts if p))


def session_model(base: Model, options: Options, *, uploads: Sequence[Upload] = (),
                  table: pd.DataFrame | None = None, table_name: str = "",
                  table_warnings: Sequence[str] = (), replace: bool = False,
                  store: MutableMapping[str, Any] | None = None) -> Model:
    """The model for one session: ``base`` plus that session's uploads.

    Without uploads this is ``base`` (shared by all sessions). With uploads a new model is
    built from :func:`with_uploads` and kept in ``store`` (the session's state) under a
    fingerprint of the uploads, so reruns reuse it; the shared model is never changed.
    """
    if not uploads and table is None:
        return base
    key = _fingerprint(base, uploads, table, replace)
    if store is not None and store.get("_kcm_session_model", (None,))[0] == key:
        return store["_kcm_session_model"][1]
    data = with_uploads(base.data, uploads, table=table, table_name=table_name,
                        table_warnings=table_warnings, replace=replace)
    model = build_model(options, data=data)
    if store is not None:
        store["_kcm_session_model"] = (key, model)
    return model


def _fingerprint(base: Model, uploads: Sequence[Upload], table: pd.DataFrame | None,
                 replace: bool) -> str:
    digest = hashlib.sha256(f"{id(base)}|{replace}".encode())
    for up in uploads:
        digest.update(f"|{up.article['file']}|{up.article['published']}|".encode())
        digest.update(up.article["text"].encode("utf-8", "replace"))
    if table is not None:
        digest.update(pd.util.hash_pandas_object(table.astype(str), index=False)
                      .to_numpy().tobytes())
    return digest.hexdigest()


def upload_events_csv(uploads: Sequence[Upload]) -> str:
    """The events extracted from this session's uploaded articles, as our CSV layout."""
    from gazetteer.exchange import to_csv

    frames = [up.events for up in uploads if not up.events.empty]
    if not frames:
        return to_csv(_empty_events())
    return to_csv(pd.concat(frames, ignore_index=True))

"""The events table, the "what changed" list and the downloads of the page."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

import numpy as np
import pandas as pd

from gazetteer.events import event_label, is_missing
from gazetteer.web.model import Model
from gazetteer.web.render import page_templates

TABLE_COLUMNS = ("date", "event_type", "place", "actor", "target", "outlet", "published",
                 "source_file", "excerpt", "event_id")


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
    out = _labelled(out)
    return out[list(TABLE_COLUMNS)].reset_index(drop=True), keys


def _labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its type column in words ("partial capture", see
    :func:`gazetteer.events.event_label`)."""
    if "extent" not in frame or frame.empty:
        return frame
    out = frame.copy()
    out["event_type"] = [event_label(t, x) for t, x in
                         zip(out["event_type"], out["extent"], strict=True)]
    return out


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
    rows = [{k: "" if is_missing(v) else str(v) for k, v in row.items()}
            for row in table.head(limit).to_dict("records")]
    columns = ["Date", "Type", "Place", "Actor", "Target", "Outlet", "Published", "Article",
               "Excerpt"]
    return page_templates.get_template("events_table.html").render(
        rows=rows, columns=columns, total=len(table), hidden=len(table) > limit,
        empty=empty, css_class=css_class)


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
                       ("" if is_missing(g) else str(g))
                       for f, g in zip(frame["source_file"], given, strict=True)]
    return _labelled(frame)[list(TABLE_COLUMNS)]


def events_csv(model: Model) -> str:
    """The events shown (with this session's uploads) as our CSV layout."""
    from gazetteer.exchange import to_csv

    return model.remember("export_csv", lambda: to_csv(model.data.events))


def state_geojson_text(model: Model, day: dt.date) -> str:
    """The state on ``day`` as GeoJSON text, each place with the excerpts behind it."""
    from gazetteer.exchange import state_geojson

    return json.dumps(state_geojson(model.state(day), model.data.events, on=day),
                      ensure_ascii=False, indent=1)


def acled_csv(model: Model, *, reviewed_only: bool = False) -> str:
    """The events in ACLED's CSV layout, admin areas from the gazetteer; with
    ``reviewed_only``, only events an analyst confirmed or corrected."""
    from gazetteer.exchange import to_acled
    from gazetteer.review import reviewed_only as reviewed

    def make() -> str:
        events = reviewed(model.data.events) if reviewed_only else model.data.events
        return to_acled(events, places=model.places)

    return model.remember(("export_acled", reviewed_only), make)


def map_file_text(model: Model, day: dt.date) -> str:
    """The map as one self-contained HTML file that opens on ``day`` (offline, no server).

    The tables (every place's timeline and excerpts) are built once per model; each
    download only sets the day and writes the page (:mod:`gazetteer.mapfile`).
    """
    from gazetteer.mapdata import epoch_day, map_data
    from gazetteer.mapfile import file_boundaries, render_map_file

    data = model.remember("map_file_data", lambda: map_data(
        model.timeline, model.data.events, articles=model.data.articles,
        places=model.places))
    note = (f"Saved from the dashboard on {dt.date.today().isoformat()} "
            f"({model.data.source or 'no data'}); works offline.")
    start = min(max(epoch_day(day), data["first"]), data["last"])
    return render_map_file({**data, "day": start, "note": note}, boundaries=file_boundaries())

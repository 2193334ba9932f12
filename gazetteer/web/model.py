"""The page's model: options, the loaded data and its timeline, and per-session models.

:class:`Model` holds everything the page shows for one input; it is built once
(:func:`build_model`) and shared by every session through :mod:`gazetteer.web.caches`.
A session with uploads gets a model of its own (:func:`session_model`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from gazetteer.areas import area_cells, areas_for_day, cell_sites
from gazetteer.errors import GazetteerError
from gazetteer.events import event_start_days
from gazetteer.places import Gazetteer
from gazetteer.settings import BASELINE_CSV, SEEDS_DIR
from gazetteer.sources import LoadedData, load_data, load_store
from gazetteer.timeline import Timeline, read_baseline, with_unreported
from gazetteer.web.layers import AreaLayer, StatusLayer, cells_script, label_ranks
from gazetteer.web.uploads import Upload, with_uploads

#: Speeds offered for Play: label -> seconds between steps.
PLAY_SPEEDS = {"slow (2 s a step)": 2.0, "normal (1 s a step)": 1.0,
               "fast (0.4 s a step)": 0.4}


@dataclass(frozen=True, slots=True)
class Options:
    """Where the page reads from: the corpus store (``db``), or, read-only, an article
    folder or an event table (``db`` is None then)."""

    seeds: Path = SEEDS_DIR
    events: Path | None = None
    baseline: Path = BASELINE_CSV
    problems: tuple[str, ...] = ()
    db: Path | None = None


def parse_options(argv: Sequence[str]) -> Options:
    """Parse the page's arguments (``streamlit run dashboard.py -- --seeds DIR``).

    Without ``--seeds`` or ``--events`` the page shows the corpus store (``--db PATH``,
    else :func:`gazetteer.store.default_path`), created with the seeds on first start;
    with either, it is a read-only view of that folder or table. Unknown arguments are
    reported in :attr:`Options.problems`, never fatal.
    """
    parser = argparse.ArgumentParser(prog="dashboard.py", add_help=False)
    parser.add_argument("--seeds", type=Path, default=None,
                        help="folder of *.txt articles, shown read-only (default: the store)")
    parser.add_argument("--events", type=Path, default=None,
                        help="an event table (CSV) to show, read-only, instead")
    parser.add_argument("--baseline", type=Path, default=BASELINE_CSV,
                        help="baseline table (default: data/baseline.csv)")
    parser.add_argument("--db", type=Path, default=None,
                        help="the corpus store (default: $KACHIN_MAP_DB or your data folder)")
    args, unknown = parser.parse_known_args(list(argv))
    problems = [f"ignored unknown argument {a!r}" for a in unknown]
    db = None
    if args.seeds is None and args.events is None:
        from gazetteer.store import default_path

        db = default_path(args.db)
    elif args.db is not None:
        problems.append("--db ignored: --seeds and --events show a read-only view")
    return Options(seeds=args.seeds or SEEDS_DIR, events=args.events, baseline=args.baseline,
                   problems=tuple(problems), db=db)


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
    #: A session's own model (uploads): its places never go to the static folder.
    private: bool = False

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

    def layer(self, day: dt.date, *, unreported: bool = False, assumed: bool = True,
              selected: str | None = None) -> StatusLayer:
        """The markers for ``day`` (a fresh object each call: st_folium mutates it).

        The places' sites go to the static folder once per set of places
        (:func:`_publish_sites`); the layer's script then carries only the day (and the
        ``selected`` place, whose label is always shown). A private
        model's sites (a session's uploads) are never written: the script carries them.
        """
        publish = None if self.private else (
            lambda js: self.remember(("sites-url", js), lambda: _publish_sites(js)))
        return StatusLayer(self.shown(day, unreported=unreported, assumed=assumed),
                           publish=publish,
                           ranks=self.remember("label-ranks", self._label_ranks),
                           selected=selected)

    def _label_ranks(self) -> dict[str, int]:
        counts = self.data.events["place"].value_counts().to_dict() \
            if "place" in self.data.events else {}
        names = set(self.timeline.places) | set(self.places)
        return label_ranks(sorted(names), events=counts,
                           kinds={n: getattr(p, "kind", "") for n, p in self.places.items()})

    def area_layer(self, day: dt.date, *, unreported: bool = False, assumed: bool = True
                   ) -> AreaLayer | None:
        """The areas of control for ``day``: the shown places' cells, coloured for the day.

        The cells are computed once per set of places (:func:`area_cells`); the styles
        once per day and toggles. None when no cell can be drawn (no boundaries).
        """
        state = self.shown(day, unreported=unreported, assumed=assumed)
        sites = cell_sites(state)
        cells, cells_js = area_cells(sites), cells_script(sites)
        if not cells:
            return None
        areas = self.remember(("areas", day, unreported, assumed),
                              lambda: areas_for_day(cells, state))
        if self.private:
            return AreaLayer(areas, cells_js=cells_js)
        url = self.remember(("cells-url", cells_js), lambda: _publish_cells(cells_js))
        return AreaLayer(areas, cells_url=url)

    def cells(self, day: dt.date, *, unreported: bool = False, assumed: bool = True
              ) -> tuple[Any, ...]:
        """The cells drawn on ``day`` (see :meth:`area_layer`), for :func:`place_in_areas`."""
        return area_cells(cell_sites(self.shown(day, unreported=unreported,
                                                assumed=assumed)))

    def state(self, day: dt.date) -> pd.DataFrame:
        """The timeline's state on ``day``."""
        return _state_cached(self.timeline, day)


@lru_cache(maxsize=512)
def _state_cached(timeline: Timeline, day: dt.date) -> pd.DataFrame:
    return timeline.state_on(day)


def build_model(options: Options, *, data: LoadedData | None = None,
                reviewed_only: bool = False) -> Model:
    """Load, extract and build the timeline for ``options`` (uncached).

    ``data`` skips loading when already at hand (the cached path passes it);
    ``reviewed_only`` keeps only reviewed events of a store.
    """
    if data is None:
        data = (load_store(options.db, reviewed_only=reviewed_only) if options.db
                else load_data(options.seeds, options.events))
    warnings = [*options.problems, *data.warnings]
    try:
        baseline = read_baseline(options.baseline)
    except GazetteerError as err:
        baseline = None
        warnings.append(f"baseline not used: {err}")
    try:
        places = {p.name: p for p in Gazetteer.default().places}
    except GazetteerError as err:
        places = {}
        warnings.append(f"the gazetteer could not be read, so place details and towns no "
                        f"article names are missing: {err}")
    timeline = Timeline.from_events(data.events, baseline=baseline)
    warnings.extend(timeline.warnings)
    starts = event_start_days(data.events)
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


def _publish_sites(sites_js: str) -> str:
    from gazetteer.web.assets import publish_static

    return publish_static(sites_js, folder="sites")


def _publish_cells(cells_js: str) -> str:
    from gazetteer.web.assets import publish_static

    return publish_static(cells_js, folder="cells")


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
    model.private = True
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

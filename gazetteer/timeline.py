"""Who controls each place on a given day: the status model behind the map.

Rules, applied per place in date order:

* a **capture** hands the place to the capturing actor's status group from its date on;
* an **assault** makes the place ``contested`` from its date until the next capture (a
  report that the defender still holds it leaves it contested; a report that someone else
  holds it ends the contest); so does a **partial capture** (a capture of ``extent``
  "partial": "took much of the town"), which never changes who controls the place;
* a **held** report ("the KIA-controlled town of X") sets the controller from its date on;
* before its first event a place takes its **baseline** (``data/baseline.csv``); a baseline
  that no event in the table supports is flagged ``assumed`` (the map draws it hollow);
* a place with no event and no baseline is ``unknown``.

Actors map to status groups through ``data/actor_groups.csv`` (``KIA`` and its allies,
``junta``, ``BGF/militia`` for junta-aligned forces, ``other armed group``).

Reports of the same event in several articles (same place and type, same status group,
dates that agree at their precision: "May 2024" agrees with "17 May 2024") merge into one
:class:`ControlEvent` citing them all. When sources disagree on a capture's date (two
captures by the same side within :data:`DATE_DISPUTE_DAYS` days with nothing between) or on
the outcome (different sides taking or holding the place on the same dates), both reports
are kept and flagged ``disputed``.

Dates: month-precision events count from the 1st of the month, year-precision ones from
1 January; the state records the precision so a reader is told the day is not known.
An event with no date is dated by its article's publication day and says so.

Lookups are interval-based: each place keeps a sorted list of change points and
:meth:`Timeline.state_on` finds the state in force by bisection, so a lookup costs
O(places x log changes).
"""

from __future__ import annotations

import csv
import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from gazetteer.actors import ACTOR_GROUPS_CSV, CONTROLLERS, load_actor_groups
from gazetteer.errors import DataFileError
from gazetteer.events import (
    RECENT_DAYS,
    format_date,
    is_true,
    text_or_empty,
)
from gazetteer.reports import (
    DATE_DISPUTE_DAYS,
    ControlEvent,
    describe_when,
    merge_reports,
    reports_of,
    sources_text,
)
from gazetteer.settings import BASELINE_CSV

__all__ = [
    "ACTOR_GROUPS_CSV",
    "CONTROLLERS",
    "DATE_DISPUTE_DAYS",
    "STATE_COLUMNS",
    "STATUSES",
    "ControlEvent",
    "PlaceState",
    "Timeline",
    "load_actor_groups",
    "next_change",
    "prev_change",
    "read_baseline",
    "with_unreported",
]


STATUSES = (*CONTROLLERS, "contested", "unknown")
#: Columns of :meth:`Timeline.state_on`, in order; extra columns follow them.
STATE_COLUMNS = ("place", "lat", "lon", "status", "since", "basis", "event_ids", "assumed",
                 "approximate", "changed_recently", "disputed")
EXTRA_STATE_COLUMNS = ("since_precision", "holder", "kind", "controller")
BASELINE_COLUMNS = ("place", "status", "as_of", "basis")


_PRECISIONS = ("day", "month", "year")


def _as_day(day: dt.date | str) -> dt.date:
    if isinstance(day, dt.datetime):
        return day.date()
    if isinstance(day, dt.date):
        return day
    if isinstance(day, pd.Timestamp):
        return day.date()
    try:
        return dt.date.fromisoformat(str(day).strip())
    except ValueError:
        raise ValueError(f"{day!r} is not a YYYY-MM-DD date") from None



def read_baseline(path: str | Path = BASELINE_CSV) -> pd.DataFrame:
    """Read a baseline table (``place,status,as_of,basis``).

    Returns
    -------
    pandas.DataFrame
        One row per place; ``as_of`` as :class:`datetime.date`. An absent file gives an
        empty table.

    Raises
    ------
    DataFileError
        A row has an unknown status, a bad date, an empty place, or repeats a place.
    """
    file = Path(path)
    if not file.exists():
        return pd.DataFrame(columns=list(BASELINE_COLUMNS))
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    with file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in BASELINE_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise DataFileError(file, f"missing column(s) {', '.join(missing)}", line=1)
        for row in reader:
            line = reader.line_num
            place, status = text_or_empty(row.get("place")), text_or_empty(row.get("status"))
            if not place:
                raise DataFileError(file, "place is empty", line=line)
            if status not in STATUSES:
                raise DataFileError(file, f"status {status!r} is not one of "
                                    f"{', '.join(STATUSES)}", line=line)
            try:
                as_of = dt.date.fromisoformat(text_or_empty(row.get("as_of")))
            except ValueError:
                raise DataFileError(file, f"as_of {row.get('as_of')!r} is not YYYY-MM-DD",
                                    line=line) from None
            if place in seen:
                raise DataFileError(file, f"place {place!r} listed twice", line=line)
            seen.add(place)
            rows.append({"place": place, "status": status, "as_of": as_of,
                         "basis": text_or_empty(row.get("basis"))})
    return pd.DataFrame(rows, columns=list(BASELINE_COLUMNS))


# -- model objects ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PlaceState:
    """A place's status from one change point until the next."""

    status: str
    since: dt.date | None
    since_precision: str
    basis: str
    event_ids: tuple[str, ...] = ()
    assumed: bool = False
    disputed: bool = False
    holder: str = ""
    changed_on: dt.date | None = None
    kind: str = "unknown"
    controller: str = ""


_UNKNOWN = PlaceState(status="unknown", since=None, since_precision="day",
                      basis="no report and no baseline")


@dataclass(slots=True)
class _PlaceLine:
    place: str
    lat: float
    lon: float
    approximate: bool
    days: list[int] = field(default_factory=list)
    states: list[PlaceState] = field(default_factory=list)


# -- the timeline -----------------------------------------------------------------------
class Timeline:
    """Status of every reported place on any day.

    Build with :meth:`from_events`; query with :meth:`state_on`, :meth:`history` and
    :meth:`change_dates`. Instances are immutable after construction and safe to share
    between threads.
    """

    def __init__(self, lines: Mapping[str, _PlaceLine], events: tuple[ControlEvent, ...],
                 *, warnings: Iterable[str] = (), recent_days: int = RECENT_DAYS) -> None:
        self._lines = dict(sorted(lines.items()))
        self._names = tuple(self._lines)
        self._lat = [line.lat for line in self._lines.values()]
        self._lon = [line.lon for line in self._lines.values()]
        self._approx = [line.approximate for line in self._lines.values()]
        self.events = events
        self.warnings = tuple(warnings)
        self.recent_days = int(recent_days)
        self._by_place: dict[str, list[ControlEvent]] = defaultdict(list)
        for ev in events:
            self._by_place[ev.place].append(ev)

    # construction ----------------------------------------------------------------
    @classmethod
    def from_events(cls, events: pd.DataFrame, *, baseline: pd.DataFrame | str | Path | None
                    = None, places: pd.DataFrame | None = None,
                    actor_groups: Mapping[str, str] | None = None,
                    recent_days: int = RECENT_DAYS) -> Timeline:
        """Build the timeline from an event table.

        Parameters
        ----------
        events : pandas.DataFrame
            The event table (columns of the data contract: ``event_id, date,
            date_precision, event_type, place, lat, lon, actor, target, source_file,
            published, ...``; ``place_approximate`` is used when present). Rows of other
            event types are ignored; malformed control rows are skipped with a warning
            (see :attr:`warnings`).
        baseline : DataFrame or path, optional
            ``place,status,as_of,basis`` rows (see :func:`read_baseline`); None for none.
        places : pandas.DataFrame, optional
            Coordinates for baseline places that have no event: columns ``name`` (or
            ``place``), ``lat``, ``lon`` and optionally ``coord_basis``. When None, the
            default gazetteer is used for them.
        actor_groups : mapping, optional
            Actor -> status group (keys compared case-insensitively); defaults to
            :func:`load_actor_groups`.
        recent_days : int
            A change less than this many days before the day asked for is "recent".

        Raises
        ------
        EventTableError
            The table lacks a required column.
        """
        groups = {k.casefold(): v for k, v in (actor_groups or load_actor_groups()).items()}
        if isinstance(baseline, (str, Path)):
            baseline = read_baseline(baseline)
        warnings: list[str] = []
        reports, coords = reports_of(events, groups, warnings)
        merged = merge_reports(reports)
        lines: dict[str, _PlaceLine] = {
            name: _PlaceLine(name, lat, lon, approx) for name, (lat, lon, approx)
            in coords.items()}
        base_rows = [] if baseline is None else baseline.to_dict("records")
        lookup = _coordinate_lookup(places, [str(r["place"]) for r in base_rows
                                             if str(r["place"]) not in lines])
        by_place: dict[str, list[ControlEvent]] = defaultdict(list)
        for ev in merged:
            by_place[ev.place].append(ev)
        base_by_place: dict[str, dict] = {}
        for row in base_rows:
            name = str(row["place"])
            if name not in lines:
                found = lookup.get(name)
                if found is None:
                    warnings.append(f"baseline place {name!r} has no coordinates (not in the "
                                    "event table or the gazetteer); skipped")
                    continue
                lines[name] = _PlaceLine(name, *found)
            base_by_place[name] = row
        for name, line in lines.items():
            _fill_line(line, base_by_place.get(name), by_place.get(name, []))
        return cls(lines, tuple(merged), warnings=warnings, recent_days=recent_days)

    # queries ---------------------------------------------------------------------
    @property
    def places(self) -> tuple[str, ...]:
        """Every place on the timeline, sorted by name."""
        return self._names

    def state_on(self, day: dt.date | str) -> pd.DataFrame:
        """Every place's status on ``day``.

        Parameters
        ----------
        day : datetime.date or str
            The day (``YYYY-MM-DD``); events dated on that day count.

        Returns
        -------
        pandas.DataFrame
            One row per place, columns :data:`STATE_COLUMNS` then ``since_precision``,
            ``holder`` (who holds a contested place), ``kind`` (what set the status:
            baseline, capture, assault, held or unknown) and ``controller`` (the actor's
            own name, ``TNLA`` or ``MNDAA`` where the status says "other armed group";
            for a contested place the actor holding it; a baseline's status group; empty
            when unknown). ``since`` is written at its
            precision (``2024-05`` for a month); ``event_ids`` is ``;``-separated; ``lat``
            and ``lon`` are WGS84 degrees.
        """
        target = _as_day(day).toordinal()
        recent = self.recent_days
        cols: dict[str, list] = {c: [] for c in (*STATE_COLUMNS, *EXTRA_STATE_COLUMNS)}
        for i, line in enumerate(self._lines.values()):
            k = bisect_right(line.days, target) - 1
            st = line.states[k] if k >= 0 else _UNKNOWN
            cols["place"].append(line.place)
            cols["lat"].append(self._lat[i])
            cols["lon"].append(self._lon[i])
            cols["status"].append(st.status)
            cols["since"].append(format_date(st.since, st.since_precision))
            cols["basis"].append(st.basis)
            cols["event_ids"].append(";".join(st.event_ids))
            cols["assumed"].append(st.assumed)
            cols["approximate"].append(self._approx[i])
            changed = st.changed_on
            cols["changed_recently"].append(
                changed is not None and 0 <= target - changed.toordinal() < recent)
            cols["disputed"].append(st.disputed)
            cols["since_precision"].append(st.since_precision)
            cols["holder"].append(st.holder)
            cols["kind"].append(st.kind)
            cols["controller"].append(st.controller)
        return pd.DataFrame(cols)

    def place_state(self, place: str, day: dt.date | str) -> PlaceState:
        """One place's :class:`PlaceState` on ``day`` (``unknown`` for an unlisted place)."""
        line = self._lines.get(place)
        if line is None:
            return _UNKNOWN
        k = bisect_right(line.days, _as_day(day).toordinal()) - 1
        return line.states[k] if k >= 0 else _UNKNOWN

    def history(self, place: str) -> pd.DataFrame:
        """A place's change points, oldest first.

        Returns
        -------
        pandas.DataFrame
            Columns ``date`` (the change's date at its precision; empty for a baseline),
            ``precision``, ``status``, ``kind``, ``basis``, ``event_ids``, ``assumed``,
            ``disputed``. Empty for a place not on the timeline.
        """
        line = self._lines.get(place)
        cols = ("date", "precision", "status", "kind", "basis", "event_ids", "assumed",
                "disputed")
        if line is None:
            return pd.DataFrame(columns=list(cols))
        rows = []
        for day, st in zip(line.days, line.states, strict=True):
            when = "" if day <= 1 else format_date(dt.date.fromordinal(day),
                                                    _precision_at(line, day, st))
            rows.append({"date": when, "precision": _precision_at(line, day, st),
                         "status": st.status, "kind": st.kind, "basis": st.basis,
                         "event_ids": ";".join(st.event_ids), "assumed": st.assumed,
                         "disputed": st.disputed})
        return pd.DataFrame(rows, columns=list(cols))

    def intervals(self, place: str) -> tuple[tuple[dt.date | None, PlaceState], ...]:
        """A place's states in order, each with the day it takes effect.

        The day is None for a baseline (in force from the start of the record). Empty for
        a place not on the timeline. Unlike :meth:`history`, states are returned as they
        are (a confirmation repeats the state with more reports).
        """
        line = self._lines.get(place)
        if line is None:
            return ()
        return tuple((None if day <= 1 else dt.date.fromordinal(day), st)
                     for day, st in zip(line.days, line.states, strict=True))

    def site(self, place: str) -> tuple[float, float, bool] | None:
        """``(lat, lon, approximate)`` of a place on the timeline (degrees), else None."""
        line = self._lines.get(place)
        return None if line is None else (line.lat, line.lon, line.approximate)

    def events_at(self, place: str) -> tuple[ControlEvent, ...]:
        """The merged control events of a place, in date order."""
        return tuple(self._by_place.get(place, ()))

    def change_dates(self) -> list[dt.date]:
        """Days on which some place's status (or its assumed/disputed flag) changes."""
        days: set[int] = set()
        for line in self._lines.values():
            prev: tuple | None = None
            for day, st in zip(line.days, line.states, strict=True):
                look = (st.status, st.assumed, st.disputed)
                if day > 1 and look != prev:
                    days.add(day)
                prev = look
        return [dt.date.fromordinal(d) for d in sorted(days)]

    def first_event_date(self) -> dt.date | None:
        """The earliest day of any control event (None when there is none)."""
        return min((ev.start for ev in self.events), default=None)

    def last_event_date(self) -> dt.date | None:
        """The latest first-possible day of any control event (None when there is none)."""
        return max((ev.start for ev in self.events), default=None)


def _precision_at(line: _PlaceLine, day: int, st: PlaceState) -> str:
    if st.changed_on is not None and st.changed_on.toordinal() == day:
        return st.since_precision
    return "day"


def _coordinate_lookup(places: pd.DataFrame | None, names: list[str]
                       ) -> dict[str, tuple[float, float, bool]]:
    if not names:
        return {}
    found: dict[str, tuple[float, float, bool]] = {}
    if places is not None:
        name_col = "name" if "name" in places.columns else "place"
        for row in places.to_dict("records"):
            name = text_or_empty(row.get(name_col))
            if name in names and name not in found:
                approx = text_or_empty(row.get("coord_basis")) == "approximate" or \
                    is_true(row.get("approximate"))
                found[name] = (float(row["lat"]), float(row["lon"]), approx)
        return found
    try:
        from gazetteer.places import Gazetteer

        gaz = Gazetteer.default()
    except (ImportError, OSError, DataFileError):
        return found
    for name in names:
        place = gaz.get(name)
        if place is not None:
            found[name] = (place.lat, place.lon, bool(place.approximate))
    return found


def _fill_line(line: _PlaceLine, base: Mapping[str, object] | None,
               events: list[ControlEvent]) -> None:
    cur: PlaceState | None = None
    if base is not None:
        cur = _baseline_state(base, events)
        line.days.append(1)
        line.states.append(cur)
    for ev in events:
        nxt = _apply(cur, ev)
        day = ev.start.toordinal()
        if line.days and line.days[-1] == day:
            line.states[-1] = nxt
        else:
            line.days.append(day)
            line.states.append(nxt)
        cur = nxt


def _baseline_state(base: Mapping[str, object], events: list[ControlEvent]) -> PlaceState:
    status = str(base["status"])
    as_of = base["as_of"]
    as_of = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of))
    support = [ev for ev in events
               if (ev.event_type == "held" and ev.group == status)
               or (ev.event_type in ("capture", "assault") and ev.target_group == status)]
    given = text_or_empty(base.get("basis")) or "no basis given"
    basis = f"baseline as of {as_of.isoformat()}: {given}"
    ids: tuple[str, ...] = ()
    if support:
        ids = tuple(i for ev in support for i in ev.event_ids)
        files = sorted({f for ev in support for f in ev.source_files})
        basis += f" (supported by {', '.join(files) or ', '.join(ids)})"
    else:
        basis += " (assumed: no article in the event table supports it)"
    return PlaceState(status=status, since=as_of, since_precision="day", basis=basis,
                      event_ids=ids, assumed=not support, holder=status, kind="baseline",
                      controller=status)


def _apply(cur: PlaceState | None, ev: ControlEvent) -> PlaceState:
    status = cur.status if cur is not None else "unknown"
    if ev.event_type == "assault":
        if status == "contested" and cur is not None:
            return _confirm(cur, ev)
        holder = status if status in CONTROLLERS else ev.target_group
        if ev.partial:  # part of the place taken: fought over, not changed hands
            what = f"partial capture{' from the ' + holder if holder else ''}"
        else:
            what = f"assault{' on the ' + holder if holder else ''}"
        basis = f"contested: {ev.actor} {what} {describe_when(ev)} ({sources_text(ev)})"
        controller = cur.controller if cur is not None and status in CONTROLLERS else ""
        return PlaceState(status="contested", since=ev.start, since_precision=ev.precision,
                          basis=basis, event_ids=ev.event_ids, disputed=ev.disputed,
                          holder=holder, changed_on=ev.start, kind="assault",
                          controller=controller)
    group = ev.group
    if cur is not None and status == group:
        return _confirm(cur, ev)
    if (ev.event_type == "held" and cur is not None and status == "contested"
            and group == cur.holder):
        return _confirm(cur, ev)
    verb = "captured by" if ev.event_type == "capture" else "held by"
    basis = f"{verb} {ev.actor} {describe_when(ev)} ({sources_text(ev)})"
    if ev.disputed:
        basis += f"; disputed: {ev.dispute}"
    return PlaceState(status=group, since=ev.start, since_precision=ev.precision, basis=basis,
                      event_ids=ev.event_ids, disputed=ev.disputed, holder=group,
                      changed_on=ev.start, kind=ev.event_type,
                      controller=ev.actor if group != "unknown" else "")


def _confirm(cur: PlaceState, ev: ControlEvent) -> PlaceState:
    ids = tuple(dict.fromkeys((*cur.event_ids, *ev.event_ids)))
    basis = cur.basis
    if cur.assumed:
        basis = basis.replace(" (assumed: no article in the event table supports it)", "")
    basis += f"; confirmed {describe_when(ev)} ({sources_text(ev)})"
    if ev.disputed and ev.dispute not in basis:
        basis += f"; disputed: {ev.dispute}"
    return replace(cur, basis=basis, event_ids=ids, assumed=False,
                   disputed=cur.disputed or ev.disputed)


# -- navigation and the places no article names ----------------------------------------
def prev_change(day: dt.date, changes: Sequence[dt.date]) -> dt.date | None:
    """The latest change strictly before ``day`` (None when there is none)."""
    earlier = [c for c in changes if c < day]
    return earlier[-1] if earlier else None


def next_change(day: dt.date, changes: Sequence[dt.date]) -> dt.date | None:
    """The earliest change strictly after ``day`` (None when there is none)."""
    return next((c for c in changes if c > day), None)


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

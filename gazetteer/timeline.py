"""Who controls each place on a given day: the status model behind the map.

Rules, applied per place in date order:

* a **capture** hands the place to the capturing actor's status group from its date on;
* an **assault** makes the place ``contested`` from its date until the next capture (a
  report that the defender still holds it leaves it contested; a report that someone else
  holds it ends the contest);
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
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

from gazetteer._paths import BASELINE_CSV, DATA_DIR
from gazetteer.errors import DataFileError, EventTableError
from gazetteer.events import (
    CONTROL_TYPES,
    RECENT_DAYS,
    format_date,
    is_missing,
    is_true,
    parse_event_date,
    text_or_empty,
)

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
    "read_baseline",
]

ACTOR_GROUPS_CSV = DATA_DIR / "actor_groups.csv"
#: Status groups that control a place, then the two statuses that name no controller.
CONTROLLERS = ("KIA", "junta", "BGF/militia", "other armed group")
STATUSES = (*CONTROLLERS, "contested", "unknown")
#: Columns of :meth:`Timeline.state_on`, in order; extra columns follow them.
STATE_COLUMNS = ("place", "lat", "lon", "status", "since", "basis", "event_ids", "assumed",
                 "approximate", "changed_recently", "disputed")
EXTRA_STATE_COLUMNS = ("since_precision", "holder", "kind")
#: Two captures of one place by the same side this close together, with nothing between,
#: are one event reported with two dates.
DATE_DISPUTE_DAYS = 14
BASELINE_COLUMNS = ("place", "status", "as_of", "basis")

_PRECISIONS = ("day", "month", "year")
_ORDER_ON_DAY = {"held": 0, "assault": 1, "capture": 2}


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


# -- data files -------------------------------------------------------------------------
@lru_cache(maxsize=8)
def _actor_groups_cached(path: str) -> Mapping[str, str]:
    file = Path(path)
    try:
        handle = file.open(encoding="utf-8", newline="")
    except OSError as err:
        raise DataFileError(file, f"cannot read the actor table ({err.strerror})") from err
    groups: dict[str, str] = {}
    with handle:
        reader = csv.DictReader(handle)
        if not {"actor", "group"} <= set(reader.fieldnames or ()):
            raise DataFileError(file, "header must include actor,group", line=1)
        for row in reader:
            actor, group = text_or_empty(row.get("actor")), text_or_empty(row.get("group"))
            if not actor:
                raise DataFileError(file, "actor is empty", line=reader.line_num)
            if group not in CONTROLLERS:
                raise DataFileError(file, f"group {group!r} is not one of "
                                    f"{', '.join(CONTROLLERS)}", line=reader.line_num)
            if actor.casefold() in groups:
                raise DataFileError(file, f"actor {actor!r} listed twice", line=reader.line_num)
            groups[actor.casefold()] = group
    return groups


def load_actor_groups(path: str | Path = ACTOR_GROUPS_CSV) -> dict[str, str]:
    """The actor -> status group table (keys case-folded), from ``data/actor_groups.csv``.

    Raises
    ------
    DataFileError
        The file is unreadable, or a row names an unknown group or repeats an actor
        (the message gives the file and line).
    """
    return dict(_actor_groups_cached(str(Path(path).resolve())))


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
class ControlEvent:
    """One control event, merged across every report of it.

    Attributes
    ----------
    event_id : str
        The first of ``event_ids`` (stable across runs).
    start, end : datetime.date
        First and last day the event may have happened (inclusive); equal at day
        precision, the month's first and last day at month precision.
    precision : {"day", "month", "year"}
    group : str
        Status group of the actor that takes or holds the place (or attacks it).
    target_group : str
        Status group of the side that loses or defends it; empty when not stated.
    event_ids, source_files : tuple of str
        Every report merged into this event and the articles they come from.
    disputed : bool
        Sources disagree about this event's date or outcome; ``dispute`` says how.
    dated_by_publication : bool
        No date was stated; the event is dated by its article's publication day.
    """

    event_id: str
    place: str
    event_type: str
    start: dt.date
    end: dt.date
    precision: str
    group: str
    actor: str
    target_group: str
    event_ids: tuple[str, ...]
    source_files: tuple[str, ...]
    disputed: bool = False
    dispute: str = ""
    dated_by_publication: bool = False

    @property
    def date_text(self) -> str:
        """The date as the sources give it: ``2024-11-20``, ``2024-05`` or ``2024``."""
        return format_date(self.start, self.precision)


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


@dataclass(frozen=True, slots=True)
class _Report:
    event_id: str
    place: str
    event_type: str
    start: dt.date
    end: dt.date
    precision: str
    group: str
    actor: str
    target_group: str
    source_file: str
    dated_by_publication: bool


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
        reports, coords = _reports(events, groups, warnings)
        merged = _merge(reports)
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
            ``holder`` (who holds a contested place) and ``kind`` (what set the status:
            baseline, capture, assault, held or unknown). ``since`` is written at its
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


# -- building ---------------------------------------------------------------------------
def _reports(events: pd.DataFrame, groups: Mapping[str, str], warnings: list[str]
             ) -> tuple[list[_Report], dict[str, tuple[float, float, bool]]]:
    required = ("event_id", "date", "event_type", "place", "lat", "lon", "actor")
    missing = [c for c in required if c not in events.columns]
    if missing:
        raise EventTableError(f"event table lacks column(s) {', '.join(missing)}")
    coords: dict[str, tuple[float, float, bool]] = {}
    reports: list[_Report] = []
    has = set(events.columns)
    for i, row in enumerate(events.to_dict("records")):
        kind = text_or_empty(row.get("event_type"))
        place = text_or_empty(row.get("place"))
        label = text_or_empty(row.get("event_id")) or f"row {i + 1}"
        if not place:
            warnings.append(f"event {label}: place is empty; skipped")
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
                raise ValueError
        except (TypeError, ValueError):
            warnings.append(f"event {label} ({place}): lat/lon {row.get('lat')!r}, "
                            f"{row.get('lon')!r} are not coordinates; skipped")
            continue
        approx = "place_approximate" in has and is_true(row.get("place_approximate"))
        if place in coords:
            old = coords[place]
            coords[place] = (old[0], old[1], old[2] or approx)
        else:
            coords[place] = (lat, lon, approx)
        if kind not in CONTROL_TYPES:
            continue
        report = _report(row, label, kind, place, groups, warnings)
        if report is not None:
            reports.append(report)
    return reports, coords


def _report(row: Mapping[str, object], label: str, kind: str, place: str,
            groups: Mapping[str, str], warnings: list[str]) -> _Report | None:
    by_publication = False
    raw_date = row.get("date")
    try:
        if is_missing(raw_date):
            if is_missing(row.get("published")):
                warnings.append(f"event {label} ({place}): no date and no publication date; "
                                "skipped")
                return None
            start, end, precision = parse_event_date(row.get("published"), "day")
            by_publication = True
        else:
            start, end, precision = parse_event_date(raw_date, row.get("date_precision"))
    except ValueError as err:
        warnings.append(f"event {label} ({place}): {err}; skipped")
        return None
    actor = text_or_empty(row.get("actor"))
    group = groups.get(actor.casefold(), "")
    if not group:
        if kind != "assault":
            warnings.append(f"event {label} ({place}): actor {actor!r} is not in "
                            "data/actor_groups.csv; its status is unknown")
        group = "unknown"
    target = text_or_empty(row.get("target"))
    return _Report(event_id=label, place=place, event_type=kind, start=start, end=end,
                   precision=precision, group=group, actor=actor or "unknown actor",
                   target_group=groups.get(target.casefold(), ""),
                   source_file=text_or_empty(row.get("source_file")),
                   dated_by_publication=by_publication)


def _merge(reports: list[_Report]) -> list[ControlEvent]:
    clusters: dict[tuple[str, str], list[list[_Report]]] = defaultdict(list)
    rank = {p: i for i, p in enumerate(_PRECISIONS)}
    for rep in sorted(reports, key=lambda r: (r.place, r.event_type, r.start,
                                              rank[r.precision], r.event_id)):
        bucket = clusters[(rep.place, rep.event_type)]
        for cluster in bucket:
            lo = max(r.start for r in cluster)
            hi = min(r.end for r in cluster)
            if cluster[0].group == rep.group and max(lo, rep.start) <= min(hi, rep.end):
                cluster.append(rep)
                break
        else:
            bucket.append([rep])
    merged = [_combine(c) for bucket in clusters.values() for c in bucket]
    merged = _flag_disputes(merged)
    return sorted(merged, key=lambda e: (e.start, _ORDER_ON_DAY[e.event_type], e.place,
                                         e.event_id))


def _combine(cluster: list[_Report]) -> ControlEvent:
    start = max(r.start for r in cluster)
    end = min(r.end for r in cluster)
    finest = min(cluster, key=lambda r: (_PRECISIONS.index(r.precision), r.event_id))
    ids = tuple(sorted({r.event_id for r in cluster}))
    files = tuple(sorted({r.source_file for r in cluster if r.source_file}))
    targets = [r.target_group for r in cluster if r.target_group]
    return ControlEvent(
        event_id=ids[0], place=finest.place, event_type=finest.event_type, start=start,
        end=end, precision=finest.precision, group=finest.group, actor=finest.actor,
        target_group=targets[0] if targets else "", event_ids=ids, source_files=files,
        dated_by_publication=all(r.dated_by_publication for r in cluster))


def _flag_disputes(events: list[ControlEvent]) -> list[ControlEvent]:
    notes: dict[int, list[str]] = defaultdict(list)
    by_place: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        if ev.event_type in ("capture", "held"):
            by_place[ev.place].append(i)
    for idxs in by_place.values():
        idxs.sort(key=lambda i: (events[i].start, events[i].event_id))
        for a_pos, a in enumerate(idxs):
            ea = events[a]
            for b in idxs[a_pos + 1:]:
                eb = events[b]
                overlap = max(ea.start, eb.start) <= min(ea.end, eb.end)
                if overlap and ea.group != eb.group:
                    verb = "took" if "capture" in (ea.event_type, eb.event_type) else "held"
                    note = (f"sources disagree on who {verb} it around {ea.date_text}: "
                            f"{_who(ea)} vs {_who(eb)}")
                    notes[a].append(note)
                    notes[b].append(note)
                elif (not overlap and ea.event_type == eb.event_type == "capture"
                      and ea.group == eb.group
                      and (eb.start - ea.end).days <= DATE_DISPUTE_DAYS
                      and not _other_side_between(events, idxs, ea, eb)):
                    note = (f"sources give different dates for the {ea.group} capture: "
                            f"{ea.date_text} ({', '.join(ea.source_files) or ea.event_id}) vs "
                            f"{eb.date_text} ({', '.join(eb.source_files) or eb.event_id})")
                    notes[a].append(note)
                    notes[b].append(note)
    return [replace(ev, disputed=True, dispute="; ".join(dict.fromkeys(notes[i])))
            if i in notes else ev for i, ev in enumerate(events)]


def _who(ev: ControlEvent) -> str:
    files = ", ".join(ev.source_files) or ev.event_id
    return f"{ev.group} ({ev.event_type}, {files})"


def _other_side_between(events: list[ControlEvent], idxs: list[int], a: ControlEvent,
                        b: ControlEvent) -> bool:
    return any(a.end < events[i].start < b.start and events[i].group != a.group
               for i in idxs)


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
                      event_ids=ids, assumed=not support, holder=status, kind="baseline")


def _when(ev: ControlEvent) -> str:
    if ev.dated_by_publication:
        return f"by {ev.date_text} (no date stated; dated by publication)"
    if ev.precision == "month":
        return f"in {ev.start:%B %Y} (day not stated)"
    if ev.precision == "year":
        return f"in {ev.start.year} (day and month not stated)"
    return f"on {ev.date_text}"


def _sources(ev: ControlEvent) -> str:
    n = len(ev.event_ids)
    return f"{n} report{'s' if n != 1 else ''}: {', '.join(ev.source_files) or ev.event_id}"


def _apply(cur: PlaceState | None, ev: ControlEvent) -> PlaceState:
    status = cur.status if cur is not None else "unknown"
    if ev.event_type == "assault":
        if status == "contested" and cur is not None:
            return _confirm(cur, ev)
        holder = status if status in CONTROLLERS else ev.target_group
        basis = (f"contested: {ev.actor} assault{' on the ' + holder if holder else ''} "
                 f"{_when(ev)} ({_sources(ev)})")
        return PlaceState(status="contested", since=ev.start, since_precision=ev.precision,
                          basis=basis, event_ids=ev.event_ids, disputed=ev.disputed,
                          holder=holder, changed_on=ev.start, kind="assault")
    group = ev.group
    if cur is not None and status == group:
        return _confirm(cur, ev)
    if (ev.event_type == "held" and cur is not None and status == "contested"
            and group == cur.holder):
        return _confirm(cur, ev)
    verb = "captured by" if ev.event_type == "capture" else "held by"
    basis = f"{verb} {ev.actor} {_when(ev)} ({_sources(ev)})"
    if ev.disputed:
        basis += f"; disputed: {ev.dispute}"
    return PlaceState(status=group, since=ev.start, since_precision=ev.precision, basis=basis,
                      event_ids=ev.event_ids, disputed=ev.disputed, holder=group,
                      changed_on=ev.start, kind=ev.event_type)


def _confirm(cur: PlaceState, ev: ControlEvent) -> PlaceState:
    ids = tuple(dict.fromkeys((*cur.event_ids, *ev.event_ids)))
    basis = cur.basis
    if cur.assumed:
        basis = basis.replace(" (assumed: no article in the event table supports it)", "")
    basis += f"; confirmed {_when(ev)} ({_sources(ev)})"
    if ev.disputed and ev.dispute not in basis:
        basis += f"; disputed: {ev.dispute}"
    return replace(cur, basis=basis, event_ids=ids, assumed=False,
                   disputed=cur.disputed or ev.disputed)

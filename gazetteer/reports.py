"""From event rows to control reports: one :class:`ControlEvent` per reported change.

Rows of the event table become reports (a place, a side, a day range; a partial capture,
``extent`` "partial", is read as an assault: the place is contested), reports of the
same change from several articles merge into one :class:`ControlEvent` that keeps every
source, and two reports of a place changing hands that disagree on the date or the side
are flagged as disputed. :class:`~gazetteer.timeline.Timeline` orders them per place.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace

import pandas as pd

from gazetteer.errors import EventTableError
from gazetteer.events import (
    CONTROL_TYPES,
    format_date,
    is_missing,
    is_partial,
    is_true,
    parse_event_date,
    text_or_empty,
)

#: Two captures of one place by the same side this close together, with nothing between,
#: are one event reported with two dates.
DATE_DISPUTE_DAYS = 14
_PRECISIONS = ("day", "month", "year")
_ORDER_ON_DAY = {"held": 0, "assault": 1, "capture": 2}


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
    partial : bool
        Some report of it is a partial capture ("took much of the town"): the event is
        then an ``assault`` (the place is contested), never a change of control.
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
    partial: bool = False

    @property
    def date_text(self) -> str:
        """The date as the sources give it: ``2024-11-20``, ``2024-05`` or ``2024``."""
        return format_date(self.start, self.precision)




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
    partial: bool = False




def reports_of(events: pd.DataFrame, groups: Mapping[str, str], warnings: list[str]
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
        partial = is_partial(kind, row.get("extent"))
        if partial:
            kind = "assault"  # part of the place taken: contested, not a change of control
        report = _report(row, label, kind, place, groups, warnings)
        if report is not None and partial:
            report = replace(report, partial=True)
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


def merge_reports(reports: list[_Report]) -> list[ControlEvent]:
    """Reports of one event (same place, type and side, overlapping dates) -> one event.

    Reports come sorted by start, so a cluster whose common end lies before a report's
    start can take no later report either: it is closed, which keeps this linear in the
    number of reports of a place rather than quadratic.
    """
    clusters: dict[tuple[str, str], list[list[_Report]]] = defaultdict(list)
    open_: dict[tuple[str, str], list[tuple[list[_Report], list]]] = defaultdict(list)
    rank = {p: i for i, p in enumerate(_PRECISIONS)}
    for rep in sorted(reports, key=lambda r: (r.place, r.event_type, r.start,
                                              rank[r.precision], r.event_id)):
        key = (rep.place, rep.event_type)
        active = open_[key]
        active[:] = [(c, span) for c, span in active if span[1] >= rep.start]
        for cluster, span in active:  # span: [latest start, earliest end] of the cluster
            if cluster[0].group == rep.group and max(span[0], rep.start) <= min(span[1],
                                                                                  rep.end):
                cluster.append(rep)
                span[0], span[1] = max(span[0], rep.start), min(span[1], rep.end)
                break
        else:
            cluster = [rep]
            clusters[key].append(cluster)
            active.append((cluster, [rep.start, rep.end]))
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
        dated_by_publication=all(r.dated_by_publication for r in cluster),
        partial=any(r.partial for r in cluster))


def _flag_disputes(events: list[ControlEvent]) -> list[ControlEvent]:
    notes: dict[int, list[str]] = defaultdict(list)
    by_place: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        if ev.event_type in ("capture", "held"):
            by_place[ev.place].append(i)
    for idxs in by_place.values():
        idxs.sort(key=lambda i: (events[i].start, events[i].event_id))
        starts = [events[i].start for i in idxs]
        for a_pos, a in enumerate(idxs):
            ea = events[a]
            for b in idxs[a_pos + 1:]:
                eb = events[b]
                if (eb.start - ea.end).days > DATE_DISPUTE_DAYS:
                    break  # sorted by start: no later event overlaps or is near enough
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
                      and not _other_side_between(events, idxs, starts, ea, eb)):
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


def _other_side_between(events: list[ControlEvent], idxs: list[int], starts: list[dt.date],
                        a: ControlEvent, b: ControlEvent) -> bool:
    """Another side's event starts after ``a`` ends and before ``b`` starts (``idxs``
    sorted by start, ``starts`` their starts)."""
    lo, hi = bisect_right(starts, a.end), bisect_left(starts, b.start)
    return any(events[i].group != a.group for i in idxs[lo:hi])




def describe_when(ev: ControlEvent) -> str:
    if ev.dated_by_publication:
        return f"by {ev.date_text} (no date stated; dated by publication)"
    if ev.precision == "month":
        return f"in {ev.start:%B %Y} (day not stated)"
    if ev.precision == "year":
        return f"in {ev.start.year} (day and month not stated)"
    return f"on {ev.date_text}"


def sources_text(ev: ControlEvent) -> str:
    n = len(ev.event_ids)
    return f"{n} report{'s' if n != 1 else ''}: {', '.join(ev.source_files) or ev.event_id}"



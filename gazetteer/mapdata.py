"""The map file's data: every place's whole timeline as compact tables (no web library).

:func:`map_data` turns a :class:`~gazetteer.timeline.Timeline` and its event table into
one JSON-ready dict that the map file's script (``mapfile_assets/mapfile.js``) decodes.
Tables are column-oriented, interned and delta-coded so 2,000 places and 50,000 events
fit in a few megabytes of plain JSON:

* days are whole days since 1970-01-01 (*epoch days*; JavaScript's ``Date`` counts from
  the same day); a baseline starts at :data:`BEFORE_RECORD`;
* ``places``: names, drawn positions (places sharing a point are spread around it, as on
  the page), kind, approximate flag, gazetteer details, and the order labels are placed in;
* ``iv``: per place, its intervals of status as one flat integer list (see
  :func:`_intervals`);
* ``rows``: every event row at a mapped place, sorted by place then date, as columns
  with per-place offsets ``ro`` (see :func:`_rows`); an excerpt several rows share is
  stored once;
* ``files``: article file names with publication day, outlet and title.

Provenance: rows keep the exact excerpt and the article file; an event whose article
states no date (dated by its publication day) has precision ``undated``, so the file never
shows that day as sourced.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from gazetteer.events import event_label, parse_event_date
from gazetteer.palette import LABELS, LEGEND_LABELS, PALETTE, marker_style
from gazetteer.timeline import STATUSES, PlaceState, Timeline

__all__ = ["BEFORE_RECORD", "EPOCH_ORDINAL", "KACHIN_VIEW", "KINDS", "PRECISIONS", "epoch_day",
           "map_data", "spread_positions"]

#: ``date.toordinal()`` of 1970-01-01: an ordinal minus this is an epoch day.
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
#: The start of a baseline interval (in force before any report), in epoch days.
BEFORE_RECORD = -1_000_000
#: Precision codes: the day is known, only the month, only the year, or no date is stated
#: and the article's publication day stands in.
PRECISIONS = ("day", "month", "year", "undated")
#: What set a state (the timeline's ``PlaceState.kind``).
KINDS = ("unknown", "baseline", "capture", "assault", "held")
#: (lat, lon, zoom) the file opens on: Kachin State, as the page does.
KACHIN_VIEW = (25.9, 97.6, 7)
#: Places sharing a point are spread on a circle of this radius (degrees), as on the page.
SPREAD_DEG = 0.03
# Interval code bits above status/flags/precision/kind/holder (see _intervals).
_CHANGED_NONE, _CHANGED_GIVEN, _SINCE_NONE, _SINCE_GIVEN, _INHERIT, _COUNT_GIVEN = (
    1 << b for b in range(13, 19))
_KIND_RANK = {"city": 0, "town": 1}


def epoch_day(day: dt.date) -> int:
    """Whole days from 1970-01-01 to ``day`` (negative before)."""
    return day.toordinal() - EPOCH_ORDINAL


class _Interner:
    """Values numbered in order of first use."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self._index: dict[Any, int] = {}

    def __call__(self, value: Any) -> int:
        if value not in self._index:
            self._index[value] = len(self.values)
            self.values.append(value)
        return self._index[value]


def map_data(timeline: Timeline, events: pd.DataFrame, *,
             articles: Mapping[str, Mapping[str, Any]] | None = None,
             places: Mapping[str, Any] | None = None, day: dt.date | None = None,
             title: str = "Kachin control map", note: str = "") -> dict[str, Any]:
    """Everything the map file shows, as a JSON-ready dict (see the module docstring).

    Parameters
    ----------
    timeline : Timeline
        Built from ``events``.
    events : pandas.DataFrame
        The event table (data contract columns; ``highlight_start``/``highlight_end``
        used when present). Rows at places the timeline does not map are left out.
    articles : mapping, optional
        Article file -> metadata (``outlet``, ``title``, ``published`` ISO day).
    places : mapping, optional
        Canonical name -> gazetteer :class:`~gazetteer.places.Place`, for details (kind,
        township, state, Pcode, aliases); other places are "named in an article".
    day : datetime.date, optional
        The day the file opens on (kept within the data's range); the last by default.
    title, note : str
        Shown at the top of the file, as text.
    """
    names = list(timeline.places)
    index = {name: i for i, name in enumerate(names)}
    rows = _rows(events, index, articles or {})
    days = [d for d in rows.pop("_days") if d is not None]
    first = min(days, default=epoch_day(dt.date.today()))
    last = max([*days, *(d for d in rows["files"]["published"] if d is not None)],
               default=first)
    last = max(last, first + 1)
    ids = rows.pop("_ids")
    offsets = rows["ro"]
    return {
        "v": 1, "title": title, "note": note, "view": list(KACHIN_VIEW),
        "first": first, "last": last,
        "day": last if day is None else min(max(epoch_day(day), first), last),
        "recent": timeline.recent_days,
        "changes": [epoch_day(d) for d in timeline.change_dates()],
        "statuses": list(STATUSES), "labels": [LABELS[s] for s in STATUSES],
        "legend": [LEGEND_LABELS.get(s, LABELS[s]) for s in STATUSES],
        "palette": [PALETTE[s] for s in STATUSES], "styles": _styles(),
        "kinds": list(KINDS), "precisions": list(PRECISIONS),
        "places": _places(timeline, names,
                          [offsets[i + 1] - offsets[i] for i in range(len(names))],
                          places or {}),
        "iv": [_intervals(timeline, name, ids, offsets[i]) for i, name in enumerate(names)],
        "base": _baselines(timeline, names),
        "disputes": _disputes(timeline, names, ids),
        "rows": rows,
    }


def _styles() -> list[dict[str, Any]]:
    """Marker styles indexed by ``status * 8 + assumed * 4 + recent * 2 + disputed``."""
    return [marker_style(status, assumed=bool(flags & 4), recent=bool(flags & 2),
                         disputed=bool(flags & 1))
            for status in STATUSES for flags in range(8)]


# -- rows -------------------------------------------------------------------------------
def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value).strip()
    return "" if text in ("nan", "None", "<NA>", "NaT") else text


def _int(value: object) -> int | None:
    try:
        return int(float(str(value)))
    except (TypeError, ValueError, OverflowError):
        return None


def _day_of(value: str, precision: str | None = None) -> tuple[int, int] | None:
    """(epoch day, precision code) of an event date, or None when it does not parse."""
    if not value:
        return None
    try:
        start, _, prec = parse_event_date(value, precision)
    except ValueError:
        return None
    return epoch_day(start), PRECISIONS.index(prec)


def _when(rec: Mapping[str, Any]) -> tuple[int | None, int]:
    """A row's (epoch day, precision code); undated rows take their publication day."""
    when = _day_of(_text(rec.get("date")), _text(rec.get("date_precision")) or None)
    if when is not None:
        return when
    pub = _day_of(_text(rec.get("published")), "day")
    return (pub[0] if pub else None), PRECISIONS.index("undated")


def _rows(events: pd.DataFrame, index: Mapping[str, int],
          articles: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The rows' columns.

    ``ro``: per place, the offset of its first row (one more entry at the end). ``rd``:
    each place's row days, the first absolute then differences (null: no day at all).
    ``rc``: ``((actor * len(types)) + type) * 4 + precision``. ``rf``: article file.
    Excerpts: a row whose ``(file, char_start, char_end, excerpt)`` was not seen before
    takes the next entry of ``texts``; ``rx`` lists ``row, text`` pairs for the others.
    ``rh``: ``row delta, start, end`` of the event words within the excerpt, for rows
    that have them.
    """
    keyed = sorted(((index[_text(r.get("place"))], _when(r), r)
                    for r in events.to_dict("records") if _text(r.get("place")) in index),
                   key=lambda k: (k[0], k[1][0] if k[1][0] is not None else 0,
                                  _text(k[2].get("event_id"))))
    types = _Interner()
    for _, _, rec in keyed:
        types(event_label(rec.get("event_type"), rec.get("extent")))
    actors, files, texts = _Interner(), _Interner(), _Interner()
    cols: dict[str, list[Any]] = {c: [] for c in ("rc", "rf", "rx", "rh")}
    offsets = [0] * (len(index) + 1)
    ids: dict[str, int] = {}
    metas: list[tuple[str, int | None, str]] = []
    days: list[int | None] = []
    last_hl = 0
    for n, (place, (day, prec), rec) in enumerate(keyed):
        offsets[place + 1] += 1
        ids.setdefault(_text(rec.get("event_id")), n)
        name = _text(rec.get("source_file"))
        if files(name) == len(metas):
            metas.append(_file_meta(rec, articles.get(name, {})))
        days.append(day)
        kind = actors(_text(rec.get("actor"))) * len(types.values) + types(
            event_label(rec.get("event_type"), rec.get("extent")))
        cols["rc"].append(kind * 4 + prec)
        cols["rf"].append(files(name))
        excerpt = _text(rec.get("excerpt"))
        seen = len(texts.values)
        text = texts((name, _int(rec.get("char_start")), _int(rec.get("char_end")), excerpt))
        if text < seen:
            cols["rx"] += (n, text)
        hl = _highlight(rec, len(excerpt))
        if hl is not None:
            cols["rh"] += (n - last_hl, *hl)
            last_hl = n
    for i in range(len(index)):
        offsets[i + 1] += offsets[i]
    outlets = _Interner()
    return {**cols, "ro": offsets, "rd": _deltas(days, offsets), "types": types.values,
            "actors": actors.values, "texts": [k[3] for k in texts.values],
            "files": {"name": files.values, "published": [m[1] for m in metas],
                      "outlet": {str(i): outlets(m[0]) for i, m in enumerate(metas) if m[0]},
                      "title": {str(i): m[2] for i, m in enumerate(metas) if m[2]}},
            "outlets": outlets.values, "_ids": ids, "_days": days}


def _file_meta(rec: Mapping[str, Any], art: Mapping[str, Any]
               ) -> tuple[str, int | None, str]:
    """(outlet, publication epoch day, title) of a row's article."""
    outlet = _text(art.get("outlet")) or _text(rec.get("outlet"))
    when = _day_of(_text(art.get("published")) or _text(rec.get("published")), "day")
    return outlet, when[0] if when else None, _text(art.get("title"))


def _highlight(rec: Mapping[str, Any], length: int) -> tuple[int, int] | None:
    """The event words' span inside the excerpt (characters), or None."""
    base = _int(rec.get("char_start"))
    hs, he = _int(rec.get("highlight_start")), _int(rec.get("highlight_end"))
    if base is None or hs is None or he is None:
        return None
    hs, he = hs - base, he - base
    return (hs, he) if 0 <= hs < he <= length else None


def _deltas(days: list[int | None], offsets: list[int]) -> list[int | None]:
    """Each place's row days as the first day then differences (null stays null)."""
    out: list[int | None] = []
    for p in range(len(offsets) - 1):
        prev = None
        for day in days[offsets[p]:offsets[p + 1]]:
            out.append(day if prev is None or day is None else day - prev)
            prev = day if day is not None else prev
    return out


# -- places and intervals ---------------------------------------------------------------
def spread_positions(points: Sequence[tuple[float, float]], *, approximate: Sequence[bool],
                     names: Sequence[str], radius_deg: float = SPREAD_DEG
                     ) -> list[tuple[float, float]]:
    """Drawn ``(lat, lon)`` of places: those sharing a point are spread on a small circle.

    The place with sourced coordinates (then the first by name) keeps the point; the
    others move ``radius_deg`` degrees around it (longitude scaled by the latitude).
    """
    out = list(points)
    groups: dict[tuple[float, float], list[int]] = defaultdict(list)
    for i, (lat, lon) in enumerate(points):
        groups[(round(lat, 4), round(lon, 4))].append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (bool(approximate[i]), names[i]))
        movers = members[1:]
        for k, i in enumerate(movers):
            angle = 2 * math.pi * k / len(movers)
            lat, lon = points[i]
            out[i] = (lat + radius_deg * math.cos(angle),
                      lon + radius_deg * math.sin(angle) / math.cos(math.radians(lat)))
    return out


def _places(timeline: Timeline, names: list[str], counts: list[int],
            gazetteer: Mapping[str, Any]) -> dict[str, Any]:
    sites = [timeline.site(n) or (0.0, 0.0, True) for n in names]
    approx = [s[2] for s in sites]
    drawn = spread_positions([(s[0], s[1]) for s in sites], approximate=approx, names=names)
    kinds = _Interner()
    kind_of, details = [], {}
    for i, name in enumerate(names):
        place = gazetteer.get(name)
        kind_of.append(kinds((getattr(place, "kind", "") or "place") if place else "place"))
        if place is not None:
            details[str(i)] = [place.township, place.district, place.state, place.pcode,
                               list(place.aliases),
                               place.coord_source if place.approximate else ""]
    order = sorted(range(len(names)), key=lambda i: (
        counts[i] == 0, _KIND_RANK.get(kinds.values[kind_of[i]], 2), -counts[i], names[i]))
    return {"name": names, "lat": [round(p[0], 5) for p in drawn],
            "lon": [round(p[1], 5) for p in drawn], "kind": kind_of, "kinds": kinds.values,
            "approx": [int(a) for a in approx], "details": details, "order": order}


def _code(st: PlaceState, precision: str) -> int:
    """``status | assumed << 3 | disputed << 4 | precision << 5 | kind << 7 | holder << 10``.

    ``holder`` is 0 for none, else 1 + its index in :data:`STATUSES`.
    """
    status = STATUSES.index(st.status if st.status in STATUSES else "unknown")
    holder = STATUSES.index(st.holder) + 1 if st.holder in STATUSES else 0
    kind = KINDS.index(st.kind) if st.kind in KINDS else 0
    return (status | int(st.assumed) << 3 | int(st.disputed) << 4
            | PRECISIONS.index(precision) << 5 | kind << 7 | holder << 10)


def _intervals(timeline: Timeline, name: str, ids: Mapping[str, int], first_row: int
               ) -> list[int]:
    """One place's intervals as a flat list: ``start, code, [changed], [since], [n], rows``.

    ``start`` is the difference from the previous interval's start (the first one is
    absolute). ``code`` is :func:`_code` plus bits saying what follows: the day the
    status last changed (for the "changed recently" ring) is the start unless
    ``_CHANGED_NONE`` or ``_CHANGED_GIVEN`` (then it follows, relative to the start); the
    same for the day the state is dated from (``_SINCE_*``). The rows backing the state
    follow, counted from the place's first row: one unless ``_COUNT_GIVEN`` (then their
    number comes first), after the previous interval's rows when ``_INHERIT`` (a
    confirmation adds reports to the same state).
    """
    undated = {i for ev in timeline.events_at(name) if ev.dated_by_publication
               for i in ev.event_ids}
    out: list[int] = []
    prev: list[int] = []
    prev_start: int | None = None
    for start, st in timeline.intervals(name):
        day = BEFORE_RECORD if start is None else epoch_day(start)
        rows = [ids[e] - first_row for e in st.event_ids if e in ids]
        inherit = bool(prev) and rows[:len(prev)] == prev
        new = rows[len(prev):] if inherit else rows
        precision = st.since_precision
        if st.kind in ("capture", "assault", "held") and st.event_ids and \
                st.event_ids[0] in undated:
            precision = "undated"
        code, extra = _code(st, precision), []
        for value, none_bit, given_bit in ((st.changed_on, _CHANGED_NONE, _CHANGED_GIVEN),
                                           (st.since, _SINCE_NONE, _SINCE_GIVEN)):
            if value is None:
                code |= none_bit
            elif epoch_day(value) != day:
                code |= given_bit
                extra.append(epoch_day(value) - day)
        if inherit:
            code |= _INHERIT
        if len(new) != 1:
            code |= _COUNT_GIVEN
            extra.append(len(new))
        out += [day if prev_start is None else day - prev_start, code, *extra, *new]
        prev, prev_start = rows, day
    return out


def _baselines(timeline: Timeline, names: Iterable[str]) -> dict[str, str]:
    """Place index -> the basis of its baseline state (what the baseline table says)."""
    out = {}
    for i, name in enumerate(names):
        for _, st in timeline.intervals(name):
            if st.kind == "baseline":
                out[str(i)] = st.basis
                break
    return out


def _disputes(timeline: Timeline, names: Iterable[str], ids: Mapping[str, int]
              ) -> dict[str, Any]:
    """Disputed events: ``notes`` (each once) and, per place index, ``[note, rows...]``."""
    notes = _Interner()
    at: dict[str, list[list[int]]] = {}
    for i, name in enumerate(names):
        found = [[notes(ev.dispute), *(ids[e] for e in ev.event_ids if e in ids)]
                 for ev in timeline.events_at(name) if ev.disputed]
        if found:
            at[str(i)] = found
    return {"notes": notes.values, "at": at}

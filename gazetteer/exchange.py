"""Data exchange: read event tables (ours or ACLED's layout), write CSV, GeoJSON and ACLED.

Every reader reports a malformed row with its file and line number and skips it; the rest
loads. Every writer keeps provenance: our CSV carries the excerpt and its offsets, the
GeoJSON the excerpts behind each place's status, the ACLED layout the excerpt in ``notes``
and the article in ``source``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from gazetteer.errors import DataFileError, EventTableError
from gazetteer.events import EVENT_COLUMNS, is_true
from gazetteer.settings import DATA_DIR

#: ACLED's CSV export layout (their codebook's column order); we fill the ones in
#: README's "Exchange" section and leave the rest empty.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)
ACLED_ACTORS_CSV = DATA_DIR / "acled_actors.csv"

_DATE = {"day": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "month": re.compile(r"^\d{4}-\d{2}$"),
         "year": re.compile(r"^\d{4}$")}
_ACLED_SUB = {
    "Non-state actor overtakes territory": "capture",
    "Government regains territory": "capture",
    "Armed clash": "assault",
    "Attack": "assault",
    "Air/drone strike": "airstrike",
    "Shelling/artillery/missile attack": "shelling",
}


# -- reading ------------------------------------------------------------------------
def read_events(path: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """Read an event table in our layout or ACLED's, detected from the header.

    Returns
    -------
    (DataFrame, warnings)
        The events with :data:`EVENT_COLUMNS` (plus ``provenance`` for ACLED rows), and one
        warning per skipped row, naming the file and line.

    Raises
    ------
    EventTableError
        The file cannot be read at all, or its header fits neither layout.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as err:
        raise EventTableError(f"{path}: cannot read the event table ({err.strerror})") \
            from err
    reader = csv.DictReader(io.StringIO(text))
    header = set(reader.fieldnames or ())
    if {"event_id_cnty", "event_date", "notes"} <= header:
        return _read_rows(path, reader, _acled_row)
    missing = [c for c in ("date", "event_type", "place", "lat", "lon", "excerpt")
               if c not in header]
    if missing:
        raise EventTableError(
            f"{path}:1: not an event table: missing column(s) {', '.join(missing)} "
            "(expected our layout, see README, or an ACLED export)")
    return _read_rows(path, reader, _our_row)


def _read_rows(path: Path, reader: csv.DictReader, parse) -> tuple[pd.DataFrame, list[str]]:
    rows: list[dict] = []
    warnings: list[str] = []
    for row in reader:
        try:
            rows.append(parse(row))
        except ValueError as err:
            warnings.append(f"{path}:{reader.line_num}: skipped row: {err}")
    frame = pd.DataFrame(rows)
    for col in EVENT_COLUMNS:
        if col not in frame.columns:
            frame[col] = pd.Series(dtype=object)
    extra = [c for c in frame.columns if c not in EVENT_COLUMNS]
    return frame[list(EVENT_COLUMNS) + extra].reset_index(drop=True), warnings


def _coord(row: Mapping[str, str], col: str, limit: float) -> float:
    raw = (row.get(col) or "").strip()
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{col} {raw!r} is not a number") from None
    if not -limit <= value <= limit:
        raise ValueError(f"{col} {value} is out of range")
    return value


def _our_row(row: Mapping[str, str]) -> dict:
    out = {k: (v if v is not None else "") for k, v in row.items() if k}
    if not (out.get("place") or "").strip():
        raise ValueError("place is empty")
    if not (out.get("excerpt") or "").strip():
        raise ValueError("excerpt is empty: every event needs its source text")
    precision = (out.get("date_precision") or "day").strip() or "day"
    if precision not in _DATE:
        raise ValueError(f"date_precision {precision!r} is not day, month or year")
    value = (out.get("date") or "").strip()
    if value:
        if not _DATE[precision].match(value):
            raise ValueError(f"date {value!r} does not fit precision {precision!r}")
        _check_date(value)
    out["lat"], out["lon"] = _coord(row, "lat", 90), _coord(row, "lon", 180)
    for col in ("char_start", "char_end"):
        raw = (out.get(col) or "").strip()
        out[col] = int(raw) if raw else None
    raw = (out.get("confidence") or "").strip()
    out["confidence"] = float(raw) if raw else None
    out["date_precision"] = precision
    return out


def _check_date(value: str) -> None:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    date(parts[0], parts[1], parts[2])


@lru_cache(maxsize=1)
def _acled_actor_table() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    to_ours: dict[str, str] = {}
    to_acled: dict[str, tuple[str, str]] = {}
    with ACLED_ACTORS_CSV.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            name, actor = (row.get("acled_name") or "").strip(), (row.get("actor") or "").strip()
            if not name or not actor:
                raise DataFileError(ACLED_ACTORS_CSV, "acled_name and actor are required",
                                    line=reader.line_num)
            to_ours[name.casefold()] = actor
            to_acled.setdefault(actor, (name, (row.get("inter") or "").strip()))
    return to_ours, to_acled


def _actor_from_acled(name: str) -> str:
    name = (name or "").strip()
    if not name:
        return ""
    known = _acled_actor_table()[0].get(name.casefold())
    if known:
        return known
    return name.split(":", 1)[0].strip() if ":" in name else name


def _acled_date(raw: str) -> str:
    raw = raw.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return pd.to_datetime(raw, format=fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"event_date {raw!r} is not a date (expected 2024-11-20 or "
                     "20 November 2024)")


def _acled_row(row: Mapping[str, str]) -> dict:
    notes = (row.get("notes") or "").strip()
    if not notes:
        raise ValueError("notes is empty: the excerpt behind the event is missing")
    location = (row.get("location") or "").strip()
    if not location:
        raise ValueError("location is empty")
    day = _acled_date(row.get("event_date") or "")
    precision = {"1": "day", "2": "day", "3": "month"}.get(
        (row.get("time_precision") or "1").strip(), "day")
    sub = (row.get("sub_event_type") or "").strip()
    kind = _ACLED_SUB.get(sub, "other")
    actor1 = _actor_from_acled(row.get("actor1") or "")
    actor2 = _actor_from_acled(row.get("actor2") or "")
    if sub == "Government regains territory" and not actor1:
        actor1 = "junta"
    provenance = {k: v for k, v in row.items() if k in ACLED_COLUMNS and v}
    return {
        "event_id": f"acled-{(row.get('event_id_cnty') or '').strip()}",
        "date": day[:7] if precision == "month" else day,
        "date_precision": precision, "event_type": kind, "place": location,
        "lat": _coord(row, "latitude", 90), "lon": _coord(row, "longitude", 180),
        "actor": actor1, "target": actor2,
        "source_file": f"ACLED {(row.get('event_id_cnty') or '').strip()}",
        "published": day, "excerpt": notes, "char_start": 0, "char_end": len(notes),
        "confidence": 0.8, "provenance": json.dumps(provenance, ensure_ascii=False),
        "outlet": (row.get("source") or "").strip(),
    }


# -- writing ------------------------------------------------------------------------
def to_csv(events: pd.DataFrame) -> str:
    """Our event table as CSV text (our columns first, extra columns after)."""
    cols = [c for c in EVENT_COLUMNS if c in events.columns]
    cols += [c for c in events.columns if c not in EVENT_COLUMNS]
    return events[cols].to_csv(index=False, lineterminator="\n")


def to_acled(events: pd.DataFrame, *, places: Mapping[str, object] | None = None) -> str:
    """The events in ACLED's CSV layout.

    Captures become "Non-state actor overtakes territory" (or "Government regains
    territory" when the junta gains), assaults "Armed clash", airstrikes "Air/drone
    strike"; "held" reports, which ACLED does not code, are left out. ``time_precision``:
    day -> 1, month or year -> 3. ``geo_precision``: 1 for a place at its own sourced
    coordinates, 2 for a place put approximately at a nearby town's. ``places`` maps a
    place name to an object with ``state``, ``district``, ``township`` (the gazetteer's
    Place) to fill admin1-3.
    """
    to_acled_actor = _acled_actor_table()[1]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i, ev in enumerate(events.to_dict("records"), start=1):
        kind = ev.get("event_type")
        if kind not in ("capture", "assault", "airstrike"):
            continue
        precision = ev.get("date_precision") or "day"
        day = str(ev.get("date") or "")
        if not day:
            continue
        if precision == "month":
            day = f"{day}-15"
        elif precision == "year":
            day = f"{day}-07-01"
        actor, target = str(ev.get("actor") or ""), str(ev.get("target") or "")
        if kind == "capture":
            disorder, etype = "Political violence", "Battles"
            sub = ("Government regains territory" if actor == "junta"
                   else "Non-state actor overtakes territory")
        elif kind == "assault":
            disorder, etype, sub = "Political violence", "Battles", "Armed clash"
        else:
            disorder, etype, sub = ("Political violence", "Explosions/Remote violence",
                                    "Air/drone strike")
        a1, inter1 = to_acled_actor.get(actor, (actor, ""))
        a2, inter2 = to_acled_actor.get(target, (target, ""))
        place = (places or {}).get(str(ev.get("place")))
        approximate = is_true(ev.get("place_approximate"))
        writer.writerow({
            "event_id_cnty": f"MMR-KCM{i}", "event_date": day, "year": day[:4],
            "time_precision": 1 if precision == "day" else 3, "disorder_type": disorder,
            "event_type": etype, "sub_event_type": sub, "actor1": a1, "inter1": inter1,
            "actor2": a2, "inter2": inter2, "iso": 104, "region": "Southeast Asia",
            "country": "Myanmar", "admin1": getattr(place, "state", ""),
            "admin2": getattr(place, "district", ""),
            "admin3": getattr(place, "township", ""), "location": ev.get("place"),
            "latitude": ev.get("lat"), "longitude": ev.get("lon"),
            "geo_precision": 2 if approximate else 1,
            "source": f"{ev.get('outlet') or ''} {ev.get('source_file')}".strip(),
            "source_scale": "", "notes": ev.get("excerpt"), "fatalities": "",
            "tags": f"kachin-control-map event {ev.get('event_id')}",
        })
    return buffer.getvalue()


def state_geojson(state: pd.DataFrame, events: pd.DataFrame, *, on: date | str) -> dict:
    """The state on a date as a GeoJSON FeatureCollection of points.

    Each feature's properties hold ``place``, ``status``, ``since``, ``basis``, ``date`` (the
    date asked for) and ``sources``: the events behind the status, each with its excerpt,
    article and offsets. Coordinates are ``[lon, lat]``, as GeoJSON requires.
    """
    by_id = {str(e["event_id"]): e for e in events.to_dict("records")}
    features = []
    for row in state.to_dict("records"):
        ids = [i for i in str(row.get("event_ids") or "").replace(";", " ").split() if i]
        sources = [{k: _plain(by_id[i].get(k)) for k in
                    ("event_id", "event_type", "date", "actor", "source_file", "published",
                     "excerpt", "char_start", "char_end") if k in by_id[i]}
                   for i in ids if i in by_id]
        props = {"place": row.get("place"), "status": row.get("status"),
                 "since": _plain(row.get("since")), "basis": _plain(row.get("basis")),
                 "date": str(on), "sources": sources}
        for key in ("assumed", "approximate", "disputed"):
            if key in row:
                props[key] = bool(row[key])
        features.append({"type": "Feature", "properties": props, "geometry": {
            "type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]}})
    return {"type": "FeatureCollection", "features": features}


def _plain(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, date):
        return value.isoformat()
    return value

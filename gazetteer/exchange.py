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
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from gazetteer.actors import canonical_actor
from gazetteer.dates import day_out_of_range
from gazetteer.errors import DataFileError, EventTableError
from gazetteer.events import EVENT_COLUMNS, is_partial, is_true
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
#: ACLED columns an import needs; a header with ACLED's id or date column is ACLED's.
ACLED_REQUIRED = ("event_id_cnty", "event_date", "location", "latitude", "longitude", "notes")
#: Myanmar's extent (south, west, north, east; degrees) and how far beyond it a point may
#: lie before an import warns that it is far outside the country: 5 degrees keeps the
#: neighbours' border regions and cities the news names (Kunming, Ruili, Bangkok) quiet.
MYANMAR_BOUNDS = (9.5, 92.1, 28.6, 101.2)
FAR_DEGREES = 5.0


def read_events(path: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """Read an event table in our layout or ACLED's (CSV, detected from the header), or
    our layout as Parquet (``.parquet``, or a file that starts with Parquet's magic bytes).

    Cells our CSV writers guarded against formula injection (a leading ``'``) are read
    back as they were. Rows are checked as they are read: a malformed row, a day outside
    1900 .. a year from now, or the point (0, 0) is reported with its file and line (its
    row number for Parquet) and skipped; a point far outside Myanmar is kept with a
    warning; each ACLED actor name that no alias knows is reported once with its count.

    Returns
    -------
    (DataFrame, warnings)
        The events with :data:`EVENT_COLUMNS` (plus ``provenance`` for ACLED rows), and the
        warnings, each naming the file and line.

    Raises
    ------
    EventTableError
        The file cannot be read at all, or its header fits neither layout.
    """
    path = Path(path)
    if _is_parquet(path):
        header, records = _parquet_records(path)
        where = f"{path}: row {{}}"
    else:
        header, records = _csv_records(path)
        where = f"{path}:{{}}"
    if header & {"event_id_cnty", "event_date"}:
        missing = [c for c in ACLED_REQUIRED if c not in header]
        if missing:
            raise EventTableError(
                f"{path}:1: ACLED export lacks column(s) {', '.join(missing)} (an import "
                f"needs {', '.join(ACLED_REQUIRED)})")
        return _read_rows(where, records, _acled_row)
    missing = [c for c in ("date", "event_type", "place", "lat", "lon", "excerpt")
               if c not in header]
    if missing:
        raise EventTableError(
            f"{path}:1: not an event table: missing column(s) {', '.join(missing)} "
            "(expected our layout, see README, or an ACLED export)")
    return _read_rows(where, records, _our_row)


def _is_parquet(path: Path) -> bool:
    if path.suffix.lower() in (".parquet", ".pq"):
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PAR1"
    except OSError:
        return False


def _csv_records(path: Path) -> tuple[set[str], Iterator[tuple[int, dict[str, str]]]]:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise EventTableError(f"{path}: cannot read the event table ({err.strerror})") \
            from err
    text = raw.decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = set(reader.fieldnames or ())
    except csv.Error as err:
        raise EventTableError(f"{path}:1: cannot read the header ({err})") from err

    def records() -> Iterator[tuple[int, dict[str, str]]]:
        while True:
            first = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                yield first, {"\x00error": str(err)}
                continue
            yield first, {k: unguard_cell(v) if isinstance(v, str) else v
                          for k, v in row.items()}
    return header, records()


def _parquet_records(path: Path) -> tuple[set[str], Iterator[tuple[int, dict[str, str]]]]:
    try:
        frame = pd.read_parquet(path)
    except (OSError, ValueError, ImportError) as err:
        raise EventTableError(f"{path}: cannot read the Parquet table ({err})") from err
    except Exception as err:  # pyarrow's own errors (ArrowInvalid...) name the problem
        raise EventTableError(f"{path}: cannot read the Parquet table ({err})") from err
    rows = frame.to_dict("records")
    return ({str(c) for c in frame.columns},
            ((i, {str(k): _as_text(v) for k, v in row.items()})
             for i, row in enumerate(rows, start=1)))


def _as_text(value: object) -> str:
    """A Parquet cell as the text a CSV cell would hold."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    return "" if value is pd.NA else str(value)


def _read_rows(where: str, records: Iterable[tuple[int, dict[str, str]]], parse
               ) -> tuple[pd.DataFrame, list[str]]:
    rows: list[dict] = []
    warnings: list[str] = []
    unknown: Counter[str] = Counter()
    for line, row in records:
        notes: list[str] = []
        try:
            if "\x00error" in row:
                raise ValueError(row["\x00error"])
            rows.append(parse(row, notes=notes, unknown=unknown))
        except ValueError as err:
            warnings.append(f"{where.format(line)}: skipped row: {err}")
        warnings.extend(f"{where.format(line)}: {note}" for note in notes)
    file = where.split(":")[0]
    for name, count in sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0])):
        warnings.append(f"{file}: ACLED actor {name!r} is unknown (not in "
                        "data/acled_actors.csv nor the actor aliases of "
                        f"gazetteer/rules/actors.toml): {count} row(s) keep that name, "
                        "their status unknown")
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


def _point(row: Mapping[str, str], lat_col: str, lon_col: str, notes: list[str]
           ) -> tuple[float, float]:
    """(lat, lon) of a row: (0, 0) is refused; a point far outside Myanmar is noted."""
    lat, lon = _coord(row, lat_col, 90), _coord(row, lon_col, 180)
    if lat == 0 and lon == 0:
        raise ValueError(f"{lat_col}/{lon_col} (0, 0) is no place (a missing coordinate?)")
    south, west, north, east = MYANMAR_BOUNDS
    if not (south - FAR_DEGREES <= lat <= north + FAR_DEGREES
            and west - FAR_DEGREES <= lon <= east + FAR_DEGREES):
        notes.append(f"{lat_col}/{lon_col} ({lat}, {lon}) is far outside Myanmar; kept")
    return lat, lon


def _our_row(row: Mapping[str, str], *, notes: list[str], unknown: Counter[str]) -> dict:
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
        _check_date(value, "date")
    published = (out.get("published") or "").strip()
    if published:
        if not _DATE["day"].match(published):
            raise ValueError(f"published {published!r} is not a YYYY-MM-DD day")
        _check_date(published, "published")
    out["lat"], out["lon"] = _point(row, "lat", "lon", notes)
    for col in ("char_start", "char_end"):
        raw = (out.get(col) or "").strip()
        out[col] = int(raw) if raw else None
    raw = (out.get("confidence") or "").strip()
    out["confidence"] = float(raw) if raw else None
    out["date_precision"] = precision
    return out


def _check_date(value: str, col: str) -> None:
    """A real day (the first of a month or year) in the plausible range, else ValueError."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        day = date(parts[0], parts[1], parts[2])
    except ValueError as err:
        raise ValueError(f"{col} {value!r} is not a real date ({err})") from None
    problem = day_out_of_range(day)
    if problem:
        raise ValueError(f"{col} {value!r}: {problem}")


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


def _actor_from_acled(name: str, unknown: Counter[str]) -> str:
    """Our actor for an ACLED actor name: ``data/acled_actors.csv``, then the extractor's
    aliases (:func:`gazetteer.actors.canonical_actor`); an unknown name is counted in
    ``unknown`` and kept (its acronym before ``:`` when it has one)."""
    name = " ".join((name or "").split())
    if not name:
        return ""
    known = _acled_actor_table()[0].get(name.casefold()) or canonical_actor(name)
    if known:
        return known
    unknown[name] += 1
    return name.split(":", 1)[0].strip() if ":" in name else name


def _acled_date(raw: str) -> str:
    raw = raw.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            day = pd.to_datetime(raw, format=fmt).date().isoformat()
        except (ValueError, OverflowError):
            continue
        _check_date(day, "event_date")
        return day
    raise ValueError(f"event_date {raw!r} is not a date (expected 2024-11-20 or "
                     "20 November 2024)")


def _acled_row(row: Mapping[str, str], *, notes: list[str], unknown: Counter[str]) -> dict:
    excerpt = (row.get("notes") or "").strip()
    if not excerpt:
        raise ValueError("notes is empty: the excerpt behind the event is missing")
    location = (row.get("location") or "").strip()
    if not location:
        raise ValueError("location is empty")
    day = _acled_date(row.get("event_date") or "")
    precision = {"1": "day", "2": "day", "3": "month"}.get(
        (row.get("time_precision") or "1").strip(), "day")
    lat, lon = _point(row, "latitude", "longitude", notes)
    sub = (row.get("sub_event_type") or "").strip()
    kind = _ACLED_SUB.get(sub, "other")
    actor1 = _actor_from_acled(row.get("actor1") or "", unknown)
    actor2 = _actor_from_acled(row.get("actor2") or "", unknown)
    if sub == "Government regains territory" and not actor1:
        actor1 = "junta"
    provenance = {k: v for k, v in row.items() if k in ACLED_COLUMNS and v}
    return {
        "event_id": f"acled-{(row.get('event_id_cnty') or '').strip()}",
        "date": day[:7] if precision == "month" else day,
        "date_precision": precision, "event_type": kind, "place": location,
        "lat": lat, "lon": lon, "actor": actor1, "target": actor2,
        "source_file": f"ACLED {(row.get('event_id_cnty') or '').strip()}",
        "published": day, "excerpt": excerpt, "char_start": 0, "char_end": len(excerpt),
        "confidence": 0.8, "provenance": json.dumps(provenance, ensure_ascii=False),
        "outlet": (row.get("source") or "").strip(),
    }


# -- writing ------------------------------------------------------------------------
#: A cell that starts with one of these may run as a formula in a spreadsheet (OWASP's
#: CSV injection list); our writers put a ``'`` before such text cells.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _needs_guard(text: str) -> bool:
    bare = text.lstrip("'")
    return bare.startswith(FORMULA_START) and _PLAIN_NUMBER.fullmatch(bare) is None


def guard_cell(value: object) -> object:
    """A text cell made safe for spreadsheets: ``'`` before text that starts with
    ``= + - @``, a tab or a carriage return (and before text that would look guarded).
    Numbers, and text that is a plain number (``-1.5``), are returned unchanged."""
    if isinstance(value, str) and _needs_guard(value):
        return "'" + value
    return value


def unguard_cell(text: str) -> str:
    """The inverse of :func:`guard_cell` on its output: our CSV read back unchanged."""
    if text.startswith("'") and _needs_guard(text[1:]):
        return text[1:]
    return text


def to_csv(events: pd.DataFrame) -> str:
    """Our event table as CSV text (our columns first, extra columns after); text cells
    are guarded against formula injection (:func:`guard_cell`), numbers are not."""
    cols = [c for c in EVENT_COLUMNS if c in events.columns]
    cols += [c for c in events.columns if c not in EVENT_COLUMNS]
    table = events[cols]
    text_cols = [c for c in cols if not (pd.api.types.is_numeric_dtype(table[c])
                                         or pd.api.types.is_bool_dtype(table[c]))]
    if text_cols:
        table = table.assign(**{c: table[c].map(guard_cell) for c in text_cols})
    return _lf_rows(table.to_csv(index=False, lineterminator="\r\n"))


def _lf_rows(text: str) -> str:
    """CSV written with CRLF row ends (so a CR inside a cell is quoted, as a CRLF writer
    must) turned to LF row ends; line breaks inside quoted cells are kept as they are."""
    parts = text.split('"')
    return '"'.join(p.replace("\r\n", "\n") if i % 2 == 0 else p
                    for i, p in enumerate(parts))


def _clash_key(ev: Mapping[str, object]) -> tuple[str, str, str, str]:
    """What ties a partial capture to an assault written with it: article, place, day and
    the excerpt's offset."""
    return (str(ev.get("source_file")), str(ev.get("place")), str(ev.get("date")),
            str(ev.get("char_start")))


def to_acled(events: pd.DataFrame, *, places: Mapping[str, object] | None = None) -> str:
    """The events in ACLED's CSV layout.

    Captures become "Non-state actor overtakes territory" (or "Government regains
    territory" when the junta gains), assaults "Armed clash", airstrikes "Air/drone
    strike"; "held" reports, which ACLED does not code, are left out. A partial capture
    (``extent`` "partial": "took much of the town") is an "Armed clash", as the map reads
    it, unless a table written before 2026-11 holds the assault once written with it
    (same article, place, day and excerpt offset): that row stands for it.
    ``time_precision``:
    day -> 1, month or year -> 3. ``geo_precision``: 1 for a place at its own sourced
    coordinates, 2 for a place put approximately at a nearby town's. ``places`` maps a
    place name to an object with ``state``, ``district``, ``township`` (the gazetteer's
    Place) to fill admin1-3.
    """
    to_acled_actor = _acled_actor_table()[1]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    records = events.to_dict("records")
    assaults = {_clash_key(ev) for ev in records if ev.get("event_type") == "assault"}
    for i, ev in enumerate(records, start=1):
        kind = ev.get("event_type")
        if is_partial(kind, ev.get("extent")):
            if _clash_key(ev) in assaults:
                continue  # an older table's assault row, written with it, stands for it
            kind = "assault"  # part of the place taken: a clash, no territory changed
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
        writer.writerow({k: guard_cell(v) for k, v in {
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
        }.items()})
    return _lf_rows(buffer.getvalue())


def state_geojson(state: pd.DataFrame, events: pd.DataFrame, *, on: date | str) -> dict:
    """The state on a date as a GeoJSON FeatureCollection of points.

    Each feature's properties hold ``place``, ``status``, ``controller`` (the actor's own
    name: TNLA, MNDAA, KIA, junta...), ``since``, ``basis``, ``date`` (the
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
                 "controller": _plain(row.get("controller", "")) or "",
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

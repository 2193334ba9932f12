"""Command-line interface: ``python -m gazetteer`` or ``kachin-map``.

Each subcommand is a pair of small functions: ``_add_NAME`` declares its arguments (and
sets ``func``) and ``_cmd_NAME`` runs it; :data:`_ADDERS` lists the subcommands in the
order ``--help`` shows them. Pipeline modules are imported inside the commands that need
them, so ``geocode`` starts fast; only commands that draw a map import the web wing.
Exit codes: 0 success, 1 a lookup found nothing or input was unusable, 2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Sequence

from gazetteer.cli_corpus import ADDERS as CORPUS_ADDERS
from gazetteer.errors import AmbiguousPlace, GazetteerError, GeocoderUnavailable, PlaceNotFound

GEOCODE_HEADER = ["query", "name", "lat", "lon", "kind", "township", "state", "pcode", "basis",
                  "match"]


def _cmd_geocode(args: argparse.Namespace) -> int:
    from gazetteer.places import Gazetteer

    if args.places:
        gaz = Gazetteer(args.places, online=args.online)
    else:
        gaz = Gazetteer.default(online=args.online)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(GEOCODE_HEADER)
    status = 0
    near = tuple(args.near) if args.near else None
    for query in args.names:
        try:
            match = gaz.lookup(query, state=args.state, township=args.township, near=near)
            if match is None:
                raise PlaceNotFound(query, gaz.suggest(query))
        except (PlaceNotFound, AmbiguousPlace, GeocoderUnavailable) as err:
            print(f"geocode: {err}", file=sys.stderr)
            status = 1
            continue
        p = match.place
        writer.writerow([query, p.name, f"{p.lat:.5f}", f"{p.lon:.5f}", p.kind, p.township,
                         p.state, p.pcode, p.coord_basis, match.match])
    return status


def _add_geocode(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("geocode", help="look up place names offline, print CSV")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--state", help="region hint: a state or region, e.g. Kachin")
    p.add_argument("--township", help="region hint: a township")
    p.add_argument("--near", nargs=2, type=float, metavar=("LAT", "LON"),
                   help="region hint: choose the candidate nearest this point")
    p.add_argument("--online", action="store_true",
                   help="fall back to OpenStreetMap Nominatim (needs network; cached)")
    p.add_argument("--places", metavar="FILE", help="another places table (default: "
                   "data/places.csv)")
    p.set_defaults(func=_cmd_geocode)


# --- helpers shared by the subcommands ---------------------------------------------------
def _blocked_output(command: str, out: str | None, force: bool) -> bool:
    """True (after saying so) when ``out`` exists and may not be overwritten."""
    from pathlib import Path

    if out is not None and Path(out).exists() and not force:
        print(f"{command}: {out} exists; pass --force to overwrite it", file=sys.stderr)
        return True
    return False


def _load_events(command: str, args: argparse.Namespace):
    """Load ``--seeds``/``--events``/``--db`` for ``command``, printing problems; None if
    unusable."""
    from gazetteer.sources import load_data, load_store

    if getattr(args, "db", None) is not None:
        from gazetteer.store import default_path

        data = load_store(default_path(args.db or None),
                          reviewed_only=getattr(args, "reviewed_only", False))
    else:
        data = load_data(args.seeds, args.events)
    for problem in data.errors:
        print(f"{command}: {problem}", file=sys.stderr)
    if data.errors:
        return None
    for warning in data.warnings:
        print(f"{command}: warning: {warning}", file=sys.stderr)
    return data


def _add_source_args(p: argparse.ArgumentParser) -> None:
    """``--seeds DIR | --events FILE`` and ``--baseline FILE``, shared by state and export."""
    from gazetteer.settings import BASELINE_CSV, SEEDS_DIR

    source = p.add_mutually_exclusive_group()
    source.add_argument("--seeds", default=str(SEEDS_DIR), metavar="DIR",
                        help="folder of articles to extract (default: seeds/)")
    source.add_argument("--events", default=None, metavar="FILE",
                        help="an event table (CSV, ours or ACLED's) instead of extracting")
    source.add_argument("--db", nargs="?", const="", default=None, metavar="PATH",
                        help="the corpus store's events, review decisions applied (PATH "
                             "optional: default $KACHIN_MAP_DB, else your data folder)")
    p.add_argument("--baseline", default=str(BASELINE_CSV), metavar="FILE",
                   help="baseline table (default: data/baseline.csv)")


def _parse_day(command: str, value: str):
    """``value`` as a date, or None after printing a usage message."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        print(f"{command}: --date {value!r} is not a YYYY-MM-DD date", file=sys.stderr)
        return None


# --- subcommands ------------------------------------------------------------------------
def _cmd_extract(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        return _extract_on_dask(args)
    from collections import Counter
    from pathlib import Path

    from gazetteer.events import event_label
    from gazetteer.exchange import to_csv
    from gazetteer.extract import extract_folder

    if _blocked_output("extract", args.out, args.force):
        return 1
    out = Path(args.out) if args.out else None
    frame, warnings = extract_folder(args.folder)
    text = to_csv(frame)  # text cells guarded against spreadsheet formulas
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)
    extents = frame["extent"].tolist() if "extent" in frame else [""] * len(frame)
    counts = dict(sorted(Counter(event_label(t, x) for t, x in zip(
        frame["event_type"].tolist(), extents, strict=True)).items()))
    _extract_summary(args, frame.attrs.get("articles_read", 0), counts, out, warnings)
    return 0


def _extract_on_dask(args: argparse.Namespace) -> int:
    """``extract DIR --engine dask [--scheduler ADDRESS] --out events.parquet``."""
    from pathlib import Path

    from gazetteer.distributed import extract_to_parquet

    if not args.out:
        print("extract: --engine dask writes Parquet: give --out FILE.parquet",
              file=sys.stderr)
        return 2
    if _blocked_output("extract", args.out, args.force):
        return 1
    report = extract_to_parquet(args.folder, Path(args.out), scheduler=args.scheduler,
                                workers=args.workers, connect_timeout=args.connect_timeout,
                                overwrite=args.force)
    where = args.scheduler or f"a LocalCluster of {report.workers} worker(s)"
    print(f"extract: dask on {where}: {report.seconds:.1f} s", file=sys.stderr)
    _extract_summary(args, report.articles_read, report.by_type, report.out, report.warnings)
    return 0


def _extract_summary(args: argparse.Namespace, read: int, counts: dict[str, int],
                     out: object, warnings: list[str]) -> None:
    by_type = ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"
    print(f"extract: {read} article(s) read from {args.folder}; "
          f"{sum(counts.values())} event(s): {by_type}", file=sys.stderr)
    if out is not None:
        print(f"extract: wrote {out}", file=sys.stderr)
    for warning in warnings:
        print(f"extract: warning: {warning}", file=sys.stderr)


def _add_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract dated control events from a folder of "
                                       "articles, print CSV (or write Parquet on Dask)")
    p.add_argument("folder", metavar="DIR", help="folder of *.txt articles (and sources.csv)")
    p.add_argument("--out", metavar="FILE", help="write the CSV here instead of stdout "
                                                 "(with --engine dask: the Parquet folder)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this process (default); dask: dask.distributed")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --engine dask: a running scheduler (tcp://host:8786); "
                        "default: a LocalCluster on this machine")
    p.add_argument("--workers", type=int, default=2,
                   help="with --engine dask: LocalCluster worker processes (default 2)")
    p.add_argument("--connect-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="with --scheduler: how long to wait for it (default 10)")
    p.set_defaults(func=_cmd_extract)
STATE_HEADER = ["place", "lat", "lon", "status", "controller", "since", "basis", "event_ids"]


def _cmd_state(args: argparse.Namespace) -> int:
    from gazetteer.timeline import Timeline, read_baseline

    day = _parse_day("state", args.date)
    if day is None:
        return 2
    data = _load_events("state", args)
    if data is None:
        return 1
    timeline = Timeline.from_events(data.events, baseline=read_baseline(args.baseline))
    for warning in timeline.warnings:
        print(f"state: warning: {warning}", file=sys.stderr)
    from gazetteer.exchange import guard_cell

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(STATE_HEADER)
    for row in timeline.state_on(day).to_dict("records"):
        writer.writerow([guard_cell(v) for v in (
            row["place"], f"{row['lat']:.5f}", f"{row['lon']:.5f}", row["status"],
            row["controller"], row["since"], row["basis"], row["event_ids"])])
    return 0


def _add_state(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("state", help="every place's status on a date, as CSV")
    p.add_argument("--date", required=True, help="the day, YYYY-MM-DD")
    _add_source_args(p)
    p.set_defaults(func=_cmd_state)
def _cmd_export(args: argparse.Namespace) -> int:
    import datetime as dt
    import json
    from pathlib import Path

    from gazetteer import exchange

    if args.reviewed_only and args.db is None:
        print("export: --reviewed-only needs --db (review decisions live in the corpus "
              "store)", file=sys.stderr)
        return 2
    if _blocked_output("export", args.out, args.force):
        return 1
    out = Path(args.out) if args.out else None
    data = _load_events("export", args)
    if data is None:
        return 1
    events = data.events
    if data.articles and "outlet" not in events.columns:
        outlets = {k: v.get("outlet", "") for k, v in data.articles.items()}
        events = events.assign(outlet=events["source_file"].map(outlets).fillna(""))
    day = None
    if args.date:
        day = _parse_day("export", args.date)
        if day is None:
            return 2
    if args.format == "html":
        text = _map_file(data, events, args.baseline, day)
    elif args.format == "geojson":
        from gazetteer.timeline import Timeline, read_baseline

        timeline = Timeline.from_events(events, baseline=read_baseline(args.baseline))
        day = day or timeline.last_event_date() or dt.date.today()
        text = json.dumps(exchange.state_geojson(timeline.state_on(day), events, on=day),
                          ensure_ascii=False, indent=1) + "\n"
    else:
        if day is not None:
            from gazetteer.trends import events_until

            events = events_until(events, day)
        if args.format == "acled":
            from gazetteer.places import Gazetteer

            places = {p.name: p for p in Gazetteer.default().places}
            text = exchange.to_acled(events, places=places)
        else:
            text = exchange.to_csv(events)
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"export: wrote {out}", file=sys.stderr)
    return 0


def _map_file(data, events, baseline: str, day) -> str:
    """The self-contained map file (HTML) of ``events``, opening on ``day``."""
    import datetime as dt

    from gazetteer.mapfile import map_file_html
    from gazetteer.places import Gazetteer
    from gazetteer.timeline import Timeline, read_baseline

    timeline = Timeline.from_events(events, baseline=read_baseline(baseline))
    for warning in timeline.warnings:
        print(f"export: warning: {warning}", file=sys.stderr)
    note = f"Made on {dt.date.today().isoformat()} from {data.source}; works offline."
    return map_file_html(timeline, events, articles=data.articles, day=day, note=note,
                         places={p.name: p for p in Gazetteer.default().places})


def _add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export events (CSV, ACLED layout), the state on a "
                                      "date (GeoJSON) or the map as one HTML file")
    p.add_argument("--format", choices=("csv", "geojson", "acled", "html"), default="csv")
    p.add_argument("--date", help="YYYY-MM-DD: the day for geojson (default: the last "
                                  "event) and the day the html map opens on; for "
                                  "csv/acled, events up to that day")
    _add_source_args(p)
    p.add_argument("--reviewed-only", action="store_true",
                   help="with --db: only events an analyst confirmed or corrected")
    p.add_argument("--out", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(func=_cmd_export)

#: The subcommands, in the order ``--help`` lists them.
_ADDERS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_geocode, _add_extract, _add_state, _add_export, *CORPUS_ADDERS]


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, one subparser per command."""
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer",
        description="Kachin control map: gazetteer, extraction and timeline tools.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for add in _ADDERS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except GazetteerError as err:
        print(f"{args.command}: {err}", file=sys.stderr)
        return 1

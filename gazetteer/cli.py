"""Command-line interface: ``python -m gazetteer`` or ``kachin-map``.

Each subcommand is a small function that parses nothing itself: ``main`` builds the parser,
and ``_COMMANDS`` maps a subcommand to the function that runs it. Exit codes: 0 success,
1 a lookup found nothing or input was unusable, 2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Sequence

from gazetteer.errors import AmbiguousPlace, GazetteerError, PlaceNotFound

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
                if gaz.last_message:
                    print(f"geocode: {query!r}: {gaz.last_message}", file=sys.stderr)
                raise PlaceNotFound(query, gaz.suggest(query))
        except (PlaceNotFound, AmbiguousPlace) as err:
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


# --- subcommands added by other modules: keep one _add_* per block -----------------------
# BEGIN extract subcommand
# END extract subcommand
# BEGIN state subcommand
# END state subcommand
# BEGIN export subcommand
# END export subcommand

_ADDERS: list[Callable[[argparse._SubParsersAction], None]] = [_add_geocode]


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, one subparser per command."""
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer",
        description="Kachin control map: gazetteer, extraction and timeline tools.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for add in _ADDERS:
        add(sub)
    for name in ("_add_extract", "_add_state", "_add_export"):
        add = globals().get(name)
        if add is not None and add not in _ADDERS:
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

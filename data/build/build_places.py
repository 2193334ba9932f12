"""Build ``data/places.csv``, the gazetteer table, from three hand-kept inputs.

Inputs (all in ``data/``):

- ``mimu_towns_9.6.csv``: MIMU Place Codes 9.6, every town of Myanmar with its Pcode and
  coordinates (Longitude first). The primary source: every one of its towns becomes a row.
- ``place_aliases.csv``: ``mimu_pcode,name,aliases,kind,lat,lon,coord_source``. Sets a
  town's news-usage name (MIMU's "Puta-O Town" is "Putao" in the news), adds the aliases
  in common use, and may set the kind (default ``town``). Empty ``name`` keeps the
  default name. ``lat,lon,coord_source`` are for the few towns MIMU lists without
  coordinates only: such a row becomes ``approximate`` with that reasoning; giving them
  for a town that MIMU locates is an error (MIMU stays the source for towns).
- ``extra_places.csv``: places MIMU lacks (Laiza, villages, bases, camps), each with its
  own coordinates and coordinate source.

Rules: a MIMU town's default name is its English name without the trailing "Town"; its
official MIMU spelling (and that stripped form) are always among its aliases; an alias
never repeats the row's own name. Output is sorted by state, district, township, name and
Pcode, so a rebuild is byte-for-byte identical.

Run ``python data/build/build_places.py`` to rewrite ``data/places.csv``, or with
``--check`` to exit 1 when the committed file differs from a fresh build. Standard
library only.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1]
MIMU_CSV = DATA_DIR / "mimu_towns_9.6.csv"
ALIASES_CSV = DATA_DIR / "place_aliases.csv"
EXTRA_CSV = DATA_DIR / "extra_places.csv"
PLACES_CSV = DATA_DIR / "places.csv"

COLUMNS = (
    "name", "aliases", "lat", "lon", "kind", "township", "district", "state", "pcode",
    "coord_basis", "coord_source",
)
MIMU_RELEASE = "MIMU Place Codes 9.6"
_TOWN_SUFFIX = re.compile(r"\s*Town$")


class BuildError(Exception):
    """Problems in the input tables, one ``file:line: problem`` per entry."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def _read(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise BuildError([f"{path}:1: missing column(s): {', '.join(missing)}"])
        return [(reader.line_num, row) for row in reader]


def _split(aliases: str) -> list[str]:
    return [a.strip() for a in aliases.split("|") if a.strip()]


def _merge_aliases(name: str, *groups: list[str]) -> str:
    seen = {name.casefold()}
    out: list[str] = []
    for group in groups:
        for alias in group:
            if alias.casefold() not in seen:
                seen.add(alias.casefold())
                out.append(alias)
    return "|".join(out)


def _coord(value: str, limit: float) -> str | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return value.strip() if -limit <= number <= limit else None


def _overrides(problems: list[str], pcodes: set[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for line, row in _read(ALIASES_CSV, ("mimu_pcode", "name", "aliases", "kind")):
        pcode = (row["mimu_pcode"] or "").strip()
        where = f"{ALIASES_CSV.name}:{line}"
        if pcode not in pcodes:
            problems.append(f"{where}: Pcode {pcode!r} is not a MIMU town")
        elif pcode in out:
            problems.append(f"{where}: Pcode {pcode} listed twice")
        else:
            out[pcode] = row
    return out


def _mimu_rows(problems: list[str]) -> list[dict[str, str]]:
    mimu = _read(MIMU_CSV, ("Town_Pcode", "Town_Name_Eng", "Longitude", "Latitude",
                            "SR_Name_Eng", "District/SAZ_Name_Eng", "Township_Name_Eng"))
    overrides = _overrides(problems, {row["Town_Pcode"] for _, row in mimu})
    rows = []
    for line, town in mimu:
        pcode = town["Town_Pcode"].strip()
        official = town["Town_Name_Eng"].strip()
        stripped = _TOWN_SUFFIX.sub("", official)
        extra = overrides.get(pcode, {})
        name = (extra.get("name") or "").strip() or stripped
        lat, lon = _coord(town["Latitude"], 90), _coord(town["Longitude"], 180)
        basis, source = "sourced", f"{MIMU_RELEASE}, town {pcode}"
        fix = [(extra.get(c) or "").strip() for c in ("lat", "lon", "coord_source")]
        if any(fix) and lat is not None and lon is not None:
            problems.append(f"{ALIASES_CSV.name}: {pcode} has MIMU coordinates: "
                            "do not override them")
            continue
        if lat is None or lon is None:
            lat, lon = _coord(fix[0], 90), _coord(fix[1], 180)
            basis, source = "approximate", fix[2]
            if lat is None or lon is None or not source:
                problems.append(f"{MIMU_CSV.name}:{line}: {pcode} has no coordinates in MIMU "
                                f"and no lat,lon,coord_source in {ALIASES_CSV.name}")
                continue
        rows.append({
            "name": name,
            "aliases": _merge_aliases(name, _split(extra.get("aliases") or ""),
                                      [official, stripped]),
            "lat": lat, "lon": lon,
            "kind": (extra.get("kind") or "").strip() or "town",
            "township": town["Township_Name_Eng"].strip(),
            "district": town["District/SAZ_Name_Eng"].strip(),
            "state": town["SR_Name_Eng"].strip(),
            "pcode": pcode,
            "coord_basis": basis,
            "coord_source": source,
        })
    return rows


def _extra_rows(problems: list[str]) -> list[dict[str, str]]:
    required = ("name", "aliases", "lat", "lon", "kind", "township", "district", "state",
                "coord_basis", "coord_source")
    rows = []
    for line, row in _read(EXTRA_CSV, required):
        where = f"{EXTRA_CSV.name}:{line}"
        name = (row["name"] or "").strip()
        lat, lon = _coord(row["lat"] or "", 90), _coord(row["lon"] or "", 180)
        basis = (row["coord_basis"] or "").strip()
        source = (row["coord_source"] or "").strip()
        if not name or lat is None or lon is None:
            problems.append(f"{where}: needs a name and an in-range lat/lon")
        elif basis not in ("sourced", "approximate"):
            problems.append(f"{where}: {name}: coord_basis must be sourced or approximate")
        elif not source:
            problems.append(f"{where}: {name}: coord_source is empty")
        else:
            rows.append({
                "name": name, "aliases": _merge_aliases(name, _split(row["aliases"] or "")),
                "lat": lat, "lon": lon, "kind": (row["kind"] or "").strip(),
                "township": (row["township"] or "").strip(),
                "district": (row["district"] or "").strip(),
                "state": (row["state"] or "").strip(), "pcode": "",
                "coord_basis": basis, "coord_source": source,
            })
    return rows


def _check_names(rows: list[dict[str, str]], problems: list[str]) -> None:
    """No name or alias may name two places in one township (compared case-insensitively)."""
    owner: dict[tuple[str, str, str], str] = {}
    for row in rows:
        area = (row["township"].casefold(), row["state"].casefold())
        for form in {row["name"], *_split(row["aliases"])}:
            key = (form.casefold(), *area)
            other = owner.setdefault(key, row["name"])
            if other != row["name"]:
                problems.append(f"{form!r} names both {other!r} and {row['name']!r} in "
                                f"{row['township']} Township ({row['state']})")


def build() -> str:
    """Return the text of ``places.csv`` built from the inputs.

    Raises
    ------
    BuildError
        Listing every malformed input row (``file:line: problem``); nothing is written.
    """
    problems: list[str] = []
    rows = _mimu_rows(problems) + _extra_rows(problems)
    _check_names(rows, problems)
    if problems:
        raise BuildError(problems)
    rows.sort(key=lambda r: (r["state"], r["district"], r["township"], r["name"], r["pcode"]))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write ``data/places.csv``, or with ``--check`` compare it with a fresh build."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if data/places.csv differs from a fresh build")
    args = parser.parse_args(argv)
    try:
        text = build()
    except BuildError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 1
    if args.check:
        current = PLACES_CSV.read_text(encoding="utf-8") if PLACES_CSV.exists() else ""
        if current != text:
            print(f"{PLACES_CSV} is out of date: run python data/build/build_places.py",
                  file=sys.stderr)
            return 1
        print(f"{PLACES_CSV}: up to date ({text.count(chr(10)) - 1} places)")
        return 0
    PLACES_CSV.write_text(text, encoding="utf-8")
    print(f"wrote {PLACES_CSV} ({text.count(chr(10)) - 1} places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

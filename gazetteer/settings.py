"""Where the project's data lives, in one place so the package, tests and scripts agree.

Plain module variables (the model: osmnx's ``settings``):

PACKAGE_DIR, ROOT_DIR : Path
    The package folder and the project folder above it.
DATA_DIR, SEEDS_DIR : Path
    ``data/`` (the committed tables) and ``seeds/`` (the five seed articles).
PLACES_CSV, BOUNDARIES_GEOJSON, EVENTS_CSV, BASELINE_CSV : Path
    The gazetteer table, the state boundaries (WGS84), the seeds' committed event table
    and the assumed baseline of who held what.
VILLAGES_CSV, BASES_CSV : Path
    MIMU's villages and wards (read on first use) and the sourced military-base table.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent
DATA_DIR = ROOT_DIR / "data"
SEEDS_DIR = ROOT_DIR / "seeds"
PLACES_CSV = DATA_DIR / "places.csv"
VILLAGES_CSV = DATA_DIR / "villages.csv"
BASES_CSV = DATA_DIR / "bases.csv"
BOUNDARIES_GEOJSON = DATA_DIR / "boundaries.geojson"
EVENTS_CSV = DATA_DIR / "events.csv"
BASELINE_CSV = DATA_DIR / "baseline.csv"

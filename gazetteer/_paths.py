"""Where the project's data lives. One place, so tests and scripts agree."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent
DATA_DIR = ROOT_DIR / "data"
SEEDS_DIR = ROOT_DIR / "seeds"
PLACES_CSV = DATA_DIR / "places.csv"
BOUNDARIES_GEOJSON = DATA_DIR / "boundaries.geojson"
EVENTS_CSV = DATA_DIR / "events.csv"
BASELINE_CSV = DATA_DIR / "baseline.csv"

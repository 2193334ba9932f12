"""The committed data/events.csv is exactly a fresh extraction of seeds/."""

from __future__ import annotations

import io

import pandas as pd

from gazetteer.extract import EVENT_COLUMNS, EXTRA_COLUMNS, extract_folder
from gazetteer.settings import EVENTS_CSV, SEEDS_DIR

HINT = "data/events.csv is stale: run `make data` (or `python -m gazetteer extract seeds " \
       "--out data/events.csv --force`) and commit the result"


def test_committed_events_match_a_fresh_extraction() -> None:
    assert EVENTS_CSV.is_file(), f"data/events.csv is missing: {HINT}"
    fresh, _ = extract_folder(SEEDS_DIR)
    buffer = io.StringIO()
    fresh.to_csv(buffer, index=False, lineterminator="\n")
    committed = EVENTS_CSV.read_text(encoding="utf-8")
    if committed != buffer.getvalue():
        old = pd.read_csv(EVENTS_CSV, dtype=str, keep_default_na=False)
        new = pd.read_csv(io.StringIO(buffer.getvalue()), dtype=str, keep_default_na=False)
        gone = set(old["event_id"]) - set(new["event_id"])
        added = set(new["event_id"]) - set(old["event_id"])
        raise AssertionError(f"{HINT}. Rows only in the committed file: {sorted(gone)}; "
                             f"only in a fresh extraction: {sorted(added)}")


def test_committed_events_follow_the_contract() -> None:
    frame = pd.read_csv(EVENTS_CSV, dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == EVENT_COLUMNS + EXTRA_COLUMNS
    assert frame["event_id"].is_unique

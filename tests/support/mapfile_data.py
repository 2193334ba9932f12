"""Shared data for the map file's tests: the seed events, a hostile event, and a decoder of
the file's tables written from the format's description in gazetteer/mapdata.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from gazetteer.mapdata import PRECISIONS, epoch_day
from gazetteer.timeline import STATUSES

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "data" / "events.csv"
BASELINE = ROOT / "data" / "baseline.csv"
HOSTILE = ('Fighters overran the camp <img src=x onerror="window.__pwned=1"> and '
           "</script><script>window.__pwned=2</script> {{ 7*7 }} {% x %} `${y}` "
           "it's\u2028done & over.")
HOSTILE_PLACE = 'Camp <b>"Nine"</b>'


def seed_events() -> pd.DataFrame:
    return pd.read_csv(EVENTS, dtype=str, keep_default_na=False)


def hostile_events() -> pd.DataFrame:
    """The seed events plus a capture at a made-up place whose excerpt is all markup."""
    row = {"event_id": "evil1", "date": "2024-12-01", "date_precision": "day",
           "event_type": "capture", "place": HOSTILE_PLACE, "lat": "25.0", "lon": "97.0",
           "actor": "KIA", "target": "junta", "source_file": "evil <i>file</i>.txt",
           "published": "2024-12-02", "excerpt": HOSTILE, "char_start": "0",
           "char_end": str(len(HOSTILE)), "confidence": "0.9"}
    return pd.concat([seed_events(), pd.DataFrame([row])], ignore_index=True)


# -- the decoder ------------------------------------------------------------------------
def decode_intervals(data: dict, i: int) -> list[dict]:
    flat, first, out, j = data["iv"][i], data["rows"]["ro"][i], [], 0
    prev_start, prev_rows = None, []
    bits = {name: 1 << b for b, name in enumerate(
        ("changed_none", "changed_given", "since_none", "since_given", "inherit", "count"),
        start=13)}
    while j < len(flat):
        start = flat[j] if prev_start is None else prev_start + flat[j]
        code = flat[j + 1]
        j += 2
        values = []
        for none, given in (("changed_none", "changed_given"), ("since_none", "since_given")):
            if code & bits[none]:
                values.append(None)
            elif code & bits[given]:
                values.append(start + flat[j])
                j += 1
            else:
                values.append(start)
        count = 1
        if code & bits["count"]:
            count, j = flat[j], j + 1
        rows = (list(prev_rows) if code & bits["inherit"] else []) + \
            [first + r for r in flat[j:j + count]]
        j += count
        out.append({"start": start, "status": STATUSES[code & 7],
                    "assumed": bool(code >> 3 & 1), "disputed": bool(code >> 4 & 1),
                    "precision": PRECISIONS[code >> 5 & 3], "changed": values[0],
                    "since": values[1], "rows": rows})
        prev_start, prev_rows = start, rows
    return out


def state_from_data(data: dict, i: int, day: dt.date) -> dict | None:
    target = epoch_day(day)
    found = [iv for iv in decode_intervals(data, i) if iv["start"] <= target]
    if not found:
        return None
    iv = found[-1]
    recent = iv["changed"] is not None and 0 <= target - iv["changed"] < data["recent"]
    return {**iv, "recent": recent}


def row_days(data: dict) -> list[int | None]:
    rows, out = data["rows"], []
    for p in range(len(rows["ro"]) - 1):
        prev = None
        for d in rows["rd"][rows["ro"][p]:rows["ro"][p + 1]]:
            out.append(d if prev is None or d is None else prev + d)
            prev = out[-1] if d is not None else prev
    return out


def row_texts(data: dict) -> list[str]:
    rows = data["rows"]
    reused = dict(zip(rows["rx"][::2], rows["rx"][1::2], strict=True))
    out, nxt = [], 0
    for r in range(len(rows["rc"])):
        if r in reused:
            out.append(rows["texts"][reused[r]])
        else:
            out.append(rows["texts"][nxt])
            nxt += 1
    return out

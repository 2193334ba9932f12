"""The self-contained map file: its data tables decode to the timeline, its HTML inlines
everything, asks for nothing, and carries hostile text only as escaped JSON."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import json
import re

import pandas as pd
import pytest
from support.mapfile_data import (
    BASELINE,
    HOSTILE,
    HOSTILE_PLACE,
    decode_intervals,
    hostile_events,
    row_days,
    row_texts,
    seed_events,
    state_from_data,
)

from gazetteer import mapdata
from gazetteer.escaping import js_json
from gazetteer.events import event_label
from gazetteer.mapdata import BEFORE_RECORD, PRECISIONS, epoch_day, map_data
from gazetteer.mapfile import file_boundaries, leaflet_assets, map_file_html
from gazetteer.palette import LABELS, PALETTE, marker_style
from gazetteer.timeline import STATUSES, Timeline


# -- data ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds() -> tuple[Timeline, pd.DataFrame, dict]:
    events = seed_events()
    timeline = Timeline.from_events(events, baseline=BASELINE)
    return timeline, events, map_data(timeline, events)


def test_intervals_decode_to_the_timelines_state_on_every_day(seeds):
    timeline, _, data = seeds
    first, last = dt.date(2021, 1, 1), dt.date(2025, 9, 1)
    days = [first + dt.timedelta(days=d) for d in range(0, (last - first).days, 3)]
    names = data["places"]["name"]
    for day in days:
        state = timeline.state_on(day).set_index("place")
        for i, name in enumerate(names):
            want, got = state.loc[name], state_from_data(data, i, day)
            if got is None:
                assert want["status"] == "unknown"
                continue
            assert got["status"] == want["status"], (name, day)
            assert got["assumed"] == bool(want["assumed"]), (name, day)
            assert got["disputed"] == bool(want["disputed"]), (name, day)
            assert got["recent"] == bool(want["changed_recently"]), (name, day)
            since = "" if got["since"] is None else (
                dt.date(1970, 1, 1) + dt.timedelta(days=got["since"])).isoformat()
            assert want["since"] in ("", since[:len(want["since"])]), (name, day)


def test_rows_keep_excerpt_file_date_and_the_states_reports(seeds):
    timeline, events, data = seeds
    rows, names = data["rows"], data["places"]["name"]
    texts, days = row_texts(data), row_days(data)
    by_id = events.set_index("event_id")
    ntypes = len(rows["types"])
    # a row's type is the event's type in words ("partial capture" for extent "partial")
    labels = pd.Series([event_label(t, x) for t, x in zip(events["event_type"],
                                                          events["extent"], strict=True)],
                       index=events.index)
    seen = set()
    for p, name in enumerate(names):
        for r in range(rows["ro"][p], rows["ro"][p + 1]):
            code = rows["rc"][r]
            kind, prec = code >> 2, code & 3
            match = events[(events["place"] == name) & (events["excerpt"] == texts[r])
                           & (labels == rows["types"][kind % ntypes])]
            assert len(match) >= 1, (name, texts[r])
            ev = match.iloc[0]
            assert rows["actors"][kind // ntypes] == ev["actor"]
            assert rows["files"]["name"][rows["rf"][r]] == ev["source_file"]
            assert PRECISIONS[prec] == ev["date_precision"]
            assert days[r] == epoch_day(dt.date.fromisoformat(
                ev["date"] if prec == 0 else ev["date"] + ("-01" if prec == 1 else "-01-01")))
            seen.update(match["event_id"])
    # every report behind a state is one of the place's rows with the same excerpt
    for i, name in enumerate(names):
        for (start, st), iv in zip(timeline.intervals(name), decode_intervals(data, i),
                                   strict=True):
            assert iv["start"] == (BEFORE_RECORD if start is None else epoch_day(start))
            assert sorted(texts[r] for r in iv["rows"]) == sorted(
                by_id.loc[e, "excerpt"] for e in st.event_ids)
    assert seen == set(events["event_id"])


def test_undated_events_are_not_shown_as_sourced_dates():
    events = seed_events().head(1).copy()
    events.loc[:, "date"] = ""
    events.loc[:, "date_precision"] = ""
    timeline = Timeline.from_events(events)
    data = map_data(timeline, events)
    i = data["places"]["name"].index(events["place"].iat[0])
    iv = decode_intervals(data, i)[-1]
    assert iv["precision"] == "undated"
    assert PRECISIONS[data["rows"]["rc"][0] & 3] == "undated"


def test_styles_are_the_pages_marker_styles_and_colours():
    data = map_data(Timeline.from_events(seed_events()), seed_events())
    for s, status in enumerate(STATUSES):
        for flags in range(8):
            assert data["styles"][s * 8 + flags] == marker_style(
                status, assumed=bool(flags & 4), recent=bool(flags & 2),
                disputed=bool(flags & 1))
        assert data["palette"][s] == PALETTE[status]
        assert data["labels"][s] == LABELS[status]


def test_the_page_and_the_file_share_one_palette_and_one_escaping():
    from gazetteer.web import layers, render

    assert layers.marker_style is marker_style and layers.PALETTE is PALETTE
    assert render.js_json is js_json


def test_spread_positions_move_all_but_one_place_of_a_shared_point():
    pts = mapdata.spread_positions([(25.0, 97.0)] * 3 + [(24.0, 96.0)],
                                   approximate=[True, False, True, False],
                                   names=["b", "a", "c", "d"])
    assert pts[1] == (25.0, 97.0) and pts[3] == (24.0, 96.0)
    assert len(set(pts)) == 4


# -- html ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_html() -> str:
    events = hostile_events()
    return map_file_html(Timeline.from_events(events, baseline=BASELINE), events,
                         title="Map <b>title</b>", note="made for a <i>test</i>")


def data_block(text: str, block: str = "kcm-data") -> str:
    found = re.search(rf'<script type="application/json" id="{block}">(.*?)</script>',
                      text, re.S)
    assert found, block
    return found.group(1)


def test_hostile_excerpt_goes_in_as_escaped_json_only(hostile_html):
    raw = data_block(hostile_html)
    for bad in ("<", ">", "&", "'", "\u2028", "{{", "{%", "`", "$"):
        assert bad not in raw
    data = json.loads(raw)
    assert HOSTILE in data["rows"]["texts"]
    assert HOSTILE_PLACE in data["places"]["name"]
    assert "evil <i>file</i>.txt" in data["rows"]["files"]["name"]
    assert "<img" not in hostile_html and "<script>window" not in hostile_html
    assert "<title>Map &lt;b&gt;title&lt;/b&gt;</title>" in hostile_html
    assert "made for a &lt;i&gt;test&lt;/i&gt;" in hostile_html


def test_the_file_inlines_everything_and_names_no_address(hostile_html):
    html = hostile_html
    assert "<link" not in html and not re.search(r"<script[^>]+src=", html)
    assert "sourceMappingURL" not in html
    assert not re.search(r"url\(", html.split("<script")[0])          # no CSS url()
    assert "tile" not in data_block(html)
    css, js = leaflet_assets()
    assert js.strip() in html and "L.version" not in css               # Leaflet inline
    assert json.loads(data_block(html, "kcm-boundaries"))["features"]


def test_content_security_policy_allows_only_the_files_own_scripts(hostile_html):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                    hostile_html).group(1)
    assert "default-src 'none'" in csp and "img-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", hostile_html, re.S)
    assert len(scripts) == 3
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_boundaries_are_simplified_and_keep_every_myanmar_state():
    text = file_boundaries()
    data = json.loads(text)
    states = {f["properties"]["name"] for f in data["features"]
              if f["properties"]["country"] == "MMR"}
    assert {"Kachin", "Shan", "Sagaing", "Mandalay"} <= states and len(states) == 14
    assert len(text) < 100_000
    assert all(isinstance(f["properties"]["label_lat"], float) for f in data["features"])


def test_seed_map_file_size():
    from gazetteer.places import Gazetteer

    events = seed_events()
    html = map_file_html(Timeline.from_events(events, baseline=BASELINE), events,
                         places={p.name: p for p in Gazetteer.default().places})
    raw = html.encode("utf-8")
    assert len(raw) <= 400_000
    assert len(gzip.compress(raw)) <= 150_000


def test_a_large_map_file_stays_under_five_megabytes():
    from support.synthetic import synthetic_events

    events = synthetic_events(50_000, 2_000, seed=1)
    html = map_file_html(Timeline.from_events(events), events)
    assert len(html.encode("utf-8")) <= 5_000_000
    assert js_json("x") == '"x"'


def test_the_pages_download_is_the_map_file_on_the_pages_day():
    from gazetteer import web

    model = web.build_model(web.Options())
    html = web.map_file_text(model, dt.date(2024, 11, 21))
    data = json.loads(data_block(html))
    assert data["day"] == epoch_day(dt.date(2024, 11, 21))
    assert set(data["places"]["name"]) == set(model.timeline.places)
    assert "RFA" in data["rows"]["outlets"]
    later = json.loads(data_block(web.map_file_text(model, dt.date(2030, 1, 1))))
    assert later["day"] == later["last"]                                 # kept in range

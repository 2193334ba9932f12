"""Partial captures ("took much of the town"): written as a capture of ``extent`` "partial"
(no assault beside it), read by the timeline as a contested place, never a change of
control, exported to ACLED as a clash, and named "partial capture" wherever a reader sees
the event. Sentences are our own."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from support.extraction import run

from gazetteer.events import EXTRA_COLUMNS, event_label, is_partial
from gazetteer.exchange import to_acled
from gazetteer.mapdata import map_data
from gazetteer.timeline import Timeline
from gazetteer.web.panel import legend_html


def kinds(text: str) -> set[tuple[str, str, str]]:
    return {(event_label(e.event_type, e.extent), e.place, e.date) for e in run(text)
            if e.event_type in ("capture", "assault")}


@pytest.mark.parametrize("text, place, date", [
    ("Ta'ang fighters overran most of Kyaukme on 6 August.", "Kyaukme", "2024-08-06"),
    ("On Sunday the KIA said it had captured about half of Bhamo.", "Bhamo", "2024-12-08"),
    ("Much of Laukkai was seized by MNDAA troops on 3 January.", "Laukkaing", "2024-01-03"),
    ("Resistance forces took control of parts of Mansi on 2 November.", "Mansi",
     "2024-11-02"),
    ("The TNLA entered Namhsan in November and, on 2 December, captured much of the town.",
     "Namhsan", "2024-12-02"),
    ("The TNLA took the western part of Mogok on 16 July.", "Mogok", "2024-07-16"),
    ("Kachin fighters seized the eastern half of Bhamo on 3 December.", "Bhamo",
     "2024-12-03"),
    ("The army retook the northern parts of Kyaukme on 9 December.", "Kyaukme",
     "2024-12-09"),
    ("Ta'ang fighters took most of Kyaukme on 6 August.", "Kyaukme", "2024-08-06"),
    ("The TNLA captured the west of Mogok town on 16 July.", "Mogok", "2024-07-16"),
    ("On 3 December Kachin troops overran the north of Bhamo.", "Bhamo", "2024-12-03"),
])
def test_a_share_of_a_town_taken_is_a_partial_capture(text: str, place: str, date: str
                                                      ) -> None:
    got = kinds(text)
    assert ("partial capture", place, date) in got
    assert ("assault", place, date) not in got  # the partial capture is the contest
    assert not any(kind == "capture" for kind, _, _ in got)


@pytest.mark.parametrize("text", [
    "Kachin troops seized villages around Bhamo on 4 December.",
    "The army pushed into the outskirts of Hsipaw on Friday.",
    "The KIA is trying to capture most of Bhamo.",
    "Kachin troops seized a hill to the west of Bhamo on 4 December.",
    "Kachin troops seized a camp 10 km north of Bhamo on 4 December.",
])
def test_surroundings_and_attempts_are_no_partial_capture(text: str) -> None:
    assert not any(kind == "partial capture" for kind, _, _ in kinds(text))


def test_the_partial_capture_keeps_provenance_and_the_extent_column() -> None:
    text = "Rebels captured two thirds of Lashio on 20 July, residents said."
    events = run(text)
    part = [e for e in events if is_partial(e.event_type, e.extent)]
    assert len(part) == 1
    e = part[0]
    assert text[e.char_start:e.char_end] == e.excerpt
    assert text[e.highlight_start:e.highlight_end] == "captured"
    assert "extent" in EXTRA_COLUMNS and e.row()["extent"] == "partial"
    assert all(x.extent == "" for x in events if x is not e)


def _frame(text: str) -> pd.DataFrame:
    return pd.DataFrame([e.row() for e in run(text)])


def test_the_timeline_reads_a_partial_capture_as_contested_never_as_taken() -> None:
    frame = _frame("The TNLA captured much of Kyaukme on 6 August. It took the rest of "
                   "Kyaukme, the whole town, on 20 August.")
    frame = frame[~(frame["event_type"] == "assault")]  # the partial capture alone
    tl = Timeline.from_events(frame)
    on = tl.place_state("Kyaukme", "2024-08-10")
    assert on.status == "contested"
    assert "partial capture" in on.basis
    assert tl.place_state("Kyaukme", "2024-08-21").status == "other armed group"


def test_a_partial_capture_and_an_assault_are_one_contest() -> None:
    frame = _frame("KIA troops attacked Bhamo on 6 December and seized large parts of "
                   "Bhamo the same day.")
    assert sorted(frame["event_type"]) == ["assault", "capture"]
    tl = Timeline.from_events(frame)
    state = tl.place_state("Bhamo", "2024-12-07")
    assert state.status == "contested"
    assert set(state.event_ids) == set(frame["event_id"])
    assert "partial capture" in state.basis


def test_acled_export_writes_the_partial_capture_as_a_clash() -> None:
    frame = _frame("Kachin fighters seized large parts of Bhamo on 6 December.")
    rows = list(csv.DictReader(io.StringIO(to_acled(frame))))
    assert [(r["sub_event_type"], r["location"]) for r in rows] == [("Armed clash", "Bhamo")]


def test_acled_export_of_an_older_table_keeps_one_clash() -> None:
    # tables written before 2026-11 hold the assault once written beside each partial
    # capture (same article, place, day and excerpt): one clash, not two
    frame = _frame("Kachin fighters seized large parts of Bhamo on 6 December.")
    older = pd.concat([frame, frame.assign(event_type="assault", extent="",
                                           event_id="x" + frame["event_id"])])
    rows = list(csv.DictReader(io.StringIO(to_acled(older))))
    assert [r["sub_event_type"] for r in rows] == ["Armed clash"]


def test_map_file_and_legend_name_the_partial_capture() -> None:
    frame = _frame("Kachin fighters seized large parts of Bhamo on 6 December.")
    data = map_data(Timeline.from_events(frame), frame)
    assert "partial capture" in data["rows"]["types"]
    assert "Contested (assault or partial capture)" in data["legend"]
    assert "partial capture" in legend_html()

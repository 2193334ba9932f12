"""The page's logic through Streamlit's AppTest: dates, permalinks, the panel, bad input."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re

import pytest
from streamlit.testing.v1 import AppTest
from support.apptest import FIXTURE, ROOT, SEEDS, map_args, run_app

from gazetteer.web.layers import layer_call_args, published_json, script_markers


def markers(at: AppTest) -> dict[str, dict]:
    return {m["place"]: m for m in script_markers(map_args(at)["feature_group"])}


def panel(at: AppTest) -> str:
    bodies = [h.proto.body for h in at.html if 'class="kcm-panel"' in h.proto.body]
    assert len(bodies) == 1
    return bodies[0]


def messages(at: AppTest) -> str:
    """Warnings and errors as the page shows them (data in them is backslash-escaped)."""
    text = "\n".join(w.value for w in at.warning) + "\n".join(e.value for e in at.error)
    return re.sub(r"\\(.)", r"\1", text)


# -- the map's data -------------------------------------------------------------------------
def test_marker_sites_travel_once_per_session(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-19"})
    sites, url, _ = layer_call_args(map_args(at)["feature_group"], "feature_group_feature_group_0")
    assert sites and url                                 # the first map carries them
    at.slider(key="date").set_value(dt.date(2024, 11, 21)).run()
    again, same_url, day = layer_call_args(map_args(at)["feature_group"],
                                     "feature_group_feature_group_0")
    assert again is None and same_url == url              # a step carries only the day
    assert published_json(url) == sites                      # what a page that lost them gets
    assert day["key"] == markers_key(sites)


def markers_key(sites: list) -> str:
    from gazetteer.web.render import js_json

    return hashlib.sha256(js_json(sites).encode("utf-8")).hexdigest()[:16]


# -- dates --------------------------------------------------------------------------------
def test_default_view_shows_latest_date_and_offline_map(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE))
    assert at.slider[0].value == dt.date(2024, 12, 17)   # the last article's date
    args = map_args(at)
    assert all(u.startswith("../../app/static/vendor/") for u in
               args["js_links"] + args["css_links"])
    assert args["returned_objects"] == ["last_object_clicked", "last_object_clicked_count"]
    assert at.selectbox[0].value is None
    assert any("kcm-legend" in h.proto.body for h in at.html)


def test_moving_the_date_recolours_markers_and_keeps_the_base_map(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-19"})
    before, base = markers(at), map_args(at)["script"]
    assert before["Kan Paik Ti"]["style"]["status"] == "BGF/militia"
    at.slider[0].set_value(dt.date(2024, 11, 21)).run()
    after = markers(at)
    assert after["Kan Paik Ti"]["style"]["status"] == "KIA"
    assert after["Kan Paik Ti"]["style"]["fillColor"] != before["Kan Paik Ti"]["style"][
        "fillColor"]
    assert "kcm-recent" in after["Kan Paik Ti"]["style"]["className"]
    assert map_args(at)["script"] == base            # same base map: no iframe remount
    assert at.query_params["date"] == "2024-11-21"


def test_previous_and_next_change_buttons(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    at.button[1].click().run()   # next change
    assert at.slider[0].value == dt.date(2024, 12, 4)
    at.button[0].click().run()   # previous change
    at.button[0].click().run()
    assert at.slider[0].value == dt.date(2024, 10, 18)


def test_play_steps_through_changes_and_stops_at_the_end(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-12-10"})
    at.select_slider[0].set_value("fast (0.4 s a step)")
    at.toggle(key="playing").set_value(True).run()
    assert at.slider[0].value == dt.date(2024, 12, 15)   # the last change
    assert at.toggle(key="playing").value is False       # and Play stopped there


# -- permalinks ---------------------------------------------------------------------------
def test_permalink_reopens_date_and_place(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE),
                 params={"date": "2024-11-21", "place": "Kan Paik Ti"})
    assert at.slider[0].value == dt.date(2024, 11, 21)
    assert at.selectbox[0].value == "Kan Paik Ti"
    assert not at.warning
    assert at.query_params["place"] == "Kan Paik Ti"


@pytest.mark.parametrize(("params", "text"), [
    ({"date": "2024-13-45"}, "is not a YYYY-MM-DD date"),
    ({"date": "1999-01-01"}, "is outside the data"),
    ({"date": "2024-11-21", "place": "Atlantis"}, "'Atlantis' is not on the map"),
])
def test_invalid_permalink_values_warn_and_fall_back(monkeypatch, params, text):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params=params)
    assert text in messages(at)
    expected = dt.date(2024, 11, 21) if params["date"] == "2024-11-21" else dt.date(2024, 12,
                                                                                     17)
    assert at.slider[0].value == expected
    assert at.selectbox[0].value is None


# -- the source panel ---------------------------------------------------------------------
def test_panel_for_a_chosen_place(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    at.selectbox[0].set_value("Kan Paik Ti").run()
    html = panel(at)
    assert "Waingmaw Township" in html and "MMR001002703" in html and "Kanpaikti" in html
    assert "KIA and allies</strong> since 2024-11-20" in html
    assert "BGF / junta-aligned militia" in html                  # the history's baseline
    assert "<strong>RFA</strong>, published 2024-11-21" in html
    assert "001_6eea88aa589c2e7f.txt" in html and "002_b6e1c9c5c40487a0.txt" in html
    assert '<mark class="kcm-event">captured</mark>' in html        # the event words
    # newest first: KNG (2024-12-10) before RFA (2024-11-21)
    assert html.index("002_b6e1c9c5c40487a0.txt</code>") < html.index(
        "001_6eea88aa589c2e7f.txt</code>")


def test_panel_says_when_the_day_or_the_location_is_not_known(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE),
                 params={"date": "2024-12-17", "place": "Sumprabum"})
    assert "since May 2024 (the day is not known)" in panel(at)
    at.selectbox[0].set_value("La He Si Bum").run()
    assert "Approximate location" in panel(at)


def test_panel_follows_the_date(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE),
                 params={"date": "2024-12-03", "place": "Bhamo"})
    assert "Junta (Myanmar military)</strong> as of 2021-02-01" in panel(at)
    at.slider[0].set_value(dt.date(2024, 12, 5)).run()
    assert "Contested</strong> since 2024-12-04" in panel(at)
    assert at.selectbox[0].value == "Bhamo"


def event_rows(at: AppTest) -> list[list[str]]:
    """The events table's rows (cells as text), parsed from its escaped HTML."""
    [body] = [h.proto.body for h in at.html if 'class="kcm-events"' in h.proto.body]
    rows = re.findall(r"<tr data-event-id=.*?</tr>", body, re.DOTALL)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in
             re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)] for row in rows]


def test_events_table_up_to_date_and_filters(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    rows = event_rows(at)
    assert max(r[0] for r in rows) == "2024-11-20"
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), reverse=True)  # newest first
    assert "Bhamo" not in {r[2] for r in rows}      # the offensive starts on 4 December
    assert any(r[5] == "RFA" and "captured it" in r[8] for r in rows)
    at.multiselect[0].set_value(["Kan Paik Ti"]).run()
    assert {r[2] for r in event_rows(at)} == {"Kan Paik Ti"}
    at.multiselect[0].set_value([]).run()
    at.multiselect[1].set_value(["MNDAA"]).run()
    assert event_rows(at) == []                     # Lashio's report is dated 10 December
    assert "No event up to this date matches" in " ".join(h.proto.body for h in at.html)


# -- bad input ----------------------------------------------------------------------------
def test_bad_rows_are_listed_and_the_rest_is_drawn(monkeypatch, tmp_path):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    bad = lines[1].split(",")
    bad[5] = "north"                                   # lat
    path = tmp_path / "events.csv"
    path.write_text("\n".join([*lines, ",".join(bad)]) + "\n", encoding="utf-8")
    at = run_app(monkeypatch, "--events", str(path), params={"date": "2024-11-21"})
    text = messages(at)
    assert f"{path}:{len(lines) + 1}: skipped row" in text and "north" in text
    assert markers(at)["Kan Paik Ti"]["style"]["status"] == "KIA"


def test_unreadable_articles_are_reported_and_the_rest_is_extracted(monkeypatch, tmp_path):
    for name in ("001_6eea88aa589c2e7f.txt", "002_b6e1c9c5c40487a0.txt"):
        (tmp_path / name).write_bytes((SEEDS / name).read_bytes())
    (tmp_path / "010_empty.txt").write_bytes(b"")
    (tmp_path / "011_latin1.txt").write_bytes("KIA troops seized Bhamo \xe9".encode("latin-1"))
    at = run_app(monkeypatch, "--seeds", str(tmp_path), params={"date": "2024-11-21"})
    text = messages(at)
    assert "010_empty.txt" in text and "011_latin1.txt" in text
    assert markers(at)["Kan Paik Ti"]["style"]["status"] == "KIA"


def test_missing_event_table_shows_an_error_not_a_crash(monkeypatch, tmp_path):
    at = run_app(monkeypatch, "--events", str(tmp_path / "nope.csv"))
    assert "Could not load the events" in messages(at)
    assert "nope.csv" in messages(at)


def test_unknown_argument_is_reported(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), "--colour", "red")
    assert "ignored unknown argument '--colour'" in messages(at)


def test_disputed_dates_are_flagged_on_the_map_and_in_the_panel(monkeypatch, tmp_path):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    rfa = next(line for line in lines if line.startswith("f87f6453cd4a"))
    path = tmp_path / "events.csv"
    # a second report of the same capture, dated a day earlier by "another outlet"
    path.write_text("\n".join([*lines, rfa.replace("f87f6453cd4a,2024-11-20",
                                                    "aaaaaaaaaaaa,2024-11-19")]) + "\n",
                    encoding="utf-8")
    at = run_app(monkeypatch, "--events", str(path),
                 params={"date": "2024-11-21", "place": "Kan Paik Ti"})
    style = markers(at)["Kan Paik Ti"]["style"]
    assert style.get("dashArray") and "kcm-disputed" in style["className"]
    assert "Sources disagree" in panel(at) and "2024-11-19" in panel(at)


def test_streamlit_config_keeps_the_app_offline():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["browser"]["serverAddress"]          # no external-IP lookup at start
    assert config["server"]["enableStaticServing"] is True


def test_layer_toggles_change_only_the_markers(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    base = map_args(at)["script"]
    assert "Myitkyina" in markers(at) and "Tanai" not in markers(at)
    at.checkbox(key="show_assumed").uncheck().run()
    assert "Myitkyina" not in markers(at)                 # an assumed baseline, hidden
    assert "Laiza" in markers(at)                         # a supported one stays
    at.checkbox(key="show_unreported").check().run()
    tanai = markers(at)["Tanai"]                          # a Kachin town no article names
    assert tanai["style"]["status"] == "unknown"
    assert map_args(at)["script"] == base


# -- what a date step redraws ----------------------------------------------------------------
def blocks_of_type(node, kind: str) -> list:
    """Every block of ``kind`` (``popover``, ...) under ``node``, depth first."""
    found = []
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", "") == kind:
            found.append(child)
        found += blocks_of_type(child, kind)
    return found


def test_a_date_step_redraws_no_stylesheet_and_keeps_the_downloads_in_a_menu(monkeypatch):
    at = run_app(monkeypatch, "--events", str(FIXTURE),
                 params={"date": "2024-11-19", "place": "Kan Paik Ti"})
    at.slider(key="date").set_value(dt.date(2024, 11, 21)).run()
    bodies = [h.proto.body for h in at.html]
    # one stylesheet, drawn above the date's view; the view's blocks bring none of their own
    [style] = [b for b in bodies if "<style" in b]
    assert all(f".{name}" in style for name in ("kcm-panel", "kcm-legend", "kcm-events",
                                                "kcm-heading"))
    assert any('class="kcm-panel"' in b for b in bodies)
    # the date's headings are plain HTML, as the tests of the page read them
    assert '<p class="kcm-heading"><strong>Control on 2024-11-21</strong></p>' in bodies
    assert '<h3 class="kcm-heading">Events up to 2024-11-21</h3>' in bodies
    assert not [h for h in at.subheader if "Events up to" in h.value]
    # the downloads keep their day in label and file name, inside a closed menu
    [menu] = [p for p in blocks_of_type(at.main, "popover")
              if p.proto.popover.label.startswith("Download")]
    inside = [e.proto for e in blocks_of_type(menu, "download_button")]
    assert [b.label for b in inside] == [b.proto.label for b in at.get("download_button")]
    assert "Control on 2024-11-21 (GeoJSON)" in [b.label for b in inside]
    # the events' two filters share one popover, which names how many values are chosen
    at.multiselect(key="pick_places").set_value(["Kan Paik Ti"]).run()
    [filters] = [p for p in blocks_of_type(at.main, "popover")
                 if p.proto.popover.label.startswith("Filter by place or actor")]
    assert filters.proto.popover.label == "Filter by place or actor (1 chosen)"
    assert len(blocks_of_type(filters, "multiselect")) == 2


def test_headings_are_escaped_html():
    from gazetteer.web import heading_html

    assert heading_html("Events <b>up</b> & co") == \
        '<h3 class="kcm-heading">Events &lt;b&gt;up&lt;/b&gt; &amp; co</h3>'
    assert heading_html('On "2024-11-21"', level=0) == \
        '<p class="kcm-heading"><strong>On &quot;2024-11-21&quot;</strong></p>'
    with pytest.raises(ValueError):
        heading_html("x", level=7)

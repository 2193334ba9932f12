"""Kachin control map: who controls which town, and when, with the source for every claim.

Run with ``make run`` or ``streamlit run dashboard.py [-- --seeds DIR | --events FILE]``.
This file only lays the page out; the logic lives in :mod:`gazetteer.app`.

The map is drawn first, before the sidebar's widgets (which read the same session state),
so that after a slider step its new markers are among the first things the browser gets.
"""

from __future__ import annotations

import sys
import time

import streamlit as st
from streamlit_folium import st_folium

from gazetteer import app
from gazetteer.mapview import base_map, place_at, static_boundaries_url

st.set_page_config(page_title="Kachin control map", page_icon="🗺️", layout="wide")
app.ensure_static_assets()
model = app.cached_model(app.parse_options(sys.argv[1:]))
ss = st.session_state

# -- the view: from the URL on first load, then from the widgets, buttons and Play --------
if "date" not in ss:
    link = app.read_permalink(st.query_params, first=model.first, last=model.last,
                              places=model.timeline.places)
    ss.update(date=link.day or model.last, place=link.place, link_messages=link.messages,
              show_assumed=True, show_unreported=False)
if "next_date" in ss:
    ss["date"] = ss.pop("next_date")
if ss.pop("stop_playing", False):
    ss["playing"] = False
day = ss["date"]


def _step(direction: int) -> None:
    find = app.next_change if direction > 0 else app.prev_change
    target = find(ss["date"], model.changes)
    if target is not None:
        ss["date"] = target


def _rewind_if_at_end() -> None:
    if ss.get("playing") and app.next_change(ss["date"], model.changes) is None:
        ss["date"] = model.first


# -- title and problems -----------------------------------------------------------------
st.title("Kachin State: who controls which town, and when")
st.caption("Every marker rests on dated news excerpts: click a place to read them. "
           "Hollow markers are assumptions no article supports.")
for message in ss.get("link_messages", ()):
    st.warning(message)
for error in model.data.errors:
    st.error(f"Could not load the events: {error}")
if model.warnings:
    with st.expander(f"⚠️ {len(model.warnings)} problem(s) while loading; what was skipped"):
        st.warning("\n".join(f"- {w}" for w in model.warnings))

# -- the map (fixed base, markers for the day) and the source panel ----------------------
map_col, panel_col = st.columns([3, 2], gap="medium")
markers = model.layer(day, unreported=ss["show_unreported"], assumed=ss["show_assumed"])
with map_col:
    st.markdown(f"**Control on {day.isoformat()}**")
    clicked = st_folium(
        base_map(boundaries_url=static_boundaries_url()),
        feature_group_to_add=markers,
        returned_objects=["last_object_clicked", "last_object_clicked_count"],
        key="map", height=620, use_container_width=True,
        render=False,  # a fresh map: st_folium renders what it sends; no full-page render
    )
    st.html(app.legend_html())
click = (clicked or {}).get("last_object_clicked")
click_id = (repr(click), (clicked or {}).get("last_object_clicked_count"))
if click and click_id != ss.get("seen_click"):
    ss["seen_click"] = click_id
    ss["place"] = place_at(click, markers) or ss.get("place")

with panel_col:
    names = sorted(set(model.timeline.places) | {m["place"] for m in markers.markers})
    if ss.get("place") not in names:
        ss["place"] = None
    place = st.selectbox("Place", names, key="place",
                         placeholder="Click a marker or choose a place")
    if place:
        st.html(app.panel_html(model, place, day))
    else:
        st.info("Click a marker on the map, or choose a place above, to see its status, "
                "its control history and every excerpt that mentions it.")

st.query_params.from_dict({k: v for k, v in (("date", day.isoformat()), ("place", place))
                           if v})

# -- sidebar: time and layers -----------------------------------------------------------
with st.sidebar:
    st.header("Date")
    st.slider("Show control on", min_value=model.first, max_value=model.last, key="date",
              format="YYYY-MM-DD")
    back, forward = st.columns(2)
    back.button("◀ Previous", on_click=_step, args=(-1,), width="stretch",
                help="Jump to the previous change of control",
                disabled=app.prev_change(day, model.changes) is None)
    forward.button("Next ▶", on_click=_step, args=(1,), width="stretch",
                   help="Jump to the next change of control",
                   disabled=app.next_change(day, model.changes) is None)
    st.toggle("▶ Play through the changes", key="playing", on_change=_rewind_if_at_end)
    speed = st.select_slider("Speed", options=list(app.PLAY_SPEEDS), value="normal (1 s a step)")
    st.header("Layers")
    st.checkbox("Assumed baselines (hollow markers)", key="show_assumed")
    st.checkbox("Kachin towns no article mentions", key="show_unreported")
    st.caption("Boundaries and online OpenStreetMap tiles (off by default, they need the "
               "internet): the layer button at the map's top right.")
    st.header("Data")
    st.caption(f"Showing {len(model.data.events)} events from {model.data.source}.")
    if st.button("Reload data"):
        app.clear_caches()
        st.rerun()

# -- events up to the date --------------------------------------------------------------
st.subheader(f"Events up to {day.isoformat()}")
events = model.data.events
f1, f2 = st.columns(2)
pick_places = f1.multiselect("Filter by place", sorted(events["place"].dropna().unique()))
pick_actors = f2.multiselect("Filter by actor", sorted(
    set(events["actor"].dropna()) | set(events["target"].dropna()) - {""}))
st.html(app.events_table_html(app.events_table(model, day, places=pick_places,
                                               actors=pick_actors)))

# -- Play: step to the next change, then rerun ------------------------------------------
if ss.get("playing"):
    target = app.next_change(day, model.changes)
    if target is None:
        ss["stop_playing"] = True
        st.toast("Reached the last change.")
    else:
        time.sleep(app.PLAY_SPEEDS[speed])
        ss["next_date"] = target
    st.rerun()

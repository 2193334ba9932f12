"""Kachin control map: who controls which town, and when, with the source for every claim.

Run with ``make run`` or ``streamlit run dashboard.py [-- --db PATH | --seeds DIR | --events
FILE]``. Without ``--seeds``/``--events`` the page shows the corpus store (created with the
seeds on first start) and offers the review view; with them, a read-only view.
This file only lays the page out; the logic lives in :mod:`gazetteer.web`.

Everything that follows the date lives in one fragment (``date_view``): a slider step, a
button, Play or a click on the map reruns only that part, and the map's new markers are
among the first things the browser gets. The sidebar (layers, data, uploads) is drawn
after it and reruns the whole page.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit_folium import st_folium

from gazetteer import web
from gazetteer.errors import GazetteerError

st.set_page_config(page_title="Kachin control map", page_icon="🗺️", layout="wide")
web.ensure_static_assets()
options = web.parse_options(sys.argv[1:])
ss = st.session_state
stored = options.db is not None  # the corpus store: review, keep uploads, reviewed-only map
shared = web.cached_model(options, reviewed_only=stored and bool(ss.get("reviewed_only")))

# -- the sidebar's frame: layers are drawn at the end, uploads now ----------------------
with st.sidebar:
    layers_box = st.container()
    st.header("Your own sources")
    st.caption("Uploads are used in this browser session only"
               + (", unless you keep them in the corpus store below." if stored else
                  ": nothing is saved on the server and no file of the project is changed."))
    # in a popover: its file pickers and date field (and their 65 kB of code) reach the
    # browser only when opened, which a first visit on a slow link does not pay for
    with st.popover("Add articles or an event table", icon=":material/upload:",
                    width="stretch"):
        files = st.file_uploader("News articles (.txt, or saved web pages .html)",
                                 type=["txt", "html", "htm"], accept_multiple_files=True,
                                 # a new key once kept in the store: the uploader is emptied
                                 key="upload_articles" + (f"_{ss['upload_round']}"
                                                          if ss.get("upload_round") else ""))
        published = st.date_input(
            "Their publication date", value=None, key="upload_published",
            min_value=dt.date(1990, 1, 1), max_value=dt.date.today() + dt.timedelta(days=1),
            help="Used to resolve dates such as 'on Wednesday'. Leave empty when unknown: "
                 "then a 'date YYYY-MM-DD' first line, or only full dates in the text, "
                 "count.")
        table_file = st.file_uploader("An event table (CSV: ours or an ACLED export)",
                                      type=["csv"], key="upload_table")
        replace = st.toggle("Show only the uploaded table", key="upload_replace",
                            disabled=table_file is None)

# -- this session's uploads, merged into a model of its own -----------------------------
taken = set(shared.data.articles)
uploads, refused = [], []
for upload in files or []:
    name = web.upload_name(upload.name, taken)
    taken.add(name)
    if problem := web.too_large(name, upload.size, limit=web.MAX_UPLOAD_BYTES):
        refused.append(problem)  # never read into the extractor
        continue
    uploads.append(web.cached_extract_upload(name, upload.getvalue(), published=published))
table, table_warnings, table_error = None, [], ""
if table_file is not None:
    table_error = web.too_large(table_file.name, table_file.size, limit=web.MAX_TABLE_BYTES)
    try:
        if not table_error:
            table, table_warnings = web.read_event_upload(table_file.name,
                                                          table_file.getvalue())
    except GazetteerError as err:
        table_error = str(err)
model = web.session_model(shared, options, uploads=uploads, table=table,
                          table_name=table_file.name if table_file is not None else "",
                          table_warnings=table_warnings, replace=replace, store=ss)

# -- the view: from the URL on first load, then from the widgets, buttons and Play ------
if "date" not in ss:
    link = web.read_permalink(st.query_params, first=model.first, last=model.last,
                              places=model.timeline.places)
    ss.update(date=link.day or model.last, place=link.place, link_messages=link.messages,
              show_assumed=True, show_unreported=False, show_areas=False)


def _current_date() -> dt.date:
    """The date to show: Play's next step applied, kept within the data's range.

    Written back every run: when uploads change the slider's range (so its identity),
    Streamlit would otherwise reset the new slider to its minimum.
    """
    if "next_date" in ss:
        ss["date"] = ss.pop("next_date")
    if ss.pop("stop_playing", False):
        ss["playing"] = False
    day = min(max(ss["date"], model.first), model.last)
    # written only when it changes: writing the widget's value on every run makes the
    # browser take the server's value back, dropping key presses made during the run
    if day != ss["date"] or ss.get("date_range") != (model.first, model.last):
        ss["date"] = day
    ss["date_range"] = (model.first, model.last)
    return day


def _step(direction: int) -> None:
    find = web.next_change if direction > 0 else web.prev_change
    target = find(ss["date"], model.changes)
    if target is not None:
        ss["date"] = target


def _rewind_if_at_end() -> None:
    if ss.get("playing") and web.next_change(ss["date"], model.changes) is None:
        ss["date"] = model.first


def _pick_date() -> None:
    """A click on the trends chart: show the map on the picked date."""
    picked = web.date_from_selection(ss.get("trends"))
    if picked is not None:
        ss["date"] = min(max(picked, model.first), model.last)


def _rerun_view() -> None:
    """Rerun the date's view only; during a full run (Play's first step), the page."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:  # a fragment-only rerun needs a fragment run
        st.rerun()


def _keep_uploads(kept: list) -> None:
    """Store this session's uploads in the corpus store, then clear the uploader."""
    store = web.cached_store(options)
    notes = [web.keep_upload(store, up) for up in kept]
    ss["kept_uploads"] = "Kept in the corpus store: " + "; ".join(notes)
    ss["upload_round"] = ss.get("upload_round", 0) + 1


def _filter_label(places: list[str] | None, actors: list[str] | None) -> str:
    chosen = len(places or ()) + len(actors or ())
    return "Filter by place or actor" + (f" ({chosen} chosen)" if chosen else "")


# -- title and problems -----------------------------------------------------------------
st.html(web.page_style_html())  # phones: the map first, the time controls in a bottom bar
st.title("Kachin State: who controls which town, and when")
st.caption("Every marker rests on dated news excerpts: click a place to read them. "
           "Hollow markers are assumptions no article supports.")
# data (file names, places, outlets, URL values) reaches markdown only through md_text
for message in ss.get("link_messages", ()):
    st.warning(web.md_text(message))
for error in model.data.errors:
    st.error(f"Could not load the events: {web.md_text(error)}")
view = "Map"
if stored and not model.data.errors:
    view = st.segmented_control("View", ["Map", "Review"], default="Map", key="view",
                                label_visibility="collapsed") or "Map"
if model.warnings:
    with st.expander(f"⚠️ {len(model.warnings)} problem(s) while loading; what was skipped"):
        st.warning("\n".join(f"- {web.md_text(w)}" for w in model.warnings))


# -- the date's view: a fragment, so a date step reruns only this part ------------------
def draw_map(day: dt.date) -> tuple[object, object]:
    """The map (fixed base, the day's markers and areas) and its legend; a click on a
    marker or an area selects its place. Returns the markers and the areas layer."""
    shown = {"unreported": ss["show_unreported"], "assumed": ss["show_assumed"]}
    markers = model.layer(day, selected=ss.get("place"), **shown)
    # the places' positions ride along the first time this session gets them; later
    # steps carry only the day (the page keeps them, or fetches them if it lost them)
    markers.embed_sites = (markers.sites_url is None
                           or ss.get("sites_sent") != markers.sites.key)
    ss["sites_sent"] = markers.sites.key
    layers = [markers]  # the markers stay feature group 0; the areas, when on, are group 1
    areas = model.area_layer(day, **shown) if ss.get("show_areas") else None
    if areas is not None:
        layers.append(areas)
    st.html(web.heading_html(f"Control on {day.isoformat()}", level=0))
    clicked = st_folium(
        web.base_map(boundaries_url=web.static_boundaries_url()),
        feature_group_to_add=layers,
        returned_objects=["last_object_clicked", "last_object_clicked_count"],
        key="map", height=620, use_container_width=True,
        render=False,  # a fresh map: st_folium renders what it sends; no full-page render
    )
    st.html(web.legend_html(areas=areas is not None))
    if areas is not None:
        st.caption("Shaded areas are an approximation derived from point reports: each "
                   "place's area is the land nearer to it than to any other place on the "
                   "map, clipped to Myanmar. They are not front lines. Hatched areas rest "
                   "on an assumed baseline or an unknown status.")
    click = (clicked or {}).get("last_object_clicked")
    click_id = (repr(click), (clicked or {}).get("last_object_clicked_count"))
    if click and click_id != ss.get("seen_click"):
        ss["seen_click"] = click_id
        in_area = web.place_in_areas(click, model.cells(day, **shown)) if areas else None
        ss["place"] = web.place_at(click, markers) or in_area or ss.get("place")
    return markers, areas


def draw_panel(day: dt.date, markers) -> str | None:
    """"Find a place" and the source panel of the chosen place; returns the place."""
    names = model.remember(("place-names", markers.sites.key), lambda: sorted(
        set(model.timeline.places) | set(markers.sites.places)))
    # written back every run, like the date: new places (uploads) must not reset the choice
    ss["place"] = ss.get("place") if ss.get("place") in names else None
    # long lists of places sit in popovers: a closed one costs the browser nothing on a
    # date step, an open list of thousands of names would be drawn again each time
    with st.popover(web.md_text(ss["place"]) if ss["place"] else "Find a place",
                    icon=":material/search:", width="stretch"):
        place = st.selectbox("Place", names, key="place",
                             placeholder="Type a name, or click a marker on the map")
    if place:
        st.html(web.panel_html(model, place, day))
    else:
        st.info("Click a marker on the map, or choose a place above, to see its status, "
                "its control history and every excerpt that mentions it.")
    return place


def draw_time_controls(day: dt.date) -> str:
    """The date slider, previous and next change, Play and its speed; returns the speed."""
    st.slider("Show control on", min_value=model.first, max_value=model.last, key="date",
              format="YYYY-MM-DD")
    # one flex row, not columns: fewer blocks for the browser to draw on each step
    row = st.container(horizontal=True, vertical_alignment="center", gap="medium")
    row.button("◀ Previous", on_click=_step, args=(-1,),
               help="Jump to the previous change of control",
               disabled=web.prev_change(day, model.changes) is None)
    row.button("Next ▶", on_click=_step, args=(1,),
               help="Jump to the next change of control",
               disabled=web.next_change(day, model.changes) is None)
    row.toggle("▶ Play through the changes", key="playing", on_change=_rewind_if_at_end)
    return row.select_slider("Speed", options=list(web.PLAY_SPEEDS), width=260,
                             value="normal (1 s a step)", label_visibility="collapsed")


def draw_trends(day: dt.date) -> None:
    """The trend chart and what changed between two dates (drawn only when asked for)."""
    st.html(web.heading_html("Trends and what changed"))
    if not st.toggle("Show the trend chart and what changed between two dates",
                     key="show_trends"):
        return
    st.markdown("**Places held over time**")
    st.altair_chart(web.trends_chart(web.holdings(model, assumed=ss["show_assumed"]), day),
                    key="trends", on_select=_pick_date, selection_mode=web.TREND_SELECTION,
                    width="stretch")
    st.caption("Number of places on the map by status after each change (assumed "
               "baselines included when shown). The dashed line is the map's date; click "
               "a point to show the map on that date.")
    st.markdown("**What changed**")
    c_from, c_to, _ = st.columns([1, 1, 2])
    since = c_from.date_input("From", value=max(day - dt.timedelta(days=30), model.first),
                              min_value=model.first, max_value=model.last)
    until = c_to.date_input("To", value=day, min_value=model.first, max_value=model.last)
    st.html(web.events_table_html(
        web.changes_table(model, since, until),
        empty="No capture or new assault is dated between these days.",
        css_class="kcm-changes"))


def draw_events_table(day: dt.date) -> None:
    """The newest events up to the date, filtered by place or actor in popovers."""
    st.html(web.heading_html(f"Events up to {day.isoformat()}"))
    place_options, actor_options = web.filter_options(model)
    # both lists in one popover: fewer elements for the browser to redraw on each step
    with st.popover(_filter_label(ss.get("pick_places"), ss.get("pick_actors")),
                    icon=":material/filter_list:"):
        pick_places = st.multiselect("Filter by place", place_options, key="pick_places")
        pick_actors = st.multiselect("Filter by actor", actor_options, key="pick_actors")
    st.html(web.events_table_html(web.events_table(model, day, places=pick_places,
                                                   actors=pick_actors)))


def draw_downloads(day: dt.date) -> None:
    """The downloads, in a menu: each file is made only when clicked."""
    downloads = st.popover("Download the events or this map", icon=":material/download:")
    downloads.download_button(
        "Event table (CSV)", data=lambda: web.events_csv(model), file_name="events.csv",
        mime="text/csv", on_click="ignore",
        help="Every event shown, with its excerpt, article and offsets.")
    downloads.download_button(
        f"Control on {day.isoformat()} (GeoJSON)",
        data=lambda: web.state_geojson_text(model, day),
        file_name=f"control_{day.isoformat()}.geojson", mime="application/geo+json",
        on_click="ignore",
        help="One point per place, with its status and the excerpts behind it.")
    downloads.download_button(
        "Events in ACLED's layout (CSV)", data=lambda: web.acled_csv(model),
        file_name="events_acled.csv", mime="text/csv", on_click="ignore",
        help="Captures, assaults and airstrikes; the excerpt in 'notes'.")
    downloads.download_button(
        "The map as one file (HTML)", data=lambda: web.map_file_text(model, day),
        file_name=f"kachin_control_map_{day.isoformat()}.html", mime="text/html",
        on_click="ignore", icon=":material/download:",
        help="The map, its time slider and every excerpt in one file that opens in any "
             "browser, offline: to keep, or to send in a message.")



def play_step(day: dt.date, speed: str) -> None:
    """Play: wait, step to the next change, then rerun the date's view."""
    if not ss.get("playing"):
        return
    target = web.next_change(day, model.changes)
    if target is None:
        ss["stop_playing"] = True
        st.toast("Reached the last change.")
    else:
        time.sleep(web.PLAY_SPEEDS[speed])
        ss["next_date"] = target
    _rerun_view()


@st.fragment
def date_view() -> None:
    """Everything that follows the date, from the time controls to the downloads.

    A date step (slider, buttons, Play, the trend chart) or a click on the map reruns
    only this fragment: the title and the sidebar are not sent or drawn again.
    """
    day = _current_date()
    # above the map, filled after it: the map's update goes first (on a phone, a bar fixed
    # at the bottom of the screen: templates/page.css)
    controls = st.container(key="kcm_time")
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        markers, _areas = draw_map(day)
    with panel_col:
        place = draw_panel(day, markers)
    with controls:
        speed = draw_time_controls(day)
    draw_trends(day)
    draw_events_table(day)
    draw_downloads(day)
    # last: the browser's address changes after the view is drawn
    st.query_params.from_dict({k: v for k, v in (("date", day.isoformat()), ("place", place))
                               if v})
    play_step(day, speed)


if view == "Review":
    web.review_view(web.cached_store(options), places=sorted(model.places),
                    titles=model.remember("titles", lambda: {
                        f: a.get("title", "") for f, a in model.data.articles.items()}))
else:
    date_view()

# -- sidebar: layers and data (at the top of the sidebar), then upload reports ----------
with layers_box:
    st.header("Layers")
    st.checkbox("Areas of control (approximate)", key="show_areas",
                help="Each place's area is the land nearer to it than to any other place "
                     "shown: an approximation derived from point reports.")
    st.checkbox("Assumed baselines (hollow markers)", key="show_assumed")
    st.checkbox("Kachin towns no article mentions", key="show_unreported")
    st.caption("Boundaries and online OpenStreetMap tiles (off by default, they need the "
               "internet): the layer button at the map's top right.")
    st.header("Data")
    if stored:
        st.checkbox("Reviewed events only", key="reviewed_only",
                    help="Draw the map from the events an analyst confirmed or corrected")
        # here, not with the date's downloads: a date step does not redraw it
        st.download_button(
            "ACLED's layout, reviewed events only (CSV)",
            data=lambda: web.acled_csv(model, reviewed_only=True),
            file_name="events_acled_reviewed.csv", mime="text/csv", on_click="ignore",
            help="Only events an analyst confirmed or corrected.", width="stretch")
    st.caption(f"Showing {len(model.data.events)} events from "
               f"{web.md_text(model.data.source)}.")
    if st.button("Reload data"):
        web.clear_caches()
        st.rerun()
with st.sidebar:
    if table_error:
        st.error(f"The uploaded table was not used: {web.md_text(table_error)}")
    if table_warnings:
        st.warning(f"{len(table_warnings)} row(s) of the uploaded table were skipped:\n"
                   + "\n".join(f"- {web.md_text(w)}" for w in table_warnings))
    for problem in refused:
        st.warning(web.md_text(problem))
    for up in uploads:
        found = len(up.events)
        st.caption(web.md_text(f"{up.article['file']}: {found} event(s) extracted"
                               + (f" (published {up.article['published']})"
                                  if up.article["published"]
                                  else " (publication date unknown)")))
        for warning in up.warnings:
            st.warning(web.md_text(warning))
    if uploads and stored and not model.data.errors:
        st.button("Keep these articles in the corpus store", on_click=_keep_uploads,
                  args=(uploads,), width="stretch",
                  help="Store them (extracted, deduplicated) for every later session")
    if ss.get("kept_uploads"):
        st.success(web.md_text(ss["kept_uploads"]))
    if uploads:
        st.download_button("Events of the uploaded articles (CSV)",
                           data=lambda: web.upload_events_csv(uploads),
                           file_name="uploaded_events.csv", mime="text/csv",
                           on_click="ignore", width="stretch")

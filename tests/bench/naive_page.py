"""The naive dashboard, for comparison only: the real page, but the whole map is rebuilt.

It runs dashboard.py unchanged except that ``st_folium`` gets the markers inside the
map instead of as ``feature_group_to_add``: the map's script then differs on every date,
so streamlit-folium remounts its iframe and reloads Leaflet on each slider step (and the
zoom resets). The markers' sites are embedded in that script every time (the real page
sends them once per session). Everything else on the page is identical, so the benchmark
compares only the two ways of updating the map.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import streamlit_folium

_st_folium = streamlit_folium.st_folium


def _naive_st_folium(fig, *, feature_group_to_add=None, **kwargs):
    groups = feature_group_to_add
    if groups is not None and not isinstance(groups, list | tuple):
        groups = [groups]
    for group in groups or ():
        if hasattr(group, "embed_sites"):
            group.embed_sites = True  # a page drawn in one piece carries the sites each time
        group.add_to(fig)
    kwargs.pop("render", None)
    return _st_folium(fig, **kwargs)


streamlit_folium.st_folium = _naive_st_folium
runpy.run_path(str(Path(__file__).resolve().parents[2] / "dashboard.py"), run_name="__main__")

"""The web wing: the Streamlit page's logic, its folium map and its assets.

Only this subpackage imports streamlit, folium or altair, and only the entry points
(``dashboard.py``, and the CLI's map-drawing commands) import it; the pipeline never does.

- :mod:`~gazetteer.web.model`: the page's :class:`Model` (data, timeline, dates), built
  once per input, and per-session models with uploads.
- :mod:`~gazetteer.web.caches`: Streamlit's caches around loading and the model.
- :mod:`~gazetteer.web.permalink`: ``?date=...&place=...`` read back into a view.
- :mod:`~gazetteer.web.map` and :mod:`~gazetteer.web.layers`: the folium base map and
  the day's status and area layers; :mod:`~gazetteer.web.assets`: Leaflet
  served by the app itself.
- :mod:`~gazetteer.web.review_view`: the review view of a corpus store (queue,
  decisions, corrections), on :mod:`gazetteer.review`.
- :mod:`~gazetteer.web.panel` (source panel, legend), :mod:`~gazetteer.web.tables`
  (events table, what changed, downloads), :mod:`~gazetteer.web.charts` (trends) and
  :mod:`~gazetteer.web.uploads` (this session's uploads).

This package re-exports what ``dashboard.py`` uses, so the page reads ``web.panel_html``.
"""

from gazetteer.areas import place_in_areas
from gazetteer.timeline import next_change, prev_change
from gazetteer.web.caches import (
    cached_extract_upload,
    cached_model,
    cached_store,
    clear_caches,
    ensure_static_assets,
)
from gazetteer.web.charts import TREND_SELECTION, date_from_selection, holdings, trends_chart
from gazetteer.web.map import base_map, place_at, static_boundaries_url
from gazetteer.web.model import (
    PLAY_SPEEDS,
    Model,
    Options,
    build_model,
    parse_options,
    session_model,
)
from gazetteer.web.panel import heading_html, legend_html, page_style_html, panel_html
from gazetteer.web.permalink import Permalink, read_permalink
from gazetteer.web.review_view import review_view
from gazetteer.web.tables import (
    acled_csv,
    changes_table,
    events_csv,
    events_table,
    events_table_html,
    filter_options,
    map_file_text,
    state_geojson_text,
)
from gazetteer.web.text import md_text
from gazetteer.web.uploads import (
    MAX_TABLE_BYTES,
    MAX_UPLOAD_BYTES,
    keep_upload,
    read_event_upload,
    too_large,
    upload_events_csv,
    upload_name,
)

__all__ = [
    "MAX_TABLE_BYTES",
    "MAX_UPLOAD_BYTES",
    "PLAY_SPEEDS",
    "TREND_SELECTION",
    "Model",
    "Options",
    "Permalink",
    "acled_csv",
    "base_map",
    "build_model",
    "cached_extract_upload",
    "cached_model",
    "cached_store",
    "changes_table",
    "clear_caches",
    "date_from_selection",
    "ensure_static_assets",
    "events_csv",
    "events_table",
    "events_table_html",
    "filter_options",
    "heading_html",
    "holdings",
    "keep_upload",
    "legend_html",
    "map_file_text",
    "md_text",
    "next_change",
    "page_style_html",
    "panel_html",
    "parse_options",
    "place_at",
    "place_in_areas",
    "prev_change",
    "read_event_upload",
    "read_permalink",
    "review_view",
    "session_model",
    "state_geojson_text",
    "static_boundaries_url",
    "too_large",
    "trends_chart",
    "upload_events_csv",
    "upload_name",
]

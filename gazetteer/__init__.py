"""Who controls which town in Kachin State, and when: sourced and offline.

The pipeline, one module a step; data flows down this list::

    rules/*.toml, data/*.csv    the tables people edit (ruledata, settings: where they are)
        |
    names      names folded for comparison; spelling variants by rule (SPELLING_RULES)
    places     names -> coordinates (a geopy-style Gazetteer; fallback: GeoNames, Nominatim)
    villages   MIMU villages and wards, placed only where the context settles them
    bases      military bases at the town or village a cited source names
    articles   files -> Article (text cleaned, publication date and its basis)
    dates      "on Wednesday" -> a dated span, against the publication day
               (date_rules: the matcher; date_resolve: one expression's meaning)
        |
    extract/   Article -> Events with excerpt and offsets, and Candidates: matcher (rules
               compiled once), sentences, places (names, variants, bases), sites (camps,
               villages; anchors: where a named site is; units: battalions the gazetteer
               lacks; hamlets: villages named bare, where the article settles them),
               clauses (triggers, cues), objects (a phrase's places), references ("it",
               "the town"), roles (actor, target, date), quotes (a day inside a quote
               counted from its attribution), story (across sentences), article (assembly)
    events     the event table's contract: columns, types, dates at a precision
    store      the corpus store (SQLite): articles, events, candidates, review decisions
    storefile  the store file: its location, opening, schema checks and upgrades
    ingest     files, saved pages, URLs and feeds -> the store, extracted as added;
               re-extraction of the whole store
    review     the review queue, decisions bound to evidence, the effective event table
    sources    a folder (read once), an event table or the store -> LoadedData
    exchange   our CSV, ACLED's layout and GeoJSON, in and out
        |
    actors     who is on which side (data/actor_groups.csv)
    reports    event rows -> ControlEvents (merged across articles, disputes flagged)
    timeline   ControlEvents -> each place's status on any day (and prev/next change)
    areas      Voronoi cells of the places, clipped to Myanmar (boundaries)
    trends     holdings over time, what changed between two dates
        |
    mapdata    a timeline -> the map file's compact tables (every place's intervals, rows)
    mapfile    the self-contained map file: one HTML file, Leaflet and data inline
        |
    web/       the Streamlit page's wing: model, caches, permalink, map and layers,
               panel, tables, charts, uploads, review view, assets and templates. Only web/ imports
               streamlit, folium or altair, and only dashboard.py (and the CLI's
               map-drawing commands) import web/.

``cli`` is the command line (``python -m gazetteer``; the store's commands in
``cli_corpus``); ``errors`` the one exception tree (:class:`GazetteerError` and its
subclasses); ``palette`` the status colours and marker looks shared by every view of the
map; ``escaping`` text made safe for HTML and scripts; ``deploy`` serving the page behind
nginx (``make serve``).
"""

from gazetteer.errors import (
    AmbiguousPlace,
    ArticleError,
    DataFileError,
    EventTableError,
    GazetteerError,
    GeocoderUnavailable,
    PlaceNotFound,
)

__all__ = [
    "AmbiguousPlace",
    "ArticleError",
    "DataFileError",
    "EventTableError",
    "GazetteerError",
    "GeocoderUnavailable",
    "PlaceNotFound",
]
__version__ = "0.1.0"

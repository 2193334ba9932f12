"""Who controls which town in Kachin State, and when: sourced and offline.

The pipeline, one module a step: :mod:`gazetteer.places` (names to coordinates),
:mod:`gazetteer.articles` (loading news text), :mod:`gazetteer.extract` (dated control
events with provenance), :mod:`gazetteer.timeline` (status of each place on a day) and
:mod:`gazetteer.mapview` (the folium map).
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

"""The self-contained map file: one HTML file to keep, send or open offline.

Everything is inline: Leaflet (CSS and JS read from the installed ``xstatic-leaflet``
package), the boundaries (simplified, see :func:`file_boundaries`), and every place's whole
timeline with the excerpts behind it (:func:`gazetteer.mapdata.map_data`). The file's own
script (``mapfile_assets/mapfile.js``) draws the map and steps through dates in the page.

Opened from disk it makes no request: no tiles, no fonts, no source maps; a
Content-Security-Policy in the file forbids every fetch and allows only its own three
scripts (by their SHA-256), so even a script smuggled into the data could not run.

Escaping: the data goes in as JSON through :func:`gazetteer.escaping.js_json` (``<``,
``>``, ``&``, quotes and line separators as ``\\uXXXX``), so no excerpt can close its
``<script>`` element; the page inserts text with ``textContent`` only. The template is
filled by one pass of plain substitution: nothing inserted is read again as a template.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from gazetteer.boundaries import compact_boundaries
from gazetteer.errors import DataFileError
from gazetteer.escaping import js_json
from gazetteer.mapdata import map_data
from gazetteer.settings import BOUNDARIES_GEOJSON, PACKAGE_DIR
from gazetteer.timeline import Timeline

__all__ = ["ASSETS_DIR", "file_boundaries", "leaflet_assets", "map_file_html",
           "render_map_file", "write_map_file"]

ASSETS_DIR = PACKAGE_DIR / "mapfile_assets"
#: Simplification tolerance of the boundaries (degrees; shared borders stay shared).
SIMPLIFY_DEG = 0.02
_SLOT = re.compile(r"%%KCM_([A-Z_]+)%%")
_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--|<script", re.IGNORECASE)


def _asset(name: str) -> str:
    return (ASSETS_DIR / name).read_text(encoding="utf-8")


@cache
def leaflet_assets() -> tuple[str, str]:
    """Leaflet's CSS and JS from the ``xstatic-leaflet`` package, ready to inline.

    The source-map comment is dropped (a browser's developer tools would fetch it) and so
    is every CSS declaration that names a ``url()`` (Leaflet's icons and layer-switcher
    images, which the file does not use).

    Raises
    ------
    DataFileError
        The package's files are missing, or the script holds text that would end an
        inline ``<script>`` element.
    """
    import xstatic.pkg.leaflet as xs_leaflet

    base = Path(xs_leaflet.BASE_DIR)
    try:
        css = (base / "leaflet.css").read_text(encoding="utf-8")
        js = (base / "leaflet.js").read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(base, f"cannot read Leaflet ({err.strerror})") from err
    css = re.sub(r"[^;{}]*url\([^)]*\)[^;{}]*;?", "", css)
    js = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", js)
    if _UNSAFE_IN_SCRIPT.search(js) or "</style" in css.lower():
        raise DataFileError(base, "Leaflet's files cannot be inlined safely")
    return css, js


def file_boundaries(path: str | Path = BOUNDARIES_GEOJSON) -> str:
    """The boundaries as script-safe JSON text for the file (cached).

    Simplified together at :data:`SIMPLIFY_DEG` degrees (shared borders stay shared),
    neighbours clipped, coordinates to 0.001 degree, a label point in each unit (see
    :func:`gazetteer.boundaries.compact_boundaries`).

    Raises
    ------
    DataFileError
        The file is missing or not a GeoJSON FeatureCollection.
    """
    return compact_boundaries(path, simplify_deg=SIMPLIFY_DEG, label_points=True)


def _script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render_map_file(data: Mapping[str, Any], *, boundaries: str | None = None) -> str:
    """The HTML of a map file for ``data`` (:func:`gazetteer.mapdata.map_data`).

    Parameters
    ----------
    data : mapping
        The map's tables.
    boundaries : str, optional
        Script-safe GeoJSON text (:func:`file_boundaries`); the project's by default.
    """
    css, leaflet_js = leaflet_assets()
    scripts = {"LEAFLET_JS": leaflet_js, "LABELS_JS": _asset("labels.js"),
               "JS": _asset("mapfile.js")}
    for name, text in scripts.items():
        if name != "LEAFLET_JS" and _UNSAFE_IN_SCRIPT.search(text):
            raise DataFileError(ASSETS_DIR / name.lower(), "script cannot be inlined safely")
    csp = ("default-src 'none'; script-src " + " ".join(_script_hash(t) for t in
                                                         scripts.values())
           + "; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; "
           "form-action 'none'")
    slots = {**scripts, "CSP": csp, "LEAFLET_CSS": css, "CSS": _asset("mapfile.css"),
             "TITLE": html.escape(str(data.get("title", "")), quote=True),
             "NOTE": html.escape(str(data.get("note", "")), quote=True),
             "DATA": js_json(dict(data), compact=True),
             "BOUNDARIES": boundaries if boundaries is not None else file_boundaries()}
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("map.html"))


def map_file_html(timeline: Timeline, events: pd.DataFrame, *,
                  articles: Mapping[str, Mapping[str, Any]] | None = None,
                  places: Mapping[str, Any] | None = None, day: dt.date | None = None,
                  title: str = "Kachin control map", note: str = "",
                  boundaries: str | Path = BOUNDARIES_GEOJSON) -> str:
    """The map file's HTML for a timeline and its event table.

    Parameters are those of :func:`gazetteer.mapdata.map_data`; ``boundaries`` is the
    GeoJSON file to draw (simplified by :func:`file_boundaries`).
    """
    data = map_data(timeline, events, articles=articles, places=places, day=day,
                    title=title, note=note)
    return render_map_file(data, boundaries=file_boundaries(boundaries))


def write_map_file(path: str | Path, html_text: str) -> Path:
    """Write the map file (UTF-8); returns its path."""
    out = Path(path)
    out.write_text(html_text, encoding="utf-8")
    return out

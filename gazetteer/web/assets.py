"""Offline browser assets: Leaflet and the boundary GeoJSON served by the app itself.

folium's maps load Leaflet, jQuery, Bootstrap and Font Awesome from public CDNs; offline
those requests fail and, inside streamlit-folium's component (which loads the scripts one
after another), a single failure leaves the map blank without an error. So at start-up
:func:`install_static_assets` copies the files shipped by the ``xstatic-leaflet`` package,
and a compact copy of ``data/boundaries.geojson`` (neighbours clipped, coordinates to
0.001 degree: 28 kB gzipped instead of 50), into the ``static/`` folder next to
``dashboard.py``, which Streamlit serves at ``/app/static/`` when
``server.enableStaticServing`` is on. Files are copied, not linked: Streamlit refuses
symlinks that leave ``static/``.

:func:`use_local_assets` then points a map's ``default_js``/``default_css`` at those copies
and drops the assets our maps do not use (jQuery, Bootstrap, Font Awesome,
awesome-markers: 31 kB of jQuery less on a first visit).
streamlit-folium renders the map in an iframe at
``/component/streamlit_folium.st_folium/index.html``, so the relative address
``../../app/static/vendor/...`` (:data:`COMPONENT_STATIC_URL`) reaches the static folder,
also behind a ``server.baseUrlPath``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xs_leaflet

from gazetteer.boundaries import compact_boundaries
from gazetteer.settings import BOUNDARIES_GEOJSON, PACKAGE_DIR, ROOT_DIR

__all__ = [
    "BOUNDARIES_FILE",
    "COMPONENT_STATIC_URL",
    "STATIC_DIR",
    "install_static_assets",
    "use_local_assets",
]


#: Streamlit serves this folder at /app/static/ (the folder next to dashboard.py).
STATIC_DIR = ROOT_DIR / "static"
#: The static folder as seen from streamlit-folium's component iframe.
COMPONENT_STATIC_URL = "../../app/static"
#: The boundary GeoJSON's path under the static folder.
BOUNDARIES_FILE = "data/boundaries.geojson"


_LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                  "images/marker-icon.png", "images/marker-icon-2x.png",
                  "images/marker-shadow.png")


#: The label placer shared with the map file (gazetteer/mapfile_assets/labels.js).
LABELS_JS = PACKAGE_DIR / "mapfile_assets" / "labels.js"


def _sources() -> list[tuple[Path, str]]:
    leaflet = Path(xs_leaflet.BASE_DIR)
    files = [(leaflet / name, f"vendor/leaflet/{name}") for name in _LEAFLET_FILES]
    return [*files, (LABELS_JS, "vendor/kcm/labels.js")]


def install_static_assets(static_dir: str | Path = STATIC_DIR, *,
                          boundaries: str | Path | None = BOUNDARIES_GEOJSON) -> list[Path]:
    """Copy Leaflet, the label placer and the boundaries into ``static_dir``; return what
    it holds.

    Parameters
    ----------
    static_dir : str or Path
        The folder Streamlit serves (``static/`` next to ``dashboard.py``).
    boundaries : str or Path, optional
        The boundary GeoJSON to publish, compacted, as ``data/boundaries.geojson``
        (:func:`gazetteer.boundaries.compact_boundaries`); skipped when None or absent.

    Notes
    -----
    Idempotent and safe when several processes start at once: a file is rewritten only
    when its content differs, through a temporary file and an atomic rename.
    """
    static = Path(static_dir)
    files: list[tuple[bytes | Path, str]] = list(_sources())
    if boundaries is not None and Path(boundaries).is_file():
        files.append((compact_boundaries(boundaries).encode("utf-8"), BOUNDARIES_FILE))
    written = []
    for src, rel in files:
        dest = static / rel
        data = src if isinstance(src, bytes) else src.read_bytes()
        if not _same(data, dest):
            dest.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=dest.parent, delete=False,
                                             prefix=".tmp-") as tmp:
                tmp.write(data)
            os.chmod(tmp.name, 0o644)
            os.replace(tmp.name, dest)
        written.append(dest)
    return written


def _same(data: bytes, dest: Path) -> bool:
    if not dest.is_file() or dest.is_symlink() or dest.stat().st_size != len(data):
        return False
    return hashlib.sha256(data).digest() == hashlib.sha256(dest.read_bytes()).digest()


def use_local_assets(m: folium.Map, *, base_url: str = COMPONENT_STATIC_URL) -> folium.Map:
    """Point a map's JavaScript and CSS at the app's own copies: Leaflet and the label
    placer (``labels.js``), and nothing else.

    Parameters
    ----------
    m : folium.Map
        Changed in place (instance attributes shadow folium's class defaults).
    base_url : str
        Where the static folder is, as seen from the page that renders the map:
        :data:`COMPONENT_STATIC_URL` inside streamlit-folium; a relative ``static`` for a
        saved HTML file next to a copy of the folder.

    Returns
    -------
    folium.Map
        ``m``, for chaining.
    """
    base = base_url.rstrip("/")
    m.default_js = [("leaflet", f"{base}/vendor/leaflet/leaflet.js"),
                    ("kcm_labels", f"{base}/vendor/kcm/labels.js")]
    m.default_css = [("leaflet_css", f"{base}/vendor/leaflet/leaflet.css")]
    return m


def served_static_dir() -> Path:
    """The ``static/`` folder the running Streamlit app serves (next to its main script).

    Falls back to :data:`STATIC_DIR` outside a Streamlit run (tests, scripts).
    """
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx(suppress_warning=True)
    except ImportError:  # pragma: no cover - streamlit is a dependency
        ctx = None
    script = getattr(ctx, "main_script_path", None)
    return Path(script).resolve().parent / "static" if script else STATIC_DIR


def publish_static(text: str, *, folder: str, suffix: str = ".json",
                   static_dir: str | Path | None = None) -> str:
    """Write generated ``text`` once into the served static folder; return its address.

    The file is named by the text's SHA-256, so equal content is written once and a
    browser may cache it for good. Only the app's own generated ``static/`` folder is
    written (it is git-ignored): never a user's file.

    Returns
    -------
    str
        The address as seen from the map's iframe (``../../app/static/<folder>/<hash>``).
    """
    name = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20] + suffix
    dest = Path(static_dir) if static_dir is not None else served_static_dir()
    dest = dest / folder / name
    if not dest.is_file():
        dest.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=dest.parent,
                                         delete=False, prefix=".tmp-") as tmp:
            tmp.write(text)
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, dest)
    return f"{COMPONENT_STATIC_URL}/{folder}/{name}"
